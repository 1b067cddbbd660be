"""--cluster embeddings: stories found by the endpoint's embeddings, cached, counted, never the run's end."""

from __future__ import annotations

import asyncio
import itertools
import json
import random
from types import SimpleNamespace
from typing import Any

import pytest
from pydantic import ValidationError

from summarizer import Settings, make_brief
from summarizer.cli import EXIT_OK, main
from summarizer.llm.answers import Embedded
from summarizer.llm.vectors import pack, unpack
from summarizer.merge.assemble import merge_briefings
from summarizer.merge.cluster import EMBEDDING_STORY_SIMILARITY, cluster
from summarizer.models import ArticleBriefing, NewsEvent, Usage
from summarizer.output.render import render_brief
from summarizer.run.embeddings import BATCH, _shares, embed_briefings, embedding_text
from summarizer.store import FileStore
from tests.builders import cna, lbc, make
from tests.conftest import EXAMPLES, FAST, TEST_KEY, cassette_folder
from tests.fake import EMBEDDING_DIMENSIONS, answer, content, status

CASSETTES = cassette_folder(__name__)


def embeddings_sent(vcr: Any) -> list[dict[str, Any]]:
    """The bodies of the embeddings requests the test made (or replayed)."""
    return [json.loads(r.body) for r in vcr.requests if r.path.endswith("/embeddings")]


def embeddings_answered(vcr: Any) -> list[dict[str, Any]]:
    """The bodies of the embeddings the endpoint answered."""
    bodies = [
        json.loads(response["body"]["string"])
        for request, response in zip(vcr.requests, vcr.responses, strict=True)
        if request.path.endswith("/embeddings")
    ]
    return [body for body in bodies if "data" in body]


def exchanges(vcr: Any, recording: bool) -> int:
    """How many requests went through the cassette so far."""
    return len(vcr) if recording else int(vcr.play_count)


def settings_for(base_url: str, **changes: Any) -> Settings:
    given: dict[str, Any] = {
        "base_url": base_url,
        "api_key": TEST_KEY,
        "retry": FAST,
        "cache_dir": None,
        "concurrency": 2,
        "cluster": "embeddings",
    }
    return Settings(**{**given, **changes})


# --- the library, against recorded exchanges ----------------------------------------------------------------


@pytest.mark.vcr
def test_the_seeds_are_one_story_found_by_their_embeddings_and_the_tokens_are_counted(
    llm_endpoint, vcr, monkeypatch
):
    merged: list[dict[str, Any]] = []

    def merge(*args: Any, **kwargs: Any) -> Any:
        merged.append(kwargs)
        return merge_briefings(*args, **kwargs)

    monkeypatch.setattr("summarizer.merge.assemble.merge_briefings", merge)
    result = make_brief([EXAMPLES], settings=settings_for(llm_endpoint()))
    [given] = merged  # the merge was given both briefings' vectors, as the server made them
    assert sorted(given["embeddings"]) == ["29bb05685f717daf", "b977c616738cd329"]
    assert all(len(vector) == EMBEDDING_DIMENSIONS for vector in given["embeddings"].values())
    [story] = result.brief.stories
    assert [ref.source for ref in story.sources] == ["CNA", "LBC"]
    [sent] = embeddings_sent(vcr)
    assert sent["model"] == "text-embedding-3-small" and sent["encoding_format"] == "base64"
    assert len(sent["input"]) == 2  # one request for both briefings, each its event, headline, summary
    assert any(
        text.startswith("planned Trump-Putin meeting; Washington; 2025-08-06\n") for text in sent["input"]
    )
    assert result.warnings == []
    # The embedding request is in the brief's usage: its requests and its prompt tokens.
    [answered] = embeddings_answered(vcr)
    briefings = sum(article.usage.prompt_tokens for article in result.brief.articles)
    assert result.brief.usage.requests == 3
    assert result.brief.usage.prompt_tokens == briefings + answered["usage"]["prompt_tokens"]
    assert result.summaries.spent.requests == 3


