"""Notifier: turns alerts into signed webhook deliveries and serves the subscriptions API.

Wiring only: the alerts consumer enqueues deliveries in the transaction that acks the alerts
(outbox.py); a background worker (worker.py) sends them; the API lives in api*.py.
"""

import logging
import time
from datetime import UTC, datetime
from typing import Any

import structlog
from faststream.redis import RedisStreamMessage
from redis.asyncio.client import Pipeline

from schemas import AlertRaised
from services.common.faststream_app import (
    MANUAL,
    entry_ids,
    make_broker,
    new_entries,
    pending_entries,
)
from services.common.logging import configure_logging
from services.common.redis_client import connect
from services.common.service import service_app
from services.common.streams import Entry, GroupConsumer, Outcome
from services.notifier import api, api_deliveries
from services.notifier.outbox import Outbox
from services.notifier.payload import plan
from services.notifier.settings import NotifierSettings
from services.notifier.ssrf import AddressGuard
from services.notifier.subscriptions import SubscriptionStore
from services.notifier.transport import delivery_client
from services.notifier.worker import DeliveryWorker

settings = NotifierSettings()  # api_key comes from the environment
configure_logging("notifier", settings.log_level, settings.log_json)
logging.getLogger("httpx").setLevel(logging.WARNING)  # URLs may hold tokens; one line per attempt
log = structlog.get_logger()
streams = settings.streams
redis = connect(settings)
broker = make_broker(settings, "notifier")
subscriptions = SubscriptionStore(redis, streams)
outbox = Outbox(redis, streams, settings.delivery_ttl_s, settings.stream_maxlen)
guard = AddressGuard(allow=settings.allowed_networks)
workers: list[DeliveryWorker] = []  # the running worker, woken when deliveries are enqueued


def wake_workers() -> None:
    for worker in workers:
        worker.wake()


async def delivery_batch(_: Pipeline, entries: list[Entry[AlertRaised]]) -> Outcome:
    subs = [s.subscription for s in await subscriptions.all()]
    now = time.time()
    at = datetime.fromtimestamp(now, UTC)
    deliveries = [d for e in entries for d in plan(e.message, subs, at, settings.max_payload_bytes)]
    due = now + settings.retry_schedule_s[0]
    return Outcome(
        writes=[outbox.enqueue(d, due, now) for d in deliveries],
        stats={"deliveries": len(deliveries), "truncated": sum(d.truncated for d in deliveries)},
    )


async def deliver() -> None:
    """The delivery worker, for the life of the process; in-flight attempts get a short grace."""
    async with delivery_client(guard, settings.worker_concurrency) as client:
        worker = DeliveryWorker(settings, outbox, subscriptions, client)
        workers.append(worker)
        try:
            await worker.run()
        finally:
            workers.remove(worker)
            await worker.stop(grace_s=min(settings.request_timeout_s, 5.0))


group = GroupConsumer(
    redis=redis,
    stream=streams.alerts,
    group=settings.group,
    consumer=settings.consumer_name,
    dead_letter_stream=streams.dead_letter(streams.alerts),
    max_deliveries=settings.max_deliveries,
    maxlen=settings.stream_maxlen,
    model=AlertRaised,
    work=delivery_batch,  # redone first after a crash
    batch_size=settings.batch_size,
)
app = service_app(
    title="relwatch notifier",
    description="Subscribe webhooks to relwatch alerts. Every route under /subscriptions and "
    "/deliveries needs `Authorization: Bearer <RELWATCH_API_KEY>`. See docs/WEBHOOKS.md.",
    broker=broker,
    redis=redis,
    groups=[group],
    background=[deliver],
    routers=[api.router, api_deliveries.router],
)
app.state.api = api.ApiContext(
    settings.api_key.get_secret_value(), subscriptions, outbox, guard, wake_workers
)


async def on_alerts(body: list[Any], msg: RedisStreamMessage, reclaimed: bool) -> None:
    started = time.perf_counter()
    outcome = await group.handle(
        AlertRaised, body, entry_ids(msg), delivery_batch, reclaimed=reclaimed
    )
    if outcome.stats.get("deliveries"):
        wake_workers()
    log.info(
        "alerts_processed",
        n_alerts=len(body),
        reclaimed=reclaimed,
        ms=round((time.perf_counter() - started) * 1000, 1),
        **outcome.stats,
    )


@broker.subscriber(  # type: ignore[untyped-decorator]
    stream=new_entries(settings, streams.alerts, settings.group), ack_policy=MANUAL
)
async def on_alert_raised(body: list[Any], msg: RedisStreamMessage) -> None:
    await on_alerts(body, msg, reclaimed=False)


@broker.subscriber(  # type: ignore[untyped-decorator]
    stream=pending_entries(settings, streams.alerts, settings.group), ack_policy=MANUAL
)
async def on_alert_reclaimed(body: list[Any], msg: RedisStreamMessage) -> None:
    await on_alerts(body, msg, reclaimed=True)
