"""What changed since the previous brief (the living brief): a figure's old and new report, the
stories no longer reported, and which brief this one was compared with."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from .article import SourceRef
from .base import _Model

#: How a story stands against the previous brief: not in it, in it with something new, or as it was.
StoryStatus = Literal["new", "updated", "unchanged"]


class FigureReport(_Model):
    """One outlet's figure for a fact, as of its article."""

    value: str = Field(description="The figure as reported, with its qualifier: 'at least 273', '61'.")
    sources: list[str] = Field(description="The outlets that gave it.")
    published: datetime | None = Field(default=None, description="When the newest of their articles was.")
    text: str = Field(description="The statement it was read from.")


class FigureChange(_Model):
    """A figure that a newer report gives otherwise than the previous brief did: 'dead: 61 → 90'."""

    fact: str = Field(description="What the figure counts, and where: 'dead', 'dead in Oaxaca'.")
    old: FigureReport = Field(description="The previous brief's latest figure for it.")
    new: FigureReport = Field(description="The figure of a report the previous brief did not have.")


class NoLongerReported(_Model):
    """A story of the previous brief that no article of this one reports: listed once, then forgotten."""

    id: str
    headline: str
    sources: list[SourceRef] = Field(description="The articles that reported it in the previous brief.")


class PreviousBrief(_Model):
    """The brief this one was compared with."""

    origin: str = Field(
        description="Where it came from: 'remembered for brief.md' (the store) or the file --previous named."
    )
    stories: int = Field(description="How many stories it had.")
    latest: datetime | None = Field(default=None, description="When its newest article was published.")


class BriefChanges(_Model):
    """The brief against the previous one: which it was, and its stories that nothing reports now."""

    previous: PreviousBrief | None = Field(
        default=None, description="None when there was none to compare with (a first run, --no-previous)."
    )
    no_longer_reported: list[NoLongerReported] = Field(default=[])
    unchanged_left_out: int = Field(
        default=0, description="Unchanged stories left out of this brief (--changes-only): not shown."
    )
