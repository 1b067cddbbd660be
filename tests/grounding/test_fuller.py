"""Names of institutions written out in full, and speakers described without a name: kept and marked
where nothing in the article contradicts them, dropped where a word of the name stands nowhere in it
(issue #27: drop on evidence, not on the checker's blind spot)."""

from __future__ import annotations

from typing import Any

from summarizer.grounding.check import ArticleFacts, check_briefing
from summarizer.grounding.fuller import fuller
from summarizer.models import Briefing

ENGLISH = ArticleFacts.of(
    "A Paris court on Monday sentenced the former president to three years in prison, two of them "
    "suspended. Prosecutors in Munich said they would appeal. Brazil's air force sent two planes to "
    "search the area. The committee that sets monetary policy meets again in March.\n"
    "The man held for the attack, Joao Pereira, 35, has confessed and said he was on a mission.\n"
    "The candidate now leads the polls over his rivals, the ecologist Marina Silva and Ciro Gomes.\n"
    "The attack could help his campaign, according to analysts, with one saying he had been "
    '"turned into almost as big a victim as Lula." On Sunday, his son told supporters he would win.'
)
FRENCH = ArticleFacts.of(
    "Le tribunal correctionnel de Paris a condamné lundi l'ancien président à trois ans de prison, dont "
    "deux avec sursis. Le parquet national financier avait requis quatre ans. La Croix-Rouge a ouvert "
    "un centre d'accueil à Bobigny, selon la préfecture de police."
)


def _briefing(**fields: Any) -> Briefing:
    plain = {"headline": "The verdict", "summary": "The verdict.", "key_points": ["The verdict."]}
    empty = {"entities": [], "quotes": [], "timeline": [], "what_next": [], "topics": []}
    return Briefing.model_validate(plain | empty | fields)


def _findings(briefing: Briefing, facts: ArticleFacts) -> list[tuple[str, bool]]:
    return [(f.where, f.kept) for f in check_briefing(briefing, facts)[0]]


def _organisation(name: str) -> dict[str, str]:
    return {"name": name, "kind": "organization", "role": ""}


def test_an_institution_written_out_in_full_is_kept_and_marked_not_dropped():
    # Every word that says which body it is stands in the article; only the words of its kind do not.
    court = _organisation("Paris Criminal Court")
    written = _briefing(summary="The Paris Criminal Court ruled.", entities=[court])
    assert _findings(written, ENGLISH) == [("summary", True), ("entities[0]", True)]
    office = _briefing(entities=[_organisation("Munich Public Prosecutor's Office")])
    assert _findings(office, ENGLISH) == [("entities[0]", True)]
    findings = check_briefing(_briefing(entities=[_organisation("Paris Criminal Court")]), ENGLISH)[0]
    assert findings[0].reason.endswith("a fuller form of a name the article gives: kept and marked")


def test_a_name_with_a_word_the_article_never_writes_is_still_dropped():
    # 'Lyon', 'Saxon' and 'Earth' say which body; the article names no such one.
    for name in ("Lyon Criminal Court", "Saxon Public Prosecutor's Office", "Bezos Earth Fund"):
        invented = _briefing(summary=f"The {name} acted on Monday.", entities=[_organisation(name)])
        assert _findings(invented, ENGLISH) == [("summary", False), ("entities[0]", False)], name


def test_a_person_is_never_a_fuller_form():
    briefing = _briefing(entities=[{"name": "Hans Lehner", "kind": "person", "role": "judge"}])
    assert fuller("Paris Criminal Court", briefing, ENGLISH)
    # A person's title: 'Director General of the Paris Court' is a person, not a body.
    assert not fuller("Director General of the Paris Court", briefing, ENGLISH)
    # No word of a kind of body: a person's name, which a model does not write out in full.
    assert not fuller("Paris Munich", briefing, ENGLISH)
    # A surname of a person the briefing names: 'Paris Criminal Court' may be Anna Paris's.
    anna = _briefing(entities=[{"name": "Anna Paris", "kind": "person", "role": "judge"}])
    assert not fuller("Paris Criminal Court", anna, ENGLISH)


