"""The subscriptions API: create, list, get, delete, rotate a secret, re-enable; bearer auth."""

import hmac
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel

from schemas import SubscriptionCreate, SubscriptionCreated
from services.notifier.models import SubscriptionView
from services.notifier.outbox import Outbox
from services.notifier.ssrf import AddressGuard, DestinationRefused, Unresolvable
from services.notifier.subscriptions import SubscriptionStore

bearer = HTTPBearer(auto_error=False)


@dataclass
class ApiContext:
    """What the routes need, set on `app.state.api` by the app's lifespan."""

    api_key: str
    subscriptions: SubscriptionStore
    outbox: Outbox
    guard: AddressGuard
    wake: Callable[[], None] = lambda: None


def context(request: Request) -> ApiContext:
    ctx: ApiContext = request.app.state.api
    return ctx


Ctx = Annotated[ApiContext, Depends(context)]


def require_api_key(
    ctx: Ctx, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> None:
    given = "" if credentials is None else credentials.credentials
    if not hmac.compare_digest(given.encode(), ctx.api_key.encode()):
        raise HTTPException(
            status_code=401,
            detail="missing or wrong API key (Authorization: Bearer ...)",
            headers={"WWW-Authenticate": "Bearer"},
        )


class ErrorBody(BaseModel):
    """A refusal: what was wrong, in words."""

    detail: str


UNAUTHORIZED: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "Missing or wrong API key"}
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody, "description": "No subscription with this id"}
}
router = APIRouter(
    prefix="/subscriptions",
    tags=["subscriptions"],
    dependencies=[Depends(require_api_key)],
    responses=UNAUTHORIZED,
)


def not_found(subscription_id: str) -> HTTPException:
    return HTTPException(404, detail=f"no subscription {subscription_id}")


async def refuse_unreachable_url(guard: AddressGuard, body: SubscriptionCreate) -> None:
    """422 when the URL's host is, or resolves to, an address webhooks may not reach."""
    host, port = body.url.host or "", body.url.port or 443
    try:
        await guard.checked_addresses(host, port)
    except Unresolvable:
        return  # DNS may come back; every attempt checks again
    except DestinationRefused as exc:
        raise HTTPException(
            422,
            detail=[
                {
                    "loc": ["body", "url"],
                    "msg": f"{exc}; webhooks only go to public addresses "
                    "(the notifier's RELWATCH_ALLOW_HOSTS lists exceptions)",
                    "type": "value_error.destination_refused",
                }
            ],
        ) from exc


@router.post("", status_code=201)
async def create_subscription(body: SubscriptionCreate, ctx: Ctx) -> SubscriptionCreated:
    """Subscribe a webhook; the answer holds its signing secret (shown only here and on rotation)."""
    await refuse_unreachable_url(ctx.guard, body)
    return await ctx.subscriptions.create(body)


@router.get("")
async def list_subscriptions(ctx: Ctx) -> list[SubscriptionView]:
    """Every subscription, oldest first, with its endpoint's health."""
    return await ctx.subscriptions.views(await ctx.subscriptions.all())


@router.get("/{subscription_id}", responses=NOT_FOUND)
async def get_subscription(subscription_id: str, ctx: Ctx) -> SubscriptionView:
    """One subscription: filters, whether and why it is disabled, since when it fails."""
    stored = await ctx.subscriptions.get(subscription_id)
    if stored is None:
        raise not_found(subscription_id)
    [view] = await ctx.subscriptions.views([stored])
    return view


@router.delete("/{subscription_id}", status_code=204, responses=NOT_FOUND)
async def delete_subscription(subscription_id: str, ctx: Ctx) -> Response:
    """Unsubscribe; its pending deliveries are dropped (dead ones stay in the dead-letter stream)."""
    if not await ctx.subscriptions.delete(subscription_id):
        raise not_found(subscription_id)
    await ctx.outbox.purge(subscription_id)
    return Response(status_code=204)


@router.post("/{subscription_id}/rotate-secret", responses=NOT_FOUND)
async def rotate_secret(
    subscription_id: str,
    ctx: Ctx,
    grace_hours: Annotated[float, Query(ge=0, le=24 * 30)] = 24,
) -> SubscriptionCreated:
    """A new secret; the old one keeps signing beside it (two signatures) for `grace_hours`."""
    rotated = await ctx.subscriptions.rotate(
        subscription_id, timedelta(hours=grace_hours), datetime.now(UTC)
    )
    if rotated is None:
        raise not_found(subscription_id)
    return rotated


@router.post("/{subscription_id}/enable", responses=NOT_FOUND)
async def enable_subscription(subscription_id: str, ctx: Ctx) -> SubscriptionView:
    """Re-enable a disabled endpoint; its dead deliveries can then be replayed."""
    stored = await ctx.subscriptions.enable(subscription_id)
    if stored is None:
        raise not_found(subscription_id)
    [view] = await ctx.subscriptions.views([stored])
    return view
