"""The one settings object: how to reach the model, how hard to push it, what a run may spend.

Read from the environment and the configuration files here and nowhere else. Precedence: what the
caller passes (the command line's flags) > environment variables > `[tool.summarizer]` in the nearest
pyproject.toml > the user's config.toml > defaults (summarizer/config/files.py reads the files). Every field
but the endpoint's can be set as `SUMMARIZER_<FIELD>` (e.g. `SUMMARIZER_CONCURRENCY=16`); the key and
the endpoint keep the OpenAI SDK's names, `OPENAI_API_KEY` and `OPENAI_BASE_URL`."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal, cast
from urllib.parse import urlsplit

from pydantic import (
    Field,
    SecretStr,
    TypeAdapter,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, EnvSettingsSource, PydanticBaseSettingsSource, SettingsConfigDict

from ..errors import UsageError, register_secret
from .files import (
    DEFAULT_EMBEDDING_MODEL,
    DEFAULT_MODEL,
    TRUSTED_PROJECTS,
    ConfigFile,
    Origin,
    default_cache_dir,
    origins,
    project_config,
    user_config,
)
from .options import default, default_as
from .policies import MAX_FEED_ENTRIES, MAX_PER_FEED, FetchPolicy, Prices, RetryPolicy, Window, parse_moment

__all__ = [
    "Clustering",
    "DEFAULT_EMBEDDING_MODEL",
    "DEFAULT_MODEL",
    "MAX_FEED_ENTRIES",
    "MAX_PER_FEED",
    "FetchPolicy",
    "Grounding",
    "Mode",
    "Prices",
    "RetryPolicy",
    "Settings",
    "Undated",
    "Window",
    "default_cache_dir",
    "parse_moment",
]


Mode = Literal["json_schema", "json_object"]


Grounding = Literal["strict", "warn", "off"]


#: How the merge tells which briefings report one event: their words (TF-IDF), or the endpoint's
#: embeddings of their events, headlines and summaries.
Clustering = Literal["text", "embeddings"]
Detail = Literal["brief", "full"]


#: What becomes of an article with no publication date that can be read: kept in the brief, or left out.
Undated = Literal["keep", "drop"]


class Settings(BaseSettings):
    """Everything a run needs to know, validated when built: a bad value fails at once, named.

    >>> Settings(model="gpt-6-luna", concurrency=16, cache_dir="cache/")  # doctest: +SKIP
    """

    model_config = SettingsConfigDict(
        env_prefix="SUMMARIZER_",
        extra="forbid",
        frozen=True,
        validate_by_name=True,
        validate_default=True,
    )

    # --- where the model is -------------------------------------------------------------------------
    model: str = Field(default=DEFAULT_MODEL, min_length=1)
    #: The endpoint the key is sent to. A project's pyproject.toml sets it only when the project is
    #: trusted (config.TRUSTED_ONLY); a flag, the environment and the user's config.toml always may.
    base_url: str | None = Field(default=None, validation_alias="OPENAI_BASE_URL")
    #: Trust the project's pyproject.toml for this run: its settings that decide where the key and the
    #: requests go (base_url, fetch.allow_private) are read too. Never from the project file itself;
    #: to trust one folder for good, list it in `trusted_projects` of the user's config.toml.
    trust_project: bool = default_as("trust_project", bool)
    api_key: SecretStr | None = Field(default=None, validation_alias="OPENAI_API_KEY", repr=False)
    #: Seconds one whole answer may take, from sending the request to its last byte, before it counts as
    #: a hang (then retried): not each read, which an answer trickling a byte at a time never trips.
    timeout: float = Field(default=default_as("timeout", float), gt=0)
    mode: Mode = cast(Mode, default("mode"))

    # --- how each answer is checked -----------------------------------------------------------------
    #: How many times an answer that fails validation is sent back with its errors.
    max_reasks: int = Field(default=default_as("max_reasks", int), ge=0)
    #: What to do with quotes, figures and names the article does not support (after one re-ask).
    grounding: Grounding = cast(Grounding, default("grounding"))
    max_output_tokens: int | None = Field(default=16_000, ge=1)
    retry: RetryPolicy = RetryPolicy()

    # --- what a run may do and spend ----------------------------------------------------------------
    #: Requests in flight at once (backoff sleeps hold none).
    concurrency: int = Field(default=default_as("concurrency", int), ge=1)
    #: Where briefings are stored as they arrive; None: no cache.
    cache_dir: Path | None = Field(default_factory=default_cache_dir)
    #: Which store, as a URL: `file:DIR`, `sqlite:PATH` (many processes, one file), a bare path (a
    #: folder). None: the folder `cache_dir`. `cache_dir=None` turns the cache off either way.
    cache: str | None = Field(default=None, min_length=1)
    #: Longer articles are cut to about this many tokens (the brief says so); None: no cap.
    max_article_tokens: int | None = Field(default=default_as("max_article_tokens", int), ge=1)
    #: The endpoint's limits, when known: the run paces itself under them (it also learns them from the
    #: server's x-ratelimit-* headers and its 429s). None: learn them.
    rpm: float | None = Field(default=None, gt=0)
    tpm: float | None = Field(default=None, gt=0)
    #: Seconds the run may take: then no new request is sent, the requests in flight are cancelled, and
    #: their articles and those left are reported.
    deadline: float | None = Field(default=None, gt=0)
    #: Once this run has spent this many tokens, no new request is sent; None: no budget.
    max_run_tokens: int | None = Field(default=None, ge=1)
    prices: Prices | None = Field(default=None, validation_alias="SUMMARIZER_PRICE")
    #: One more call per story reported by two outlets or more, to write its headline and summary.
    synthesize: bool = default_as("synthesize", bool)
    #: How briefings are grouped into stories: "text" (no call), or "embeddings" (the endpoint's
    #: /embeddings of each briefing's event, headline and summary; cached; text again if it fails).
    cluster: Clustering = cast(Clustering, default("cluster"))
    #: How much of each story the Markdown and HTML show: "brief" (ranked and capped, summarizer.output
    #: .detail) or "full" (every item). The JSON always has every item.
    detail: Detail = cast(Detail, default("detail"))
    embedding_model: str = Field(default=DEFAULT_EMBEDDING_MODEL, min_length=1)
    #: The cosines from which two briefings are one story by `embedding_model`'s embeddings: alone, and
    #: when their events agree ("0.91,0.86"). None: the model's measured calibration
    #: (summarizer.merge.cluster.CALIBRATIONS); a model with none is grouped by text, since its
    #: cosine scale is unknown.
    embedding_thresholds: tuple[float, float] | None = None
    #: Articles published outside it are left out, not summarised.
    window: Window = Window()
    #: An article with no date: "keep" it (it cannot be shown to be outside the window), or "drop" it.
    undated: Undated = cast(Undated, default("undated"))
    #: For the command line: exit 2 when an input was not summarised, a file skipped or a date not read.
    strict: bool = default_as("strict", bool)
    #: Read a link in an input folder to a file outside it (by default such a file is not read, and
    #: named: a folder of articles must not send a private file to the endpoint).
    follow_symlinks: bool = default_as("follow_symlinks", bool)
    #: How URLs and feeds given as inputs are fetched.
    fetch: FetchPolicy = FetchPolicy()

    @model_validator(mode="after")
    def _register_secrets(self) -> Settings:
        # The key is redacted wherever text leaves the process, whatever its shape (an Azure key has
        # no "sk-"); so are the organisation and project the SDK sends from the environment.
        if self.api_key is not None:
            register_secret(self.api_key.get_secret_value())
        for variable in ("OPENAI_ORG_ID", "OPENAI_PROJECT_ID", "AZURE_OPENAI_API_KEY"):
            register_secret(os.environ.get(variable))
        return self

    @field_validator("prices", mode="before")
    @classmethod
    def _prices_text(cls, value: Any) -> Any:
        return Prices.parse(value) if isinstance(value, str) else value

    @field_validator("embedding_thresholds", mode="before")
    @classmethod
    def _thresholds_text(cls, value: Any) -> Any:
        if isinstance(value, str):
            return tuple(part.strip() for part in value.split(","))
        return value

    @field_validator("embedding_thresholds")
    @classmethod
    def _thresholds_in_order(cls, value: tuple[float, float] | None) -> tuple[float, float] | None:
        if value is not None and not 0 < value[1] <= value[0] <= 1:
            raise ValueError("give the cosine alone, then with agreeing events: 0 < event <= alone <= 1")
        return value

    @field_validator("base_url", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("base_url")
    @classmethod
    def _an_http_url(cls, value: str | None) -> str | None:
        # "localhost:8000/v1" or a typo was taken as a path on no host: every request failed to connect,
        # retried ten times over 50 s, and the run ended "connection failed" without naming the URL.
        if value is not None:
            parts = urlsplit(value.strip())
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise ValueError(f"{value!r} is not an http(s) URL: give one like http://localhost:8000/v1")
        return value

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """The caller's values, then the environment, then the project's file, then the user's."""
        given = getattr(init_settings, "init_kwargs", {})
        files = (_FileSource(settings_cls, config) for config in cls.config_files(given))
        return (init_settings, _EnvSource(settings_cls), *files)

    @classmethod
    def config_files(cls, given: Mapping[str, Any] | None = None) -> list[ConfigFile]:
        """The configuration files in force, highest precedence first: the project's, the user's. The
        project's settings that decide where the key goes are in it only when the project is trusted
        (by `given`'s trust_project, $SUMMARIZER_TRUST_PROJECT or the user's file)."""
        user = user_config(cls.model_fields)

        def trust(folder: Path) -> str | None:
            return _trusted_by(folder, given or {}, user)

        found = (project_config(cls.model_fields, trust=trust), user)
        return [config for config in found if config is not None]

    @classmethod
    def explain(cls, **given: Any) -> list[Origin]:
        """Each effective setting and where it came from (a flag, a variable, a file, the default)."""
        settings = cls(**given)
        return origins(settings, given, cls.config_files(given), cls.model_config.get("env_prefix", ""))

    def key(self) -> str:
        """The API key, or UsageError naming where to put one."""
        if self.api_key is None or not self.api_key.get_secret_value():
            raise UsageError(
                "no API key: set OPENAI_API_KEY (and OPENAI_BASE_URL for another endpoint), "
                "or replay a recorded run from a cassette"
            )
        return self.api_key.get_secret_value()


