"""Union-find: the groups a set of pairs joins, in a stable order."""

from __future__ import annotations

from summarizer.text.groups import Groups, connected_groups


def test_pairs_join_into_groups_whatever_their_order():
    assert connected_groups([(3, 4), (0, 2), (4, 0)]) == [[0, 2, 3, 4]]
    assert connected_groups([(5, 6), (1, 2)]) == [[1, 2], [5, 6]]


def test_words_group_too_under_their_first_word():
    places: Groups[str] = Groups()
    places.join("maui", "lahaina")
    places.join("hawaii", "maui")
    places.root("kyiv")
    assert places.roots() == {"maui": "hawaii", "lahaina": "hawaii", "hawaii": "hawaii", "kyiv": "kyiv"}


def test_groups_of_chosen_members_include_the_lone_ones():
    groups: Groups[int] = Groups()
    groups.join(1, 3)
    assert groups.groups(range(4)) == [[0], [1, 3], [2]]