@pytest.mark.vcr
def test_a_rerun_takes_every_embedding_from_the_cache_and_gives_the_same_brief(
    llm_endpoint, vcr, recording, tmp_path
):
    settings = settings_for(llm_endpoint(), cache_dir=tmp_path / "cache")
    first = make_brief([EXAMPLES], settings=settings)
    sent = exchanges(vcr, recording)
    assert sent == 3  # two briefings, one embeddings request
    again = make_brief([EXAMPLES], settings=settings)
    assert exchanges(vcr, recording) == sent  # no call at all: briefings and embeddings are cached
    assert again.summaries.spent.requests == 0
    # The brief reports what producing it cost, so the cached run's brief is the same, byte for byte.
    assert render_brief(again.brief, "json") == render_brief(first.brief, "json")
    assert again.brief.usage.requests == 3


@pytest.mark.vcr
def test_a_server_error_on_the_embeddings_is_retried(llm_endpoint, vcr):
    base_url = llm_endpoint(answer, answer, status(500, "The server had an error", "server_error"))
    result = make_brief([EXAMPLES], settings=settings_for(base_url))
    assert len(embeddings_sent(vcr)) == 2  # the 500, then the answer
    assert result.warnings == [] and len(result.brief.stories) == 1
    assert result.summaries.spent.requests == 4  # the failed attempt counts as a request of the run
    assert result.brief.usage.requests == 3  # the brief: what produced it


@pytest.mark.vcr
def test_an_endpoint_without_embeddings_groups_by_text_and_says_why(llm_endpoint, caplog):
    missing = status(404, "The model `text-embedding-3-small` does not exist", "invalid_request_error")
    result = make_brief([EXAMPLES], settings=settings_for(llm_endpoint(answer, answer, missing)))
    [warning] = result.warnings
    assert warning.startswith("embeddings failed (HTTP 404 from ")
    assert "'text-embedding-3-small'" in warning and "grouped by their text instead" in warning
    assert result.summaries.stopped is None and result.complete  # the run goes on
    assert len(result.brief.stories) == 1  # by text, as without --cluster
    assert render_brief(result.brief) == render_brief(merge_briefings(result.summaries.briefings))
    assert warning in caplog.text


@pytest.mark.vcr
def test_an_answer_that_holds_no_embeddings_groups_by_text(llm_endpoint):
    result = make_brief([EXAMPLES], settings=settings_for(llm_endpoint(answer, answer, content("{}"))))
    [warning] = result.warnings
    assert "did not answer with 2 embeddings" in warning and "/embeddings?" in warning
    assert len(result.brief.stories) == 1 and result.complete


@pytest.mark.vcr
def test_a_rate_limited_embeddings_request_waits_its_turn_and_costs_no_attempt(llm_endpoint, vcr):
    limited = status(429, "Rate limit reached", "requests", {"retry-after-ms": "50"})
    base_url = llm_endpoint(answer, answer, limited)
    result = make_brief(
        [EXAMPLES], settings=settings_for(base_url, retry=FAST.model_copy(update={"attempts": 1}))
    )
    assert result.warnings == [] and len(embeddings_sent(vcr)) == 2
    assert result.summaries.spent.rate_limited == 1


# --- the command line ---------------------------------------------------------------------------------------


def test_cluster_embeddings_from_the_command_line(cassette_args, tmp_path, capsys):
    args = cassette_args(CASSETTES / "cli.yaml")
    out = tmp_path / "brief.md"
    flags = ["--cluster", "embeddings", "--embedding-model", "text-embedding-3-large", "--concurrency", "1"]
    assert main(["brief", str(EXAMPLES), *flags, "-q", "-o", str(out), *args]) == EXIT_OK
    brief = out.read_text()
    assert "## 1. " in brief and "## 2. " not in brief
    assert "\n3 model requests to " in brief  # two briefings and the embeddings, all counted
    assert "warning" not in capsys.readouterr().err
    recorded = (CASSETTES / "cli.yaml").read_text()
    assert "model: text-embedding-3-large" in recorded


def test_a_failed_embeddings_request_still_writes_the_brief_with_a_warning(cassette_args, tmp_path, capsys):
    broken = status(404, "Not Found", "not_found")
    args = cassette_args(CASSETTES / "cli_not_found.yaml", answer, answer, broken)
    out = tmp_path / "brief.md"
    code = main(["brief", str(EXAMPLES), "--cluster", "embeddings", "-q", "-o", str(out), *args])
    assert code == EXIT_OK
    assert "## 1. Trump could meet Putin" in out.read_text()
    err = capsys.readouterr().err
    assert "summarizer: warning: embeddings failed (HTTP 404 from " in err
    assert "stories were grouped by their text instead" in err


