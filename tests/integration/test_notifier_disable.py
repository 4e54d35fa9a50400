"""Disabling in the real notifier process: an endpoint failing for the whole window is disabled (and
says so), any success resets the window, and re-enabling plus replay brings the alerts back."""

from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from services.notifier.commands import app as cli
from services.receiver import WebhookReceiver
from tests.integration.test_notifier_api import Notifier, new_actor, running_notifier, wait_for
from tests.unit.notifier.factories import make_alert

pytestmark = pytest.mark.integration
WINDOW_S = 1.0


@pytest.fixture(scope="module")
def notifier(redis_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Notifier]:
    """A one-second failure window; attempts 0.6 s apart, so the window closes on the third."""
    with running_notifier(
        redis_url,
        tmp_path_factory.mktemp("logs"),
        RELWATCH_DISABLE_AFTER_S=str(WINDOW_S),
        RELWATCH_RETRY_SCHEDULE_S="[0, 0.6, 0.6, 0.6, 0.6]",
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


def test_failing_for_the_window_disables_then_enable_and_replay(
    notifier: Notifier, receiver: WebhookReceiver
) -> None:
    """Disabled with its reason in the subscription and the log; re-enabled, the replay arrives."""
    healthy = False
    receiver.respond = lambda request, n: 200 if healthy else 500
    actor = new_actor()
    sub = notifier.subscribe(receiver.url, actors_all=[actor])
    sub_id = sub["subscription_id"]
    notifier.raise_alert(make_alert(f"al_{actor}_1", actors=(actor, "RUS")))
    wait_for(lambda: notifier.subscription(sub_id)["disabled_at"] is not None)
    shown = notifier.subscription(sub_id)
    assert "every attempt failed since" in shown["disabled_reason"]
    assert shown["failing_since"] is not None
    [line] = [
        e
        for e in notifier.log()
        if e["event"] == "endpoint_disabled" and e["subscription_id"] == sub_id
    ]
    assert line["level"] == "warning"
    wait_for(lambda: notifier.deliveries(sub_id)[0]["state"] == "dead")
    assert notifier.deliveries(sub_id)[0]["dead_reason"] == "endpoint_disabled"
    attempts_while_enabled = receiver.requests
    assert 3 <= attempts_while_enabled <= 4

    notifier.raise_alert(
        make_alert(f"al_{actor}_2", actors=(actor, "RUS"))
    )  # not for a disabled endpoint
    healthy = True
    env = {"RELWATCH_API_URL": notifier.url, "RELWATCH_API_KEY": notifier.stack.api_key}
    assert CliRunner().invoke(cli, ["enable", sub_id], env=env).exit_code == 0
    shown = notifier.subscription(sub_id)
    assert (shown["disabled_at"], shown["failing_since"]) == (None, None)
    replayed = CliRunner().invoke(cli, ["deliveries", "replay", "--subscription", sub_id], env=env)
    assert "1 dead deliveries replayed" in replayed.output
    wait_for(lambda: [d["state"] for d in notifier.deliveries(sub_id)] == ["delivered"])
    assert [r.webhook_id for r in receiver.received] == [f"msg_al_{actor}_1_1"]


def test_any_success_resets_the_window(notifier: Notifier, receiver: WebhookReceiver) -> None:
    """Failures broken by a success never add up to the window: the endpoint stays enabled."""
    receiver.respond = lambda request, n: 200 if n % 2 == 0 else 500
    actor = new_actor()
    sub = notifier.subscribe(receiver.url, actors_all=[actor])
    for i in range(4):
        notifier.raise_alert(make_alert(f"al_{actor}_{i}", actors=(actor, "RUS")))
        wait_for(lambda i=i: len(receiver.received) == i + 1)
        assert notifier.subscription(sub["subscription_id"])["failing_since"] is None
    shown = notifier.subscription(sub["subscription_id"])
    assert (shown["disabled_at"], receiver.requests) == (None, 8)
