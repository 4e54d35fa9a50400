"""Generate the API documents into docs/: AsyncAPI of the streams, OpenAPI of the two HTTP APIs.

`python -m services.docs` writes them; `python -m services.docs --check` fails if they are stale
(a test runs the check). `faststream docs gen services.docs:app` gives the same AsyncAPI document.
"""

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from faststream import FastStream
from faststream.redis import RedisBroker
from faststream.specification import AsyncAPI

from schemas import AlertRaised, ArticleIngested, DeadLetter, EventsExtracted, Streams

DOCS = Path(__file__).resolve().parent.parent / "docs"
streams = Streams()
broker = RedisBroker("redis://localhost:6379/0", description="The Redis of a relwatch deployment")
_STREAMS = [
    (
        streams.articles,
        ArticleIngested,
        "Accepted articles, once per content id (ingest -> extractor).",
    ),
    (streams.events, EventsExtracted, "The events of one article (extractor -> alerts)."),
    (
        streams.alerts,
        AlertRaised,
        "Alert emissions: raised, then corroborated (alerts -> notifier).",
    ),
]
for _stream, _model, _text in _STREAMS:
    broker.publisher(_stream, schema=_model, title=_stream, description=_text)
    broker.publisher(
        streams.dead_letter(_stream),
        schema=DeadLetter,
        title=streams.dead_letter(_stream),
        description=f"Entries of {_stream} its consumer group could not process, with the reason.",
    )
app = FastStream(
    broker,
    specification=AsyncAPI(
        title="relwatch streams",
        version="0.1.0",
        description="Redis Streams of relwatch. Each entry holds one JSON message in its `__data__` field; "
        "each stream is read by one consumer group (extractor, alerts, notifier).",
    ),
)


def documents() -> dict[str, dict[str, Any]]:
    """Every generated document by file name."""
    os.environ.setdefault("RELWATCH_API_KEY", "docs")
    from services.ingest.app import app as ingest
    from services.notifier.app import app as notifier

    asyncapi = json.loads(app.schema.to_specification().to_json())
    return {
        "asyncapi.json": asyncapi,
        "openapi-ingest.json": ingest.openapi(),
        "openapi-notifier.json": notifier.openapi(),
    }


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if a document in docs/ is stale")
    args = parser.parse_args()
    stale = []
    for name, document in documents().items():
        path = DOCS / name
        text = render(document)
        if args.check:
            if not path.exists() or path.read_text() != text:
                stale.append(name)
        else:
            path.write_text(text)
            print(f"wrote {path}")
    if stale:
        sys.exit(f"stale API documents: {', '.join(stale)}; run `python -m services.docs`")


if __name__ == "__main__":
    main()
