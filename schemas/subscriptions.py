"""Subscriptions: which alerts go to which webhook."""

from datetime import datetime
from typing import Annotated

from pydantic import AnyHttpUrl, BaseModel, ConfigDict, Field

from schemas.alerts import AlertKind, AlertRaised

ActorCode = Annotated[
    str, Field(pattern=r"^[A-Z][A-Z0-9]{1,5}$")
]  # ISO alpha-3 or a bloc (EU, G7, G20)


class SubscriptionCreate(BaseModel):
    """What a client sends to subscribe a webhook. Empty lists mean "any"."""

    model_config = ConfigDict(extra="forbid")

    url: AnyHttpUrl
    kinds: list[AlertKind] = []
    actors_any: Annotated[
        list[ActorCode], Field(description="The alert names at least one of these.")
    ] = []
    actors_all: Annotated[list[ActorCode], Field(description="The alert names all of these.")] = []
    min_confidence: Annotated[float, Field(ge=0, le=1)] = 0.0
    corroborations: Annotated[bool, Field(description="Also send alert.corroborated updates.")] = (
        False
    )
    description: Annotated[str | None, Field(max_length=500)] = None


class Subscription(SubscriptionCreate):
    """A stored subscription as the API shows it (never with its secret)."""

    subscription_id: str
    created_at: datetime
    disabled_at: datetime | None = None
    disabled_reason: str | None = None

    def matches(self, alert: AlertRaised) -> bool:
        """True when this subscription wants this alert emission."""
        if alert.action == "corroborated" and not self.corroborations:
            return False
        if self.kinds and alert.kind not in self.kinds:
            return False
        if alert.confidence < self.min_confidence:
            return False
        actors = set(alert.actors)
        if self.actors_any and not actors.intersection(self.actors_any):
            return False
        return actors.issuperset(self.actors_all)


class SubscriptionCreated(Subscription):
    """The answer to a create or a secret rotation: the only time the secret is shown."""

    secret: str
