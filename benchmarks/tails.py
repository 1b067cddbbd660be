"""A run's tails (issue #24): faults, pacing, start-up, a warm rerun and the merge, each measured over
repeated runs and printed with its spread (min / median / max), in one command.

    python benchmarks/tails.py                        # every row, 5 runs each (about 10 minutes)
    python benchmarks/tails.py --runs 3 --only startup,warm

Every run is a fresh Python process, against the fake endpoint (tests/fake, answering by rule) in a
process of its own, over synthetic articles (tests/synthetic.py). Rows and their targets:

  faults   300 articles, 200 ms latency, concurrency 16, 20% HTTP 500 and 10% dropped connections
           (picked by a hash of article and attempt, so every run meets the same faults; answered at
           once). The summarising stage's time over the fault-free run's just before it (the same load):
           <= 1.2 x in every run, every article done, at most the failed requests sent again.
  pacing   300 articles, the server enforcing 1,200 requests a minute (a one-second burst; 429 with
           retry-after-ms; x-ratelimit-* headers), 50 ms latency, concurrency 32. The ideal time for the
           requests the server answered (those past its burst, at 20 a second) over the time from its
           first request to its last answered one: >= 0.95 in every run, <= 1.05 requests an article.
  startup  `summarizer brief DIR` (no cache) from the process's start to the server's first request,
           for 10 and 300 files: <= 0.6 s. With bytecode, as an installed package has it (a first,
           untimed run writes it): PYTHONDONTWRITEBYTECODE is dropped from the command's environment.
  warm     `summarizer brief DIR` over 300 files whose answers are all cached, start to exit: <= 1 s.
  merge    merge_briefings of 10,000 generated briefings (benchmarks/merge.py's): < 3 s.

Side by side, in the same runs: the plain openai SDK sending the pipeline's very requests at the same
concurrency, with its own default retries (2, honouring retry-after): its time, and what it loses. The
machine is shared: each measurement prints the load average, and the CPU time where it is the
process's own. The summarising stage is measured as benchmarks/ratelimited_run.py measures it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.launch import simulator, stats  # noqa: E402
from benchmarks.ratelimited_run import Scenario, measure  # noqa: E402

SCRIPT = Path(sys.executable).parent / "summarizer"
CLI = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "summarizer"]
ROWS = ("faults", "pacing", "startup", "warm", "merge")

N, RPM, BURST = 300, 1200, 1.0
CLEAN = Scenario("unlimited", N, 16, ["--latency", "0.2"], N * 0.2 / 16)
# Two kinds of three are 500s: 20% of requests answered 500, 10% dropped.
FAULT_KINDS = ["--faults", "0.3", "--fault-kinds", "server_error,server_error,dropped"]
FAULTY = Scenario("faults", N, 16, [*CLEAN.server, *FAULT_KINDS], 0)
LIMIT = ["--latency", "0.05", "--rpm", str(RPM), "--burst", str(BURST)]
LIMITED = Scenario("rpm", N, 32, LIMIT, N / (RPM / 60))


def load() -> str:
    return f"load {os.getloadavg()[0]:.2f}"


def spread(values: list[float], digits: int = 2) -> str:
    return " / ".join(f"{v:.{digits}f}" for v in (min(values), statistics.median(values), max(values)))


class Row:
    """One row's figures over the runs, and whether its target held in every one."""

    def __init__(self, name: str, target: str, check: Callable[[float], bool], digits: int = 2) -> None:
        self.name, self.target, self.check, self.digits = name, target, check, digits
        self.values: list[float] = []
        #: The CPU seconds of each run, where they are the measured process's own (a busy machine
        #: stretches the wall time; the CPU time much less).
        self.cpu: list[float] = []
        self.ok = True

    def add(self, value: float, ok: bool = True, cpu: float | None = None) -> bool:
        self.values.append(value)
        if cpu is not None:
            self.cpu.append(cpu)
        passed = ok and self.check(value)
        self.ok &= passed
        return passed

    def line(self) -> str:
        held = "holds" if self.ok and self.values else "MISSED"
        figures = spread(self.values, self.digits) if self.values else "-"
        if self.cpu:
            figures += f" (CPU {spread(self.cpu, self.digits)} s)"
        return f"| {self.name} | {figures} | {self.target} | {held} ({len(self.values)} runs) |"


