"""The SSRF guard: the address matrix, literal forms, the allowlist, and resolution through a hook."""

import ipaddress

import pytest

from services.notifier.ssrf import (
    IP,
    AddressGuard,
    DestinationRefused,
    Unresolvable,
    parse_ip_literal,
    refusal,
)

LOOPBACK_ALLOWED = [ipaddress.ip_network("127.0.0.0/8"), ipaddress.ip_network("::1/128")]


@pytest.mark.parametrize(
    ("host", "reason"),
    [
        pytest.param("127.0.0.1", "loopback", id="127.0.0.1"),
        pytest.param("[::1]", "loopback", id="[::1]"),
        pytest.param("::ffff:127.0.0.1", "loopback", id="::ffff:127.0.0.1-mapped"),
        pytest.param("[::ffff:7f00:1]", "loopback", id="mapped-hex-form"),
        pytest.param("2130706433", "loopback", id="decimal-2130706433"),
        pytest.param("0x7f000001", "loopback", id="hex-0x7f000001"),
        pytest.param("0177.0.0.1", "loopback", id="octal-0177.0.0.1"),
        pytest.param("127.1", "loopback", id="short-127.1"),
        pytest.param("0x7f.1", "loopback", id="mixed-0x7f.1"),
        pytest.param("10.0.0.1", "private", id="10.0.0.1"),
        pytest.param("172.16.5.4", "private", id="172.16.5.4"),
        pytest.param("192.168.1.1", "private", id="192.168.1.1"),
        pytest.param("100.64.0.1", "shared address space (CGNAT)", id="cgnat-100.64.0.1"),
        pytest.param("169.254.169.254", "link-local", id="metadata-169.254.169.254"),
        pytest.param("fe80::1", "link-local", id="fe80::1"),
        pytest.param("fc00::1", "private", id="fc00::1-unique-local"),
        pytest.param("fd12:3456::1", "private", id="fd-unique-local"),
        pytest.param("fec0::1", "site-local", id="fec0::1-site-local"),
        pytest.param("224.0.0.1", "multicast", id="224.0.0.1"),
        pytest.param("ff02::1", "multicast", id="ff02::1"),
        pytest.param("240.0.0.1", "reserved", id="240.0.0.1-reserved"),
        pytest.param("0.0.0.0", "unspecified", id="0.0.0.0"),
        pytest.param("::", "unspecified", id="::"),
        pytest.param("255.255.255.255", "reserved", id="broadcast"),
        pytest.param("192.0.2.1", "private", id="documentation"),
        pytest.param("::ffff:10.0.0.1", "private", id="mapped-private"),
        pytest.param(
            "64:ff9b::a00:1", "private (embedded in 64:ff9b::a00:1)", id="nat64-of-10.0.0.1"
        ),
        pytest.param(
            "2002:7f00:1::", "loopback (embedded in 2002:7f00:1::)", id="6to4-of-127.0.0.1"
        ),
        pytest.param("2001::1", "unspecified (embedded in 2001::1)", id="teredo-server-0.0.0.0"),
        pytest.param("93.184.216.34", None, id="public-ipv4"),
        pytest.param("8.8.8.8", None, id="public-8.8.8.8"),
        pytest.param("[2606:4700::1111]", None, id="public-ipv6"),
        pytest.param("::ffff:8.8.8.8", None, id="mapped-public"),
    ],
)
def test_address_matrix(host: str, reason: str | None) -> None:
    """Each literal parses to its address and is refused with its category, or allowed if public."""
    ip = parse_ip_literal(host)
    assert ip is not None
    assert refusal(ip) == reason


@pytest.mark.parametrize(
    "host",
    [
        pytest.param("example.com", id="name"),
        pytest.param("08.1.1.1", id="bad-octal-is-a-name"),
        pytest.param("1.2.3.256", id="part-too-large"),
        pytest.param("1.2.3.4.5", id="five-parts"),
        pytest.param("0x", id="empty-hex"),
        pytest.param("", id="empty"),
        pytest.param("4294967296", id="beyond-32-bits"),
    ],
)
def test_non_literals_are_left_to_the_resolver(host: str) -> None:
    """What is no IP literal in any inet_aton form is a name, resolved and checked later."""
    assert parse_ip_literal(host) is None


@pytest.mark.parametrize(
    ("host", "reason"),
    [
        pytest.param("127.0.0.1", None, id="loopback-allowed"),
        pytest.param("::ffff:127.0.0.1", None, id="mapped-loopback-allowed"),
        pytest.param("[::1]", None, id="ipv6-loopback-allowed"),
        pytest.param("10.0.0.1", "private", id="private-still-refused"),
        pytest.param("169.254.169.254", "link-local", id="metadata-still-refused"),
    ],
)
def test_allowlist_opens_only_its_networks(host: str, reason: str | None) -> None:
    """The demo's allowlist (loopback) opens loopback in every form and nothing else."""
    ip = parse_ip_literal(host)
    assert ip is not None
    assert refusal(ip, LOOPBACK_ALLOWED) == reason


def resolver(table: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    async def resolve(host: str, port: int) -> list[IP]:
        if host not in table:
            raise OSError(f"[Errno -2] Name or service not known: {host}")
        return [ipaddress.ip_address(a) for a in table[host]]

    return resolve


DNS = {
    "hooks.example": ["93.184.216.34", "2606:2800:220:1::1"],
    "internal.example": ["10.0.0.1"],
    "mixed.example": ["93.184.216.34", "192.168.0.10"],
    "metadata.example": ["169.254.169.254"],
    "localhost": ["127.0.0.1", "::1"],
    "empty.example": [],
}


@pytest.mark.parametrize(
    ("host", "allow", "outcome"),
    [
        pytest.param(
            "hooks.example", [], ["93.184.216.34", "2606:2800:220:1::1"], id="public-name"
        ),
        pytest.param(
            "internal.example",
            [],
            "refused internal.example (10.0.0.1): private",
            id="name-resolving-private",
        ),
        pytest.param(
            "mixed.example",
            [],
            "refused mixed.example (192.168.0.10): private",
            id="any-private-address-refuses",
        ),
        pytest.param(
            "metadata.example",
            [],
            "refused metadata.example (169.254.169.254): link-local",
            id="name-resolving-metadata",
        ),
        pytest.param("localhost", [], "refused localhost (127.0.0.1): loopback", id="localhost"),
        pytest.param(
            "localhost", LOOPBACK_ALLOWED, ["127.0.0.1", "::1"], id="localhost-allowlisted"
        ),
        pytest.param("2130706433", [], "refused 2130706433: loopback", id="literal-skips-dns"),
    ],
)
async def test_guard_resolves_and_checks_every_address(
    host: str, allow: list[ipaddress.IPv4Network | ipaddress.IPv6Network], outcome: object
) -> None:
    """The guard hands back only checked addresses, and refuses a host if any address is refused."""
    guard = AddressGuard(allow=allow, resolver=resolver(DNS))
    if isinstance(outcome, str):
        with pytest.raises(DestinationRefused) as refused:
            await guard.checked_addresses(host, 443)
        assert str(refused.value) == outcome
    else:
        assert [str(ip) for ip in await guard.checked_addresses(host, 443)] == outcome


@pytest.mark.parametrize("host", ["nowhere.example", "empty.example"])
async def test_unresolvable_hosts_are_told_apart(host: str) -> None:
    """A name with no address is refused as Unresolvable (the API lets it pass; attempts do not)."""
    guard = AddressGuard(resolver=resolver(DNS))
    with pytest.raises(Unresolvable):
        await guard.checked_addresses(host, 443)
