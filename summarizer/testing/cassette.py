"""Record and replay the HTTP exchanges with the model as vcrpy cassettes: readable, secret-free, offline.

Test tooling, kept out of the runtime path: only `--cassette` imports this module, and vcrpy comes with
the optional extra `summarizer[cassettes]`.
"""

from __future__ import annotations

import copy
import email.parser
import email.policy
import json
import logging
import os
import re
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import yaml
from pydantic import SecretStr

from ..config.settings import Settings
from ..errors import ArticleError, UsageError, redact
from ..llm.faults import translating
from .errors import NotRecorded

try:
    import vcr
    from vcr.cassette import Cassette
    from vcr.errors import CannotOverwriteExistingCassetteException
    from vcr.request import Request
except ImportError:  # pragma: no cover - the message is the point
    raise UsageError(
        "replaying or recording cassettes needs vcrpy: pip install 'summarizer[cassettes]'"
    ) from None

__all__ = [
    "KEPT_REQUEST_HEADERS",
    "KEPT_RESPONSE_HEADERS",
    "REPLAY_KEY",
    "address_matcher",
    "cassette_settings",
    "configure",
    "is_api_path",
    "make_vcr",
    "not_recorded",
    "use_cassette",
    "vcr_config",
]

#: The placeholder key a replayed cassette is run with: its requests never leave the process.
REPLAY_KEY = "sk-replay-placeholder"


def not_recorded(error: BaseException) -> ArticleError | None:
    """What a request the cassette does not hold ends as: it can never succeed, so it is not retried,
    and it ends as the project's own error instead of vcrpy's. Registered with the engine (see
    summarizer.llm.faults) while a cassette is in use."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, CannotOverwriteExistingCassetteException):
            request = getattr(cause, "failed_request", None)
            path = getattr(request, "path", "") or ""
            # Which kind of request: a cassette recorded without --synthesize or --cluster embeddings
            # holds no such request, though nothing about the articles changed.
            kind = path.rsplit("/", 1)[-1].replace("completions", "chat") if path else ""
            asked = f"this {kind} request" if kind in ("chat", "embeddings") else "this request"
            return NotRecorded(
                f"the cassette holds no recorded answer for {asked} (the article, model, prompt or "
                "flags changed): record it again"
            )
        cause = cause.__cause__ or cause.__context__
        if cause is error:
            break
    return None


# Only these headers are recorded: everything else (authorization, organisation and project ids,
# cookies, SDK telemetry) is dropped before a cassette is written, so no secret can reach one. A fetched
# page's location, etag and last-modified are kept so that its redirects and conditional requests
# replay as they ran (without its etag, a replayed page's second fetch asked unconditionally and met
# the recorded 304).
KEPT_REQUEST_HEADERS = frozenset({"content-type"})
KEPT_RESPONSE_HEADERS = frozenset(
    {"content-type", "retry-after", "retry-after-ms", "x-request-id", "location", "etag", "last-modified"}
)


def _scrub_request(request: Request) -> Request:
    request = copy.deepcopy(request)
    for name in list(request.headers):
        if name.lower() not in KEPT_REQUEST_HEADERS:
            del request.headers[name]
    return request


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    response = copy.deepcopy(response)
    response["headers"] = {
        name: value for name, value in response["headers"].items() if name.lower() in KEPT_RESPONSE_HEADERS
    }
    body = response["body"].get("string")
    if isinstance(body, bytes):
        body = body.decode("utf-8", errors="replace")
    if isinstance(body, str):  # a server may echo a key back in an error message
        response["body"]["string"] = redact(body).encode("utf-8")
    return response


def _text_or_none(body: Any) -> str | None:
    """A recorded body as text; None when it is empty or not UTF-8 text."""
    if isinstance(body, bytes):
        try:
            body = body.decode("utf-8")
        except UnicodeDecodeError:
            return None
    return body if isinstance(body, str) and body.strip() else None


def _json_or_none(body: Any) -> Any:
    text = _text_or_none(body)
    try:
        return None if text is None else json.loads(text)
    except json.JSONDecodeError:
        return None


def _jsonl_or_none(body: Any) -> list[Any] | None:
    """A JSON-lines text (a batch file) as its parsed lines; None when it is not one."""
    text = _text_or_none(body)
    try:
        return None if text is None else [json.loads(line) for line in text.splitlines() if line.strip()]
    except json.JSONDecodeError:
        return None


def _form_or_none(content_type: str | None, body: Any) -> list[dict[str, Any]] | None:
    """A multipart/form-data body (a file upload) as its parts, a JSON-lines file parsed line by line:
    what the upload means, whatever boundary the client chose."""
    if not content_type or not content_type.startswith("multipart/form-data") or body is None:
        return None
    raw = body.encode("utf-8") if isinstance(body, str) else body
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        f"content-type: {content_type}\r\n\r\n".encode() + raw
    )
    parts = []
    for part in message.iter_parts():
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", errors="replace") if isinstance(payload, bytes) else ""
        item: dict[str, Any] = {"name": part.get_param("name", header="content-disposition")}
        if part.get_filename():
            item["filename"] = part.get_filename()
        lines = _jsonl_or_none(content) if item.get("filename") else None
        item.update({"jsonl": lines} if lines is not None else {"text": content})
        parts.append(item)
    return parts


def _form_body(parts: list[dict[str, Any]], boundary: str) -> str:
    """A multipart/form-data body made again from its recorded parts."""
    chunks = []
    for part in parts:
        disposition = f'form-data; name="{part["name"]}"'
        if "filename" in part:
            disposition += f'; filename="{part["filename"]}"'
        content = (
            "".join(json.dumps(line) + "\n" for line in part["jsonl"]) if "jsonl" in part else part["text"]
        )
        chunks.append(f"--{boundary}\r\nContent-Disposition: {disposition}\r\n\r\n{content}\r\n")
    return "".join(chunks) + f"--{boundary}--\r\n"


def _content_type(headers: Any) -> str | None:
    for name, value in (headers or {}).items():
        if name.lower() == "content-type":
            return str(value[0] if isinstance(value, list) else value)
    return None


#: The paths of the model's API that summarizer calls (chat, embeddings, the Batch API's files and
#: batches), after any base path (/v1, Azure's /openai/deployments/NAME).
_API_PATH = re.compile(
    r"/(chat/completions|embeddings|files(/[^/]+(/content)?)?|batches(/[^/]+(/cancel)?)?)$"
)


def is_api_path(path: str) -> bool:
    """Whether a request's path is one of the model API's (not a page, a feed or a robots.txt)."""
    return _API_PATH.search(path) is not None


def address_matcher(r1: Request, r2: Request) -> None:
    """Requests to the model's API match on their path alone: the endpoint is wherever it was when
    recorded (a local server on some port) and wherever it is now (nothing, when replaying). Any other
    request (a page, a feed, a robots.txt fetched during the run) matches on its whole URL: two sites'
    /robots.txt, or a feed's ?page=1 and ?page=2, are different requests."""
    if is_api_path(r1.path) and is_api_path(r2.path):
        assert r1.path == r2.path, "paths differ"
    else:
        assert (r1.scheme, r1.host, r1.port, r1.path, r1.query) == (
            r2.scheme,
            r2.host,
            r2.port,
            r2.path,
            r2.query,
        ), "URLs differ"


