"""Redis clients and brokers for a single Redis or a Redis Cluster, from the same settings."""

from typing import Any

import redis
from redis.asyncio import Redis
from redis.asyncio.cluster import RedisCluster

from services.common.settings import CommonSettings


class ClusterPrefixError(ValueError):
    """On a cluster, every relwatch key must share one hash tag."""


def check_cluster_prefix(settings: CommonSettings) -> None:
    """Transactions and scripts touch several keys at once: on a cluster they need one slot."""
    if settings.redis_cluster and not ("{" in settings.key_prefix and "}" in settings.key_prefix):
        raise ClusterPrefixError(
            f"RELWATCH_KEY_PREFIX={settings.key_prefix!r} has no hash tag; on a Redis Cluster set "
            "it to a tagged prefix such as {relwatch} so that every key lands in one slot"
        )


def connect(settings: CommonSettings) -> Any:
    """An asyncio client: RedisCluster when RELWATCH_REDIS_CLUSTER is set, else Redis."""
    check_cluster_prefix(settings)
    if settings.redis_cluster:
        return RedisCluster.from_url(settings.redis_url)
    return Redis.from_url(settings.redis_url)


def connect_sync(settings: CommonSettings, **kwargs: Any) -> Any:
    """A blocking client for the command line, of the same kind."""
    check_cluster_prefix(settings)
    if settings.redis_cluster:
        return redis.RedisCluster.from_url(settings.redis_url, **kwargs)
    return redis.Redis.from_url(settings.redis_url, **kwargs)
