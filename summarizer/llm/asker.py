"""Answers that validate as a pydantic model: asked, and re-asked with the validation errors quoted back."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import ArticleError, InvalidAnswer
from ..models import Usage
from .answers import EVIDENCE_CHARS, Completion, content_of, validation_problems
from .prompts import Message, reask_message

__all__ = ["Asker", "Call", "Complete", "OnRetry"]

logger = logging.getLogger(__name__)

Output = TypeVar("Output", bound=BaseModel)

#: Told of each retry: what failed, and how long until the next attempt.
OnRetry = Callable[[str, float], None]


@dataclass
class Call:
    """One request's context, handed to tenacity's hooks."""

    label: str
    on_retry: OnRetry | None
    #: Requests sent for it so far: once one has, the next goes ahead of articles not yet started.
    sent: int = 0
    #: Seconds its 429s have made it wait so far, as the server asked: at most MAX_RETRY_AFTER in all.
    waited: float = 0.0


#: One completion of messages for an output model, its transport faults retried (Engine.complete).
Complete = Callable[[list[Message], type[BaseModel], Call], Awaitable[Completion]]


class Asker:
    """Asks for answers that validate as a pydantic model, re-asking with the errors; counts every
    request and token it spent, discarded answers included."""

    def __init__(
        self, complete: Complete, max_reasks: int, label: str, on_retry: OnRetry | None = None
    ) -> None:
        self._complete, self._max_reasks, self._call = complete, max_reasks, Call(label, on_retry)
        self.usage = Usage()
        self.attempts = 0

    @property
    def label(self) -> str:
        return self._call.label

    async def __call__(self, messages: list[Message], output: type[Output]) -> tuple[Output, str]:
        """One answer that validates as `output`, and its raw text; an ArticleError (with the attempts,
        the usage and the last output) when none can be had."""
        try:
            return await self._ask(messages, output)
        except ArticleError as error:
            error.attempts, error.usage = max(error.attempts, self.attempts), self.usage
            raise

    async def _ask(self, messages: list[Message], output: type[Output]) -> tuple[Output, str]:
        reasks_left = self._max_reasks
        while True:
            completion = await self._complete(messages, output, self._call)
            self.attempts += 1
            self.usage = self.usage + completion.usage
            content = content_of(completion, self.attempts)
            try:
                return output.model_validate_json(content), content
            except ValidationError as error:
                problems = validation_problems(error)
            logger.info("%s: answer %d did not validate: %s", self.label, self.attempts, problems)
            if reasks_left == 0:
                raise InvalidAnswer(
                    f"the answer did not validate after {self.attempts} attempts: {'; '.join(problems)}",
                    attempts=self.attempts,
                    last_output=content[:EVIDENCE_CHARS],
                )
            reasks_left -= 1
            messages = [*messages, {"role": "assistant", "content": content}, reask_message(problems)]
