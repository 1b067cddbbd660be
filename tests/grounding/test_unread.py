"""An article in a language the checks do not read (Danish here) is checked as far as the checks honestly
go: quotes and digits are, and what only its language could settle is kept and marked, never dropped."""

from __future__ import annotations

from datetime import date

from summarizer.grounding.check import check_briefing
from summarizer.grounding.facts import ArticleFacts
from summarizer.models import Briefing
from summarizer.text.language import UNKNOWN

# A Danish report written for this test (not from any corpus).
DANISH = (
    "Regeringen oplyste onsdag, at oversvømmelserne i Limburg har kostet tolv mennesker livet. Ifølge "
    "ministeriet for Infrastruktur er 1.250 boliger beskadiget, og vandet i Venlo står 4,5 meter over det "
    "normale. \u2018Vi gør, hvad vi kan\u2019, sagde minister Mark de Vries på et pressemøde i Haag. Røde "
    "Kors har sendt 300 frivillige."
)
FACTS = ArticleFacts.of(DANISH, date(2024, 7, 5))
FAITHFUL = {
    "headline": "Floods in Limburg kill twelve",
    "summary": "On Wednesday the government said floods in Limburg killed 12 and damaged 1,250 homes.",
    "key_points": [
        "According to the Ministry of Infrastructure, 1,250 homes were damaged.",
        "The water in Venlo stood 4.5 metres above normal.",
        "The Red Cross sent 300 volunteers.",
    ],
    "entities": [
        {"name": "Mark de Vries", "kind": "person", "role": "minister"},
        {"name": "Ministry of Infrastructure", "kind": "organization", "role": ""},
        {"name": "Red Cross", "kind": "organization", "role": ""},
        {"name": "The Hague", "kind": "place", "role": ""},
    ],
    "quotes": [{"text": "Vi gør, hvad vi kan", "speaker": "Mark de Vries", "context": ""}],
    "timeline": [{"when": "onsdag", "date": "2024-07-03", "event": "The government gave the toll."}],
    "what_next": [],
    "topics": [],
}


def _findings(**changes: object) -> list[tuple[str, bool]]:
    briefing = Briefing.model_validate(FAITHFUL | changes)
    return [(finding.where, finding.kept) for finding in check_briefing(briefing, FACTS)[0]]


def test_a_faithful_answer_to_an_article_in_an_unknown_language_loses_nothing():
    assert FACTS.lang == UNKNOWN
    # Twelve (written 'tolv'), the translated names and the day named 'onsdag' cannot be confirmed:
    # each is kept and marked. 1.250 and 4,5 are read as the article writes them.
    assert _findings() == [
        ("headline", True),
        ("summary", True),
        ("key_points[2]", True),
        ("timeline[0]", True),
        ("entities[1]", True),
        ("entities[2]", True),
        ("entities[3]", True),
    ]


def test_what_can_be_read_in_any_language_is_still_dropped():
    wrong = _findings(
        headline="Floods in Limburg kill 30",  # a figure in digits the article does not give
        summary="Piet Smit said 1,350 homes were damaged.",  # a person the article never names
        key_points=["Thirty people died."],
        quotes=[{"text": "Vi gør alt, hvad vi kan", "speaker": "Mark de Vries", "context": ""}],
        entities=[{"name": "Piet Smit", "kind": "person", "role": "mayor"}],
        timeline=[{"when": "4 July", "date": "2024-07-04", "event": "The toll was given."}],
    )
    assert wrong == [
        ("headline", False),
        ("summary", False),
        ("summary", False),
        ("key_points[0]", False),
        ("timeline[0]", False),
        ("quotes[0]", False),
        ("entities[0]", False),
    ]


# A Polish report written for this test: its figures scaled by words the checks do not read ('tys.',
# 'mln'), and a place's adjective ('polskich') an English briefing gives as 'Polish'.
POLISH = (
    "Producent Nordbatt ogłosił we wtorek upadłość. W Polsce pracę może stracić 2,5 tys. osób, a długi "
    "spółki sięgają 40 mln zł. Rzecznik firmy, Jan Nowak, zapowiedział rozmowy z 12 polskich dostawców."
)
POLISH_FACTS = ArticleFacts.of(POLISH, date(2024, 3, 5))


def _polish(item: str) -> list[tuple[str, bool]]:
    changes = {"headline": "Nordbatt files for bankruptcy", "summary": item}
    briefing = Briefing.model_validate(FAITHFUL | changes)
    findings = check_briefing(briefing, POLISH_FACTS)[0]
    return [(finding.where, finding.kept) for finding in findings if finding.where == "summary"]


def test_a_figure_whose_digits_the_article_scales_by_a_word_it_does_not_read_is_kept_and_marked():
    assert POLISH_FACTS.lang == UNKNOWN
    # 2,500 jobs for '2,5 tys.' and 40 million zloty for '40 mln': the digits, then a word the
    # checks cannot read as a scale or as what is counted.
    assert _polish("Up to 2,500 jobs are at risk; debts reach 40,000,000 zloty.") == [("summary", True)]
    # 12,000 for the '12 polskich': the checks cannot tell a scale from what is counted either.
    assert _polish("Talks will begin with 12,000 suppliers.") == [("summary", True)]
    # 'Polish' for 'polskich': a place's adjective names no person, whatever word stands before it
    # ('offer', which ends as a role may: 'administrator Markus Ramers').
    offer = "Jan Nowak said Nordbatt should offer Polish owners talks and that Polish authorities should act."
    assert _polish(offer) == [("summary", True)]


def test_a_figure_the_articles_digits_do_not_give_at_any_scale_is_still_dropped():
    # 25,000 is not '2,5' scaled; 3,500 is no figure of the article at any scale.
    assert _polish("Up to 25,000 jobs are at risk.") == [("summary", False)]
    assert _polish("Up to 3,500 jobs are at risk.") == [("summary", False)]
