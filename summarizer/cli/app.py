"""The entry point: parse, dispatch, and turn every way a command can end into an exit status.

Parsing comes first and imports nothing heavy; a command's module (and with it pydantic, the OpenAI
SDK, jinja2, the HTML readers) is imported only once it is known which command runs.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from types import FrameType

from .exits import EXIT_FAILURES, EXIT_INTERRUPTED, EXIT_TERMINATED, EXIT_USAGE, exit_status_of, with_flags
from .parser import build_parser, complete_if_asked

__all__ = ["Terminated", "main"]


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so that it unwinds the same way: the run is cancelled on its loop,
    nothing is half-written, every briefing finished so far stays cached."""


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise Terminated


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM handled like Ctrl-C while a command runs; the previous handler put back after it."""
    try:
        previous = signal.signal(signal.SIGTERM, _terminate)
    except ValueError:  # not the main thread: signals are not ours to handle
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


#: The module that runs each command: those about the tool itself need none of the pipeline.
_MODULES = {"config": "tools", "completion": "tools"}


def _command(name: str) -> Callable[[argparse.Namespace], int]:
    module = importlib.import_module(f".{_MODULES.get(name, 'commands')}", __package__)
    command: Callable[[argparse.Namespace], int] = module.COMMANDS[name]
    return command


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (the console script exits with it)."""
    parser = build_parser()
    complete_if_asked(parser)
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv:  # the help, and a usage status (git alone exits non-zero too): no command ran
        parser.print_help()
        return EXIT_USAGE
    if argv[0] == "help":  # `summarizer help [COMMAND]`, as git and pip take it
        argv = [*argv[1:2], "--help"]
    args = parser.parse_args(argv)
    if args.command is None:  # checked here, not by argparse: `summarizer --verison` hears of --version
        parser.error(f"no command given: choose from {', '.join(parser.commands)}")
    command = _command(args.command)
    from ..errors import SummarizerError
    from .streams import guarded_streams

    # Everything imported so far lives as long as the process: keep the collector from walking it again
    # and again while a run creates its briefings (measured: 15% of the pipeline's CPU time).
    gc.freeze()
    with guarded_streams():  # everything printed, log records included, leaves without a secret
        logging.basicConfig(
            level=logging.INFO if getattr(args, "verbose", False) else logging.ERROR,
            stream=sys.stderr,
            format="%(levelname)s %(name)s: %(message)s",
        )
        try:
            with _sigterm_as_interrupt():
                status = command(args)
                sys.stdout.flush()  # a closed pipe shows here, not as a traceback at exit
                return status
        except SummarizerError as error:
            print(f"summarizer: error: {with_flags(str(error))}", file=sys.stderr)
            return exit_status_of(error)
        except BrokenPipeError:
            # The reader went away (`summarizer brief ... | head`): stop quietly, as Unix tools do. Python
            # would flush stdout again at exit and complain; point it at devnull first (the Python docs'
            # recipe for SIGPIPE).
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return EXIT_FAILURES
        except KeyboardInterrupt as interrupt:
            how = "terminated" if isinstance(interrupt, Terminated) else "interrupted"
            print(
                f"\nsummarizer: {how}; nothing was written. Every briefing finished so far is cached: "
                "run the same command again to resume.",
                file=sys.stderr,
            )
            return EXIT_TERMINATED if isinstance(interrupt, Terminated) else EXIT_INTERRUPTED
