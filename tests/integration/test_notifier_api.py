"""The notifier as a real process: its harness (used by every test_notifier_* module), the API's
authentication, the SSRF refusals at subscription time and the command line."""

import json
import random
import secrets
import string
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import redis
from typer.testing import CliRunner

from schemas import AlertRaised, Streams
from services.common.redis_server import free_port
from services.common.streams import encode
from services.notifier.commands import app as cli
from services.stack import Stack

pytestmark = pytest.mark.integration
FAST = {
    "RELWATCH_RETRY_SCHEDULE_S": "[0, 0.3, 0.6]",
    "RELWATCH_RETRY_JITTER": "0",
    "RELWATCH_REQUEST_TIMEOUT_S": "1",
    "RELWATCH_LEASE_S": "3",
    "RELWATCH_SLOW_DOWN_S": "0.3",
    "RELWATCH_RETRY_AFTER_MIN_S": "0",
    "RELWATCH_POLL_S": "0.05",
    "RELWATCH_POLLING_MS": "100",
    "RELWATCH_CLAIM_IDLE_MS": "1000",
}


def new_actor() -> str:
    """An actor code of this test's own: its alerts reach only its subscriptions."""
    return "".join(random.choices(string.ascii_uppercase, k=5))


@dataclass
class Notifier:
    """One notifier process on the session Redis, its API, and helpers to drive it."""

    stack: Stack
    redis: "redis.Redis[bytes]"
    streams: Streams
    created: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return self.stack.services["notifier"].url

    def api(self, method: str, path: str, key: str | None = None, **kwargs: Any) -> httpx.Response:
        token = self.stack.api_key if key is None else key
        return httpx.request(
            method,
            f"{self.url}{path}",
            headers={"Authorization": f"Bearer {token}"},
            timeout=10,
            **kwargs,
        )

    def subscribe(self, url: str, **filters: Any) -> dict[str, Any]:
        response = self.api("POST", "/subscriptions", json={"url": url, **filters})
        assert response.status_code == 201, response.text
        created: dict[str, Any] = response.json()
        self.created.append(created["subscription_id"])
        return created

    def subscription(self, sub_id: str) -> dict[str, Any]:
        found: dict[str, Any] = self.api("GET", f"/subscriptions/{sub_id}").json()
        return found

    def deliveries(self, sub_id: str) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = self.api("GET", f"/subscriptions/{sub_id}/deliveries").json()
        return found

    def raise_alert(self, alert: AlertRaised) -> None:
        self.redis.xadd(self.streams.alerts, encode(alert))

    def log(self) -> list[dict[str, Any]]:
        text = self.stack.services["notifier"].log_path.read_text(errors="replace")
        return [json.loads(line) for line in text.splitlines() if line.startswith("{")]

    def cleanup(self) -> None:
        for sub_id in self.created:
            self.api("DELETE", f"/subscriptions/{sub_id}")
        self.created.clear()


