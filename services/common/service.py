"""The process every service runs: a FastAPI app whose lifespan runs the FastStream broker.

A watchdog restarts a subscriber that stopped. FastStream stops a group subscriber for good
when its group vanished (NOGROUP: Redis restarted empty, the stream was deleted); here the
groups are created again at 0 and the subscriber carries on.
"""

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Coroutine, Sequence
from contextlib import asynccontextmanager
from typing import Any

import structlog
from fastapi import APIRouter, FastAPI
from faststream.redis import RedisBroker

from services.common.http import ops_router, redis_ready
from services.common.metrics import sample_groups
from services.common.streams import GroupConsumer

log = structlog.get_logger()
Background = Callable[[], Coroutine[Any, Any, None]]


async def watch_subscribers(
    broker: RedisBroker, groups: Sequence[GroupConsumer], every_s: float
) -> None:
    """Every `every_s`, recreate the groups and restart any subscriber that stopped."""
    while True:
        await asyncio.sleep(every_s)
        stopped = [s for s in broker.subscribers if not s.running]
        if not stopped:
            continue
        try:
            for group in groups:
                await group.start()
            for subscriber in stopped:
                log.warning(
                    "subscriber_restarting",
                    subscriber=getattr(subscriber, "call_name", repr(subscriber)),
                )
                await subscriber.start()
        except Exception as exc:  # Redis still away: try again on the next round
            log.warning("subscriber_restart_failed", error=str(exc))


def service_app(
    *,
    title: str,
    description: str,
    broker: RedisBroker,
    redis: Any,
    groups: Sequence[GroupConsumer] = (),
    background: Sequence[Background] = (),
    routers: Sequence[APIRouter] = (),
    watchdog_s: float = 2.0,
) -> FastAPI:
    """The ASGI app of a service: health, metrics, its own routes, and the broker in the lifespan."""

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        for group in groups:
            await group.start()  # create groups at 0 before the first read
        await broker.start()
        tasks: list[asyncio.Task[None]] = [asyncio.create_task(job()) for job in background]
        tasks.append(asyncio.create_task(watch_subscribers(broker, groups, watchdog_s)))
        sampled = [(g.stream, g.group, g.dead_letter_stream) for g in groups]
        tasks.append(asyncio.create_task(sample_groups(redis, sampled)))
        log.info("service_started", streams=[g.stream for g in groups])
        try:
            yield
        finally:
            for task in tasks:
                task.cancel()
            for task in tasks:
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            await broker.stop()
            await redis.aclose()

    app = FastAPI(title=title, description=description, version="0.1.0", lifespan=lifespan)
    app.include_router(ops_router(lambda: redis_ready(redis)))
    for router in routers:
        app.include_router(router)
    return app
