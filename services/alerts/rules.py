"""Alert rules (pure): an article's events and the remembered state in, the alerts to emit out."""

import hashlib
from datetime import date, datetime, timedelta

from schemas import AlertRaised, ArticleRef, Event, EventsExtracted, PreviousValue, Source
from schemas.alerts import AlertKind
from services.alerts.state import AlertState, State, TargetState

UNDATED_WINDOW = timedelta(days=30)
SAME_MONEY = 0.02


def alert_id(*parts: object) -> str:
    """A stable id from the identity of the real-world event or change."""
    return "alr_" + hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:20]


def source_of(article: ArticleRef) -> Source:
    return Source(
        article_id=article.article_id,
        title=article.title,
        published_at=article.published_at,
        url=article.url,
    )


def group_key(event: Event) -> str:
    """Events that may describe the same real-world event share a group: type and parties."""
    parties = "-".join(event.actors)
    by = getattr(event, "by", None)
    if by is not None:
        parties = f"{'-'.join(sorted(by))}>{'-'.join(sorted(event.target))}"  # type: ignore[union-attr]
    return f"{event.type}|{parties}"


def event_date(event: Event) -> str | None:
    return event.date or getattr(event, "period", None)


def is_background(event: Event, published: date, recency_days: int) -> bool:
    """True when the event's own date ends more than `recency_days` before publication."""
    when = event_date(event)
    return when is not None and _period_end(when) < published - timedelta(days=recency_days)


