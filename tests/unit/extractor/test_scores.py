"""The extractor's scores on the gold sets, under the scoring rules of the gold FORMAT.

- seeds: the China-Russia 2022 seed documents (the issue's target: micro-F1 and precision at least 0.90);
- devset: 39 invented articles over many pairs, written with the rules;
- heldout, blind, blind2 ... blind11, blind13 ... blind16, blind18, blind19, blind21, blind22, blind25 ... blind28,
  blind31, blind32: 45, 40, 40 and twenty times 30 articles written by helpers who never saw the rules, each scored
  once before any rule was written for it (first F1 in docs/EXTRACTION.md), then used to generalise the rules
  (never to special-case a sentence);
- blind12, blind17, blind20, blind23, blind24, blind29, blind30 and blind33: 30 articles each, written blind to the
  rules and never tuned on (their errors never read; F1 0.82, 0.88, 0.80, 0.74, 0.78, 0.79, 0.70 and 0.66 on
  2026-12-01, the last three written in the third round): the honest estimate for unseen news (docs/EXTRACTION.md).

The floors sit a little under the measured scores, so that a change that loses events fails here.
"""

import json
from functools import cache
from pathlib import Path

import pytest

from schemas import EVENT_TYPES
from services.extractor.evaluate import Report, score_folder, score_self_contained
from tests.conftest import GOLD, SEEDS

DATA = Path(__file__).parent / "data"
TUNED = (
    "devset",
    "heldout",
    "blind",
    "blind2",
    "blind3",
    "blind4",
    "blind5",
    "blind6",
    "blind7",
    "blind8",
    "blind9",
    "blind10",
    "blind11",
    "blind13",
    "blind14",
    "blind15",
    "blind16",
    "blind18",
    "blind19",
    "blind21",
    "blind22",
    "blind25",
    "blind26",
    "blind27",
    "blind28",
    "blind31",
    "blind32",
)
KEPT_BLIND = (
    "blind12",
    "blind17",
    "blind20",
    "blind23",
    "blind24",
    "blind29",
    "blind30",
    "blind33",
)


def lines(path: Path) -> list[dict]:  # type: ignore[type-arg]
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


@cache
def report(name: str) -> Report:
    return score_self_contained(lines(DATA / f"{name}.jsonl"))


def test_seeds_meet_the_target() -> None:
    micro = score_folder(lines(GOLD), SEEDS).micro
    assert micro.precision >= 0.90
    assert micro.f1 >= 0.90


@pytest.mark.parametrize(
    ("name", "precision", "f1"),
    [
        ("devset", 0.96, 0.96),
        ("heldout", 0.98, 0.96),
        ("blind", 0.97, 0.97),
        ("blind2", 0.97, 0.93),
        ("blind3", 0.92, 0.91),
        ("blind4", 0.97, 0.95),
        ("blind5", 0.93, 0.91),
        ("blind6", 0.96, 0.96),
        ("blind7", 0.96, 0.94),
        ("blind8", 0.95, 0.93),
        ("blind9", 0.98, 0.97),
        ("blind10", 0.93, 0.91),
        ("blind11", 0.96, 0.93),
        ("blind13", 0.98, 0.95),
        ("blind14", 0.94, 0.89),
        ("blind15", 0.92, 0.86),
        ("blind16", 0.91, 0.92),
        ("blind18", 0.92, 0.90),
        ("blind19", 0.85, 0.86),
        ("blind21", 0.94, 0.88),
        ("blind22", 0.95, 0.88),
        ("blind25", 0.83, 0.83),
        ("blind26", 0.93, 0.92),
        ("blind27", 0.82, 0.71),
        ("blind28", 0.80, 0.73),
        ("blind31", 0.84, 0.67),
        ("blind32", 0.83, 0.76),
        ("blind12", 0.83, 0.80),
        ("blind17", 0.90, 0.86),
        ("blind20", 0.79, 0.78),
        ("blind23", 0.78, 0.72),
        ("blind24", 0.79, 0.76),
        ("blind29", 0.83, 0.77),
        ("blind30", 0.78, 0.68),
        ("blind33", 0.70, 0.65),
    ],
)
def test_other_pairs_and_years(name: str, precision: float, f1: float) -> None:
    micro = report(name).micro
    assert micro.precision >= precision, micro.as_dict()
    assert micro.f1 >= f1, micro.as_dict()


@pytest.mark.parametrize("name", TUNED)
def test_articles_without_events_stay_empty(name: str) -> None:
    """The traps (hypotheticals, denials, global totals, sport, business lobbies) yield no event. The set kept
    blind is only measured, never asserted on its traps."""
    empty = [line for line in lines(DATA / f"{name}.jsonl") if not line["events"]]
    assert empty, "each set holds articles with no such event"
    traps = score_self_contained(empty)
    assert traps.micro.fp <= max(1, len(empty) // 4), traps.spurious  # at most one slip per four


def test_every_type_is_found_somewhere() -> None:
    """No event type is dead: each is found at least once across the sets."""
    found = {t for name in TUNED for t, counts in report(name).by_type.items() if counts.tp}
    assert found == set(EVENT_TYPES)
