"""Alerts for the notifier's tests: valid AlertRaised messages with as many sources as asked."""

from datetime import UTC, datetime, timedelta

from schemas import AlertRaised, MeetingHeld, Source
from schemas.events import Evidence

RAISED_AT = datetime(2024, 5, 16, 9, 30, tzinfo=UTC)


def make_alert(
    alert_id: str = "al_1",
    *,
    actors: tuple[str, ...] = ("CHN", "RUS"),
    n_sources: int = 1,
    n_events: int = 1,
    revision: int = 1,
    confidence: float = 0.9,
) -> AlertRaised:
    """A meeting_held alert about `actors` reported by `n_sources` articles."""
    sources = [
        Source(
            article_id=f"art_{i}",
            title=f"Leaders meet in Beijing, report {i}",
            published_at=RAISED_AT - timedelta(hours=i),
            url=f"https://news.example/{i}",
        )
        for i in range(n_sources)
    ]
    events = [
        MeetingHeld(
            event_id=f"ev_{i}",
            article_id=f"art_{i}",
            published_at=RAISED_AT,
            actors=list(actors),
            evidence=Evidence(text="The two leaders met in Beijing on Thursday.", start=0, end=44),
            confidence=confidence,
            location="Beijing",
        )
        for i in range(n_events)
    ]
    return AlertRaised(
        alert_id=alert_id,
        kind="meeting_held",
        revision=revision,
        action="raised" if revision == 1 else "corroborated",
        summary=f"{' and '.join(actors)} leaders met in Beijing",
        actors=list(actors),
        location="Beijing",
        confidence=confidence,
        events=events,
        sources=sources,
        source_count=max(1, n_sources),
        raised_at=RAISED_AT,
    )
