"""The HTTP client of deliveries: TCP goes only to addresses the SSRF guard checked.

The guard sits in httpcore's network backend, below the URL: the request keeps its Host
header and TLS keeps its SNI and certificate check for the name, while the socket connects
to the very address that was checked (no second lookup a DNS rebinding could answer).
"""

from collections.abc import Iterable

import httpcore
import httpx
from httpcore import AsyncNetworkBackend, AsyncNetworkStream

from services.notifier.ssrf import AddressGuard

SocketOption = (
    tuple[int, int, int] | tuple[int, int, bytes | bytearray] | tuple[int, int, None, int]
)


class GuardedBackend(AsyncNetworkBackend):
    """A network backend that resolves through the guard and connects to a checked address."""

    def __init__(self, guard: AddressGuard, inner: AsyncNetworkBackend | None = None) -> None:
        self.guard = guard
        self.inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> AsyncNetworkStream:
        addresses = await self.guard.checked_addresses(host, port)
        error: Exception | None = None
        for ip in addresses:
            try:
                return await self.inner.connect_tcp(
                    str(ip), port, timeout, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        assert error is not None  # checked_addresses never returns an empty list
        raise error

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> AsyncNetworkStream:
        raise httpcore.ConnectError("webhooks never go to unix sockets")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


def guarded_transport(guard: AddressGuard, max_connections: int) -> httpx.AsyncHTTPTransport:
    """An httpx transport whose connections pass the guard; environment proxies are ignored."""
    transport = httpx.AsyncHTTPTransport(
        trust_env=False,
        limits=httpx.Limits(
            max_connections=max_connections, max_keepalive_connections=max_connections
        ),
    )
    pool = transport._pool
    if not isinstance(pool, httpcore.AsyncConnectionPool):  # pragma: no cover
        raise RuntimeError("httpx built no plain connection pool; cannot guard webhooks")
    # httpx has no public hook for the network backend; the pool hands this one to every connection
    pool._network_backend = GuardedBackend(guard, pool._network_backend)
    return transport


def delivery_client(guard: AddressGuard, max_connections: int) -> httpx.AsyncClient:
    """The client of every webhook attempt: guarded, no redirects, no proxies from the environment."""
    return httpx.AsyncClient(
        transport=guarded_transport(guard, max_connections),
        follow_redirects=False,
        trust_env=False,
    )
