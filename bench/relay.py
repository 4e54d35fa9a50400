"""The physical baseline: messages relayed through three raw Redis stream hops, no processing.

Hop i is its own process: XREADGROUP COUNT 100 from stream i, then one pipeline of XADD to
stream i+1 and XACK. The same shape as relwatch's three consumer services, minus everything
they do; the pipeline's throughput divided by this one is `e2e_vs_raw_ratio`.
"""

import contextlib
import multiprocessing as mp
import time

import redis

PAYLOAD = b'{"article_id": "art_0123456789abcdef0123", "title": "relay"}'


def _hop(url: str, source: str, target: str, total: int, ready: "mp.synchronize.Event") -> None:
    client = redis.Redis.from_url(url)
    with contextlib.suppress(redis.ResponseError):
        client.xgroup_create(source, "relay", id="0", mkstream=True)
    ready.set()
    moved = 0
    while moved < total:
        reply = client.xreadgroup("relay", "hop", {source: ">"}, count=100, block=1000)
        for _, entries in reply or []:
            pipe = client.pipeline(transaction=False)
            for _, fields in entries:
                pipe.xadd(target, fields)
            pipe.xack(source, "relay", *[entry_id for entry_id, _ in entries])
            pipe.execute()
            moved += len(entries)


def relay(url: str, total: int, hops: int = 3, prefix: str = "relay") -> float:
    """Messages per second through `hops` hops: from the first XADD to the last arrival."""
    client = redis.Redis.from_url(url)
    names = [f"{prefix}:{i}" for i in range(hops + 1)]
    client.delete(*names)
    ctx = mp.get_context("spawn")
    ready = [ctx.Event() for _ in range(hops)]
    procs = [
        ctx.Process(target=_hop, args=(url, names[i], names[i + 1], total, ready[i]))
        for i in range(hops)
    ]
    for proc in procs:
        proc.start()
    for event in ready:
        event.wait(30)
    started = time.perf_counter()
    for offset in range(0, total, 500):
        pipe = client.pipeline(transaction=False)
        for _ in range(min(500, total - offset)):
            pipe.xadd(names[0], {"__data__": PAYLOAD})
        pipe.execute()
    while client.xlen(names[-1]) < total:
        time.sleep(0.005)
    elapsed = time.perf_counter() - started
    for proc in procs:
        proc.join(10)
    client.delete(*names)
    return total / elapsed


if __name__ == "__main__":
    from services.common.redis_server import LocalRedis

    with LocalRedis() as server:
        print(f"raw relay, 3 hops: {relay(server.url, 50_000):,.0f} messages/s")
