"""Table-driven tests of the extractor's pieces: actors, money, changes and dates, on the phrases news uses."""

from datetime import date

import pytest

from services.extractor.extract.dates import find_dates, resolve
from services.extractor.extract.gazetteer import DATA, tag
from services.extractor.extract.money import find_changes, find_money
from services.extractor.extract.text import lower


def codes(text: str) -> list[str]:
    return [m.code for m in tag(text) if m.code]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # country names, demonyms and possessives
        ("China and Russia", ["CHN", "RUS"]),
        ("Chinese and Russian warships", ["CHN", "RUS"]),
        ("Russia's largest trading partner", ["RUS"]),
        ("South Korean exports and North Korea", ["KOR", "PRK"]),
        ("the United States, the U.S. and the US", ["USA", "USA", "USA"]),
        ("the United Kingdom and British firms", ["GBR", "GBR"]),
        # capitals and seats of power as metonyms
        ("Beijing, Moscow, the Kremlin and Washington", ["CHN", "RUS", "RUS", "USA"]),
        ("New Delhi and Brasilia", ["IND", "BRA"]),
        ("Tokyo, Seoul and Ankara", ["JPN", "KOR", "TUR"]),
        ("the White House said", ["USA"]),
        # heads of state, ministers and officials
        ("Xi Jinping and Vladimir Putin", ["CHN", "RUS"]),
        ("Lavrov met Wang Yi", ["RUS", "CHN"]),
        ("Biden, Trump and Blinken", ["USA", "USA", "USA"]),
        ("Modi, Lula and Erdogan", ["IND", "BRA", "TUR"]),
        ("Kishida, Yoon Suk Yeol and Albanese", ["JPN", "KOR", "AUS"]),
        ("Ursula von der Leyen", ["EU"]),
        # state companies and agencies
        ("Gazprom and CNPC", ["RUS", "CHN"]),
        ("China's customs said", ["CHN"]),
        # blocs
        ("the EU, NATO and the SCO", ["EU", "NATO", "SCO"]),
        ("BRICS and the G7", ["BRICS", "G7"]),
        ("the G20 summit", ["G20"]),
        ("the Quad", ["QUAD"]),
        ("European lawmakers", ["EU"]),
    ],
)
def test_actor_mentions(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ditching the U.S. dollar",  # a currency, not the state
        "priced in Chinese yuan",
        "the Russian rouble fell",
        "the Philippine Sea",  # a sea, not the Philippines
        "Chinaware and Russianness",  # no partial words
        "a Central or Eastern European country",  # a region, not the EU
    ],
)
def test_words_that_are_not_actors(text: str) -> None:
    assert codes(text) == []


def test_every_un_member_state_by_name_and_demonym() -> None:
    """countries.tsv holds all 193 UN member states; each name and demonym tags to its own code."""
    rows = [
        line.split("\t")
        for line in (DATA / "countries.tsv").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert len(rows) >= 193
    owners: dict[str, set[str]] = {}
    for row in rows:
        for surface in [*row[1].split("|"), *(row[2].split("|") if len(row) > 2 else [])]:
            if surface.strip():
                owners.setdefault(surface.strip(), set()).add(row[0])
    # A surface two states share ("Congolese") names one of them.
    wrong = [
        (surface, found)
        for surface, states in owners.items()
        if len(found := codes(f"Talks with {surface} today")) != 1 or found[0] not in states
    ]
    assert wrong == []


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("$250 billion", 250e9, "USD"),
        ("$250billion", 250e9, "USD"),
        ("US$200bn", 200e9, "USD"),
        ("250 billion dollars", 250e9, "USD"),
        ("$117.5billion (£92.5billion)", 117.5e9, "USD"),
        ("$3.8 billion", 3.8e9, "USD"),
        ("1.3 trillion yuan", 1.3e12, "CNY"),
        ("€900m", 900e6, "EUR"),
        ("$1,200 million", 1.2e9, "USD"),
        ("253.1 billion euros ($274 billion)", 274e9, "USD"),  # the text gives the rate
        ("A$287 billion", 287e9, "AUD"),  # no rate given: reported in its currency
        ("630 billion rupees", 630e9, "INR"),
        ("Rs 630 crore", 6.3e9, "INR"),
    ],
)
def test_money(text: str, value: float, currency: str) -> None:
    found = find_money(text, lower(text))
    assert [(round(a.value), a.currency) for a in found] == [(round(value), currency)]


@pytest.mark.parametrize("text", ["the 2022 Olympics", "Article 5", "7.7%", "in 2024"])
def test_not_money(text: str) -> None:
    assert find_money(text, lower(text)) == []


@pytest.mark.parametrize(
    ("text", "pct"),
    [
        ("exports fell 7.7% in March", -7.7),
        ("trade rising by 30 percent", 30.0),
        ("trade jumped by one-third", 33.3),
        ("imports dropped 8.5 per cent", -8.5),
        ("a 12% increase", 12.0),
        ("trade doubled", 100.0),
        ("up 26.3% from a year earlier", 26.3),
    ],
)
def test_changes(text: str, pct: float) -> None:
    assert [c.pct for c in find_changes(lower(text))] == [pct]


def test_a_share_is_no_change() -> None:
    assert find_changes(lower("China's 30.7% share of Brazil's exports")) == []


PUB = date(2022, 9, 14)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "direction", "iso", "precision"),
    [
        ("on February 4", "past", "2022-02-04", "day"),
        ("on Sept. 15, 2022", None, "2022-09-15", "day"),
        ("on September 15-16", "future", "2022-09", "week"),
        ("in 2021", "past", "2021", "year"),
        ("by 2024", "future", "2024", "year"),
        ("in Q1", "past", "2022-Q1", "quarter"),
        ("in the first quarter", "past", "2022-Q1", "quarter"),
        ("on Friday", "past", "2022-09-09", "day"),  # a past verb: the last Friday
        ("on Friday", "future", "2022-09-16", "day"),  # a future verb: the next one
        ("Friday's call", "past", "2022-09-09", "day"),
        ("next week", None, "2022-09", "week"),
        ("last year", None, "2021", "year"),
        ("next year", None, "2023", "year"),
        ("earlier this month", None, "2022-09", "month"),
        ("last December", None, "2021-12", "month"),
        ("in December", "future", "2022-12", "month"),
        ("yesterday", None, "2022-09-13", "day"),
        (
            "in November last year",
            "past",
            "2021-11",
            "month",
        ),  # the month of last year, not of this
        ("in March next year", "future", "2023-03", "month"),
    ],
)
def test_dates(text: str, direction: str | None, iso: str, precision: str) -> None:
    found = find_dates(text, lower(text))
    assert len(found) == 1, found
    resolved = resolve(found[0], PUB, direction)
    assert resolved is not None
    assert (resolved.iso, resolved.precision) == (iso, precision)


@pytest.mark.parametrize(
    "text", ["the 2022 Winter Olympics", "May be", "$2024 million", "Article 2024-5"]
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, lower(text)) == []
