"""The guarded transport: TCP goes to the address that was checked, the URL's name stays in Host."""

import ipaddress
from collections.abc import Iterator

import httpcore
import pytest

from services.notifier.ssrf import IP, AddressGuard, DestinationRefused
from services.notifier.transport import GuardedBackend, delivery_client
from services.receiver import WebhookReceiver

LOOPBACK = [ipaddress.ip_network("127.0.0.0/8")]


class RecordingBackend(httpcore.AsyncNetworkBackend):
    """Stands in for the network: records where it was asked to connect, then fails."""

    def __init__(self) -> None:
        self.connects: list[str] = []

    async def connect_tcp(
        self, host: str, port: int, *args: object, **kwargs: object
    ) -> httpcore.AsyncNetworkStream:
        self.connects.append(host)
        raise httpcore.ConnectError("recorded")


def rebinding_resolver(answers: list[str]):  # type: ignore[no-untyped-def]
    """A DNS that answers differently each time it is asked, as a rebinding attacker's would."""
    queue = list(answers)

    async def resolve(host: str, port: int) -> list[IP]:
        return [ipaddress.ip_address(queue.pop(0))]

    return resolve


async def test_connects_to_the_checked_address_not_a_second_lookup() -> None:
    """One lookup is checked and connected to; a rebinding second answer is never asked for."""
    inner = RecordingBackend()
    guard = AddressGuard(resolver=rebinding_resolver(["93.184.216.34", "127.0.0.1"]))
    with pytest.raises(httpcore.ConnectError):
        await GuardedBackend(guard, inner).connect_tcp("rebind.example", 443)
    assert inner.connects == ["93.184.216.34"]


@pytest.mark.parametrize(
    "answer",
    [
        pytest.param("10.0.0.1", id="private"),
        pytest.param("169.254.169.254", id="metadata"),
        pytest.param("::ffff:127.0.0.1", id="mapped-loopback"),
    ],
)
async def test_refused_addresses_are_never_connected(answer: str) -> None:
    """A name resolving to a refused address raises before any socket is opened."""
    inner = RecordingBackend()
    guard = AddressGuard(resolver=rebinding_resolver([answer]))
    with pytest.raises(DestinationRefused):
        await GuardedBackend(guard, inner).connect_tcp("internal.example", 80)
    assert inner.connects == []


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    with WebhookReceiver() as r:
        yield r


async def test_real_request_keeps_the_name_in_host(receiver: WebhookReceiver) -> None:
    """Through the real client a name resolved to an allowed address arrives with its own Host."""
    guard = AddressGuard(allow=LOOPBACK, resolver=rebinding_resolver(["127.0.0.1"]))
    async with delivery_client(guard, 4) as client:
        response = await client.post(f"http://hooks.test:{receiver.port}/hook", content=b"{}")
    assert response.status_code == 200
    assert [a.host for a in receiver.arrivals] == [f"hooks.test:{receiver.port}"]


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("http://127.0.0.1:{port}/hook", id="loopback-literal"),
        pytest.param("http://2130706433:{port}/hook", id="decimal-literal"),
        pytest.param("http://0x7f000001:{port}/hook", id="hex-literal"),
        pytest.param("http://[::ffff:127.0.0.1]:{port}/hook", id="mapped-literal"),
        pytest.param("http://localhost:{port}/hook", id="localhost-name"),
    ],
)
async def test_real_client_refuses_loopback_without_the_allowlist(
    receiver: WebhookReceiver, url: str
) -> None:
    """Without an allowlist the real client refuses loopback in every spelling; nothing arrives."""
    async with delivery_client(AddressGuard(), 4) as client:
        with pytest.raises(DestinationRefused):
            await client.post(url.format(port=receiver.port), content=b"{}")
    assert receiver.requests == 0


async def test_redirect_to_an_internal_address_is_not_followed(receiver: WebhookReceiver) -> None:
    """A 302 to an internal address comes back as the answer; the client goes nowhere else."""
    receiver.respond = lambda request, n: 302
    receiver.respond_headers = lambda request, n: {"location": "http://169.254.169.254/latest"}
    guard = AddressGuard(allow=LOOPBACK)
    async with delivery_client(guard, 4) as client:
        response = await client.post(receiver.url, content=b"{}")
    assert (response.status_code, response.headers["location"]) == (
        302,
        "http://169.254.169.254/latest",
    )
    assert receiver.requests == 1


async def test_environment_proxies_are_ignored(
    receiver: WebhookReceiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    """HTTP_PROXY in the environment cannot route webhooks around the guard: they go direct."""
    monkeypatch.setenv("HTTP_PROXY", "http://192.0.2.1:3128")
    monkeypatch.setenv("ALL_PROXY", "http://192.0.2.1:3128")
    async with delivery_client(AddressGuard(allow=LOOPBACK), 4) as client:
        response = await client.post(receiver.url, content=b"{}", timeout=5)
    assert (response.status_code, receiver.requests) == (200, 1)
