"""The rate controller alone against the simulator's rate limit: requests sent, 429s, time (issue #15).

    python benchmarks/ratelimit.py            # 300 requests, 1,200 rpm, 50 ms latency, concurrency 32
    python benchmarks/ratelimit.py --quick    # 100 requests

Plain openai calls, not the pipeline: each of N requests is sent with up to 10 attempts (the
pipeline's budget), at most `concurrency` in flight. Compared:
  per-request: today's way: each request answered 429 sleeps its own retry-after (+0-25% jitter);
  controller:  every request asks one summarizer.llm.ratelimit.RateController first, which is fed each
               response's headers and each 429; the server sends x-ratelimit-* headers;
  learning:    the same, but the server sends only retry-after-ms: the pace is learned from 429s;
  explicit:    the same without headers, the user having given the limit (--rpm);
  tokens:      a tokens-per-minute limit binds instead (x-ratelimit-* headers).
The ideal is max(N / rpm, N x tokens per request / tpm) minutes, less the simulator's one-second
burst, plus one latency. Targets: every request completes (issue #15: 82/300 did), within 1.15 x the
ideal (a bar set here, not in the issue: the controller paces 3% under a known limit, and a first
burst sent before anything is known costs its 429s).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import openai  # noqa: E402

from benchmarks.launch import simulator  # noqa: E402
from benchmarks.launch import stats as server_stats  # noqa: E402
from summarizer.llm.ratelimit import RateController, is_quota_exhausted  # noqa: E402
from tests.synthetic import article_text  # noqa: E402

ATTEMPTS = 10
# What a request is estimated to use before it is sent: its prompt (4 characters a token, as the
# simulator counts) and the mean completion so far (this at first), as the pipeline can estimate it.
FIRST_COMPLETION_ESTIMATE = 400


def messages(index: int) -> list[dict[str, str]]:
    text = article_text(index, paragraphs=3)
    article = f"==== BEGIN ARTICLE {index:016x} ====\n{text}\n==== END ARTICLE {index:016x} ===="
    return [{"role": "system", "content": "Summarize the article."}, {"role": "user", "content": article}]


@dataclass
class Outcome:
    completed: int = 0
    requests: int = 0
    throttled: int = 0
    tokens: int = 0
    seconds: float = 0.0
    slowest_gap: float = 0.0  # the longest spell with no request sent, after the first


async def run(base_url: str, n: int, concurrency: int, rate: RateController | None) -> Outcome:
    client = openai.AsyncOpenAI(base_url=base_url, api_key="sk-benchmark", max_retries=0)
    slots = asyncio.Semaphore(concurrency)
    outcome = Outcome()
    sent: list[float] = []
    completions: list[int] = []

    async def one(index: int) -> None:
        body = messages(index)
        prompt = sum(len(m["content"]) for m in body) // 4 + 1
        for _ in range(ATTEMPTS):
            async with slots:
                completion = (
                    sum(completions) // len(completions) if completions else FIRST_COMPLETION_ESTIMATE
                )
                permit = await rate.acquire(prompt + completion) if rate is not None else None
                outcome.requests += 1
                sent.append(time.perf_counter())
                try:
                    raw = await client.chat.completions.with_raw_response.create(model="bench", messages=body)  # type: ignore[arg-type]
                except openai.RateLimitError as error:
                    if is_quota_exhausted(error.body):
                        raise
                    outcome.throttled += 1
                    if rate is not None and permit is not None:
                        rate.rejected(permit, error.response.headers)
                        continue
                    asked = float(error.response.headers.get("retry-after-ms", "1000")) / 1000
                else:
                    usage = raw.parse().usage
                    used = usage.total_tokens if usage else None
                    outcome.tokens += used or 0
                    if usage is not None:
                        completions.append(usage.completion_tokens)
                    if rate is not None and permit is not None:
                        rate.settle(permit, used, raw.headers)
                    outcome.completed += 1
                    return
            # Today's way, outside the slot as tenacity's sleep is: what the server asked, plus jitter.
            await asyncio.sleep(asked * (1 + random.uniform(0, 0.25)))

    start = time.perf_counter()
    await asyncio.gather(*(one(index) for index in range(n)), return_exceptions=True)
    outcome.seconds = time.perf_counter() - start
    sent.sort()
    outcome.slowest_gap = max((b - a for a, b in itertools.pairwise(sent)), default=0.0)
    await client.close()
    return outcome


def measure(
    label: str, n: int, concurrency: int, ideal: float, server: list[str], rate: RateController | None
) -> bool:
    with simulator(*server) as url:
        outcome = asyncio.run(run(url, n, concurrency, rate))
        seen = server_stats(url)
    ratio = outcome.seconds / ideal
    pace = f", pace at the end {rate.pacing:.1f} req/s" if rate is not None and rate.pacing else ""
    print(
        f"   {label:12s} {outcome.completed:3d}/{n} done, {outcome.requests:4d} requests, "
        f"{outcome.throttled:3d} 429s (server: {seen['rate_limited']}), {outcome.seconds:6.2f} s = "
        f"{ratio:.2f} x ideal; longest silence {outcome.slowest_gap:.2f} s{pace}"
    )
    return outcome.completed == n and ratio <= 1.15


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    n = 100 if args.quick else 300
    rpm, latency, concurrency, burst = 1200, 0.05, 32, 1.0
    common = ["--latency", str(latency), "--burst", str(burst)]
    per_second = rpm / 60
    # One second's worth goes at once, the rest one at each refill; the last answer after the latency.
    ideal = (n - per_second * burst) / per_second + latency
    print(
        f"1. {n} requests at {rpm} rpm, {latency * 1000:.0f} ms latency, concurrency {concurrency}: "
        f"ideal {n / rpm * 60:.1f} s, {ideal:.1f} s with the server's {burst:.0f} s burst"
    )
    limited = [*common, "--rpm", str(rpm)]
    ok = True
    measure("per-request", n, concurrency, ideal, limited, None)
    ok &= measure("controller", n, concurrency, ideal, limited, RateController())
    ok &= measure("learning", n, concurrency, ideal, [*limited, "--no-limit-headers"], RateController())
    ok &= measure(
        "explicit", n, concurrency, ideal, [*limited, "--no-limit-headers"], RateController(rpm=rpm)
    )

    tokens_each = sum(len(m["content"]) for m in messages(0)) // 4 + 1 + 150  # about; measured below
    tpm = rpm * tokens_each // 2  # binds at about half the request limit
    print(f"2. the same under {tpm:,} tokens per minute as well (about {tokens_each} tokens a request)")
    # The ideal is the tokens the run used over the limit, less the bucket's one second; printed after.
    with simulator(*common) as url:
        probe = asyncio.run(run(url, 20, concurrency, None))
    per_request = probe.tokens / 20
    ideal = max(n * per_request / tpm * 60 - burst, (n - per_second * burst) / per_second) + latency
    print(f"   measured {per_request:.0f} tokens a request: ideal {ideal:.1f} s")
    ok &= measure("tokens", n, concurrency, ideal, [*limited, "--tpm", str(tpm)], RateController())
    print("all targets met" if ok else "SOME TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
