"""The package's templates are compiled once and kept beside the user's cache; a cache that cannot be
used costs a compile and never an error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from jinja2 import DictLoader, Environment

from summarizer.config.compiled import template_cache

SOURCE = "{% for name in names %}{{ name | upper }}{% if not loop.last %}, {% endif %}{% endfor %}"


def _environment(compiles: list[str]) -> Environment:
    env = Environment(loader=DictLoader({"t.j2": SOURCE}), bytecode_cache=template_cache("test"))
    compile_ = env.compile

    def counted(*args: Any, **kwargs: Any) -> Any:
        compiles.append("t.j2")
        return compile_(*args, **kwargs)

    env.compile = counted  # type: ignore[method-assign]
    return env


def _render(env: Environment) -> str:
    return env.get_template("t.j2").render(names=["ap", "lbc"])


def test_a_second_run_loads_the_compiled_template_instead_of_compiling_it(tmp_path: Path) -> None:
    compiles: list[str] = []
    assert _render(_environment(compiles)) == "AP, LBC"
    assert _render(_environment(compiles)) == "AP, LBC"  # a new environment: as in the next run
    assert compiles == ["t.j2"]
    kept = list((tmp_path / "xdg-cache").rglob("*.cache"))
    assert len(kept) == 1 and "summarizer-templates" in kept[0].parts


def test_a_damaged_compiled_template_is_compiled_anew(tmp_path: Path) -> None:
    compiles: list[str] = []
    _render(_environment(compiles))
    for kept in (tmp_path / "xdg-cache").rglob("*.cache"):
        kept.write_bytes(b"not jinja bytecode at all")
    assert _render(_environment(compiles)) == "AP, LBC"
    assert _render(_environment(compiles)) == "AP, LBC"  # and the damaged file was replaced
    assert compiles == ["t.j2", "t.j2"]


def test_a_cache_folder_that_cannot_be_written_costs_a_compile_not_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    compiles: list[str] = []
    assert _render(_environment(compiles)) == "AP, LBC"
    assert _render(_environment(compiles)) == "AP, LBC"
    assert compiles == ["t.j2", "t.j2"]


def test_the_cache_stays_out_of_the_answers_folder_so_cache_clear_still_knows_it(tmp_path: Path) -> None:
    _render(_environment([]))
    answers = Path(str(tmp_path / "xdg-cache" / "summarizer"))
    assert not answers.exists()
