"""POST /articles over real HTTP: valid articles are published once, bad bodies get a 4xx naming the field."""

import secrets
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import redis

from schemas import ArticleIngested, Streams
from services.common.streams import decode
from services.stack import Stack

pytestmark = pytest.mark.integration
GOOD = {
    "title": "Talks",
    "text": "Xi met Putin in Beijing on Friday.",
    "published_at": "2022-02-05",
}


@pytest.fixture(scope="module")
def ingest(
    redis_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Streams]]:
    streams = Streams(prefix=f"ing{secrets.token_hex(4)}")
    stack = Stack(
        redis_url,
        tmp_path_factory.mktemp("ingest"),
        api_key="k",
        key_prefix=streams.prefix,
        extra_env={"RELWATCH_MAX_BODY_BYTES": "4096"},
    )
    stack.start(["ingest"])
    yield stack.services["ingest"].url, streams
    stack.stop()


def stream_length(sync_redis: "redis.Redis[bytes]", streams: Streams) -> int:
    return int(sync_redis.xlen(streams.articles)) if sync_redis.exists(streams.articles) else 0


def test_valid_article_is_accepted_once(
    ingest: tuple[str, Streams], sync_redis: "redis.Redis[bytes]"
) -> None:
    """The first POST is 202 with a content id; the same article again is 200 'duplicate', not republished."""
    url, streams = ingest
    body = {**GOOD, "title": f"Talks {secrets.token_hex(3)}"}
    before = stream_length(sync_redis, streams)
    first = httpx.post(f"{url}/articles", json=body)
    again = httpx.post(f"{url}/articles", json=body)
    assert (first.status_code, first.json()["status"]) == (202, "accepted")
    assert (again.status_code, again.json()["status"]) == (200, "duplicate")
    assert first.json()["article_id"] == again.json()["article_id"]
    assert stream_length(sync_redis, streams) == before + 1
    [(_, fields)] = sync_redis.xrevrange(streams.articles, count=1)
    assert decode(fields, ArticleIngested).article_id == first.json()["article_id"]


@pytest.mark.parametrize(
    ("content", "headers", "status", "field", "rule"),
    [
        pytest.param(b'{"title": "x", ', {}, 422, "body", "JSON decode error", id="invalid-json"),
        pytest.param(
            {"title": "x", "published_at": "2022-01-01"},
            {},
            422,
            "text",
            "Field required",
            id="missing-text",
        ),
        pytest.param(
            {**GOOD, "text": ""}, {}, 422, "text", "at least 1 character", id="empty-text"
        ),
        pytest.param({**GOOD, "text": 42}, {}, 422, "text", "valid string", id="wrong-type"),
        pytest.param(
            {**GOOD, "published_at": "soon"}, {}, 422, "published_at", "datetime", id="bad-date"
        ),
        pytest.param(
            {**GOOD, "extra": 1},
            {},
            422,
            "extra",
            "Extra inputs are not permitted",
            id="unknown-field",
        ),
        pytest.param(
            {**GOOD, "text": "x" * 5000}, {}, 413, "body", "larger than 4096 bytes", id="too-large"
        ),
        pytest.param(
            b'{"title": "\xff\xfe", "text": "a", "published_at": "2022-01-01"}',
            {},
            422,
            "body",
            "not valid UTF-8",
            id="bad-encoding",
        ),
    ],
)
def test_bad_body_gets_a_4xx_naming_field_and_rule_and_writes_nothing(
    ingest: tuple[str, Streams],
    sync_redis: "redis.Redis[bytes]",
    content: Any,
    headers: dict[str, str],
    status: int,
    field: str,
    rule: str,
) -> None:
    """Each bad body is refused with the field and the rule; the stream does not grow."""
    url, streams = ingest
    before = stream_length(sync_redis, streams)
    if isinstance(content, bytes):
        response = httpx.post(
            f"{url}/articles", content=content, headers={"content-type": "application/json"}
        )
    else:
        response = httpx.post(f"{url}/articles", json=content)
    assert response.status_code == status
    details = response.json()["detail"]
    assert any(field in [str(p) for p in d["loc"]] and rule in d["msg"] for d in details), details
    assert stream_length(sync_redis, streams) == before


def test_streamed_body_over_the_limit_is_refused(ingest: tuple[str, Streams]) -> None:
    """A chunked body without Content-Length is counted as it arrives and refused past the limit."""
    url, _ = ingest

    def chunks() -> Iterator[bytes]:
        yield b'{"title": "t", "text": "'
        for _ in range(10):
            yield b"x" * 1000
        yield b'", "published_at": "2022-01-01"}'

    response = httpx.post(
        f"{url}/articles", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413


def test_openapi_document_describes_the_article_body(ingest: tuple[str, Streams]) -> None:
    """The OpenAPI document names POST /articles and the fields of its body."""
    url, _ = ingest
    spec = httpx.get(f"{url}/openapi.json").json()
    assert "post" in spec["paths"]["/articles"]
    assert set(spec["components"]["schemas"]["ArticleIn"]["required"]) == {
        "title",
        "text",
        "published_at",
    }
