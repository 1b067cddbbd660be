"""What every model of the package shares: immutable, and no field it does not know."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _non_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value.strip()


#: Text the model must fill with something: stripped, and re-asked when empty.
NonBlank = Annotated[str, AfterValidator(_non_blank)]
