"""Alerts settings."""

from typing import Annotated

from pydantic import Field

from services.common.settings import ConsumerSettings


class AlertsSettings(ConsumerSettings):
    group: str = "alerts"
    recency_days: Annotated[
        int,
        Field(ge=0, description="Events dated more than this before their article are background."),
    ] = 45
