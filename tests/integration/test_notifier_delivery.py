"""Deliveries from the real notifier process to real receivers: the status-code matrix, signatures
verified by the standardwebhooks library, secret rotation, and secrets kept out of the log."""

import itertools
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from standardwebhooks import Webhook

from services.common.redis_server import free_port
from services.receiver import WebhookReceiver
from tests.integration.test_notifier_api import Notifier, new_actor, running_notifier, wait_for
from tests.unit.notifier.factories import make_alert

pytestmark = pytest.mark.integration
SLOW_DOWN_S = 0.3


@pytest.fixture(scope="module")
def notifier(redis_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Notifier]:
    """Two attempts 0.3 s apart, one-second requests, loopback allowed."""
    with running_notifier(
        redis_url,
        tmp_path_factory.mktemp("logs"),
        RELWATCH_RETRY_SCHEDULE_S="[0, 0.3]",
        RELWATCH_SLOW_DOWN_S=str(SLOW_DOWN_S),
    ) as n:
        yield n


@pytest.fixture(autouse=True)
def unsubscribe_after(notifier: Notifier) -> Iterator[None]:
    """Each test's subscriptions (and their pending retries) go when it ends."""
    yield
    notifier.cleanup()


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    with WebhookReceiver() as r:
        yield r


def settled(notifier: Notifier, sub_id: str, n: int = 1) -> list[dict[str, Any]]:
    """The subscription's `n` deliveries once none is pending any more."""
    found: list[dict[str, Any]] = []

    def done() -> bool:
        nonlocal found
        found = notifier.deliveries(sub_id)
        return len(found) == n and all(d["state"] != "pending" for d in found)

    wait_for(done, timeout=30)
    return found


def answer(status: int, headers: dict[str, str] | None = None) -> dict[str, Any]:
    return {"status": status, "headers": headers or {}}


@pytest.mark.parametrize(
    ("behaviour", "state", "reason", "statuses", "min_gap_s", "disabled"),
    [
        pytest.param(answer(200), "delivered", None, [200], 0, False, id="200-done"),
        pytest.param(answer(204), "delivered", None, [204], 0, False, id="204-done"),
        pytest.param(
            answer(302, {"location": "http://169.254.169.254/"}),
            "dead",
            "attempts_exhausted",
            [302, 302],
            0,
            False,
            id="302-not-followed",
        ),
        pytest.param(
            answer(400), "dead", "attempts_exhausted", [400, 400], 0, False, id="400-retried"
        ),
        pytest.param(
            answer(404), "dead", "attempts_exhausted", [404, 404], 0, False, id="404-retried"
        ),
        pytest.param(answer(410), "dead", "gone", [410], 0, True, id="410-disables"),
        pytest.param(
            answer(429, {"retry-after": "1"}),
            "dead",
            "attempts_exhausted",
            [429, 429],
            1.0,
            False,
            id="429-honours-retry-after",
        ),
        pytest.param(
            answer(500), "dead", "attempts_exhausted", [500, 500], 0.3, False, id="500-retried"
        ),
        pytest.param(
            answer(502),
            "dead",
            "attempts_exhausted",
            [502, 502],
            SLOW_DOWN_S,
            False,
            id="502-slowed",
        ),
        pytest.param(
            answer(503),
            "dead",
            "attempts_exhausted",
            [503, 503],
            SLOW_DOWN_S,
            False,
            id="503-slowed",
        ),
        pytest.param(
            answer(504),
            "dead",
            "attempts_exhausted",
            [504, 504],
            SLOW_DOWN_S,
            False,
            id="504-slowed",
        ),
        pytest.param(
            answer(-3),
            "dead",
            "attempts_exhausted",
            [None, None],
            SLOW_DOWN_S,
            False,
            id="timeout-slowed",
        ),
    ],
)
def test_status_code_matrix(
    notifier: Notifier,
    receiver: WebhookReceiver,
    behaviour: dict[str, Any],
    state: str,
    reason: str | None,
    statuses: list[int | None],
    min_gap_s: float,
    disabled: bool,
) -> None:
    """Each answer leads to its outcome: done, retried (slower when asked), dead, or disabled."""
    receiver.respond = lambda request, n: behaviour["status"]
    receiver.respond_headers = lambda request, n: behaviour["headers"]
    actor = new_actor()
    sub = notifier.subscribe(receiver.url, actors_all=[actor])
    notifier.raise_alert(make_alert(f"al_{actor}", actors=(actor, "RUS")))
    [delivery] = settled(notifier, sub["subscription_id"])
    assert (delivery["state"], delivery["dead_reason"]) == (state, reason)
    assert [a["status"] for a in delivery["attempts"]] == statuses
    assert [a.webhook_id for a in receiver.arrivals] == [f"msg_al_{actor}_1"] * len(statuses)
    times = [a.at for a in receiver.arrivals]
    assert all(b - a >= min_gap_s * 0.95 for a, b in itertools.pairwise(times))
    assert (notifier.subscription(sub["subscription_id"])["disabled_at"] is not None) is disabled


