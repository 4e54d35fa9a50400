"""Seeds in, signed alerts out: the whole pipeline as separate processes on a real Redis."""

from collections import Counter
from typing import Any

import pytest
from standardwebhooks import Webhook

from tests.e2e.conftest import Running

pytestmark = pytest.mark.e2e


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
