"""Exit statuses of the command line, and the flag wording of library messages."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..errors import SummarizerError

EXIT_OK = 0  # every article became a briefing
EXIT_FAILURES = 1  # some inputs are listed as not summarised, or the output could not be written
EXIT_USAGE = 2  # the command was used wrongly (bad option, no API key, no articles)
EXIT_STRICT = 2  # --strict: something was lost (not summarised, skipped, a date not read): do not publish
EXIT_STOPPED = 3  # the endpoint rejected the key; the run stopped (the brief lists what was not done)
EXIT_ENDPOINT = 4  # the endpoint is wrong: nothing listening, not OpenAI-compatible, unknown model
EXIT_UNCHANGED = 5  # --changes-only: no story is new or updated since the previous brief (nothing to send)
EXIT_INTERRUPTED = 130  # Ctrl-C
EXIT_TERMINATED = 143  # SIGTERM (128 + 15), as a shell reports a process it ended


def exit_status_of(error: SummarizerError) -> int:
    """The exit status an error ends the command with: the library's errors carry no exit codes."""
    # Imported here: this module is read for `--help`, which must not load pydantic.
    from ..errors import AccessDenied, EndpointError, UsageError
    from ..testing.errors import NotRecorded  # the error alone, without vcrpy

    if isinstance(error, UsageError | NotRecorded):  # a stale cassette is fixed by the command too
        return EXIT_USAGE
    if isinstance(error, AccessDenied):
        return EXIT_STOPPED
    if isinstance(error, EndpointError):
        return EXIT_ENDPOINT
    return EXIT_FAILURES


# A library error speaks in settings; on the command line the same thing is a flag.
_FLAGS = {
    "(base_url)": "(--base-url)",
    "use mode json_object": "use --mode json_object",
    "replay a recorded run from a cassette": "replay a recorded run with --cassette FILE",
    "record it again": "record it again with --record",
    "set trust_project for one run": "pass --trust-project for one run",
    "(the project is trusted: trust_project)": "(the project is trusted: --trust-project)",
}


def with_flags(message: str) -> str:
    """A library message in the command line's words: settings named as the flags that set them."""
    for setting, flag in _FLAGS.items():
        message = message.replace(setting, flag)
    return message
