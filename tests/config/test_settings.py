"""The one settings object: values as a caller writes them are taken; a wrong one fails at once, named."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from summarizer import Settings, UsageError
from tests.conftest import ROOT


def test_a_cache_dir_given_as_a_str_is_a_path():
    assert Settings(cache_dir="cache/").cache_dir == Path("cache")


@pytest.mark.parametrize(
    ("given", "field"),
    [
        ({"grounding": "lenient"}, "grounding"),
        ({"concurrency": 0}, "concurrency"),
        ({"timeout": 0}, "timeout"),
    ],
)
def test_a_bad_value_fails_at_once_naming_the_field(given, field):
    with pytest.raises(ValidationError) as caught:
        Settings(**given)
    assert [error["loc"][0] for error in caught.value.errors()] == [field]


def test_an_unknown_setting_is_refused_not_ignored():
    with pytest.raises(ValidationError, match="concurency"):
        Settings(concurency=4)  # type: ignore[call-arg]


def test_the_environment_is_read_and_the_caller_wins(monkeypatch):
    monkeypatch.setenv("SUMMARIZER_CONCURRENCY", "16")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:8000/v1")
    assert Settings().concurrency == 16 and Settings().base_url == "http://127.0.0.1:8000/v1"
    assert Settings(concurrency=2).concurrency == 2


# --- the configuration files ---------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder with a pyproject.toml, the cwd in a folder below it; returns the writer."""
    root = tmp_path / "newsroom"
    (root / "today").mkdir(parents=True)
    monkeypatch.chdir(root / "today")

    def write(table: str) -> Path:
        path = root / "pyproject.toml"
        path.write_text(f'[project]\nname = "newsroom"\n\n[tool.summarizer]\n{table}\n')
        return path

    return write


@pytest.fixture
def user_file(tmp_path):
    def write(text: str) -> Path:
        path = tmp_path / "config" / "summarizer" / "config.toml"  # $XDG_CONFIG_HOME (conftest)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        return path

    return write


def test_the_nearest_pyproject_is_read_and_its_relative_paths_are_relative_to_it(project, monkeypatch):
    monkeypatch.delenv("SUMMARIZER_CACHE_DIR")
    path = project('concurrency = 3\ncache_dir = "briefs"\nprices = "0.10,0.50"')
    settings = Settings()
    assert settings.concurrency == 3 and settings.prices is not None and settings.prices.output == 0.5
    assert settings.cache_dir == path.parent / "briefs"


def test_precedence_is_flag_then_environment_then_project_then_user_then_default(
    project, user_file, monkeypatch
):
    user_file('model = "user-model"\nconcurrency = 5\ntimeout = 30\nmax_reasks = 4')
    project("concurrency = 3\ntimeout = 20")
    monkeypatch.setenv("SUMMARIZER_TIMEOUT", "10")
    settings = Settings(max_reasks=1)
    assert (settings.max_reasks, settings.timeout, settings.concurrency, settings.model) == (
        1,  # the caller (a flag) over the user's file
        10.0,  # the environment over both files
        3,  # the project over the user
        "user-model",  # the user over the default
    )
    assert settings.grounding == "strict"  # the default


def test_the_endpoint_from_the_environment_wins_over_a_file(project, monkeypatch):
    project('base_url = "http://127.0.0.1:1/v1"')
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:2/v1")
    assert Settings().base_url == "http://127.0.0.1:2/v1"
    assert Settings(base_url="http://127.0.0.1:3/v1").base_url == "http://127.0.0.1:3/v1"


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("concurency = 4", "[tool.summarizer] concurency: unknown setting (did you mean concurrency?)"),
        ("max-reasks = 4", "[tool.summarizer] max-reasks: unknown setting (did you mean max_reasks?)"),
        ('concurrency = "many"', "[tool.summarizer] concurrency: Input should be a valid integer"),
        ('grounding = "lenient"', "[tool.summarizer] grounding: Input should be 'strict', 'warn' or 'off'"),
        ('prices = "0.1"', "[tool.summarizer] prices: Value error, give dollars per million tokens"),
        (
            "[tool.summarizer.retry]\nattempts = 0",
            "[tool.summarizer] retry.attempts: Input should be greater",
        ),
        ('api_key = "sk-live"', "[tool.summarizer] api_key: the API key does not belong in a committed file"),
        ("concurrency = ", "is not valid TOML: "),
    ],
)
def test_a_wrong_key_or_value_in_a_file_is_a_usage_error_naming_the_file_and_the_key(project, table, message):
    path = project(table)
    with pytest.raises(UsageError) as caught:
        Settings()
    assert str(caught.value).startswith(f"{path}") and message in str(caught.value)
    assert "sk-live" not in str(caught.value)


def test_a_wrong_key_in_the_user_file_names_that_file(user_file):
    path = user_file("concurency = 4\n")
    with pytest.raises(
        UsageError, match=rf"^{path}: concurency: unknown setting \(did you mean concurrency\?\)$"
    ):
        Settings()


