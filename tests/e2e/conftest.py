"""The running system: the four services as processes (compose commands), a real webhook receiver."""

import asyncio
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import redis
from redis.asyncio import Redis as AsyncRedis

from schemas import Streams
from services.common.seeds import load_seed_articles
from services.ingest.replay import replay
from services.receiver import WebhookReceiver
from services.stack import Stack, wait_idle
from tests.conftest import SEEDS


@dataclass
class Running:
    stack: Stack
    receiver: WebhookReceiver
    streams: Streams
    redis: "redis.Redis[bytes]"
    subscription: dict[str, object]

    def subscribe(self, url: str, **filters: object) -> dict[str, object]:
        response = httpx.post(
            f"{self.stack.services['notifier'].url}/subscriptions",
            json={"url": url, **filters},
            headers={"Authorization": f"Bearer {self.stack.api_key}"},
            timeout=10,
        )
        response.raise_for_status()
        created: dict[str, object] = response.json()
        return created

    def replay_seeds(self) -> None:
        async def go() -> None:
            client = AsyncRedis.from_url(self.stack.redis_url)
            await replay(
                client,
                self.streams,
                load_seed_articles(SEEDS),
                speed=None,
                maxlen=100_000,
                seen_ttl_s=0,
            )
            await client.aclose()

        asyncio.run(go())

    def wait_idle(self, timeout: float = 60) -> None:
        assert wait_idle(self.redis, self.streams, timeout=timeout), "pipeline did not settle"


@pytest.fixture(scope="module")
def running(redis_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    """All four services on the session Redis under a fresh prefix, and one subscribed receiver."""
    streams = Streams(prefix=f"e2e{secrets.token_hex(4)}")
    log_dir: Path = tmp_path_factory.mktemp("logs")
    stack = Stack(redis_url, log_dir, api_key=secrets.token_urlsafe(16), key_prefix=streams.prefix)
    client: redis.Redis[bytes] = redis.Redis.from_url(redis_url)
    with WebhookReceiver() as receiver:
        stack.start()
        try:
            run = Running(stack, receiver, streams, client, {})
            run.subscription = run.subscribe(receiver.url)
            receiver.secret = str(run.subscription["secret"])
            yield run
        finally:
            stack.stop()
            client.close()
