"""The extractor's scores on the gold sets, under the scoring rules of the gold FORMAT.

- seeds: the China-Russia 2022 seed documents (the issue's target: micro-F1 and precision at least 0.90);
- devset: 39 invented articles over many pairs, written with the rules;
- heldout, blind, blind2 ... blind8: 45, 40, 40 and six times 30 articles written by helpers who never saw
  the rules, each scored once before any rule was written for it (F1 0.68, 0.84, 0.62, 0.70, 0.81, 0.79,
  0.77, 0.81, 0.83), then used to generalise the rules (never to special-case a sentence);
- blind9: 30 articles written blind to the rules and never tuned on (P 0.83 R 0.79 F1 0.81): the
  honest estimate for unseen news (docs/EXTRACTION.md).

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
)
KEPT_BLIND = "blind9"


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
        ("devset", 0.95, 0.95),
        ("heldout", 0.97, 0.95),
        ("blind", 0.95, 0.95),
        ("blind2", 0.92, 0.88),
        ("blind3", 0.87, 0.84),
        ("blind4", 0.90, 0.88),
        ("blind5", 0.89, 0.85),
        ("blind6", 0.84, 0.82),
        ("blind7", 0.89, 0.84),
        ("blind8", 0.88, 0.86),
        (KEPT_BLIND, 0.80, 0.78),
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
