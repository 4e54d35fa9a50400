"""The webhook body: its Standard Webhooks shape, the size cap's truncation rule, and planning."""

import json
from datetime import UTC, datetime

import pytest

from schemas import Subscription
from services.notifier.payload import build_payload, plan
from tests.unit.notifier.factories import make_alert

NOW = datetime(2024, 5, 16, 10, 0, tzinfo=UTC)


def test_body_has_type_timestamp_and_data() -> None:
    """The body is {"type", "timestamp", "data"}: alert.<action>, the raise time in UTC, the alert."""
    alert = make_alert(n_sources=2)
    payload = build_payload(alert, 65_536)
    body = json.loads(payload.body)
    assert (payload.truncated, sorted(body)) == (False, ["data", "timestamp", "type"])
    assert (body["type"], body["timestamp"]) == ("alert.raised", "2024-05-16T09:30:00Z")
    assert body["data"] == alert.model_dump(mode="json", exclude_none=True)


@pytest.mark.parametrize(
    ("n_sources", "n_events", "cap", "kept_sources", "kept_events"),
    [
        pytest.param(3, 1, 65_536, 3, 1, id="under-the-cap-untouched"),
        pytest.param(500, 1, 16_384, 113, 1, id="many-sources-keep-the-first"),
        pytest.param(500, 1, 4_096, 25, 1, id="tighter-cap-fewer-sources"),
        pytest.param(1, 100, 8_192, 0, 27, id="many-events-then-events-cut"),
        pytest.param(40, 40, 4_096, 0, 13, id="sources-go-before-events"),
    ],
)
def test_truncation_keeps_the_first_sources_then_events(
    n_sources: int, n_events: int, cap: int, kept_sources: int, kept_events: int
) -> None:
    """Over the cap, the first sources (then events) that fit are kept; the rest are counted."""
    alert = make_alert(n_sources=n_sources, n_events=n_events)
    payload = build_payload(alert, cap)
    data = json.loads(payload.body)["data"]
    assert len(payload.body.encode()) <= cap
    assert (len(data["sources"]), len(data["events"])) == (kept_sources, kept_events)
    assert [s["article_id"] for s in data["sources"]] == [f"art_{i}" for i in range(kept_sources)]
    assert data["source_count"] == max(1, n_sources)
    if payload.truncated:  # as many as fit: one more would break the cap
        more = alert.sources[kept_sources] if kept_events == n_events else alert.events[kept_events]
        assert len(payload.body.encode()) + len(more.model_dump_json(exclude_none=True)) > cap
        assert data["truncated"] == {
            "sources": n_sources - kept_sources,
            "events": n_events - kept_events,
        }
    else:
        assert "truncated" not in data


def test_truncation_is_predictable() -> None:
    """The same alert and cap give byte-identical bodies, so every retry carries the same one."""
    alert = make_alert(n_sources=300)
    assert build_payload(alert, 10_000) == build_payload(alert, 10_000)


def test_a_cap_below_the_bare_alert_keeps_identity_and_summary() -> None:
    """If nothing can be left out to fit, the body says so and still names the alert."""
    alert = make_alert(
        n_sources=5, actors=tuple(f"A{chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(400))
    )
    payload = build_payload(alert, 1024)
    data = json.loads(payload.body)["data"]
    assert payload.truncated
    assert (data["alert_id"], data["kind"], data["truncated"]["fields"]) == (
        "al_1",
        "meeting_held",
        True,
    )


def subscription(sub_id: str, **fields: object) -> Subscription:
    return Subscription(
        url="https://hooks.example/x", subscription_id=sub_id, created_at=NOW, **fields
    )


def test_plan_one_delivery_per_enabled_matching_subscription() -> None:
    """Disabled and non-matching subscriptions get nothing; the others share the same body and id."""
    subs = [
        subscription("sub_a"),
        subscription("sub_b", actors_any=["USA"]),
        subscription("sub_c", disabled_at=NOW),
        subscription("sub_d", kinds=["meeting_held"], min_confidence=0.5),
    ]
    deliveries = plan(make_alert(), subs, NOW, 65_536)
    assert [d.delivery_id for d in deliveries] == ["sub_a:msg_al_1_1", "sub_d:msg_al_1_1"]
    assert {d.message_id for d in deliveries} == {"msg_al_1_1"}
    assert len({d.body for d in deliveries}) == 1
