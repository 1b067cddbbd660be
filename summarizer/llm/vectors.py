"""Embedding vectors as the API sends them: base64 of little-endian float32s."""

from __future__ import annotations

import array
import base64
import sys
from collections.abc import Sequence

__all__ = ["pack", "unpack"]


def pack(vector: Sequence[float]) -> str:
    """A vector as base64 of little-endian float32s: the API's own encoding."""
    packed = array.array("f", vector)
    if sys.byteorder == "big":
        packed.byteswap()
    return base64.b64encode(packed.tobytes()).decode("ascii")


def unpack(text: str) -> list[float]:
    """The vector in base64 of little-endian float32s; ValueError when it is not one."""
    packed = array.array("f")
    packed.frombytes(base64.b64decode(text, validate=True))
    if sys.byteorder == "big":
        packed.byteswap()
    return packed.tolist()
