"""A name that owns the speaker's description ('the lawyer of Moreno', 'de la FAO') does not speak: written
for the tests, in English, Spanish and Italian, with the names that carry a particle ('Anna van der Berg',
'Paolo Di Stefano') and a statement's author ('The IMF's statement said') beside them."""

from __future__ import annotations

from summarizer.grounding.check import ArticleFacts, quote_spans
from summarizer.grounding.owners import owner
from summarizer.grounding.speakers import attributed, attributed_to


def _who(article: str, words: str, candidates: list[str], acronyms: tuple[str, ...] = ()) -> str | None:
    facts = ArticleFacts.of(article)
    [span] = quote_spans(words, facts)
    return attributed_to(span, candidates, facts, acronyms)


def test_the_name_of_whose_lawyer_she_is_does_not_speak():
    article = (
        "The verdict came on Tuesday. Speaking after the hearing, Clara Ortiz, the lawyer of Moreno's "
        "family, said she was 'deeply disappointed' and would appeal. 'We will not stop here,' she said."
    )
    assert _who(article, "deeply disappointed", ["moreno", "ortiz"]) == "ortiz"
    assert _who(article, "We will not stop here", ["moreno", "ortiz"]) == "ortiz"


def test_in_spanish_the_one_named_before_la_abogada_de_speaks():
    article = (
        '"Estamos tranquilos", dijo Lucía Serrano, la abogada de Ramírez, a la salida del juzgado. '
        '"Recurriremos la sentencia", añadió.'
    )
    assert _who(article, "Recurriremos la sentencia", ["ramirez", "serrano"]) == "serrano"


def test_the_organisation_whose_director_speaks_is_not_the_speaker():
    article = (
        'La reunión terminó tarde. "No hay tiempo que perder", dijo el director general de la FAO, Pedro '
        'Alvarado, en una rueda de prensa. "Pedimos ayuda a todos los países", añadió.'
    )
    who = _who(article, "Pedimos ayuda a todos los países", ["alvarado"], ("fao",))
    assert who == "alvarado"
    after = '"Hay que actuar ya", dijo la portavoz de la FAO para América Latina, Elena Ruiz.'
    assert _who(after, "Hay que actuar ya", ["ruiz"], ("fao",)) == "ruiz"


def test_a_description_with_an_owner_and_no_name_gives_the_words_to_no_one_named():
    article = (
        'El doctor Pedro Alvarado habló el lunes. Después, el jefe de la FAO indicó que "la crisis no ha '
        'terminado".'
    )
    facts = ArticleFacts.of(article)
    [span] = quote_spans("la crisis no ha terminado", facts)
    assert attributed_to(span, ["alvarado"], facts, ("fao",)) is None


def test_a_name_with_a_particle_is_no_owner():
    article = (
        '"The figures are alarming," said Anna van der Berg. "We need more time," said Paolo Di Stefano.'
    )
    facts = ArticleFacts.of(article)
    assert not owner(article.index("Berg"), facts.plain)
    assert not owner(article.index("Stefano"), facts.plain)
    [span] = quote_spans("We need more time", facts)
    assert attributed("Paolo Di Stefano", [span], ["berg", "stefano"], facts)
    assert not attributed("Anna van der Berg", [span], ["berg", "stefano"], facts)


def test_the_author_of_a_statement_speaks_it():
    article = 'The IMF\'s statement said growth would "slow sharply next year".'
    facts = ArticleFacts.of(article)
    assert not owner(article.index("IMF"), facts.plain)
    assert owner(ArticleFacts.of("Moreno's family").plain.index("Moreno"), "Moreno's family")
