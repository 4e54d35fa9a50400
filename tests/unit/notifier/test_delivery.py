"""Pure delivery decisions: verdicts per answer, the schedule with jitter, Retry-After, giving up."""

import random
from datetime import UTC, datetime
from email.utils import format_datetime

import pytest

from services.notifier.delivery import (
    RetryPolicy,
    decide,
    next_delay,
    parse_retry_after,
    throttle_s,
    verdict,
)
from services.notifier.models import Failure, Verdict

NOW = 1_700_000_000.0
SVIX = (0, 5, 300, 1800, 7200, 18000, 36000, 36000)
POLICY = RetryPolicy(
    schedule_s=SVIX,
    jitter=0.0,
    slow_down_s=30,
    retry_after_min_s=1,
    retry_after_max_s=3600,
    disable_after_s=5 * 86400,
)


@pytest.mark.parametrize(
    ("status", "failure", "expected"),
    [
        pytest.param(200, None, "delivered", id="200"),
        pytest.param(204, None, "delivered", id="204"),
        pytest.param(299, None, "delivered", id="299"),
        pytest.param(301, None, "retry", id="301-never-followed"),
        pytest.param(302, None, "retry", id="302-never-followed"),
        pytest.param(307, None, "retry", id="307-never-followed"),
        pytest.param(400, None, "retry", id="400"),
        pytest.param(401, None, "retry", id="401"),
        pytest.param(404, None, "retry", id="404"),
        pytest.param(410, None, "gone", id="410-disables"),
        pytest.param(413, None, "retry", id="413"),
        pytest.param(429, None, "slow_down", id="429"),
        pytest.param(500, None, "retry", id="500"),
        pytest.param(501, None, "retry", id="501"),
        pytest.param(502, None, "slow_down", id="502"),
        pytest.param(503, None, "slow_down", id="503"),
        pytest.param(504, None, "slow_down", id="504"),
        pytest.param(None, "timeout", "slow_down", id="timeout"),
        pytest.param(None, "connection", "retry", id="connection-error"),
        pytest.param(None, "refused", "retry", id="ssrf-refused"),
    ],
)
def test_verdict_of_each_answer(
    status: int | None, failure: Failure | None, expected: Verdict
) -> None:
    """Each status (or failure without one) maps to the verdict the issue's table gives it."""
    assert verdict(status, failure) == expected


@pytest.mark.parametrize("attempts", range(len(SVIX)))
def test_jitter_keeps_each_delay_within_20_percent(attempts: int) -> None:
    """Over many draws every delay stays within +-20 % of the schedule's step, and spreads."""
    rng = random.Random(attempts)
    delays = [next_delay(list(SVIX), attempts, 0.2, rng) for _ in range(2000)]
    base = SVIX[attempts]
    assert all(d is not None and base * 0.8 <= d <= base * 1.2 for d in delays)
    if base:
        assert max(d for d in delays if d) - min(d for d in delays if d) > base * 0.3


def test_no_delay_once_the_schedule_is_used_up() -> None:
    """After as many attempts as the schedule has steps there is no next attempt."""
    assert next_delay(list(SVIX), len(SVIX), 0.2, random.Random(0)) is None


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        pytest.param("120", 120.0, id="delta-seconds"),
        pytest.param(" 7 ", 7.0, id="spaces"),
        pytest.param("0", 0.0, id="zero"),
        pytest.param(
            format_datetime(datetime.fromtimestamp(NOW + 90, UTC), usegmt=True),
            90.0,
            id="http-date",
        ),
        pytest.param(
            format_datetime(datetime.fromtimestamp(NOW - 90, UTC), usegmt=True),
            0.0,
            id="date-in-the-past",
        ),
        pytest.param("-5", None, id="negative"),
        pytest.param("soon", None, id="garbage"),
        pytest.param("", None, id="empty"),
        pytest.param(None, None, id="absent"),
    ],
)
def test_retry_after_parsing(header: str | None, expected: float | None) -> None:
    """Retry-After is read as delta-seconds or an HTTP-date; anything else is ignored."""
    assert parse_retry_after(header, NOW) == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        pytest.param("120", 120.0, id="inside-the-clamp"),
        pytest.param("0", 1.0, id="raised-to-the-minimum"),
        pytest.param("86400", 3600.0, id="cut-to-the-maximum"),
        pytest.param(None, 30.0, id="absent-slow-down-default"),
        pytest.param("soon", 30.0, id="unusable-slow-down-default"),
    ],
)
def test_throttle_honours_retry_after_within_the_clamp(header: str | None, expected: float) -> None:
    """An endpoint that asks for a pause gets it, clamped; without a usable header, slow_down_s."""
    assert throttle_s(header, NOW, POLICY) == expected


