"""Properties of batches over many random days: custom_ids map back to exactly one article, collecting is
idempotent, and an expired batch leaves exactly its unanswered articles to send again."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer import Settings
from summarizer.batch import FileTransport, Limits, collect, submit
from summarizer.batch.ledger import BatchRecord, Ledger
from summarizer.models import Article
from summarizer.store import open_store
from tests.batch_tools import by_rule, result_line

SENTENCES = [
    "The council of Aldmoor voted 7 to 2 on Tuesday to close the Brackenford library.",
    "Mayor Ada Abbott said the building would be sold by March.",
    "Residents of Calderbridge gathered 1,200 signatures against the plan.",
    "The Dunmere rail line will reopen on Friday after 14 weeks of repairs.",
    "Police in Elmstead arrested two men after a break-in at the museum.",
    "The Fairhaven school board approved a budget of 4.5 million pounds.",
]

#: A day's articles: texts drawn from a small pool, so that the same text often comes twice.
days = st.lists(
    st.lists(st.sampled_from(SENTENCES), min_size=2, max_size=4, unique=True).map(" ".join),
    min_size=1,
    max_size=8,
)

FAST = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def articles(texts: list[str]) -> list[Article]:
    return [
        Article(
            id=hashlib.sha256(text.encode()).hexdigest()[:16],
            text=text,
            source=f"Gazette {n}",
            origin=f"day/{n:02d}.md",
        )
        for n, text in enumerate(texts)
    ]


def sent_lines(folder: Path) -> list[dict[str, Any]]:
    return [
        json.loads(line) for path in sorted(folder.glob("*.jsonl")) for line in path.read_text().splitlines()
    ]


@FAST
@given(days, st.integers(min_value=1, max_value=3))
def test_every_custom_id_maps_back_to_exactly_one_article(texts, per_file):
    with tempfile.TemporaryDirectory() as tmp:
        options = Settings(cache_dir=Path(tmp) / "cache")
        day = articles(texts)
        done = submit(
            day, transport=FileTransport(Path(tmp) / "in"), settings=options, limits=Limits(per_file)
        )
        ids = [line["custom_id"] for line in sent_lines(Path(tmp) / "in")]
        assert len(ids) == len(set(ids)) == len(set(texts)) == done.sent
        ledger = Ledger(Path(tmp) / "cache" / "batches.sqlite")
        members = ledger.members(done.submission)
        assert [m.origin for m in members] == [a.origin for a in day]
        for custom_id in ids:
            [batch] = [b.id for b in ledger.batches() if custom_id in ledger.pending(b.id)]
            position = ledger.pending(batch)[custom_id]
            owner = ledger.member(done.submission, position)
            assert owner.key == custom_id
            assert owner.article.text == next(a.text for a in day if a.text == owner.article.text)
            assert sum(m.key == custom_id for m in members) == texts.count(owner.article.text)
        ledger.close()


@FAST
@given(days, st.data())
def test_collecting_again_changes_nothing(texts, data):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        options = Settings(cache_dir=root / "cache")
        transport = FileTransport(root / "in", [root / "out.jsonl"])
        submit(articles(texts), transport=transport, settings=options)
        requests = sent_lines(root / "in")
        # some answered, some error lines, some not (yet) answered at all
        fates = data.draw(
            st.lists(
                st.sampled_from(["answer", "error", "none"]), min_size=len(requests), max_size=len(requests)
            )
        )
        lines = [
            result_line(r["custom_id"], r["body"], by_rule(r["body"]) if fate == "answer" else None, n)
            for n, (r, fate) in enumerate(zip(requests, fates, strict=True))
            if fate != "none"
        ]
        (root / "out.jsonl").write_text("".join(line + "\n" for line in lines))
        first = collect(transport=transport, settings=options)
        assert first.stored == fates.count("answer") and len(first.failed) == fates.count("error")
        before = _state(root)
        second = collect(transport=transport, settings=options)
        assert second.stored == 0 and not second.failed
        assert _state(root) == before


def _state(root: Path) -> Any:
    entries = sorted((p.name, p.read_bytes()) for p in (root / "cache").glob("*/*.json"))
    with sqlite3.connect(root / "cache" / "batches.sqlite") as db:
        tables = [db.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in ("batches", "requests")]
    db.close()
    return entries, tables


class Expiring:
    """A provider whose batch expires after answering the given custom_ids."""

    name = "api"

    def __init__(self, answered: set[str]) -> None:
        self.answered = answered
        self.inputs: dict[str, list[dict[str, Any]]] = {}

    async def send(self, path: Path, submission: int) -> BatchRecord:
        batch_id = f"batch_{len(self.inputs) + 1}"
        self.inputs[batch_id] = [json.loads(line) for line in path.read_text().splitlines()]
        return BatchRecord(
            id=batch_id, submission=submission, transport=self.name, input=path.name, status="in_progress"
        )

    async def refresh(self, batch: BatchRecord) -> BatchRecord:
        return BatchRecord(**{**batch.__dict__, "status": "expired"})

    async def results(self, batch: BatchRecord) -> list[tuple[str, str]]:
        return [
            (f"{batch.id}:{n}", result_line(r["custom_id"], r["body"], by_rule(r["body"]), n))
            for n, r in enumerate(self.inputs[batch.id])
            if r["custom_id"] in self.answered
        ]


@FAST
@given(days, st.data())
def test_an_expired_batch_leaves_exactly_its_unanswered_articles_to_send_again(texts, data):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        options = Settings(cache_dir=root / "cache")
        day = articles(texts)
        probe = submit(
            day, transport=FileTransport(root / "probe"), settings=Settings(cache_dir=root / "probe-cache")
        )
        ids = [line["custom_id"] for line in sent_lines(root / "probe")]
        answered = set(data.draw(st.lists(st.sampled_from(ids), unique=True))) if ids else set()
        provider = Expiring(answered)
        submit(day, transport=provider, settings=options, limits=Limits(requests=3))
        collected = collect(transport=provider, settings=options)
        unanswered = [i for i in ids if i not in answered]
        assert collected.stored == len(answered) == open_store(f"file:{root / 'cache'}").count()[0]
        assert len(collected.unfinished) == len(unanswered)
        again = submit(day, transport=FileTransport(root / "again"), settings=options)
        assert sorted(line["custom_id"] for line in sent_lines(root / "again")) == sorted(unanswered)
        assert again.cached == len(answered) and probe.sent == len(ids)
