"""Prometheus metrics every service exposes on /metrics, and a sampler of stream and group sizes."""

import asyncio
from collections.abc import Sequence
from typing import Any

import structlog
from prometheus_client import REGISTRY, Counter, Gauge, Histogram

log = structlog.get_logger()

ENTRIES = Counter(
    "relwatch_entries_total",
    "Stream entries a consumer group finished with",
    ["stream", "group", "outcome"],
)
BATCH_SECONDS = Histogram(
    "relwatch_batch_seconds",
    "Time to process and commit one batch",
    ["stream", "group"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)
EVENTS = Counter("relwatch_events_extracted_total", "Events extracted, by type", ["type"])
ALERTS = Counter("relwatch_alerts_total", "Alert emissions, by kind and action", ["kind", "action"])
DELIVERIES = Counter(
    "relwatch_deliveries_total",
    "Webhook delivery attempts, by outcome and endpoint",
    ["outcome", "endpoint"],
)
STREAM_LENGTH = Gauge("relwatch_stream_length", "Entries in a stream", ["stream"])
GROUP_PENDING = Gauge(
    "relwatch_group_pending",
    "Entries delivered to a group but not acknowledged",
    ["stream", "group"],
)
GROUP_LAG = Gauge("relwatch_group_lag", "Entries not yet delivered to a group", ["stream", "group"])
DEAD_LETTERS = Gauge(
    "relwatch_dead_letters", "Entries in a stream's dead-letter stream", ["stream"]
)


async def sample_groups(
    redis: Any, groups: Sequence[tuple[str, str, str]], every_s: float = 5.0
) -> None:
    """Every `every_s`, set the length, pending, lag and dead-letter gauges of (stream, group, dlq)."""
    while True:
        try:
            for stream, group, dlq in groups:
                STREAM_LENGTH.labels(stream).set(await redis.xlen(stream))
                DEAD_LETTERS.labels(stream).set(await redis.xlen(dlq))
                for info in await redis.xinfo_groups(stream):
                    if info["name"].decode() == group:
                        GROUP_PENDING.labels(stream, group).set(info["pending"])
                        if info.get("lag") is not None:
                            GROUP_LAG.labels(stream, group).set(info["lag"])
        except Exception as exc:  # Redis away: the gauges keep their last values
            log.debug("metrics_sample_failed", error=str(exc))
        await asyncio.sleep(every_s)


__all__ = ["REGISTRY"]
