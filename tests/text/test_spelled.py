"""Large figures an article spells out in words, read whole."""

from __future__ import annotations

from summarizer.text.spelled import spelled_figures


def test_a_figure_spelled_out_is_read_whole_and_in_millions() -> None:
    assert spelled_figures("un million trois cent mille personnes dans les rues", "fr") == {1_300_000, 1.3}
    assert spelled_figures("plus de deux millions de manifestants", "fr") == {2_000_000}


def test_a_scale_word_alone_or_a_figure_in_digits_adds_nothing() -> None:
    assert spelled_figures("1,1 million de manifestants, un million de tracts", "fr") == frozenset()
    assert spelled_figures("trois manifestants, 300 000 tracts", "fr") == frozenset()
    assert spelled_figures("un million trois cent mille", "xx") == frozenset()


def test_a_figure_in_words_joined_by_the_languages_and_is_read_whole() -> None:
    """'cuarenta y dos' is 42, 'vingt et un' 21; a figure in one word ('veinte') is the reader's already."""
    assert spelled_figures("esperaron cuarenta y dos minutos", "es") == {42}
    assert spelled_figures("vingt et un blessés", "fr") == {21}
    assert spelled_figures("veinte heridos", "es") == frozenset()
