"""What operators ask of a running relwatch: stream and group status, dead letters and their replay."""

import json
from dataclasses import dataclass
from typing import Any

from schemas import DeadLetter, Streams
from services.common.streams import DATA_FIELD, decode

GROUP_OF = {"articles": "extractor", "events": "alerts", "alerts": "notifier"}
LAG_SCAN_CAP = 100_000


@dataclass(frozen=True)
class GroupStatus:
    stream: str
    length: int
    group: str | None
    consumers: int
    pending: int
    lag: int | None
    dead_letters: int


def _lag(client: Any, stream: str, group: dict[str, Any]) -> int | None:
    if group.get("lag") is not None:  # Redis >= 7
        return int(group["lag"])
    last = group["last-delivered-id"].decode()
    newer = client.xrange(stream, min=f"({last}", max="+", count=LAG_SCAN_CAP)
    return len(newer)


def stream_status(client: Any, streams: Streams) -> list[GroupStatus]:
    """One row per consumed stream and group: length, consumers, pending, lag, dead letters."""
    rows: list[GroupStatus] = []
    for name in GROUP_OF:
        stream = getattr(streams, name)
        dead = int(client.xlen(streams.dead_letter(stream)))
        if not client.exists(stream):
            rows.append(GroupStatus(stream, 0, None, 0, 0, None, dead))
            continue
        length = int(client.xlen(stream))
        groups = client.xinfo_groups(stream) or [None]
        for group in groups:
            if group is None:
                rows.append(GroupStatus(stream, length, None, 0, 0, None, dead))
                continue
            rows.append(
                GroupStatus(
                    stream,
                    length,
                    group["name"].decode(),
                    int(group["consumers"]),
                    int(group["pending"]),
                    _lag(client, stream, group),
                    dead,
                )
            )
    return rows


def disabled_endpoints(client: Any, streams: Streams) -> list[dict[str, Any]]:
    """Subscriptions whose endpoint was disabled, with when and why."""
    found = []
    for raw in client.hvals(streams.key("subscriptions")):
        sub = json.loads(raw).get("subscription", {})
        if sub.get("disabled_at"):
            found.append(sub)
    return found


def dead_letters(
    client: Any, streams: Streams, stream: str, count: int = 100
) -> list[tuple[str, DeadLetter]]:
    """The oldest `count` dead letters of `stream`, with their ids in the dead-letter stream."""
    entries = client.xrange(streams.dead_letter(stream), count=count)
    return [(entry_id.decode(), decode(fields, DeadLetter)) for entry_id, fields in entries]


def replay_dead_letters(
    client: Any, streams: Streams, stream: str, ids: list[str] | None = None
) -> int:
    """Put dead letters back on their stream (all, or those ids) and remove them; returns how many."""
    dlq = streams.dead_letter(stream)
    letters = dead_letters(client, streams, stream, count=LAG_SCAN_CAP)
    chosen = [(i, d) for i, d in letters if ids is None or i in ids]
    for entry_id, letter in chosen:
        with client.pipeline(transaction=True) as pipe:
            pipe.xadd(stream, {DATA_FIELD: letter.payload.encode()})
            pipe.xdel(dlq, entry_id)
            pipe.execute()
    return len(chosen)
