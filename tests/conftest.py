"""Fixtures shared by every test tier: a real Redis for the session, a fresh key prefix per test."""

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from schemas import Streams
from services.common.redis_server import NO_REDIS_HELP, LocalRedis, RedisUnavailable, answers

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = (
    ROOT / "tests" / "data" / "gold" / "seeds.jsonl"
)  # a copy of the shared gold, so a clone is self-contained


def _docker_redis() -> Iterator[str] | None:
    try:
        from testcontainers.community.redis import RedisContainer  # type: ignore[import-untyped]
    except ImportError:
        return None
    try:
        container = RedisContainer("redis:7-alpine")
    except Exception:  # no Docker engine answers: fall back to a redis-server binary
        return None

    def run() -> Iterator[str]:
        with container:
            host = container.get_container_host_ip()
            yield f"redis://{host}:{container.get_exposed_port(6379)}/0"

    return run()


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """REDIS_URL if set; else a Redis container; else a redis-server binary on a free port."""
    url = os.environ.get("REDIS_URL")
    if url:
        if not answers(url):
            pytest.fail(f"REDIS_URL={url} does not answer PING. {NO_REDIS_HELP}", pytrace=False)
        yield url
        return
    docker = _docker_redis()
    if docker is not None:
        yield from docker
        return
    try:
        server = LocalRedis().start()
    except RedisUnavailable as exc:
        pytest.fail(str(exc), pytrace=False)
    yield server.url
    server.stop()


@pytest.fixture
def streams() -> Streams:
    """A key prefix of this test's own, so tests never see each other's streams or state."""
    return Streams(prefix=f"t{secrets.token_hex(4)}")


@pytest.fixture
def sync_redis(redis_url: str) -> Iterator["redis.Redis[bytes]"]:
    client: redis.Redis[bytes] = redis.Redis.from_url(redis_url)
    yield client
    client.close()
