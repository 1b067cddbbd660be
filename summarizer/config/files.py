"""The configuration files: `[tool.summarizer]` in the nearest pyproject.toml, and the user's config.toml.

Precedence, highest first: what the caller passes (the command line's flags) > environment variables >
the project's file > the user's file > the defaults. Keys are the names of the Settings fields
(`concurrency = 16`, `cache_dir = ".cache/briefs"`); a key that is not one, or a value that does not
validate, is an error naming the file and the key. Relative paths in a file are relative to that file.

A project file is found by walking up from the current folder, so anyone who can write a folder above
it (a cloned repository, a shared drive, /tmp) can put one there. The settings that decide where the
API key and the requests go (TRUSTED_ONLY) are therefore read from it only when the user trusts the
project, as git's safe.directory asks: the folder listed in `trusted_projects` of the user's own file,
or `trust_project` set by a flag, the environment or the user's file. Otherwise they are ignored, with
one warning naming the file and the key.

This module imports nothing heavy (no pydantic): the command line's `--help` reads its defaults.
"""

from __future__ import annotations

import difflib
import logging
import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from platformdirs import user_cache_path, user_config_path

from .options import DEFAULT_EMBEDDING_MODEL, DEFAULT_MODEL

if TYPE_CHECKING:
    from pydantic.fields import FieldInfo
    from pydantic_settings import BaseSettings

logger = logging.getLogger(__name__)

__all__ = [
    "DEFAULT_EMBEDDING_MODEL",
    "DEFAULT_MODEL",
    "TRUSTED_ONLY",
    "TRUSTED_PROJECTS",
    "ConfigFile",
    "Origin",
    "Trust",
    "default_cache_dir",
    "environment_name",
    "find_project_file",
    "origins",
    "project_config",
    "user_config",
    "user_config_file",
]


#: Keys a project must not hold: a pyproject.toml is committed, and a key in it is a leaked key; and a
#: project that could trust itself would need no trust.
_NOT_IN_A_PROJECT = {
    "api_key": "the API key does not belong in a committed file: set OPENAI_API_KEY",
    "trust_project": "a project cannot trust itself: a flag, the environment or your own config.toml can",
    "trusted_projects": "a project cannot trust itself: list it in your own config.toml",
}

#: Settings that decide where the API key or any request goes: the endpoint the key is sent to, and
#: whether fetching may reach private and loopback addresses. A project file sets them only when the
#: user trusts the project (see the module's docstring).
TRUSTED_ONLY = ("base_url", "fetch.allow_private")

#: The key of the user's config.toml that lists the project folders whose files are trusted.
TRUSTED_PROJECTS = "trusted_projects"

#: Decides whether the project in a folder is trusted: how (for the notes), or None.
Trust = Callable[[Path], "str | None"]


@dataclass(frozen=True)
class ConfigFile:
    """One configuration file's settings, as read (paths made absolute), and where they came from."""

    path: Path
    #: The table the settings are in: "[tool.summarizer] " in a pyproject.toml, "" in the user's file.
    table: str
    values: Mapping[str, Any]
    #: The TRUSTED_ONLY keys the file sets (a project's file only).
    guarded: tuple[str, ...] = ()
    #: How the project came to be trusted ("trust_project", ...); None: its guarded keys are ignored
    #: (left out of `values`).
    trusted_by: str | None = None
    #: The user's file only: the project folders it trusts.
    trusted_projects: tuple[Path, ...] = ()

    def where(self, key: str) -> str:
        """The file and the key, as an error or `summarizer config` names them."""
        return f"{self.path}: {self.table}{key}"

    def notices(self) -> list[str]:
        """One line per guarded key: ignored, and how to trust the project; or honoured, and why."""
        folder = self.path.parent
        if self.trusted_by is not None:
            return [
                f"{key} = {_shown(_get(self.values, key))} is set by {self.where(key)} "
                f"(the project is trusted: {self.trusted_by})"
                for key in self.guarded
            ]
        return [
            f"ignoring {self.where(key)}: a project file decides where the API key and requests go "
            f"only when you trust it: set trust_project for one run (or SUMMARIZER_TRUST_PROJECT=1), "
            f'or add {TRUSTED_PROJECTS} = ["{folder}"] to {user_config_file()}'
            for key in self.guarded
        ]


