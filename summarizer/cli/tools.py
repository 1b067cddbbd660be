"""The commands about the tool itself: the settings in force, and shell completion. No pipeline."""

from __future__ import annotations

import argparse
import shlex
from collections.abc import Callable

from ..config.files import find_project_file, user_config_file
from ..errors import UsageError
from .exits import EXIT_OK

__all__ = ["COMMANDS"]


#: A value longer than this (the fetch policy's) is not padded to: it would widen every row.
_VALUE_COLUMN = 40


def _config(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from ..config.settings import Settings

    project, user = find_project_file(), user_config_file()
    try:
        origins = Settings.explain()
    except ValidationError as error:  # a bad SUMMARIZER_* variable: one line naming it, as brief says it
        from .commands import settings_problem

        problems = "; ".join(settings_problem(e) for e in error.errors())
        raise UsageError(f"invalid settings (from the SUMMARIZER_* variables): {problems}") from None
    print(f"# project file: {project or 'none (no pyproject.toml with [tool.summarizer] here or above)'}")
    print(f"# user file:    {user}{'' if user.is_file() else ' (not there)'}")
    trusted = next((config.trusted_projects for config in Settings.config_files() if config.path == user), ())
    if trusted:
        print(f"# trusted projects (their files may set the endpoint): {', '.join(map(str, trusted))}")
    names = max(len(origin.name) for origin in origins)
    values = max((len(origin.value) for origin in origins if len(origin.value) <= _VALUE_COLUMN), default=0)
    for origin in origins:
        note = f"  ({origin.note})" if origin.note else ""
        print(f"{origin.name:<{names}}  {origin.value:<{values}}  {origin.source}{note}")
    return EXIT_OK


def _completion(args: argparse.Namespace) -> int:
    from argcomplete.shell_integration import shellcode

    # The code asks `summarizer` itself for the candidates at each Tab, so it never goes stale when
    # options are added; answering is quick because parsing imports nothing heavy.
    print(shellcode([shlex.quote("summarizer")], shell=args.shell), end="")
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {"config": _config, "completion": _completion}
