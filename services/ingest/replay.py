"""Replay a folder of documents as a timed stream, in publication order."""

import asyncio
import itertools
from collections.abc import Callable, Sequence
from typing import Any

from schemas import ArticleIn, Streams
from services.ingest.publish import Accepted, publish_articles


def replay_delays(articles: Sequence[ArticleIn], speed: float | None) -> list[float]:
    """Seconds to wait before each article: the real gaps divided by `speed` (None: no waiting)."""
    if not speed:
        return [0.0] * len(articles)
    delays = [0.0]
    for before, after in itertools.pairwise(articles):
        delays.append(max(0.0, (after.published_at - before.published_at).total_seconds() / speed))
    return delays


async def replay(
    redis: Any,
    streams: Streams,
    articles: Sequence[ArticleIn],
    *,
    speed: float | None,
    maxlen: int,
    seen_ttl_s: int,
    on_published: Callable[[ArticleIn, Accepted], None] = lambda a, r: None,
) -> list[Accepted]:
    """Publish every article once, honouring the compressed gaps; returns what happened to each."""
    results: list[Accepted] = []
    for article, delay in zip(articles, replay_delays(articles, speed), strict=True):
        if delay:
            await asyncio.sleep(delay)
        [result] = await publish_articles(
            redis, streams, [article], maxlen=maxlen, seen_ttl_s=seen_ttl_s
        )
        on_published(article, result)
        results.append(result)
    return results