def test_connection_refused_is_retried_then_dead(notifier: Notifier) -> None:
    """An endpoint nobody listens on fails both attempts with a connection error."""
    actor = new_actor()
    sub = notifier.subscribe(f"http://127.0.0.1:{free_port()}/hook", actors_all=[actor])
    notifier.raise_alert(make_alert(f"al_{actor}", actors=(actor, "RUS")))
    [delivery] = settled(notifier, sub["subscription_id"])
    assert [(a["failure"], a["verdict"]) for a in delivery["attempts"]] == [
        ("connection", "retry")
    ] * 2
    assert delivery["dead_reason"] == "attempts_exhausted"


def test_every_delivery_verifies_with_the_standardwebhooks_library(
    notifier: Notifier, receiver: WebhookReceiver
) -> None:
    """Several alerts arrive once each, signed, with the Standard Webhooks body and a fresh timestamp."""
    actor = new_actor()
    sub = notifier.subscribe(receiver.url, actors_all=[actor])
    receiver.secret = sub["secret"]
    alerts = [make_alert(f"al_{actor}_{i}", actors=(actor, "RUS")) for i in range(3)]
    for alert in alerts:
        notifier.raise_alert(alert)
    settled(notifier, sub["subscription_id"], n=3)
    assert sorted(r.webhook_id for r in receiver.received) == sorted(a.message_id for a in alerts)
    assert all(r.verified for r in receiver.received)
    for r in receiver.received:
        assert sorted(r.payload) == ["data", "timestamp", "type"]
        assert abs(int(r.timestamp) - r.at) < 60
        at = datetime.fromtimestamp(int(r.timestamp), UTC)
        assert Webhook(sub["secret"]).sign(r.webhook_id, at, r.body) == r.signature


def test_rotation_signs_with_both_secrets_during_the_grace(
    notifier: Notifier, receiver: WebhookReceiver
) -> None:
    """After a rotation the header carries two signatures: the new secret's and the old one's."""
    actor = new_actor()
    sub = notifier.subscribe(receiver.url, actors_all=[actor])
    path = f"/subscriptions/{sub['subscription_id']}/rotate-secret"
    rotated = notifier.api("POST", path, params={"grace_hours": 1}).json()
    notifier.raise_alert(make_alert(f"al_{actor}", actors=(actor, "RUS")))
    settled(notifier, sub["subscription_id"])
    [r] = receiver.received
    assert len(r.signature.split(" ")) == 2
    headers = {
        "webhook-id": r.webhook_id,
        "webhook-timestamp": r.timestamp,
        "webhook-signature": r.signature,
    }
    for secret in (sub["secret"], rotated["secret"]):
        assert Webhook(secret).verify(r.body, headers) == r.payload


def test_secrets_and_the_api_key_never_reach_the_log(
    notifier: Notifier, receiver: WebhookReceiver
) -> None:
    """Creating, rotating and delivering leave no signing secret or API key in the notifier's log."""
    actor = new_actor()
    sub = notifier.subscribe(receiver.url, actors_all=[actor])
    rotated = notifier.api("POST", f"/subscriptions/{sub['subscription_id']}/rotate-secret").json()
    notifier.raise_alert(make_alert(f"al_{actor}", actors=(actor, "RUS")))
    settled(notifier, sub["subscription_id"])
    text = notifier.stack.services["notifier"].log_path.read_text()
    assert "delivery_attempted" in text
    for secret in (sub["secret"], rotated["secret"], notifier.stack.api_key):
        assert secret.removeprefix("whsec_") not in text
