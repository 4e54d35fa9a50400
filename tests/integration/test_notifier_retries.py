"""Retries of the real notifier process: the schedule in seconds, dead letter and replay (exactly one
success), retries surviving a restart, and a crash between sending and settling (same webhook-id)."""

import itertools
import json
import time
from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from services.notifier.commands import app as cli
from services.receiver import WebhookReceiver
from tests.integration.test_notifier_api import Notifier, new_actor, running_notifier, wait_for
from tests.unit.notifier.factories import make_alert

pytestmark = pytest.mark.integration
SCHEDULE = [0, 0.4, 0.8, 1.2]
JITTER = 0.2


@pytest.fixture(scope="module")
def notifier(redis_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Notifier]:
    """Four attempts (0, 0.4, 0.8, 1.2 s +-20 %), a three-second lease, loopback allowed."""
    with running_notifier(
        redis_url,
        tmp_path_factory.mktemp("logs"),
        RELWATCH_RETRY_SCHEDULE_S=json.dumps(SCHEDULE),
        RELWATCH_RETRY_JITTER=str(JITTER),
        RELWATCH_LEASE_S="3",
        RELWATCH_REQUEST_TIMEOUT_S="1",
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


def one_delivery(notifier: Notifier, sub_id: str, state: str) -> dict[str, object]:
    found: list[dict[str, object]] = []

    def in_state() -> bool:
        nonlocal found
        found = notifier.deliveries(sub_id)
        return len(found) == 1 and found[0]["state"] == state

    wait_for(in_state, timeout=30)
    return found[0]


def test_schedule_is_followed_then_the_delivery_is_dead(
    notifier: Notifier, receiver: WebhookReceiver
) -> None:
    """An endpoint that always fails gets one attempt per step, each no earlier than its step allows."""
    receiver.respond = lambda request, n: 500
    actor = new_actor()
    sub = notifier.subscribe(receiver.url, actors_all=[actor])
    notifier.raise_alert(make_alert(f"al_{actor}", actors=(actor, "RUS")))
    one_delivery(notifier, sub["subscription_id"], "dead")
    times = [a.at for a in receiver.arrivals]
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert len(times) == len(SCHEDULE)
    assert all(
        gap >= step * (1 - JITTER) - 0.02 for gap, step in zip(gaps, SCHEDULE[1:], strict=True)
    )
    assert {a.webhook_id for a in receiver.arrivals} == {f"msg_al_{actor}_1"}
    [dead] = notifier.api(
        "GET", "/deliveries/dead", params={"subscription_id": sub["subscription_id"]}
    ).json()
    assert (dead["reason"], len(dead["delivery"]["attempts"])) == (
        "attempts_exhausted",
        len(SCHEDULE),
    )


def test_replay_of_a_dead_delivery_succeeds_exactly_once(
    notifier: Notifier, receiver: WebhookReceiver
) -> None:
    """Replayed with the CLI after its endpoint recovered, a dead delivery arrives once, same id."""
    recovered = False
    receiver.respond = lambda request, n: 200 if recovered else 500
    actor = new_actor()
    sub = notifier.subscribe(receiver.url, actors_all=[actor])
    receiver.secret = sub["secret"]
    notifier.raise_alert(make_alert(f"al_{actor}", actors=(actor, "RUS")))
    one_delivery(notifier, sub["subscription_id"], "dead")
    recovered = True
    env = {"RELWATCH_API_URL": notifier.url, "RELWATCH_API_KEY": notifier.stack.api_key}
    first = CliRunner().invoke(
        cli, ["deliveries", "replay", "--subscription", sub["subscription_id"]], env=env
    )
    assert "1 dead deliveries replayed" in first.output
    delivery = one_delivery(notifier, sub["subscription_id"], "delivered")
    second = CliRunner().invoke(
        cli, ["deliveries", "replay", "--subscription", sub["subscription_id"]], env=env
    )
    assert "0 dead deliveries replayed" in second.output
    time.sleep(1.0)  # room for a wrong second delivery to show up
    assert [(r.webhook_id, r.verified) for r in receiver.received] == [(f"msg_al_{actor}_1", True)]
    assert (delivery["replays"], delivery["round_start"], len(delivery["attempts"])) == (1, 4, 5)


def test_a_pending_retry_survives_a_restart(notifier: Notifier, receiver: WebhookReceiver) -> None:
    """A retry scheduled before the notifier is killed is made by the restarted notifier."""
    receiver.respond = lambda request, n: 429 if n == 1 else 200
    receiver.respond_headers = lambda request, n: {"retry-after": "3"} if n == 1 else {}
    actor = new_actor()
    sub = notifier.subscribe(receiver.url, actors_all=[actor])
    notifier.raise_alert(make_alert(f"al_{actor}", actors=(actor, "RUS")))
    wait_for(lambda: len(notifier.deliveries(sub["subscription_id"])[0]["attempts"]) == 1)
    notifier.stack.stop(["notifier"], sig_kill=True)
    restarted_at = time.time()
    notifier.stack.start(["notifier"])
    delivery = one_delivery(notifier, sub["subscription_id"], "delivered")
    assert [a["status"] for a in delivery["attempts"]] == [429, 200]
    assert [a.at > restarted_at for a in receiver.arrivals] == [False, True]


def test_crash_between_send_and_settle_resends_with_the_same_id(
    notifier: Notifier, receiver: WebhookReceiver
) -> None:
    """Killed while a request is in flight, the notifier sends again once the lease runs out."""
    receiver.respond = lambda request, n: -2 if n == 1 else 200
    actor = new_actor()
    sub = notifier.subscribe(receiver.url, actors_all=[actor])
    receiver.secret = sub["secret"]
    notifier.raise_alert(make_alert(f"al_{actor}", actors=(actor, "RUS")))
    wait_for(lambda: receiver.requests == 1)
    notifier.stack.stop(["notifier"], sig_kill=True)
    notifier.stack.start(["notifier"])
    delivery = one_delivery(notifier, sub["subscription_id"], "delivered")
    assert [a.webhook_id for a in receiver.arrivals] == [f"msg_al_{actor}_1"] * 2
    assert [a["status"] for a in delivery["attempts"]] == [200]
    assert list(receiver.unique()) == [f"msg_al_{actor}_1"]
    assert all(r.verified for r in receiver.received)
