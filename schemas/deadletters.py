"""Dead letters: entries a consumer could not process, kept with the reason so nothing is lost."""

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

DeadReason = Literal["malformed", "invalid", "too_many_deliveries"]


class DeadLetter(BaseModel):
    """One entry of a `<stream>:dlq` stream."""

    model_config = ConfigDict(frozen=True)

    stream: str
    entry_id: str
    group: str
    reason: DeadReason
    error: str
    payload: str
    deliveries: int = 1
    dead_at: datetime
