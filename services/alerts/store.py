"""Alerts state in Redis: one hash per event group, one per pair's trade targets; read under WATCH."""

from collections.abc import Callable
from typing import Any

from redis.asyncio.client import Pipeline

from schemas import EventsExtracted, Streams
from services.alerts.rules import group_key
from services.alerts.state import AlertState, State, TargetState


def _pair(actors: list[str]) -> str:
    return "-".join(actors)


def keys_for(streams: Streams, messages: list[EventsExtracted]) -> tuple[list[str], list[str]]:
    """The group keys and target pairs a batch of messages may read."""
    groups = sorted({group_key(e) for m in messages for e in m.events})
    pairs = sorted(
        {_pair(e.actors) for m in messages for e in m.events if e.type == "trade_target"}
    )
    return groups, pairs


async def load(pipe: Pipeline, streams: Streams, groups: list[str], pairs: list[str]) -> State:
    """Watch and read the state a batch needs (immediate reads on a watching pipeline)."""
    group_keys = [streams.key("alerts", g) for g in groups]
    target_keys = [streams.key("targets", p) for p in pairs]
    if group_keys or target_keys:
        await pipe.watch(*group_keys, *target_keys)
    state = State()
    for group, key in zip(groups, group_keys, strict=True):
        raw: dict[bytes, bytes] = await pipe.hgetall(key)  # type: ignore[misc]
        state.groups[group] = {
            k.decode(): AlertState.model_validate_json(v) for k, v in raw.items()
        }
    for pair, key in zip(pairs, target_keys, strict=True):
        raw = await pipe.hgetall(key)  # type: ignore[misc]
        state.targets[pair] = {
            k.decode(): TargetState.model_validate_json(v) for k, v in raw.items()
        }
    return state


def writes(streams: Streams, state: State) -> list[Callable[[Pipeline], Any]]:
    """The HSETs that save what the batch changed."""
    ops: list[Callable[[Pipeline], Any]] = []
    for group in sorted(state.dirty_groups):
        mapping = {
            aid: s.model_dump_json(exclude_none=True) for aid, s in state.groups[group].items()
        }
        key = streams.key("alerts", group)
        ops.append(lambda pipe, key=key, mapping=mapping: pipe.hset(key, mapping=mapping))
    for pair in sorted(state.dirty_targets):
        mapping = {slot: t.model_dump_json() for slot, t in state.targets[pair].items()}
        key = streams.key("targets", pair)
        ops.append(lambda pipe, key=key, mapping=mapping: pipe.hset(key, mapping=mapping))
    return ops
