"""What the alerts stage remembers, as plain models; loaded from and saved to Redis by store.py."""

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple

from pydantic import BaseModel

from schemas import AlertRaised, Source


class AlertState(BaseModel):
    """An alert as last emitted, and whether it was emitted at all (background events are not)."""

    alert: AlertRaised
    emitted: bool


class Match(NamedTuple):
    """What telling whether an event repeats an alert needs: a small index entry per alert.

    A batch reads the index of its groups whole and the full alerts only for the entries its
    events match, so the work and memory of a batch do not grow with the alerts remembered.
    """

    date: str | None
    location: str | None
    value_usd: float | None
    first_published: datetime

    @classmethod
    def of(cls, alert: AlertRaised) -> "Match":
        return cls(alert.date, alert.location, alert.value_usd, alert.sources[0].published_at)

    def dumps(self) -> str:
        return json.dumps(
            [self.date, self.location, self.value_usd, self.first_published.isoformat()]
        )

    @classmethod
    def loads(cls, raw: str | bytes) -> "Match":
        when, location, value, first = json.loads(raw)
        return cls(when, location, value, datetime.fromisoformat(first))


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

    index: dict[str, dict[str, Match]] = field(
        default_factory=dict
    )  # every alert of the groups read
    groups: dict[str, dict[str, AlertState]] = field(
        default_factory=dict
    )  # the alerts loaded or made
    targets: dict[str, dict[str, TargetState]] = field(default_factory=dict)
    sketches: dict[int, str] = field(default_factory=dict)
    dirty: dict[str, set[str]] = field(
        default_factory=dict
    )  # group -> alert ids changed by the batch
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

    def matches(self, key: str) -> dict[str, Match]:
        return self.index.get(key, {})

    def alert(self, key: str, alert_id: str) -> AlertState:
        """A remembered alert; the batch must have loaded it (store.load_alerts, for `needed`)."""
        try:
            return self.groups[key][alert_id]
        except KeyError:
            raise LookupError(f"alert {alert_id} of {key} was not loaded for this batch") from None

    def put(self, key: str, state: AlertState) -> None:
        aid = state.alert.alert_id
        self.group(key)[aid] = state
        self.index.setdefault(key, {})[aid] = Match.of(state.alert)
        self.dirty.setdefault(key, set()).add(aid)

    def set_target(self, pair: str, slot: str, target: TargetState) -> None:
        self.targets.setdefault(pair, {})[slot] = target
        self.dirty_targets.add(pair)
