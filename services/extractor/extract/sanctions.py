"""Sanctions and restrictions: threatened or imposed, by whom and on whom (one event per target)."""

import re

from services.extractor.extract.clauses import NEGATION, clause_of, modality
from services.extractor.extract.doc import Doc, Sent
from services.extractor.extract.gazetteer import Mention
from services.extractor.extract.slots import Draft, event_date, source

_NOUN = re.compile(
    r"\b(?:sanction\w*|restrictions?|embargo(?:es)?|export controls?|tariffs?|(?:anti-dumping |countervailing )?duties"
    r"|blacklist\w*|entity list|penalt(?:y|ies)|punitive measures|counter-?measures|asset freezes?)\b",
    re.IGNORECASE,
)
_THREAT = re.compile(
    r"\b(?:warn\w*|threat\w*|made (?:it )?clear|could face|would face|vow\w*|consider\w*|mull\w*|weigh\w*"
    r"|(?:may|could|would|will|plans? to|ready to|prepared to|poised to) (?:impose|slap|levy|sanction|shut down))\b",
    re.IGNORECASE,
)
_IMPOSE = re.compile(
    r"\b(?P<verb>impos\w+|slapp?\w*|levie[sd]|levy|announced|sanctioned|blacklisted|(?:has |have |had )?faced|faces"
    r"|facing|hit|froze|frozen|added|tighten\w*|expand\w*|extend\w*|banned|bans|placed|put)\b",
    re.IGNORECASE,
)
_FILLER = re.compile(
    r"^(?:'s)?(?:\s|,|and|new|fresh|further|increasing|punishing|severe|harsh|economic|financial|trade|secondary"
    r"|sweeping|tough|additional|more|unilateral|first|latest|retaliatory|tit-for-tat|\w+-led|led)*$",
    re.IGNORECASE,
)
_AFTER_ON = re.compile(r"^\s+(?:on|against|targeting|over)\s+(?:the\s+|a\s+|two\s+|\w+\s+)?$", re.IGNORECASE)


def read_sanctions(doc: Doc, sent: Sent) -> list[Draft]:
    """Sanctions threatened (a warning, a threat) or imposed, one event per target."""
    if "sanctions" not in sent.families:
        return []
    noun = _NOUN.search(sent.text)
    if noun is None:
        return []
    threat = _THREAT.search(sent.text)
    cue = threat or _IMPOSE.search(sent.text)
    if cue is None:
        return []
    at = sent.start + cue.start()
    clause = clause_of(sent, at)
    mood = modality(sent, at, sent.start + cue.end(), clause)
    if mood == "negated" or (mood == "hypothetical" and not threat) or NEGATION.search(cue.group()):
        return []
    kind = "sanctions_threatened" if threat or mood == "future" else "sanctions_imposed"
    noun_at = sent.start + noun.start()
    by = _by(sent, at, sent.start + cue.end(), noun_at, clause, bool(threat))
    target = _target(sent, at, sent.start + cue.end(), noun_at, by, bool(threat)) - by
    if not by or not target:
        return []
    when = event_date(doc, sent, clause[0], clause[1], at, "past") if kind == "sanctions_imposed" else None
    return [Draft(kind, frozenset(by | {code}), sent, (at, sent.start + cue.end()), by=frozenset(by), target=frozenset({code}),
                  date=when, confidence=0.65, attributed_to=source(sent)) for code in sorted(target)]


def _chain_before(sent: Sent, pos: int) -> set[str]:
    """Actors written just before `pos` as modifiers ("U.S. and European Union" sanctions)."""
    found: set[str] = set()
    edge = pos
    for m in reversed([m for m in sent.mentions if m.end <= pos]):
        if not m.code or not _FILLER.match(sent.text[m.end - sent.start : edge - sent.start]):
            break
        found.add(m.code)
        edge = m.start
    return found


def _chain_after(sent: Sent, pos: int, limit: int = 30) -> set[str]:
    """Actors written right after `pos`, joined by "and" or commas ("by the US and EU", "on Russia")."""
    found: set[str] = set()
    edge = pos
    for m in (m for m in sent.mentions if m.start >= pos):
        gap = sent.text[edge - sent.start : m.start - sent.start]
        joined = re.fullmatch(r"(?:'s)?\s*(?:,|and|&)?\s*(?:the\s+)?", gap) if found else len(gap) <= limit and re.fullmatch(r"[\w\s'-]*", gap)
        if not m.code or not joined:
            break
        found.add(m.code)
        edge = m.end
    return found


def _joined(sent: Sent, first: Mention) -> list[Mention]:
    """Mentions coordinated with `first` ("the U.S. and Europe", "the US, the EU and Japan")."""
    out: list[Mention] = []
    edge = first.end
    for m in (m for m in sent.mentions if m.start >= first.end):
        if not re.fullmatch(r"(?:'s)?\s*(?:,|and|&)\s*(?:the\s+)?", sent.text[edge - sent.start : m.start - sent.start]):
            break
        out.append(m)
        edge = m.end
    return out


def _by(sent: Sent, at: int, end: int, noun_at: int, clause: tuple[int, int], threat: bool) -> set[str]:
    """Who threatens or imposes: "warned by X", "X sanctions", else the subject before the cue."""
    passive = re.match(r"\s+by\s+", sent.text[end - sent.start :])
    if passive:
        found = _chain_after(sent, end + passive.end())
        if found:
            return found
    adjective = _chain_before(sent, noun_at)
    if adjective:
        return adjective
    if not threat and noun_at < at:
        return set()  # "sanctions imposed on Russia": a participle, its subject is not the imposer
    first = next((m for m in sent.mentions if m.code and clause[0] <= m.start and m.end <= at), None)
    if first is None or first.code is None:
        return set()
    return {first.code} | {m.code for m in _joined(sent, first) if m.end <= at and m.code}


def _target(sent: Sent, at: int, end: int, noun_at: int, by: set[str], threat: bool) -> set[str]:
    """On whom: "sanctions on X", "sanctioned X", "X has faced sanctions", "if X ...", "warned X"."""
    for m in sent.mentions:
        if m.code and m.start > noun_at and _AFTER_ON.match(sent.text[noun_at - sent.start : m.start - sent.start][-40:]):
            return {m.code} | _chain_after(sent, m.end)
    verb = sent.text[at - sent.start : end - sent.start].lower()
    if verb.startswith(("sanctioned", "blacklisted")):
        return _chain_after(sent, end)
    if "fac" in verb:
        subject = [m.code for m in sent.mentions if m.code and clause_of(sent, at)[0] <= m.start and m.end <= at]
        return set(subject[-1:])
    if not threat:
        return set()
    condition = re.search(r"\bif\s+", sent.text[end - sent.start :])
    if condition:
        found = _chain_after(sent, end + condition.end(), limit=12)
        if found:
            return set(sorted(found)[:1]) if len(found) > 1 else found
    return _nearest_other(sent, at, end, by)


def _nearest_other(sent: Sent, at: int, end: int, by: set[str]) -> set[str]:
    """The party a warning is addressed to: right after the cue, else the nearest other actor."""
    others = [m for m in sent.mentions if m.code and m.code not in by]
    after = [m for m in others if m.start >= end]
    if after and re.fullmatch(r"\s*(?:to\s+)?(?:the\s+)?", sent.text[end - sent.start : after[0].start - sent.start]):
        return {after[0].code} if after[0].code else set()
    if not others:
        return set()
    nearest = min(others, key=lambda m: abs(m.start - at) + (0 if m.start >= end else 10))
    return {nearest.code} if nearest.code else set()
