"""Alerts: one per real-world event or change, with the events and sources behind it."""

from datetime import datetime
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from schemas.events import DatePrecision, Event

AlertKind = Literal[
    "trade_target_set",
    "trade_target_changed",
    "trade_volume_reported",
    "meeting_announced",
    "meeting_held",
    "agreement_signed",
    "sanctions_threatened",
    "sanctions_imposed",
    "military_exercise",
    "joint_statement",
]
ALERT_KINDS: tuple[str, ...] = get_args(AlertKind)

AlertAction = Literal["raised", "corroborated"]


class Source(BaseModel):
    """An article that reported the event."""

    model_config = ConfigDict(frozen=True)

    article_id: str
    title: str
    published_at: datetime
    url: str | None = None


class PreviousValue(BaseModel):
    """For a change: the value it replaced and where that value was reported."""

    model_config = ConfigDict(frozen=True)

    value_usd: float | None
    target_year: int | None = None
    source: Source


class AlertRaised(BaseModel):
    """One message on the alerts stream.

    `alert_id` derives from the identity of the real-world event, so every
    emission about it carries the same id; `revision` counts the emissions
    (1 when raised, then one more per corroboration).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    alert_id: str
    kind: AlertKind
    action: AlertAction = "raised"
    revision: Annotated[int, Field(ge=1)] = 1
    summary: str
    actors: list[str]
    date: str | None = None
    date_precision: DatePrecision | None = None
    location: str | None = None
    value_usd: float | None = None
    target_year: int | None = None
    previous: PreviousValue | None = None
    linked_alert_id: Annotated[
        str | None, Field(description="For a meeting held: the alert of its announcement.")
    ] = None
    confidence: Annotated[float, Field(ge=0, le=1)]
    events: list[Event]
    sources: list[Source]
    source_count: Annotated[int, Field(ge=1)]
    raised_at: datetime

    @property
    def message_id(self) -> str:
        """The webhook id of this emission: the same on every retry of it."""
        return f"msg_{self.alert_id}_{self.revision}"
