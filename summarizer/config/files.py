"""The configuration files: `[tool.summarizer]` in the nearest pyproject.toml, and the user's config.toml.

Precedence, highest first: what the caller passes (the command line's flags) > environment variables >
the project's file > the user's file > the defaults. Keys are the names of the Settings fields
(`concurrency = 16`, `cache_dir = ".cache/briefs"`); a key that is not one, or a value that does not
validate, is an error naming the file and the key. Relative paths in a file are relative to that file.

This module imports nothing heavy (no pydantic): the command line's `--help` reads its defaults.
"""

from __future__ import annotations

import difflib
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from platformdirs import user_cache_path, user_config_path

if TYPE_CHECKING:
    from pydantic.fields import FieldInfo
    from pydantic_settings import BaseSettings

__all__ = [
    "DEFAULT_EMBEDDING_MODEL",
    "DEFAULT_MODEL",
    "ConfigFile",
    "Origin",
    "default_cache_dir",
    "environment_name",
    "find_project_file",
    "origins",
    "project_config",
    "user_config",
    "user_config_file",
]

#: OpenAI's high-volume tier with strict structured outputs on Chat Completions.
DEFAULT_MODEL = "gpt-6-luna"
#: The embedding model of `--cluster embeddings`: OpenAI's cheapest current one (1,536 dimensions).
DEFAULT_EMBEDDING_MODEL = "text-embedding-3-small"

#: The key a project must not hold: a pyproject.toml is committed, and a key in it is a leaked key.
_NOT_IN_A_PROJECT = {"api_key": "the API key does not belong in a committed file: set OPENAI_API_KEY"}


@dataclass(frozen=True)
class ConfigFile:
    """One configuration file's settings, as read (paths made absolute), and where they came from."""

    path: Path
    #: The table the settings are in: "[tool.summarizer] " in a pyproject.toml, "" in the user's file.
    table: str
    values: Mapping[str, Any]

    def where(self, key: str) -> str:
        """The file and the key, as an error or `summarizer config` names them."""
        return f"{self.path}: {self.table}{key}"


@dataclass(frozen=True)
class Origin:
    """Where one setting's value came from, for `summarizer config`."""

    name: str
    value: str
    source: str


def default_cache_dir() -> Path:
    """The platform's cache folder: ~/.cache/summarizer on Linux (honouring $XDG_CACHE_HOME),
    ~/Library/Caches/summarizer on macOS, %LOCALAPPDATA%\\summarizer\\Cache on Windows.
    $SUMMARIZER_CACHE_DIR, a flag or a config file overrides it."""
    return user_cache_path("summarizer", appauthor=False)


def user_config_file() -> Path:
    """The user's config.toml under the platform's config folder (~/.config/summarizer on Linux,
    honouring $XDG_CONFIG_HOME; ~/Library/Application Support/summarizer on macOS; %APPDATA% on Windows)."""
    return user_config_path("summarizer", appauthor=False) / "config.toml"


def find_project_file(start: Path | None = None) -> Path | None:
    """The nearest pyproject.toml with a [tool.summarizer] table, from `start` (the cwd) upward."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / "pyproject.toml"
        if path.is_file() and _has_table(path):
            return path
    return None


def _has_table(path: Path) -> bool:
    # A cheap look before parsing: most pyproject.toml files on the way up have no such table, and a
    # broken one that is not ours must not stop the command.
    try:
        return "tool.summarizer" in path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False


def project_config(fields: Mapping[str, FieldInfo], start: Path | None = None) -> ConfigFile | None:
    """The nearest project's [tool.summarizer] table, its keys checked against `fields`."""
    path = find_project_file(start)
    if path is None:
        return None
    table = _read(path).get("tool", {}).get("summarizer")
    if table is None:
        return None
    if not isinstance(table, dict):
        raise _usage_error(f"{path}: [tool.summarizer] must be a table of settings")
    for key, why in _NOT_IN_A_PROJECT.items():
        if key in table:
            raise _usage_error(f"{path}: [tool.summarizer] {key}: {why}")
    return _checked(ConfigFile(path, "[tool.summarizer] ", table), fields)


def user_config(fields: Mapping[str, FieldInfo]) -> ConfigFile | None:
    """The user's config.toml, when there is one, its keys checked against `fields`."""
    path = user_config_file()
    if not path.is_file():
        return None
    return _checked(ConfigFile(path, "", _read(path)), fields)


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as stream:
            return tomllib.load(stream)
    except OSError as error:
        raise _usage_error(f"cannot read {path}: {error.strerror or error}") from None
    except tomllib.TOMLDecodeError as error:
        raise _usage_error(f"{path} is not valid TOML: {error}") from None


def _checked(config: ConfigFile, fields: Mapping[str, FieldInfo]) -> ConfigFile:
    """Unknown keys refused (with the nearest name), relative paths made relative to the file."""
    values = dict(config.values)
    for key in values:
        if key not in fields:
            close = difflib.get_close_matches(key.replace("-", "_"), list(fields), n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            raise _usage_error(f"{config.where(key)}: unknown setting{hint}")
    if isinstance(values.get("cache_dir"), str):
        values["cache_dir"] = config.path.parent / Path(values["cache_dir"]).expanduser()
    return ConfigFile(config.path, config.table, values)


def environment_name(name: str, field: FieldInfo, prefix: str) -> str:
    """The environment variable a field is read from: its alias (OPENAI_API_KEY), else PREFIX + NAME."""
    alias = field.validation_alias
    return alias if isinstance(alias, str) else f"{prefix}{name}".upper()


def origins(
    settings: BaseSettings, given: Mapping[str, Any], files: list[ConfigFile], prefix: str
) -> list[Origin]:
    """Each setting's effective value and where it came from: a flag, a variable, a file, the default.
    A secret shows only as set or unset."""
    result = []
    for name, field in type(settings).model_fields.items():
        value = getattr(settings, name)
        variable = environment_name(name, field, prefix)
        if name in given:
            source = "flag"
        elif os.environ.get(variable, "") != "":
            source = f"${variable}"
        else:
            source = next((config.where(name) for config in files if name in config.values), "default")
        shown = ("set" if value is not None else "unset") if field.repr is False else _shown(value)
        result.append(Origin(name, shown, source))
    return result


def _shown(value: Any) -> str:
    if hasattr(value, "model_dump"):
        fields = {key: item for key, item in value.model_dump().items() if item is not None}
        return ", ".join(f"{key}={item}" for key, item in fields.items()) or "-"
    return "-" if value is None else str(value)


def _usage_error(message: str) -> Exception:
    from ..errors import UsageError  # imports pydantic: only when there is an error to raise

    return UsageError(message)
