"""Slot fillers shared by the event readers: the draft event, its date, place and source."""

import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from services.extractor.extract.clauses import located
from services.extractor.extract.dates import DateExpr, Resolved, resolve
from services.extractor.extract.doc import Doc, Sent
from services.extractor.extract.gazetteer import PLACE_COUNTRY
from services.extractor.extract.text import case_blind

_SAID = re.compile(r" (?:said|says|told|added|noted)(?![a-z])")


# Dates that bound something else rather than date an event: "since 2014", "until 2030", "by 2024" (a
# target year, not when a meeting or statement took place).
NOT_EVENT_DATE = frozenset({"since", "until", "till", "by"})


@dataclass
class Draft:
    """An event being read: type, parties, fields and where it was read; built into a schema event later."""

    type: str
    actors: frozenset[str]
    sent: Sent
    trigger: tuple[int, int]
    fields: dict[str, Any] = field(default_factory=dict)
    date: Resolved | None = None
    by: frozenset[str] = frozenset()
    target: frozenset[str] = frozenset()
    confidence: float = 0.6
    attributed_to: str | None = None
    cameo: str | None = None


_COUNT_BEFORE = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+(?:[\w-]+\s+)?$"
)


def event_date(
    doc: Doc,
    sent: Sent,
    lo: int,
    hi: int,
    anchor: int,
    direction: str | None,
    skip: frozenset[str] = frozenset({"since", "until", "till"}),
) -> Resolved | None:
    """The date nearest the trigger inside [lo, hi), skipping "since ...", "until ..." (and `skip`)."""
    best: tuple[int, DateExpr] | None = None
    for expr in sent.dates:
        if not lo <= expr.start < hi or expr.prep in skip:
            continue
        if _COUNT_BEFORE.search(
            sent.text, max(0, expr.start - sent.start - 24), expr.start - sent.start
        ):
            continue  # "their fourth this year": a count, not the event's date
        distance = expr.start - anchor if expr.start >= anchor else (anchor - expr.end) + 15
        if best is None or distance < best[0]:
            best = (distance, expr)
    return resolve(best[1], doc.published, direction) if best else None


def place(sent: Sent, lo: int, hi: int, anchor: int) -> str | None:
    """The place written as a location ("in Samarkand", "over the Sea of Japan") nearest after the trigger."""
    spots = [
        m
        for m in sent.mentions
        if m.place
        and lo <= m.start < hi
        and located(sent, m)
        and not _ORIGIN.search(sent.text, max(0, m.start - sent.start - 45), m.start - sent.start)
        and not _BEARING_LOW.search(
            sent.low, max(0, m.start - sent.start - 30), m.start - sent.start
        )
        and not _AHEAD_OF_LOW.search(
            sent.low, max(0, m.start - sent.start - 45), m.start - sent.start
        )
    ]
    if not spots:
        return _unlisted_place(sent, lo, hi)
    # Right after the trigger ("talks in Beijing") first; a city before the sea or region it lies on
    # ("in the Black Sea resort of Sochi"); then whatever is nearest.
    return min(
        spots,
        key=lambda m: (
            not 0 <= m.start - anchor <= 90,
            m.place not in PLACE_COUNTRY
            and any(0 < o.start - m.end <= 25 and o.place in PLACE_COUNTRY for o in spots),
            abs(m.start - anchor),
        ),
    ).place


