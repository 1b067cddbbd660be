"""The command line: parse arguments, call the library, print. No logic of its own.

parser.py builds the parser, commands.py runs each command, output.py writes what a command leaves
behind and its summary line, app.py is the entry point that turns every ending into an exit status.
"""

from __future__ import annotations

from .app import Terminated, main
from .exits import (
    EXIT_ENDPOINT,
    EXIT_FAILURES,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_STOPPED,
    EXIT_STRICT,
    EXIT_TERMINATED,
    EXIT_UNCHANGED,
    EXIT_USAGE,
)

__all__ = [
    "EXIT_ENDPOINT",
    "EXIT_FAILURES",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_STOPPED",
    "EXIT_STRICT",
    "EXIT_TERMINATED",
    "EXIT_UNCHANGED",
    "EXIT_USAGE",
    "Terminated",
    "main",
]
