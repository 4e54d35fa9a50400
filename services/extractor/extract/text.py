"""Text layout: same-length normalisation, boilerplate lines, sentences and clause boundaries."""

import re
from typing import NamedTuple

# Same-length replacements only, so every offset into the normalised text is an offset into the original.
_NORMALISE = (
    ("\u2018", "'"),
    ("\u2019", "'"),
    ("\u201b", "'"),
    ("\u2032", "'"),
    ("\u201c", '"'),
    ("\u201d", '"'),
    ("\u00a0", " "),
    ("\u2009", " "),
    ("\u202f", " "),
    ("\u2007", " "),
    ("\t", " "),
    ("\r", " "),
    ("\u2011", "-"),
    ("\u2010", "-"),
    ("\u00ad", "-"),
)

_BOILERPLATE = re.compile(
    r"^\s*(?:\d+\.\s*)?(?:We use your sign-up|Leave a (?:comment|reply)|Filed under|Pingback|Category Archives"
    r"|\d+ (?:Comments?|responses? to)|No comments|Post a Comment|You are commenting|Fill in your details"
    r"|Connecting to|Twitter picture|Facebook photo|Log Out|Logo$|Source: Read Full|Join our|Distributed by"
    r"|©|Copyright|Photo credit|Photograph:|Image:|Read more|READ MORE|Sign up|Subscribe|Advertisement"
    r"|JUST IN|Related:|Click here|Share this|Follow us|More info|Update:?$"
    r"|.{0,160}\[(?:REPORT|INSIGHT|VIDEO|PICS|LATEST|REVEAL|POLL|LIVE|PHOTOS|UPDATE)\]\s*$)",
    re.IGNORECASE,
)
_LINE = re.compile(r"[^\n]+")
_BULLET = re.compile(r"^[\s•*\-\u2022]*")
# A sentence ends after [.!?] or before a colon ("Putin said: The ..."). The pattern opens with one
# character class, so the engine skips in C to the next [.!?:] (a top-level alternation would be tried
# at every character); lookbehinds then tell the two cases apart.
_END = re.compile(
    r"""(?P<stop>[.!?:])(?:(?<!:)["')\]]*\s+(?=["'(\[]?[A-Z0-9])|(?<=[a-z0-9]:)\s+(?=[A-Z]))"""
)
_ABBREV = frozenset(
    "mr mrs ms dr st no gen lt col maj capt sgt adm prof sen rep gov pres jr sr vs corp inc co ltd"
    " jan feb mar apr jun jul aug sep sept oct nov dec mt ft ave dept est approx u.s u.k u.n e.u"
    " a.m p.m e.g i.e etc fig al op ed h.e h.h h.r.h hon amb".split()
)
# A line that credits a photographer or agency is a caption.
_CAPTION = re.compile(
    r"Photo credit|[Hh]andout (?:picture|photo)|in this (?:photo|picture)|\([^()]*/[^()]*\)\s*$"
    r"|\((?:Photo|Getty|Reuters|AP|AFP|Xinhua|Tass|TASS|EPA|Bloomberg)[^()]*\)\s*$"
)
_CREDIT_START = re.compile(r"Photo credit\b|Photograph:|\((?:Photo|Credit)\b")


MAX_SENTENCE = 1200  # characters; the longest seed sentence has under 400


class Sentence(NamedTuple):
    start: int
    end: int
    caption: bool  # a photo caption: it states an event with its own date


_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(65, 91)})


def lower(text: str) -> str:
    """Lower case of the same length (str.lower lengthens a few characters, such as the dotted capital I)."""
    low = text.lower()
    return low if len(low) == len(text) else text.translate(_LOWER)


def case_blind(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The same pattern without case folding, for the lower-cased text (the engine runs it about twice as
    fast)."""
    return re.compile(pattern.pattern)


def normalise(text: str) -> str:
    """The text with typographic quotes, spaces and hyphens made plain, same length."""
    for old, new in _NORMALISE:
        if (
            old in text
        ):  # str.replace per character class is far faster than str.translate with a dict
            text = text.replace(old, new)
    if (
        "\u2013" in text
    ):  # "the China\u2013Central Asia Summit": an en dash between words joins them
        text = _JOINING_DASH.sub("-", text)
    return text


_JOINING_DASH = re.compile(r"(?<=[^\W\d_])\u2013(?=[^\W\d_])")


def sentences(text: str) -> list[Sentence]:
    """Sentences of the (normalised) text as spans, boilerplate lines left out."""
    out: list[Sentence] = []
    for line in _LINE.finditer(text):
        body = line.group()
        if not body.strip() or _BOILERPLATE.match(body):
            continue
        start = line.start() + len(body) - len(_BULLET.sub("", body, count=1))
        marked = "(" in body or "Photo" in body or "andout" in body or "in this p" in body
        credit = _CREDIT_START.search(body) if marked else None  # most lines need neither pattern
        spans = _split_line(text, start, line.start() + credit.start() if credit else line.end())
        caption = marked and bool(_CAPTION.search(body))
        out.extend(Sentence(s, e, caption) for s, e in spans)
    return out


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _END.finditer(text, start, end):
        stop = match["stop"]
        cut = match.start() if stop == ":" else match.start() + 1
        if stop == ".":
            # the word the stop ends: look back from the stop only, not over the whole sentence so far
            last = text[max(cursor, text.rfind(" ", cursor, cut) + 1) : cut].split()
            word = last[-1].rstrip(".").lower() if last else ""
            if word in _ABBREV or len(word) == 1:
                continue
        spans.append((cursor, cut))
        cursor = match.end()
    if cursor < end:
        spans.append((cursor, end))
    return [piece for s, e in spans if text[s:e].strip() for piece in _bounded(text, s, e)]


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A run-on "sentence" (a table, a list, text without stops) cut into pieces of at most MAX_SENTENCE
    characters at a space: every reader's work per sentence is then bounded, and the whole stays linear."""
    pieces: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces
