"""Disagreements a model found between a story's outlets, kept only where each version is in its article.

Figures and days are compared by the merge itself (conflicts.py). What has no figure to compare ("the
bar" against "the post", where a company's headquarters are, who said the six were presumed dead) is
asked of the model in the --synthesize call, with each outlet's article before it. A version reaches
the brief only when the words it gives as evidence stand in that outlet's article, its figures are in
that article (one of them at least in those words), and what it says is drawn from them; a
disagreement needs two such versions from different outlets that say different things.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..grounding.check import ArticleFacts, missing_figures, quote_found
from ..models import Disagreement, FactDisagreement, Finding, OutletVersion, ReportedValue
from ..text.normalize import fold, words
from ..text.numbers import figures

__all__ = ["Rejected", "VersionCheck", "merge_found", "shown_already"]

#: Evidence shorter than this many words proves nothing ("the", "on Friday" stand in any article).
MIN_EVIDENCE_WORDS = 3
#: The part of what a version says that must be drawn from its evidence, word for word (stemmed, so
#: that 'fired' meets 'firing'). 'the post' against evidence '... hit the post'.
SAYS_FROM_EVIDENCE = 0.5
#: Or, for a version put together from two places of its article, this part of its words is in the
#: article ('812 in government-held areas plus more than 790 in the opposition-held northwest').
SAYS_FROM_ARTICLE = 0.8
_STEM = 5


def _stems(text: str) -> set[str]:
    return {word[:_STEM] for word in words(text)}


@dataclass(frozen=True)
class Rejected:
    """A version its article does not bear out: where it stood in the answer, and why."""

    about: str
    version: OutletVersion
    where: str
    reason: str

    def finding(self) -> Finding:
        """What is sent back to the model: the evidence it must copy from the article."""
        return Finding(kind="quote", where=self.where, item=self.version.evidence, reason=self.reason)

    def left_out(self) -> Finding:
        """What the brief reports: the fact, the outlet's version in the words it gave, and why."""
        version = self.version
        item = f"{version.outlet}: {version.says}, in the words \u201c{version.evidence}\u201d"
        return Finding(kind="quote", where=self.about, item=item, reason=self.reason)


@dataclass(frozen=True)
class VersionCheck:
    """The articles of one story, by outlet, against which a model's disagreements are checked."""

    articles: Mapping[str, ArticleFacts]
    #: Each article's words, cut as a version's are: what a version put together from it may say.
    stems: Mapping[str, set[str]]

    @classmethod
    def of(cls, texts: Iterable[tuple[str, str]]) -> VersionCheck:
        """From (outlet, article text) pairs; an outlet's several articles are read as one."""
        by_outlet: dict[str, list[str]] = {}
        for outlet, text in texts:
            by_outlet.setdefault(outlet, []).append(text)
        articles = {outlet: ArticleFacts.of("\n\n".join(parts)) for outlet, parts in by_outlet.items()}
        return cls(articles, {outlet: _stems(facts.folded) for outlet, facts in articles.items()})

    def _outlet(self, named: str) -> str | None:
        if named in self.articles:
            return named
        folded = fold(named)
        return next((outlet for outlet in self.articles if fold(outlet) == folded), None)

    def problem(self, version: OutletVersion) -> str | None:
        """Why this version cannot be shown, or None when its article bears it out."""
        return self._problem(version, self._outlet(version.outlet))

    def _problem(self, version: OutletVersion, outlet: str | None) -> str | None:
        if outlet is None:
            return "no outlet of this story has that name"
        if len(list(words(version.evidence))) < MIN_EVIDENCE_WORDS:
            return "the evidence is too short to show anything"
        facts = self.articles[outlet]
        if not quote_found(version.evidence, facts):
            return f"these words are not in {outlet}'s article"
        # Its figures are the article's, and the evidence gives one of them at least (a version may
        # add up two parts of one article: '812 in government areas plus more than 790 in the north').
        if missing := missing_figures(version.says, facts):
            return f"{outlet}'s article does not give " + ", ".join(missing)
        values = set(figures(version.says, idiomatic=False))
        if values and not values & set(figures(version.evidence, idiomatic=False)):
            return "the evidence gives none of its figures"
        said, shown = _stems(version.says), _stems(version.evidence)
        # Drawn from the evidence: half its words are there, or (a version put together from two
        # places of the article) nearly all are in the article and one in the evidence.
        if said and len(said & shown) < SAYS_FROM_EVIDENCE * len(said):
            in_article = len(said & self.stems[outlet]) >= SAYS_FROM_ARTICLE * len(said)
            if not (said & shown and in_article):
                return "what it says is not drawn from the evidence"
        return None

    def check(self, found: list[FactDisagreement]) -> tuple[list[Disagreement], list[Rejected]]:
        """The disagreements whose versions bear out (two or more, from different outlets, saying
        different things), and each version that does not."""
        kept: list[Disagreement] = []
        rejected: list[Rejected] = []
        for n, disagreement in enumerate(found):
            versions: dict[str, ReportedValue] = {}
            for m, version in enumerate(disagreement.versions):
                outlet = self._outlet(version.outlet)
                if reason := self._problem(version, outlet):
                    where = f"disagreements[{n}].versions[{m}]"
                    rejected.append(Rejected(disagreement.about, version, where, reason))
                    continue
                assert outlet is not None  # _problem() said so
                if outlet in versions:
                    continue  # an outlet has one version of a fact
                versions[outlet] = ReportedValue(value=version.says, sources=[outlet], text=version.evidence)
            reports = _distinct(list(versions.values()))
            if len(reports) >= 2:
                kept.append(Disagreement(reports=reports, about=disagreement.about))
        return kept, rejected


def _distinct(reports: list[ReportedValue]) -> list[ReportedValue]:
    """Outlets saying the same thing are one report with both sources; fewer than two: no disagreement."""
    merged: dict[str, ReportedValue] = {}
    for report in reports:
        key = fold(report.value).strip(" .")
        if key in merged:
            same = merged[key]
            merged[key] = same.model_copy(update={"sources": [*same.sources, *report.sources]})
        else:
            merged[key] = report
    return list(merged.values()) if len(merged) >= 2 else []


def shown_already(found: Disagreement, shown: Iterable[Disagreement]) -> bool:
    """The merge already shows this disagreement: one of its own gives, for every outlet of `found`
    whose version has a figure, that figure (a model restating the death tolls the merge compared)."""
    versions = [(set(figures(r.value, idiomatic=False)), set(r.sources)) for r in found.reports]
    if any(not values for values, _ in versions):
        return False
    for other in shown:
        given = [(set(figures(r.value, idiomatic=False)), set(r.sources)) for r in other.reports]
        if all(any(values & v and sources & s for v, s in given) for values, sources in versions):
            return True
    return False


def merge_found(shown: list[Disagreement], found: list[Disagreement]) -> list[Disagreement]:
    """The merge's disagreements, then the model's that the merge does not already show."""
    return [*shown, *(d for d in found if not shown_already(d, shown))]