def test_a_rejected_key_on_the_embeddings_stops_the_run_but_the_brief_is_written(
    cassette_args, tmp_path, capsys
):
    denied = status(401, "Incorrect API key provided", "invalid_request_error")
    args = cassette_args(CASSETTES / "cli_denied.yaml", answer, answer, denied)
    out = tmp_path / "brief.md"
    code = main(["brief", str(EXAMPLES), "--cluster", "embeddings", "-q", "-o", str(out), *args])
    assert code == 3
    assert "## 1. Trump could meet Putin" in out.read_text()
    assert "the run stopped: HTTP 401: Incorrect API key provided" in capsys.readouterr().err


def test_an_unknown_cluster_is_a_usage_error_naming_it(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["brief", str(EXAMPLES), "--cluster", "foo"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err == (
        "summarizer brief: error: argument --cluster: unknown choice 'foo'; choose from text, embeddings "
        "(see summarizer brief --help)\n"
    )


def test_the_parsers_choices_are_the_settings():
    from typing import get_args

    from summarizer.cli.options import CLUSTERINGS
    from summarizer.config.settings import Clustering

    assert get_args(Clustering) == CLUSTERINGS


# --- settings -----------------------------------------------------------------------------------------------


def test_the_cluster_and_embedding_model_come_from_the_environment_and_config_files(monkeypatch, tmp_path):
    assert (Settings().cluster, Settings().embedding_model) == ("text", "text-embedding-3-small")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.summarizer]\ncluster = "embeddings"\nembedding_model = "nomic-embed-text"\n'
    )
    monkeypatch.chdir(tmp_path)
    assert (Settings().cluster, Settings().embedding_model) == ("embeddings", "nomic-embed-text")
    monkeypatch.setenv("SUMMARIZER_CLUSTER", "text")
    monkeypatch.setenv("SUMMARIZER_EMBEDDING_MODEL", "mxbai-embed-large")
    assert (Settings().cluster, Settings().embedding_model) == ("text", "mxbai-embed-large")


def test_an_unknown_cluster_setting_fails_naming_the_field():
    with pytest.raises(ValidationError, match="cluster"):
        Settings(cluster="words")


# --- the grouping itself: pure, no calls --------------------------------------------------------------------


def one_hot(index: int, size: int = 8) -> list[float]:
    return [1.0 if i == index else 0.0 for i in range(size)]


def test_the_embeddings_decide_where_the_words_would_not():
    # Alike in words (one story by text), told apart by their embeddings; and the other way round.
    items = [cna(), lbc()]
    assert len(cluster(items)) == 1
    assert cluster(items, [one_hot(0), one_hot(1)]) == [[0], [1]]
    dinner = make("Gazette", "State dinner at the White House", ["The menu featured wagyu beef."])
    assert len(cluster([cna(), dinner])) == 2
    assert cluster([cna(), dinner], [one_hot(0), one_hot(0)]) == [[0, 1]]


def test_events_dated_too_far_apart_never_join_however_alike_their_embeddings():
    def on(day: str, outlet: str) -> ArticleBriefing:
        item = make(outlet, "Earthquake strikes Turkey", ["An earthquake struck southern Turkey."])
        event = NewsEvent(what="earthquake", where="Turkey", when=day)
        return item.model_copy(update={"briefing": item.briefing.model_copy(update={"event": event})})

    same = [on("2023-02-06", "A"), on("2023-02-07", "B")]
    assert cluster(same, [one_hot(0), one_hot(0)]) == [[0, 1]]
    apart = [on("2023-02-06", "A"), on("2023-09-08", "B")]
    assert cluster(apart, [one_hot(0), one_hot(0)]) == [[0], [1]]


def test_a_briefing_without_an_embedding_is_compared_by_its_words():
    assert cluster([cna(), lbc()], [one_hot(0), None]) == [[0, 1]]
    assert cluster([cna(), lbc()], [one_hot(0), [0.0] * 8]) == [[0, 1]]  # a zero vector says nothing


def test_the_similarity_is_a_cosine_whatever_the_vectors_length():
    near = [1.0, 0.0]
    tilted = [EMBEDDING_STORY_SIMILARITY + 0.01, (1 - (EMBEDDING_STORY_SIMILARITY + 0.01) ** 2) ** 0.5]
    assert cluster([cna(), lbc()], [near, [x * 40 for x in tilted]]) == [[0, 1]]


