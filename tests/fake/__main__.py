"""`python -m tests.fake`: the fake endpoint in a process of its own (how the benchmarks start it, so
that its threads do not share the measured run's interpreter). Prints its base URL, serves until killed.

    python -m tests.fake --latency 0.2 --faults 0.3
    python -m tests.fake --latency 0.05 --rpm 1200 --tpm 400000
"""

from __future__ import annotations

import argparse
import sys
import threading

from .endpoint import simulated
from .layers import FAULTS
from .replies import answer, by_rule


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.fake", description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument(
        "--answers", choices=["rule", "written"], default="rule", help="made by rule, or written (examples)"
    )
    parser.add_argument("--latency", type=float, default=0.0, help="seconds per answer")
    parser.add_argument("--rate", type=float, default=0.0, help="requests per second accepted (0: no limit)")
    parser.add_argument("--rpm", type=float, default=0.0, help="requests per minute (0: no limit)")
    parser.add_argument("--tpm", type=float, default=0.0, help="tokens per minute (0: no limit)")
    parser.add_argument("--burst", type=float, default=1.0, help="seconds of rpm/tpm let through at once")
    parser.add_argument("--no-limit-headers", action="store_true", help="no x-ratelimit-* headers")
    parser.add_argument("--faults", type=float, default=0.0, help="share of requests that fail")
    parser.add_argument("--fault-kinds", default="server_error,dropped", help=f"from {','.join(FAULTS)}")
    parser.add_argument("--reject-key-after", type=int, default=None)
    args = parser.parse_args()
    endpoint = simulated(
        latency=args.latency,
        rate=args.rate,
        rpm=args.rpm,
        tpm=args.tpm,
        burst=args.burst,
        limit_headers=not args.no_limit_headers,
        fault_rate=args.faults,
        faults=tuple(args.fault_kinds.split(",")),
        reject_key_after=args.reject_key_after,
        answers=by_rule if args.answers == "rule" else answer,
        port=args.port,
    )
    with endpoint:
        print(endpoint.base_url, flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            sys.exit(0)


if __name__ == "__main__":
    main()
