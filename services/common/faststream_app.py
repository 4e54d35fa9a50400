"""The FastStream side every consuming service shares: the broker and its two group subscriptions."""

import logging
from typing import Any

from faststream import AckPolicy
from faststream.redis import RedisBroker, RedisClusterBroker, StreamSub
from faststream.redis.prometheus import RedisPrometheusMiddleware
from prometheus_client import REGISTRY

from services.common.settings import ConsumerSettings

# Every handler acknowledges in its own transaction (services/common/streams.py), so
# FastStream must never ack (that would lose work on failure) nor nack (a no-op on Redis).
MANUAL = AckPolicy.MANUAL


def make_broker(settings: ConsumerSettings, service: str = "relwatch") -> RedisBroker:
    """A FastStream broker on the configured Redis (a RedisClusterBroker on a cluster)."""
    kind = RedisClusterBroker if settings.redis_cluster else RedisBroker
    return kind(
        settings.redis_url,
        middlewares=[RedisPrometheusMiddleware(registry=REGISTRY, app_name=service)],
        logger=logging.getLogger("relwatch.faststream"),
        log_level=10,  # per-message framework lines at DEBUG; services log one summary line
    )


def new_entries(settings: ConsumerSettings, stream: str, group: str) -> StreamSub:
    """The main subscription: new entries, a batch at a time (COUNT = batch_size)."""
    return StreamSub(
        stream,
        group=group,
        consumer=settings.consumer_name,
        batch=True,
        max_records=settings.batch_size,
        polling_interval=settings.polling_ms,
    )


def pending_entries(settings: ConsumerSettings, stream: str, group: str) -> StreamSub:
    """The claimer: entries another consumer left pending for longer than claim_idle_ms."""
    return StreamSub(
        stream,
        group=group,
        consumer=settings.consumer_name,
        batch=True,
        max_records=settings.batch_size,
        min_idle_time=settings.claim_idle_ms,
        polling_interval=settings.polling_ms,
    )


def entry_ids(msg: Any) -> list[bytes]:
    """The Redis entry ids of a batch message, in body order."""
    return list(msg.raw_message["message_ids"])
