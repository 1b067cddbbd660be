"""How strong the article's word is that a quote is someone else's (grounding/evidence.py): a quote is
dropped as another's only on a credit at the quotation; a name sentences away is a guess, kept and
marked. The articles are written for the tests."""

from __future__ import annotations

from typing import Any

from summarizer.grounding.check import ArticleFacts, check_briefing
from summarizer.models import Briefing

_BASE: dict[str, Any] = {
    "headline": "A flood",
    "summary": "A river burst its banks.",
    "key_points": ["A river burst its banks."],
    "timeline": [],
    "what_next": [],
    "topics": [],
}
ELSE = ("the article gives this quote to someone else", False)
MARKED = ("the article does not say who said this", True)
#: Sentences that name no one, to set a name farther from a quotation than the checks look for one near.
FILLER = (
    " Trains stopped at the border for most of the day. Schools closed early and buses ran on a "
    "reduced timetable. The water reached the first floor of several houses near the old mill, and "
    "the fire brigade pumped out cellars well into the evening. Farmers moved their cattle to higher "
    "ground. The weather service expects more rain at the weekend, though less than this week. "
    "Insurance companies have opened a hotline for the damage. "
)


def _findings(article: str, people: list[str], speaker: str, text: str) -> list[tuple[str, bool]]:
    entities = [{"name": name, "kind": "person", "role": ""} for name in people]
    quote = {"text": text, "speaker": speaker, "context": ""}
    briefing = Briefing.model_validate({**_BASE, "entities": entities, "quotes": [quote]})
    return [(f.reason, f.kept) for f in check_briefing(briefing, ArticleFacts.of(article))[0]]


def test_a_credit_right_after_the_quotation_is_the_articles_word():
    article = (
        "Mayor Lena Vogt toured the flooded streets on Monday. "
        '"We lost the bakery and the school," said Tomas Brandt, a shopkeeper. The water fell later.'
    )
    people = ["Lena Vogt", "Tomas Brandt"]
    assert _findings(article, people, "Tomas Brandt", "We lost the bakery and the school") == []
    assert _findings(article, people, "Lena Vogt", "We lost the bakery and the school") == [ELSE]


def test_a_quotation_no_words_of_its_own_credit_is_kept_and_marked_not_given_to_the_last_speaker():
    # The nearest speaker is two sentences away and the quotation has no credit of its own: a guess.
    article = (
        "The river rose by two metres overnight, Mayor Lena Vogt said on Monday. Shops on the quay "
        'were shut. Residents were moved to the gym. "Stay away from the bridges." '
        "Engineer Paul Okafor later inspected the dam."
    )
    people = ["Lena Vogt", "Paul Okafor"]
    assert _findings(article, people, "Paul Okafor", "Stay away from the bridges") == [MARKED]


def test_the_speaker_named_in_the_credit_is_never_someone_else():
    # The verb's subject carries a title and a company: the speaker is named there all the same.
    article = (
        "Harbour Freight shares fell 40 percent. "
        '"We may be the victim of a fraud," Harbour Freight Chief Executive Ines Moura said on Friday.'
    )
    people = ["Ines Moura"]
    assert _findings(article, people, "Ines Moura", "victim of a fraud") == []


def test_a_pronoun_goes_on_with_the_paragraph_of_the_one_who_spoke_before():
    article = (
        "Tomas Brandt, who runs a shop on the quay, told reporters the water came in minutes. "
        '"We could not save anything," he said. Mayor Lena Vogt visited later.'
    )
    people = ["Lena Vogt", "Tomas Brandt"]
    assert _findings(article, people, "Tomas Brandt", "We could not save anything") == []
    assert _findings(article, people, "Lena Vogt", "We could not save anything") == [ELSE]


def test_a_pronoun_after_a_sentence_where_no_one_speaks_is_a_guess():
    # 'Okafor' is named last, but not as one who speaks nor as the subject: he is not the 'he'.
    article = (
        f"Ana Ruiz took the oath in the morning.{FILLER}Crowds cheered as engineer Paul Okafor reached the "
        'dam. "It will hold," he told the crowd.'
    )
    people = ["Paul Okafor", "Ana Ruiz"]
    assert _findings(article, people, "Ana Ruiz", "It will hold") == [MARKED]


def test_a_verb_and_a_name_after_the_quotation_credit_it_in_any_language():
    # Neither 'esulta' nor 'powiedział' is a speech verb the lists hold: a verb and a name still credit.
    article = (
        f"Lena Vogt ha votato a Roma.{FILLER}Il partito ha perso due seggi. "
        '"Siamo ancora qui", esulta Marconi. Poi la festa.'
    )
    people = ["Marconi", "Lena Vogt"]
    assert _findings(article, people, "Lena Vogt", "Siamo ancora qui") == [ELSE]


def test_an_according_to_in_the_quotations_sentence_credits_the_name_it_gives():
    article = (
        "Mais selon la plate-forme Netwatch, qui suit les pannes, cette panne est "
        '"la plus longue jamais vue". Les trains, les banques et les hôpitaux ont été touchés dans '
        "toute la région pendant six heures, et les écoles ont fermé plus tôt que prévu ce jour-là. "
        f"{FILLER}Le soir, Lena Vogt a publié un message."
    )
    people = ["Lena Vogt"]
    assert _findings(article, people, "Lena Vogt", "la plus longue jamais vue") == [ELSE]


def test_a_statement_that_speaks_is_its_authors_not_the_one_who_read_it_out():
    article = (
        "The jury sent a note to the judge at noon. "
        '"We have reached a verdict," the note said, according to Judge Ana Ruiz, who read it aloud.'
    )
    assert _findings(article, ["Ana Ruiz"], "the jury", "We have reached a verdict") == [MARKED]
