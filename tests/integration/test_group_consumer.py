"""Consumer groups on a real Redis: created at 0, bad entries dead-lettered, failures reclaimed."""

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
from faststream.redis import RedisBroker, RedisStreamMessage
from redis.asyncio import Redis
from redis.asyncio.client import Pipeline

from schemas import ArticleIn, DeadLetter, Streams
from services.common.faststream_app import (
    MANUAL,
    entry_ids,
    make_broker,
    new_entries,
    pending_entries,
)
from services.common.settings import ConsumerSettings
from services.common.streams import Entry, GroupConsumer, Outcome, decode, encode

pytestmark = pytest.mark.integration


def article(title: str) -> ArticleIn:
    return ArticleIn(title=title, text="text 1", published_at="2022-02-03")  # type: ignore[arg-type]


class Harness:
    """A broker with a main and a claimer subscriber whose work copies articles to an output stream."""

    def __init__(self, redis_url: str, streams: Streams) -> None:
        self.settings = ConsumerSettings(
            redis_url=redis_url, claim_idle_ms=300, max_deliveries=2, polling_ms=50, batch_size=10
        )
        self.redis: Redis[Any] = Redis.from_url(redis_url)
        self.stream, self.out = streams.articles, streams.events
        self.group = GroupConsumer(
            self.redis,
            self.stream,
            "g",
            self.settings.consumer_name,
            streams.dead_letter(self.stream),
            max_deliveries=2,
        )
        self.failures: dict[str, int] = {}
        self.broker: RedisBroker = make_broker(self.settings)

        async def work(_: Pipeline, entries: list[Entry[ArticleIn]]) -> Outcome:
            for e in entries:
                left = self.failures.get(e.message.title, 0)
                if left:
                    self.failures[e.message.title] = left - 1
                    raise RuntimeError(f"failing on {e.message.title}")
            return Outcome(publish=[(self.out, e.message) for e in entries])

        async def handle(body: list[Any], msg: RedisStreamMessage, reclaimed: bool) -> None:
            await self.group.handle(ArticleIn, body, entry_ids(msg), work, reclaimed=reclaimed)

        @self.broker.subscriber(
            stream=new_entries(self.settings, self.stream, "g"), ack_policy=MANUAL
        )
        async def on_new(body: list[Any], msg: RedisStreamMessage) -> None:
            await handle(body, msg, False)

        @self.broker.subscriber(
            stream=pending_entries(self.settings, self.stream, "g"), ack_policy=MANUAL
        )
        async def on_pending(body: list[Any], msg: RedisStreamMessage) -> None:
            await handle(body, msg, True)

    async def add(self, message: ArticleIn) -> None:
        await self.redis.xadd(self.stream, encode(message))

    async def outputs(self) -> list[str]:
        return [decode(f, ArticleIn).title for _, f in await self.redis.xrange(self.out)]

    async def dead(self) -> list[DeadLetter]:
        return [
            decode(f, DeadLetter) for _, f in await self.redis.xrange(self.group.dead_letter_stream)
        ]

    async def pending(self) -> int:
        return int((await self.redis.xpending(self.stream, "g"))["pending"])

    async def until(self, check: Any, timeout: float = 10.0) -> None:
        deadline = asyncio.get_running_loop().time() + timeout
        while not await check():
            assert asyncio.get_running_loop().time() < deadline, "condition not reached in time"
            await asyncio.sleep(0.05)


@pytest.fixture
async def harness(redis_url: str, streams: Streams) -> AsyncIterator[Harness]:
    h = Harness(redis_url, streams)
    yield h
    await h.broker.stop()
    await h.redis.aclose()


async def start(h: Harness) -> None:
    await h.group.start()
    await h.broker.start()


async def test_entries_added_before_the_first_consumer_are_processed(harness: Harness) -> None:
    """The group is created at 0, so a backlog written before any consumer ran is not skipped."""
    for title in ("one", "two", "three"):
        await harness.add(article(title))
    await start(harness)
    await harness.until(lambda: _eq(harness.outputs(), ["one", "two", "three"]))
    assert await harness.pending() == 0


async def test_malformed_and_invalid_entries_go_to_the_dead_letter_stream(harness: Harness) -> None:
    """Bad entries are dead-lettered with the reason; their batch neighbours are processed."""
    await start(harness)
    await harness.add(article("before"))
    await harness.redis.xadd(harness.stream, {"__data__": b"not json at all"})
    await harness.redis.xadd(
        harness.stream, {"__data__": json.dumps({"title": "no text"}).encode()}
    )
    await harness.add(article("after"))
    await harness.until(lambda: _eq(harness.outputs(), ["before", "after"]))
    await harness.until(lambda: _len(harness.dead(), 2))
    malformed, invalid = await harness.dead()
    assert (malformed.reason, malformed.payload) == ("malformed", "not json at all")
    assert invalid.reason == "invalid"
    assert "text: Field required" in invalid.error
    assert "published_at: Field required" in invalid.error
    assert await harness.pending() == 0


async def test_a_failed_batch_is_reclaimed_and_processed_once(harness: Harness) -> None:
    """A batch whose handler fails stays pending, is reclaimed after the idle time, and lands once."""
    harness.failures["flaky"] = 1
    await start(harness)
    await harness.add(article("flaky"))
    await harness.until(lambda: _eq(harness.outputs(), ["flaky"]))
    await asyncio.sleep(0.5)
    assert await harness.outputs() == ["flaky"]
    assert await harness.pending() == 0
    assert await harness.dead() == []


async def test_poison_entry_is_dead_lettered_after_max_deliveries(harness: Harness) -> None:
    """An entry that always fails is dead-lettered once delivered more than max_deliveries times."""
    harness.failures["poison"] = 1000
    await start(harness)
    await harness.add(article("poison"))
    await harness.add(article("healthy"))
    await harness.until(lambda: _len(harness.dead(), 1), timeout=15)
    [letter] = await harness.dead()
    assert letter.reason == "too_many_deliveries"
    assert letter.deliveries == 3
    assert json.loads(letter.payload)["title"] == "poison"
    await harness.until(lambda: _eq(harness.outputs(), ["healthy"]))
    await harness.until(lambda: _eq(harness.pending(), 0))


async def _eq(value: Any, expected: Any) -> bool:
    return bool(await value == expected)


async def _len(value: Any, n: int) -> bool:
    return len(await value) == n
