"""What the alerts stage remembers, as plain models; loaded from and saved to Redis by store.py."""

from dataclasses import dataclass, field

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


@dataclass
class State:
    """The slice of remembered state one batch reads, and which parts of it the batch changed."""

    groups: dict[str, dict[str, AlertState]] = field(default_factory=dict)
    targets: dict[str, dict[str, TargetState]] = field(default_factory=dict)
    dirty_groups: set[str] = field(default_factory=set)
    dirty_targets: set[str] = field(default_factory=set)

    def group(self, key: str) -> dict[str, AlertState]:
        return self.groups.setdefault(key, {})

    def put(self, key: str, state: AlertState) -> None:
        self.group(key)[state.alert.alert_id] = state
        self.dirty_groups.add(key)

    def set_target(self, pair: str, slot: str, target: TargetState) -> None:
        self.targets.setdefault(pair, {})[slot] = target
        self.dirty_targets.add(pair)
