"""What the notifier stores and shows: deliveries with their attempt log, and dead deliveries."""

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from schemas import Subscription

Verdict = Literal["delivered", "retry", "slow_down", "gone"]
Failure = Literal["timeout", "connection", "refused"]
DeliveryState = Literal["pending", "delivered", "dead"]


class Attempt(BaseModel):
    """One HTTP attempt: the answer (status, start of its body) or why there was none."""

    at: datetime
    status: int | None = None
    failure: Failure | None = None
    error: str | None = None
    response: str | None = None
    ms: float
    verdict: Verdict | None = None


class Delivery(BaseModel):
    """One alert emission to one subscription; `message_id` is the webhook-id on every attempt."""

    delivery_id: str
    subscription_id: str
    message_id: str
    alert_id: str
    kind: str
    body: str
    truncated: Annotated[
        bool, Field(description="The body left out sources or events to fit the cap.")
    ] = False
    state: DeliveryState = "pending"
    attempts: list[Attempt] = []
    round_start: Annotated[
        int,
        Field(description="Attempts made before the latest replay; the schedule restarts here."),
    ] = 0
    replays: int = 0
    created_at: datetime
    settled_at: datetime | None = None
    dead_reason: str | None = None

    @property
    def attempts_in_round(self) -> int:
        """Attempts made since the delivery was created or last replayed."""
        return len(self.attempts) - self.round_start


class DeadDelivery(BaseModel):
    """A delivery in the dead-letter stream; `dead_id` names it for a replay."""

    dead_id: str
    reason: str
    delivery: Delivery


class SubscriptionView(Subscription):
    """A subscription as the API shows it, with its endpoint's health."""

    failing_since: Annotated[
        datetime | None,
        Field(description="Every attempt since then failed; cleared by any success."),
    ] = None


class ReplayRequest(BaseModel):
    """Which dead deliveries to send again: these ids, or all of one subscription."""

    dead_ids: list[str] = []
    subscription_id: str | None = None


class ReplayResult(BaseModel):
    replayed: list[str]
    skipped: Annotated[
        dict[str, str], Field(description="Dead ids not replayed, with the reason.")
    ] = {}