def json_body_matcher(r1: Request, r2: Request) -> None:
    """Two requests match when their JSON bodies are equal (the article, the prompt, the model); two
    uploads when their form fields and JSON-lines files are (not the multipart boundary)."""
    a, b = _json_or_none(r1.body), _json_or_none(r2.body)
    if a is None or b is None:
        form_a = _form_or_none(_content_type(r1.headers), r1.body)
        form_b = _form_or_none(_content_type(r2.headers), r2.body)
        if form_a is not None and form_b is not None:
            assert form_a == form_b, "uploaded files differ"
            return
        assert r1.body == r2.body, "bodies differ"
    else:
        assert a == b, "JSON bodies differ"


class _Dumper(yaml.SafeDumper):
    """YAML with multi-line strings as literal blocks, so prompts and answers read as text."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


class ReadableJSONSerializer:
    """A vcrpy serializer that stores JSON bodies as YAML structures instead of one escaped line."""

    @staticmethod
    def serialize(cassette_dict: dict[str, Any]) -> str:
        data = copy.deepcopy(cassette_dict)
        for interaction in data["interactions"]:
            request, response = interaction["request"], interaction["response"]
            parsed = _json_or_none(request.get("body"))
            content_type = _content_type(request.get("headers"))
            form = _form_or_none(content_type, request.get("body"))
            if parsed is not None:
                request["body"] = {"json": parsed}
            elif form is not None and content_type is not None:
                request["body"] = {"form": form, "boundary": content_type.split("boundary=", 1)[-1]}
            parsed = _json_or_none(response["body"].get("string"))
            lines = _jsonl_or_none(response["body"].get("string")) if parsed is None else None
            if parsed is not None:
                response["body"] = {"json": parsed}
            elif lines is not None:
                response["body"] = {"jsonl": lines}
        return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110)

    @staticmethod
    def deserialize(cassette_string: str) -> dict[str, Any]:
        data = _cassette_data(cassette_string)
        for interaction in data["interactions"]:
            request, response = interaction["request"], interaction["response"]
            if isinstance(request.get("body"), dict) and "json" in request["body"]:
                request["body"] = json.dumps(request["body"]["json"])
            elif isinstance(request.get("body"), dict) and "form" in request["body"]:
                request["body"] = _form_body(request["body"]["form"], request["body"]["boundary"])
            if "json" in response["body"]:
                response["body"] = {"string": json.dumps(response["body"].pop("json"))}
            elif "jsonl" in response["body"]:
                lines = response["body"].pop("jsonl")
                response["body"] = {"string": "".join(json.dumps(line) + "\n" for line in lines)}
        return data


def _cassette_data(text: str) -> dict[str, Any]:
    """A cassette's YAML, checked for the shape deserialize reads: a UsageError saying what is wrong, not
    PyYAML's four lines or a TypeError's traceback (a file given to --cassette by mistake, a bad merge)."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise UsageError(f"not YAML{where}: {getattr(error, 'problem', None) or error}") from None
    interactions = data.get("interactions") if isinstance(data, dict) else None
    if not isinstance(interactions, list):
        raise UsageError("not a cassette: no list of recorded 'interactions'")
    for number, interaction in enumerate(interactions, 1):
        parts = interaction if isinstance(interaction, dict) else {}
        request, response = parts.get("request"), parts.get("response")
        if not (
            isinstance(request, dict)
            and isinstance(response, dict)
            and isinstance(response.get("body"), dict)
        ):
            raise UsageError(f"not a cassette: interaction {number} lacks its request or its response's body")
    checked: dict[str, Any] = data
    return checked


