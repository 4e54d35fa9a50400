"""Alert rules (pure): an article's events and the remembered state in, the alerts to emit out."""

import hashlib
from collections import Counter
from datetime import date, datetime, timedelta

from schemas import AlertRaised, ArticleRef, Event, EventsExtracted, PreviousValue, Source
from schemas.alerts import AlertKind
from services.alerts.state import AlertState, Match, State, TargetState

UNDATED_WINDOW = timedelta(days=30)
SAME_MONEY = 0.02
KEPT_EVENTS = 5  # an alert keeps its first few events as evidence...
KEPT_SOURCES = 50  # ...and its first sources; source_count keeps counting
NEAR_DUPLICATE = 0.8  # share of an article's text sketch another article must hold


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


def parties_of(event: Event) -> str:
    """The parties of an event: "CHN-RUS", or "EU-USA>CHN" for who sanctions whom."""
    by = getattr(event, "by", None)
    if by is not None:
        return f"{'-'.join(sorted(by))}>{'-'.join(sorted(event.target))}"  # type: ignore[union-attr]
    return "-".join(event.actors)


def anchor_year(event: Event, published: date) -> int:
    """The year an event belongs to: of its own date, else of its article's publication."""
    when = event_date(event)
    return int(when[:4]) if when else published.year


def group_key(event: Event, published: date, event_type: str | None = None) -> str:
    """Events that may describe the same real-world event share a group: type, parties, year.

    Bucketing by year bounds what a batch reads; `candidate_groups` also reads the year
    before, so that reports across New Year (an undated report in January) still meet.
    """
    return f"{event_type or event.type}|{parties_of(event)}|{anchor_year(event, published)}"


def candidate_groups(event: Event, published: date, event_type: str | None = None) -> list[str]:
    """The groups an event's earlier reports may be in: its year's and the year before's."""
    key = group_key(event, published, event_type)
    head, year = key.rsplit("|", 1)
    return [key, f"{head}|{int(year) - 1}"]


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


def _compatible(event: Event, published: datetime, known: Match) -> bool:
    """Could `event` (published then) and the known alert be the same real-world event?"""
    when, known_when = event_date(event), known.date
    if when and known_when:
        if not (when.startswith(known_when) or known_when.startswith(when)):
            return False
    elif abs(published - known.first_published) > UNDATED_WINDOW:
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
    by = getattr(event, "by", None)
    if by is not None:
        parties = f"{','.join(sorted(by))} -> {','.join(sorted(event.target))}"  # type: ignore[union-attr]
    if kind in ("trade_target_set", "trade_target_changed"):
        year = getattr(event, "target_year", None)
        by = f" by {year}" if year else ""
        change = f"{_money(previous)} -> " if kind == "trade_target_changed" else ""
        value = event.value_usd  # type: ignore[union-attr]
        figure = _money(value) if value is not None else "no figure stated"
        return f"trade target {kind.rsplit('_', 1)[1]}: {parties} {change}{figure}{by}"
    detail = [d for d in (getattr(event, "location", None), event_date(event)) if d]
    if kind == "trade_volume_reported":
        flow = getattr(event, "flow", "total")
        value = getattr(event, "value_usd", None)
        parties += f" {_money(value)}" if value is not None else ""
        detail += [flow] if flow != "total" else []
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
        summary=_summary(kind, event, previous.value_usd if previous else None),
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
            "events": [*alert.events, event][:KEPT_EVENTS],
            "sources": [*alert.sources, source][:KEPT_SOURCES],
            "source_count": alert.source_count + 1,
            "confidence": max(alert.confidence, event.confidence),
        }
    )
    return AlertState(alert=updated, emitted=known.emitted)


def near_duplicate_of(msg: EventsExtracted, state: State) -> str | None:
    """The earlier article this one (nearly) repeats, judged by their text sketches, if any.

    Each sketch value remembered maps to the article that had it; an article holding at least
    NEAR_DUPLICATE of its own sketch in one earlier article is a copy of it (syndication, an
    archive page repeating a story).
    """
    sketch = msg.fingerprint
    if not sketch:
        return None
    owners = Counter(
        owner
        for value in sketch
        if (owner := state.sketch_owner(value)) is not None and owner != msg.article.article_id
    )
    if not owners:
        return None
    original, shared = owners.most_common(1)[0]
    return original if shared >= NEAR_DUPLICATE * len(sketch) else None


def decide(
    msg: EventsExtracted, state: State, now: datetime, recency_days: int
) -> list[AlertRaised]:
    """The alerts an article's events raise or corroborate; `state` is updated in place.

    A near-duplicate of an article seen before (a syndicated copy, an archive repeating a
    story) emits nothing: it is only added, silently, to the sources of the alerts it repeats.
    """
    copy = near_duplicate_of(msg, state) is not None
    if not copy:
        state.remember_sketch(
            msg.article.published_at.date(), msg.fingerprint, msg.article.article_id
        )
    source = source_of(msg.article)
    published = msg.article.published_at.date()
    alerts: list[AlertRaised] = []
    for event in msg.events:
        background = is_background(event, published, recency_days)
        if event.type == "trade_target" and event.value_usd is not None:
            emitted = _decide_target(event, source, state, now, background, copy)
        else:
            emitted = _decide_event(event, source, state, now, background, copy)
        alerts += [] if copy else emitted
    return alerts


