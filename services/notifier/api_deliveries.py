"""The deliveries API: a subscription's attempt log, dead deliveries and their replay."""

import time
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query

from services.notifier.api import NOT_FOUND, UNAUTHORIZED, Ctx, not_found, require_api_key
from services.notifier.models import DeadDelivery, Delivery, ReplayRequest, ReplayResult

router = APIRouter(
    tags=["deliveries"], dependencies=[Depends(require_api_key)], responses=UNAUTHORIZED
)
Limit = Annotated[int, Query(ge=1, le=1000)]


@router.get("/subscriptions/{subscription_id}/deliveries", responses=NOT_FOUND)
async def list_deliveries(subscription_id: str, ctx: Ctx, limit: Limit = 100) -> list[Delivery]:
    """The subscription's latest deliveries, newest first, each with every attempt made."""
    if await ctx.subscriptions.get(subscription_id) is None:
        raise not_found(subscription_id)
    return await ctx.outbox.for_subscription(subscription_id, limit)


@router.get("/deliveries/dead")
async def list_dead(
    ctx: Ctx, subscription_id: str | None = None, limit: Limit = 100
) -> list[DeadDelivery]:
    """Deliveries that used every attempt (or whose endpoint was disabled), oldest first."""
    return await ctx.outbox.dead(limit, subscription_id)


@router.post("/deliveries/dead/replay")
async def replay_dead(body: ReplayRequest, ctx: Ctx) -> ReplayResult:
    """Deliver dead deliveries again, same webhook-id, fresh schedule: these ids or one subscription's.

    A dead delivery whose subscription is deleted or still disabled is skipped with the reason
    (re-enable the endpoint first).
    """
    if not body.dead_ids and body.subscription_id is None:
        raise HTTPException(
            422,
            detail=[
                {
                    "loc": ["body"],
                    "msg": "give dead_ids or subscription_id",
                    "type": "value_error.missing",
                }
            ],
        )
    dead = await ctx.outbox.dead(limit=100_000, subscription_id=body.subscription_id)
    if body.dead_ids:
        dead = [d for d in dead if d.dead_id in body.dead_ids]
    skipped = dict.fromkeys(body.dead_ids, "no such dead delivery")
    chosen = []
    for d in dead:
        skipped.pop(d.dead_id, None)
        stored = await ctx.subscriptions.get(d.delivery.subscription_id)
        if stored is None:
            skipped[d.dead_id] = "subscription deleted"
        elif stored.subscription.disabled_at is not None:
            skipped[d.dead_id] = "subscription disabled: re-enable it first"
        else:
            chosen.append(d)
    result = await ctx.outbox.replay(chosen, time.time())
    if result.replayed:
        ctx.wake()
    return ReplayResult(replayed=result.replayed, skipped={**skipped, **result.skipped})