@pytest.mark.parametrize(
    ("outcome", "attempts", "retry_after", "failing_since", "expected"),
    [
        pytest.param("delivered", 1, None, None, ("done", None, None, None), id="delivered"),
        pytest.param(
            "retry", 1, None, NOW, ("retry", NOW + 5, None, None), id="500-first-retry-5s"
        ),
        pytest.param(
            "retry", 3, None, NOW, ("retry", NOW + 1800, None, None), id="third-failure-30min"
        ),
        pytest.param(
            "retry", 8, None, NOW, ("dead", None, None, "attempts_exhausted"), id="last-attempt"
        ),
        pytest.param(
            "slow_down",
            1,
            "120",
            NOW,
            ("retry", NOW + 120, NOW + 120, None),
            id="429-retry-after-longer-than-step",
        ),
        pytest.param(
            "slow_down",
            3,
            "120",
            NOW,
            ("retry", NOW + 1800, NOW + 120, None),
            id="429-step-longer-than-retry-after",
        ),
        pytest.param(
            "slow_down", 1, None, NOW, ("retry", NOW + 30, NOW + 30, None), id="503-without-header"
        ),
        pytest.param(
            "slow_down",
            1,
            "999999",
            NOW,
            ("retry", NOW + 3600, NOW + 3600, None),
            id="retry-after-clamped",
        ),
        pytest.param("gone", 1, None, NOW, ("dead", None, None, "gone"), id="410"),
        pytest.param(
            "retry",
            2,
            None,
            NOW - 5 * 86400,
            ("dead", None, None, "endpoint_disabled"),
            id="failing-for-the-window",
        ),
        pytest.param(
            "retry",
            2,
            None,
            NOW - 5 * 86400 + 1,
            ("retry", NOW + 300, None, None),
            id="failing-just-under-the-window",
        ),
    ],
)
def test_decision_after_an_attempt(
    outcome: Verdict,
    attempts: int,
    retry_after: str | None,
    failing_since: float | None,
    expected: tuple[str, float | None, float | None, str | None],
) -> None:
    """With the clock passed in, the next step is exactly the schedule's, slowed or given up."""
    d = decide(outcome, attempts, retry_after, failing_since, NOW, POLICY, random.Random(0))
    assert (d.action, d.retry_at, d.endpoint_not_before, d.dead_reason) == expected


@pytest.mark.parametrize(
    ("outcome", "failing_since", "disabled"),
    [
        pytest.param("gone", None, True, id="410-at-once"),
        pytest.param("retry", NOW - 5 * 86400, True, id="window-reached"),
        pytest.param("slow_down", NOW - 6 * 86400, True, id="window-passed-while-throttled"),
        pytest.param("retry", NOW - 3600, False, id="failing-an-hour"),
        pytest.param("delivered", NOW - 6 * 86400, False, id="success-never-disables"),
    ],
)
def test_endpoint_disabling(outcome: Verdict, failing_since: float | None, disabled: bool) -> None:
    """410 disables at once; otherwise only failing for the whole window does, and says since when."""
    d = decide(outcome, 1, None, failing_since, NOW, POLICY, random.Random(0))
    assert (d.disable_reason is not None) is disabled
    if disabled and outcome != "gone":
        assert "since 2023-11-" in (d.disable_reason or "")


def test_a_controllable_schedule_in_seconds() -> None:
    """A test schedule of fractions of a second is followed step by step, then given up."""
    policy = RetryPolicy(schedule_s=(0, 0.2, 0.4), jitter=0.0)
    steps = [decide("retry", n, None, NOW, NOW, policy, random.Random(0)) for n in (1, 2, 3)]
    assert [(s.action, s.retry_at) for s in steps] == [
        ("retry", NOW + 0.2),
        ("retry", NOW + 0.4),
        ("dead", None),
    ]
