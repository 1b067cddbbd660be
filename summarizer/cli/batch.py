"""`summarizer batch submit | status | collect | cancel`: the Batch API from the command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..batch import ApiTransport, FileTransport, Transport, batch_brief, cancel, collect, status, submit
from ..batch.ledger import BatchRecord
from ..batch.submit import places
from ..config.settings import Settings
from ..errors import UsageError
from ..llm.client import make_client
from ..sources.select import select_articles
from ..sync import run_sync
from .exits import EXIT_FAILURES, EXIT_OK
from .output import counted, print_inputs, rendered, write_output
from .previous import find_previous

__all__ = ["run_batch"]


def run_batch(args: argparse.Namespace, settings: Settings) -> int:
    if args.action == "status" and args.transport == "api" and settings.api_key is None:
        # Nothing to ask the provider when no batch of its is running: the ledger says it all.
        _, ledger = places(settings, None, None)
        batches = list(ledger.batches())
        if not any(batch.transport == "api" and not batch.collected for batch in batches):
            return _status(batches)
    with _transport(args, settings) as transport:
        if args.action == "submit":
            return _submit(args, settings, transport)
        if args.action == "status":
            return _status(status(transport=transport, settings=settings))
        if args.action == "cancel":
            if not isinstance(transport, ApiTransport):
                raise UsageError("cancel is for --transport api: a file batch is stopped where it runs")
            return _status(cancel(transport=transport, settings=settings))
        return _collect(args, settings, transport)


@contextmanager
def _transport(args: argparse.Namespace, settings: Settings) -> Iterator[Transport]:
    if args.transport == "file":
        yield FileTransport(args.input_dir, getattr(args, "results", []))
        return
    client = make_client(settings)
    try:
        yield ApiTransport(client)
    finally:
        run_sync(client.close())


def _submit(args: argparse.Namespace, settings: Settings, transport: Transport) -> int:
    ingested, articles, left_out = select_articles(args.paths, settings, dict(args.field))
    done = submit(articles, transport=transport, settings=settings)
    print_inputs(ingested.failures, ingested.notes, settings.undated)
    for origin in done.too_large:
        print(
            f"summarizer: {origin}: its request is larger than a batch file may be: not sent", file=sys.stderr
        )
    batches = ", ".join(batch.id for batch in done.batches) or "none"
    window = f", {len(left_out)} left out by --since/--until" if left_out else ""
    print(
        f"submission {done.submission}: {counted(done.articles, 'article')}{window}; "
        f"{counted(done.sent, 'request')} sent in "
        f"{len(done.batches)} batch(es) ({batches}); {done.cached} already cached, "
        f"{done.in_flight} already in a batch"
    )
    if isinstance(transport, FileTransport) and done.batches:
        for batch in done.batches:
            print(f"  input: {batch.input}")
        print(
            "run them elsewhere (e.g. vllm run-batch -i INPUT -o OUTPUT --model ...), then: "
            "summarizer batch collect --transport file --results OUTPUT..."
        )
    return EXIT_OK if not ingested.failures and not done.too_large else EXIT_FAILURES


def _status(batches: list[BatchRecord]) -> int:
    if not batches:
        print("no batches yet")
    for batch in batches:
        counts = batch.counts
        done = f"{counts.get('completed', 0)}/{counts.get('total', '?')} answered" if counts else ""
        failed = f", {counts['failed']} failed" if counts.get("failed") else ""
        collected = ", collected" if batch.collected else ""
        problem = f" ({batch.problem})" if batch.problem else ""
        print(
            f"{batch.id}  {batch.status}{problem}  {done}{failed}{collected}  "
            f"(submission {batch.submission}, {batch.transport})"
        )
    return EXIT_OK


def _collect(args: argparse.Namespace, settings: Settings, transport: Transport) -> int:
    if isinstance(transport, FileTransport) and not args.results:
        raise UsageError("with --transport file, give the output files to read: --results FILE...")
    for path in args.results:
        if not Path(path).is_file():
            raise UsageError(f"cannot read the batch output {path}: no such file")
    if not args.output and (args.previous or args.no_previous or args.changes_only):
        raise UsageError("--previous, --no-previous and --changes-only are about the brief: give -o FILE")
    previous = find_previous(args, settings, []) if args.output else None
    done = collect(
        transport=transport, settings=settings, followups=args.followups, batch_prices=args.batch_price
    )
    for failure in done.failed:
        print(f"summarizer: {failure.origin}: {failure.kind}: {failure.reason}", file=sys.stderr)
    for origin in done.unfinished:
        print(
            f"summarizer: {origin}: not answered before its batch ended; the next submit sends it",
            file=sys.stderr,
        )
    if done.ignored:  # a results file made by hand or for another submission shows here, not as silence
        print(
            f"summarizer: {done.ignored} result line(s) answered no request waiting in a batch "
            "(another submission's, already collected, blank or not JSON): ignored",
            file=sys.stderr,
        )
    if done.followups is not None:
        sent = ", ".join(batch.input for batch in done.followups.batches)
        print(f"{done.followups.sent} re-asks sent in follow-up batches: {sent}", file=sys.stderr)
    cost = f", ${done.cost:.4f}" if done.cost is not None else ""
    online = f" + {done.online_usage.requests} online follow-ups" if done.online_usage.requests else ""
    # A failed article is no more cached than an unanswered one: the next submit sends both.
    again = len(done.failed) + len(done.unfinished)
    resend = f" (the next submit sends these {again} again)" if again else ""
    print(
        f"{done.stored} briefings stored, {len(done.failed)} failed, "
        f"{len(done.unfinished)} unanswered{resend}, "
        f"{len(done.waiting)} batch(es) still running; {done.batch_usage.requests} batch answers"
        f"{online}, {done.batch_usage.total_tokens + done.online_usage.total_tokens:,} tokens{cost}",
        file=sys.stderr,
    )
    status_ = EXIT_OK if not done.failed and not done.unfinished else EXIT_FAILURES
    if previous is not None:
        brief = previous.mark(batch_brief(settings=settings))
        write_output(rendered(previous.shown(brief), args, settings), args.output)
        previous.remember(brief)
        previous.warn()
        if (note := previous.note(brief)) and not args.quiet:
            print(note, file=sys.stderr)
        status_ = previous.status(EXIT_FAILURES if brief.failures else status_, brief)
    return status_
