"""What `kill -9` costs: requests paid twice when a run is killed at a random moment and run again.

N articles against the simulator (in its own process, with latency); the command is killed with SIGKILL
at a random moment, `--kills` times in a row, each time started again with the same cache; then run to
the end. Every request the server answered beyond one per article was paid twice.

    python benchmarks/kill.py --articles 400 --latency 0.2 --concurrency 8 --kills 5
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.throughput import simulator, stats  # noqa: E402
from tests.synthetic import write_articles  # noqa: E402


def brief(
    folder: Path, cache: Path, base_url: str, concurrency: int, output: Path
) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    env |= {"OPENAI_API_KEY": "sk-bench-00000000", "SUMMARIZER_CACHE_DIR": str(cache)}
    command = [sys.executable, "-m", "summarizer", "brief", str(folder), "--base-url", base_url]
    command += ["--concurrency", str(concurrency), "-q", "-o", str(output)]
    return subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def sent(base_url: str) -> int:
    counts: dict[str, int] = stats(base_url)["requests"]  # type: ignore[assignment]
    return sum(counts.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    chance = random.Random(args.seed)
    # Kill at a random moment once the run has started sending (its first ~second is imports, where a
    # kill costs nothing), early enough that every kill lands mid-run.
    with tempfile.TemporaryDirectory() as scratch, simulator("--latency", str(args.latency)) as base_url:
        folder, cache, output = Path(scratch) / "today", Path(scratch) / "cache", Path(scratch) / "brief.md"
        write_articles(folder, args.articles)
        for kill in range(args.kills):
            before = sent(base_url)
            process = brief(folder, cache, base_url, args.concurrency, output)
            while sent(base_url) == before and process.poll() is None:
                time.sleep(0.005)
            time.sleep(chance.uniform(0.1, 1.5))
            process.send_signal(signal.SIGKILL)
            process.wait()
            cached = len(list(cache.glob("*/*.json")))
            print(f"kill {kill + 1}: {cached}/{args.articles} briefings cached", flush=True)
        final = brief(folder, cache, base_url, args.concurrency, output)
        assert final.wait() == 0, "the resumed run did not finish cleanly"
        total = sent(base_url)
    twice = total - args.articles
    print(
        f"{args.articles} articles, {args.kills} kills at random moments, latency {args.latency}s, "
        f"concurrency {args.concurrency}: {total} requests; {twice} paid twice "
        f"({twice / args.kills:.1f} a kill, with {args.concurrency} requests in flight)"
    )


if __name__ == "__main__":
    main()
