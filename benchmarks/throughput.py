"""Throughput, fault tolerance, per-article cost and warm-cache reruns, against the local simulator.

    python benchmarks/throughput.py            # all four, about a minute
    python benchmarks/throughput.py --quick    # smaller, for a smoke check

The fake endpoint (tests/fake, answering by rule) runs in its own process; every measurement runs in a
fresh Python process, so peak memory and CPU time are the run's own. Targets (issue 3):
  efficiency = ideal / measured >= 0.90 for 500 articles, 200 ms latency, concurrency 16,
      where ideal = max(N x latency / concurrency, N / rate limit);
  with 30% transient faults every article completes, in <= 1.3 x the fault-free time;
  the pipeline's own CPU time <= 5 ms per article (zero-latency server), memory not growing with N
      beyond the briefings themselves;
  a rerun from a warm cache: zero calls, under a second for 500 articles.
The times here are the whole brief's (reading, summarising, merging, rendering). Issue #15's stricter
targets for the summarising stage alone (efficiency >= 0.95, faults <= 1.2 x) are measured by
benchmarks/ratelimited_run.py, with the rate-limited runs.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.launch import simulator, stats  # noqa: E402


def measure(
    kind: str, url: str, folder: Path, concurrency: int, cache: str | None = None
) -> dict[str, float]:
    """Run one pipeline in a fresh process and return what it measured of itself."""
    arguments = [sys.executable, __file__, "--child", kind, url, str(folder), str(concurrency), cache or ""]
    output = subprocess.run(arguments, cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def child(kind: str, base_url: str, folder: str, concurrency: int, cache: str) -> None:
    import gc

    from summarizer import Settings, make_brief
    from summarizer.output.render import render_brief

    gc.freeze()  # as the command line does once its imports are done (see summarizer/cli/app.py)

    settings = Settings(
        base_url=base_url,
        api_key="sk-benchmark",
        concurrency=concurrency,
        cache_dir=Path(cache) if cache else None,
    )
    cpu, wall = time.process_time(), time.perf_counter()
    result = make_brief([folder], settings=settings)
    render_brief(result.brief)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    briefings_bytes = sum(len(b.model_dump_json()) for b in result.summaries.briefings)
    article_bytes = sum(len(a.text) for a in result.articles)
    print(
        json.dumps(
            {
                "wall": wall,
                "cpu": cpu,
                "articles": len(result.articles),
                "complete": result.complete,
                "failures": len(result.brief.failures),
                "requests": result.summaries.spent.requests,
                "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "briefings_mb": briefings_bytes / 1e6,
                "article_kb": article_bytes / len(result.articles) / 1e3,
            }
        )
    )


def articles(workdir: Path, count: int) -> Path:
    from tests.synthetic import write_articles

    folder = workdir / f"articles-{count}"
    if not folder.exists():
        write_articles(folder, count)
    return folder


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--child", nargs=5, metavar="X", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, base_url, folder, concurrency, cache = args.child
        child(kind, base_url, folder, int(concurrency), cache)
        return 0

    n, latency, concurrency = (100, 0.2, 16) if args.quick else (500, 0.2, 16)
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        folder = articles(work, n)

        print(f"1. throughput: {n} articles, {latency * 1000:.0f} ms latency, concurrency {concurrency}")
        with simulator("--latency", str(latency)) as url:
            clean = measure("clean", url, folder, concurrency)
        ideal = n * latency / concurrency
        efficiency = ideal / clean["wall"]
        ok &= efficiency >= 0.90 and bool(clean["complete"])
        print(f"   measured {clean['wall']:.2f} s, ideal {ideal:.2f} s: efficiency {efficiency:.3f}")
        print("   (target >= 0.90)")

        print("2. the same with 30% transient faults (500 and dropped connections, answered at once)")
        with simulator("--latency", str(latency), "--faults", "0.3") as url:
            faulty = measure("faults", url, folder, concurrency)
            seen = stats(url)
        ratio = faulty["wall"] / clean["wall"]
        ok &= ratio <= 1.3 and bool(faulty["complete"])
        injected = sum(seen["faults"].values())  # type: ignore[attr-defined]
        print(f"   {faulty['articles']:.0f} articles, {faulty['failures']:.0f} failed, {injected} faults;")
        print(f"   {faulty['wall']:.2f} s = {ratio:.2f} x fault-free (target <= 1.3)")

        print("3. the pipeline's own cost, zero-latency server")
        costs = {}
        for count in (n, n * 4):
            with simulator() as url:
                cost = costs[count] = measure("cpu", url, articles(work, count), concurrency)
            per = cost["cpu"] / count * 1000
            ok &= per <= 5.0
            print(
                f"   {count:5d} articles: CPU {per:.2f} ms/article (target <= 5), peak RSS "
                f"{cost['peak_rss_mb']:.0f} MB, briefings {cost['briefings_mb']:.1f} MB"
            )

        small, large = costs[n], costs[n * 4]
        grown = (large["peak_rss_mb"] - small["peak_rss_mb"]) / (3 * n) * 1000
        kept = (large["briefings_mb"] - small["briefings_mb"]) / (3 * n) * 1000
        print(f"   memory: +{grown:.1f} kB peak RSS per extra article, each keeping a {kept:.1f} kB briefing")
        print(f"   (as JSON) and its {large['article_kb']:.1f} kB text")

        print(f"4. rerun from a warm cache: {n} articles")
        cache = str(work / "cache")
        with simulator() as url:
            measure("fill", url, folder, concurrency, cache)
            warm = measure("warm", url, folder, concurrency, cache)
        ok &= warm["requests"] == 0 and warm["wall"] < 1.0
        print(f"   {warm['requests']:.0f} calls, {warm['wall']:.3f} s (target: 0 calls, < 1 s)")
    print("all targets met" if ok else "SOME TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
