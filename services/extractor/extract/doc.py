"""One analysed article: sentences with their actor, date, money and change spans, and the article's pair."""

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from typing import Any

from services.extractor.extract.dates import DateExpr, find_dates
from services.extractor.extract.gazetteer import PLACE_COUNTRY, Mention, tag
from services.extractor.extract.money import Amount, Change, find_changes, find_money
from services.extractor.extract.text import lower, normalise, sentences
from services.extractor.extract.trie import trie_pattern

# Word beginnings that make a sentence worth reading for each event family; found in one pass, which is
# far cheaper than running every reader's patterns over every sentence.
FAMILIES: dict[str, tuple[str, ...]] = {
    "meeting": (
        "meet",
        "met",
        "summit",
        "talks",
        "visit",
        "trip",
        "host",
        "call",
        "phone",
        "spoke",
        "speak",
        "talked",
        "video",
        "tete",
        "tête",
        "chat",
        "conversation",
        "hands",
        "seen with",
        "discussing",
        "discussions",
        "get-together",
        "arriv",
        "due in",
        "expected in",
        "landed in",
        "lands in",
        "sat down",
        "agreed in",
        "agreed at",
        "pledged in",
        "decided in",
        "negotiations",
        "consultations",
        "travel",
        "flew to",
        "flies to",
        "fly to",
        "sits down",
        "sit down",
        "receiv",
        "welcom",
        "invit",
        "joined",
        "spent",
        "virtual ceremony",
        "online ceremony",
        "rolled out the red carpet",
        "rolls out the red carpet",
    ),
    "agreement": (
        "sign",
        "ink",
        "witness",
        "finali",
        "protocol",
        "seal",
        "stru",
        "strike",
        "clinch",
        "conclud",
        "reach",
        "agree",
        "deal",
        "contract",
        "pact",
        "accord",
        "treat",
        "memorand",
        "mou",
        "swap",
        "renew",
    ),
    "trade": ("trade", "turnover", "export", "import", "shipment", "commerce", "trading"),
    "sanctions": (
        "sanction",
        "restrict",
        "embargo",
        "control",
        "tariff",
        "duties",
        "blacklist",
        "entity list",
        "penalt",
        "be targeted",
        "be penali",
        "punitive",
        "measures",
        "asset freez",
        "froze",
        "firm respon",
        "strong respon",
        "resolute respon",
        "stern respon",
        "forceful respon",
        "tough respon",
        "decisive respon",
        "respond firmly",
        "respond resolutely",
        "respond in kind",
        "white list",
        "list of trusted",
        "list of preferred",
        "respond by",
        "trade defen",
        "act against",
        "whitelist",
        "freez",
        "seized",
        " ban ",
        " bans ",
        "banned",
        "banning",
        "levies",
        "curb",
        "barred",
        "halted",
        "suspended",
        "cut off",
        "cutting off",
        "cuts off",
        "withh",
        "blocked",
        " bar ",
        " bars ",
        "barring",
        "exclud",
        "shut",
        "consequence",
        "retaliat",
        "reprisal",
        " a price",
        "heavy price",
        "high price",
        "steep price",
        "punish",
        "deposits",
        "countermeasure",
        "counter-measure",
    ),
    "exercise": (
        "exercise",
        "drill",
        "patrol",
        "war game",
        "wargame",
        "manoeuvre",
        "maneuver",
        "flights",
        "missions",
        "naval games",
        "maritime activit",
        "maritime cooperative activit",
    ),
    "statement": ("joint", "declared", "together", "declaration"),
}