def test_the_merge_with_embeddings_is_the_same_in_any_order():
    items = [cna(), lbc(), make("Gazette", "State dinner at the White House", ["The menu featured beef."])]
    rng = random.Random(11)
    vectors = {item.ref.article_id: [rng.uniform(-1, 1) for _ in range(16)] for item in items}
    vectors[items[1].ref.article_id] = vectors[items[0].ref.article_id]
    first = render_brief(merge_briefings(items, embeddings=vectors), "json")
    # Every order, not a few shuffles: a set of renderings is empty, not equal, if none ran.
    orders = itertools.permutations(items)
    renderings = {render_brief(merge_briefings(list(o), embeddings=vectors), "json") for o in orders}
    assert renderings == {first}


def test_embeddings_for_another_number_of_briefings_are_refused():
    with pytest.raises(ValueError, match="1 embeddings for 2 briefings"):
        cluster([cna(), lbc()], [one_hot(0)])


class FakeEngine:
    """Stands in for the run's engine: answers every text with a vector of its length, 10 tokens a text."""

    def __init__(self) -> None:
        self.requests: list[list[str]] = []

    async def embed(self, texts: list[str], model: str, label: str) -> Embedded:
        self.requests.append(texts)
        return Embedded(
            [[float(len(text)), 1.0] for text in texts], Usage(requests=1, prompt_tokens=10 * len(texts))
        )


def test_briefings_are_embedded_64_a_request_in_a_fixed_order_then_taken_from_the_store(tmp_path):
    items = [make("Gazette", f"Council approves plan number {n}", ["A plan."]) for n in range(130)]
    engine = FakeEngine()
    run = SimpleNamespace(engine=engine, store=FileStore(tmp_path), settings=Settings(cluster="embeddings"))
    first = asyncio.run(embed_briefings(items, run))  # type: ignore[arg-type]
    assert [len(texts) for texts in engine.requests] == [64, 64, 2]
    assert first.vectors is not None and len(first.vectors) == 130 and first.warning is None
    assert first.usage == Usage(requests=3, prompt_tokens=1_300)
    shuffled = asyncio.run(embed_briefings(list(reversed(items)), run))  # type: ignore[arg-type]
    assert len(engine.requests) == 3  # every vector from the store
    assert shuffled.vectors == first.vectors and shuffled.usage == first.usage
    another = Settings(embedding_model="another", embedding_thresholds=(0.8, 0.6))
    other = SimpleNamespace(engine=engine, store=run.store, settings=another)
    asyncio.run(embed_briefings(items[:1], other))  # type: ignore[arg-type]
    assert len(engine.requests) == 4  # another model's vectors are other vectors


# --- what is sent and stored --------------------------------------------------------------------------------


def test_the_embedded_text_is_the_event_headline_and_summary():
    briefing = cna().briefing.model_copy(
        update={"event": NewsEvent(what="Trump-Putin summit", where=None, when="2025-08-06")}
    )
    text = embedding_text(briefing)
    assert text.splitlines()[0] == "Trump-Putin summit; 2025-08-06"
    assert text.splitlines()[1:] == [briefing.headline, briefing.summary]


def test_a_vector_is_stored_as_compact_float32_and_read_back():
    vector = [0.125, -0.5, 1.0, 3.0e-5]
    packed = pack(vector)
    assert len(packed) == 24 and unpack(packed) == pytest.approx(vector, rel=1e-6)
    with pytest.raises(ValueError):
        unpack("not base64!")


def test_a_requests_tokens_are_shared_out_whole_and_add_up():
    assert _shares(10, [1, 1, 1]) == [4, 3, 3]
    assert sum(_shares(1_001, [37, 5, 400, 12])) == 1_001
    assert BATCH == 64


def test_embeddings_keyed_by_other_ids_or_of_two_lengths_are_a_clear_error_not_a_silent_fallback():
    from summarizer.merge.assemble import merge_briefings
    from tests.builders import cna, lbc

    items = [cna(), lbc()]
    with pytest.raises(ValueError, match=r"article ids no briefing has: nope \(key them by ref.article_id\)"):
        merge_briefings(items, embeddings={"nope": [1.0, 0.0]})
    mixed = {items[0].ref.article_id: [1.0, 0.0], items[1].ref.article_id: [1.0, 0.0, 0.0]}
    with pytest.raises(ValueError, match="different lengths"):
        merge_briefings(items, embeddings=mixed)
