"""Extractor: reads accepted articles, publishes the events each states."""

import time
from typing import Any

import structlog
from faststream.redis import RedisStreamMessage
from redis.asyncio.client import Pipeline

from schemas import ArticleIngested, EventsExtracted
from services.common.faststream_app import (
    MANUAL,
    entry_ids,
    make_broker,
    new_entries,
    pending_entries,
)
from services.common.logging import configure_logging
from services.common.metrics import EVENTS
from services.common.redis_client import connect
from services.common.service import service_app
from services.common.streams import Entry, GroupConsumer, Outcome
from services.extractor.pipeline import events_of
from services.extractor.settings import ExtractorSettings

settings = ExtractorSettings()
configure_logging("extractor", settings.log_level, settings.log_json)
log = structlog.get_logger()
streams = settings.streams
broker = make_broker(settings, "extractor")
redis = connect(settings)
group = GroupConsumer(
    redis=redis,
    stream=streams.articles,
    group=settings.group,
    consumer=settings.consumer_name,
    dead_letter_stream=streams.dead_letter(streams.articles),
    max_deliveries=settings.max_deliveries,
    maxlen=settings.stream_maxlen,
    batch_size=settings.batch_size,
)
events_out = broker.publisher(streams.events, schema=EventsExtracted, title="events")
app = service_app(
    title="relwatch extractor",
    description="Turns article text into typed events with evidence.",
    broker=broker,
    redis=redis,
    groups=[group],
)


async def extract_batch(_: Pipeline, entries: list[Entry[ArticleIngested]]) -> Outcome:
    messages = [m for e in entries if (m := events_of(e.message)) is not None]
    n_events = sum(len(m.events) for m in messages)
    for event in (ev for m in messages for ev in m.events):
        EVENTS.labels(event.type).inc()
    return Outcome(publish=[(streams.events, m) for m in messages], stats={"events": n_events})


group.model, group.work = ArticleIngested, extract_batch  # redone first after a crash


async def on_articles(body: list[Any], msg: RedisStreamMessage, reclaimed: bool) -> None:
    started = time.perf_counter()
    outcome = await group.handle(
        ArticleIngested, body, entry_ids(msg), extract_batch, reclaimed=reclaimed
    )
    log.info(
        "articles_processed",
        n_articles=len(body),
        reclaimed=reclaimed,
        ms=round((time.perf_counter() - started) * 1000, 1),
        **outcome.stats,
    )


@broker.subscriber(  # type: ignore[untyped-decorator]
    stream=new_entries(settings, streams.articles, settings.group), ack_policy=MANUAL
)
async def on_article_ingested(body: list[Any], msg: RedisStreamMessage) -> None:
    await on_articles(body, msg, reclaimed=False)


@broker.subscriber(  # type: ignore[untyped-decorator]
    stream=pending_entries(settings, streams.articles, settings.group), ack_policy=MANUAL
)
async def on_article_reclaimed(body: list[Any], msg: RedisStreamMessage) -> None:
    await on_articles(body, msg, reclaimed=True)
