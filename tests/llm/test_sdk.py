"""The SDK imported with its type packages deferred: fewer modules, the same names (each in a fresh
process: the test session imported the SDK the usual way already)."""

from __future__ import annotations

import json
import subprocess
import sys

#: Every public name of every package under openai.types, described so that two processes compare:
#: the object's kind, module and qualified name (a type alias: its repr; a module: its name). NAMES
#: is None: take the names from the package as imported; else ask the package for exactly these.
DESCRIBE = """
import importlib, json, pkgutil, sys
NAMES = json.loads(sys.argv[1]) if len(sys.argv) > 1 else None
if NAMES is not None:
    import summarizer.llm.sdk
import openai.types

def describe(value):
    if isinstance(value, type(sys)):  # a deferred package is a module of a subclass
        return f"module:{value.__name__}"
    qualname = getattr(value, "__qualname__", None)
    return f"{type(value).__name__}:{getattr(value, '__module__', None)}:{qualname or repr(value)}"

packages = ["openai.types"] + sorted(
    m.name for m in pkgutil.walk_packages(openai.types.__path__, "openai.types.") if m.ispkg
)
seen = {}
for name in packages:
    package = sys.modules.get(name) or importlib.import_module(name)
    wanted = NAMES[name] if NAMES is not None else [n for n in dir(package) if not n.startswith("_")]
    seen[name] = {n: describe(getattr(package, n)) for n in wanted}
print(json.dumps(seen))
"""


def python(code: str, *args: str) -> str:
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_engine_imports_the_sdk_without_the_types_a_run_does_not_use():
    code = (
        "import sys; from summarizer.llm import batch_api, engine, transport; "
        "print(' '.join(m for m in sys.modules if m.startswith('openai.types')))"
    )
    loaded = python(code).split()
    plain = python("import sys, openai; print(sum(m.startswith('openai.types') for m in sys.modules))")
    assert "openai.types.chat.chat_completion" in loaded  # what the SDK's client itself takes
    assert "openai.types.responses.response" not in loaded and "openai.types.eval_create_params" not in loaded
    assert len(loaded) * 3 < int(plain)  # 83 of 468 with openai 3.54


def test_every_name_of_the_sdks_type_packages_is_the_one_a_plain_import_gives():
    plain = json.loads(python(DESCRIBE))
    names = {package: sorted(described) for package, described in plain.items()}
    deferred = json.loads(python(DESCRIBE, json.dumps(names)))
    assert len(plain) > 20 and sum(map(len, plain.values())) > 1000  # the check looks at something
    assert deferred == plain


def test_a_star_import_and_a_submodule_of_a_deferred_package_work_as_usual():
    code = (
        "import summarizer.llm.sdk, sys\n"
        "from openai.types.chat import completion_create_params\n"
        "import openai.types.responses as responses\n"
        "assert responses.response.Response is responses.Response\n"
        "namespace = {}\n"
        "exec('from openai.types.shared import *', namespace)\n"
        "print(completion_create_params.__name__, 'Metadata' in namespace, 'ChatModel' in namespace)"
    )
    assert python(code).split() == ["openai.types.chat.completion_create_params", "True", "True"]
