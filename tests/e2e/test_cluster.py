"""Redis Cluster: the services as processes on a real three-master cluster give the same alerts.

The cluster is started from the `redis-server` binary on loopback ports and formed with
`redis-cli --cluster create`; every relwatch key carries the hash tag of the key prefix, so
the transactions and scripts of each stage stay on one slot.
"""

import secrets
import tempfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import redis

from schemas import Streams
from services.common.redis_server import LocalRedisCluster, RedisUnavailable
from services.common.seeds import load_seed_articles
from services.receiver import WebhookReceiver
from services.stack import Stack, wait_idle
from tests.conftest import SEEDS

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalRedisCluster]:
    try:
        with LocalRedisCluster(size=3) as started:
            yield started
    except RedisUnavailable as exc:
        pytest.fail(f"cannot start a Redis Cluster: {exc}")


def replay_seeds(redis_url: str, prefix: str, cluster: bool, extractors: int) -> set[str]:
    """Run the stack on `redis_url`, post the seed articles, return the webhook-ids received."""
    api_key = secrets.token_urlsafe(16)
    env = {"RELWATCH_REDIS_CLUSTER": "true"} if cluster else {}
    client_cls = redis.RedisCluster if cluster else redis.Redis
    with tempfile.TemporaryDirectory() as tmp, WebhookReceiver() as receiver:
        stack = Stack(redis_url, Path(tmp), api_key=api_key, key_prefix=prefix, extra_env=env)
        client = client_cls.from_url(redis_url)
        try:
            stack.start()
            for _ in range(extractors - 1):
                stack.add_replica("extractor")
            created = httpx.post(
                f"{stack.services['notifier'].url}/subscriptions",
                json={"url": receiver.url},
                headers={"Authorization": f"Bearer {api_key}"},
                timeout=10,
            )
            created.raise_for_status()
            receiver.secret = created.json()["secret"]
            articles = load_seed_articles(SEEDS)
            body = "[" + ",".join(a.model_dump_json() for a in articles) + "]"
            httpx.post(
                f"{stack.services['ingest'].url}/articles/batch",
                content=body,
                headers={"content-type": "application/json"},
                timeout=30,
            ).raise_for_status()
            assert wait_idle(client, Streams(prefix=prefix), timeout=90), "pipeline did not settle"
            assert all(r.verified for r in receiver.received)
            return {r.webhook_id for r in receiver.received}
        finally:
            stack.stop()
            client.close()


def test_cluster_gives_the_same_alerts_as_one_redis(
    cluster: LocalRedisCluster, redis_url: str
) -> None:
    """Seeds on a 3-master cluster with 2 extractor replicas: the alerts of a single Redis, each once."""
    tag = secrets.token_hex(3)
    on_cluster = replay_seeds(cluster.url, f"{{rw{tag}}}", cluster=True, extractors=2)
    on_single = replay_seeds(redis_url, f"single{tag}", cluster=False, extractors=1)
    assert on_single
    assert on_cluster == on_single


def test_every_key_shares_the_prefix_slot(cluster: LocalRedisCluster) -> None:
    """After a run, all relwatch keys sit in the slot of the prefix's hash tag, on one master."""
    prefix = f"{{rw{secrets.token_hex(3)}}}"
    replay_seeds(cluster.url, prefix, cluster=True, extractors=1)
    client = redis.RedisCluster.from_url(cluster.url)
    try:
        masters = [n for n in client.get_nodes() if n.server_type == "primary"]
        assert len(masters) == 3
        keys = list(client.scan_iter(match=f"{prefix}*", target_nodes=redis.RedisCluster.ALL_NODES))
        assert len(keys) > 5  # streams, groups' state, alert state, subscriptions
        slots = {client.keyslot(k) for k in keys}
        assert slots == {client.keyslot(prefix)}
    finally:
        client.close()
