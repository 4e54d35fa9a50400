"""Actor and place gazetteer: data files under data/ compiled once into one trie regex, one pass per text."""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import NamedTuple

from services.extractor.extract.trie import trie_pattern

DATA = resources.files("services.extractor.extract") / "data"
# Seats of power are actors but not places; places.tsv maps them to their city.
_SEATS = {
    "kremlin",
    "white house",
    "pentagon",
    "state department",
    "zhongnanhai",
    "blue house",
    "downing street",
    "whitehall",
    "planalto",
    "casa rosada",
    "elysee",
    "élysée",
    "malacanang",
    "malacañang",
    "elysee palace",
    "élysée palace",
}


@dataclass(frozen=True)
class Entry:
    """What one surface form names: an actor code and its kind, and/or a place."""

    code: str | None
    kind: str  # country, demonym, capital, person, org, bloc, place
    place: str | None = None
    needs_full: frozenset[str] = frozenset()  # an alias that counts only after one of these names


class Mention(NamedTuple):
    start: int
    end: int
    text: str
    code: str | None
    kind: str
    place: str | None


def _rows(name: str) -> Iterable[list[str]]:
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield ([*line.split("\t"), "", "", "", ""])[:4]


def _split(cell: str) -> list[str]:
    return [s.strip() for s in cell.split("|") if s.strip()]


def _place_countries() -> dict[str, str]:
    """The country each place lies in, for telling a visit from a meeting on third ground."""
    out = {
        place: country
        for place, country, _, _ in _rows("places.tsv")
        if country not in {"-", "region"}
    }
    for code, _, _, capitals in _rows("countries.tsv"):
        for capital in _split(capitals):
            out.setdefault(capital, code)
    return out