def test_a_name_translated_from_french_is_kept_when_its_words_are_the_articles():
    # 'Paris' as written, 'Criminal' and 'Court' the kind of body; 'Prefecture' and 'Police' too.
    for name in ("Paris Criminal Court", "Paris Police Prefecture", "Red Cross"):
        findings = check_briefing(_briefing(entities=[_organisation(name)]), FRENCH)[0]
        assert all(finding.kept for finding in findings), name
    invented = _briefing(entities=[_organisation("Lyon Administrative Court")])
    assert _findings(invented, FRENCH) == [("entities[0]", False)]


def test_a_speaker_written_out_in_full_is_kept_and_marked():
    quote = "turned into almost as big a victim as Lula"
    for city, kept in (("Munich", True), ("Hamburg", False)):
        speaker = f"{city} Public Prosecutor's Office"
        said = _briefing(quotes=[{"text": quote, "speaker": speaker, "context": ""}])
        assert _findings(said, ENGLISH) == [("quotes[0]", kept)], city


PORTUGUESE = ArticleFacts.of(
    "O ministro Danilo Toninelli escreveu no Twitter que o Estado vai agir. O canal SkyTv relatou que há "
    'dezenas de pessoas presas em seus automóveis. "Uma cena apocalíptica", contou uma testemunha à '
    "emissora Isoradio, especializada no tráfego em autoestradas."
)


def test_a_speaker_described_without_a_name_is_kept_and_marked_whatever_stands_near_the_quote():
    # The article gives the words to 'uma testemunha', in words the attribution search does not read,
    # after a sentence that names the minister. 'A witness' names no one a model could have invented:
    # kept and marked, not dropped, and not asked again for.
    for speaker in ("A witness", "a witness on the motorway"):
        described = _briefing(quotes=[{"text": "Uma cena apocalíptica", "speaker": speaker, "context": ""}])
        assert [kept for _, kept in _findings(described, PORTUGUESE)] in ([], [True]), speaker
    # '... according to analysts, with one saying he had been "..."': the attribution search gives the
    # words to a man the article named before; 'one analyst' names no one a model could have invented.
    quote = "turned into almost as big a victim as Lula"
    people = [{"name": name, "kind": "person", "role": ""} for name in ("Joao Pereira", "Ciro Gomes")]
    for speaker in ("one analyst", "An analyst"):
        described = _briefing(quotes=[{"text": quote, "speaker": speaker, "context": ""}], entities=people)
        assert _findings(described, ENGLISH) == [("quotes[0]", True)], speaker
    # A name the article never gives is still dropped.
    named = _briefing(quotes=[{"text": "Uma cena apocalíptica", "speaker": "Anna Weber", "context": ""}])
    assert _findings(named, PORTUGUESE) == [("quotes[0]", False)]


ITALIAN = ArticleFacts.of(
    "È morta oggi a 96 anni Elisabetta II, la regina che ha regnato più a lungo. Il suo regno era "
    "cominciato nel 1952, alla morte del padre Giorgio VI. Il funerale si terrà nell'abbazia di "
    "Westminster."
)


def test_a_name_spelt_the_way_of_the_articles_language_is_the_articles():
    # 'Elizabeth' and 'Elisabetta' read alike once 'z' and 's', 'th' and 't' are: one queen, one
    # regnal number; 'Westminster Abbey' is the article's 'abbazia di Westminster' by the words of its
    # kind. A name of other letters is not (an invented 'Eleonora II').
    faithful = _briefing(
        summary="Queen Elizabeth II died aged 96; her funeral will be held at Westminster Abbey.",
        entities=[
            {"name": "Elizabeth II", "kind": "person", "role": "queen"},
            _organisation("Westminster Abbey"),
        ],
    )
    assert [kept for _, kept in _findings(faithful, ITALIAN)] in ([], [True])
    invented = _briefing(entities=[{"name": "Eleonora II", "kind": "person", "role": "queen"}])
    assert _findings(invented, ITALIAN) == [("entities[0]", False)]
