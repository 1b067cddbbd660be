"""Test tooling for batches: a stand-in for `vllm run-batch` (input JSONL in, output JSONL out), and the
golden files of tests/fixtures/batch/ (regenerated with `python -m tests.batch_tools`)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .fake import ARTICLE, briefing_for, completion, error_body, written_for

FIXTURES = Path(__file__).parent / "fixtures" / "batch"

#: Given a line's request body, the answer's content (None: an error line instead).
Answerer = Callable[[dict[str, Any]], dict[str, Any] | None]


def by_rule(body: dict[str, Any]) -> dict[str, Any] | None:
    """The simulator's grounded briefing, made from the article in the request."""
    for message in body["messages"]:
        if found := ARTICLE.search(message.get("content") or ""):
            return briefing_for(found[2])
    return None


def written(body: dict[str, Any]) -> dict[str, Any] | None:
    """The briefing written for an example article (tests/answers/)."""
    return written_for(body)


def result_line(custom_id: str, body: dict[str, Any], answer: dict[str, Any] | None, n: int) -> str:
    """One output line as OpenAI's Batch API and `vllm run-batch` write it."""
    if answer is None:
        response = {
            "status_code": 500,
            "request_id": f"req-{n}",
            "body": error_body(500, "overloaded", "server_error"),
        }
    else:
        response = {
            "status_code": 200,
            "request_id": f"req-{n}",
            "body": completion(body, json.dumps(answer, ensure_ascii=False)),
        }
    return json.dumps({"id": f"batch_req_{n}", "custom_id": custom_id, "response": response, "error": None})


def run_batch(source: Path, target: Path, answer: Answerer = by_rule) -> list[str]:
    """Answer every line of the input file `source` into `target`, as `vllm run-batch -i -o` does;
    returns the custom_ids in order."""
    ids, lines = [], []
    for n, text in enumerate(source.read_text().splitlines(), 1):
        request = json.loads(text)
        ids.append(request["custom_id"])
        lines.append(result_line(request["custom_id"], request["body"], answer(request["body"]), n))
    target.write_text("".join(line + "\n" for line in lines))
    return ids


def regenerate() -> None:
    """Write the golden files from the example articles (after a prompt or schema change)."""
    import asyncio
    import tempfile

    from summarizer import Settings
    from summarizer.batch import FileTransport, asubmit
    from summarizer.sources.ingest import read_articles

    from .conftest import EXAMPLES

    with tempfile.TemporaryDirectory() as tmp:
        articles = read_articles([EXAMPLES]).articles
        settings = Settings(cache_dir=Path(tmp) / "cache")
        asyncio.run(asubmit(articles, transport=FileTransport(Path(tmp) / "in"), settings=settings))
        [made] = (Path(tmp) / "in").glob("*.jsonl")
        (FIXTURES / "examples.input.jsonl").write_text(made.read_text())
    requests = [json.loads(line) for line in (FIXTURES / "examples.input.jsonl").read_text().splitlines()]
    first, second = requests
    output = [
        result_line(first["custom_id"], first["body"], written(first["body"]), 1),
        # the second article's request failed at the provider: an error line
        json.dumps(
            {
                "id": "batch_req_2",
                "custom_id": second["custom_id"],
                "response": {
                    "status_code": 500,
                    "request_id": "req-2",
                    "body": error_body(500, "overloaded", "x"),
                },
                "error": None,
            }
        ),
        # a line for no request of ours, a blank line and a line cut off mid-write
        result_line("0" * 64, first["body"], written(first["body"]), 3),
        "",
        '{"id": "batch_req_4", "custom_id": "',
    ]
    (FIXTURES / "examples.output.jsonl").write_text("".join(line + "\n" for line in output))
    retry = [result_line(second["custom_id"], second["body"], written(second["body"]), 1)]
    (FIXTURES / "examples.retry.jsonl").write_text("".join(line + "\n" for line in retry))


if __name__ == "__main__":
    regenerate()
