"""The wheel: what it ships, what it declares, and which version it says it is."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import zipfile
from email.message import Message
from email.parser import Parser
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

import summarizer
from summarizer.cli import main

from .conftest import ROOT


@pytest.fixture(scope="module")
def wheel(wheel_path: Path) -> zipfile.ZipFile:
    return zipfile.ZipFile(wheel_path)


def _dist_info(wheel: zipfile.ZipFile) -> str:
    [name] = {n.split("/", 1)[0] for n in wheel.namelist() if n.split("/", 1)[0].endswith(".dist-info")}
    return name


def _metadata(wheel: zipfile.ZipFile) -> Message:
    return Parser().parsestr(wheel.read(f"{_dist_info(wheel)}/METADATA").decode())


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()  # PEP 503


def _required(wheel: zipfile.ZipFile) -> set[str]:
    """The distributions a plain `pip install summarizer` brings in (no extras, no markers)."""
    lines = _metadata(wheel).get_all("Requires-Dist", [])
    return {_canonical(re.split(r"[\s\[<>=!~;(]", line, maxsplit=1)[0]) for line in lines if ";" not in line}


def _imported_modules() -> set[str]:
    """The top-level third-party modules that summarizer/ imports."""
    names: set[str] = set()
    for source in (ROOT / "summarizer").rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"summarizer"}


def test_the_wheel_ships_the_prompts_templates_and_type_marker(wheel):
    names = set(wheel.namelist())
    from summarizer.llm.prompts import TEMPLATES

    assert TEMPLATES  # the prompts the engine renders: a wheel without them could not ask anything
    shipped = [
        *(f"prompts/{template}" for template in TEMPLATES),
        "output/templates/brief.md.j2",
        "output/templates/page.html.j2",
        "py.typed",
    ]
    missing = [name for name in shipped if f"summarizer/{name}" not in names]
    assert not missing, missing


def test_the_wheel_ships_every_word_list_of_every_language(wheel):
    # The checks read their word lists at import: a wheel without them would not start.
    lists = sorted((ROOT / "summarizer" / "text" / "data").rglob("*.txt"))
    assert len(lists) > 10
    names = set(wheel.namelist())
    missing = [str(p.relative_to(ROOT)) for p in lists if str(p.relative_to(ROOT)) not in names]
    assert not missing, missing


def test_the_wheel_requires_what_the_code_and_its_html_reader_import(wheel):
    required = _required(wheel)
    # lxml_html_clean is imported by jusText (under trafilatura), which fails without it; lxml and
    # markupsafe are imported by summarizer itself and were once reached only through other packages.
    assert {"lxml-html-clean", "lxml", "markupsafe", "python-dateutil"} <= required


def _extra(wheel: zipfile.ZipFile, name: str) -> set[str]:
    """The distributions `pip install summarizer[name]` adds."""
    lines = _metadata(wheel).get_all("Requires-Dist", [])
    marker = f"extra == '{name}'"
    return {_canonical(re.split(r"[\s\[<>=!~;(]", line, maxsplit=1)[0]) for line in lines if marker in line}


def test_every_module_the_code_imports_is_a_declared_requirement(wheel):
    provided_by = packages_distributions()
    required = _required(wheel)
    undeclared = {}
    # summarizer/testing imports vcrpy: the cassettes extra brings it (test tooling, not runtime). Its
    # pytest plugin imports pytest, which only pytest itself loads: not a requirement.
    assert _extra(wheel, "cassettes") == {"vcrpy"}
    for module in _imported_modules() - {"vcr", "pytest"}:
        dists = provided_by.get(module, [module])
        if not {_canonical(d) for d in dists} & required:
            undeclared[module] = dists
    assert undeclared == {}


def test_the_wheel_carries_the_license(wheel):
    dist_info = _dist_info(wheel)
    assert wheel.read(f"{dist_info}/licenses/LICENSE") == (ROOT / "LICENSE").read_bytes()
    assert _metadata(wheel)["License-Expression"] == "MIT"


def test_the_wheel_version_is_the_package_version(wheel):
    assert _metadata(wheel)["Version"] == summarizer.__version__
    assert _dist_info(wheel) == f"summarizer-{summarizer.__version__}.dist-info"


def test_the_command_line_prints_the_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"summarizer {summarizer.__version__}\n"


def test_every_file_the_readme_links_to_is_in_the_repository():
    # A link is to a tracked file, not one .gitignore swallows (docs/brief.md once was: `brief.md`).
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    targets = {
        target.split("#")[0]
        for target in re.findall(r"\]\(([^)\s]+)\)", readme)
        if not target.startswith(("http:", "https:", "#", "mailto:"))
    }
    assert targets, "the README links to no file of its own"
    tracked = subprocess.run(
        ["git", "ls-files", *sorted(targets)], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if tracked.returncode != 0:
        pytest.skip("not a git checkout")
    assert sorted(targets) == sorted(tracked.stdout.split())


def test_the_wheel_registers_the_pytest_plugin(wheel):
    # Installing the cassettes extra is all the set-up: pytest finds the plugin by its entry point.
    entry_points = wheel.read(f"{_dist_info(wheel)}/entry_points.txt").decode()
    assert "[pytest11]\nsummarizer = summarizer.testing.pytest_plugin\n" in entry_points
