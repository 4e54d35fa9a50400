"""The SSRF guard: which addresses a webhook may reach, and host resolution through a checked hook.

A destination is refused when it is loopback, private, link-local, shared (CGNAT), multicast,
reserved, unspecified or otherwise not globally routable, in IPv4 or IPv6, including IPv6
forms that embed an IPv4 address (mapped, 6to4, NAT64, Teredo) and IPv4 literals written in
decimal, hex or octal. Networks on the allowlist are reachable whatever they are.
"""

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field

IP = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str, int], Awaitable[list[IP]]]

CGNAT = ipaddress.ip_network("100.64.0.0/10")
NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))


class DestinationRefused(Exception):
    """Raised when a webhook URL's host is, or resolves to, an address the guard refuses."""


class Unresolvable(DestinationRefused):
    """Raised when a webhook URL's host resolves to no address at all."""


def _aton_part(part: str) -> int:
    """One part of an inet_aton literal: 0x hex, 0-led octal or decimal; raises ValueError."""
    if part.lower().startswith("0x"):
        return int(part[2:], 16)
    if len(part) > 1 and part.startswith("0"):
        return int(part[1:], 8)
    if not part.isdigit():
        raise ValueError(part)
    return int(part)


def parse_ip_literal(host: str) -> IP | None:
    """The address `host` spells, IPv6 in brackets or IPv4 in any inet_aton form, else None."""
    host = host.strip().rstrip(".")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    try:
        return ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        pass
    parts = host.split(".")
    if not 1 <= len(parts) <= 4:
        return None
    try:
        *head, last = [_aton_part(p) for p in parts]
    except ValueError:
        return None
    if any(not 0 <= n <= 255 for n in head) or not 0 <= last < 256 ** (5 - len(parts)):
        return None
    return ipaddress.IPv4Address(sum(n << (8 * (3 - i)) for i, n in enumerate(head)) + last)


def _embedded_v4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    found = [ip.sixtofour] if ip.sixtofour is not None else []
    if ip.teredo is not None:
        found.extend(ip.teredo)
    if any(ip in net for net in NAT64):
        found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return found


def refusal(ip: IP, allow: Sequence[Network] = ()) -> str | None:
    """Why a webhook may not reach `ip` ("loopback", "private", ...), or None when it may."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return refusal(ip.ipv4_mapped, allow)  # the very same destination as the IPv4 address
    if any(ip in net for net in allow if net.version == ip.version):
        return None
    if isinstance(ip, ipaddress.IPv6Address):
        for inner in _embedded_v4(ip):
            reason = refusal(inner, allow)
            if reason is not None:
                return f"{reason} (embedded in {ip})"
    checks = (
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("shared address space (CGNAT)", ip in CGNAT),
        ("reserved", ip.is_reserved),
        ("private", ip.is_private),
        ("site-local", isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local),
        ("not globally routable", not ip.is_global),
    )
    return next((name for name, hit in checks if hit), None)


async def system_resolver(host: str, port: int) -> list[IP]:
    """Every address the system resolver gives for `host` (A and AAAA)."""
    infos = await asyncio.get_running_loop().getaddrinfo(
        host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
    )
    return [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]


@dataclass(frozen=True)
class AddressGuard:
    """Resolves a host and hands back one address it checked; refuses if any address is refused."""

    allow: Sequence[Network] = ()
    resolver: Resolver = field(default=system_resolver)

    async def checked_addresses(self, host: str, port: int) -> list[IP]:
        """The addresses of `host`, all allowed; raises DestinationRefused otherwise."""
        literal = parse_ip_literal(host)
        if literal is not None:
            addresses = [literal]
        else:
            try:
                addresses = await self.resolver(host, port)
            except OSError as exc:
                raise Unresolvable(f"{host} does not resolve: {exc}") from exc
        if not addresses:
            raise Unresolvable(f"{host} resolves to no address")
        for ip in addresses:
            reason = refusal(ip, self.allow)
            if reason is not None:
                shown = host if literal is not None else f"{host} ({ip})"
                raise DestinationRefused(f"refused {shown}: {reason}")
        return addresses
