"""The webhook body, the rule that fits it under the size cap, and the deliveries of an alert.

Rule: a body over the cap keeps the alert's first sources (then, if still over, its first
events) and leaves out the rest; `data.truncated` says how many of each were left out, and
`data.source_count` still counts every source. If even the bare alert is over, the body
carries the alert's identity and summary only, with `data.truncated.fields = true`.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from schemas import AlertRaised, Subscription
from services.notifier.models import Delivery

IDENTITY = ("alert_id", "kind", "action", "revision", "summary", "actors", "source_count")
SUMMARY_CHARS = 500


@dataclass(frozen=True)
class Payload:
    body: str
    truncated: bool


def _render(alert: AlertRaised, data: dict[str, Any]) -> str:
    return json.dumps(
        {
            "type": f"alert.{alert.action}",
            "timestamp": alert.raised_at.astimezone(UTC).isoformat().replace("+00:00", "Z"),
            "data": data,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def _size(text: str) -> int:
    return len(text.encode())


def _largest_prefix(n: int, fits: Callable[[int], bool]) -> int:
    """The largest k in 0..n with fits(k), given fits is true for small k and false beyond."""
    lo, hi = 0, n
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fits(mid):
            lo = mid
        else:
            hi = mid - 1
    return lo


def build_payload(alert: AlertRaised, max_bytes: int) -> Payload:
    """The body {"type", "timestamp", "data"}, truncated by the module's rule to fit `max_bytes`."""
    full = alert.model_dump(mode="json", exclude_none=True)
    body = _render(alert, full)
    if _size(body) <= max_bytes:
        return Payload(body, truncated=False)
    sources, events = full.get("sources", []), full.get("events", [])

    def with_counts(n_sources: int, n_events: int) -> str:
        omitted = {"sources": len(sources) - n_sources, "events": len(events) - n_events}
        data = {**full, "sources": sources[:n_sources], "events": events[:n_events]}
        return _render(alert, {**data, "truncated": omitted})

    keep_sources = _largest_prefix(
        len(sources), lambda k: _size(with_counts(k, len(events))) <= max_bytes
    )
    if keep_sources or _size(with_counts(0, len(events))) <= max_bytes:
        return Payload(with_counts(keep_sources, len(events)), truncated=True)
    keep_events = _largest_prefix(len(events), lambda k: _size(with_counts(0, k)) <= max_bytes)
    body = with_counts(0, keep_events)
    if _size(body) <= max_bytes:
        return Payload(body, truncated=True)
    bare = {k: full[k] for k in IDENTITY if k in full}
    bare["summary"] = str(bare.get("summary", ""))[:SUMMARY_CHARS]
    omitted = {"sources": len(sources), "events": len(events), "fields": True}
    return Payload(_render(alert, {**bare, "truncated": omitted}), truncated=True)


def plan(
    alert: AlertRaised, subscriptions: list[Subscription], now: datetime, max_bytes: int
) -> list[Delivery]:
    """One delivery of `alert` per enabled subscription that wants it, all with the same body."""
    wanted = [s for s in subscriptions if s.disabled_at is None and s.matches(alert)]
    if not wanted:
        return []
    payload = build_payload(alert, max_bytes)
    return [
        Delivery(
            delivery_id=f"{s.subscription_id}:{alert.message_id}",
            subscription_id=s.subscription_id,
            message_id=alert.message_id,
            alert_id=alert.alert_id,
            kind=alert.kind,
            body=payload.body,
            truncated=payload.truncated,
            created_at=now,
        )
        for s in wanted
    ]
