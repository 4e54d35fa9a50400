"""HTTP pieces the API services share: body limit, health probes, metrics."""

import json
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import APIRouter, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class BodyLimitMiddleware:
    """Read the request body first: over `max_bytes` is 413, not UTF-8 is 422; nothing reaches the app.

    Buffering (at most `max_bytes`) also counts chunked bodies that declare no length.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "DELETE", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await _refuse(
                send, 413, f"request body is larger than {self.max_bytes} bytes", "body_too_large"
            )
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await _refuse(
                    send,
                    413,
                    f"request body is larger than {self.max_bytes} bytes",
                    "body_too_large",
                )
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        try:
            body.decode("utf-8")
        except UnicodeDecodeError as exc:
            await _refuse(
                send, 422, f"request body is not valid UTF-8 (byte {exc.start})", "encoding"
            )
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)


async def _refuse(send: Send, status: int, msg: str, kind: str) -> None:
    body = json.dumps({"detail": [{"loc": ["body"], "msg": msg, "type": kind}]}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json")],
        }
    )
    await send({"type": "http.response.body", "body": body})


def ops_router(ready: Callable[[], Awaitable[bool]]) -> APIRouter:
    """/health/live, /health/ready (503 when a dependency does not answer) and /metrics."""
    router = APIRouter(tags=["operations"])

    @router.get("/health/live", status_code=204)
    async def live() -> Response:
        return Response(status_code=204)

    @router.get("/health/ready", status_code=204, responses={503: {"description": "Redis down"}})
    async def is_ready() -> Response:
        return Response(status_code=204 if await ready() else 503)

    @router.get("/metrics", include_in_schema=False)
    async def metrics() -> Response:
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    return router


async def redis_ready(redis: Any) -> bool:
    try:
        return bool(await redis.ping())
    except Exception:
        return False
