"""Alerts state in Redis, read under WATCH and written in the batch's transaction.

Keys under the prefix (all expire `state_ttl_s` after their last write, so state is bounded):
- `alerts:<type>|<parties>|<year>`: hash alert_id -> the alert as last emitted, per year;
- `alertidx:<type>|<parties>|<year>`: hash alert_id -> its match entry (date, place, value, first
  published): a batch reads the index of its groups and only the alerts its events match;
- `alerts:trade_target|<pair>` (and its `alertidx:`): a pair's trade-target alerts;
- `targets:<pair>`: hash slot (target year, or "any") -> the pair's current trade target;
- `sketches:<YYYY-MM>`: hash sketch value -> the first article of that month that had it.
"""

from collections.abc import Callable
from datetime import date
from typing import Any

from redis.asyncio.client import Pipeline

from schemas import EventsExtracted, Streams
from services.alerts.rules import candidate_groups
from services.alerts.state import AlertState, Match, State, TargetState, sketch_month


def _pair(actors: list[str]) -> str:
    return "-".join(actors)


def _previous_month(day: date) -> date:
    return date(day.year - (day.month == 1), (day.month - 2) % 12 + 1, 1)


def keys_for(messages: list[EventsExtracted]) -> tuple[list[str], list[str], list[str]]:
    """The alert groups, target pairs and sketch months a batch of messages may read."""
    groups: set[str] = set()
    pairs: set[str] = set()
    months: set[str] = set()
    for m in messages:
        published = m.article.published_at.date()
        months |= {sketch_month(published), sketch_month(_previous_month(published))}
        for e in m.events:
            if e.type == "trade_target" and e.value_usd is not None:
                pairs.add(_pair(e.actors))
                groups.add(f"trade_target|{_pair(e.actors)}")
                continue
            groups.update(candidate_groups(e, published))
            if e.type == "meeting_held":
                groups.update(candidate_groups(e, published, "meeting_announced"))
    return sorted(groups), sorted(pairs), sorted(months)


async def load(pipe: Pipeline, streams: Streams, messages: list[EventsExtracted]) -> State:
    """Watch the state a batch needs and read its index, targets and sketches (immediate reads on a
    watching pipeline); the alerts themselves are read by `load_alerts` once the index says which."""
    groups, pairs, months = keys_for(messages)
    group_keys = [streams.key("alerts", g) for g in groups]
    index_keys = [streams.key("alertidx", g) for g in groups]
    target_keys = [streams.key("targets", p) for p in pairs]
    sketch_keys = [streams.key("sketches", m) for m in months]
    await pipe.watch(*group_keys, *index_keys, *target_keys, *sketch_keys)
    state = State()
    for group, key in zip(groups, index_keys, strict=True):
        raw: Any = await pipe.hgetall(key)
        state.index[group] = {k.decode(): Match.loads(v) for k, v in raw.items()}
    for pair, key in zip(pairs, target_keys, strict=True):
        raw = await pipe.hgetall(key)
        state.targets[pair] = {
            k.decode(): TargetState.model_validate_json(v) for k, v in raw.items()
        }
    values = sorted({v for m in messages for v in m.fingerprint})
    if values:
        for key in reversed(sketch_keys):  # the older month's owner wins: it was first
            owners: Any = await pipe.hmget(key, [str(v) for v in values])
            state.sketches.update(
                {v: o.decode() for v, o in zip(values, owners, strict=True) if o is not None}
            )
    return state


async def load_alerts(
    pipe: Pipeline, streams: Streams, state: State, wanted: dict[str, set[str]]
) -> None:
    """Read the full alerts `wanted` (group -> alert ids) into the state, one HMGET per group."""
    for group, ids in sorted(wanted.items()):
        order = sorted(ids)
        raw: Any = await pipe.hmget(streams.key("alerts", group), order)
        state.groups[group] = {
            aid: AlertState.model_validate_json(v)
            for aid, v in zip(order, raw, strict=True)
            if v is not None
        }


def writes(streams: Streams, state: State, ttl_s: int) -> list[Callable[[Pipeline], Any]]:
    """The HSETs (and expiries) that save what the batch changed."""
    ops: list[Callable[[Pipeline], Any]] = []

    def save(key: str, mapping: dict[Any, Any]) -> None:
        ops.append(lambda pipe: pipe.hset(key, mapping=mapping))
        ops.append(lambda pipe: pipe.expire(key, ttl_s))

    for group, ids in sorted(state.dirty.items()):  # only the alerts the batch changed
        alerts = state.groups[group]
        save(
            streams.key("alerts", group),
            {aid: alerts[aid].model_dump_json(exclude_none=True) for aid in sorted(ids)},
        )
        save(
            streams.key("alertidx", group),
            {aid: state.index[group][aid].dumps() for aid in sorted(ids)},
        )
    for pair in sorted(state.dirty_targets):
        save(
            streams.key("targets", pair),
            {slot: t.model_dump_json() for slot, t in state.targets[pair].items()},
        )
    for month, owners in sorted(state.new_sketches.items()):
        if owners:
            save(streams.key("sketches", month), {str(v): a for v, a in owners.items()})
    return ops
