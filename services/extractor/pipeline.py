"""From accepted articles to the events messages they yield."""

from schemas import ArticleIngested, ArticleRef, EventsExtracted
from services.common.fingerprint import fingerprint
from services.extractor.extract import extract_events

EXTRACTOR_VERSION = "1"


def events_of(article: ArticleIngested) -> EventsExtracted | None:
    """The events message of one article, or None when it states no event."""
    events = extract_events(
        article.text, published_at=article.published_at, article_id=article.article_id
    )
    if not events:
        return None
    return EventsExtracted(
        article=ArticleRef(
            article_id=article.article_id,
            title=article.title,
            published_at=article.published_at,
            url=str(article.url) if article.url else None,
            source=article.source,
        ),
        events=events,
        fingerprint=fingerprint(article.text),
        extractor_version=EXTRACTOR_VERSION,
    )