def faults(folder: Path, runs: int) -> Row:
    row = Row("faults: time under 20% 500 + 10% dropped, x fault-free", "<= 1.2 x", lambda r: r <= 1.2)
    print(f"faults: {N} articles, 200 ms latency, concurrency 16; 20% HTTP 500 + 10% dropped connections")
    sdk: list[tuple[float, float, int]] = []
    for run in range(runs):
        print(f"  run {run + 1} ({load()})")
        clean = measure(CLEAN, folder, False)
        faulty = measure(FAULTY, folder, False)
        ratio = faulty["summarise"] / clean["summarise"]
        again = faulty["server_requests"] - N
        complete = faulty["done"] == N and clean["done"] == N
        # At most the failed requests again: every request past one an article answered a fault.
        ok = row.add(ratio, complete and again <= faulty["faults"])
        print(
            f"    {'ok  ' if ok else 'MISS'} fault-free {clean['summarise']:.2f} s, with faults "
            f"{faulty['summarise']:.2f} s = {ratio:.2f} x; {faulty['done']}/{N} done; "
            f"{faulty['server_requests']} requests = {N} + {again} for {faulty['faults']} faults"
        )
        plain = measure(CLEAN, folder, False, sdk=True, sdk_retries=True)
        plain_faulty = measure(FAULTY, folder, False, sdk=True, sdk_retries=True)
        lost = N - plain_faulty["done"]
        sdk.append((plain["summarise"], plain_faulty["summarise"] / plain["summarise"], lost))
        print(
            f"         plain SDK: fault-free {plain['summarise']:.2f} s, with faults "
            f"{plain_faulty['summarise']:.2f} s = {sdk[-1][1]:.2f} x, {lost} articles lost "
            f"({plain_faulty['server_requests']} requests)"
        )
    print(f"  pipeline x fault-free, min / median / max: {spread(row.values)} (target <= 1.2 in every run)")
    print(
        f"  plain SDK: fault-free {spread([s[0] for s in sdk])} s; with faults "
        f"{spread([s[1] for s in sdk])} x; articles lost {spread([float(s[2]) for s in sdk], 0)}"
    )
    return row


def pacing(folder: Path, runs: int) -> Row:
    row = Row("pacing at 1,200 rpm: ideal / first-to-last request", ">= 0.95", lambda p: p >= 0.95, 3)
    per_second = RPM / 60
    print(f"pacing: {N} articles, {RPM} rpm (1 s burst, x-ratelimit-* headers), 50 ms, concurrency 32")
    sdk: list[tuple[float, int]] = []
    for run in range(runs):
        print(f"  run {run + 1} ({load()})")
        result = measure(LIMITED, folder, False)
        server = result["server"]
        span = server["last_answered_at"] - server["first_at"]
        ideal = (server["answered"] - per_second * BURST) / per_second
        pace = ideal / span
        requests = result["server_requests"]
        ok = row.add(pace, result["done"] == N and requests <= 1.05 * N)
        print(
            f"    {'ok  ' if ok else 'MISS'} {server['answered']} answered in {span:.2f} s (ideal "
            f"{ideal:.2f} s): pacing {pace:.3f}; {result['done']}/{N} done, {requests} requests, "
            f"{result['server_429']} 429s; summarising {result['summarise']:.2f} s"
        )
        plain = measure(LIMITED, folder, False, sdk=True, sdk_retries=True)
        sdk.append((plain["summarise"], plain["done"]))
        print(
            f"         plain SDK: {plain['done']}/{N} done in {plain['summarise']:.2f} s, "
            f"{plain['server_requests']} requests, {plain['server_429']} 429s"
        )
    print(f"  pacing, min / median / max: {spread(row.values, 3)} (target >= 0.95 in every run)")
    print(f"  plain SDK: done {spread([float(s[1]) for s in sdk], 0)} of {N}")
    return row


