"""`relwatch demo`: the whole pipeline on this machine, the seeds replayed, the alerts shown."""

import asyncio
import json
import secrets
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import redis
from redis.asyncio import Redis as AsyncRedis
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from schemas import Streams
from services.common.redis_server import LocalRedis, answers
from services.common.seeds import load_seed_articles
from services.ingest.replay import replay
from services.receiver import Received, WebhookReceiver
from services.stack import Stack, wait_idle


@contextmanager
def demo_redis(url: str | None, console: Console) -> Iterator[tuple[str, str]]:
    """A Redis and a key prefix of our own: REDIS_URL if it answers, else a private redis-server."""
    if url and answers(url):
        prefix = f"relwatch-demo-{secrets.token_hex(4)}"
        console.print(f"[dim]Redis: {url} (keys under {prefix}:, removed at the end)[/]")
        try:
            yield url, prefix
        finally:
            client = redis.Redis.from_url(url)
            for key in client.scan_iter(f"{prefix}:*", count=1000):
                client.delete(key)
        return
    with LocalRedis() as local:
        console.print(f"[dim]Redis: started a private redis-server on port {local.port}[/]")
        yield local.url, "relwatch"


def run_demo(
    seeds: Path, redis_url: str | None, speed: float | None, as_json: bool, console: Console
) -> list[Received]:
    articles = load_seed_articles(seeds)
    with (
        tempfile.TemporaryDirectory(prefix="relwatch-demo-") as tmp,
        demo_redis(redis_url, console) as (url, prefix),
        WebhookReceiver() as receiver,
    ):
        stack = Stack(url, Path(tmp) / "logs", api_key=secrets.token_urlsafe(16), key_prefix=prefix)
        try:
            with console.status("Starting ingest, extractor, alerts and notifier..."):
                stack.start()
            created = httpx.post(
                f"{stack.services['notifier'].url}/subscriptions",
                json={"url": receiver.url, "description": "relwatch demo receiver"},
                headers={"Authorization": f"Bearer {stack.api_key}"},
                timeout=10,
            )
            created.raise_for_status()
            receiver.secret = created.json()["secret"]
            _replay(url, prefix, articles, speed, console)
            with console.status("Waiting for the last alerts to be delivered..."):
                idle = wait_idle(redis.Redis.from_url(url), Streams(prefix), timeout=60)
            if not idle:
                console.print(
                    "[yellow]The pipeline was still busy after 60 s; showing what arrived.[/]"
                )
        finally:
            stack.stop()
        return sorted(receiver.received, key=_order)


def _replay(
    url: str, prefix: str, articles: list[Any], speed: float | None, console: Console
) -> None:
    async def go() -> None:
        client = AsyncRedis.from_url(url)
        with Progress(console=console, transient=True) as progress:
            task = progress.add_task("Replaying the seeds", total=len(articles))
            await replay(
                client,
                Streams(prefix),
                articles,
                speed=speed,
                maxlen=100_000,
                seen_ttl_s=0,
                on_published=lambda a, r: progress.advance(task),
            )
        await client.aclose()
        console.print(f"Replayed {len(articles)} articles.")

    asyncio.run(go())


def _order(r: Received) -> tuple[str, str, str]:
    data = r.payload["data"]
    return data["sources"][0]["published_at"], data["kind"], data["summary"]


def show(received: list[Received], as_json: bool, console: Console) -> None:
    if as_json:
        for r in received:
            print(
                json.dumps(
                    {"webhook_id": r.webhook_id, "verified": r.verified, **r.payload},
                    ensure_ascii=False,
                )
            )
        return
    table = Table(title="Alerts received by the demo webhook")
    for column in ("published", "kind", "summary", "sources", "signature"):
        table.add_column(column)
    for r in received:
        data = r.payload["data"]
        table.add_row(
            data["sources"][0]["published_at"][:10],
            data["kind"],
            data["summary"],
            str(data["source_count"]),
            "verified" if r.verified else "[red]BAD[/]",
        )
    console.print(table)
    console.print(
        f"{len(received)} alerts delivered, "
        f"{sum(r.verified for r in received)} with a verified signature."
    )
