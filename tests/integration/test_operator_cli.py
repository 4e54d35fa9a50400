"""The operator's commands against a real Redis and a running extractor: status, dlq list, dlq replay."""

import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest
import redis
from typer.testing import CliRunner

from schemas import ArticleIn, DeadLetter, Streams
from services.cli import app
from services.common.streams import encode
from services.ingest.publish import prepare
from services.stack import Stack

pytestmark = pytest.mark.integration


@pytest.fixture
def extractor(redis_url: str, streams: Streams, tmp_path: object) -> Iterator[Stack]:
    stack = Stack(redis_url, tmp_path, api_key="k", key_prefix=streams.prefix)  # type: ignore[arg-type]
    stack.start(["extractor"])
    yield stack
    stack.stop()


def cli(redis_url: str, streams: Streams, *args: str) -> str:
    result = CliRunner().invoke(
        app,
        list(args),
        env={"RELWATCH_REDIS_URL": redis_url, "RELWATCH_KEY_PREFIX": streams.prefix},
    )
    assert result.exit_code == 0, result.output
    return result.stdout


def until(check: object, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while not check():  # type: ignore[operator]
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.05)


def test_poison_entry_shows_in_status_and_dlq_list(
    extractor: Stack, redis_url: str, streams: Streams, sync_redis: "redis.Redis[bytes]"
) -> None:
    """A malformed article is dead-lettered; status counts it, dlq list shows the reason."""
    sync_redis.xadd(streams.articles, {"__data__": b"{broken"})
    until(lambda: sync_redis.xlen(streams.dead_letter(streams.articles)) == 1)
    report = json.loads(cli(redis_url, streams, "status", "--json"))
    [articles] = [r for r in report["streams"] if r["stream"] == streams.articles]
    assert (articles["group"], articles["pending"], articles["dead_letters"]) == ("extractor", 0, 1)
    [letter] = [
        json.loads(line)
        for line in cli(redis_url, streams, "dlq", "list", "articles", "--json").splitlines()
    ]
    assert (letter["reason"], letter["payload"]) == ("malformed", "{broken")


def test_metrics_count_dead_letters_and_sample_the_group(
    extractor: Stack, streams: Streams, sync_redis: "redis.Redis[bytes]"
) -> None:
    """/metrics counts the dead-lettered entry and reports the group's pending gauge."""
    sync_redis.xadd(streams.articles, {"__data__": b"[1, 2"})
    until(lambda: sync_redis.xlen(streams.dead_letter(streams.articles)) == 1)
    labels = f'group="extractor",outcome="dead_lettered",stream="{streams.articles}"'
    until(lambda: f"relwatch_entries_total{{{labels}}} 1.0" in _metrics(extractor))
    until(
        lambda: f'relwatch_dead_letters{{stream="{streams.articles}"}} 1.0' in _metrics(extractor)
    )
    assert "relwatch_batch_seconds_bucket" in _metrics(extractor)


def _metrics(stack: Stack) -> str:
    return httpx.get(f"{stack.services['extractor'].url}/metrics", timeout=5).text


def test_dlq_replay_puts_letters_back_and_they_are_processed(
    extractor: Stack, redis_url: str, streams: Streams, sync_redis: "redis.Redis[bytes]"
) -> None:
    """A dead letter with a valid payload goes back on its stream, is consumed, and leaves the DLQ."""
    article = prepare(
        ArticleIn(
            title="t", text="Nothing happened.", published_at=datetime(2022, 1, 1, tzinfo=UTC)
        )
    )
    letter = DeadLetter(
        stream=streams.articles,
        entry_id="1-0",
        group="extractor",
        reason="too_many_deliveries",
        error="failed 5 times",
        payload=article.model_dump_json(),
        deliveries=6,
        dead_at=datetime.now(UTC),
    )
    sync_redis.xadd(streams.dead_letter(streams.articles), encode(letter))
    assert (
        "1 dead letters put back"
        in CliRunner()
        .invoke(
            app,
            ["dlq", "replay", "articles"],
            env={"RELWATCH_REDIS_URL": redis_url, "RELWATCH_KEY_PREFIX": streams.prefix},
        )
        .output
    )
    assert sync_redis.xlen(streams.dead_letter(streams.articles)) == 0
    until(
        lambda: (
            _group(sync_redis, streams)["pending"] == 0
            and _group(sync_redis, streams)["last-delivered-id"]
            == sync_redis.xinfo_stream(streams.articles)["last-generated-id"]
        )
    )


def _group(client: "redis.Redis[bytes]", streams: Streams) -> dict[str, object]:
    [group] = client.xinfo_groups(streams.articles)
    return group  # type: ignore[no-any-return]
