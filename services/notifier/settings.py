"""Notifier settings: the API key, the retry schedule, isolation limits, SSRF allowlist, caps, TTLs."""

from ipaddress import IPv4Network, IPv6Network
from typing import Annotated, Self

from pydantic import Field, IPvAnyNetwork, SecretStr, model_validator

from services.common.settings import ConsumerSettings

DAY_S = 86_400.0


class NotifierSettings(ConsumerSettings):
    group: str = "notifier"
    api_key: Annotated[
        SecretStr, Field(description="Bearer token the subscriptions API requires (no default).")
    ]
    retry_schedule_s: Annotated[
        list[Annotated[float, Field(ge=0)]],
        Field(
            min_length=1,
            description="Delay before each attempt (Svix-like: the first is 'immediately'); "
            "its length is the number of attempts. Tests use fractions of a second.",
        ),
    ] = [0, 5, 300, 1800, 7200, 18000, 36000, 36000]
    retry_jitter: Annotated[float, Field(ge=0, le=0.5)] = 0.2
    request_timeout_s: Annotated[
        float, Field(gt=0, description="Whole-attempt deadline: connect, send, read the answer.")
    ] = 10.0
    slow_down_s: Annotated[
        float,
        Field(ge=0, description="Least delay after 429/502/503/504/timeout without Retry-After."),
    ] = 30.0
    retry_after_min_s: Annotated[float, Field(ge=0)] = 1.0
    retry_after_max_s: Annotated[
        float, Field(gt=0, description="A Retry-After is honoured up to this many seconds.")
    ] = 3600.0
    disable_after_s: Annotated[
        float,
        Field(gt=0, description="An endpoint that has only failed for this long is disabled."),
    ] = 5 * DAY_S
    lease_s: Annotated[
        float, Field(gt=0, description="A claimed delivery is retried if not settled within this.")
    ] = 60.0
    worker_concurrency: Annotated[int, Field(ge=1, description="Requests in flight overall.")] = 32
    endpoint_concurrency: Annotated[
        int, Field(ge=1, description="Requests in flight to one endpoint.")
    ] = 4
    poll_s: Annotated[float, Field(gt=0)] = 0.1
    allow_hosts: Annotated[
        list[IPvAnyNetwork],
        Field(
            description="Networks (JSON list of CIDRs) webhooks may reach although private, "
            'e.g. ["127.0.0.0/8", "::1/128"] for a local demo.'
        ),
    ] = []
    max_payload_bytes: Annotated[
        int, Field(ge=1024, description="Bodies above this are truncated (sources, then events).")
    ] = 65_536
    max_response_bytes: Annotated[
        int, Field(ge=0, description="Bytes of an endpoint's answer kept in the attempt log.")
    ] = 1024
    delivery_ttl_s: Annotated[
        float,
        Field(gt=0, description="Delivered and dead deliveries are kept this long for the log."),
    ] = 7 * DAY_S

    @model_validator(mode="after")
    def _lease_outlives_a_request(self) -> Self:
        if self.lease_s <= self.request_timeout_s:
            raise ValueError(
                f"lease_s ({self.lease_s}) must exceed request_timeout_s ({self.request_timeout_s}),"
                " or a slow request would be sent twice at once"
            )
        if self.retry_after_min_s > self.retry_after_max_s:
            raise ValueError("retry_after_min_s must not exceed retry_after_max_s")
        return self

    @property
    def allowed_networks(self) -> list[IPv4Network | IPv6Network]:
        return list(self.allow_hosts)
