"""The wire contract of relwatch: pydantic models of every message on a stream, and the stream names.

No I/O lives here; services import these models and nothing else from each other.
"""

from schemas.alerts import ALERT_KINDS, AlertAction, AlertKind, AlertRaised, PreviousValue, Source
from schemas.articles import ArticleIn, ArticleIngested, article_id_for
from schemas.deadletters import DeadLetter
from schemas.events import (
    EVENT_TYPES,
    AgreementSigned,
    ArticleRef,
    DatePrecision,
    Event,
    EventAdapter,
    EventsExtracted,
    Evidence,
    JointStatement,
    MeetingAnnounced,
    MeetingHeld,
    MilitaryExercise,
    SanctionsImposed,
    SanctionsThreatened,
    TradeTarget,
    TradeVolume,
)
from schemas.streams import Streams
from schemas.subscriptions import Subscription, SubscriptionCreate, SubscriptionCreated

__all__ = [
    "ALERT_KINDS",
    "EVENT_TYPES",
    "AgreementSigned",
    "AlertAction",
    "AlertKind",
    "AlertRaised",
    "ArticleIn",
    "ArticleIngested",
    "ArticleRef",
    "DatePrecision",
    "DeadLetter",
    "Event",
    "EventAdapter",
    "EventsExtracted",
    "Evidence",
    "JointStatement",
    "MeetingAnnounced",
    "MeetingHeld",
    "MilitaryExercise",
    "PreviousValue",
    "SanctionsImposed",
    "SanctionsThreatened",
    "Source",
    "Streams",
    "Subscription",
    "SubscriptionCreate",
    "SubscriptionCreated",
    "TradeTarget",
    "TradeVolume",
    "article_id_for",
]
