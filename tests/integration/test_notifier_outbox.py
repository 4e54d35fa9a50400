"""The outbox on a real Redis: fair leased claims, lease-fenced settling, slow-down, TTL, replay, purge."""

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from redis.asyncio import Redis

from schemas import Streams
from services.notifier.models import Delivery
from services.notifier.outbox import Outbox

pytestmark = pytest.mark.integration
NOW = 1_716_000_000.0
LEASE = 60.0
TTL = 3600.0


@pytest.fixture
async def outbox(redis_url: str, streams: Streams) -> AsyncIterator[Outbox]:
    client = Redis.from_url(redis_url)
    yield Outbox(client, streams, ttl_s=TTL, dlq_maxlen=1000)
    await client.aclose()


def delivery(sub: str, n: int) -> Delivery:
    return Delivery(
        delivery_id=f"{sub}:msg_al_{n}_1",
        subscription_id=sub,
        message_id=f"msg_al_{n}_1",
        alert_id=f"al_{n}",
        kind="meeting_held",
        body="{}",
        created_at=datetime.fromtimestamp(NOW, UTC),
    )


async def enqueue(outbox: Outbox, *items: Delivery, at: float = NOW) -> None:
    async with outbox.redis.pipeline(transaction=True) as pipe:
        for d in items:
            outbox.enqueue(d, at, at)(pipe)
        await pipe.execute()


async def claim_ids(
    outbox: Outbox, limit: int, room: dict[str, int] | None = None, now: float = NOW, cap: int = 4
) -> list[str]:
    return [c.delivery.delivery_id for c in await outbox.claim(now, LEASE, limit, cap, room or {})]


async def test_enqueue_twice_stores_one_delivery(outbox: Outbox) -> None:
    """An alert batch redone after a crash enqueues nothing new: the delivery exists once."""
    await enqueue(outbox, delivery("sub_a", 1))
    await enqueue(outbox, delivery("sub_a", 1))
    assert await claim_ids(outbox, 10) == ["sub_a:msg_al_1_1"]
    assert await outbox.redis.zcard(outbox.due_key) == 1


async def test_claim_is_round_robin_over_endpoints(outbox: Outbox) -> None:
    """A backlog on one endpoint takes one slot per round, not every slot."""
    await enqueue(outbox, *[delivery("sub_a", n) for n in range(10)])
    await enqueue(outbox, delivery("sub_b", 1), delivery("sub_b", 2), at=NOW - 1)
    await enqueue(outbox, delivery("sub_c", 1), at=NOW - 2)
    claimed = await claim_ids(outbox, 5)
    assert [i.split(":")[0] for i in claimed] == ["sub_c", "sub_b", "sub_a", "sub_b", "sub_a"]


@pytest.mark.parametrize(
    ("room", "expected"),
    [
        pytest.param({}, 4, id="endpoint-cap-4"),
        pytest.param({"sub_a": 1}, 1, id="one-slot-left"),
        pytest.param({"sub_a": 0}, 0, id="endpoint-full"),
    ],
)
async def test_claim_respects_each_endpoints_room(
    outbox: Outbox, room: dict[str, int], expected: int
) -> None:
    """An endpoint never gets more than its free slots, whatever the global limit."""
    await enqueue(outbox, *[delivery("sub_a", n) for n in range(10)])
    await enqueue(outbox, delivery("sub_b", 1))
    claimed = await claim_ids(outbox, 20, room)
    assert sum(i.startswith("sub_a:") for i in claimed) == expected
    assert "sub_b:msg_al_1_1" in claimed


async def test_a_claim_is_leased_and_comes_back_when_the_lease_runs_out(outbox: Outbox) -> None:
    """A claimed delivery is invisible until its lease ends, then claimable again (crash recovery)."""
    await enqueue(outbox, delivery("sub_a", 1))
    assert await claim_ids(outbox, 10) == ["sub_a:msg_al_1_1"]
    assert await claim_ids(outbox, 10, now=NOW + LEASE - 1) == []
    assert await claim_ids(outbox, 10, now=NOW + LEASE + 1) == ["sub_a:msg_al_1_1"]


