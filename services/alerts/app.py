"""Alerts: reads extracted events, remembers what is known, raises one alert per real-world event."""

import time
from datetime import UTC, datetime
from typing import Any

import structlog
from faststream.redis import RedisStreamMessage
from redis.asyncio.client import Pipeline

from schemas import AlertRaised, EventsExtracted
from services.alerts import store
from services.alerts.rules import decide, needed
from services.alerts.settings import AlertsSettings
from services.common.faststream_app import (
    MANUAL,
    entry_ids,
    make_broker,
    new_entries,
    pending_entries,
)
from services.common.logging import configure_logging
from services.common.metrics import ALERTS
from services.common.redis_client import connect
from services.common.service import service_app
from services.common.streams import Entry, GroupConsumer, Outcome

settings = AlertsSettings()
configure_logging("alerts", settings.log_level, settings.log_json)
log = structlog.get_logger()
streams = settings.streams
broker = make_broker(settings, "alerts")
redis = connect(settings)
group = GroupConsumer(
    redis=redis,
    stream=streams.events,
    group=settings.group,
    consumer=settings.consumer_name,
    dead_letter_stream=streams.dead_letter(streams.events),
    max_deliveries=settings.max_deliveries,
    maxlen=settings.stream_maxlen,
    batch_size=settings.batch_size,
)
alerts_out = broker.publisher(streams.alerts, schema=AlertRaised, title="alerts")
app = service_app(
    title="relwatch alerts",
    description="Turns events into one alert per real-world event.",
    broker=broker,
    redis=redis,
    groups=[group],
)


async def alert_batch(pipe: Pipeline, entries: list[Entry[EventsExtracted]]) -> Outcome:
    messages = [e.message for e in entries]
    state = await store.load(pipe, streams, messages)
    await store.load_alerts(pipe, streams, state, needed(messages, state))
    now = datetime.now(UTC)
    alerts = [a for m in messages for a in decide(m, state, now, settings.recency_days)]
    for alert in alerts:
        log.info(
            "alert_emitted",
            alert_id=alert.alert_id,
            kind=alert.kind,
            action=alert.action,
            summary=alert.summary,
        )
    return Outcome(
        publish=[(streams.alerts, a) for a in alerts],
        writes=store.writes(streams, state, settings.state_ttl_days * 86_400),
        stats={"alerts": len(alerts)},
    )


group.model, group.work = EventsExtracted, alert_batch  # redone first after a crash


async def on_events(body: list[Any], msg: RedisStreamMessage, reclaimed: bool) -> None:
    started = time.perf_counter()
    outcome = await group.handle(
        EventsExtracted, body, entry_ids(msg), alert_batch, reclaimed=reclaimed
    )
    for _, alert in outcome.publish:  # counted once committed (a batch may be redone)
        ALERTS.labels(alert.kind, alert.action).inc()  # type: ignore[attr-defined]
    log.info(
        "events_processed",
        n_messages=len(body),
        reclaimed=reclaimed,
        ms=round((time.perf_counter() - started) * 1000, 1),
        **outcome.stats,
    )


@broker.subscriber(  # type: ignore[untyped-decorator]
    stream=new_entries(settings, streams.events, settings.group), ack_policy=MANUAL
)
async def on_events_extracted(body: list[Any], msg: RedisStreamMessage) -> None:
    await on_events(body, msg, reclaimed=False)


@broker.subscriber(  # type: ignore[untyped-decorator]
    stream=pending_entries(settings, streams.events, settings.group), ack_policy=MANUAL
)
async def on_events_reclaimed(body: list[Any], msg: RedisStreamMessage) -> None:
    await on_events(body, msg, reclaimed=True)