class _EnvSource(EnvSettingsSource):
    """The environment, where a variable of a nested setting (SUMMARIZER_FETCH) is read as JSON: one
    that is not JSON is a UsageError naming the variable, not pydantic-settings' SettingsError, which
    the command line printed as a 40-line traceback naming neither the variable nor its value."""

    def prepare_field_value(
        self, field_name: str, field: FieldInfo, value: Any, value_is_complex: bool
    ) -> Any:
        # pydantic-settings raises only where the field takes nothing but JSON: a field that also takes
        # a plain form (SUMMARIZER_EMBEDDING_THRESHOLDS='0.9,0.85') gets the text to read itself.
        try:
            return super().prepare_field_value(field_name, field, value, value_is_complex)
        except ValueError as error:  # json.JSONDecodeError
            variable = f"{self.env_prefix}{field_name}".upper()
            raise UsageError(
                f"invalid settings (from the SUMMARIZER_* variables): {variable}={value!r}: not JSON "
                f"({error}): give a JSON object of its parts, as SUMMARIZER_FETCH='{{\"timeout\": 60}}' does"
            ) from None


class _FileSource(PydanticBaseSettingsSource):
    """One configuration file's values, each checked on its own so that an error names the file."""

    def __init__(self, settings_cls: type[BaseSettings], config: ConfigFile) -> None:
        super().__init__(settings_cls)
        self.file = config

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        # Not used: __call__ gives the whole table at once.
        return self.file.values.get(field_name), field_name, False

    def __call__(self) -> dict[str, Any]:
        values = self.file.values
        try:
            _OnlyGiven(**values)
        except ValidationError as error:
            first = error.errors()[0]
            key = _field_of(str(first["loc"][0])) if first["loc"] else "?"
            where = ".".join([key, *map(str, first["loc"][1:])])
            raise UsageError(f"{self.file.where(where)}: {first['msg']}") from None
        # Keyed as the environment source keys them (the alias where there is one), so that the
        # precedence between the two holds for OPENAI_BASE_URL too.
        fields = self.settings_cls.model_fields
        return {_key(name, fields[name]): value for name, value in values.items()}


def _trusted_by(folder: Path, given: Mapping[str, Any], user: ConfigFile | None) -> str | None:
    """How the user trusts the project in `folder`, in words for the notes; None when they do not."""
    if given.get("trust_project") is True:
        return "trust_project"
    variable = os.environ.get("SUMMARIZER_TRUST_PROJECT", "")
    if variable and _true(variable):
        return "$SUMMARIZER_TRUST_PROJECT"
    if user is not None and user.values.get("trust_project") is True:
        return f"trust_project in {user.path}"
    if user is not None and folder.resolve() in user.trusted_projects:
        return f"{TRUSTED_PROJECTS} in {user.path}"
    return None


def _true(text: str) -> bool:
    """A variable's truth as the setting reads it ("1", "true", "yes", "on"); a bad one is not trust."""
    try:
        return TypeAdapter(bool).validate_python(text)
    except ValidationError:
        return False


def _key(name: str, field: FieldInfo) -> str:
    return field.validation_alias if isinstance(field.validation_alias, str) else name


def _field_of(key: str) -> str:
    aliases = {_key(name, field): name for name, field in Settings.model_fields.items()}
    return aliases.get(key, key)


class _OnlyGiven(Settings):
    """Settings validated from the values given alone: no environment, no file."""

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings,)
