"""Isolation in the real notifier process: a failing, a hanging or a throttling endpoint never
holds back a healthy one (assertions on order and counts, not on wall-clock budgets)."""

from collections.abc import Iterator

import pytest

from services.receiver import WebhookReceiver
from tests.integration.test_notifier_api import Notifier, new_actor, running_notifier, wait_for
from tests.unit.notifier.factories import make_alert

pytestmark = pytest.mark.integration
TIMEOUT_S = 3.0
PER_ENDPOINT = 2
N_ALERTS = 10


@pytest.fixture(scope="module")
def notifier(redis_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Notifier]:
    """Two requests per endpoint, four overall, three-second requests, three attempts."""
    with running_notifier(
        redis_url,
        tmp_path_factory.mktemp("logs"),
        RELWATCH_ENDPOINT_CONCURRENCY=str(PER_ENDPOINT),
        RELWATCH_WORKER_CONCURRENCY="4",
        RELWATCH_REQUEST_TIMEOUT_S=str(TIMEOUT_S),
        RELWATCH_LEASE_S="8",
    ) as n:
        yield n


@pytest.fixture(autouse=True)
def unsubscribe_after(notifier: Notifier) -> Iterator[None]:
    """Each test's subscriptions (and their pending retries) go when it ends."""
    yield
    notifier.cleanup()


@pytest.fixture
def healthy() -> Iterator[WebhookReceiver]:
    with WebhookReceiver() as r:
        yield r


@pytest.fixture
def broken() -> Iterator[WebhookReceiver]:
    with WebhookReceiver() as r:
        yield r


def fan_out(notifier: Notifier, *receivers: WebhookReceiver) -> list[str]:
    """Subscribe each receiver to a fresh actor, raise N_ALERTS about it; their webhook-ids."""
    actor = new_actor()
    for r in receivers:
        r.secret = notifier.subscribe(r.url, actors_all=[actor])["secret"]
    alerts = [make_alert(f"al_{actor}_{i}", actors=(actor, "RUS")) for i in range(N_ALERTS)]
    for alert in alerts:
        notifier.raise_alert(alert)
    return [a.message_id for a in alerts]


def test_failing_endpoint_does_not_delay_a_healthy_one(
    notifier: Notifier, healthy: WebhookReceiver, broken: WebhookReceiver
) -> None:
    """The healthy endpoint gets exactly one copy of each alert before the failing one gives up."""
    broken.respond = lambda request, n: 500
    ids = fan_out(notifier, healthy, broken)
    wait_for(lambda: broken.requests == 3 * N_ALERTS)
    assert sorted(r.webhook_id for r in healthy.received) == sorted(ids)
    assert all(r.verified for r in healthy.received)
    assert max(r.at for r in healthy.received) < max(a.at for a in broken.arrivals)


def test_hanging_endpoint_holds_only_its_own_slots(
    notifier: Notifier, healthy: WebhookReceiver, broken: WebhookReceiver
) -> None:
    """While a hanging endpoint's first requests are still waiting for their timeout, the healthy
    endpoint has received every alert; the hanging one never had more than its own slots."""
    broken.respond = lambda request, n: -30
    ids = fan_out(notifier, healthy, broken)
    wait_for(lambda: len(healthy.received) == N_ALERTS)
    first_hang = min(a.at for a in broken.arrivals)
    assert sorted(r.webhook_id for r in healthy.received) == sorted(ids)
    assert max(r.at for r in healthy.received) < first_hang + TIMEOUT_S
    assert sum(a.at < first_hang + TIMEOUT_S * 0.9 for a in broken.arrivals) <= PER_ENDPOINT


def test_429_throttles_only_its_own_endpoint(
    notifier: Notifier, healthy: WebhookReceiver, broken: WebhookReceiver
) -> None:
    """After a 429 with Retry-After the endpoint is left alone; the other endpoint carries on."""
    broken.respond = lambda request, n: 429
    broken.respond_headers = lambda request, n: {"retry-after": "60"}
    ids = fan_out(notifier, healthy, broken)
    wait_for(lambda: len(healthy.received) == N_ALERTS)
    wait_for(lambda: broken.requests >= 1)
    throttled = broken.requests
    wait_for(lambda: len(notifier.deliveries(sub_of(notifier, healthy))) == N_ALERTS)
    assert sorted(r.webhook_id for r in healthy.received) == sorted(ids)
    assert throttled <= PER_ENDPOINT
    assert broken.requests == throttled
    pending = notifier.deliveries(sub_of(notifier, broken))
    assert sum(d["state"] == "pending" for d in pending) == N_ALERTS


def sub_of(notifier: Notifier, receiver: WebhookReceiver) -> str:
    [sub] = [s for s in notifier.api("GET", "/subscriptions").json() if s["url"] == receiver.url]
    return str(sub["subscription_id"])
