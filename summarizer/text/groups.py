"""Union-find: which items a set of pairs joins into groups. One for the clustering of briefings into
stories, the disagreement finder's statements, quotes and names, and a story's place names."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Generic, TypeVar

__all__ = ["Groups", "connected_groups"]

#: What is grouped: indexes, or words.
Item = TypeVar("Item", int, str)


class Groups(Generic[Item]):
    """Disjoint groups of items (indexes or words), joined pair by pair. Each group's root is its
    smallest member, so the groups come out in a stable order whatever order the pairs were joined in."""

    def __init__(self) -> None:
        self._parent: dict[Item, Item] = {}

    def root(self, item: Item) -> Item:
        """The group's smallest member (path halving: later look-ups are shorter)."""
        parent = self._parent
        while parent.setdefault(item, item) != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def join(self, a: Item, b: Item) -> Item:
        """Put `a` and `b` in one group; its root."""
        first, second = self.root(a), self.root(b)
        parent = min(first, second)
        self._parent[max(first, second)] = parent
        return parent

    def roots(self) -> dict[Item, Item]:
        """Every item seen, with its group's root."""
        return {item: self.root(item) for item in list(self._parent)}

    def groups(self, members: Iterable[Item] | None = None) -> list[list[Item]]:
        """The groups of `members` (default: every item seen), each in increasing order, ordered by
        their smallest member."""
        found: dict[Item, list[Item]] = defaultdict(list)
        for item in sorted(self._parent if members is None else members):
            found[self.root(item)].append(item)
        return [found[key] for key in sorted(found)]


def connected_groups(pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The connected groups the pairs join, each in increasing order."""
    groups: Groups[int] = Groups()
    for a, b in pairs:
        groups.join(a, b)
    return groups.groups()
