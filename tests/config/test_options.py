"""The one table of settings the command line sets: each flag, its setting, its default and its help are
declared once, and the settings, their variables and the help all agree with it."""

from __future__ import annotations

import os

import pytest

from summarizer import Settings
from summarizer.cli.commands import _settings
from summarizer.cli.parser import build_parser
from summarizer.config.files import environment_name
from summarizer.config.options import OPTIONS, option

ALL_FLAGS = [entry.flag for entry in OPTIONS]


def _field(settings: Settings, setting: str) -> object:
    value: object = settings
    for part in setting.split("."):
        value = getattr(value, part)
    return value


@pytest.mark.parametrize("entry", OPTIONS, ids=lambda entry: entry.flag)
def test_each_options_setting_exists_and_takes_the_tables_default(entry, monkeypatch):
    for name in list(os.environ):
        if name.startswith("SUMMARIZER_") or name.startswith("OPENAI_"):
            monkeypatch.delenv(name)
    settings = Settings(cache_dir=None)
    assert _field(settings, entry.setting) == entry.default


@pytest.mark.parametrize("entry", [e for e in OPTIONS if "." not in e.setting], ids=lambda e: e.flag)
def test_each_options_variable_is_the_one_the_settings_read(entry):
    field = Settings.model_fields[entry.setting]
    assert entry.environment == environment_name(entry.setting, field, "SUMMARIZER_")


def test_the_help_shows_every_settings_flag_with_the_default_in_force(capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["brief", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert len(ALL_FLAGS) >= 20
    missing = [flag for flag in ALL_FLAGS if flag not in text]
    assert not missing, missing
    assert "requests in flight at once (default: 8)" in text
    assert "(default: 120)" in text  # a float default shown as a person writes it
    assert "{default}" not in text


@pytest.mark.parametrize(
    ("args", "setting", "value"),
    [
        (["--max-tokens", "5000"], "max_run_tokens", 5000),
        (["--concurrency", "3"], "concurrency", 3),
        (["--ignore-robots"], "fetch.robots", False),
        (["--no-follow-links"], "fetch.follow_links", False),
        (["--allow-private"], "fetch.allow_private", True),
        (["--max-per-feed", "7"], "fetch.max_per_feed", 7),
        (["--synthesize"], "synthesize", True),
        (["--timeout", "2.5"], "timeout", 2.5),
    ],
)
def test_a_flag_sets_the_setting_the_table_names(args, setting, value, tmp_path):
    parsed = build_parser().parse_args(["brief", str(tmp_path), *args])
    assert _field(_settings(parsed), setting) == value


def test_a_flag_not_given_leaves_the_environments_value(tmp_path, monkeypatch):
    monkeypatch.setenv("SUMMARIZER_CONCURRENCY", "11")
    parsed = build_parser().parse_args(["brief", str(tmp_path)])
    settings = _settings(parsed)
    assert settings.concurrency == 11 and settings.fetch.robots is option("fetch.robots").default
