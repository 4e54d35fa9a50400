"""Accepting articles: a content id, then one atomic dedup-and-append per article."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from schemas import ArticleIn, ArticleIngested, Streams, article_id_for

# For each article, SET NX and XADD in one script: an article is either marked seen AND appended,
# or neither. One call per batch: KEYS = stream, seen keys...; ARGV = maxlen, ttl, payloads...
# (a script, not a pipeline of scripts, so that it also runs on Redis Cluster: the keys share
# the prefix's hash tag). A duplicate's result is "".
_PUBLISH_ONCE = """
local maxlen, ttl = ARGV[1], tonumber(ARGV[2])
local results = {}
for i = 2, #KEYS do
  local fresh
  if ttl > 0 then
    fresh = redis.call('SET', KEYS[i], '1', 'NX', 'EX', ttl)
  else
    fresh = redis.call('SET', KEYS[i], '1', 'NX')
  end
  if fresh then
    results[i - 1] = redis.call('XADD', KEYS[1], 'MAXLEN', '~', maxlen, '*', '__data__', ARGV[i + 1])
  else
    results[i - 1] = ''
  end
end
return results
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
    redis: Any,
    streams: Streams,
    articles: Sequence[ArticleIn],
    *,
    maxlen: int,
    seen_ttl_s: int,
) -> list[Accepted]:
    """Append the articles not seen before to the articles stream, in order, in one script call."""
    messages = [prepare(a) for a in articles]
    if not messages:
        return []
    script = redis.register_script(_PUBLISH_ONCE)
    results = await script(
        keys=[streams.articles, *(streams.key("seen", m.article_id) for m in messages)],
        args=[maxlen, seen_ttl_s, *(m.model_dump_json(exclude_none=True) for m in messages)],
    )
    return [
        Accepted(
            article_id=m.article_id,
            status="accepted" if entry else "duplicate",
            entry_id=(entry.decode() if isinstance(entry, bytes) else entry) or None,
        )
        for m, entry in zip(messages, results, strict=True)
    ]
