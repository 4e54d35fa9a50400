"""Accepting articles: a content id, then one atomic dedup-and-append per article."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from redis.asyncio import Redis

from schemas import ArticleIn, ArticleIngested, Streams, article_id_for

# SET NX and XADD in one script: an article is either marked seen AND appended, or neither.
_PUBLISH_ONCE = """
local ttl = tonumber(ARGV[3])
local fresh
if ttl > 0 then
  fresh = redis.call('SET', KEYS[1], '1', 'NX', 'EX', ttl)
else
  fresh = redis.call('SET', KEYS[1], '1', 'NX')
end
if fresh then
  return redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', '__data__', ARGV[1])
end
return false
"""


@dataclass(frozen=True)
class Accepted:
    article_id: str
    status: Literal["accepted", "duplicate"]
    entry_id: str | None


def prepare(article: ArticleIn, now: datetime | None = None) -> ArticleIngested:
    """The stream message for a submitted article, with its content id."""
    return ArticleIngested(
        **article.model_dump(),
        article_id=article_id_for(article.title, article.text),
        ingested_at=now or datetime.now(UTC),
    )


async def publish_articles(
    redis: "Redis[Any]",
    streams: Streams,
    articles: Sequence[ArticleIn],
    *,
    maxlen: int,
    seen_ttl_s: int,
) -> list[Accepted]:
    """Append the articles not seen before to the articles stream, in order, in one round trip."""
    script = redis.register_script(_PUBLISH_ONCE)
    messages = [prepare(a) for a in articles]
    async with redis.pipeline(transaction=False) as pipe:
        for message in messages:
            await script(
                keys=[streams.key("seen", message.article_id), streams.articles],
                args=[message.model_dump_json(exclude_none=True), maxlen, seen_ttl_s],
                client=pipe,
            )
        results = await pipe.execute()
    return [
        Accepted(
            article_id=m.article_id,
            status="accepted" if entry else "duplicate",
            entry_id=entry.decode() if isinstance(entry, bytes) else entry or None,
        )
        for m, entry in zip(messages, results, strict=True)
    ]
