"""The delivery loop: claim due deliveries fairly, attempt them concurrently, settle each outcome.

Isolation: at most `endpoint_concurrency` requests to one endpoint and `worker_concurrency`
overall; a claim only takes what can start at once (round-robin over endpoints), so a slow
or throttled endpoint holds its own slots and never the others'.
"""

import asyncio
import functools
import random
import time
from collections import Counter
from collections.abc import Callable
from contextlib import suppress
from datetime import UTC, datetime

import httpx
import structlog

from services.common.metrics import DELIVERIES
from services.notifier.attempt import send
from services.notifier.delivery import Decision, RetryPolicy, decide
from services.notifier.models import Delivery
from services.notifier.outbox import Claimed, Outbox
from services.notifier.settings import NotifierSettings
from services.notifier.subscriptions import StoredSubscription, SubscriptionStore

log = structlog.get_logger()


def utc(now: float) -> datetime:
    return datetime.fromtimestamp(now, UTC)


class DeliveryWorker:
    def __init__(
        self,
        settings: NotifierSettings,
        outbox: Outbox,
        subscriptions: SubscriptionStore,
        client: httpx.AsyncClient,
        clock: Callable[[], float] = time.time,
        rng: random.Random | None = None,
    ) -> None:
        self.settings = settings
        self.policy = RetryPolicy(
            schedule_s=tuple(settings.retry_schedule_s),
            jitter=settings.retry_jitter,
            slow_down_s=settings.slow_down_s,
            retry_after_min_s=settings.retry_after_min_s,
            retry_after_max_s=settings.retry_after_max_s,
            disable_after_s=settings.disable_after_s,
        )
        self.outbox = outbox
        self.subscriptions = subscriptions
        self.client = client
        self.clock = clock
        self.rng = rng or random.Random()
        self.running = True
        self.in_flight: Counter[str] = Counter()
        self.tasks: set[asyncio.Task[None]] = set()
        self._wake = asyncio.Event()

    def wake(self) -> None:
        """Look for due deliveries now (new ones were enqueued, or a slot came free)."""
        self._wake.set()

    async def run(self) -> None:
        while self.running:
            self._wake.clear()
            try:
                full = await self._claim_and_start()
            except Exception as exc:  # Redis away: keep trying, the leases keep the work safe
                log.warning("delivery_claim_failed", error=str(exc))
                full = False
                await asyncio.sleep(1)
            if not full:
                with suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), self.settings.poll_s)

    async def _claim_and_start(self) -> bool:
        """Claim what can start now; True when every free slot was filled (more may be due)."""
        free = self.settings.worker_concurrency - len(self.tasks)
        if free <= 0:
            return False
        cap = self.settings.endpoint_concurrency
        claimed = await self.outbox.claim(
            self.clock(),
            self.settings.lease_s,
            free,
            cap,
            {sub: cap - n for sub, n in self.in_flight.items()},
        )
        stored = await self.subscriptions.get_many(
            sorted({c.delivery.subscription_id for c in claimed})
        )
        for c in claimed:
            sub = c.delivery.subscription_id
            self.in_flight[sub] += 1
            task = asyncio.create_task(self.attempt(c, stored[sub]))
            self.tasks.add(task)
            task.add_done_callback(functools.partial(self._finished, sub))
        return len(claimed) == free

    def _finished(self, sub: str, task: asyncio.Task[None]) -> None:
        self.tasks.discard(task)
        self.in_flight[sub] -= 1
        if self.in_flight[sub] <= 0:
            del self.in_flight[sub]
        self.wake()

    async def stop(self, grace_s: float) -> None:
        """Stop claiming; let attempts in flight finish for `grace_s`, then give the rest back."""
        self.running = False
        self.wake()
        if self.tasks:
            _, pending = await asyncio.wait(set(self.tasks), timeout=grace_s)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)

    async def attempt(self, claimed: Claimed, stored: StoredSubscription | None) -> None:
        """One attempt of a claimed delivery, to the subscription as it was read at the claim."""
        delivery = claimed.delivery
        with structlog.contextvars.bound_contextvars(
            delivery_id=delivery.delivery_id,
            subscription_id=delivery.subscription_id,
            webhook_id=delivery.message_id,
        ):
            try:
                await self._attempt(claimed, stored)
            except asyncio.CancelledError:
                with suppress(Exception):
                    await self.outbox.release(claimed, self.clock())
                raise
            except Exception:
                log.exception("delivery_attempt_crashed")  # the lease brings it back

    async def _attempt(self, claimed: Claimed, stored: StoredSubscription | None) -> None:
        delivery = claimed.delivery
        if stored is None:
            await self.outbox.settle(claimed, delivery, "drop")
            log.info("delivery_dropped", reason="subscription_deleted")
            return
        if stored.subscription.disabled_at is not None:
            now = self.clock()
            await self._settle(
                claimed, delivery, Decision("dead", dead_reason="endpoint_disabled"), now
            )
            return
        now = self.clock()
        sent = await send(
            self.client,
            str(stored.subscription.url),
            delivery,
            stored.live_secrets(utc(now)),
            now,
            self.settings.request_timeout_s,
            self.settings.max_response_bytes,
        )
        outcome = sent.attempt.verdict or "retry"
        done = self.clock()
        succeeded = outcome == "delivered"
        failing_since = (  # a success clears the mark when it settles, in the same round trip
            None
            if succeeded
            else await self.subscriptions.record_attempt(delivery.subscription_id, False, done)
        )
        delivery = delivery.model_copy(update={"attempts": [*delivery.attempts, sent.attempt]})
        decision = decide(
            outcome,
            delivery.attempts_in_round,
            sent.retry_after,
            failing_since,
            done,
            self.policy,
            self.rng,
        )
        DELIVERIES.labels(outcome, delivery.subscription_id).inc()
        log.info(
            "delivery_attempted",
            host=stored.subscription.url.host,
            status=sent.attempt.status,
            failure=sent.attempt.failure,
            error=sent.attempt.error,
            verdict=outcome,
            attempt=len(delivery.attempts),
            ms=round(sent.attempt.ms, 1),
            next=decision.action,
            retry_in_s=None if decision.retry_at is None else round(decision.retry_at - done, 3),
        )
        await self._settle(claimed, delivery, decision, done, succeeded)
        if decision.disable_reason and await self.subscriptions.disable(
            delivery.subscription_id, decision.disable_reason, utc(done)
        ):
            log.warning(
                "endpoint_disabled",
                host=stored.subscription.url.host,
                reason=decision.disable_reason,
            )

    async def _settle(
        self,
        claimed: Claimed,
        delivery: Delivery,
        decision: Decision,
        now: float,
        succeeded: bool = False,
    ) -> None:
        if decision.action != "retry":
            delivery = delivery.model_copy(
                update={
                    "state": "delivered" if decision.action == "done" else "dead",
                    "settled_at": utc(now),
                    "dead_reason": decision.dead_reason,
                }
            )
        owned = await self.outbox.settle(
            claimed,
            delivery,
            decision.action,
            decision.retry_at,
            decision.endpoint_not_before,
            succeeded=succeeded,
        )
        if not owned:
            log.warning("delivery_lease_lost", hint="the attempt outlived lease_s; it is retried")
        elif decision.action == "dead":
            log.warning(
                "delivery_dead_lettered",
                reason=decision.dead_reason,
                attempts=len(delivery.attempts),
            )