# "MEXICO CITY (Reuters) -", "BRASILIA, Nov. 20 (Xinhua) --", "MOSCOW, March 15. /TASS/.": where the story
# was filed, not an actor of its first sentence.
_DATELINE = re.compile(
    r"^[ \t]*(?P<city>[A-Z][A-Z'.-]{2,}(?:[ /][A-Z][A-Z'.-]+)*)(?:,[ ][A-Z][\w.]*(?:[ ][A-Z][\w.]*)*)*"
    r"(?:,?[ ](?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ ]\d{1,2}\.?)?[ ]*"
    r"(?:\(?(?:Reuters|AP|AFP|Xinhua|Yonhap|Kyodo|Bloomberg|IANS|PTI|Anadolu|UPI|TASS|dpa|ANI)\)?[ ]*(?:--|—|–|-)"
    r"|/[A-Z]+/\."
    r"|(?:--|—|–|-|:))(?=[ ])"
    # "Moscow, Dec 27 (PTI)": an Indian agency's dateline, in title case and without a dash
    r"|^[ \t]*(?P<city2>[A-Z][a-z'.-]+(?:[ ][A-Z][a-z'.-]+)?),[ ](?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
    r"[a-z]*\.?[ ]\d{1,2}[ ]\((?:PTI|IANS|ANI|UNI|Reuters|AFP|AP|Xinhua|TASS)\)(?=[ ])"
    # "Dhaka, 29 March 2025 -", "May 27, 2024, Tashkent -": a press office's dateline, day and town
    r"|^[ \t]*(?P<city3>[A-Z][a-z'.-]+(?:[ ][A-Z][a-z'.-]+)?),[ ]\d{1,2}[ ](?:January|February|March|April|May|June"
    r"|July|August|September|October|November|December)[ ](?:19|20)\d\d[ ](?:--|—|–|-)(?=[ ])"
    r"|^[ \t]*(?:January|February|March|April|May|June|July|August|September|October|November|December)[ ]\d{1,2},"
    r"[ ](?:19|20)\d\d,[ ](?P<city4>[A-Z][a-z'.-]+(?:[ ][A-Z][a-z'.-]+)?)(?:[ ](?:--|—|–|-)(?=[ ])|[ \t]*$)",
    re.MULTILINE,
)


def _city(match: re.Match[str]) -> str:
    return str(next(g for g in ("city", "city2", "city3", "city4") if match[g]))


_READOUT = re.compile(
    r"\s*(?P<day>(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r" \d{1,2}, (?:19|20)\d\d),(?: [A-Z][\w'-]+(?: [A-Z][\w'-]+){0,3},){0,2} [A-Z][\w'-]+(?: [A-Z][\w'-]+)?\.(?=\s)"
)


def _datelines(text: str, mentions: list[Mention]) -> list[tuple[int, int]]:
    """Dateline spans; a bloc, company or person before a colon ("NATO: allies agree") is a headline."""
    out = []
    for match in _DATELINE.finditer(text):
        group = _city(match)
        named = [m for m in mentions if match.start(group) <= m.start < match.end(group)]
        headline = (
            match.group().rstrip().endswith(":")
        )  # "NATO: allies agree"; not "BRUSSELS, June 27 -"
        if not (headline and any(m.kind in {"bloc", "org", "person"} for m in named)):
            out.append(match.span())
    return out


def dateline_town(text: str) -> str | None:
    """The town a story was filed from, as written in a news text ("Woodside" from "WOODSIDE, California,
    Nov 16 (Reuters) -"), whether or not the gazetteer lists it."""
    match = next(_DATELINE.finditer(text, 0, 400), None)
    if match is None or "\n" in text[: match.start()].strip():
        return None  # at the start, or after a one-line headline
    return match[_city(match)].split("/")[0].title()