def command(folder: Path, url: str, cache: Path | None, out: Path) -> tuple[float, float, float]:
    """`summarizer brief` run once: (its start time.time(), wall seconds, CPU seconds)."""
    cached = ["--cache-dir", str(cache)] if cache is not None else ["--no-cache"]
    arguments = [*CLI, "brief", str(folder), "--base-url", url, *cached, "-q", "-o", str(out)]
    # PYTHONPATH: the package of this tree, whatever the environment has installed. Bytecode written
    # and read, as an installed package has it (pip compiles on install): with PYTHONDONTWRITEBYTECODE
    # set, as on the development machines, every start compiles every module again (2 s of CPU).
    env = {**os.environ, "OPENAI_API_KEY": "sk-benchmark", "XDG_CONFIG_HOME": str(out.parent)}
    env["PYTHONPATH"] = str(ROOT)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started, clock = time.time(), time.perf_counter()
    subprocess.run(arguments, cwd=out.parent, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - clock
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return started, wall, cpu


def startup(folders: dict[int, Path], runs: int, work: Path) -> list[Row]:
    rows = []
    print("startup: `summarizer brief DIR --no-cache` from the process's start to the first request")
    for count in (10, N):
        row = Row(f"start-up to the first request, {count} files", "<= 0.6 s", lambda s: s <= 0.6)
        for run in range(runs + 1):
            with simulator() as url:
                started, wall, cpu = command(folders[count], url, None, work / "out.md")
                first = stats(url)["first_at"]
            if run == 0:
                continue  # a warm-up: bytecode compiled, files in the page cache
            seconds = first - started
            ok = row.add(seconds)
            print(
                f"  {'ok  ' if ok else 'MISS'} {count} files, run {run} ({load()}): first request after "
                f"{seconds:.3f} s; the whole command {wall:.2f} s, {cpu:.2f} s CPU"
            )
        print(f"  {count} files, min / median / max: {spread(row.values, 3)} s (target <= 0.6 s)")
        rows.append(row)
    return rows


def warm(folder: Path, runs: int, work: Path) -> Row:
    row = Row(f"rerun with all {N} answers cached", "<= 1 s", lambda s: s <= 1.0)
    print(f"warm: `summarizer brief DIR --cache-dir C` over {N} files, every answer in C")
    cache = work / "cache"
    with simulator() as url:
        command(folder, url, cache, work / "fill.md")
        for run in range(runs + 1):
            _, wall, cpu = command(folder, url, cache, work / "out.md")
            if run == 0:
                continue
            ok = row.add(wall, cpu=cpu)
            print(f"  {'ok  ' if ok else 'MISS'} run {run} ({load()}): {wall:.3f} s, {cpu:.2f} s CPU")
        sent = sum(stats(url)["requests"].values())
    print(f"  min / median / max: {spread(row.values, 3)} s (target <= 1 s); {sent} requests (the fill's)")
    return row


def merge_child() -> None:
    from benchmarks.merge import generate
    from summarizer.merge.assemble import merge_briefings
    from summarizer.text.normalize import clear_caches

    items, _ = generate(10_000)
    clear_caches()
    cpu, wall = time.process_time(), time.perf_counter()
    brief = merge_briefings(items)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(json.dumps({"wall": wall, "cpu": cpu, "stories": len(brief.stories)}))


def merge(runs: int) -> Row:
    row = Row("merge of 10,000 briefings", "< 3 s", lambda s: s < 3.0)
    print("merge: merge_briefings of 10,000 generated briefings, a fresh process each run")
    for run in range(runs):
        done = subprocess.run(
            [sys.executable, __file__, "--child-merge"], cwd=ROOT, check=True, capture_output=True, text=True
        )
        result = json.loads(done.stdout.strip().splitlines()[-1])
        ok = row.add(result["wall"], cpu=result["cpu"])
        print(
            f"  {'ok  ' if ok else 'MISS'} run {run + 1} ({load()}): {result['wall']:.2f} s, "
            f"{result['cpu']:.2f} s CPU, {result['stories']:,} stories"
        )
    print(f"  min / median / max: {spread(row.values)} s (target < 3 s)")
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each row (default 5)")
    parser.add_argument("--only", help=f"these rows only, comma-separated: {','.join(ROWS)}")
    parser.add_argument("--child-merge", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_merge:
        merge_child()
        return 0
    wanted = set(args.only.split(",")) if args.only else set(ROWS)
    from tests.synthetic import write_articles

    print(f"{args.runs} runs a row; {os.cpu_count()} CPUs, {load()} (1, 5, 15 min: {os.getloadavg()})")
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        folders = {count: work / f"articles-{count}" for count in (10, N)}
        for count, folder in folders.items():
            write_articles(folder, count)
        if "faults" in wanted:
            rows.append(faults(folders[N], args.runs))
        if "pacing" in wanted:
            rows.append(pacing(folders[N], args.runs))
        if "startup" in wanted:
            rows.extend(startup(folders, args.runs, work))
        if "warm" in wanted:
            rows.append(warm(folders[N], args.runs, work))
        if "merge" in wanted:
            rows.append(merge(args.runs))
    print("\n| figure | min / median / max | target | |\n| --- | --- | --- | --- |")
    for row in rows:
        print(row.line())
    print(f"({load()} at the end)")
    return 0 if all(row.ok for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
