"""A disagreement a model finds between outlets reaches the brief only when each version is in its article."""

from __future__ import annotations

from html import unescape

import pytest
from markdown_it import MarkdownIt

from summarizer.models import Disagreement, FactDisagreement, OutletVersion, ReportedValue
from summarizer.synthesis.versions import VersionCheck, merge_found

MAJORCA = "Spain won 1-0. A Lauren Hemp shot struck the bar before Olga Carmona\u2019s 29th minute goal."
OLIVE = 'England went close when Lauren Hemp hit the post, and Sarina Wiegman said: "We were so close."'
CHECK = VersionCheck.of([("Majorca Daily Bulletin", MAJORCA), ("The Olive Press", OLIVE)])


def version(outlet: str, says: str, evidence: str) -> OutletVersion:
    return OutletVersion(outlet=outlet, says=says, evidence=evidence)


def hemp(*versions: OutletVersion) -> FactDisagreement:
    return FactDisagreement(about="what Hemp's shot hit", versions=list(versions))


BAR = version("Majorca Daily Bulletin", "the bar", "A Lauren Hemp shot struck the bar")
POST = version("The Olive Press", "the post", "Lauren Hemp hit the post")


def test_versions_found_in_their_articles_make_a_disagreement():
    kept, findings = CHECK.check([hemp(BAR, POST)])
    assert findings == []
    assert kept == [
        Disagreement(
            about="what Hemp's shot hit",
            reports=[
                ReportedValue(value="the bar", sources=["Majorca Daily Bulletin"], text=BAR.evidence),
                ReportedValue(value="the post", sources=["The Olive Press"], text=POST.evidence),
            ],
        )
    ]


def test_quote_marks_spacing_and_the_outlets_case_do_not_matter():
    curly = version("the olive press", "the post", "Lauren  Hemp hit the post")
    straight = version("Majorca Daily Bulletin", "Carmona's goal", "Olga Carmona's 29th minute goal")
    assert CHECK.problem(curly) is None
    assert CHECK.problem(straight) is None


def test_each_way_a_version_can_fail_is_named():
    assert CHECK.problem(version("BBC", "the post", "Lauren Hemp hit the post")) == (
        "no outlet of this story has that name"
    )
    assert CHECK.problem(version("The Olive Press", "the post", "the post")) == (
        "the evidence is too short to show anything"
    )
    # Words from the other outlet's article are not this outlet's (a prompt-injected 'article' neither).
    assert CHECK.problem(version("The Olive Press", "the bar", "A Lauren Hemp shot struck the bar")) == (
        "these words are not in The Olive Press's article"
    )
    thirtieth = version("Majorca Daily Bulletin", "30th minute", "Olga Carmona\u2019s 29th minute goal")
    assert CHECK.problem(thirtieth) == "Majorca Daily Bulletin's article does not give 30"
    elsewhere = version("Majorca Daily Bulletin", "the 29th minute", "A Lauren Hemp shot struck the bar")
    assert CHECK.problem(elsewhere) == "the evidence gives none of its figures"
    # Put together from two places of its article: each word there, one in the evidence.
    both = version(
        "Majorca Daily Bulletin",
        "Carmona scored after Hemp struck the bar",
        "Olga Carmona\u2019s 29th minute goal",
    )
    assert CHECK.problem(both) is None
    assert CHECK.problem(version("Majorca Daily Bulletin", "the crossbar and a defender", BAR.evidence)) == (
        "what it says is not drawn from the evidence"
    )


def test_a_version_that_does_not_bear_out_is_left_out_and_one_left_is_no_disagreement():
    invented = version("The Olive Press", "the post", "Hemp's effort came back off the post")
    kept, findings = CHECK.check([hemp(BAR, invented)])
    assert kept == []
    assert [(f.where, f.reason) for f in findings] == [
        ("disagreements[0].versions[1]", "these words are not in The Olive Press's article")
    ]


def test_outlets_saying_the_same_thing_are_no_disagreement():
    same = version("The Olive Press", "The bar.", "Lauren Hemp hit the post")  # says what the other says
    kept, _ = CHECK.check([hemp(BAR, same)])
    assert kept == []


def test_a_disagreement_the_merge_already_shows_is_not_shown_twice():
    tolls = VersionCheck.of(
        [("AP", "The death toll rose to 5,000 on Tuesday."), ("AFP", "More than 7,200 have died.")]
    )
    found, _ = tolls.check([
        FactDisagreement(about="the death toll", versions=[
            version("AP", "5,000", "The death toll rose to 5,000"),
            version("AFP", "more than 7,200", "More than 7,200 have died"),
        ])
    ])  # fmt: skip
    merged = Disagreement(reports=[
        ReportedValue(value="5,000", sources=["AP"], text="The death toll rose to 5,000 on Tuesday."),
        ReportedValue(value="7,200", sources=["AFP"], text="More than 7,200 have died."),
    ])  # fmt: skip
    assert merge_found([merged], found) == [merged]
    hemp_found, _ = CHECK.check([hemp(BAR, POST)])
    assert merge_found([merged], hemp_found) == [merged, *hemp_found]


@pytest.mark.parametrize(
    "about",
    [
        "what [the shot](http://evil.example) hit",
        "<img src=x onerror=alert(1)>",
        "<script>alert(1)</script> what was found",
        "1. numbered",
        "# Big heading",
        "> quoted",
        "| a | b |",
        "https://evil.example/x",
    ],
)
def test_a_found_disagreement_reads_as_its_fact_and_its_fact_cannot_inject_markdown(about):
    from summarizer.merge.assemble import merge_briefings
    from summarizer.output.render import render_brief
    from tests.builders import cna, lbc

    brief = merge_briefings([cna(), lbc()])
    hostile = Disagreement(
        about=about,
        reports=[
            ReportedValue(value="the **bar**", sources=["CNA"], text="x"),
            ReportedValue(value="the post", sources=["LBC"], text="y"),
        ],
    )
    # A disagreement of one report (a hand-made JSON) has nothing to differ from: not shown.
    lone = Disagreement(about="alone", reports=[ReportedValue(value="v", sources=["CNA"], text="t")])
    story = brief.stories[0].model_copy(update={"disagreements": [hostile, lone]})
    out = render_brief(brief.model_copy(update={"stories": [story]}))
    section = out.split("### Reports differ\n\n", 1)[1].split("\n\n", 1)[0]
    html = MarkdownIt().render(section)
    # One list item, whose text is the fact as given, then each version in bold: nothing else.
    assert html.count("<li>") == 1 and "<a" not in html and "<img" not in html and "<script" not in html
    assert "<h1" not in html and "<blockquote" not in html and "<table" not in html and "<ol" not in html
    assert "<strong>the **bar**</strong>" in html and "alone" not in out
    text = html.removeprefix("<ul>\n<li>")
    expected = about[:1].upper() + about[1:] if about[0].isalpha() and about.split()[0].isalpha() else about
    assert unescape(text).startswith(expected + ": ")
