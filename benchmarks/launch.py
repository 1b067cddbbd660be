"""How every benchmark starts the fake endpoint (tests/fake, answering by rule): in its own process, so
that its threads do not share the measured run's interpreter, and reads what it counted."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def simulator(*args: str) -> Iterator[str]:
    """The fake endpoint started with command-line `args` (see `python -m tests.fake --help`);
    yields its base URL and stops it on leaving."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.fake", *args], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        yield process.stdout.readline().strip()
    finally:
        process.terminate()
        process.wait()


def stats(base_url: str) -> dict[str, Any]:
    """What the endpoint counted: requests per article, faults, 429s, the most in flight, tokens."""
    with urlopen(base_url.removesuffix("/v1") + "/stats") as response:
        result: dict[str, Any] = json.loads(response.read())
    return result
