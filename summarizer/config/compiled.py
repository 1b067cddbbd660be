"""The package's own templates (the prompts and the brief), compiled once and kept: compiling
brief.md.j2 costs ~0.1 s, a tenth of a rerun whose answers are all cached.

Jinja's bytecode cache, beside the user's cache folder (~/.cache/summarizer-templates on Linux: not in
the answers' folder, which `cache clear` owns); one folder per Jinja version, Python version and
environment, so that no code compiled for another setting is ever loaded. A user's own template
(--template) is never cached: it is compiled in the sandbox each time (output/sandbox.py).

A cache that cannot be read or written costs the compile and nothing else: a read-only home, a full disk or
a damaged file is never an error.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket, FileSystemBytecodeCache

from .files import default_cache_dir

logger = logging.getLogger(__name__)

__all__ = ["template_cache"]


class _QuietCache(FileSystemBytecodeCache):
    """Jinja's file cache, made to fail quietly: a template compiles as if there were no cache."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception as error:  # a damaged or foreign file: compile anew, and overwrite it
            logger.debug("compiled template %s not read (%s)", bucket.key, type(error).__name__)
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            self.directory_ready()
            super().dump_bytecode(bucket)
        except OSError as error:
            logger.debug("compiled template %s not kept (%s)", bucket.key, type(error).__name__)

    def directory_ready(self) -> None:
        Path(self.directory).mkdir(parents=True, exist_ok=True, mode=0o700)


def template_cache(kind: str) -> FileSystemBytecodeCache:
    """The bytecode cache for one of the package's environments (`kind`: "prompts", "markdown", "page")."""
    version = f"jinja-{jinja2.__version__}-{sys.implementation.cache_tag}"
    folder = default_cache_dir().with_name("summarizer-templates") / version / kind
    return _QuietCache(str(folder))