class Sent:
    """A sentence: its span, actor mentions, and (computed on first use) its dates, money and changes."""

    __slots__ = (
        "_changes",
        "_dates",
        "_money",
        "_source",
        "caption",
        "clause_spans",
        "end",
        "families",
        "group",
        "index",
        "low",
        "memo",
        "mentions",
        "pair",
        "start",
        "text",
    )

    def __init__(
        self,
        index: int,
        start: int,
        end: int,
        source: tuple[str, str],
        caption: bool,
        mentions: list[Mention],
    ) -> None:
        self.index, self.start, self.end, self.caption, self.mentions = (
            index,
            start,
            end,
            caption,
            mentions,
        )
        self._source = source  # the whole normalised text and its lower-cased copy
        self.text = source[0][start:end]
        self.low = source[1][start:end]
        self.pair: frozenset[str] = frozenset()  # the article's pair as of this sentence
        self.group: frozenset[str] = frozenset()  # three or more states listed together just before
        self.families: set[str] = set()  # event families whose stems the sentence holds
        self._dates: list[DateExpr] | None = None
        self._money: list[Amount] | None = None
        self._changes: list[Change] | None = None
        self.clause_spans: list[tuple[int, int]] | None = None  # clauses.clauses() fills it
        self.memo: dict[str, object] = {}  # per-sentence results a reader computes once

    @property
    def dates(self) -> list[DateExpr]:
        if self._dates is None:
            found = find_dates(*self._source, self.start, self.end)
            skip = self.memo.get("dateline")
            if isinstance(
                skip, tuple
            ):  # "KANANASKIS, Alberta, June 18 -": the filing date, no event's
                found = [d for d in found if not skip[0] <= d.start < skip[1]]
            self._dates = found
        return self._dates

    @property
    def money(self) -> list[Amount]:
        if self._money is None:
            self._money = find_money(*self._source, self.start, self.end)
        return self._money

    @property
    def changes(self) -> list[Change]:
        if self._changes is None:
            self._changes = find_changes(self._source[1], self.start, self.end)
        return self._changes

    def codes(self, start: int | None = None, end: int | None = None) -> list[str]:
        """Actor codes mentioned between two offsets (default: the whole sentence), in order."""
        lo, hi = start if start is not None else self.start, end if end is not None else self.end
        return [m.code for m in self.mentions if m.code and lo <= m.start < hi]


@dataclass
class Doc:
    text: str
    published: date
    sents: list[Sent]
    notes: dict[str, Any] = field(
        default_factory=dict
    )  # state later sentences read (last trade figure)


def analyse(raw: str, published: date) -> Doc:
    """Split and tag the whole text once; dates, money and changes are read per sentence when asked."""
    text = normalise(raw)
    source = (text, lower(text))
    tagged = tag(text)
    lines = _datelines(text, tagged)
    mentions = [m for m in tagged if not any(a <= m.start < b for a, b in lines)]
    starts = [m.start for m in mentions]
    sents: list[Sent] = []
    pairs: Counter[frozenset[str]] = Counter()
    singles: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    group: tuple[int, frozenset[str]] | None = None
    for index, span in enumerate(sentences(text)):
        sent = Sent(
            index,
            span.start,
            span.end,
            source,
            span.caption,
            mentions[bisect_left(starts, span.start) : bisect_left(starts, span.end)],
        )
        for a, b in lines:
            if span.start <= a < span.end:
                sent.memo["dateline"] = (a, b)
        codes = sorted({m.code for m in sent.mentions if m.code and m.code != "UN"})
        if codes or not sents:  # the pair changes only where actors are named
            singles.update(codes)
            for m in sent.mentions:
                if m.code and m.code != "UN":
                    first_seen.setdefault(m.code, len(first_seen))
            pairs.update(frozenset(pair) for pair in combinations(codes, 2))
            sent.pair = _leading_pair(pairs, singles, first_seen)
        else:
            sent.pair = sents[-1].pair
        listed = _listed(text, sent.mentions) if len(codes) >= 3 else frozenset()
        if not listed and len(codes) >= 3:
            # "Macron and von der Leyen pressed Xi ... The three leaders met": the people of one sentence
            people = frozenset(m.code for m in sent.mentions if m.code and m.kind == "person")
            listed = people if 3 <= len(people) <= 5 else frozenset()
        if listed:
            group = (index, listed)
        sent.group = group[1] if group and index - group[0] <= _GROUP_REACH else frozenset()
        sents.append(sent)
    _mark_families(source[1], sents)
    doc = Doc(text, published, sents)
    filed = [
        m
        for m in tagged
        if lines
        and lines[0][0] <= m.start < lines[0][1]
        and m.place
        and (m.code or m.place in PLACE_COUNTRY)
    ]
    if filed and lines[0][0] < 400:  # "SEOUL, May 27 (Reuters) -": where the story was filed
        doc.notes["dateline"] = (
            filed[0].place,
            filed[0].code or PLACE_COUNTRY[str(filed[0].place)],
        )
    first = next(_DATELINE.finditer(text, 0, 400), None)
    if first is not None and (
        first["city3"] or first["city4"]
    ):  # "May 27, 2024, Tashkent -": its day
        found = find_dates(text, source[1], first.start(), first.end())
        if found and found[0].year and found[0].day:
            doc.notes["filed_on"] = date(found[0].year, found[0].month or 1, found[0].day)
    town = dateline_town(text)
    if town:
        doc.notes["dateline_town"] = town
    readout = _READOUT.match(text)
    if readout:  # "June 15, 2023, The Kremlin, Moscow.": an official readout's day and place
        named = [m for m in tagged if m.start < readout.end() and m.place and m.code]
        if named:
            doc.notes["dateline"] = (named[-1].place, named[-1].code)
        found = find_dates(text, source[1], 0, readout.end("day"))
        if found and found[0].kind == "md" and found[0].year:
            doc.notes["filed_on"] = date(found[0].year, found[0].month or 1, found[0].day or 1)
    return doc