def _period_end(when: str) -> date:
    if "-Q" in when:
        year, quarter = when.split("-Q")
        return _period_end(f"{year}-{int(quarter) * 3:02d}")
    if "-H" in when:
        year, half = when.split("-H")
        return _period_end(f"{year}-{int(half) * 6:02d}")
    parts = [int(p) for p in when.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        nxt = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return nxt - timedelta(days=1)
    return date(parts[0], 12, 31)


def _same_money(a: float | None, b: float | None) -> bool:
    return a is None or b is None or abs(a - b) <= SAME_MONEY * max(a, b)


def _compatible(event: Event, published: datetime, known: AlertRaised) -> bool:
    """Could `event` (published then) and the known alert be the same real-world event?"""
    when, known_when = event_date(event), known.date
    if when and known_when:
        if not (when.startswith(known_when) or known_when.startswith(when)):
            return False
    elif abs(published - known.sources[0].published_at) > UNDATED_WINDOW:
        return False
    location = getattr(event, "location", None)
    if location and known.location and location.casefold() != known.location.casefold():
        return False
    return _same_money(getattr(event, "value_usd", None), known.value_usd)


def _money(value: float | None) -> str:
    if value is None:
        return "?"
    for scale, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if value >= scale:
            return f"${value / scale:g}{suffix}"
    return f"${value:,.0f}"


def _summary(kind: AlertKind, event: Event, previous: float | None = None) -> str:
    parties = "-".join(event.actors)
    if kind in ("trade_target_set", "trade_target_changed"):
        year = getattr(event, "target_year", None)
        by = f" by {year}" if year else ""
        change = f"{_money(previous)} -> " if kind == "trade_target_changed" else ""
        return f"trade target {kind.rsplit('_', 1)[1]}: {parties} {change}{_money(event.value_usd)}{by}"  # type: ignore[union-attr]
    detail = [d for d in (getattr(event, "location", None), event_date(event)) if d]
    return f"{kind.replace('_', ' ')}: {parties}" + (f" ({', '.join(detail)})" if detail else "")


def _new_alert(
    kind: AlertKind,
    aid: str,
    event: Event,
    source: Source,
    now: datetime,
    previous: PreviousValue | None = None,
) -> AlertRaised:
    return AlertRaised(
        alert_id=aid,
        kind=kind,
        summary=_summary(kind, event, previous and previous.value_usd),
        actors=event.actors,
        date=event_date(event),
        date_precision=event.date_precision,
        location=getattr(event, "location", None),
        value_usd=getattr(event, "value_usd", None),
        target_year=getattr(event, "target_year", None),
        previous=previous,
        confidence=event.confidence,
        events=[event],
        sources=[source],
        source_count=1,
        raised_at=now,
    )


def _corroborate(
    known: AlertState, event: Event, source: Source, now: datetime
) -> AlertState | None:
    """The alert with one more source, or None when this article is already among its sources."""
    alert = known.alert
    if any(s.article_id == source.article_id for s in alert.sources):
        return None
    updated = alert.model_copy(
        update={
            "action": "corroborated",
            "revision": alert.revision + 1,
            "raised_at": now,
            "events": [*alert.events, event],
            "sources": [*alert.sources, source],
            "source_count": alert.source_count + 1,
            "confidence": max(alert.confidence, event.confidence),
        }
    )
    return AlertState(alert=updated, emitted=known.emitted)


def decide(
    msg: EventsExtracted, state: State, now: datetime, recency_days: int
) -> list[AlertRaised]:
    """The alerts an article's events raise or corroborate; `state` is updated in place."""
    source = source_of(msg.article)
    alerts: list[AlertRaised] = []
    for event in msg.events:
        background = is_background(event, msg.article.published_at.date(), recency_days)
        if event.type == "trade_target" and event.value_usd is not None:
            emitted = _decide_target(event, source, state, now, background)
        else:
            emitted = _decide_event(event, source, state, now, background)
        alerts += emitted
    return alerts


def _record(state: State, key: str, alert: AlertRaised, background: bool) -> list[AlertRaised]:
    state.put(key, AlertState(alert=alert, emitted=not background))
    return [] if background else [alert]


def _decide_event(
    event: Event, source: Source, state: State, now: datetime, background: bool
) -> list[AlertRaised]:
    key = group_key(event)
    for known in state.group(key).values():
        if _compatible(event, source.published_at, known.alert):
            updated = _corroborate(known, event, source, now)
            if updated is None:
                return []
            state.put(key, updated)
            return [updated.alert] if updated.emitted else []
    kind: AlertKind = "trade_volume_reported" if event.type == "trade_volume" else event.type  # type: ignore[assignment]
    anchor = event_date(event) or source.published_at.date().isoformat()
    aid = alert_id(key, anchor, getattr(event, "location", None), getattr(event, "value_usd", None))
    return _record(state, key, _new_alert(kind, aid, event, source, now), background)


def _decide_target(
    event: Event, source: Source, state: State, now: datetime, background: bool
) -> list[AlertRaised]:
    pair = "-".join(event.actors)
    slots = state.targets.get(pair, {})
    year: int | None = event.target_year  # type: ignore[union-attr]
    slot = str(year) if year is not None and (str(year) in slots or "any" not in slots) else "any"
    if year is None and slots:
        slot = max(slots, key=lambda s: slots[s].version)
    current = slots.get(slot)
    key = f"trade_target|{pair}"
    value: float = event.value_usd  # type: ignore[union-attr,assignment]
    if current is not None and _same_money(value, current.value_usd):
        known = state.group(key).get(current.alert_id)
        updated = known and _corroborate(known, event, source, now)
        if not updated:
            return []
        state.put(key, updated)
        return [updated.alert] if updated.emitted else []
    version = current.version + 1 if current else 1
    aid = alert_id(key, slot, version)
    previous = current and PreviousValue(
        value_usd=current.value_usd, target_year=current.target_year, source=current.source
    )
    kind: AlertKind = "trade_target_changed" if current else "trade_target_set"
    alert = _new_alert(kind, aid, event, source, now, previous or None)
    state.set_target(
        pair,
        slot,
        TargetState(
            value_usd=value,
            target_year=year or (current and current.target_year),
            alert_id=aid,
            version=version,
            source=source,
        ),
    )
    return _record(state, key, alert, background)
