"""The API documents in docs/ are current: regenerate with `python -m services.docs`."""

import pytest

from services.docs import DOCS, documents, render


@pytest.mark.parametrize("name", ["asyncapi.json", "openapi-ingest.json", "openapi-notifier.json"])
def test_committed_document_is_current(name: str) -> None:
    """The committed document equals what the code generates now."""
    generated = documents()[name]
    assert (DOCS / name).read_text() == render(generated), (
        f"docs/{name} is stale: run python -m services.docs"
    )


def test_asyncapi_documents_every_stream_and_its_message() -> None:
    """Each stream and its dead-letter stream is a channel whose message has a payload schema."""
    spec = documents()["asyncapi.json"]
    for stream in ("relwatch:articles", "relwatch:events", "relwatch:alerts"):
        assert stream in spec["channels"]
        assert f"{stream}:dlq" in spec["channels"]
    schemas = spec["components"]["schemas"]
    assert {"ArticleIngested", "EventsExtracted", "AlertRaised", "DeadLetter"} <= set(schemas)
