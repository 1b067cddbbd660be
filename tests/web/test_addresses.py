"""Which addresses a fetch may reach: the public internet only, whatever form an address takes."""

from __future__ import annotations

import ipaddress

import pytest

from summarizer.web.addresses import is_public


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.215.14", True),
        ("2606:4700::1111", True),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("127.0.0.1", False),
        ("169.254.169.254", False),  # the cloud metadata service
        ("100.64.0.1", False),  # carrier-grade NAT
        ("0.0.0.0", False),
        ("224.0.0.1", False),
        ("240.0.0.1", False),
        ("::1", False),
        ("fe80::1", False),
        ("fc00::1", False),
        ("ff02::1", False),
        ("::ffff:127.0.0.1", False),  # loopback dressed as IPv6
        ("2002:7f00:1::", False),  # 6to4 of 127.0.0.1
    ],
)
def test_only_public_addresses_are_public(address, public):
    assert is_public(ipaddress.ip_address(address)) is public


@pytest.mark.parametrize(
    ("host", "address", "said"),
    [
        ("intranet.example", "10.0.0.5", "intranet.example is at 10.0.0.5,"),
        ("127.0.0.1", "127.0.0.1", "127.0.0.1 is"),  # not "127.0.0.1 is at 127.0.0.1"
        ("[::1]", "::1", "[::1] is"),
    ],
)
def test_a_refusal_names_the_address_only_when_the_host_is_not_it(host, address, said):
    from summarizer.web.addresses import Refused

    assert Refused(host, ipaddress.ip_address(address)).described == said
