"""Rendering: the brief's shape, and no markup smuggled in through article or model text."""

from __future__ import annotations

import json
import re
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

from summarizer.errors import UsageError
from summarizer.merge import merge_briefings
from summarizer.models import Brief, Failure
from summarizer.render import escape_markdown, render_brief, render_template

from .builders import cna, lbc, make

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click here](https://evil.example/phish)",
    "![pixel](https://evil.example/track.png)",
    "# Fake heading",
    "line one\n## Injected section\n- injected item",
    "visit https://evil.example or www.evil.example now",
    "<https://evil.example>",
    "`code` and **bold** and _em_",
    "1. starts like a list",
    "- starts like a list",
    "=====",
    "&lt;script&gt;",
    "[ref]: https://evil.example",
]


def rendered_with(text: str) -> str:
    item = make(
        "Evil",
        text,
        [text],
        entities=[(text, "person", text)],
        quotes=[(text, text)],
        timeline=[(text, None, text)],
        summary=text,
        what_next=[text],
        topics=[text],
        title=text,
        url="javascript:alert(1)",
    )
    failure = Failure(origin=text, kind="unreadable", reason=text)
    return render_brief(merge_briefings([item], [failure]))


TEMPLATE_HEADINGS = {
    "# News brief",
    "## Sources",
    "## Not summarised",
    "### Key points",
    "### Quotes",
    "### Who's who",
    "### Timeline",
    "### What's next",
}


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_cannot_inject_html_links_images_or_headings(text):
    out = rendered_with(text)
    assert not re.search(r"(?<!\\)<[a-zA-Z/!]", out), "raw HTML tag"
    assert not re.search(r"(?<!\\)\]\(", out), "inline link or image"
    assert not re.search(r"(?<!\\)\]:", out), "link reference definition"
    assert not re.search(r"(?<![\\])\b(https?)://", out), "bare autolink"
    assert "javascript:" not in out.replace("javascript\\:", "")
    headings = [line for line in out.splitlines() if line.startswith("#")]
    story_headings = [h for h in headings if h not in TEMPLATE_HEADINGS]
    assert len(story_headings) == 1 and story_headings[0].startswith("## "), headings
    assert "\n## Injected" not in out


def test_escaped_text_still_reads_the_same():
    assert escape_markdown("Trump's 25% tariff [on India]") == "Trump's 25% tariff \\[on India\\]"
    assert escape_markdown("multi\nline\ttext") == "multi line text"
    assert escape_markdown("1. first") == "1\\. first"


def test_the_examples_brief_shows_story_sources_points_quotes_and_who_is_who():
    out = render_brief(merge_briefings([cna(), lbc()]))
    assert out.startswith("# News brief\n\n1 story from 2 articles (CNA, LBC).\n")
    assert "*Reported by CNA, LBC*" in out
    assert "[CNA, LBC]" in out
    assert "“Today was a good day, but we got a lot of work ahead” — Marco Rubio" in out
    assert "- **Karoline Leavitt** (person): White House press secretary [CNA, LBC]" in out
    assert "## Top stories" not in out  # a single story needs no index


