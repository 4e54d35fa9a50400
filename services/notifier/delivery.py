"""Pure delivery decisions: what an answer means, when to try again, when to give up or disable.

Nothing here does I/O or reads a clock: callers pass `now` (unix seconds) and a random source.
"""

import random
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Literal

from services.notifier.models import Failure, Verdict

SLOW_DOWN_STATUSES = frozenset({429, 502, 503, 504})


def verdict(status: int | None, failure: Failure | None = None) -> Verdict:
    """2xx delivered; 410 gone; 429/502/503/504 and timeouts slow down; anything else retried.

    3xx counts as a failure (redirects are never followed); so do connection errors and
    destinations the SSRF guard refused.
    """
    if status is None:
        return "slow_down" if failure == "timeout" else "retry"
    if 200 <= status < 300:
        return "delivered"
    if status == 410:
        return "gone"
    return "slow_down" if status in SLOW_DOWN_STATUSES else "retry"


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Seconds a Retry-After header asks for (delta-seconds or HTTP-date), or None if unusable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - now)


def clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def jittered(base: float, jitter: float, rng: random.Random) -> float:
    """`base` seconds moved by up to +-`jitter` of itself, so retries of many deliveries spread out."""
    return base * (1 + rng.uniform(-jitter, jitter))


def next_delay(
    schedule: list[float], attempts_made: int, jitter: float, rng: random.Random
) -> float | None:
    """Seconds until the next attempt after `attempts_made` attempts, or None when none is left."""
    if attempts_made >= len(schedule):
        return None
    return jittered(schedule[attempts_made], jitter, rng)


@dataclass(frozen=True)
class RetryPolicy:
    """The schedule and limits the notifier's settings give the pure decisions."""

    schedule_s: tuple[float, ...]
    jitter: float = 0.2
    slow_down_s: float = 30.0
    retry_after_min_s: float = 1.0
    retry_after_max_s: float = 3600.0
    disable_after_s: float = 5 * 86_400.0


@dataclass(frozen=True)
class Decision:
    """What to do with a delivery after an attempt, and with its endpoint."""

    action: Literal["done", "retry", "dead"]
    retry_at: float | None = None
    dead_reason: str | None = None
    endpoint_not_before: float | None = None
    disable_reason: str | None = None


def throttle_s(retry_after: str | None, now: float, policy: RetryPolicy) -> float:
    """How long an endpoint that asked us to slow down is left alone: Retry-After, clamped."""
    asked = parse_retry_after(retry_after, now)
    if asked is None:
        return policy.slow_down_s
    return clamp(asked, policy.retry_after_min_s, policy.retry_after_max_s)


def disable_reason(
    outcome: Verdict, failing_since: float | None, now: float, policy: RetryPolicy
) -> str | None:
    """Why the endpoint must be disabled now (410, or failing for the whole window), or None."""
    if outcome == "gone":
        return "the endpoint answered 410 Gone"
    if outcome == "delivered" or failing_since is None:
        return None
    if now - failing_since >= policy.disable_after_s:
        since = datetime.fromtimestamp(failing_since, UTC).isoformat(timespec="seconds")
        return f"every attempt failed since {since} ({(now - failing_since) / 3600:.1f} h)"
    return None


def decide(
    outcome: Verdict,
    attempts_in_round: int,
    retry_after: str | None,
    failing_since: float | None,
    now: float,
    policy: RetryPolicy,
    rng: random.Random,
) -> Decision:
    """The next step after an attempt with `outcome`, the `attempts_in_round`-th of its schedule."""
    if outcome == "delivered":
        return Decision("done")
    disable = disable_reason(outcome, failing_since, now, policy)
    if disable is not None:
        reason = "gone" if outcome == "gone" else "endpoint_disabled"
        return Decision("dead", dead_reason=reason, disable_reason=disable)
    delay = next_delay(list(policy.schedule_s), attempts_in_round, policy.jitter, rng)
    not_before = None
    if outcome == "slow_down":
        pause = throttle_s(retry_after, now, policy)
        not_before = now + pause
        delay = None if delay is None else max(delay, pause)
    if delay is None:
        return Decision("dead", dead_reason="attempts_exhausted", endpoint_not_before=not_before)
    return Decision("retry", retry_at=now + delay, endpoint_not_before=not_before)
