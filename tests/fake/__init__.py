"""One fake OpenAI-compatible endpoint for the tests and the benchmarks: chat completions, embeddings
and the Batch API, served on a loopback port or answered in this process, with behaviours that compose.

    FakeEndpoint()                                    # the briefings written for the example articles
    FakeEndpoint(Script(status(500, ...), answer))    # a 500, then the written answer: a cassette's script
    FakeEndpoint(RateLimit(rpm=1200), Faults(0.3), answers=by_rule, latency=0.2)     # a load test
    simulated(rpm=1200, fault_rate=0.3, latency=0.2)  # the same, configured flat (marker, command line)
    FakeEndpoint(batches=BatchPlan(statuses=["validating", "expired"], answered=1))  # the Batch API

    with FakeEndpoint(...) as endpoint:               # served on 127.0.0.1, a free port
        endpoint.base_url                             # http://127.0.0.1:PORT/v1
    in_process(endpoint.handler)                      # or answered in this process, with no socket
    endpoint.requests, endpoint.stats                 # what it was asked; what it counted

A chat or embeddings request passes the layers in the order given (layers.py: Script, RejectKey,
RateLimit, Faults); each answers it or passes it on, and may change the answer on its way back. What
no layer answers gets the default answer: `answers` for chat (`answer`, the written briefing; `by_rule`,
one made from any article's sentences), `embed` for embeddings. A batch's lines are answered the same way.

The cassettes under cassettes/ were recorded against it (tests/conftest.py starts it when the suite
records); nothing here runs while they replay. `python -m tests.fake --help`: in a process of its own.
"""

from __future__ import annotations

from .batches import BatchPlan
from .embeddings import EMBEDDING_DIMENSIONS, embed, fake_embedding
from .endpoint import FakeEndpoint, simulated
from .layers import FAULTS, Call, Faults, Layer, RateLimit, RejectKey, Script, Stats
from .replies import (
    ANSWERS,
    ARTICLE,
    ECHOED_ORG,
    Reply,
    Step,
    answer,
    answer_with,
    article_of,
    briefing_for,
    by_rule,
    completion,
    content,
    dropped,
    error_body,
    hang,
    page,
    refusal,
    status,
    truncated,
    written_for,
)

__all__ = [
    "ANSWERS",
    "ARTICLE",
    "ECHOED_ORG",
    "EMBEDDING_DIMENSIONS",
    "FAULTS",
    "BatchPlan",
    "Call",
    "FakeEndpoint",
    "Faults",
    "Layer",
    "RateLimit",
    "RejectKey",
    "Reply",
    "Script",
    "Stats",
    "Step",
    "answer",
    "answer_with",
    "article_of",
    "briefing_for",
    "by_rule",
    "completion",
    "content",
    "dropped",
    "embed",
    "error_body",
    "fake_embedding",
    "hang",
    "page",
    "refusal",
    "simulated",
    "status",
    "truncated",
    "written_for",
]
