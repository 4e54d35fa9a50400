"""Settings every service shares; each service extends `CommonSettings` with its own."""

import os
import socket
from typing import Annotated

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from schemas import Streams


def default_consumer_name() -> str:
    """Unique per process, readable in XINFO CONSUMERS: host and pid."""
    return f"{socket.gethostname()}-{os.getpid()}"


class CommonSettings(BaseSettings):
    """Configuration from the environment (prefix RELWATCH_); defaults work on a laptop."""

    model_config = SettingsConfigDict(env_prefix="RELWATCH_", extra="ignore")

    redis_url: Annotated[
        str, Field(validation_alias=AliasChoices("RELWATCH_REDIS_URL", "REDIS_URL"))
    ] = "redis://localhost:6379/0"
    redis_cluster: Annotated[
        bool, Field(description="The URL names a node of a Redis Cluster (keys need a hash tag).")
    ] = False
    key_prefix: str = "relwatch"
    log_level: str = "INFO"
    log_json: Annotated[
        bool | None, Field(description="JSON logs; default: JSON unless stdout is a terminal.")
    ] = None
    stream_maxlen: Annotated[
        int, Field(ge=1000, description="Approximate cap (MAXLEN ~) of every stream.")
    ] = 1_000_000

    @property
    def streams(self) -> Streams:
        return Streams(self.key_prefix)


class ConsumerSettings(CommonSettings):
    """Settings of a service that reads a stream through a consumer group."""

    consumer_name: str = Field(default_factory=default_consumer_name)
    batch_size: Annotated[int, Field(ge=1, le=10_000)] = 100
    claim_idle_ms: Annotated[
        int, Field(ge=100, description="Reclaim entries pending longer than this.")
    ] = 30_000
    max_deliveries: Annotated[
        int, Field(ge=1, description="Dead-letter an entry after this many deliveries.")
    ] = 5
    polling_ms: Annotated[int, Field(ge=10)] = 1000
