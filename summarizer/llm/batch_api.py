"""The provider's Batch API (files and batches) through the SDK, as plain dicts; its errors leave as ours."""

from __future__ import annotations

from collections.abc import Awaitable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from ..errors import AccessDenied, EndpointError, RequestRejected
from .client import is_client
from .failures import server_message
from .sdk import openai

__all__ = ["BatchAPI"]

T = TypeVar("T")


class BatchAPI:
    """The Batch API's files and batches through the SDK, as plain dicts; its errors leave as ours."""

    def __init__(self, client: openai.AsyncOpenAI) -> None:
        if not is_client(client):
            raise TypeError(f"client must be an openai.AsyncOpenAI, not {type(client).__name__}")
        self.client = client

    async def upload(self, path: Path) -> str:
        """Upload a JSONL input file (purpose "batch"); its file id."""
        with path.open("rb") as stream:
            made = await self._call(self.client.files.create(file=(path.name, stream), purpose="batch"))
        return str(made.id)

    async def create(self, file_id: str, metadata: dict[str, str]) -> dict[str, Any]:
        made = self.client.batches.create(
            input_file_id=file_id, endpoint="/v1/chat/completions", completion_window="24h", metadata=metadata
        )
        return _plain(await self._call(made))

    async def retrieve(self, batch_id: str) -> dict[str, Any]:
        return _plain(await self._call(self.client.batches.retrieve(batch_id)))

    async def cancel(self, batch_id: str) -> dict[str, Any]:
        return _plain(await self._call(self.client.batches.cancel(batch_id)))

    async def content(self, file_id: str) -> str:
        """A result file's text (JSONL)."""
        response = await self._call(self.client.files.content(file_id))
        return str(response.text)

    async def _call(self, request: Awaitable[T]) -> T:
        try:
            return await request
        except openai.APIStatusError as error:
            status, message = error.status_code, server_message(error)
            if status in (401, 403):
                raise AccessDenied(f"HTTP {status}: {message}. Check OPENAI_API_KEY.") from None
            if status == 404:
                raise EndpointError(
                    f"HTTP 404 from {self.client.base_url}: {message}. Does it serve the Batch API?"
                ) from None
            raise RequestRejected(f"HTTP {status} from the Batch API: {message}") from None
        except openai.APIConnectionError:
            raise EndpointError(
                f"cannot connect to {self.client.base_url}: is the endpoint running?"
            ) from None


def _plain(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(mode="json")
