"""A response's body: read as it streams, decompressed and never past its limit; then decoded to text by
its declared charset (header, meta tag, XML declaration), else UTF-8."""

from __future__ import annotations

import codecs
import re
import zlib
from email.message import Message

import httpx2

from ..errors import InputError
from ..models import FailureKind

__all__ = [
    "ENCODINGS",
    "declared_charset",
    "decode_text",
    "fetch_error",
    "media_type",
    "read_body",
    "size_text",
]


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""")


def media_type(headers: httpx2.Headers) -> str:
    return headers.get("content-type", "").split(";")[0].strip().lower()


def decode_text(body: bytes, headers: httpx2.Headers) -> str:
    """Text from the charset the server names, else a byte order mark, an XML declaration or an HTML
    meta tag; else UTF-8. Bytes that do not decode become U+FFFD, never an error."""
    message = Message()
    message["content-type"] = headers.get("content-type", "")
    named = message.get_param("charset")
    candidates = [named] if isinstance(named, str) else []
    if body.startswith(codecs.BOM_UTF8):
        candidates.insert(0, "utf-8-sig")
    elif body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates.insert(0, "utf-16")
    head = body[:4096]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        found = pattern.search(head)
        if found:
            candidates.append(found[1].decode("ascii"))
    for name in candidates:
        try:  # a name a server chose: not every codec is a text encoding (zlib, rot13 raise here)
            return body.decode(name, errors="replace")
        except (LookupError, ValueError):
            continue
    return body.decode("utf-8", errors="replace")


def declared_charset(body: bytes) -> str | None:
    """The charset a page or feed declares in its first 4 KiB: its XML declaration's, else a meta tag's."""
    head = body[:4096]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        if found := pattern.search(head):
            return found[1].decode("ascii")
    return None


ENCODINGS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}


def fetch_error(url: str, reason: str, kind: FailureKind = "unreachable") -> InputError:
    return InputError(url, reason, kind)


async def read_body(url: str, response: httpx2.Response, limit: int, *, truncate: bool) -> bytes:
    """The body, decompressed as it streams in, never past `limit` bytes: an InputError beyond it (or,
    with `truncate`, what fits)."""
    too_large = fetch_error(url, f"larger than {size_text(limit)}: not read past that", "too large")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit and not truncate:
        raise too_large
    coding = response.headers.get("content-encoding", "identity").strip().lower()
    if coding not in ("identity", "", *ENCODINGS):
        raise fetch_error(url, f"unsupported content-encoding {coding}", "unreadable")
    inflate = zlib.decompressobj(ENCODINGS[coding]) if coding in ENCODINGS else None
    body = bytearray()
    try:
        async for chunk in response.aiter_raw():
            pending = chunk
            while pending:
                if inflate is None:
                    piece, pending = pending, b""
                else:  # at most what still fits, plus one byte to know it overflows
                    piece = inflate.decompress(pending, limit - len(body) + 1)
                    pending = inflate.unconsumed_tail
                body += piece
                if len(body) > limit:
                    if truncate:
                        return bytes(body[:limit])
                    raise too_large
                if inflate is not None and not piece:
                    break
    except zlib.error as error:
        raise fetch_error(url, f"a broken {coding} body: {error}", "unreadable") from None
    return bytes(body)


def size_text(limit: int) -> str:
    return f"{limit / 2**20:g} MiB" if limit >= 2**20 else f"{limit / 1024:g} KiB"