def test_several_stories_get_a_top_stories_index_in_weight_order():
    other = make("Gazette", "Bridge reopens after repairs", ["The city bridge reopened on Monday."])
    out = render_brief(merge_briefings([other, cna(), lbc()]))
    top = out.split("## Top stories\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert top[0].startswith("1. Trump could meet Putin") and top[0].endswith("[CNA, LBC]")
    assert top[1] == "2. Bridge reopens after repairs [Gazette]"


def test_failures_are_listed_with_their_reason():
    failure = Failure(origin="today/empty.txt", kind="unreadable", reason="empty: no article text")
    out = render_brief(merge_briefings([cna()], [failure]))
    assert "1 input was not summarised" in out
    assert "- today/empty.txt: unreadable: empty: no article text" in out


def test_a_source_link_is_rendered_only_for_http_urls():
    ok = make(
        "Gazette", "Bridge reopens", ["The bridge reopened."], url="https://example.org/a (b)", title="Bridge"
    )
    out = render_brief(merge_briefings([ok]))
    assert "[Bridge](https://example.org/a%20%28b%29)" in out


def test_json_output_is_the_brief_model():
    brief = merge_briefings([cna(), lbc()])
    assert Brief.model_validate(json.loads(render_brief(brief, "json"))) == brief


# --- your own template: a sandbox over plain data ------------------------------------------------


def render_source(tmp_path: Path, source: str, name: str = "mine.txt") -> str:
    path = tmp_path / name
    path.write_text(source)
    return render_template(merge_briefings([cna(), lbc()]), path)


def test_a_users_template_sees_the_same_plain_data_as_the_json_output(tmp_path):
    brief = merge_briefings([cna(), lbc()])
    seen = json.loads(render_source(tmp_path, "{{ brief | tojson }}"))
    assert seen == json.loads(render_brief(brief, "json"))
    kinds = (
        "{{ brief is mapping }} {{ brief.stories[0] is mapping }} {{ brief.sources[0].published is none }}"
    )
    assert render_source(tmp_path, kinds) == "True True True"


def test_the_documented_template_context_and_filters_still_work(tmp_path):
    source = (
        "{% for story in brief.stories %}{{ story.headline | md }} "
        "{{ story.sources | map(attribute='source') | sources }}\n"
        "{% for point in story.key_points[:1] %}- {{ point.text | md }} {{ point.sources | sources }}\n"
        "{% endfor %}"
        "{% endfor %}{{ 'CNA' | link('https://example.org/a (b)') }} {{ brief.usage.requests }}"
    )
    assert render_source(tmp_path, source).splitlines() == [
        "Trump could meet Putin as soon as next week, White House official says [CNA, LBC]",
        "- A White House official said Donald Trump could meet Vladimir Putin to discuss a ceasefire in "
        "Ukraine as early as next week. [CNA, LBC]",
        "[CNA](https://example.org/a%20%28b%29) 0",
    ]


def _field_names(model: type[BaseModel]) -> set[str]:
    names = set(model.model_fields)
    for field in model.model_fields.values():
        for arg in [field.annotation, *typing.get_args(field.annotation)]:
            for inner in [arg, *typing.get_args(arg)]:
                if isinstance(inner, type) and issubclass(inner, BaseModel):
                    names |= _field_names(inner)
    return names


def test_no_field_of_the_brief_is_shadowed_by_a_dict_method():
    # A template reads `story.items` as dict.items, not the key: a clash would need `story["items"]`.
    names = _field_names(Brief)
    assert {"stories", "headline", "key_points", "checks", "value"} <= names
    assert not {name for name in names if hasattr(dict, name)}


ESCAPES = {
    "parse_file on the brief": "{{ brief.parse_file('/etc/passwd') }}",
    "parse_file of a JSON file": "{{ brief.parse_file(SECRET) }}",
    "parse_raw with pickle": "{{ brief.parse_raw('x', content_type='application/pickle', allow_pickle=1) }}",
    "parse_raw on a story": "{{ brief.stories[0].parse_raw('{}') }}",
    "parse_file on a source": "{{ brief.sources[0].parse_file('/etc/passwd') }}",
    "model_validate": "{{ brief.model_validate({}) }}",
    "model_copy": "{{ brief.model_copy() }}",
    "model_construct": "{{ brief.model_construct() }}",
    "the brief's class": "{{ brief.__class__.__mro__ }}",
    "object's subclasses": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "cycler's globals": "{{ cycler.__init__.__globals__ }}",
    "self's globals": "{{ self.__init__.__globals__ }}",
    "lipsum's globals": "{{ lipsum.__globals__ }}",
    "format string": "{{ '{0.__class__.__mro__}'.format(brief) }}",
    "include /etc/passwd": "{% include '/etc/passwd' %}",
    "include a file by path": "{% include SECRET %}",
    "include a neighbour": "{% include 'secret.json' %}",
    "import a file": "{% import '/etc/passwd' as passwd %}",
    "from-import a file": "{% from 'secret.json' import x %}",
    "extends a file": "{% extends 'secret.json' %}",
    "append to a list": "{{ brief.stories.append(1) }}",
    "update a dict": "{{ brief.update(stories=[]) }}",
    "a huge loop": "{% for i in range(10**9) %}{% endfor %}",
    "a huge string": "{{ 'x' * 10**8 }}",
    "a huge list": "{{ ([0] * 10**7) | length }}",
    "a huge power": "{{ 9 ** 999999999 }}",
}


@pytest.mark.parametrize("source", ESCAPES.values(), ids=ESCAPES.keys())
def test_a_template_cannot_escape_the_sandbox_and_fails_as_a_usage_error(tmp_path, source):
    secret = tmp_path / "secret.json"
    secret.write_text('{"stories": "TOP SECRET"}')
    source = source.replace("SECRET", f"'{secret}'")
    with pytest.raises(UsageError) as caught:
        render_source(tmp_path, source)
    message = str(caught.value)
    assert message.startswith(f"the template {tmp_path / 'mine.txt'}")
    assert "TOP SECRET" not in message and "root:" not in message


def test_a_users_template_output_gets_no_marker(tmp_path):
    assert render_source(tmp_path, "{{ brief.stories | length }} story") == "1 story"
