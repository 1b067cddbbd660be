"""How long the command line takes to answer when it has nothing to compute: --help, --version, a usage
error, `import summarizer`; and, for comparison, what a command that runs the pipeline pays to import it.

    python benchmarks/startup.py [--runs 20]

Each command is run as a fresh process `--runs` times, after two warm-up runs (so the .pyc files exist),
as hyperfine does; prints the mean, the fastest and the slowest wall time in milliseconds, and the bare
interpreter's start-up for reference. Then the ten slowest imports of `import summarizer.api`
(python -X importtime), which is what a command that summarises pays on top.
Target: --help and --version within ~100 ms of the bare interpreter (issue #12: they took 1.2-1.5 s).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(sys.executable).parent / "summarizer"
CLI = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "summarizer"]

#: What a shell's completion code sets when Tab is pressed after "summarizer br" (argcomplete's protocol).
TAB = {
    "_ARGCOMPLETE": "1",
    "COMP_LINE": "summarizer br",
    "COMP_POINT": "13",
    "_ARGCOMPLETE_STDOUT_FILENAME": os.devnull,
}

CASES: list[tuple[str, list[str]]] = [
    ("python -c pass (the interpreter alone)", [sys.executable, "-c", "pass"]),
    ("summarizer --version", [*CLI, "--version"]),
    ("summarizer --help", [*CLI, "--help"]),
    ("summarizer brief --help", [*CLI, "brief", "--help"]),
    ("summarizer brief x --modle m (usage error)", [*CLI, "brief", "x", "--modle", "m"]),
    ("Tab after 'summarizer br' (completion)", [*CLI]),
    ("python -c 'import summarizer'", [sys.executable, "-c", "import summarizer"]),
    ("python -c 'import summarizer.api'", [sys.executable, "-c", "import summarizer.api"]),
]


def timed(command: list[str], runs: int, extra: dict[str, str]) -> list[float]:
    env = {**os.environ, **extra}
    for _ in range(2):  # warm-up: bytecode compiled, files in the page cache
        subprocess.run(command, capture_output=True, env=env, cwd=ROOT)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, env=env, cwd=ROOT)
        times.append((time.perf_counter() - started) * 1000)
    return times


def slowest_imports(module: str, count: int = 10) -> list[tuple[int, str]]:
    """The packages (names without a dot) with the largest cumulative import time, in microseconds."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    rows = []
    for line in result.stderr.splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) != 3 or not parts[1].strip().isdigit():
            continue
        name = parts[2].strip()
        if "." not in name and not name.startswith("_"):
            rows.append((int(parts[1]), name))
    return sorted(rows, reverse=True)[:count]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    print(f"{runs} runs each, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; wall time in ms")
    print(f"{'command':<46} {'mean':>7} {'min':>7} {'max':>7}")
    for label, command in CASES:
        times = timed(command, runs, TAB if label.startswith("Tab") else {})
        print(f"{label:<46} {statistics.mean(times):7.1f} {min(times):7.1f} {max(times):7.1f}")
    print("\nslowest imports under `import summarizer.api` (cumulative ms):")
    for micros, name in slowest_imports("summarizer.api"):
        print(f"  {micros / 1000:7.1f}  {name}")
    if shutil.which("hyperfine") is None:
        print("\n(hyperfine is not installed; these are the same warm-up-then-repeat measurements)")


if __name__ == "__main__":
    main()
