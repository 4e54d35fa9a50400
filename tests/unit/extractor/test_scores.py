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
from pathlib import Path

import pytest

from services.common.seeds import load_seed_articles
from services.extractor.evaluate import Report, score, score_self_contained
from services.extractor.extract import extract_events
from tests.conftest import GOLD

DATA = Path(__file__).parent / "data"
SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def lines(path: Path) -> list[dict]:  # type: ignore[type-arg]
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def seeds_report() -> Report:
    extracted: dict[str, list] = {}  # type: ignore[type-arg]
    for article in load_seed_articles(SEEDS):
        events = extract_events(article.text, published_at=article.published_at, article_id="art")
        extracted.setdefault(Path(article.source or "").name, []).extend(
            e.gold_view() for e in events
        )
    return score(lines(GOLD), extracted)


def test_seeds_meet_the_target() -> None:
    micro = seeds_report().micro
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
        ("blind9", 0.80, 0.78),
    ],
)
def test_other_pairs_and_years(name: str, precision: float, f1: float) -> None:
    micro = score_self_contained(lines(DATA / f"{name}.jsonl")).micro
    assert micro.precision >= precision, micro.as_dict()
    assert micro.f1 >= f1, micro.as_dict()


@pytest.mark.parametrize(
    "name",
    [
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
    ],
)
def test_articles_without_events_stay_empty(name: str) -> None:
    """The traps (hypotheticals, denials, global totals, sport, business lobbies) yield no event. The set kept
    blind (blind9) is only measured here, never asserted on its traps."""
    empty = [line for line in lines(DATA / f"{name}.jsonl") if not line["events"]]
    assert empty, "each set holds articles with no such event"
    report = score_self_contained(empty)
    assert report.micro.fp <= max(1, len(empty) // 4), report.spurious  # at most one slip per four


def test_every_type_is_found_somewhere() -> None:
    """No event type is dead: each is found at least once across the sets."""
    found = {
        t
        for name in (
            "devset",
            "heldout",
            "blind",
            "blind2",
            "blind3",
            "blind4",
            "blind5",
            "blind6",
            "blind7",
        )
        for t, counts in score_self_contained(lines(DATA / f"{name}.jsonl")).by_type.items()
        if counts.tp
    }
    assert found == {
        "trade_target",
        "trade_volume",
        "meeting_announced",
        "meeting_held",
        "agreement_signed",
        "sanctions_threatened",
        "sanctions_imposed",
        "military_exercise",
        "joint_statement",
    }
