"""Ingest: the HTTP entry point for articles. Validates, gives each a content id, appends it once."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any, Literal

import structlog
from fastapi import Body, FastAPI, Response
from pydantic import BaseModel

from schemas import ArticleIn
from services.common.http import BodyLimitMiddleware, ops_router, redis_ready
from services.common.logging import configure_logging
from services.common.redis_client import connect
from services.ingest.publish import publish_articles
from services.ingest.settings import IngestSettings

settings = IngestSettings()
configure_logging("ingest", settings.log_level, settings.log_json)
log = structlog.get_logger()
redis: Any = connect(settings)


class ArticleAccepted(BaseModel):
    article_id: str
    status: Literal["accepted", "duplicate"]
    entry_id: str | None = None


@asynccontextmanager
async def lifespan(_: FastAPI) -> AsyncIterator[None]:
    log.info("ingest_started", stream=settings.streams.articles)
    yield
    await redis.aclose()


app = FastAPI(
    title="relwatch ingest",
    version="0.1.0",
    description="Submit news articles; relwatch extracts events and alerts subscribers.",
    lifespan=lifespan,
)
app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
app.include_router(ops_router(lambda: redis_ready(redis)))


async def _publish(articles: list[ArticleIn]) -> list[ArticleAccepted]:
    results = await publish_articles(
        redis,
        settings.streams,
        articles,
        maxlen=settings.stream_maxlen,
        seen_ttl_s=settings.seen_ttl_days * 86400,
    )
    for r in results:
        log.info("article_ingested", article_id=r.article_id, status=r.status)
    return [ArticleAccepted(**vars(r)) for r in results]


@app.post(
    "/articles",
    status_code=202,
    responses={
        200: {"description": "Already seen: nothing was published", "model": ArticleAccepted},
        413: {"description": "Body over RELWATCH_MAX_BODY_BYTES"},
    },
)
async def post_article(article: ArticleIn, response: Response) -> ArticleAccepted:
    """Accept one article (202), or say it was already seen (200)."""
    [result] = await _publish([article])
    if result.status == "duplicate":
        response.status_code = 200
    return result


@app.post(
    "/articles/batch",
    status_code=202,
    responses={413: {"description": "Body over RELWATCH_MAX_BODY_BYTES"}},
)
async def post_articles(
    articles: Annotated[list[ArticleIn], Body(min_length=1, max_length=1000)],
) -> list[ArticleAccepted]:
    """Accept up to 1,000 articles in order; each result says accepted or duplicate."""
    return await _publish(articles)
