"""Ingest settings."""

from typing import Annotated

from pydantic import Field

from services.common.settings import CommonSettings


class IngestSettings(CommonSettings):
    max_body_bytes: Annotated[int, Field(ge=1024, description="Largest accepted HTTP body.")] = (
        1024 * 1024
    )
    seen_ttl_days: Annotated[
        int, Field(ge=0, description="How long an article id is remembered for dedup; 0 = forever.")
    ] = 90
