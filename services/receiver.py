"""A real HTTP webhook receiver for the demo and the tests: verifies signatures, records deliveries."""

import asyncio
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from standardwebhooks import Webhook, WebhookVerificationError
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from services.common.redis_server import free_port


@dataclass
class Received:
    webhook_id: str
    timestamp: str
    signature: str
    body: str
    verified: bool
    at: float

    @property
    def payload(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.body)
        return data


@dataclass(frozen=True)
class Arrival:
    """One request as it arrived: when, its webhook-id and Host, the status chosen for it."""

    at: float
    webhook_id: str
    host: str
    status: int


@dataclass
class WebhookReceiver:
    """Runs uvicorn in a thread; `respond` picks the status code for each request (default 200)."""

    port: int = field(default_factory=free_port)
    secret: str | None = None
    respond: Callable[[Request, int], int] = lambda request, n: 200
    respond_headers: Callable[[Request, int], dict[str, str]] = lambda request, n: {}
    received: list[Received] = field(default_factory=list)
    arrivals: list["Arrival"] = field(default_factory=list)  # every request, whatever its answer
    requests: int = 0
    _server: uvicorn.Server | None = None
    _thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    async def _hook(self, request: Request) -> Response:
        body = (await request.body()).decode()
        self.requests += 1
        n = self.requests
        status = self.respond(request, n)
        self.arrivals.append(
            Arrival(
                time.time(),
                request.headers.get("webhook-id", ""),
                request.headers.get("host", ""),
                status,
            )
        )
        if status < 0:  # a negative status: hang for that many seconds, then answer 200
            try:
                await asyncio.sleep(-status)
            except asyncio.CancelledError:
                # the receiver is stopping (force_exit): drop the hung request quietly
                return Response(status_code=503)
            status = 200
        h = request.headers
        verified = False
        if self.secret:
            try:
                Webhook(self.secret).verify(body, dict(h))
                verified = True
            except WebhookVerificationError:
                verified = False
        if 200 <= status < 300:
            self.received.append(
                Received(
                    h.get("webhook-id", ""),
                    h.get("webhook-timestamp", ""),
                    h.get("webhook-signature", ""),
                    body,
                    verified,
                    time.time(),
                )
            )
        return Response(status_code=status, headers=self.respond_headers(request, n))

    def start(self) -> "WebhookReceiver":
        app = Starlette(routes=[Route("/hook", self._hook, methods=["POST"])])
        config = uvicorn.Config(
            app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off"
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("webhook receiver did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
            self._server.force_exit = True  # do not wait out requests a test left hanging
        if self._thread is not None:
            self._thread.join(timeout=5)

    def unique(self) -> dict[str, Received]:
        """Deliveries by webhook-id: what a receiver that dedupes on webhook-id keeps."""
        return {r.webhook_id: r for r in self.received}

    def __enter__(self) -> "WebhookReceiver":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
