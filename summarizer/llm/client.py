"""The SDK's client, made the way the engine needs it: the SDK's own retries off (the engine retries)."""

from __future__ import annotations

from ..config.settings import Settings
from .sdk import openai

__all__ = ["Client", "is_client", "make_client"]

#: The client a caller may pass: openai.AsyncOpenAI, or AsyncAzureOpenAI (a subclass).
Client = openai.AsyncOpenAI


def make_client(settings: Settings) -> openai.AsyncOpenAI:
    """An AsyncOpenAI client for `settings`, with the SDK's own retries off (the engine retries)."""
    return openai.AsyncOpenAI(
        api_key=settings.key(), base_url=settings.base_url, max_retries=0, timeout=settings.timeout
    )


def is_client(client: object) -> bool:
    """Whether `client` is an async OpenAI client the engine can use."""
    return isinstance(client, openai.AsyncOpenAI)
