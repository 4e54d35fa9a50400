"""One webhook attempt: sign with a fresh timestamp, POST once, read at most a capped answer."""

import asyncio
import time
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx

from services.notifier.delivery import verdict
from services.notifier.models import Attempt, Delivery, Failure
from services.notifier.signing import signature_header
from services.notifier.ssrf import DestinationRefused

USER_AGENT = "relwatch-webhooks/0.1"
MAX_ERROR_CHARS = 300


@dataclass(frozen=True)
class Sent:
    attempt: Attempt
    retry_after: str | None = None


def webhook_headers(delivery: Delivery, secrets: list[str], timestamp: int) -> dict[str, str]:
    """The Standard Webhooks headers of one attempt: stable id, this attempt's time, signatures."""
    return {
        "content-type": "application/json",
        "accept-encoding": "identity",  # the logged answer is raw bytes: no decompression bombs
        "user-agent": USER_AGENT,
        "webhook-id": delivery.message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature_header(
            secrets, delivery.message_id, timestamp, delivery.body
        ),
    }


async def _read_capped(response: httpx.Response, cap: int) -> str:
    """The start of the answer, at most `cap` raw bytes; the rest is never read."""
    if response.is_stream_consumed:  # an in-memory transport read it already
        return response.content[:cap].decode("utf-8", errors="replace")
    chunks: list[bytes] = []
    size = 0
    if cap > 0:
        async for chunk in response.aiter_raw():
            chunks.append(chunk)
            size += len(chunk)
            if size >= cap:
                break
    return b"".join(chunks)[:cap].decode("utf-8", errors="replace")


def _failed(at: datetime, started: float, failure: Failure, error: str) -> Sent:
    ms = (time.perf_counter() - started) * 1000
    return Sent(
        Attempt(
            at=at,
            failure=failure,
            error=error[:MAX_ERROR_CHARS],
            ms=ms,
            verdict=verdict(None, failure),
        )
    )


async def send(
    client: httpx.AsyncClient,
    url: str,
    delivery: Delivery,
    secrets: list[str],
    now: float,
    timeout_s: float,
    max_response_bytes: int,
) -> Sent:
    """POST the delivery once; `timeout_s` bounds the whole attempt, answer included."""
    at = datetime.fromtimestamp(now, UTC)
    headers = webhook_headers(delivery, secrets, int(now))
    started = time.perf_counter()
    try:
        async with asyncio.timeout(timeout_s):
            async with client.stream(
                "POST",
                url,
                content=delivery.body.encode(),
                headers=headers,
                timeout=timeout_s,
                follow_redirects=False,
            ) as response:
                text = await _read_capped(response, max_response_bytes)
    except (TimeoutError, httpx.TimeoutException):
        return _failed(at, started, "timeout", f"no answer within {timeout_s:g} s")
    except DestinationRefused as exc:
        return _failed(at, started, "refused", str(exc))
    except httpx.HTTPError as exc:
        return _failed(at, started, "connection", f"{type(exc).__name__}: {exc}")
    attempt = Attempt(
        at=at,
        status=response.status_code,
        response=text,
        ms=(time.perf_counter() - started) * 1000,
        verdict=verdict(response.status_code),
    )
    return Sent(attempt, response.headers.get("retry-after"))