def vcr_config() -> dict[str, Any]:
    """The settings every cassette uses, in the CLI and in the tests alike."""
    return {
        "serializer": "yaml",
        "match_on": ["method", "address", "json_body"],
        "before_record_request": _scrub_request,
        "before_record_response": _scrub_response,
        "decode_compressed_response": True,
    }


def configure(recorder: vcr.VCR) -> vcr.VCR:
    """Teach a VCR instance our serializer (under the name 'yaml') and our request matchers."""
    recorder.register_serializer("yaml", ReadableJSONSerializer())
    recorder.register_matcher("address", address_matcher)
    recorder.register_matcher("json_body", json_body_matcher)
    return recorder


def make_vcr() -> vcr.VCR:
    return configure(vcr.VCR())


@contextmanager
def use_cassette(path: str | Path, *, record: bool = False) -> Iterator[Cassette]:
    """Replay `path` (no network at all), or with `record` send real requests and write them to `path`.
    While it replays, a request the cassette does not hold ends its article as NotRecorded, at once.

    A recording is written to a temporary file and moved into place only when the block ends without
    error, so a failed recording never destroys the cassette it was replacing.
    """
    path = Path(path)
    config = vcr_config()
    _quiet_vcr()
    if not record:
        if not path.is_file():
            raise UsageError(f"no cassette at {path}; record one with --record")
        with ExitStack() as stack:
            try:  # vcrpy reads the file on entering; it takes one that is not UTF-8 for an empty cassette
                path.read_bytes().decode("utf-8")
                stack.enter_context(translating(not_recorded))
                tape = stack.enter_context(make_vcr().use_cassette(str(path), record_mode="none", **config))
            except UnicodeDecodeError:
                raise UsageError(f"cannot replay the cassette {path}: not UTF-8 text") from None
            except UsageError as error:
                raise UsageError(f"cannot replay the cassette {path}: {error}") from None
            yield tape
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.recording")
    partial.unlink(missing_ok=True)
    with make_vcr().use_cassette(str(partial), record_mode="all", **config) as tape:
        yield tape
    if partial.exists():
        os.replace(partial, path)


def _quiet_vcr() -> None:
    """vcrpy logs each exchange at INFO as it is recorded, headers and bodies raw, before our scrubbing
    (the Authorization header, an organisation id a server echoes): `-v` must not print them. Only its
    warnings get through, and those redacted."""
    for name in ("vcr", "vcr.cassette", "vcr.stubs"):
        logging.getLogger(name).setLevel(logging.WARNING)
    vcr_logger = logging.getLogger("vcr")
    if not any(isinstance(f, _Redacting) for f in vcr_logger.filters):
        vcr_logger.addFilter(_Redacting())


class _Redacting(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = redact(record.getMessage()), None
        return True


def cassette_settings(settings: Settings, *, record: bool) -> Settings:
    """The settings of a cassette run: no cache (every request must be made, to be recorded or matched),
    and for a replay without a key a placeholder one (its requests never leave the process)."""
    changes: dict[str, Any] = {"cache_dir": None}
    if not record and settings.api_key is None:
        changes["api_key"] = SecretStr(REPLAY_KEY)
    return settings.model_copy(update=changes)
