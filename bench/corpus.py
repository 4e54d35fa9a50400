"""A synthetic news corpus of seed-sized articles about many pairs of states, reproducible from a seed.

Each article states two or three events in news phrasing (a trade target, a meeting, a deal...)
inside paragraphs of neutral filler built from random words, so that no two articles are
near-duplicates. Used by the benchmarks and by the fault tests as a few hundred distinct inputs.
"""

import random
from datetime import UTC, date, datetime, timedelta

from schemas import ArticleIn

PAIRS = [
    (
        "China",
        "Russia",
        "Chinese President Xi Jinping",
        "Russian President Vladimir Putin",
        "Beijing",
        "Moscow",
    ),
    (
        "India",
        "Russia",
        "Indian Prime Minister Narendra Modi",
        "Russian President Vladimir Putin",
        "New Delhi",
        "Moscow",
    ),
    (
        "China",
        "Brazil",
        "Chinese President Xi Jinping",
        "Brazilian President Luiz Inacio Lula da Silva",
        "Beijing",
        "Brasilia",
    ),
    (
        "Turkey",
        "Russia",
        "Turkish President Recep Tayyip Erdogan",
        "Russian President Vladimir Putin",
        "Ankara",
        "Sochi",
    ),
    (
        "Japan",
        "South Korea",
        "Japanese Prime Minister Fumio Kishida",
        "South Korean President Yoon Suk Yeol",
        "Tokyo",
        "Seoul",
    ),
    (
        "the United States",
        "China",
        "U.S. President Joe Biden",
        "Chinese President Xi Jinping",
        "Washington",
        "Beijing",
    ),
    (
        "India",
        "Japan",
        "Indian Prime Minister Narendra Modi",
        "Japanese Prime Minister Fumio Kishida",
        "New Delhi",
        "Tokyo",
    ),
    (
        "Australia",
        "China",
        "Australian Prime Minister Anthony Albanese",
        "Chinese President Xi Jinping",
        "Canberra",
        "Beijing",
    ),
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WORDS = (
    "analysts markets officials growth weather harvest shipping ports railway season prices "
    "investors factories output tourism budget schools hospitals elections parliament courts "
    "rainfall exports imports energy grain steel coal fertiliser logistics currency banks "
    "lenders bonds equities inflation wages housing retail consumers drought floods bridges "
    "highways airports festival museum football orchestra university science research"
).split()


def _filler(rng: random.Random, sentences: int) -> str:
    out = []
    for _ in range(sentences):
        words = rng.sample(WORDS, rng.randint(9, 16))
        out.append(
            f"{' '.join(words).capitalize()} were discussed by {rng.randint(2, 99)} local commentators."
        )
    return " ".join(out)


def _events(rng: random.Random, pair: tuple[str, ...], published: date) -> list[str]:
    a, b, leader_a, leader_b, _cap_a, cap_b = pair
    value = rng.randint(20, 400)
    year = published.year + rng.randint(2, 8)
    day = published - timedelta(days=rng.randint(1, 5))
    future = published + timedelta(days=rng.randint(10, 60))
    options = [
        f"{a} and {b} have set a goal of raising bilateral trade to ${value} billion by {year}, officials said.",
        f"{leader_a} met {leader_b} in {cap_b} on {MONTHS[day.month - 1]} {day.day}, {day.year}, for talks on trade and security.",
        f"{leader_a} will visit {cap_b} in {MONTHS[future.month - 1]} {future.year} for a summit with {leader_b}, officials said.",
        f"Companies from {a} and {b} signed a ${rng.randint(2, 90)} billion energy agreement on {MONTHS[day.month - 1]} {day.day}, {day.year}.",
    ]
    return rng.sample(options, rng.randint(2, 3))


def article(i: int, seed: int = 7, start: date = date(2023, 1, 2)) -> ArticleIn:
    """The i-th article of the corpus: about 4-5 KB, like the seed documents."""
    rng = random.Random(seed * 1_000_003 + i)
    pair = PAIRS[i % len(PAIRS)]
    published = start + timedelta(days=i // 4)
    paragraphs = [_filler(rng, 8)]
    for sentence in _events(rng, pair, published):
        paragraphs += [sentence, _filler(rng, 8)]
    return ArticleIn(
        title=f"{pair[0]} and {pair[1]}: report {i} ({rng.getrandbits(32):08x})",
        text="\n\n".join(paragraphs),
        published_at=datetime.combine(published, datetime.min.time(), tzinfo=UTC),
        source="bench/corpus",
    )


def corpus(n: int, seed: int = 7) -> list[ArticleIn]:
    """n articles in publication order."""
    return [article(i, seed) for i in range(n)]
