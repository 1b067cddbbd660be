"""Render the prompt templates in prompts/ into chat messages."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..config.compiled import template_cache
from ..models import Article, Finding, Story

__all__ = [
    "Message",
    "article_message",
    "prompt_phrases",
    "prompt_version",
    "prompts_dir",
    "reask_message",
    "reground_message",
    "story_message",
    "system_message",
]

Message = dict[str, str]

TEMPLATES = ("system.j2", "system_story.j2", "article.j2", "reask.j2", "reground.j2", "synthesize.j2")
#: The system message of an answer other than an article's briefing, by the answer's model name.
SYSTEM_TEMPLATES = {"StoryDraft": "system_story.j2"}


def prompts_dir() -> Path:
    """The prompt templates: inside the installed wheel, or at the top of a source checkout."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "prompts", package.parent / "prompts"):
        if (candidate / "system.j2").is_file():
            return candidate
    raise FileNotFoundError(f"prompt templates not found beside {package}")


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(prompts_dir()),
        bytecode_cache=template_cache("prompts"),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        trim_blocks=True,
    )


def _render(name: str, **context: Any) -> str:
    return _environment().get_template(name).render(**context).strip()


def system_message(schema: dict[str, Any] | None, answer: str = "Briefing") -> Message:
    """The system message for an answer of the model named `answer` (an article's briefing, or a
    story's synthesis). `schema` is written into it when the endpoint cannot enforce one (the engine
    decides: json_object mode)."""
    schema_text = json.dumps(schema, indent=1, sort_keys=False) if schema is not None else ""
    template = SYSTEM_TEMPLATES.get(answer, "system.j2")
    return {"role": "system", "content": _render(template, schema=schema_text)}


def article_message(article: Article) -> Message:
    """The user message asking for one article's briefing."""
    return {"role": "user", "content": _render("article.j2", article=article)}


def reask_message(errors: list[str]) -> Message:
    """The follow-up that quotes the validation errors back to the model."""
    return {"role": "user", "content": _render("reask.j2", errors=errors)}


#: The story message carries each outlet's article, cut to its share of this many characters (at
#: least STORY_ARTICLE_CHARS each): enough for the facts of a day's story, bounded for a story of many.
STORY_CHARS, STORY_ARTICLE_CHARS = 60_000, 6_000


def story_message(
    story: Story, key: str, headlines: list[str], articles: Sequence[tuple[str, str]] = ()
) -> Message:
    """The user message asking for a story's headline, summary and disagreements, from its merged
    reports and its (outlet, article text) pairs."""
    outlets = sorted({ref.source for ref in story.sources})
    share = max(STORY_ARTICLE_CHARS, STORY_CHARS // max(1, len(articles)))
    cut = [
        (outlet, text[:share].rstrip() + (" [...]" if len(text) > share else "")) for outlet, text in articles
    ]
    content = _render(
        "synthesize.j2", story=story, key=key, outlets=outlets, headlines=headlines, articles=cut
    )
    return {"role": "user", "content": content}


def reground_message(findings: list[Finding]) -> Message:
    """The follow-up that names each item the article does not support."""
    return {"role": "user", "content": _render("reground.j2", findings=findings)}


@cache
def prompt_version() -> str:
    """A short hash of the prompt templates: an answer is only reusable under the same prompts."""
    digest = hashlib.sha256()
    for name in TEMPLATES:
        digest.update((prompts_dir() / name).read_bytes())
    return digest.hexdigest()[:12]


#: A run of this many words is a phrase: long enough that a model's own sentence shares none with the
#: prompts by chance (the examples' drafts and briefings share none), short enough that an echoed line
#: of a prompt ("Some items in your briefing are not supported by the article") holds several.
PHRASE_WORDS = 6


@cache
def prompt_phrases() -> frozenset[tuple[str, ...]]:
    """Every run of PHRASE_WORDS words in the prompt templates' own wording (their placeholders and
    tags left out): what a model's answer holds only when it echoes the request back."""
    phrases: set[tuple[str, ...]] = set()
    for name in TEMPLATES:
        source = (prompts_dir() / name).read_text(encoding="utf-8")
        for line in re.split(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|\n", source):
            phrases |= phrases_of(line)
    return frozenset(phrases)


def phrases_of(text: str) -> set[tuple[str, ...]]:
    """The runs of PHRASE_WORDS words in a text, lower-cased, punctuation left out."""
    tokens = re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text.lower())
    return {tuple(tokens[i : i + PHRASE_WORDS]) for i in range(len(tokens) - PHRASE_WORDS + 1)}
