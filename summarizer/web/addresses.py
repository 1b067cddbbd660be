"""Which addresses a fetch may reach, and a connection that reaches only those it checked.

The host of every URL is resolved here, every address it resolves to is checked (public only, unless
the caller allows more), and the connection is made to an address that was checked: no second DNS
answer (rebinding) can slip between the check and the connect.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Callable, Iterable
from typing import Any

import httpcore2
import httpx2

__all__ = ["CheckedBackend", "IPAddress", "Refused", "Unresolvable", "checked_transport", "is_public"]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def is_public(address: IPAddress) -> bool:
    """Whether an address is on the public internet: not private, loopback, link-local, multicast,
    reserved, shared (CGNAT) or unspecified, nor an IPv4 one of those dressed as IPv6."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is not None:
            return is_public(embedded)
    return address.is_global and not (address.is_multicast or address.is_reserved)


class Refused(Exception):
    """Raised from inside the connection: the host resolves to an address that is not allowed."""

    def __init__(self, host: str, address: IPAddress) -> None:
        super().__init__(host, address)
        self.host = host
        self.address = address

    @property
    def described(self) -> str:
        """What the refusal says of the host, before "a private ... address": 'intranet.example is at
        10.0.0.5,', or '127.0.0.1 is' when the host is the address itself."""
        bare = self.host.strip("[]")
        return f"{self.host} is" if bare == str(self.address) else f"{self.host} is at {self.address},"


class Unresolvable(Exception):
    """Raised from inside the connection: DNS has no address for the host."""

    def __init__(self, host: str, detail: str) -> None:
        super().__init__(host, detail)
        self.host = host
        self.detail = detail


class CheckedBackend(httpcore2.AsyncNetworkBackend):
    """Resolves a host itself, checks every address, and connects to one it checked: the address check
    and the connection see the same DNS answer."""

    def __init__(self, allowed: Callable[[IPAddress], bool]) -> None:
        self._allowed = allowed
        self._backend = httpcore2.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore2.AsyncNetworkStream:
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except socket.gaierror as error:
            raise Unresolvable(host, error.strerror or str(error)) from None
        addresses = list(dict.fromkeys(ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos))
        for address in addresses:
            if not self._allowed(address):
                raise Refused(host, address)
        last: Exception | None = None
        for address in addresses:
            try:
                return await self._backend.connect_tcp(
                    str(address), port, timeout, local_address, socket_options
                )
            except (httpcore2.ConnectError, httpcore2.ConnectTimeout) as error:
                last = error
        raise last or Unresolvable(host, "no address")

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore2.AsyncNetworkStream:
        raise Unresolvable(path, "unix sockets are not fetched")

    async def sleep(self, seconds: float) -> None:
        await self._backend.sleep(seconds)


def checked_transport(allowed: Callable[[IPAddress], bool], connections: int) -> httpx2.AsyncHTTPTransport:
    """httpx2's transport with its connection pool built on the checked backend (httpx2 does not take
    a network backend itself). Proxies from the environment are not used: they would resolve the host
    where no check can see it. SSL_CERT_FILE / SSL_CERT_DIR are: an intranet's own CA."""
    transport = httpx2.AsyncHTTPTransport(trust_env=False)
    transport._pool = httpcore2.AsyncConnectionPool(
        ssl_context=httpx2.create_ssl_context(trust_env=True),
        max_connections=connections,
        max_keepalive_connections=connections,
        keepalive_expiry=5.0,
        network_backend=CheckedBackend(allowed),
    )
    return transport