# A place the gazetteer does not list, named the way news names towns: "the port city of Richards Bay",
# "in Woodside, California", "in the Tajik city of Khujand".
_TOWN = re.compile(
    r"\b(?:city|town|port|port city|resort|resort town|village|region|province) of (?P<a>[A-Z][\w'-]+(?: [A-Z][\w'-]+)?)"
    r"|\bin (?P<b>[A-Z][\w'-]+(?: [A-Z][\w'-]+)?), (?:California|Texas|Florida|New York|Maryland|Virginia|Hawaii|Delaware|Georgia|Colorado|Arizona"
    r"|Nevada|Oregon|Michigan|Ohio|Pennsylvania|New Jersey|Kentucky|Tennessee|Louisiana|Alabama|Iowa|Utah|Maine|Vermont"
    r"|New Hampshire|Connecticut|Rhode Island|North Carolina|South Carolina|Missouri|Minnesota|Wisconsin|Indiana"
    r"|Kansas|Nebraska|Oklahoma|Arkansas|Mississippi|Montana|Idaho|Wyoming|New Mexico|West Virginia|North Dakota"
    r"|South Dakota"
    r"|Alaska|Washington|Massachusetts|Georgia|Illinois|Bavaria|Scotland|Crimea)\b"
    r"|\bin (?P<c>[A-Z][\w'-]+(?: [A-Z][\w'-]+)?), (?:(?:[\w-]+ ){0,3}?(?:north|south|east|west)\w* of|near|outside)\b"
    r"|\b(?:[Ss]ummit|[Ff]orum|[Cc]onference|[Gg]athering) in (?!(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December|the|The)\b)(?P<d>[A-Z][a-z][\w'-]+)\b"
    r"|\boff (?P<e>[A-Z][a-z][\w'-]+(?: [A-Z][a-z][\w'-]+)?)"  # "drills continued off Richards Bay"
    # "along the M4 highway in Syria's northwestern Idlib province"
    r"|\b(?:in|along|near|across)\s+(?:the\s+)?(?:[A-Z][\w-]+'s\s+)?(?:(?:north|south|east|west)\w*\s+)?"
    r"(?P<f>[A-Z][a-z][\w'-]+)\s+(?:province|region|governorate|prefecture|(?:de-escalation\s+)?zone)\b"
    r"|\bat (?P<g>[A-Z][a-z][\w'-]+(?: [A-Z][a-z][\w'-]+)?) (?:air base|airbase|naval base|training ground)\b"
)
# "in Bogor, south of Jakarta": the place named by its bearing from another is not that other.
# "welcomed Xi at the Union Buildings on Tuesday, ahead of the BRICS summit in Johannesburg"
_AHEAD_OF = re.compile(
    r"\b(?:ahead of|before|following)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,4}?(?:summit|forum|conference|games|gathering"
    r"|congress)\s+(?:in\s+)?$"
    r"|\b(?:ahead of|before)\s+(?:the\s+|a\s+)?$",  # "Tinubu meets Xi ahead of Africa summit"
    re.IGNORECASE,
)
_BEARING = re.compile(
    r"(?:,|\b(?:estate|house|town|city|village|resort|suburb|base|compound|retreat|palace|residence|ranch))\s+"
    r"(?:about\s+|some\s+|just\s+)?(?:\d+\s*(?:km|kilometres|kilometers|miles)\s+)?"
    r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|near|outside)\s+$",
    re.IGNORECASE,
)  # "in Bogor, south of Jakarta", "a country estate south of San Francisco"; not "waters south of Jeju Island"


_TOWN_CUE = re.compile(r"\b(?:of|in|off|at) [A-Z]")
# "flew to Hanoi directly from the G20 summit in New Delhi": where someone came from is not where
# the event is.
_ORIGIN = re.compile(
    r"\b(?:leaves|left|leaving|departs|departed|departing)\s+$"
    r"|\bfrom\s+(?:the\s+)?(?:(?!(?:will|would|shall|to|and|is|are|was|were|met|meet|meets|held|hold|holds|gather\w*)\b)"
    r"[\w-]+\s+){0,4}?(?:in\s+)?$"
    r"|\b(?:return|returns|returned|returning|back|home|flying home|heading home)\s+to\s+$"  # "before returning to Brasilia"
)  # not past a verb: "Defence ministers from the three countries will meet in Tokyo"


def _unlisted_place(sent: Sent, lo: int, hi: int) -> str | None:
    stop = min(len(sent.text), hi - sent.start + 30)
    if not _TOWN_CUE.search(sent.text, lo - sent.start, stop):
        return None  # every form of _TOWN has "of" or "in" before a capitalised name
    town = _TOWN.search(sent.text, lo - sent.start, stop)
    for group in ("d", "e", "f", "g"):
        if (
            town
            and town[group]
            and any(m.start == sent.start + town.start(group) for m in sent.mentions)
        ):
            return None  # "a BRICS summit in Brazil", "off Japan": a country, which the gazetteer already read
    return (
        (town["a"] or town["b"] or town["c"] or town["d"] or town["e"] or town["f"] or town["g"])
        if town and town.start() < hi - sent.start
        else None
    )


def source(sent: Sent) -> str | None:
    """Who the sentence says stated it ("according to the Kremlin", "Peskov said"), for reported speech;
    read once per sentence."""
    if "source" not in sent.memo:
        sent.memo["source"] = _source(sent)
    found = sent.memo["source"]
    return found if isinstance(found, str) else None


def _source(sent: Sent) -> str | None:
    at = sent.low.find("according to ")
    if at >= 0:
        who = re.split(r"[,.;:]", sent.text[at + 13 : at + 93], maxsplit=1)[0].strip()
        return who or None
    verb = _SAID.search(sent.low)
    if verb is None:
        return None
    before = sent.text[max(0, verb.start() - 60) : verb.start()].split()
    names = list(itertools.takewhile(lambda w: w[:1].isupper(), reversed(before)))
    if names:
        return " ".join(reversed(names)).strip(",")
    after = sent.text[verb.end() : verb.end() + 60].split()
    names = list(itertools.takewhile(lambda w: w[:1].isupper(), after))
    return " ".join(names).strip(",.") or None


# The same two patterns without case folding, for the lower-cased text (about twice as fast).
_BEARING_LOW = case_blind(_BEARING)
_AHEAD_OF_LOW = case_blind(_AHEAD_OF)
