"""One utterance quoted in other words by two outlets."""

from __future__ import annotations

from summarizer.disagree import quotations, quote_disagreements


def test_the_passages_a_statement_quotes():
    assert quotations('Musk tweeted "the bird is freed" hours later') == ["the bird is freed"]
    assert quotations('He said "no" twice') == []  # too short to be compared


def test_one_utterance_worded_apart_is_shown_with_each_wording():
    [found] = quote_disagreements(
        [("A", "the bird is free", "s1"), ("B", "the bird is freed", "s2"), ("B", "the bird is freed", "s3")]
    )
    assert [(r.value, r.sources) for r in found.reports] == [
        ('"the bird is free"', ["A"]),
        ('"the bird is freed"', ["B"]),
    ]


def test_a_fragment_and_another_saying_are_no_disagreement():
    assert (
        quote_disagreements(
            [("A", "under the rubble", "s"), ("B", "our neighbours are under the rubble", "t")]
        )
        == []
    )
    assert (
        quote_disagreements(
            [("A", "we will rebuild this town", "s"), ("B", "nobody expected the storm", "t")]
        )
        == []
    )


def test_a_wording_with_a_word_inserted_is_still_one_utterance():
    # Labelled in benchmarks/corpus: Montasir Itri, quoted by two outlets.
    found = quote_disagreements(
        [
            ("A", "Our neighbours are under the rubble", "s"),
            ("B", "Our neighbors are trapped under the rubble, and people are trying to rescue them", "t"),
        ]
    )
    assert len(found) == 1


def test_one_wording_with_a_name_spelt_another_way_is_no_disagreement():
    # fresh-g (issue #27): the Vatican's statement, 'Mater Ecclesiae' and 'Mater Ecclesia', '9:34' and
    # '9.34'; a fragment of the singer's plea with 'Asovstal' for 'Azovstal'.
    statement = (
        "With pain I inform that Pope Emeritus Benedict XVI died today at {} in the Mater {} Monastery."
    )
    quoted = [
        ("Irish Examiner", statement.format("9:34", "Ecclesiae"), ""),
        ("The Times", statement.format("9.34", "Ecclesia"), ""),
    ]
    assert quote_disagreements(quoted) == []
    plea = [
        ("A", "Please help Ukraine, Mariupol, help Asovstal - right now", ""),
        ("B", "help Azovstal right now", ""),
    ]
    assert quote_disagreements(plea) == []
    # A word of its own, however short the difference, is still another wording.
    assert len(quote_disagreements([("A", "The bird is free", ""), ("B", "the bird is freed", "")])) == 1
