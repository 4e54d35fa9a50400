"""Seeds in, signed alerts out: the whole pipeline as separate processes on a real Redis."""

import asyncio
import secrets
from collections import Counter
from typing import Any

import httpx
import pytest
import redis
from redis.asyncio import Redis as AsyncRedis
from standardwebhooks import Webhook

from schemas import Streams
from services.common.seeds import load_seed_articles
from services.ingest.replay import replay
from services.receiver import WebhookReceiver
from services.stack import Stack, wait_idle
from tests.conftest import SEEDS
from tests.e2e.conftest import Running

pytestmark = pytest.mark.e2e

# Every alert the seed replay raises (publication date of its first source, summary).
# Any change to extraction or to the alert rules that alters this list must be a decision:
# update the list in the same commit and say why. (Corroborations are not in it: the demo
# subscription does not opt into them.)
EXPECTED_ALERTS = [
    ("2022-02-03", "meeting announced: CHN-RUS (Beijing, 2022-02-04)"),
    ("2022-02-03", "meeting held: CHN-RUS (2021-12)"),
    ("2022-02-03", "meeting held: CHN-RUS (Beijing, 2022-02-03)"),
    ("2022-02-03", "meeting held: CHN-USA (2022-01)"),
    ("2022-02-03", "military exercise: CHN-RUS"),
    ("2022-02-03", "sanctions imposed: EU,USA -> RUS"),
    ("2022-02-03", "sanctions threatened: EU,USA -> RUS"),
    ("2022-02-03", "trade target set: CHN-RUS $200bn by 2024"),
    ("2022-02-03", "trade volume reported: CHN-RUS $140bn (2021)"),
    ("2022-02-05", "joint statement: CHN-RUS (2022-02-04)"),
    ("2022-02-05", "meeting held: CHN-RUS (Beijing, 2022-02-04)"),
    ("2022-02-05", "trade target changed: CHN-RUS $200bn -> $250bn by 2024"),
    ("2022-02-24", "agreement signed: CHN-RUS"),
    ("2022-03-11", "sanctions threatened: USA -> CHN"),
    ("2022-03-19", "meeting held: CHN-USA (2022-03-18)"),
    ("2022-04-14", "trade volume reported: CHN-RUS $3.8bn (2022-03, exports)"),
    ("2022-04-14", "trade volume reported: CHN-RUS $7.8bn (2022-03, imports)"),
    ("2022-04-20", "agreement signed: CHN-RUS"),
    ("2022-04-20", "sanctions threatened: EU,USA -> CHN"),
    ("2022-04-20", "trade volume reported: CHN-RUS (2022-Q1)"),
    ("2022-05-24", "meeting held: AUS-IND-JPN-USA (Tokyo, 2022-05-24)"),
    ("2022-05-24", "military exercise: CHN-RUS (Sea of Japan)"),
    ("2022-09-08", "meeting announced: CHN-RUS (Samarkand, 2022-09)"),
    ("2022-09-13", "meeting held: CHN-RUS (Vladivostok, 2022-09-07)"),
    ("2022-09-16", "meeting held: CHN-RUS (Samarkand, 2022-09-15)"),
    ("2022-12-21", "joint statement: CHN-RUS"),
    ("2022-12-21", "meeting announced: CHN-RUS (Moscow, 2023)"),
]


@pytest.fixture(scope="module")
def alerts(running: Running) -> list[dict[str, Any]]:
    """The alert payloads the receiver got after a full replay of the seeds."""
    running.replay_seeds()
    running.wait_idle()
    return [r.payload for r in sorted(running.receiver.received, key=lambda r: r.at)]


def test_trade_target_change_arrives_signed(running: Running, alerts: list[dict[str, Any]]) -> None:
    """A trade_target_changed alert for CHN-RUS from $200bn to $250bn arrives and its signature verifies."""
    changes = [a for a in alerts if a["data"]["kind"] == "trade_target_changed"]
    [change] = [a for a in changes if a["data"]["actors"] == ["CHN", "RUS"]]
    assert change["type"] == "alert.raised"
    assert change["data"]["previous"]["value_usd"] == pytest.approx(200e9, rel=0.02)
    assert change["data"]["value_usd"] == pytest.approx(250e9, rel=0.02)
    [delivery] = [r for r in running.receiver.received if r.payload == change]
    headers = {
        "webhook-id": delivery.webhook_id,
        "webhook-timestamp": delivery.timestamp,
        "webhook-signature": delivery.signature,
    }
    assert Webhook(str(running.subscription["secret"])).verify(delivery.body, headers) == change


def test_every_delivery_is_signed_and_unique(
    running: Running, alerts: list[dict[str, Any]]
) -> None:
    """Every delivery verifies with the subscription's secret; no webhook-id arrives twice."""
    received = running.receiver.received
    assert received
    assert all(r.verified for r in received)
    assert max(Counter(r.webhook_id for r in received).values()) == 1


def test_nothing_is_left_pending_or_dead(running: Running, alerts: list[dict[str, Any]]) -> None:
    """After the replay every group is drained and no dead-letter stream holds anything."""
    streams = running.streams
    for stream in streams.consumed:
        assert running.redis.xlen(streams.dead_letter(stream)) == 0
    assert running.redis.xlen(streams.deliveries_dead) == 0


def pinned(alerts: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return sorted(
        (a["data"]["sources"][0]["published_at"][:10], a["data"]["summary"]) for a in alerts
    )


def test_the_replay_raises_exactly_the_pinned_alerts(alerts: list[dict[str, Any]]) -> None:
    """The full list of alerts of the seed replay, each once (see EXPECTED_ALERTS)."""
    assert pinned(alerts) == EXPECTED_ALERTS


def test_alerts_restart_halfway_changes_nothing(
    redis_url: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """SIGKILL and restart the alerts service halfway through the replay: the same alerts, each once."""
    streams = Streams(prefix=f"e2erestart{secrets.token_hex(3)}")
    stack = Stack(
        redis_url,
        tmp_path_factory.mktemp("restart"),
        api_key=secrets.token_urlsafe(16),
        key_prefix=streams.prefix,
    )
    client = redis.Redis.from_url(redis_url)
    articles = load_seed_articles(SEEDS)
    half = len(articles) // 2

    async def publish(part: list[Any]) -> None:
        async_client = AsyncRedis.from_url(redis_url)
        await replay(async_client, streams, part, speed=None, maxlen=100_000, seen_ttl_s=0)
        await async_client.aclose()

    with WebhookReceiver() as receiver:
        stack.start()
        try:
            httpx.post(
                f"{stack.services['notifier'].url}/subscriptions",
                json={"url": receiver.url},
                headers={"Authorization": f"Bearer {stack.api_key}"},
                timeout=10,
            ).raise_for_status()
            asyncio.run(publish(articles[:half]))
            assert wait_idle(client, streams, timeout=60)
            stack.restart("alerts", sig_kill=True)
            asyncio.run(publish(articles[half:]))
            assert wait_idle(client, streams, timeout=60)
            received = [r.payload for r in receiver.received]
        finally:
            stack.stop()
            client.close()
    assert max(Counter(r.webhook_id for r in receiver.received).values()) == 1
    assert pinned(received) == EXPECTED_ALERTS
