"""Folding, content words and names: what lets two outlets' wordings of one thing meet."""

from __future__ import annotations

from summarizer.text.normalize import clear_caches, content_words, fold, name_key, plain, surname, words


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