def wait_for(check: Callable[[], bool], timeout: float = 30.0) -> None:
    """Poll until `check` holds; fail with the check's name after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {getattr(check, '__name__', 'a condition')}")
        time.sleep(0.05)


@contextmanager
def running_notifier(redis_url: str, log_dir: Path, **env: str) -> Iterator[Notifier]:
    """A notifier process with the fast test settings, overridden by `env`."""
    streams = Streams(prefix=f"nt{secrets.token_hex(4)}")
    stack = Stack(
        redis_url,
        log_dir,
        api_key=secrets.token_urlsafe(16),
        key_prefix=streams.prefix,
        extra_env={**FAST, **env},
    )
    client: redis.Redis[bytes] = redis.Redis.from_url(redis_url)
    stack.start(["notifier"])
    try:
        yield Notifier(stack, client, streams)
    finally:
        stack.stop()
        client.close()


@pytest.fixture(scope="module")
def no_allowlist(redis_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Notifier]:
    """A notifier that may reach public addresses only (as in production)."""
    with running_notifier(
        redis_url, tmp_path_factory.mktemp("logs"), RELWATCH_ALLOW_HOSTS="[]"
    ) as n:
        yield n


@pytest.mark.parametrize(
    ("method", "path"),
    [
        pytest.param("GET", "/subscriptions", id="list"),
        pytest.param("POST", "/subscriptions", id="create"),
        pytest.param("GET", "/subscriptions/sub_x", id="get"),
        pytest.param("DELETE", "/subscriptions/sub_x", id="delete"),
        pytest.param("POST", "/subscriptions/sub_x/rotate-secret", id="rotate"),
        pytest.param("POST", "/subscriptions/sub_x/enable", id="enable"),
        pytest.param("GET", "/subscriptions/sub_x/deliveries", id="deliveries"),
        pytest.param("GET", "/deliveries/dead", id="dead"),
        pytest.param("POST", "/deliveries/dead/replay", id="replay"),
    ],
)
@pytest.mark.parametrize(
    "key", [pytest.param(None, id="no-key"), pytest.param("wrong", id="wrong-key")]
)
def test_every_route_needs_the_api_key(
    no_allowlist: Notifier, method: str, path: str, key: str | None
) -> None:
    """Without the API key, or with a wrong one, every route answers 401 and asks for a bearer."""
    headers = {} if key is None else {"Authorization": f"Bearer {key}"}
    response = httpx.request(
        method, f"{no_allowlist.url}{path}", headers=headers, json={}, timeout=10
    )
    assert (response.status_code, response.headers.get("www-authenticate")) == (401, "Bearer")


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("http://127.0.0.1/hook", id="127.0.0.1"),
        pytest.param("http://[::1]/hook", id="[::1]"),
        pytest.param("http://[::ffff:127.0.0.1]/hook", id="::ffff:127.0.0.1"),
        pytest.param("http://2130706433/hook", id="2130706433"),
        pytest.param("http://0x7f000001/hook", id="0x7f000001"),
        pytest.param("http://10.0.0.1/hook", id="10.0.0.1"),
        pytest.param("http://100.64.0.1/hook", id="100.64.0.1"),
        pytest.param("http://169.254.169.254/latest/meta-data", id="169.254.169.254"),
        pytest.param("http://[fc00::1]/hook", id="fc00::1"),
        pytest.param("http://localhost:8080/hook", id="name-resolving-to-loopback"),
    ],
)
def test_subscribing_an_internal_address_is_refused(no_allowlist: Notifier, url: str) -> None:
    """The SSRF matrix at the door: 422 naming the field and the rule, and nothing is stored."""
    response = no_allowlist.api("POST", "/subscriptions", json={"url": url})
    [problem] = response.json()["detail"]
    assert (response.status_code, problem["loc"]) == (422, ["body", "url"])
    assert "refused" in problem["msg"]
    assert "public addresses" in problem["msg"]
    assert all(s["url"] != url for s in no_allowlist.api("GET", "/subscriptions").json())


def test_public_addresses_and_unresolvable_names_may_subscribe(no_allowlist: Notifier) -> None:
    """A public address is accepted, and so is a name DNS does not know yet (checked per attempt)."""
    for url in ("http://93.184.216.34/hook", "https://hooks.invalid/relwatch"):
        created = no_allowlist.subscribe(url)
        assert created["secret"].startswith("whsec_")
    no_allowlist.cleanup()


@pytest.fixture
def run_cli(no_allowlist: Notifier) -> Callable[..., Any]:
    def invoke(*args: str, key: str | None = None, url: str | None = None) -> Any:
        env = {
            "RELWATCH_API_URL": url or no_allowlist.url,
            "RELWATCH_API_KEY": no_allowlist.stack.api_key if key is None else key,
        }
        return CliRunner().invoke(cli, list(args), env=env)

    return invoke


def test_cli_subscribe_list_deliveries_unsubscribe(run_cli: Callable[..., Any]) -> None:
    """The CLI round trip: subscribe prints id and secret, lists show it, unsubscribe removes it."""
    made = run_cli(
        "subscribe",
        "http://93.184.216.34/hook",
        "--kind",
        "meeting_held",
        "--actor",
        "chn",
        "--json",
    )
    created = json.loads(made.output)
    sub_id = created["subscription_id"]
    assert (created["kinds"], created["actors_all"]) == (["meeting_held"], ["CHN"])
    listed = json.loads(run_cli("subscriptions", "--json").output)
    assert [s["subscription_id"] for s in listed] == [sub_id]
    assert sub_id in run_cli("subscriptions").output
    assert json.loads(run_cli("deliveries", sub_id, "--json").output) == []
    assert "Unsubscribed" in run_cli("unsubscribe", sub_id).output
    assert json.loads(run_cli("subscriptions", "--json").output) == []


@pytest.mark.parametrize(
    ("args", "key", "url", "code", "says"),
    [
        pytest.param(["subscriptions"], "wrong", None, 2, "refused the API key (401)", id="401"),
        pytest.param(
            ["subscriptions"],
            None,
            "http://127.0.0.1:{free}",
            2,
            "Cannot reach the notifier API",
            id="unreachable",
        ),
        pytest.param(["subscriptions"], "", None, 2, "RELWATCH_API_KEY is not set", id="no-key"),
        pytest.param(
            ["unsubscribe", "sub_nope"], None, None, 1, "no subscription sub_nope", id="404"
        ),
        pytest.param(
            ["subscribe", "http://10.0.0.1/x"],
            None,
            None,
            1,
            "refused 10.0.0.1: private",
            id="ssrf-422",
        ),
        pytest.param(
            ["subscribe", "http://93.184.216.34/x", "--kind", "tea_party"],
            None,
            None,
            2,
            "tea_party",
            id="bad-kind",
        ),
        pytest.param(["deliveries", "replay"], None, None, 1, "Give dead ids", id="replay-nothing"),
    ],
)
def test_cli_errors_say_what_to_do(
    run_cli: Callable[..., Any],
    args: list[str],
    key: str | None,
    url: str | None,
    code: int,
    says: str,
) -> None:
    """Each failure exits non-zero with a message naming the cause and the fix."""
    result = run_cli(*args, key=key, url=url and url.format(free=free_port()))
    assert result.exit_code == code
    assert says in " ".join(result.output.split())
