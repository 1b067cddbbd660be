"""The content-addressed store of briefings, so that a rerun pays only for new or changed articles."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from .llm import LLMSettings, briefing_schema
from .models import Article, ArticleBriefing, SourceRef
from .prompts import prompt_version

__all__ = ["BriefingCache", "cache_key", "default_cache_dir"]

logger = logging.getLogger(__name__)

Stored = TypeVar("Stored", bound=BaseModel)

#: Bump when the stored layout changes: older entries are then simply not found.
FORMAT = 1


def default_cache_dir() -> Path:
    """$SUMMARIZER_CACHE_DIR, else $XDG_CACHE_HOME/summarizer, else ~/.cache/summarizer."""
    if os.environ.get("SUMMARIZER_CACHE_DIR"):
        return Path(os.environ["SUMMARIZER_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "summarizer"


@cache
def _schema_version() -> str:
    return hashlib.sha256(json.dumps(briefing_schema(), sort_keys=True).encode()).hexdigest()[:12]


def cache_key(article: Article, settings: LLMSettings) -> str:
    """What makes an answer reusable: the article's text, the model, the prompts, the schema, the mode
    and the grounding policy (it changes what is kept). Not the article's path or outlet."""
    material = {
        "format": FORMAT,
        "text": hashlib.sha256(article.text.encode("utf-8")).hexdigest(),
        "model": settings.model,
        "prompt": prompt_version(),
        "schema": _schema_version(),
        "mode": settings.mode,
        "grounding": settings.grounding,
    }
    return hashlib.sha256(json.dumps(material, sort_keys=True).encode()).hexdigest()


@dataclass(frozen=True)
class BriefingCache:
    """One JSON file per briefing under `root`, written atomically (a temporary file, then a rename).

    Concurrent writers of the same entry write the same content, and the last rename wins; a reader
    never sees half a file. An entry that cannot be read (a crash mid-write on a filesystem without
    atomic rename, a hand edit) is a miss and is written again.
    """

    root: Path

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, article: Article, settings: LLMSettings) -> ArticleBriefing | None:
        stored = self.read(cache_key(article, settings), ArticleBriefing)
        # The same text may come from another path or outlet this time: cite it as given now.
        return stored.model_copy(update={"ref": SourceRef.of(article)}) if stored is not None else None

    def put(self, article: Article, settings: LLMSettings, result: ArticleBriefing) -> None:
        self.write(cache_key(article, settings), result)

    def read(self, key: str, kind: type[Stored]) -> Stored | None:
        """The entry under `key` as `kind`; None when there is none or it cannot be read."""
        path = self._path(key)
        try:
            return kind.model_validate_json(path.read_bytes())
        except FileNotFoundError:
            return None
        except (OSError, ValidationError, ValueError) as error:
            logger.warning("ignoring unreadable cache entry %s: %s", path, type(error).__name__)
            return None

    def write(self, key: str, result: BaseModel) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(result.model_dump_json().encode("utf-8"))
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def clear(self) -> int:
        """Remove every stored briefing; returns how many there were."""
        count = sum(1 for _ in self.root.glob("*/*.json")) if self.root.is_dir() else 0
        if self.root.is_dir():
            shutil.rmtree(self.root)
        return count

    def size(self) -> tuple[int, int]:
        """(entries, bytes) stored."""
        files = list(self.root.glob("*/*.json")) if self.root.is_dir() else []
        return len(files), sum(f.stat().st_size for f in files)
