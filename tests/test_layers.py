"""The package reads one way, top to bottom: each package imports only those below it, and no module
imports itself back through another (read from the source, so a late import counts too)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "summarizer"

#: The packages and top-level modules, lowest first: each may import only what stands before it.
LAYERS = [
    "models",
    "errors",
    "sync",
    "text",
    "config",
    "store",
    "web",
    "sources",
    "llm",
    "grounding",
    "disagree",
    "merge",
    "run",
    "synthesis",
    "living",
    "output",
    "testing",
    "batch",
    "api",
    "cli",
]
#: Modules the package's __init__ names: its version, read by the command line and the fetcher's
#: user agent; the lazy public names, read by nothing inside the package.
ROOT_NAMES = {"__version__"}


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = _modules()


def _type_only(tree: ast.Module) -> set[int]:
    """The import statements under `if TYPE_CHECKING:`: read by type checkers, never run."""
    return {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and ast.unparse(node.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING")
        for statement in node.body
        for inner in ast.walk(statement)
    }


def _imports(name: str, path: Path, *, types: bool) -> set[str]:
    """The package's modules that `name` imports, wherever the import stands (a function included);
    `types`: with those imported for type checkers only."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    targets: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = set() if types else _type_only(tree)
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            for alias in node.names:
                targets.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base)
        elif isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
    found = set()
    for target in targets:
        while target not in MODULES and "." in target:
            target = target.rsplit(".", 1)[0]
        if target in MODULES and target != name:
            found.add(target)
    return found


#: What each module imports, type-only imports included (a layer's types are part of what it uses).
USES = {name: _imports(name, path, types=True) for name, path in MODULES.items()}
#: What each module imports when it runs.
GRAPH = {name: _imports(name, path, types=False) for name, path in MODULES.items()}


def _layer(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else None


def test_every_package_and_top_level_module_has_a_layer():
    layers = {_layer(name) for name in MODULES} - {None, "__main__"}
    assert layers, "no modules found"
    assert layers == set(LAYERS), f"not in LAYERS: {layers - set(LAYERS)}; gone: {set(LAYERS) - layers}"


@pytest.mark.parametrize("name", sorted(name for name in MODULES if _layer(name) in LAYERS))
def test_a_module_imports_only_its_own_package_and_those_below(name):
    mine = LAYERS.index(_layer(name))
    above = sorted(
        target
        for target in USES[name]
        if target != "summarizer" and _layer(target) != _layer(name) and LAYERS.index(_layer(target)) > mine
    )
    assert not above, f"{name} imports {above}, which stand above it"


def test_no_import_cycle():
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in GRAPH[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(GRAPH):
        if node not in index:
            visit(node)
    assert len(GRAPH) > 40
    assert not cycles, f"import cycles: {cycles}"


def test_only_the_root_imports_from_the_root_and_only_its_version():
    taken: dict[str, set[str]] = {}  # module -> what it imports from the package root
    for name, path in MODULES.items():
        if name in ("summarizer", "summarizer.__main__"):
            continue
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level and node.module is None:
                parts = package.split(".")
                if len(parts) - node.level + 1 == 1:
                    # `from .. import living` takes a subpackage, not one of the root's names
                    subpackages = {module.split(".")[1] for module in MODULES if "." in module}
                    names = {alias.name for alias in node.names} - subpackages
                    taken.setdefault(name, set()).update(names)
    assert taken, "no module imports the version from the root: the check looks at nothing"
    wrong = {name: names - ROOT_NAMES for name, names in taken.items() if names - ROOT_NAMES}
    assert not wrong, f"imported from the package root: {wrong}"


def test_only_llm_imports_the_openai_sdk_and_none_imports_its_private_modules():
    imports: list[tuple[str, str]] = []  # (module, the openai module it imports)
    for name, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            modules = []
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            elif isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            imports += [(name, module) for module in modules if module.split(".")[0] == "openai"]
    assert imports, "no module imports the SDK: the check looks at nothing"
    assert [(name, module) for name, module in imports if _layer(name) != "llm"] == []
    private = [
        (name, module) for name, module in imports if any(p.startswith("_") for p in module.split("."))
    ]
    assert private == []


def test_no_module_is_over_400_lines():
    long = {name: n for name, path in MODULES.items() if (n := len(path.read_text().splitlines())) > 400}
    assert not long, f"modules over 400 lines: {long}"


def test_the_top_level_holds_at_most_six_modules():
    top = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert 1 <= len(top) <= 6, top