@dataclass(frozen=True)
class Origin:
    """Where one setting's value came from, for `summarizer config`."""

    name: str
    value: str
    source: str
    #: What else to know: a project's value that was ignored, or honoured because the project is trusted.
    note: str = ""


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


def project_config(
    fields: Mapping[str, FieldInfo], start: Path | None = None, *, trust: Trust | None = None
) -> ConfigFile | None:
    """The nearest project's [tool.summarizer] table, its keys checked against `fields`. Its TRUSTED_ONLY
    keys are left out (and a warning logged) unless `trust` says how the project's folder is trusted."""
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
    guarded = tuple(key for key in TRUSTED_ONLY if _get(table, key) is not None)
    trusted_by = trust(path.parent) if guarded and trust is not None else None
    if guarded and trusted_by is None:
        table = _without(table, guarded)
    config = ConfigFile(path, "[tool.summarizer] ", table, guarded, trusted_by)
    for notice in config.notices() if trusted_by is None else ():
        if (path, notice) not in _warned:  # once a process: Settings are built more than once
            _warned.add((path, notice))
            logger.warning("%s", notice)
    return _checked(config, fields)


_warned: set[tuple[Path, str]] = set()


def user_config(fields: Mapping[str, FieldInfo]) -> ConfigFile | None:
    """The user's config.toml, when there is one, its keys checked against `fields` (and
    `trusted_projects`, which only this file may hold)."""
    path = user_config_file()
    if not path.is_file():
        return None
    values = _read(path)
    listed = values.pop(TRUSTED_PROJECTS, [])
    if not isinstance(listed, list) or not all(isinstance(folder, str) for folder in listed):
        raise _usage_error(f'{path}: {TRUSTED_PROJECTS}: give a list of folders, e.g. ["~/newsroom"]')
    folders = tuple(_absolute(path, folder) for folder in listed)
    return _checked(ConfigFile(path, "", values, trusted_projects=folders), fields)


def _absolute(config: Path, folder: str) -> Path:
    return (config.parent / Path(folder).expanduser()).resolve()


def _get(table: Mapping[str, Any], dotted: str) -> Any:
    """A value of a table by its dotted key ("fetch.allow_private"); None when absent."""
    value: Any = table
    for part in dotted.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def _without(table: Mapping[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    """A copy of the table without the dotted keys (a sub-table left empty goes too)."""
    copy = {name: dict(value) if isinstance(value, Mapping) else value for name, value in table.items()}
    for dotted in keys:
        *parents, last = dotted.split(".")
        holder: Any = copy
        for part in parents:
            holder = holder.get(part)
        holder.pop(last, None)
        if parents and not copy[parents[0]]:
            del copy[parents[0]]
    return copy


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
    return ConfigFile(
        config.path, config.table, values, config.guarded, config.trusted_by, config.trusted_projects
    )


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
        result.append(Origin(name, shown, source, _note(name, files)))
    return result


def _note(name: str, files: list[ConfigFile]) -> str:
    """Whether a project file's value of a TRUSTED_ONLY setting was ignored or honoured, and why."""
    notes = []
    for config in files:
        for key in config.guarded:
            if key.split(".")[0] != name:
                continue
            if config.trusted_by is None:
                notes.append(f"ignored {config.where(key)}: the project is not trusted")
            else:
                notes.append(f"{config.where(key)} honoured: the project is trusted ({config.trusted_by})")
    return "; ".join(notes)


def _shown(value: Any) -> str:
    if hasattr(value, "model_dump"):
        fields = {key: item for key, item in value.model_dump().items() if item is not None}
        return ", ".join(f"{key}={item}" for key, item in fields.items()) or "-"
    return "-" if value is None else str(value)


def _usage_error(message: str) -> Exception:
    from ..errors import UsageError  # imports pydantic: only when there is an error to raise

    return UsageError(message)