# Every stem of every family in one trie-shaped pattern: one pass of the regex engine over the text.
_STEM_FAMILIES: dict[str, set[str]] = {}
for _family, _stems in FAMILIES.items():
    for _stem in _stems:
        _STEM_FAMILIES.setdefault(_stem, set()).add(_family)
_STEMS = re.compile(
    r"\b" + trie_pattern(_STEM_FAMILIES)
)  # stems start words: "met" is not in "commentators"


def _mark_families(low: str, sents: list[Sent]) -> None:
    """Each sentence's families: the stems are found by the regex engine in C, sentence by sentence."""
    findall = _STEMS.findall
    for sent in sents:
        for stem in set(findall(low, sent.start, sent.end)):
            sent.families |= _STEM_FAMILIES[stem]


_GROUP_REACH = 6  # sentences after a list of states in which "the three countries" may point at it
_LIST_GAP = re.compile(r"(?:'s)?\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)(?:the\s+)?")


def _listed(text: str, mentions: list[Mention]) -> frozenset[str]:
    """Three or more states written as one list ("South Korea, Japan and the United States"), which
    "the three countries" may later point at."""
    best: frozenset[str] = frozenset()
    run: list[str] = []
    edge = -1
    for m in mentions:
        if not m.code or m.code == "UN":
            continue
        if run and _LIST_GAP.fullmatch(text, edge, m.start):
            run.append(m.code)
        else:
            run = [m.code]
        edge = m.end
        if len(set(run)) >= 3 and len(set(run)) > len(best):
            best = frozenset(run)
    return best


def _leading_pair(
    pairs: Counter[frozenset[str]], singles: Counter[str], first_seen: dict[str, int]
) -> frozenset[str]:
    """The pair the article is about so far: the most frequent co-mentioned pair (ties: the more mentioned,
    then the earlier named, since news names its main actors first), else the top two actors."""
    if pairs:
        best = max(pairs.values())
        tied = [pair for pair, n in pairs.items() if n == best]
        return max(
            tied,
            key=lambda pair: (
                sum(singles[code] for code in pair),
                -sum(first_seen.get(code, 99) for code in pair),
            ),
        )
    top = [code for code, _ in singles.most_common(2)]
    return frozenset(top) if len(top) == 2 else frozenset()
