"""Articles: what ingest accepts over HTTP and what it puts on the articles stream."""

import hashlib
import unicodedata
from datetime import UTC, date, datetime, time
from typing import Annotated, Any

from pydantic import AnyHttpUrl, BaseModel, ConfigDict, Field, field_validator

MAX_TEXT_CHARS = 1_000_000


def article_id_for(title: str, text: str) -> str:
    """A stable id from the content: the same title and text give the same id, whatever the source."""
    canonical = " ".join(unicodedata.normalize("NFKC", f"{title}\n{text}").split()).casefold()
    return "art_" + hashlib.sha256(canonical.encode()).hexdigest()[:20]


def _as_utc_datetime(value: Any) -> Any:
    """Accept a date ("2022-02-03") as midnight UTC; naive datetimes are taken as UTC."""
    if isinstance(value, str) and len(value) == 10:
        value = date.fromisoformat(value)
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime.combine(value, time(0), tzinfo=UTC)
    if isinstance(value, datetime) and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


class ArticleIn(BaseModel):
    """An article as a client submits it (POST /articles)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: Annotated[str, Field(min_length=1, max_length=1000)]
    text: Annotated[str, Field(min_length=1, max_length=MAX_TEXT_CHARS)]
    published_at: Annotated[
        datetime, Field(description="Publication time; a date alone means midnight UTC.")
    ]
    url: AnyHttpUrl | None = None
    source: Annotated[str | None, Field(max_length=200)] = None

    @field_validator("published_at", mode="before")
    @classmethod
    def _published_at_utc(cls, value: Any) -> Any:
        return _as_utc_datetime(value)

    @field_validator("text")
    @classmethod
    def _text_has_words(cls, value: str) -> str:
        if not any(ch.isalnum() for ch in value):
            raise ValueError("text must contain at least one letter or digit")
        return value


class ArticleIngested(ArticleIn):
    """An accepted article on the articles stream. `article_id` derives from its content."""

    article_id: str
    ingested_at: datetime

    @property
    def published_on(self) -> date:
        return self.published_at.astimezone(UTC).date()
