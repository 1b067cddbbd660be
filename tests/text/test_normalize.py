"""Folding, content words and names: what lets two outlets' wordings of one thing meet."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.text.normalize import (
    clear_caches,
    content_words,
    fold,
    name_key,
    plain,
    stem_word,
    surname,
    undoubled,
    words,
)


def test_fold_makes_quotes_dashes_and_letters_plain():
    assert fold("Støre\u2019s \u201cfinal\u201d\u2014offer") == 'store\'s "final" - offer'
    assert plain("a  \u2013 b") == "a - b"


def test_content_words_are_stemmed_so_that_forms_of_one_word_meet():
    assert list(words("The rescuers were killed")) == ["rescuer", "kill"]
    assert content_words("deaths rose") & content_words("one death") == {"death"}


def test_a_surname_skips_titles_descriptions_and_suffixes():
    assert surname("President Donald Trump") == "trump"
    assert surname("Greg McBride, senior vice president for Bankrate") == "mcbride"
    assert surname("Martin Luther King Jr.") == "king"
    assert surname("Vinicius Jr") == "vinicius"
    assert surname("the") is None


def test_spellings_of_one_name_share_a_key():
    assert name_key("President Volodymyr Zelenskyy") == name_key("Zelensky")


def test_clear_caches_forgets_what_was_read():
    content_words("a cached statement about bridges")
    assert content_words.cache_info().currsize > 0
    clear_caches()
    assert content_words.cache_info().currsize == 0


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab\n _é", max_size=14))
def test_doubled_letters_fold_as_a_run_of_one_letter_left_once(word: str) -> None:
    # Deleted without a template (normalize._DOUBLED): the same as replacing each run by its letter.
    assert undoubled(word) == re.sub(r"(.)\1+", r"\1", word)


#: A word as words() finds it (normalize._WORD: never starting with an apostrophe), ending in a digit.
_DIGIT_ENDED = r"[a-z0-9]{1,6}(?:[.,'][a-z0-9]{1,4})?(?:ing|ed|ies|s|ly|y|ational)?[0-9]{1,3}"


@settings(max_examples=300, deadline=None)
@given(st.from_regex(_DIGIT_ENDED, fullmatch=True))
def test_a_word_that_ends_in_a_digit_is_its_own_stem_as_the_stemmer_has_it(word: str) -> None:
    assert stem_word(word) == word


def test_words_are_stemmed_by_snowballs_stemmers_in_c():
    # pystemmer is declared: snowballstemmer hands its stemmers over to it when it is installed (the
    # same stems; the pure-Python ones cost a third of a small merge from cold).
    from summarizer.text import normalize

    assert type(normalize._STEMMER).__module__ == "Stemmer"
    assert [normalize.stem_word(w) for w in ("killed", "killings", "deaths")] == ["kill", "kill", "death"]
