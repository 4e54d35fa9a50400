"""Extracted events: the nine types of the gold FORMAT, with evidence, confidence and CAMEO/PLOVER codes.

Field names are those of the gold files, so `event.gold_view()` is a line a scorer reads.
"""

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, model_validator

DatePrecision = Literal["day", "week", "month", "quarter", "year"]
Flow = Literal["total", "exports", "imports"]
Domain = Literal["energy", "agriculture", "military", "finance", "trade", "other"]
MeetingFormat = Literal["in_person", "call", "video"]
ActorCode = Annotated[
    str, Field(pattern=r"^[A-Z][A-Z0-9]{1,5}$")
]  # ISO alpha-3 or a bloc (EU, G7, G20)
Money = Annotated[float, Field(ge=0)]

EVENT_TYPES = (
    "trade_target",
    "trade_volume",
    "meeting_announced",
    "meeting_held",
    "agreement_signed",
    "sanctions_threatened",
    "sanctions_imposed",
    "military_exercise",
    "joint_statement",
)


class Evidence(BaseModel):
    """The sentence an event was read from, with character offsets into the article text."""

    model_config = ConfigDict(frozen=True)

    text: str
    start: Annotated[int, Field(ge=0)]
    end: Annotated[int, Field(ge=0)]


class _Event(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    event_id: str
    article_id: str
    published_at: datetime
    actors: Annotated[list[ActorCode], Field(min_length=1)]
    date: Annotated[
        str | None,
        Field(
            pattern=r"^\d{4}(-\d{2}(-\d{2})?|-Q[1-4])?$",
            description="ISO date at the precision the text gives: 2022-09-15, 2022-09, 2022-Q3, 2022.",
        ),
    ] = None
    date_precision: DatePrecision | None = None
    evidence: Evidence
    confidence: Annotated[float, Field(ge=0, le=1)]
    cameo: str | None = None
    plover: str | None = None
    attributed_to: Annotated[
        str | None, Field(description="Who the text says stated it (reported speech).")
    ] = None

    @model_validator(mode="before")
    @classmethod
    def _sorted_actors(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("actors"), list):
            data = {**data, "actors": sorted(set(data["actors"]))}
        return data

    def gold_view(self) -> dict[str, Any]:
        """The event as a gold line shows it: type, actors (or by/target) and the type's fields."""
        skip = {
            "event_id",
            "article_id",
            "published_at",
            "date_precision",
            "evidence",
            "confidence",
            "cameo",
            "plover",
            "attributed_to",
        }
        return self.model_dump(mode="json", exclude_none=True, exclude=skip)


class _MoneyFields(BaseModel):
    value_usd: Money | None = None
    amount: Annotated[
        float | None, Field(description="The amount in `currency` when it is not US dollars.")
    ] = None
    currency: Annotated[str | None, Field(pattern=r"^[A-Z]{3}$")] = None


class TradeTarget(_MoneyFields, _Event):
    type: Literal["trade_target"] = "trade_target"
    target_year: int | None = None
    previous_value_usd: Money | None = None


class TradeVolume(_MoneyFields, _Event):
    type: Literal["trade_volume"] = "trade_volume"
    period: Annotated[str | None, Field(pattern=r"^\d{4}(-\d{2}|-Q[1-4]|-H[12])?$")] = None
    flow: Flow = "total"
    reporter: ActorCode | None = None
    change_pct: float | None = None
    forecast: bool | None = None


class MeetingAnnounced(_Event):
    type: Literal["meeting_announced"] = "meeting_announced"
    location: str | None = None
    cameo: str | None = "036"
    plover: str | None = "AGREE"


class MeetingHeld(_Event):
    type: Literal["meeting_held"] = "meeting_held"
    location: str | None = None
    format: MeetingFormat | None = None
    cameo: str | None = "040"
    plover: str | None = "CONSULT"


class AgreementSigned(_MoneyFields, _Event):
    type: Literal["agreement_signed"] = "agreement_signed"
    domain: Domain = "other"
    cameo: str | None = "057"
    plover: str | None = "SUPPORT"


class _Sanctions(_Event):
    by: Annotated[list[ActorCode], Field(min_length=1)]
    target: Annotated[list[ActorCode], Field(min_length=1)]

    @model_validator(mode="before")
    @classmethod
    def _actors_from_parties(cls, data: Any) -> Any:
        if isinstance(data, dict) and not data.get("actors"):
            data = {**data, "actors": [*data.get("by", []), *data.get("target", [])]}
        return data

    def gold_view(self) -> dict[str, Any]:
        view = super().gold_view()
        view.pop("actors", None)
        return view


class SanctionsThreatened(_Sanctions):
    type: Literal["sanctions_threatened"] = "sanctions_threatened"
    cameo: str | None = "1312"
    plover: str | None = "THREATEN"


class SanctionsImposed(_Sanctions):
    type: Literal["sanctions_imposed"] = "sanctions_imposed"
    cameo: str | None = "163"
    plover: str | None = "SANCTION"


class MilitaryExercise(_Event):
    type: Literal["military_exercise"] = "military_exercise"
    location: str | None = None
    cameo: str | None = "062"
    plover: str | None = "COOPERATE"


class JointStatement(_Event):
    type: Literal["joint_statement"] = "joint_statement"


Event = Annotated[
    TradeTarget
    | TradeVolume
    | MeetingAnnounced
    | MeetingHeld
    | AgreementSigned
    | SanctionsThreatened
    | SanctionsImposed
    | MilitaryExercise
    | JointStatement,
    Field(discriminator="type"),
]
EventAdapter: TypeAdapter[Event] = TypeAdapter(Event)


class ArticleRef(BaseModel):
    """What later stages need to know of the article an event came from (sources of an alert)."""

    model_config = ConfigDict(frozen=True)

    article_id: str
    title: str
    published_at: datetime
    url: str | None = None
    source: str | None = None


class EventsExtracted(BaseModel):
    """One message on the events stream: the events of one article, in text order.

    One message per article (not per event) so that the alerts stage sees an
    article whole: its near-duplicate check and its dedup are per article.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    article: ArticleRef
    events: Annotated[list[Event], Field(min_length=1)]
    fingerprint: Annotated[
        list[int], Field(description="Bottom-k sketch of the text's word shingles.")
    ] = []
    extractor_version: str = "0"
