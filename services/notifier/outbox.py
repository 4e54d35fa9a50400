"""Pending deliveries in Redis: created with the alert's acknowledgement, claimed under a lease.

Keys under the prefix: `delivery:<id>` (the delivery as JSON, attempt log included; a TTL once
delivered or dead), `deliveries:due` and `deliveries:due:<sub>` (pending deliveries by due
time), `endpoints:due` (subscriptions by when their next delivery may go), `endpoints:not_before`
(an endpoint's slow-down), `deliveries:sub:<sub>` (the log index) and the dead-letter stream.
A claim pushes a delivery's score one lease ahead; if the worker dies before settling, the
lease runs out and another attempt is made with the same webhook-id.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from redis.asyncio import Redis
from redis.asyncio.client import Pipeline

from schemas import Streams
from services.notifier import outbox_lua as lua
from services.notifier.models import DeadDelivery, Delivery, ReplayResult

INDEX_CAP = 1000  # deliveries listed per subscription
DLQ_SCAN = 10_000  # dead deliveries a replay or a filtered listing looks through
Action = Literal["retry", "done", "dead", "drop"]


@dataclass(frozen=True)
class Claimed:
    delivery: Delivery
    lease: str  # the score this claim set: only its holder may settle the delivery


def text(value: bytes | str | Any) -> str:
    """A Redis reply as text (the client is not set to decode replies)."""
    return value.decode() if isinstance(value, bytes) else str(value)


def subscription_of(delivery_id: str) -> str:
    return delivery_id.split(":", 1)[0]


class Outbox:
    def __init__(
        self, redis: Redis, streams: Streams, ttl_s: float, dlq_maxlen: int = 1_000_000
    ) -> None:
        self.redis = redis
        self.streams = streams
        self.ttl_s = ttl_s
        self.dlq_maxlen = dlq_maxlen
        self.due_key = streams.key("deliveries", "due")
        self.endpoints_key = streams.key("endpoints", "due")
        self.not_before_key = streams.key("endpoints", "not_before")
        self.failing_key = streams.key("endpoints", "failing_since")
        self._claim = redis.register_script(lua.CLAIM)
        self._settle = redis.register_script(lua.SETTLE)
        self._replay = redis.register_script(lua.REPLAY)
        self._purge = redis.register_script(lua.PURGE)

    def delivery_key(self, delivery_id: str) -> str:
        return self.streams.key("delivery", delivery_id)

    def endpoint_due_key(self, subscription_id: str) -> str:
        return self.streams.key("deliveries", "due", subscription_id)

    def index_key(self, subscription_id: str) -> str:
        return self.streams.key("deliveries", "sub", subscription_id)

    def _queues(self, sub: str) -> list[str]:
        return [self.due_key, self.endpoint_due_key(sub), self.endpoints_key, self.not_before_key]

    def enqueue(self, delivery: Delivery, due_at: float, now: float) -> Callable[[Pipeline], Any]:
        """A write for the consume transaction: store the delivery once and make it due."""
        sub = delivery.subscription_id
        keys = [self.delivery_key(delivery.delivery_id), *self._queues(sub), self.index_key(sub)]
        args = [delivery.model_dump_json(), repr(due_at), delivery.delivery_id, sub]
        args += [repr(now), repr(self.ttl_s), str(INDEX_CAP)]
        return lambda pipe: pipe.eval(lua.ENQUEUE, len(keys), *keys, *args)

    async def claim(
        self, now: float, lease_s: float, limit: int, per_endpoint: int, room: Mapping[str, int]
    ) -> list[Claimed]:
        """Up to `limit` due deliveries, round-robin over endpoints, each within its `room`."""
        lease = repr(now + lease_s)
        pairs = [str(x) for sub, n in room.items() for x in (sub, n)]
        prefix = self.endpoint_due_key("")
        ids: list[bytes] = await self._claim(
            keys=[self.endpoints_key, self.due_key, self.not_before_key],
            args=[repr(now), lease, limit, per_endpoint, prefix, *pairs],
        )
        if not ids:
            return []
        raw = await self.redis.mget([self.delivery_key(i.decode()) for i in ids])
        claimed = []
        for delivery_id, data in zip(ids, raw, strict=True):
            if data is None:  # its record vanished: take it off the queues
                await self._drop_orphan(delivery_id.decode(), lease)
                continue
            claimed.append(Claimed(Delivery.model_validate_json(data), lease))
        return claimed

    async def _drop_orphan(self, delivery_id: str, lease: str) -> None:
        sub = subscription_of(delivery_id)
        keys = [self.delivery_key(delivery_id), *self._queues(sub), self.streams.deliveries_dead]
        keys.append(self.failing_key)
        args = [delivery_id, lease, "", "drop", "", "1", sub, "", str(self.dlq_maxlen), "", ""]
        await self._settle(keys=keys, args=args)

    async def settle(
        self,
        claimed: Claimed,
        delivery: Delivery,
        action: Action,
        retry_at: float | None = None,
        not_before: float | None = None,
        succeeded: bool = False,
    ) -> bool:
        """Record the outcome; False when the lease had run out (another claim owns it now).

        `succeeded` also clears the endpoint's failing-since mark, in the same round trip.
        """
        sub = delivery.subscription_id
        keys = [self.delivery_key(delivery.delivery_id), *self._queues(sub)]
        keys += [self.streams.deliveries_dead, self.failing_key]
        args = [
            delivery.delivery_id,
            claimed.lease,
            delivery.model_dump_json(),
            action,
            "" if retry_at is None else repr(retry_at),
            str(max(1, int(self.ttl_s))),
            sub,
            "" if not_before is None else repr(not_before),
            str(self.dlq_maxlen),
            delivery.dead_reason or "",
            "1" if succeeded else "",
        ]
        return bool(await self._settle(keys=keys, args=args))

    async def release(self, claimed: Claimed, now: float) -> bool:
        """Give a claimed delivery back unattempted (shutdown): due now, not after its lease."""
        return await self.settle(claimed, claimed.delivery, "retry", retry_at=now)

    async def for_subscription(self, subscription_id: str, limit: int = 100) -> list[Delivery]:
        """The subscription's latest deliveries, newest first, with their attempts."""
        ids = await self.redis.zrevrange(self.index_key(subscription_id), 0, limit - 1)
        if not ids:
            return []
        raw = await self.redis.mget([self.delivery_key(text(i)) for i in ids])
        return [Delivery.model_validate_json(r) for r in raw if r]

    async def dead(
        self, limit: int = 100, subscription_id: str | None = None
    ) -> list[DeadDelivery]:
        """Dead deliveries, oldest first, optionally of one subscription."""
        entries = await self.redis.xrange(self.streams.deliveries_dead, count=DLQ_SCAN) or []
        found = []
        for entry_id, fields in entries:
            if not fields or entry_id is None:
                continue
            delivery = Delivery.model_validate_json(fields[b"__data__"])
            if subscription_id is None or delivery.subscription_id == subscription_id:
                reason = text(fields.get(b"reason", b"")) or (delivery.dead_reason or "")
                found.append(DeadDelivery(dead_id=text(entry_id), reason=reason, delivery=delivery))
        return found[:limit]

    async def replay(self, dead: list[DeadDelivery], now: float) -> ReplayResult:
        """Make these dead deliveries due now with a fresh schedule and the same webhook-id."""
        result = ReplayResult(replayed=[])
        for d in dead:
            old = d.delivery
            fresh = old.model_copy(
                update={
                    "state": "pending",
                    "round_start": len(old.attempts),
                    "replays": old.replays + 1,
                    "settled_at": None,
                    "dead_reason": None,
                }
            )
            sub = old.subscription_id
            keys = [self.streams.deliveries_dead, self.delivery_key(old.delivery_id)]
            keys += [*self._queues(sub), self.index_key(sub)]
            args = [d.dead_id, fresh.model_dump_json(), repr(now), old.delivery_id, sub]
            outcome = int(await self._replay(keys=keys, args=args))
            if outcome == 1:
                result.replayed.append(d.dead_id)
            else:
                result.skipped[d.dead_id] = (
                    "already replayed" if outcome == 0 else "already pending"
                )
        return result

    async def purge(self, subscription_id: str) -> int:
        """Forget a deleted subscription's pending deliveries and queues; returns how many."""
        keys = [*self._queues(subscription_id), self.index_key(subscription_id), self.failing_key]
        return int(await self._purge(keys=keys, args=[subscription_id, self.delivery_key("")]))
