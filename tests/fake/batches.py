"""The fake endpoint's Batch API: file upload (multipart, purpose "batch"), batch creation with the
validation of its lines and limits, a planned sequence of statuses, output and error files answered
through the endpoint's own chat answers (and script), and cancel."""

from __future__ import annotations

import email.parser
import email.policy
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .replies import Reply, error_body


@dataclass
class BatchPlan:
    """How the fake Batch API behaves: the statuses a batch goes through (one step each time it is
    retrieved; cancelling jumps to "cancelling" then "cancelled"), how many of its requests are answered
    before it ends (None: all; fewer for an expired or cancelled batch), and the limits a file must keep."""

    statuses: list[str] = field(
        default_factory=lambda: ["validating", "in_progress", "finalizing", "completed"]
    )
    answered: int | None = None
    max_requests: int = 50_000
    max_bytes: int = 200 * 1024 * 1024


def _line_problems(text: str, plan: BatchPlan) -> list[dict[str, Any]]:
    """What the Batch API's validation says of an input file: bad lines, repeated ids, limits."""
    problems: list[dict[str, Any]] = []
    lines = text.splitlines()
    if len(lines) > plan.max_requests:
        problems.append({"code": "too_many_requests", "message": f"more than {plan.max_requests} requests"})
    if len(text.encode()) > plan.max_bytes:
        problems.append({"code": "file_too_large", "message": f"larger than {plan.max_bytes} bytes"})
    seen: set[str] = set()
    for number, line in enumerate(lines, 1):
        try:
            request = json.loads(line)
        except ValueError:
            problems.append({"code": "invalid_json_line", "message": "not JSON", "line": number})
            continue
        custom_id = request.get("custom_id")
        if not isinstance(custom_id, str) or custom_id in seen:
            problems.append(
                {"code": "duplicate_custom_id", "message": "custom_id missing or repeated", "line": number}
            )
        seen.add(str(custom_id))
        if request.get("method") != "POST" or request.get("url") != "/v1/chat/completions":
            problems.append(
                {"code": "invalid_url", "message": "must POST /v1/chat/completions", "line": number}
            )
        if not isinstance(request.get("body"), dict) or "messages" not in request["body"]:
            problems.append({"code": "invalid_body", "message": "no chat request body", "line": number})
    return problems


def form_fields(content_type: str, raw: bytes) -> dict[str, tuple[str | None, bytes]]:
    """A multipart/form-data body's fields: name -> (file name, content)."""
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        f"content-type: {content_type}\r\n\r\n".encode() + raw
    )
    fields: dict[str, tuple[str | None, bytes]] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        fields[str(name)] = (part.get_filename(), payload if isinstance(payload, bytes) else b"")
    return fields


class FakeBatches:
    """The files and batches endpoints' state; each request of a batch is answered by `answer` (the
    endpoint's chat answer, its script and layers included)."""

    def __init__(self, answer: Callable[[dict[str, Any]], Reply], plan: BatchPlan) -> None:
        self.answer, self.plan = answer, plan
        self.files: dict[str, bytes] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self._steps: dict[str, list[str]] = {}

    def upload(self, fields: dict[str, tuple[str | None, bytes]]) -> Reply:
        if fields.get("purpose", (None, b""))[1] != b"batch" or "file" not in fields:
            return Reply(400, error_body(400, "give a file with purpose batch", "invalid_request_error"))
        name, content = fields["file"]
        file_id = f"file-{len(self.files) + 1:04d}"
        self.files[file_id] = content
        return Reply(200, self._file(file_id, name or "input.jsonl", "batch"))

    def _file(self, file_id: str, name: str, purpose: str) -> dict[str, Any]:
        return {
            "id": file_id,
            "object": "file",
            "bytes": len(self.files[file_id]),
            "created_at": 1754524800,
            "filename": name,
            "purpose": purpose,
            "status": "processed",
        }

    def create(self, request: dict[str, Any]) -> Reply:
        file_id = request.get("input_file_id")
        if file_id not in self.files:
            return Reply(404, error_body(404, f"no file {file_id}", "not_found"))
        if request.get("endpoint") != "/v1/chat/completions" or request.get("completion_window") != "24h":
            return Reply(
                400, error_body(400, "endpoint or completion_window not supported", "invalid_request_error")
            )
        batch_id = f"batch_{len(self.batches) + 1:04d}"
        text = self.files[file_id].decode("utf-8")
        problems = _line_problems(text, self.plan)
        batch = {
            "id": batch_id,
            "object": "batch",
            "endpoint": "/v1/chat/completions",
            "input_file_id": file_id,
            "completion_window": "24h",
            "created_at": 1754524800,
            "metadata": request.get("metadata"),
            "status": "validating",
            "errors": None,
            "output_file_id": None,
            "error_file_id": None,
            "request_counts": {"total": len(text.splitlines()), "completed": 0, "failed": 0},
        }
        self.batches[batch_id] = batch
        self._steps[batch_id] = ["failed"] if problems else list(self.plan.statuses[1:])
        if problems:
            batch["errors"] = {"object": "list", "data": problems}
        return Reply(200, batch)

    def retrieve(self, batch_id: str) -> Reply:
        batch = self.batches.get(batch_id)
        if batch is None:
            return Reply(404, error_body(404, f"no batch {batch_id}", "not_found"))
        steps = self._steps[batch_id]
        if steps:
            batch["status"] = steps.pop(0)
            if batch["status"] in ("completed", "expired", "cancelled"):
                self._finish(batch)
        return Reply(200, batch)

    def cancel(self, batch_id: str) -> Reply:
        batch = self.batches.get(batch_id)
        if batch is None:
            return Reply(404, error_body(404, f"no batch {batch_id}", "not_found"))
        batch["status"] = "cancelling"
        self._steps[batch_id] = ["cancelled"]
        return Reply(200, batch)

    def _finish(self, batch: dict[str, Any]) -> None:
        """Answer the batch's requests (all, or the plan's first few) through the chat answers."""
        lines = self.files[batch["input_file_id"]].decode("utf-8").splitlines()
        answered = lines if self.plan.answered is None else lines[: self.plan.answered]
        output, errors = [], []
        for number, line in enumerate(answered, 1):
            request = json.loads(line)
            reply = self.answer(request["body"])
            result = {
                "id": f"batch_req_{number:04d}",
                "custom_id": request["custom_id"],
                "response": {
                    "status_code": reply.status,
                    "request_id": f"req-{number:04d}",
                    "body": reply.body,
                },
                "error": None,
            }
            (output if reply.status == 200 else errors).append(json.dumps(result))
        for name, found in (("output_file_id", output), ("error_file_id", errors)):
            if found:
                file_id = f"file-{len(self.files) + 1:04d}"
                self.files[file_id] = "".join(line + "\n" for line in found).encode()
                batch[name] = file_id
        batch["request_counts"] = {"total": len(lines), "completed": len(output), "failed": len(errors)}

    def content(self, file_id: str) -> Reply:
        if file_id not in self.files:
            return Reply(404, error_body(404, f"no file {file_id}", "not_found"))
        return Reply(200, self.files[file_id], content_type="application/octet-stream")
