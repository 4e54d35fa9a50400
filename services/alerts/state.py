"""What the alerts stage remembers, as plain models; loaded from and saved to Redis by store.py."""

from dataclasses import dataclass, field
from datetime import date

from pydantic import BaseModel

from schemas import AlertRaised, Source


class AlertState(BaseModel):
    """An alert as last emitted, and whether it was emitted at all (background events are not)."""

    alert: AlertRaised
    emitted: bool


class TargetState(BaseModel):
    """The current trade target of a pair of states (for one target year, or the latest)."""

    value_usd: float
    target_year: int | None
    alert_id: str
    version: int
    source: Source


def sketch_month(published: date) -> str:
    """Text sketches are remembered per month of publication (a bounded, expiring index)."""
    return f"{published.year:04d}-{published.month:02d}"


@dataclass
class State:
    """The slice of remembered state one batch reads, and which parts of it the batch changed.

    `sketches` holds, for the sketch values of the batch's articles, which earlier article
    had each value (read from the index of the month of publication and the month before);
    `new_sketches` what this batch adds to the index, by month.
    """

    groups: dict[str, dict[str, AlertState]] = field(default_factory=dict)
    targets: dict[str, dict[str, TargetState]] = field(default_factory=dict)
    sketches: dict[int, str] = field(default_factory=dict)
    dirty_groups: set[str] = field(default_factory=set)
    dirty_targets: set[str] = field(default_factory=set)
    new_sketches: dict[str, dict[int, str]] = field(default_factory=dict)

    def sketch_owner(self, value: int) -> str | None:
        return self.sketches.get(value)

    def remember_sketch(self, published: date, sketch: list[int], article_id: str) -> None:
        month = self.new_sketches.setdefault(sketch_month(published), {})
        for value in sketch:
            if value not in self.sketches:  # the first article with a value keeps it
                self.sketches[value] = article_id
                month[value] = article_id

    def group(self, key: str) -> dict[str, AlertState]:
        return self.groups.setdefault(key, {})

    def put(self, key: str, state: AlertState) -> None:
        self.group(key)[state.alert.alert_id] = state
        self.dirty_groups.add(key)

    def set_target(self, pair: str, slot: str, target: TargetState) -> None:
        self.targets.setdefault(pair, {})[slot] = target
        self.dirty_targets.add(pair)
