"""What can be looked up in one article: its text normalised for quotes and names, its figures and
days, in its own language, with what the prompt gives beside it (dates.py says which dates follow)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from ..models import Article
from ..text.language import UNKNOWN, day_months, language
from ..text.lexicon import alternation, every_language
from ..text.normalize import fold, plain
from ..text.notation import other_notations, uncompounded
from ..text.numbers import figures, in_english_notation, is_year, joined_totals, ordinal_counts
from ..text.outlets import outlet_names, without_outlets
from ..text.spelled import spelled_figures

__all__ = ["ArticleFacts", "listed_counts", "outlet_names", "without_outlets"]

_HONORIFIC = re.compile(r"\b" + alternation("honorifics") + r"\.? ([a-z][a-z'-]+)")
_HANDLE = re.compile(r"[@#]([A-Z][a-z]+(?:[A-Z][a-z]+)+)\b")
_CAMEL = re.compile(r"(?<=[a-z])([A-Z])")


def unaccented(text: str) -> str:
    """The text with each accented letter as its base letter, one for one: positions stay."""
    return "".join(_base(char) for char in text) if not text.isascii() else text


def _base(char: str) -> str:
    base = unicodedata.normalize("NFD", char)[0]
    return base if base.isascii() else char


#: 'a half percentage point', 'half a point': 0.5 (the English number words leave 'half' alone: 'the
#: second half' is no figure).
_HALF = re.compile(r"\b(?:a|one) half\b|\bhalf an? (?:percentage )?point\b")
#: One counted by the indefinite article before a toll, in every shipped language: 'ein Mensch getötet',
#: 'un mort', 'a man was killed' are one dead (text/data/<lang>/indefinite_articles.txt, tolls.txt).
_ONE_TOLL = re.compile(
    r"(?<![\w'])"
    + alternation("indefinite_articles", "all")
    + r"\s+(?:[a-z]+\s+){0,2}?"
    + "(?:"
    + "|".join(sorted({re.escape(e.split()[0]) for e in every_language("tolls")}, key=len, reverse=True))
    + r")(?![\w'])"
)
_NAME = r"[A-Z][\w'-]+(?: [A-Z][\w'-]+){0,2}"
#: A list of three names or more: 'Mark Bezos, Wally Funk and Oliver Daemen'.
_LISTED = re.compile(rf"{_NAME}(?:, {_NAME})+,? and {_NAME}")


def listed_counts(text: str) -> frozenset[float]:
    """How many names an article lists ('his brother Mark Bezos, Wally Funk and Oliver Daemen' are three):
    a model counts them ('Bezos and three others')."""
    return frozenset(float(len(re.split(r",? and |, ", m[0]))) for m in _LISTED.finditer(text))


#: The elided articles and prepositions of French and Italian ('l'', 'd'', 'dell''), not an Irish 'O''.
_ELIDED = re.compile(r"(l|d|qu|dell|dall|nell|sull|all)'([a-z][\w'-]*)")


def _unelided(word: str) -> tuple[str, ...]:
    """A folded capitalised word, and the word an elided article opening it leaves ('l'argentin' is
    'argentin' too)."""
    elided = _ELIDED.fullmatch(word)
    return (word, elided[2]) if elided else (word,)


@dataclass(frozen=True)
class ArticleFacts:
    """What can be looked up in one article: its text as normalised for quotes and names, its figures.

    What the model is given beside the text counts as the article's too (the prompt sends the outlet,
    title, author and date): the title's figures and names, the author's name, and the names of the
    source line (the outlet and the wire service whose copy it carries), whose figures are part of
    names and are never read as figures.
    """

    plain: str
    #: The plain text in lower case without accents, letter for letter ('señaló' is 'senalo'): where a
    #: speaker is looked for around a quotation found in `plain`, at the same positions.
    lower: str
    folded: str
    folded_words: frozenset[str]
    #: The folded words in order, for names spelt with a slip ('Coast Gaurd').
    word_list: tuple[str, ...]
    #: Surnames the article gives with an honorific ('Mr Abdulla'): the forms an alias may take.
    honorific: frozenset[str]
    #: The words the article writes with a capital (folded): the words of its names.
    capitalised: frozenset[str]
    values: frozenset[float]
    day_months: frozenset[tuple[int, int]]
    years: frozenset[int]
    published: date | None
    #: The names of the source line, folded, longest first (outlet_names).
    outlets: tuple[str, ...] = ()
    #: The shipped language the article is written in (text.language): how its figures and days read.
    lang: str = "en"
    #: The folded text with its figures in English notation and the outlets' names out: where a figure
    #: is looked up with what it counts.
    counted: str = ""

    @classmethod
    def of(
        cls,
        text: str,
        published: datetime | date | None = None,
        *,
        title: str | None = None,
        source: str | None = None,
        author: str | None = None,
    ) -> ArticleFacts:
        # A handle names its person too: '@AshwiniVaishnaw' is Ashwini Vaishnaw.
        handles = " ".join(_CAMEL.sub(r" \1", name) for name in _HANDLE.findall(text))
        given = "\n".join(part for part in (title, author, source) if part)
        folded = fold(text + ("\n" + handles if handles else "") + ("\n" + given if given else ""))
        outlets = outlet_names(source)
        lang = language(folded)
        # 'zehnstundigen' as 'zehn stunde': a count German compounds with its unit is read with it.
        counted = uncompounded(without_outlets(folded, outlets), lang)
        values = (
            frozenset(figures(counted, folded=True, lang=lang))
            # A language the checks do not know may write '1.250' for 1,250 or for 1.25: both readings.
            | (frozenset(figures(counted, folded=True)) if lang == UNKNOWN else frozenset())
            | joined_totals(counted, lang)
            | ordinal_counts(counted, lang)
            # 'Un million trois cent mille personnes': 1.3 million, read whole.
            | spelled_figures(folded, lang)
            # 'seven minutes and 35 seconds' as 7:35, 'XXe siècle' as 20, 'las 17.00' as 17:00.
            | other_notations(counted, lang)
            | listed_counts(plain(text))
            | ({0.5} if _HALF.search(counted) else set())
            | ({1.0} if _ONE_TOLL.search(counted) else set())
        )
        word_list = tuple(re.findall(r"[a-z0-9]+", folded))
        return cls(
            plain=plain(text),
            lower=unaccented(plain(text)).lower(),
            folded=folded,
            folded_words=frozenset(word_list),
            word_list=word_list,
            honorific=frozenset(_HONORIFIC.findall(folded)),
            capitalised=frozenset(
                word
                # 'l'Intérieur', 'dell'Interno': a capital after an elided article is a name's too.
                for w in re.findall(
                    r"(?:(?<![\w'])|(?<=\b[a-z]')|(?<=\b[a-z]{2}')|(?<=\b[a-z]{3}'))[A-Z][\w'-]*",
                    plain(text + "\n" + given + "\n" + handles),
                )
                # ... and so is the word after a capitalised one opening a sentence ('L'Argentin').
                for word in _unelided(fold(w).removesuffix("'s"))
            ),
            values=values | ({float(published.year)} if published else set()),  # the prompt gives the date
            day_months=frozenset(day_months(in_english_notation(folded, lang))),
            years=frozenset(int(v) for v in values if is_year(v)),
            published=published.date() if isinstance(published, datetime) else published,
            outlets=outlets,
            lang=lang,
            counted=in_english_notation(counted, lang),
        )

    @classmethod
    def of_article(cls, article: Article) -> ArticleFacts:
        """The facts of an article with all the prompt gives the model beside its text."""
        return cls.of(
            article.text, article.published, title=article.title, source=article.source, author=article.author
        )