def test_a_pyproject_without_the_table_is_passed_over_for_one_further_up(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("[tool.summarizer]\nconcurrency = 6\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text('[project]\nname = "sub"\n')
    monkeypatch.chdir(tmp_path / "sub")
    assert Settings().concurrency == 6


def test_explain_says_where_each_setting_came_from_and_never_shows_the_key(project, user_file, monkeypatch):
    user = user_file('api_key = "sk-user-0000"\nmodel = "user-model"\n')
    path = project("concurrency = 3")
    monkeypatch.setenv("SUMMARIZER_TIMEOUT", "10")
    origins = {origin.name: origin for origin in Settings.explain(max_reasks=1)}
    assert origins["max_reasks"].source == "flag"
    assert origins["timeout"].source == "$SUMMARIZER_TIMEOUT"
    assert origins["concurrency"].source == f"{path}: [tool.summarizer] concurrency"
    assert (origins["model"].value, origins["model"].source) == ("user-model", f"{user}: model")
    assert (origins["api_key"].value, origins["grounding"].source) == ("set", "default")
    assert "sk-user" not in repr(origins)


def test_the_default_cache_is_the_platforms_and_the_variable_overrides_it(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.delenv("SUMMARIZER_CACHE_DIR")
    assert Settings().cache_dir == tmp_path / "xdg-cache" / "summarizer"
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path / "mine"))
    assert Settings().cache_dir == tmp_path / "mine"


def test_the_readmes_example_configuration_is_valid(tmp_path, monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "pyproject.toml").write_text(example)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SUMMARIZER_CACHE_DIR")  # the environment would win over the file
    settings = Settings()
    assert (settings.concurrency, settings.rpm, settings.retry.attempts) == (16, 500, 6)
    assert settings.cache_dir == tmp_path / ".cache" / "briefings"


def test_a_window_that_ends_before_it_starts_is_refused_when_built():
    from datetime import datetime

    from summarizer.config.settings import Window

    with pytest.raises(ValidationError, match="is after until"):
        Window(since=datetime(2025, 8, 7), until=datetime(2025, 8, 6))
    assert Window(since=datetime(2025, 8, 6), until=datetime(2025, 8, 6, 23, 59)).until is not None


# --- a project file may not choose where the key goes -------------------------------------------------

ELSEWHERE = "http://127.0.0.1:1/v1"


def test_a_project_files_endpoint_is_ignored_unless_the_project_is_trusted(project, caplog):
    path = project(
        f'base_url = "{ELSEWHERE}"\nconcurrency = 3\n[tool.summarizer.fetch]\nallow_private = true'
    )
    settings = Settings()
    assert settings.base_url is None and settings.fetch.allow_private is False  # not the project's call
    assert settings.concurrency == 3  # the rest of the file still counts
    assert f"{path}: [tool.summarizer] base_url" in caplog.text and "set trust_project" in caplog.text


@pytest.mark.parametrize("how", ["the setting", "the variable", "the user's file", "trusted_projects"])
def test_a_project_the_user_trusts_may_set_the_endpoint(how, project, user_file, monkeypatch):
    path = project(f'base_url = "{ELSEWHERE}"\n[tool.summarizer.fetch]\nallow_private = true')
    given = {}
    if how == "the setting":
        given = {"trust_project": True}
    elif how == "the variable":
        monkeypatch.setenv("SUMMARIZER_TRUST_PROJECT", "1")
    elif how == "the user's file":
        user_file("trust_project = true\n")
    else:
        user_file(f'trusted_projects = ["{path.parent}"]\n')
    settings = Settings(**given)
    assert settings.base_url == ELSEWHERE and settings.fetch.allow_private is True
    [config] = [config for config in Settings.config_files(given) if config.path == path]
    assert config.guarded == ("base_url", "fetch.allow_private") and config.trusted_by


def test_trusting_another_folder_does_not_trust_this_one(project, user_file, tmp_path):
    project(f'base_url = "{ELSEWHERE}"')
    user_file(f'trusted_projects = ["{tmp_path / "elsewhere"}"]\n')
    assert Settings().base_url is None


@pytest.mark.parametrize("table", ["trust_project = true", 'trusted_projects = ["."]'])
def test_a_project_cannot_trust_itself(project, table):
    path = project(table)
    with pytest.raises(UsageError, match=rf"^{path}: \[tool.summarizer\] trust"):
        Settings()


def test_the_users_own_file_may_set_the_endpoint(user_file):
    user_file(f'base_url = "{ELSEWHERE}"\n')
    assert Settings().base_url == ELSEWHERE


@pytest.mark.parametrize("variable", ["SUMMARIZER_FETCH", "SUMMARIZER_RETRY", "SUMMARIZER_WINDOW"])
def test_a_nested_setting_s_variable_that_is_not_json_is_one_usage_error_naming_it(monkeypatch, variable):
    # It was pydantic-settings' SettingsError: the command line printed a traceback naming neither.
    monkeypatch.setenv(variable, "{timeout: 60")
    with pytest.raises(UsageError, match=f"{variable}='{{timeout: 60': not JSON") as caught:
        Settings()
    assert "a JSON object" in str(caught.value)


@pytest.mark.parametrize("url", ["garbage", "localhost:8000/v1", "ftp://example.org/v1", "http://"])
def test_a_base_url_that_is_not_an_http_url_is_refused_at_once(url):
    # It was taken as a path on no host: ten retries over 50 s, then "connection failed", the URL unnamed.
    with pytest.raises(ValidationError, match=r"is not an http\(s\) URL: give one like http://localhost"):
        Settings(base_url=url)


def test_a_base_url_given_blank_is_openai_s_and_a_real_one_stands():
    assert Settings(base_url=" ").base_url is None
    assert Settings(base_url="https://example.org/v1").base_url == "https://example.org/v1"
