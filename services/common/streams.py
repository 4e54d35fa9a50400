"""Consumer-group plumbing: groups created at 0, the entry codec, and the one transaction per batch.

A batch is processed as read -> decide -> one MULTI/EXEC that publishes the results,
writes state, dead-letters bad entries and acknowledges the batch. A crash before EXEC
leaves the entries pending (a claimer re-delivers them); after EXEC nothing is repeated.
"""

import asyncio
import json
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

import structlog
from pydantic import BaseModel, ValidationError
from redis.asyncio.client import Pipeline
from redis.exceptions import BusyLoadingError, ResponseError, WatchError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from schemas.deadletters import DeadLetter, DeadReason
from services.common.metrics import BATCH_SECONDS, ENTRIES

M = TypeVar("M", bound=BaseModel)
DATA_FIELD = "__data__"  # FastStream reads a plain JSON value under this field as the body
MAX_TX_ATTEMPTS = 20
log = structlog.get_logger()


def encode(message: BaseModel) -> dict[str, bytes]:
    """The fields of a stream entry carrying `message` as JSON."""
    return {DATA_FIELD: message.model_dump_json(exclude_none=True).encode()}


def decode(fields: dict[bytes, bytes], model: type[M]) -> M:
    """The message of a stream entry read with redis-py (CLI, tests)."""
    return model.model_validate_json(fields[DATA_FIELD.encode()])


async def ensure_group(redis: Any, stream: str, group: str) -> None:
    """Create `group` at id 0 so it also sees entries added before any consumer ran."""
    try:
        await redis.xgroup_create(stream, group, id="0", mkstream=True)
    except ResponseError as exc:
        if "BUSYGROUP" not in str(exc):
            raise


@dataclass
class Outcome:
    """What a batch produced: messages to publish and state writes, all in one transaction."""

    publish: list[tuple[str, BaseModel]] = field(default_factory=list)
    writes: list[Callable[[Pipeline], Any]] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Entry(Generic[M]):
    entry_id: str
    message: M


Work = Callable[[Pipeline, list[Entry[M]]], Awaitable[Outcome]]


def decode_entries(
    model: type[M], body: Sequence[Any], ids: Sequence[str]
) -> tuple[list[Entry[M]], list[tuple[str, DeadReason, str, str]]]:
    """Validate each entry on its own: one bad entry never sinks its batch."""
    good: list[Entry[M]] = []
    bad: list[tuple[str, DeadReason, str, str]] = []
    for entry_id, item in zip(ids, body, strict=True):
        if not isinstance(item, dict):
            raw = item.decode(errors="replace") if isinstance(item, bytes) else str(item)
            bad.append((entry_id, "malformed", "entry is not a JSON object", raw))
            continue
        try:
            good.append(Entry(entry_id, model.model_validate(item)))
        except ValidationError as exc:
            bad.append(
                (
                    entry_id,
                    "invalid",
                    _explain(exc),
                    json.dumps(item, ensure_ascii=False, default=str),
                )
            )
    return good, bad


def _body(fields: dict[bytes, bytes]) -> Any:
    """An entry's body as FastStream's batch parser gives it: parsed JSON, else the raw bytes."""
    raw = fields.get(DATA_FIELD.encode(), b"")
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def _explain(exc: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in err['loc']) or '(root)'}: {err['msg']}" for err in exc.errors()
    )


TRANSIENT = (RedisConnectionError, RedisTimeoutError, BusyLoadingError)
MAX_BACKOFF_S = 2.0


