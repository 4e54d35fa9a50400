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
    state_ttl_days: Annotated[
        int,
        Field(
            ge=1,
            description="Alert state, trade targets and text sketches expire this long after "
            "their last update (what bounds the state).",
        ),
    ] = 400
