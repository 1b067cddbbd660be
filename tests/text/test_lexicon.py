"""The word lists as data: every list of every shipped language reads, and what they hold is what the
checks use (a speech verb in the file makes an attribution)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from summarizer.grounding.check import ArticleFacts, attributed_to
from summarizer.text import lexicon
from summarizer.text.lexicon import LANGUAGES, alternation, table, word_list, word_set

DATA = Path(lexicon.__file__).parent / "data"


def _lists(lang: str) -> list[str]:
    return sorted(path.stem for path in (DATA / lang).glob("*.txt"))


#: What the check reads in an article of any shipped language: its figures and number words, its days.
READ_IN_EVERY_LANGUAGE = ["months", "number_words", "ordinal_words", "relative_days", "stopwords", "weekdays"]


def test_every_shipped_language_has_a_folder_with_what_the_check_reads():
    shipped = ("de", "en", "es", "fr", "it", "nl", "pt")
    assert tuple(sorted(path.name for path in DATA.iterdir() if path.is_dir())) == shipped
    assert sorted(LANGUAGES) == ["de", "en", "es", "fr", "it", "nl", "pt"]
    first = _lists("en")
    assert len(first) >= 15
    for lang in LANGUAGES:
        # A glossary translates into the language: English needs none. German joins a part of the day
        # to a weekday ('Mittwochmorgen'). English marks its times of day with 'p.m.' (clock_words), the
        # others with a word ('19 heures', 'um 20 Uhr': clock_marks). Italian, German and Dutch write an
        # age as one word with its number ('undicenne', 'elfjährige': age_endings), Dutch any count
        # ('vierbaans': compound_endings); Dutch opens what was said with 'dat' after an inverted speaker
        # ('zei minister Salvini al dat': said_that). French speaks 'par la voix de' its leader, no count
        # of votes (not_quantities).
        others = {
            *first,
            "glossary",
            "day_parts",
            "clock_marks",
            "age_endings",
            "compound_endings",
            "said_that",
            "not_quantities",
        }
        assert set(READ_IN_EVERY_LANGUAGE) <= set(_lists(lang)) <= others, lang


@pytest.mark.parametrize(("lang", "name"), [(lang, name) for lang in LANGUAGES for name in _lists(lang)])
def test_each_list_reads_without_comments_blanks_or_repeats(lang, name):
    entries = word_list(name, lang)
    assert entries, f"{name} is empty"
    assert all(entry == entry.strip() and not entry.startswith("#") for entry in entries)
    # A table's key is its first word ('january 1'); a list of forms' is its first form ('United
    # States | US | ...').
    keys = [entry.split("|")[0].strip() if "|" in entry else entry.split()[0] for entry in entries]
    assert len(keys) == len(set(keys)), f"{name} repeats an entry"


def test_tables_map_a_word_to_its_value():
    assert table("months")["september"] == "9" and table("months")["sept"] == "9"
    assert table("tolls")["fatalities"] == "dead"
    assert table("number_words")["dozen"] == "12"
    assert word_list("weekdays")[0] == "monday" and len(word_list("weekdays")) == 7
    assert "said" in word_set("speech_verbs") and "mr" in word_set("honorifics")


def test_an_alternation_tries_the_longest_word_first():
    # 'say' tried before 'says' would match 'says' as 'say', leaving the 's' behind.
    found = re.match(alternation("speech_verbs"), "says so")
    assert found is not None and found[0] == "says"


def test_a_language_not_shipped_is_named_as_missing():
    with pytest.raises(FileNotFoundError):
        word_list("speech_verbs", "xx")


def test_a_speech_verb_from_the_list_attributes_a_quotation():
    # 'insisted' is in speech_verbs.txt: the quotation is Ruiz's, not Lopez's whom the article names first.
    text = 'Mayor Ana Lopez opened the bridge. "It will not fall," insisted engineer Marta Ruiz.'
    facts = ArticleFacts.of(text)
    start = facts.plain.index('"It')
    span = (start, facts.plain.index('fall,"') + len('fall,"'))
    assert attributed_to(span, ["lopez", "ruiz"], facts) == "ruiz"