@dataclass
class GroupConsumer:
    """One service's consumer group on one stream, and how it commits a batch.

    Order is kept where it can be: a transient Redis error is retried in place (the batch
    is not skipped for newer entries), and on start a consumer first finishes the entries
    its previous life left pending (same consumer name) before reading new ones.
    """

    redis: Any
    stream: str
    group: str
    consumer: str
    dead_letter_stream: str
    max_deliveries: int = 5
    maxlen: int = 1_000_000
    model: type[BaseModel] | None = None
    work: Work[Any] | None = None
    batch_size: int = 100

    async def start(self) -> None:
        """Create the group at 0, then redo what this consumer left pending before a crash."""
        await ensure_group(self.redis, self.stream, self.group)
        if self.model is None or self.work is None:
            return
        while True:
            reply = await self.redis.xreadgroup(
                self.group, self.consumer, {self.stream: "0"}, count=self.batch_size
            )
            entries = [(i, f) for _, batch in reply or [] for i, f in batch if f]
            if not entries:
                return
            body = [_body(fields) for _, fields in entries]
            log.info("own_pending_recovered", stream=self.stream, n=len(entries))
            await self.handle(self.model, body, [i for i, _ in entries], self.work, reclaimed=True)

    async def _pending_rows(self, ids: Sequence[str]) -> list[list[dict[str, Any]]]:
        async with self.redis.pipeline(transaction=False) as pipe:
            for entry_id in ids:
                pipe.xpending_range(self.stream, self.group, min=entry_id, max=entry_id, count=1)
            rows: list[list[dict[str, Any]]] = await pipe.execute()
        return rows

    async def delivery_counts(self, ids: Sequence[str]) -> dict[str, int]:
        rows = await self._pending_rows(ids)
        return {i: int(r[0]["times_delivered"]) if r else 1 for i, r in zip(ids, rows, strict=True)}

    async def still_pending(self, ids: Sequence[str]) -> bool:
        """False when none of `ids` is pending any more: their batch was committed."""
        return any(await self._pending_rows(ids))

    async def handle(
        self,
        model: type[M],
        body: Sequence[Any],
        raw_ids: Sequence[bytes | str],
        work: Work[M],
        *,
        reclaimed: bool = False,
    ) -> Outcome:
        """Decode, dead-letter what cannot be processed, run `work`, commit atomically.

        A transient Redis error (connection lost, timeout, loading) is retried here with
        backoff until Redis answers; if the lost reply was a committed EXEC (the entries are
        no longer pending), the batch is done and is not committed twice.
        """
        ids = [i.decode() if isinstance(i, bytes) else i for i in raw_ids]
        backoff = 0.05
        while True:
            try:
                return await self._handle(model, body, ids, work, reclaimed)
            except TRANSIENT as exc:
                log.warning(
                    "redis_unavailable_retrying",
                    stream=self.stream,
                    error=str(exc),
                    retry_in_s=backoff,
                )
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF_S)
                if not await self._pending_or_unknown(ids):
                    return Outcome(stats={"committed_before_disconnect": len(ids)})

    async def _pending_or_unknown(self, ids: list[str]) -> bool:
        try:
            return await self.still_pending(ids)
        except TRANSIENT:
            return True

    async def _handle(
        self, model: type[M], body: Sequence[Any], ids: list[str], work: Work[M], reclaimed: bool
    ) -> Outcome:
        good, bad = decode_entries(model, body, ids)
        dead = [self._dead(i, reason, err, raw, 1) for i, reason, err, raw in bad]
        if reclaimed and good:
            counts = await self.delivery_counts([e.entry_id for e in good])
            poison = [e for e in good if counts[e.entry_id] > self.max_deliveries]
            dead += [
                self._dead(
                    e.entry_id,
                    "too_many_deliveries",
                    f"failed {counts[e.entry_id] - 1} times",
                    e.message.model_dump_json(),
                    counts[e.entry_id],
                )
                for e in poison
            ]
            good = [e for e in good if counts[e.entry_id] <= self.max_deliveries]
        started = time.perf_counter()
        for _ in range(MAX_TX_ATTEMPTS):
            try:
                outcome = await self._commit(ids, good, dead, work)
            except WatchError:
                continue  # another replica changed the state this batch read: decide again
            BATCH_SECONDS.labels(self.stream, self.group).observe(time.perf_counter() - started)
            ENTRIES.labels(self.stream, self.group, "processed").inc(len(good))
            ENTRIES.labels(self.stream, self.group, "dead_lettered").inc(len(dead))
            return outcome
        raise RuntimeError(
            f"state of {self.stream} batch kept changing under {MAX_TX_ATTEMPTS} tries"
        )

    async def _commit(
        self, ids: list[str], good: list[Entry[M]], dead: list[DeadLetter], work: Work[M]
    ) -> Outcome:
        async with self.redis.pipeline(transaction=True) as pipe:
            outcome = await work(pipe, good) if good else Outcome()
            pipe.multi()
            for stream, message in outcome.publish:
                pipe.xadd(stream, encode(message), maxlen=self.maxlen, approximate=True)
            for write in outcome.writes:
                write(pipe)
            for letter in dead:
                pipe.xadd(
                    self.dead_letter_stream, encode(letter), maxlen=self.maxlen, approximate=True
                )
            pipe.xack(self.stream, self.group, *ids)
            await pipe.execute()
        for letter in dead:
            log.warning(
                "entry_dead_lettered",
                stream=self.stream,
                entry_id=letter.entry_id,
                reason=letter.reason,
                error=letter.error,
            )
        outcome.stats["dead_lettered"] = len(dead)
        return outcome

    def _dead(self, entry_id: str, reason: DeadReason, error: str, raw: str, n: int) -> DeadLetter:
        return DeadLetter(
            stream=self.stream,
            entry_id=entry_id,
            group=self.group,
            reason=reason,
            error=error,
            payload=raw,
            deliveries=n,
            dead_at=datetime.now(UTC),
        )
