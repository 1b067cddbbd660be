"""Render the prompt templates in prompts/ into chat messages."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .models import Article, Finding, Story

__all__ = [
    "Message",
    "article_messages",
    "prompt_version",
    "prompts_dir",
    "reask_message",
    "reground_message",
    "story_messages",
]

Message = dict[str, str]

TEMPLATES = ("system.j2", "article.j2", "reask.j2", "reground.j2", "synthesize.j2")


def prompts_dir() -> Path:
    """The prompt templates: inside the installed wheel, or at the top of a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "prompts", here.parent / "prompts"):
        if (candidate / "system.j2").is_file():
            return candidate
    raise FileNotFoundError(f"prompt templates not found beside {here}")


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(prompts_dir()),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        trim_blocks=True,
    )


def _render(name: str, **context: Any) -> str:
    return _environment().get_template(name).render(**context).strip()


def article_messages(article: Article, *, schema: dict[str, Any] | None) -> list[Message]:
    """The system and user messages asking for one article's briefing.

    `schema` is written into the prompt when the endpoint cannot enforce it (json_object mode).
    """
    schema_text = json.dumps(schema, indent=1, sort_keys=False) if schema is not None else ""
    return [
        {"role": "system", "content": _render("system.j2", schema=schema_text)},
        {"role": "user", "content": _render("article.j2", article=article)},
    ]


def reask_message(errors: list[str]) -> Message:
    """The follow-up that quotes the validation errors back to the model."""
    return {"role": "user", "content": _render("reask.j2", errors=errors)}


def story_messages(story: Story, key: str, headlines: list[str]) -> list[Message]:
    """The system and user messages asking for a story's headline and summary from its merged reports."""
    outlets = sorted({ref.source for ref in story.sources})
    return [
        {"role": "system", "content": _render("system.j2", schema="")},
        {
            "role": "user",
            "content": _render("synthesize.j2", story=story, key=key, outlets=outlets, headlines=headlines),
        },
    ]


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
