"""One attempt over an in-memory transport: headers, signature, verdict, capped answer, failures."""

import asyncio
from datetime import UTC, datetime

import httpx
import pytest
from standardwebhooks import Webhook

from services.notifier.attempt import send
from services.notifier.models import Delivery
from services.notifier.signing import new_secret
from services.notifier.ssrf import DestinationRefused

NOW = 1_716_000_000.0
SECRET = new_secret()
DELIVERY = Delivery(
    delivery_id="sub_1:msg_al_1_1",
    subscription_id="sub_1",
    message_id="msg_al_1_1",
    alert_id="al_1",
    kind="meeting_held",
    body='{"type":"alert.raised","timestamp":"2024-05-16T09:30:00Z","data":{"alert_id":"al_1"}}',
    created_at=datetime.fromtimestamp(NOW, UTC),
)


async def attempt(handler: httpx.MockTransport, cap: int = 1024, timeout: float = 5.0):  # type: ignore[no-untyped-def]
    async with httpx.AsyncClient(transport=handler) as client:
        return await send(client, "https://hooks.example/x", DELIVERY, [SECRET], NOW, timeout, cap)


async def test_headers_are_standard_webhooks_and_verify() -> None:
    """webhook-id is the delivery's, webhook-timestamp this attempt's, the signature verifies."""
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    sent = await attempt(httpx.MockTransport(answer))
    [request] = seen
    headers = dict(request.headers)
    assert (headers["webhook-id"], headers["webhook-timestamp"]) == ("msg_al_1_1", str(int(NOW)))
    assert headers["content-type"] == "application/json"
    at = datetime.fromtimestamp(NOW, UTC)
    assert Webhook(SECRET).sign("msg_al_1_1", at, DELIVERY.body) == headers["webhook-signature"]
    assert request.content.decode() == DELIVERY.body
    assert (sent.attempt.status, sent.attempt.verdict) == (204, "delivered")


@pytest.mark.parametrize(
    ("status", "headers", "verdict", "retry_after"),
    [
        pytest.param(200, {}, "delivered", None, id="200"),
        pytest.param(302, {"location": "http://10.0.0.1/"}, "retry", None, id="302-not-followed"),
        pytest.param(410, {}, "gone", None, id="410"),
        pytest.param(429, {"retry-after": "17"}, "slow_down", "17", id="429-with-retry-after"),
        pytest.param(503, {}, "slow_down", None, id="503"),
        pytest.param(500, {}, "retry", None, id="500"),
    ],
)
async def test_answer_gives_the_verdict_and_any_retry_after(
    status: int, headers: dict[str, str], verdict: str, retry_after: str | None
) -> None:
    """The status decides the verdict; Retry-After is passed on; redirects are never followed."""
    calls: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        return httpx.Response(status, headers=headers, text="ok")

    sent = await attempt(httpx.MockTransport(answer))
    assert (sent.attempt.status, sent.attempt.verdict, sent.retry_after) == (
        status,
        verdict,
        retry_after,
    )
    assert calls == ["https://hooks.example/x"]


@pytest.mark.parametrize(
    ("size", "cap", "kept"),
    [
        pytest.param(10, 1024, 10, id="short-answer-whole"),
        pytest.param(1_000_000, 1024, 1024, id="long-answer-capped"),
        pytest.param(1_000_000, 0, 0, id="cap-zero-reads-nothing"),
    ],
)
async def test_answer_is_read_up_to_the_cap(size: int, cap: int, kept: int) -> None:
    """Only the first `max_response_bytes` of an answer are read and kept in the attempt log."""
    sent = await attempt(
        httpx.MockTransport(lambda r: httpx.Response(200, content=b"x" * size)), cap
    )
    assert len(sent.attempt.response or "") == kept


def raising(exc: Exception) -> httpx.MockTransport:
    def answer(request: httpx.Request) -> httpx.Response:
        raise exc

    return httpx.MockTransport(answer)


async def _hang(request: httpx.Request) -> httpx.Response:
    await asyncio.sleep(10)
    return httpx.Response(200)


@pytest.mark.parametrize(
    ("transport", "failure", "verdict", "error"),
    [
        pytest.param(
            httpx.MockTransport(_hang), "timeout", "slow_down", "no answer within 0.05 s", id="hang"
        ),
        pytest.param(
            raising(httpx.ReadTimeout("slow")),
            "timeout",
            "slow_down",
            "no answer within 0.05 s",
            id="read-timeout",
        ),
        pytest.param(
            raising(httpx.ConnectError("refused")),
            "connection",
            "retry",
            "ConnectError: refused",
            id="connect-error",
        ),
        pytest.param(
            raising(DestinationRefused("refused 10.0.0.1: private")),
            "refused",
            "retry",
            "refused 10.0.0.1: private",
            id="ssrf",
        ),
    ],
)
async def test_failures_without_an_answer(
    transport: httpx.MockTransport, failure: str, verdict: str, error: str
) -> None:
    """No answer is a timeout (slow down), a connection error or an SSRF refusal (retry)."""
    sent = await attempt(transport, timeout=0.05)
    assert (sent.attempt.status, sent.attempt.failure) == (None, failure)
    assert (sent.attempt.verdict, sent.attempt.error) == (verdict, error)