def _plain(text: str) -> str:
    """The text without accents ("Brasília" -> "Brasilia")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _load() -> dict[str, Entry]:
    table: dict[str, Entry] = {}
    for code, names, demonyms, capitals in _rows("countries.tsv"):
        for kind, cell in (("country", names), ("demonym", demonyms), ("capital", capitals)):
            for surface in _split(cell):
                place = surface if kind == "capital" and surface.lower() not in _SEATS else None
                if place is not None:  # "Brasília" is reported as "Brasilia", in plain English
                    place = next((c for c in _split(cell) if c == _plain(place)), place)
                table.setdefault(surface, Entry(code, kind, place))
    fulls: dict[str, list[str]] = {}
    for code, kind, names, aliases in _rows("actors.tsv"):
        for surface in _split(names):
            table[surface] = Entry(code, kind)
            for word in surface.split():
                fulls.setdefault(f"{code}:{word}", []).append(surface)
        for alias in _split(aliases):
            bare = alias.lstrip("~")
            needs = (
                frozenset(fulls.get(f"{code}:{bare}", [])) if alias.startswith("~") else frozenset()
            )
            if bare not in table:
                table[bare] = Entry(code, kind, None, needs)
    for place, _country, others in (row[:3] for row in _rows("places.tsv")):
        for surface in [place, *_split(others)]:
            old = table.get(surface)
            if old is not None and old.code is not None:
                table[surface] = Entry(old.code, old.kind, place, old.needs_full)
            else:
                table[surface] = Entry(None, "place", place)
    return table


TABLE = _load()
PLACE_COUNTRY = _place_countries()
# Continents and world regions: where drills sail, never where leaders meet ("his first visit to Europe").
REGIONS = frozenset(place for place, country, _, _ in _rows("places.tsv") if country == "region")
# "the Kazakh capital": a demonym before "capital" names the country's first listed capital.
CAPITAL_OF = {
    code: next(c for c in _split(capitals) if c.lower() not in _SEATS)
    for code, _, _, capitals in _rows("countries.tsv")
    if any(c.lower() not in _SEATS for c in _split(capitals))
}
_CAPITAL_AFTER = re.compile(
    r" capital(?! (?:city of|of|markets?|flows?|goods|spending|investment|controls?|gains))\b"
)

_TITLE_BEFORE = re.compile(
    r"(?:Minister|President|Secretary|Ambassador|Governor|Senator|Chancellor|Premier|Mr\.?|Ms\.?|Dr\.?) $"
)
# "the Uzbek city of Samarkand", "the Chinese port city of Tianjin": the adjective says where, not who.
_TOWN_OF_AFTER = re.compile(
    r"(?: (?:port|resort|coastal|border|northern|southern|eastern|western|central|northeastern|northwestern"
    r"|southeastern|southwestern|industrial|capital|garrison|frontline|Black Sea|Baltic|Arctic|Pacific))*"
    r" (?:city|town|port|village|region|province|island|enclave|exclave) of [A-Z]"
)


def _variants() -> dict[str, tuple[str, Entry]]:
    """Each surface as written, capitalised and in capitals; acronyms only as written."""
    out: dict[str, tuple[str, Entry]] = {}
    for surface, entry in TABLE.items():
        forms = (
            {surface}
            if surface.isupper()
            else {surface, surface.upper(), surface[:1].upper() + surface[1:]}
        )
        for form in forms:
            out.setdefault(form, (surface, entry))
    return out


_FORMS = _variants()
# Case-sensitive on purpose: most positions start lowercase and are skipped by the engine at once. The few
# forms that begin in lower case ("von der Leyen", "al-Assad") are found with str.find instead, so that
# the trie is never tried at every "a" or "e" of the text.
_LOWER_FORMS = sorted((f for f in _FORMS if f[:1].islower()), key=len, reverse=True)
_PATTERN = re.compile(r"(?:" + trie_pattern(f for f in _FORMS if not f[:1].islower()) + r")(?!\w)")


_CURRENCY = re.compile(
    r"\$|\s(?:dollars?|yuan|renminbi|rubles?|roubles?|rupees?|yen|won|reais|real|lira|euros?|pounds?"
    r"|currency|currencies|dirhams?|riyals?|rand|pesos?|francs?)\b"
)


_FIRST_NAMES = frozenset(
    {"Santiago", "Victoria", "Kingston", "Florence", "Lima", "Paris", "Sofia", "Regina"}
)
_NAME_AFTER = re.compile(
    r" [A-Z][a-z]+(?![\w-]*\s+(?:[Ss]ummit|[Ff]orum|[Pp]alace|[Dd]eclaration))"
)
_REGION_BEFORE = re.compile(r"(?:Eastern|Central|Western|Northern|Southern|non-|pan-)\s?$")
_GENERIC_AFTER = re.compile(
    r"\s(?:country|countries|nation|nations|state|states|continent|capitals?|neighbou?rs?|buyers|customers"
    r"|consumers|markets?|demand|football|clubs?|teams?|championships?|cup)\b"
)


def tag(text: str) -> list[Mention]:
    """All gazetteer mentions in `text`, left to right, longest match at each position."""
    out: list[Mention] = []
    seen: set[str] = set()
    for start, end, form in _matches(text):
        if start and (text[start - 1].isalnum() or text[start - 1] in "._"):
            continue
        surface, entry = _FORMS[form]
        if entry.needs_full and not entry.needs_full & seen:
            continue
        if form in _FIRST_NAMES and _NAME_AFTER.match(text, end):
            continue  # "Santiago Cafiero": a first name, not Chile's capital
        if form.startswith("European") and (
            _REGION_BEFORE.search(text, max(0, start - 12), start)
            or _GENERIC_AFTER.match(text, end)
        ):
            continue  # "a Central or Eastern European country": a region, not the bloc
        if entry.kind in {"country", "demonym"} and _CURRENCY.match(text, end):
            continue  # "the U.S. dollar", "Chinese yuan": a currency, not the state acting
        if entry.kind == "demonym" and _TOWN_OF_AFTER.match(text, end):
            continue
        if (
            entry.kind == "demonym"
            and _NAME_AFTER.match(text, end)
            and _TITLE_BEFORE.search(text, max(0, start - 14), start)
        ):
            continue  # "Trade Minister German Umana": a first name after a title, not Germany
        seen.add(surface)
        capital = _CAPITAL_AFTER.match(text, end) if entry.kind == "demonym" else None
        if capital and entry.code in CAPITAL_OF:  # "met in the Kazakh capital on Wednesday"
            end = capital.end()
            out.append(
                Mention(start, end, text[start:end], entry.code, "capital", CAPITAL_OF[entry.code])
            )
            continue
        out.append(Mention(start, end, form, entry.code, entry.kind, entry.place))
    if "o-" in text:
        out = sorted(out + _combining(text))
    return out


# "Sino-Russian", "Indo-US", "Russo-Chinese": the first half of a compound adjective names a state too.
_COMBINING = {
    "Sino": "CHN",
    "Indo": "IND",
    "Russo": "RUS",
    "Franco": "FRA",
    "Anglo": "GBR",
    "Turco": "TUR",
    "Nippo": "JPN",
    "Luso": "PRT",
    "Italo": "ITA",
    "Greco": "GRC",
    "Judeo": "ISR",
}
_COMBINED = re.compile(
    r"\b(?P<p>" + "|".join(_COMBINING) + r")-(?=[A-Z])(?!Pacific|European|Germanic|Saxon|Caribbean)"
)


def _combining(text: str) -> list[Mention]:
    return [
        Mention(m.start(), m.end("p"), m["p"], _COMBINING[m["p"]], "demonym", None)
        for m in _COMBINED.finditer(text)
    ]


def _matches(text: str) -> list[tuple[int, int, str]]:
    """(start, end, form) of the trie's matches and of the lower-case forms, longest first where they overlap."""
    found = [(m.start(), m.end(), m.group()) for m in _PATTERN.finditer(text)]
    extra: list[tuple[int, int, str]] = []
    for form in _LOWER_FORMS:
        at = text.find(form)
        while at >= 0:
            end = at + len(form)
            if not (end < len(text) and (text[end].isalnum() or text[end] == "_")):
                extra.append((at, end, form))
            at = text.find(form, at + 1)
    if not extra:
        return found
    merged: list[tuple[int, int, str]] = []
    for item in sorted(found + extra, key=lambda m: (m[0], -m[1])):
        if merged and item[0] < merged[-1][1]:
            continue  # inside a longer match that starts earlier ("mainland China")
        merged.append(item)
    return merged
