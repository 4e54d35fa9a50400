"""Score extracted events against gold events, exactly as the gold FORMAT says: per type and micro-averaged."""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from schemas import article_id_for
from services.common.seeds import load_seed_articles
from services.extractor.extract import extract_events
from services.extractor.extract.build import dates_agree

_MONEY = {"value_usd", "previous_value_usd", "amount"}
_PERCENT = {"change_pct"}
_DATES = {"date", "period"}
_PARTIES = {"type", "actors", "by", "target"}


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Report:
    by_type: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    missed: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    spurious: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    @property
    def micro(self) -> Counts:
        total = Counts()
        for counts in self.by_type.values():
            total.tp, total.fp, total.fn = (
                total.tp + counts.tp,
                total.fp + counts.fp,
                total.fn + counts.fn,
            )
        return total

    def as_dict(self) -> dict[str, Any]:
        return {
            "micro": self.micro.as_dict(),
            "by_type": {t: c.as_dict() for t, c in sorted(self.by_type.items())},
        }


def _parties(event: Mapping[str, Any]) -> tuple[frozenset[str], ...]:
    if "by" in event or "target" in event:
        return frozenset(event.get("by", [])), frozenset(event.get("target", []))
    return (frozenset(event.get("actors", [])),)


def _field_equal(key: str, gold: Any, got: Any) -> bool:
    if got is None:
        return False
    if key in _MONEY:
        return abs(float(gold) - float(got)) <= 0.02 * abs(float(gold))
    if key in _PERCENT:
        return abs(float(gold) - float(got)) <= 0.5
    if key in _DATES:
        return dates_agree(str(gold), str(got))
    if isinstance(gold, str):
        return gold.casefold() == str(got).casefold()
    return bool(gold == got)


def matches(gold: Mapping[str, Any], got: Mapping[str, Any]) -> bool:
    """Same type, same parties, and every field the gold event gives equal."""
    if gold.get("type") != got.get("type") or _parties(gold) != _parties(got):
        return False
    return all(
        _field_equal(k, v, got.get(k))
        for k, v in gold.items()
        if k not in _PARTIES and v is not None
    )


def _assign(golds: list[Mapping[str, Any]], gots: list[Mapping[str, Any]]) -> dict[int, int]:
    """A maximum matching of extracted to gold events (each gold matched at most once)."""
    owner: dict[int, int] = {}
    options = [[g for g, gold in enumerate(golds) if matches(gold, got)] for got in gots]

    def place(i: int, seen: set[int]) -> bool:
        for g in options[i]:
            if g not in seen:
                seen.add(g)
                if g not in owner or place(owner[g], seen):
                    owner[g] = i
                    return True
        return False

    for i in range(len(gots)):
        place(i, set())
    return owner


def score_document(
    report: Report, doc: str, golds: list[Mapping[str, Any]], gots: list[Mapping[str, Any]]
) -> None:
    """Add one document's counts: repeats of a matched gold event are ignored, the rest are false positives."""
    owner = _assign(golds, gots)
    used = set(owner.values())
    for g, gold in enumerate(golds):
        if g in owner:
            report.by_type[gold["type"]].tp += 1
        else:
            report.by_type[gold["type"]].fn += 1
            report.missed.append((doc, dict(gold)))
    for i, got in enumerate(gots):
        if i not in used and not any(matches(gold, got) for gold in golds):
            report.by_type[got["type"]].fp += 1
            report.spurious.append((doc, dict(got)))


def score(
    gold: Iterable[Mapping[str, Any]], extracted: Mapping[str, list[Mapping[str, Any]]]
) -> Report:
    """Score gold lines (per article or post) against extracted gold views keyed by document file name."""
    golds: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for line in gold:
        golds[line["article"]].extend(line["events"])
    report = Report()
    for doc in sorted(golds):
        score_document(report, doc, golds.get(doc, []), list(extracted.get(doc, [])))
    return report


def score_self_contained(lines: Iterable[Mapping[str, Any]]) -> Report:
    """Score gold lines that carry their own article: {"id", "published", "text", "events"}."""
    gold: list[dict[str, Any]] = []
    extracted: dict[str, list[Mapping[str, Any]]] = {}
    for number, line in enumerate(lines, 1):
        missing = [key for key in ("id", "published", "text", "events") if key not in line]
        if missing:
            raise ValueError(
                f"line {number}: field {missing[0]!r} is required in a self-contained gold line"
            )
        day = date.fromisoformat(str(line["published"]))
        when = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
        events = extract_events(str(line["text"]), published_at=when, article_id=str(line["id"]))
        extracted[str(line["id"])] = [event.gold_view() for event in events]
        gold.append({"article": line["id"], "events": line["events"]})
    return score(gold, extracted)


def score_folder(lines: Iterable[Mapping[str, Any]], folder: Path) -> Report:
    """Score gold lines against the articles of a folder described by its manifest.json (the seeds)."""
    extracted: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for article in load_seed_articles(folder):
        article_id = article_id_for(article.title, article.text)
        events = extract_events(
            article.text, published_at=article.published_at, article_id=article_id
        )
        extracted[Path(article.source or "").name].extend(e.gold_view() for e in events)
    return score(lines, extracted)