async def test_only_the_current_lease_holder_settles(outbox: Outbox) -> None:
    """A worker whose lease ran out (and was re-claimed) cannot overwrite the newer claim's work."""
    await enqueue(outbox, delivery("sub_a", 1))
    [stale] = await outbox.claim(NOW, LEASE, 10, 4, {})
    [current] = await outbox.claim(NOW + LEASE + 1, LEASE, 10, 4, {})
    assert not await outbox.settle(stale, stale.delivery, "done")
    assert await outbox.settle(current, current.delivery, "retry", retry_at=NOW + 500)
    assert await outbox.redis.zscore(outbox.due_key, "sub_a:msg_al_1_1") == NOW + 500


async def test_slow_down_holds_back_only_its_endpoint(outbox: Outbox) -> None:
    """After a 429 the endpoint waits out its not-before time; other endpoints go on."""
    await enqueue(outbox, delivery("sub_a", 1), delivery("sub_a", 2), delivery("sub_b", 1))
    [first, *_] = await outbox.claim(NOW, LEASE, 1, 4, {})
    assert first.delivery.subscription_id == "sub_a"
    await outbox.settle(first, first.delivery, "retry", retry_at=NOW + 1, not_before=NOW + 30)
    assert await claim_ids(outbox, 10, now=NOW + 2) == ["sub_b:msg_al_1_1"]
    assert await claim_ids(outbox, 10, now=NOW + 29) == []
    assert sorted(await claim_ids(outbox, 10, now=NOW + 31)) == [
        "sub_a:msg_al_1_1",
        "sub_a:msg_al_2_1",
    ]


@pytest.mark.parametrize("action", ["done", "dead"])
async def test_settled_deliveries_leave_the_queues_and_expire(outbox: Outbox, action: str) -> None:
    """Delivered and dead deliveries are off every queue and keep their record only for the TTL."""
    await enqueue(outbox, delivery("sub_a", 1))
    [c] = await outbox.claim(NOW, LEASE, 10, 4, {})
    settled = c.delivery.model_copy(update={"state": "delivered" if action == "done" else "dead"})
    assert await outbox.settle(c, settled, action)  # type: ignore[arg-type]
    r = outbox.redis
    assert await r.zcard(outbox.due_key) == 0
    assert await r.exists(outbox.endpoint_due_key("sub_a"), outbox.endpoints_key) == 0
    assert 0 < await r.ttl(outbox.delivery_key(c.delivery.delivery_id)) <= TTL
    assert [d.state for d in await outbox.for_subscription("sub_a")] == [settled.state]
    assert await r.xlen(outbox.streams.deliveries_dead) == (action == "dead")


async def test_replay_makes_a_dead_delivery_due_once(outbox: Outbox) -> None:
    """A replayed dead delivery is pending again with a fresh schedule; replaying twice does nothing."""
    await enqueue(outbox, delivery("sub_a", 1))
    [c] = await outbox.claim(NOW, LEASE, 10, 4, {})
    await outbox.settle(
        c, c.delivery.model_copy(update={"state": "dead", "dead_reason": "gone"}), "dead"
    )
    [dead] = await outbox.dead()
    first = await outbox.replay([dead], NOW + 10)
    again = await outbox.replay([dead], NOW + 11)
    assert (first.replayed, again.replayed, again.skipped) == (
        [dead.dead_id],
        [],
        {dead.dead_id: "already pending"},
    )
    [back] = await outbox.claim(NOW + 10, LEASE, 10, 4, {})
    assert (back.delivery.state, back.delivery.replays, back.delivery.message_id) == (
        "pending",
        1,
        "msg_al_1_1",
    )
    assert await outbox.dead() == []


async def test_purge_forgets_a_deleted_subscriptions_queue(outbox: Outbox) -> None:
    """Deleting a subscription drops its pending deliveries and leaves other endpoints alone."""
    await enqueue(outbox, delivery("sub_a", 1), delivery("sub_a", 2), delivery("sub_b", 1))
    assert await outbox.purge("sub_a") == 2
    assert await claim_ids(outbox, 10) == ["sub_b:msg_al_1_1"]
    assert await outbox.redis.exists(outbox.delivery_key("sub_a:msg_al_1_1")) == 0