def _record(state: State, key: str, alert: AlertRaised, background: bool) -> list[AlertRaised]:
    state.put(key, AlertState(alert=alert, emitted=not background))
    return [] if background else [alert]


def _known(
    state: State, event: Event, published: datetime, event_type: str | None = None
) -> tuple[str, AlertState] | None:
    """The remembered alert `event` may be another report of, with its group."""
    for key in candidate_groups(event, published.date(), event_type):
        fits = _fits(state, key, event, published)
        if fits:
            aid = min(fits, key=lambda fit: _closeness(event, fit[0], fit[1]))[0]
            return key, state.alert(key, aid)
    return None


def _fits(state: State, key: str, event: Event, published: datetime) -> list[tuple[str, Match]]:
    """The indexed alerts of a group that `event` could be another report of."""
    return [(aid, m) for aid, m in state.matches(key).items() if _compatible(event, published, m)]


def _closeness(event: Event, aid: str, known: Match) -> tuple[int, int, datetime, str]:
    """Order among alerts an event fits: the same date, then the same place, then the earliest
    first report, then the id, so that the choice never depends on the order state was read in."""
    when = event_date(event)
    location = getattr(event, "location", None)
    same_place = bool(
        location and known.location and location.casefold() == known.location.casefold()
    )
    return (
        0 if when and when == known.date else 1,
        0 if same_place else 1,
        known.first_published,
        aid,
    )


def needed(messages: list[EventsExtracted], state: State) -> dict[str, set[str]]:
    """The remembered alerts a batch may update or link to, by group: every indexed alert that one
    of its events matches, and the current trade targets of its pairs (a superset of what
    `decide` reads, whatever the order of the batch)."""
    out: dict[str, set[str]] = {}
    for msg in messages:
        published = msg.article.published_at
        for event in msg.events:
            if event.type == "trade_target" and event.value_usd is not None:
                pair = "-".join(event.actors)
                for target in state.targets.get(pair, {}).values():
                    out.setdefault(f"trade_target|{pair}", set()).add(target.alert_id)
                continue
            types = [None, "meeting_announced"] if event.type == "meeting_held" else [None]
            for event_type in types:
                for key in candidate_groups(event, published.date(), event_type):
                    for aid, _ in _fits(state, key, event, published):
                        out.setdefault(key, set()).add(aid)
    return out


def _decide_event(
    event: Event,
    source: Source,
    state: State,
    now: datetime,
    background: bool,
    copy: bool = False,
) -> list[AlertRaised]:
    found = _known(state, event, source.published_at)
    if found is not None:
        key, known = found
        updated = _corroborate(known, event, source, now)
        if updated is None:
            return []
        state.put(key, updated)
        return [updated.alert] if updated.emitted else []
    if copy:  # a copy's event that matches nothing known is not news either
        return []
    key = group_key(event, source.published_at.date())
    kinds = {"trade_volume": "trade_volume_reported", "trade_target": "trade_target_set"}
    kind: AlertKind = kinds.get(event.type, event.type)  # type: ignore[assignment]
    anchor = event_date(event) or source.published_at.date().isoformat()
    identity = key.rsplit("|", 1)[0]  # type and parties; the year is in the anchor
    aid = alert_id(
        identity, anchor, getattr(event, "location", None), getattr(event, "value_usd", None)
    )
    alert = _new_alert(kind, aid, event, source, now)
    if event.type == "meeting_held":
        announced = _known(state, event, source.published_at, "meeting_announced")
        if announced is not None:
            alert = alert.model_copy(update={"linked_alert_id": announced[1].alert.alert_id})
    return _record(state, key, alert, background)


def _decide_target(
    event: Event,
    source: Source,
    state: State,
    now: datetime,
    background: bool,
    copy: bool = False,
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
        known = state.groups.get(key, {}).get(current.alert_id)
        updated = known and _corroborate(known, event, source, now)
        if not updated:
            return []
        state.put(key, updated)
        return [updated.alert] if updated.emitted else []
    if copy:  # a copy changes no target
        return []
    version = current.version + 1 if current else 1
    aid = alert_id(key, slot, version)
    previous = current and PreviousValue(
        value_usd=current.value_usd, target_year=current.target_year, source=current.source
    )
    kind: AlertKind = "trade_target_changed" if current else "trade_target_set"
    shown = event  # a new value without a year keeps the current target's year ("by 2024")
    if year is None and current is not None and current.target_year is not None:
        shown = event.model_copy(update={"target_year": current.target_year})
    alert = _new_alert(kind, aid, shown, source, now, previous or None)
    alert = alert.model_copy(update={"events": [event]})  # the event as extracted
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
