"""Which language an article is read in: a shipped one by its small words, English, or none of them."""

from __future__ import annotations

import pytest

from summarizer.text.language import UNKNOWN, day_months, language, weekday_days
from summarizer.text.normalize import fold

# Paragraphs written for these tests: one report told in each language.
REPORTS = {
    "en": "The president said on Monday that the government would send aid to the cities hit by the rains. "
    "According to civil defence, 12 people died and 300 more are homeless in the state.",
    "es": "El presidente dijo el lunes que el gobierno enviará ayuda a las ciudades afectadas por las "
    "lluvias. Según Protección Civil, 12 personas murieron y otras 300 están sin hogar en el estado.",
    "fr": "Le président a déclaré lundi que le gouvernement enverra de l'aide aux villes touchées par les "
    "pluies. Selon la protection civile, 12 personnes sont mortes et 300 sont sans abri.",
    "de": "Der Präsident sagte am Montag, die Regierung werde den von den Regenfällen betroffenen Städten "
    "helfen. Laut Zivilschutz starben 12 Menschen, 300 sind obdachlos, und es regnet weiter.",
    "pt": "O presidente disse nesta segunda-feira que o governo vai enviar ajuda às cidades atingidas pelas "
    "chuvas. Segundo a Defesa Civil, 12 pessoas morreram e outras 300 estão desabrigadas no estado.",
    "nl": "De president zei maandag dat de regering hulp stuurt naar de steden die door de regen zijn "
    "getroffen. Volgens de civiele bescherming zijn 12 mensen omgekomen en zijn 300 mensen dakloos.",
    "da": "Præsidenten sagde mandag, at regeringen vil sende hjælp til de byer, som er ramt af regnen. "
    "Ifølge beredskabet er 12 mennesker omkommet, og 300 er hjemløse i regionen, hvor det stadig regner.",
    "pl": "Prezydent powiedział w poniedziałek, że rząd wyśle pomoc do miast dotkniętych przez ulewy. "
    "Według obrony cywilnej zginęło 12 osób, a kolejne 300 nie ma dachu nad głową w tym regionie.",
    "it": "Il presidente ha detto lunedì che il governo invierà aiuti alle città colpite dalle piogge. "
    "Secondo la protezione civile, 12 persone sono morte e altre 300 sono senza casa nella regione.",
}


@pytest.mark.parametrize(
    ("lang", "read_as"),
    [
        ("en", "en"),
        ("es", "es"),
        ("fr", "fr"),
        ("de", "de"),
        ("pt", "pt"),
        ("it", "it"),
        ("nl", "nl"),
        ("da", UNKNOWN),
        ("pl", UNKNOWN),
    ],
)
def test_an_article_is_read_in_its_language_or_as_one_the_checks_do_not_know(lang, read_as):
    assert language(fold(REPORTS[lang])) == read_as


def test_a_text_too_short_to_tell_is_read_as_english():
    assert language(fold("Vrijdag: 12 doden.")) == "en"
    assert language(fold("Vendredi, le séisme a fait 2 012 morts.")) == "fr"


def test_weekdays_are_read_as_each_language_writes_them():
    assert weekday_days("la nuit de vendredi") == {(4, None)}
    assert weekday_days("nesta sexta - feira 8") == {(4, None), (4, 8)}
    assert weekday_days("am mittwochabend") == {(2, None)}
    assert weekday_days("a segunda vez") == set()  # 'segunda' alone is an ordinal, not Monday


def test_a_day_joined_to_its_month_by_a_hyphen_or_a_slash_is_a_day():
    """'03-Feb-2025', '3/feb/2025', as airline and agency copy write them; a score is no day."""
    assert day_months(fold("The airline confirmed (03-Feb-2025) the diversion")) == {(2, 3)}
    assert day_months(fold("filed on 3/feb/2025")) == {(2, 3)}
    assert day_months(fold("they won 3-1 in the final")) == set()
