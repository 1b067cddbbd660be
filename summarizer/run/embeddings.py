"""`--cluster embeddings`: each briefing's embedding from the endpoint's /embeddings, cached, for the merge.

One embedding per briefing, of its event (what, where, when), headline and summary: what says which
event it reports, not the details an outlet chose. Requests carry up to BATCH texts each and go
through the run's engine, so they share its concurrency slots, its rate-limit pacing, its retries and
its budget. Each vector is stored under a hash of the embedding model and the text, so a rerun sends no
request. A request that fails costs the brief nothing but the embeddings: the merge groups by text and
a warning says why; only a rejected key (or a cassette that does not fit) stops the run, as it would
a summary.

Each model's cosines are judged on its own scale (summarizer.merge.cluster.CALIBRATIONS): the result
carries the model's calibration to the merge. A model with none, and no `embedding_thresholds` in the
settings, is not asked at all: its scale is unknown (two unrelated news briefings score 0.82 by one
model and 0.2 by another), so any threshold could join every story or none; the merge groups by text
and a warning says why and what to do.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from ..config.settings import Settings
from ..errors import ArticleError
from ..llm.vectors import pack, unpack
from ..merge.cluster import Calibration, calibration_for
from ..models import ArticleBriefing, Briefing, Usage
from ..store import answer_key
from .runner import Run

__all__ = [
    "BATCH",
    "Embeddings",
    "StoredEmbedding",
    "calibration",
    "embed_briefings",
    "embedding_text",
]

logger = logging.getLogger(__name__)

#: Texts in one request. OpenAI takes up to 2,048 inputs and 300,000 tokens a request; a briefing's
#: text is a few hundred tokens, so 64 stay far under both, and a failed request costs little to redo.
BATCH = 64


class StoredEmbedding(BaseModel):
    """A cached embedding: the vector as base64 of little-endian float32 (6 kB for 1,536 dimensions,
    a third of it as a JSON list), and its share of what its request cost."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    vector: str
    usage: Usage = Usage()


@dataclass
class Embeddings:
    """What `embed_briefings` gives the merge."""

    #: Each briefing's embedding by article id; None when the merge must group by text.
    vectors: dict[str, list[float]] | None
    #: What producing the embeddings cost (those from the cache included, as a briefing's usage is):
    #: added to the brief's usage, so that a rerun gives the same brief.
    usage: Usage
    #: Why the merge groups by text after all, for the user; None when the embeddings are all there.
    warning: str | None = None
    #: An error that stops the run (a rejected key), as it would stop the summaries.
    stop: ArticleError | None = None
    #: How the vectors' cosines are judged: their model's calibration.
    calibration: Calibration | None = None


def embedding_text(briefing: Briefing) -> str:
    """What is embedded for a briefing: its event, headline and summary."""
    lines = []
    if briefing.event is not None:
        event = briefing.event
        lines.append("; ".join(part for part in (event.what, event.where, event.when) if part))
    lines += [briefing.headline, briefing.summary]
    return "\n".join(line.strip() for line in lines if line and line.strip())


def calibration(settings: Settings) -> Calibration | None:
    """How `settings.embedding_model`'s cosines are judged: the thresholds the settings give, else the
    model's measured calibration; None when there is neither."""
    if settings.embedding_thresholds is not None:
        return Calibration(*settings.embedding_thresholds)
    return calibration_for(settings.embedding_model)


def embedding_key(model: str, text: str) -> str:
    """The cache key of a text's embedding by a model: nothing else changes the vector."""
    return answer_key("embedding", text, model, "-")


async def embed_briefings(briefings: Iterable[ArticleBriefing], run: Run) -> Embeddings:
    """Each briefing's embedding by `run.settings.embedding_model`, from the run's store when there,
    else asked for in requests of up to BATCH texts (in a fixed order, so that the same briefings make
    the same requests whatever order they came in).

    Never raises for a failed request: the result then has no vectors and a warning (the merge groups
    by text), or, for a rejected key, the error that stops the run. A model with no calibration is not
    asked: no vectors, and a warning."""
    model, store = run.settings.embedding_model, run.store
    judged = calibration(run.settings)
    if judged is None:
        warning = (
            f"no calibration for the embedding model '{model}': its cosine scale is unknown (unrelated "
            "news scores 0.8 by one model, 0.2 by another), so stories were grouped by their text; "
            "measure its thresholds (README: --cluster embeddings) and give them as "
            "embedding_thresholds"
        )
        logger.warning("%s", warning)
        return Embeddings(None, Usage(), warning=warning)
    texts = {item.ref.article_id: embedding_text(item.briefing) for item in briefings}
    keys = {text: embedding_key(model, text) for text in texts.values()}
    found: dict[str, StoredEmbedding] = {}
    for text, key in keys.items():
        stored = store.get(key, StoredEmbedding) if store is not None else None
        if stored is not None and _readable(stored):
            found[text] = stored
    missing = sorted((text for text in keys if text not in found), key=keys.__getitem__)
    batches = [missing[start : start + BATCH] for start in range(0, len(missing), BATCH)]
    outcomes = await asyncio.gather(*(_request(batch, run, number) for number, batch in enumerate(batches)))
    error: ArticleError | None = None
    for batch, outcome in zip(batches, outcomes, strict=True):
        if isinstance(outcome, ArticleError):
            error = error or outcome
            continue
        for text, stored in zip(batch, outcome, strict=True):
            found[text] = stored
            if store is not None:
                store.put(keys[text], stored)
    usage = sum((stored.usage for stored in found.values()), Usage())
    if error is not None:
        if error.fatal:
            return Embeddings(None, usage, stop=error)
        warning = f"embeddings failed ({error.message}); stories were grouped by their text instead"
        logger.warning("%s", warning)
        return Embeddings(None, usage, warning=warning)
    vectors = {article_id: unpack(found[text].vector) for article_id, text in texts.items()}
    return Embeddings(vectors, usage, calibration=judged)


def _readable(stored: StoredEmbedding) -> bool:
    try:
        return bool(unpack(stored.vector))
    except ValueError:
        return False


async def _request(texts: list[str], run: Run, number: int) -> list[StoredEmbedding] | ArticleError:
    """One request's embeddings, each with its share of the cost; the error when none could be had."""
    try:
        embedded = await run.engine.embed(texts, run.settings.embedding_model, f"embeddings {number + 1}")
    except ArticleError as error:
        return error
    shares = _shares(embedded.usage.prompt_tokens, [len(text) for text in texts])
    return [
        StoredEmbedding(
            vector=pack(vector),
            # The request is counted once, on its first text: the shares add up to what it cost.
            usage=Usage(requests=int(index == 0), prompt_tokens=share),
        )
        for index, (vector, share) in enumerate(zip(embedded.vectors, shares, strict=True))
    ]


def _shares(total: int, sizes: list[int]) -> list[int]:
    """`total` split in proportion to `sizes`, in whole numbers that add up to it (largest remainder)."""
    weight = sum(sizes) or 1
    exact = [total * size / weight for size in sizes]
    shares = [int(x) for x in exact]
    by_remainder = sorted(range(len(sizes)), key=lambda i: (shares[i] - exact[i], i))
    for i in by_remainder[: total - sum(shares)]:
        shares[i] += 1
    return shares
