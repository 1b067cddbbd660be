"""How alike two statements are, by the words they share."""

from __future__ import annotations

from collections.abc import Set

__all__ = ["jaccard"]


def jaccard(a: Set[str], b: Set[str]) -> float:
    """The share of their words two statements have in common (Jaccard): 0 when either has none."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0
