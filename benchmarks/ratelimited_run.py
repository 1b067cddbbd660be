"""The whole pipeline under a rate limit, end to end, against the simulator (issue #15).

    python benchmarks/ratelimited_run.py            # every scenario, twice each, about 3 minutes
    python benchmarks/ratelimited_run.py --quick    # fewer articles, once each
    python benchmarks/ratelimited_run.py --only rpm --trace   # one scenario, with a timeline of its 429s

Each run is `summarizer.api.summarize` as a user has it (grounding on, strict; default retry
policy; no cache) in a fresh Python process, against the fake endpoint (tests/fake) in a process of
its own, over synthetic articles (tests/synthetic.py). Scenarios and targets:

  rpm:         300 articles, the server enforcing 1,200 requests a minute (429 + retry-after-ms and
               x-ratelimit-* headers), 50 ms latency, concurrency 32: all 300 complete, efficiency
               (ideal 300 / 20 a second = 15 s, over the measured time) >= 0.90, requests <= 1.1 x articles.
  no-headers:  the same, the server sending only the 429 and its retry-after-ms: all complete (the
               requests it costs are printed, against the same bar).
  tpm:         the same with a tokens-per-minute limit the binding one (set to half the tokens that
               1,200 requests use): ideal = N x tokens an article / tpm.
  unlimited:   500 articles, 200 ms latency, concurrency 16, no limit: efficiency >= 0.95 of
               N x latency / concurrency (6.25 s; 32 rounds of 16 make 6.4 s, so 0.977 is the best).
  faults:      the same with 30% transient faults (500s and dropped connections, answered at once):
               all complete, <= 1.2 x the unlimited time.

The time is the summarising stage (reading the files before it, merging after it are not the
request pipeline's; both are printed as well), in a process whose imports are done: the transport
modules the SDK imports only with its first client and first request (about 0.2 s, once a process)
are imported before the clock starts. Next to the unlimited run, the plain SDK sends the same
requests at the same concurrency: the ceiling that the machine, the simulator and the SDK allow.
A scenario passes when each of its runs passes.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.launch import simulator, stats  # noqa: E402


@dataclass
class Scenario:
    name: str
    articles: int
    concurrency: int
    server: list[str]
    #: The ideal time in seconds (computed before the run).
    ideal: float
    efficiency: float | None = None  # the least ideal / measured that passes
    requests_per_article: float | None = None  # the most requests an article may cost
    #: A time this one must stay under (faults: 1.2 x the unlimited run), set once that is measured.
    slower_than: tuple[str, float] | None = None


#: What the SDK imports only when its first client is made and its first request sent; and the grounding
#: workflow, which the run imports with its first article to be sent (a cached rerun never needs it).
TRANSPORT_MODULES = (
    "httpcore2",
    "h11",
    "anyio._backends._asyncio",
    "anyio.streams.tls",
    "truststore",
    "summarizer.grounding.workflow",
)


def child(options: dict[str, Any]) -> None:
    """One run in this fresh process: print what it measured of itself as one JSON line."""
    import gc
    import importlib

    import openai

    from summarizer import Settings
    from summarizer import api as pipeline_module
    from summarizer.llm.ratelimit import RateController
    from summarizer.merge.assemble import merge_briefings
    from summarizer.output.render import render_brief
    from summarizer.run import runner as run_module
    from summarizer.sources.ingest import read_articles

    trace: list[tuple[float, str, str]] = []
    started = time.monotonic()
    if options["trace"]:

        class Traced(RateController):
            async def acquire(self, tokens: int = 0) -> Any:
                permit = await super().acquire(tokens)
                if options["trace"] > 1:
                    level = self._requests.level
                    trace.append((time.monotonic() - started, "send", f"#{permit.number} level {level:.2f}"))
                return permit

            def rejected(self, permit: Any, headers: Any = None, **options: Any) -> float | None:
                paused = super().rejected(permit, headers, **options)
                level = self._requests.level
                what = f"#{permit.number} pace {self.pacing} paused {paused} level {level:.2f}"
                trace.append((time.monotonic() - started, "429", what))
                return paused

            def settle(self, permit: Any, used_tokens: Any = None, headers: Any = None) -> None:
                before = self.pacing
                super().settle(permit, used_tokens, headers)
                if options["trace"] > 2:
                    left = (headers or {}).get("x-ratelimit-remaining-requests")
                    level = self._requests.level
                    what = f"#{permit.number} level {level:.2f} remaining {left}"
                    trace.append((time.monotonic() - started, "ok", what))
                if self.pacing != before:
                    trace.append((time.monotonic() - started, "pace", f"{before} -> {self.pacing}"))

        run_module.RateController = Traced  # type: ignore[misc]

    # Imports are the process's start, not the run: those the SDK leaves to its first client and first
    # request (about 0.2 s) are done before the clock starts, as in any process that has made a call.
    for module in TRANSPORT_MODULES:
        importlib.import_module(module)
    gc.freeze()  # as the command line does once its imports are done
    first_request: list[float] = []
    post = openai.AsyncOpenAI.post

    async def timed_post(self: openai.AsyncOpenAI, *args: Any, **kwargs: Any) -> Any:
        if not first_request:
            first_request.append(time.perf_counter())
        return await post(self, *args, **kwargs)

    openai.AsyncOpenAI.post = timed_post  # type: ignore[method-assign]
    settings = Settings(
        base_url=options["url"], api_key="sk-benchmark", concurrency=options["concurrency"], cache_dir=None
    )
    read_at = time.perf_counter()
    articles = read_articles([options["folder"]]).articles
    summarise_at = time.perf_counter()
    if options.get("sdk"):
        seconds, done = plain_sdk(articles, options)
        print(json.dumps({"summarise": seconds, "done": done, "articles": len(articles)}))
        return
    started = time.monotonic()
    summaries = pipeline_module.summarize(articles, settings=settings)
    merge_at = time.perf_counter()
    render_brief(merge_briefings(summaries.briefings, summaries.failures))
    end = time.perf_counter()
    result = {
        "read": summarise_at - read_at,
        "summarise": merge_at - summarise_at,
        "startup": first_request[0] - summarise_at if first_request else 0.0,
        "merge": end - merge_at,
        "articles": len(articles),
        "done": len(summaries.briefings),
        "requests": summaries.spent.requests,
        "rate_limited": summaries.spent.rate_limited,
        "reasked": summaries.reasked,
        "tokens": summaries.spent.total_tokens,
        "trace": [f"{at:7.3f}s {kind:4s} {what}" for at, kind, what in trace],
    }
    print(json.dumps(result))


def plain_sdk(articles: list[Any], options: dict[str, Any]) -> tuple[float, int]:
    """Seconds the plain SDK takes to send the pipeline's request for each article (the same body) and
    read each answer, as many in flight: the endpoint's, the network's and the SDK's share of the time;
    and how many articles got an answer. With options["sdk_retries"], the SDK retries as it does by
    default (2 retries, its own backoff, honouring retry-after): what a plain client loses to faults and
    rate limits; else none (a failure is lost)."""
    import asyncio

    import httpx2
    import openai

    from summarizer.config.settings import Settings
    from summarizer.llm.client import make_client
    from summarizer.llm.engine import Engine
    from summarizer.llm.prompts import article_message
    from summarizer.llm.transport import HTTPTransport
    from summarizer.models import Briefing
    from summarizer.run.gate import Gate

    done = 0

    async def run() -> None:
        settings = Settings(base_url=options["url"], api_key="sk-benchmark")
        client = make_client(settings)
        if options.get("sdk_retries"):
            client = client.with_options(max_retries=openai.DEFAULT_MAX_RETRIES)
        engine = Engine(HTTPTransport(client), settings, Gate())
        queue = iter(articles)

        async def worker() -> None:
            nonlocal done
            for article in queue:
                body = engine._body(engine.messages(Briefing, [article_message(article)]), Briefing)
                try:
                    response = await client.post("/chat/completions", cast_to=httpx2.Response, body=body)
                except openai.APIError:
                    continue  # lost
                json.loads(response.content)
                done += 1

        await asyncio.gather(*(worker() for _ in range(options["concurrency"])))
        await client.close()

    start = time.perf_counter()
    asyncio.run(run())
    return time.perf_counter() - start, done


def measure(
    scenario: Scenario, folder: Path, trace: bool, sdk: bool = False, sdk_retries: bool = False
) -> dict[str, Any]:
    """One run of `scenario` in a fresh process (the pipeline, or with `sdk` the plain SDK) against a
    simulator of its own; what the run measured, with what the server counted (`server`)."""
    with simulator(*scenario.server) as url:
        options = {"url": url, "folder": str(folder), "concurrency": scenario.concurrency, "trace": trace}
        options["sdk"], options["sdk_retries"] = sdk, sdk_retries
        command = [sys.executable, __file__, "--child", json.dumps(options)]
        done = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)
        result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
        seen = stats(url)
    result["server_requests"] = sum(seen["requests"].values())
    result["server_429"] = seen["rate_limited"]
    result["faults"] = sum(seen["faults"].values())
    result["server"] = seen
    return result


def judge(scenario: Scenario, result: dict[str, Any], measured: dict[str, float]) -> bool:
    n, seconds = scenario.articles, result["summarise"]
    checks = [(f"{result['done']}/{n} complete", result["done"] == n)]
    if scenario.efficiency is not None:
        efficiency = scenario.ideal / seconds
        checks.append(
            (
                f"{seconds:.2f} s, efficiency {efficiency:.3f} (ideal {scenario.ideal:.2f} s, "
                f"target >= {scenario.efficiency})",
                efficiency >= scenario.efficiency,
            )
        )
    if scenario.slower_than is not None and scenario.slower_than[0] in measured:
        name, times = scenario.slower_than
        ratio = seconds / measured[name]
        checks.append((f"{seconds:.2f} s = {ratio:.2f} x {name} (target <= {times})", ratio <= times))
    requests = result["server_requests"]
    if scenario.requests_per_article is not None:
        bound = scenario.requests_per_article * n
        checks.append(
            (f"{requests} requests (target <= {bound:.0f})", requests <= bound),
        )
    ok = all(passed for _, passed in checks)
    for text, passed in checks:
        print(f"     {'ok  ' if passed else 'MISS'} {text}")
    print(
        f"          {requests} requests seen by the server, {result['requests']} counted by the run; "
        f"{result['server_429']} 429s (run: {result['rate_limited']}); {result['reasked']} grounding "
        f"re-asks; {result['faults']} faults; read {result['read']:.2f} s, merge and render "
        f"{result['merge']:.2f} s; first request {result['startup'] * 1000:.0f} ms after the start"
    )
    for line in result["trace"][:60]:
        print(f"          {line}")
    return ok


def tokens_per_article(folder: Path) -> float:
    """What one article's request uses (prompt and answer, as the simulator counts), from a probe."""
    probe = Scenario("probe", 20, 8, ["--latency", "0"], 0.0)
    with tempfile.TemporaryDirectory() as tmp:
        from tests.synthetic import write_articles

        write_articles(Path(tmp), 20)
        result = measure(probe, Path(tmp), trace=False)
    return float(result["tokens"]) / result["done"]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer articles, one run each")
    parser.add_argument("--only", help="run only these scenarios (comma-separated)")
    parser.add_argument("--runs", type=int, default=None, help="runs of each scenario (default 2)")
    parser.add_argument(
        "--trace",
        action="count",
        default=0,
        help="429s and pace changes (twice: sends; three times: answers)",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(json.loads(args.child))
        return 0

    from tests.synthetic import write_articles

    runs = args.runs or (1 if args.quick else 2)
    limited_n, open_n = (100, 200) if args.quick else (300, 500)
    rpm, latency = 1200, 0.05
    limited = ["--latency", str(latency), "--rpm", str(rpm)]
    with tempfile.TemporaryDirectory() as tmp:
        folders = {}
        for n in {limited_n, open_n}:
            folders[n] = Path(tmp) / f"articles-{n}"
            write_articles(folders[n], n)
        tokens = tokens_per_article(folders[limited_n])
        tpm = int(rpm * tokens / 2)
        scenarios = [
            Scenario("rpm", limited_n, 32, limited, limited_n / (rpm / 60), 0.90, 1.1),
            Scenario(
                "no-headers",
                limited_n,
                32,
                [*limited, "--no-limit-headers"],
                limited_n / (rpm / 60),
                0.90,
                1.1,
            ),
            Scenario(
                "tpm", limited_n, 32, [*limited, "--tpm", str(tpm)], limited_n * tokens / tpm * 60, 0.90, 1.1
            ),
            Scenario("unlimited", open_n, 16, ["--latency", "0.2"], open_n * 0.2 / 16, 0.95),
            Scenario(
                "faults",
                open_n,
                16,
                ["--latency", "0.2", "--faults", "0.3"],
                0.0,
                slower_than=("unlimited", 1.2),
            ),
        ]
        wanted = set(args.only.split(",")) if args.only else None
        load = os.getloadavg()
        print(f"load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} (2 cores)")
        print(f"tpm scenario: {tokens:.0f} tokens an article, --tpm {tpm:,}")
        measured: dict[str, float] = {}
        verdicts: list[tuple[str, bool]] = []
        for scenario in scenarios:
            if wanted is not None and scenario.name not in wanted:
                continue
            print(f"{scenario.name}: {scenario.articles} articles, concurrency {scenario.concurrency}, "
                  f"simulator {' '.join(scenario.server)}")  # fmt: skip
            passed = True
            times = []
            for run in range(runs):
                print(f"  run {run + 1} (load {os.getloadavg()[0]:.2f})")
                result = measure(scenario, folders[scenario.articles], args.trace)
                times.append(result["summarise"])
                passed &= judge(scenario, result, measured)
                if scenario.name == "unlimited":
                    sdk = measure(scenario, folders[scenario.articles], False, sdk=True)["summarise"]
                    ratio = result["summarise"] / sdk
                    print(
                        f"          the plain SDK, same requests and concurrency: {sdk:.2f} s, efficiency "
                        f"{scenario.ideal / sdk:.3f}; the pipeline takes {ratio:.3f} x that"
                    )
            measured[scenario.name] = min(times)
            verdicts.append((scenario.name, passed))
        for name, passed in verdicts:
            print(f"{'PASS' if passed else 'FAIL'} {name}")
    return 0 if all(passed for _, passed in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
