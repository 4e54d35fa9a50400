"""Subscriptions in Redis: one hash of stored subscriptions with their signing secrets, and
one hash of endpoint health (since when every attempt to an endpoint has failed)."""

import secrets
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from pydantic import BaseModel
from redis.asyncio import Redis
from redis.exceptions import WatchError

from schemas import Streams, Subscription, SubscriptionCreate, SubscriptionCreated
from services.notifier.models import SubscriptionView
from services.notifier.signing import new_secret


class SigningSecret(BaseModel):
    secret: str
    expires_at: datetime | None = None


class StoredSubscription(BaseModel):
    subscription: Subscription
    secrets: list[SigningSecret]

    def live_secrets(self, now: datetime) -> list[str]:
        """The newest secret first, then older ones still inside their grace period."""
        return [s.secret for s in self.secrets if s.expires_at is None or s.expires_at > now]


Change = Callable[[StoredSubscription], StoredSubscription | None]


class SubscriptionStore:
    def __init__(self, redis: Redis, streams: Streams) -> None:
        self.redis = redis
        self.key = streams.key("subscriptions")
        self.failing_key = streams.key("endpoints", "failing_since")

    async def create(self, request: SubscriptionCreate) -> SubscriptionCreated:
        subscription = Subscription(
            **request.model_dump(),
            subscription_id="sub_" + secrets.token_hex(10),
            created_at=datetime.now(UTC),
        )
        stored = StoredSubscription(
            subscription=subscription, secrets=[SigningSecret(secret=new_secret())]
        )
        await self.redis.hset(self.key, subscription.subscription_id, stored.model_dump_json())
        return SubscriptionCreated(**subscription.model_dump(), secret=stored.secrets[0].secret)

    async def get(self, subscription_id: str) -> StoredSubscription | None:
        raw = await self.redis.hget(self.key, subscription_id)
        return StoredSubscription.model_validate_json(raw) if raw else None

    async def get_many(self, subscription_ids: list[str]) -> dict[str, StoredSubscription | None]:
        """Several subscriptions in one round trip (None for each that is gone)."""
        if not subscription_ids:
            return {}
        raw = await self.redis.hmget(self.key, subscription_ids)
        return {
            sid: StoredSubscription.model_validate_json(r) if r else None
            for sid, r in zip(subscription_ids, raw, strict=True)
        }

    async def all(self) -> list[StoredSubscription]:
        raw = await self.redis.hgetall(self.key)
        subs = [StoredSubscription.model_validate_json(v) for v in raw.values()]
        return sorted(subs, key=lambda s: s.subscription.created_at)

    async def delete(self, subscription_id: str) -> bool:
        return bool(await self.redis.hdel(self.key, subscription_id))

    async def update(self, subscription_id: str, change: Change) -> StoredSubscription | None:
        """Apply `change` atomically (optimistic: redone if another writer got there first).

        Returns the stored subscription after the change, or None if there is none; a change
        returning None leaves the subscription as it is.
        """
        while True:
            async with self.redis.pipeline(transaction=True) as pipe:
                try:
                    await pipe.watch(self.key)
                    raw = await pipe.hget(self.key, subscription_id)
                    if not raw:
                        return None
                    stored = StoredSubscription.model_validate_json(raw)
                    changed = change(stored)
                    if changed is None:
                        return stored
                    pipe.multi()  # type: ignore[no-untyped-call]
                    pipe.hset(self.key, subscription_id, changed.model_dump_json())
                    await pipe.execute()
                    return changed
                except WatchError:
                    continue

    async def rotate(
        self, subscription_id: str, grace: timedelta, now: datetime
    ) -> SubscriptionCreated | None:
        """A new secret signs from now on; the old ones keep signing until `grace` has passed."""
        fresh = SigningSecret(secret=new_secret())

        def rotate(stored: StoredSubscription) -> StoredSubscription:
            old = [
                SigningSecret(
                    secret=s.secret, expires_at=min(s.expires_at or now + grace, now + grace)
                )
                for s in stored.secrets
                if s.expires_at is None or s.expires_at > now
            ]
            return stored.model_copy(update={"secrets": [fresh, *old]})

        stored = await self.update(subscription_id, rotate)
        if stored is None:
            return None
        return SubscriptionCreated(**stored.subscription.model_dump(), secret=fresh.secret)

    async def disable(self, subscription_id: str, reason: str, now: datetime) -> bool:
        """Disable an enabled endpoint, saying why; False if it was gone or disabled already."""
        done = False

        def disable(stored: StoredSubscription) -> StoredSubscription | None:
            nonlocal done
            if stored.subscription.disabled_at is not None:
                return None
            done = True
            sub = stored.subscription.model_copy(
                update={"disabled_at": now, "disabled_reason": reason}
            )
            return stored.model_copy(update={"subscription": sub})

        await self.update(subscription_id, disable)
        return done

    async def enable(self, subscription_id: str) -> StoredSubscription | None:
        """Re-enable an endpoint and forget its failures; None if there is no such subscription."""

        def enable(stored: StoredSubscription) -> StoredSubscription:
            sub = stored.subscription.model_copy(
                update={"disabled_at": None, "disabled_reason": None}
            )
            return stored.model_copy(update={"subscription": sub})

        stored = await self.update(subscription_id, enable)
        await self.redis.hdel(self.failing_key, subscription_id)
        return stored

    async def record_attempt(self, subscription_id: str, ok: bool, now: float) -> float | None:
        """Note an attempt's outcome; returns since when every attempt failed (None after a success)."""
        if ok:
            await self.redis.hdel(self.failing_key, subscription_id)
            return None
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.hsetnx(self.failing_key, subscription_id, repr(now))
            pipe.hget(self.failing_key, subscription_id)
            _, since = await pipe.execute()
        return float(since)

    async def views(self, stored: list[StoredSubscription]) -> list[SubscriptionView]:
        """The API's view of these subscriptions, each with its endpoint's health."""
        if not stored:
            return []
        ids = [s.subscription.subscription_id for s in stored]
        failing = await self.redis.hmget(self.failing_key, ids)
        return [
            SubscriptionView(
                **s.subscription.model_dump(),
                failing_since=datetime.fromtimestamp(float(f), UTC) if f else None,
            )
            for s, f in zip(stored, failing, strict=True)
        ]
