"""The OpenAI SDK, imported without the hundreds of type modules a run never uses.

`import openai` runs `openai/types/__init__.py`, which imports every request and response type of
every endpoint (about 470 modules: 0.2-0.3 s of CPU, half the command's start-up to its first request,
issue #24), and sub-packages such as `openai.types.responses` do the same for theirs. A run uses a
handful. So the SDK is imported here with its type packages' `__init__` deferred: each such package
module is made empty, and a name asked of it is imported from the submodule its `__init__` takes it
from (read from the `__init__`'s own `from .x import Name` lines); any other name runs the whole
`__init__` first, as a normal import would have. Whatever the SDK or a caller asks of `openai.types`
gets what it would have got; only `dir()` of a package not yet asked shows fewer names.

Every module of this package that uses the SDK imports it from here (`from .sdk import openai`), so
that whichever comes first, the SDK is imported this way. A process that imported the SDK before
(a caller's own client) keeps its own import.
"""

from __future__ import annotations

import ast
import importlib
import sys
import threading
import types
from collections.abc import Sequence
from importlib.abc import Loader, MetaPathFinder
from importlib.machinery import ModuleSpec, PathFinder

__all__ = ["LazyPackage", "openai"]

#: The SDK's packages whose `__init__` only re-exports what their submodules define.
DEFERRED = "openai.types"

_lock = threading.RLock()


class LazyPackage(types.ModuleType):
    """A package whose `__init__` has not run: its names are imported one by one as they are asked."""

    def __getattr__(self, name: str) -> object:
        with _lock:
            if name in self.__dict__:  # set by another thread meanwhile
                return self.__dict__[name]
            loader = self.__dict__.get("_loader")
            if loader is None:  # not made yet (the import system looks for dunders), or run whole
                raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")
            names = self._exports()
            if name in names:
                module, original = names[name]
                value = getattr(importlib.import_module(module, self.__name__), original)
                setattr(self, name, value)
                return value
            if PathFinder.find_spec(f"{self.__name__}.{name}", self.__path__) is not None:
                return importlib.import_module(f".{name}", self.__name__)  # a submodule
            # A name its __init__ does not import by name: run the __init__ whole, as an import would.
            del self.__dict__["_loader"]
            loader.exec_module(self)
            if name in self.__dict__:
                return self.__dict__[name]
        raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")

    def _exports(self) -> dict[str, tuple[str, str]]:
        """Name -> (relative module, its name there), from the `from .x import a as b` lines."""
        names: dict[str, tuple[str, str]] | None = self.__dict__.get("_names")
        if names is None:
            names = {}
            with open(self.__dict__["__file__"], encoding="utf-8") as source:
                tree = ast.parse(source.read())
            for node in tree.body:
                if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
                    for alias in node.names:
                        if alias.name != "*":
                            names[alias.asname or alias.name] = (f".{node.module}", alias.name)
            self.__dict__["_names"] = names
        return names


class _Deferred(Loader):
    def __init__(self, loader: Loader) -> None:
        self.loader = loader

    def create_module(self, spec: ModuleSpec) -> types.ModuleType:
        return LazyPackage(spec.name)

    def exec_module(self, module: types.ModuleType) -> None:
        module.__dict__["_loader"] = self.loader


class _Finder(MetaPathFinder):
    """Finds the SDK's type packages as the path finder would, with their `__init__` deferred."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: types.ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname != DEFERRED and not fullname.startswith(DEFERRED + "."):
            return None
        spec = PathFinder.find_spec(fullname, path)
        if spec is None or spec.submodule_search_locations is None or spec.loader is None:
            return None  # a plain module: imported as usual
        spec.loader = _Deferred(spec.loader)
        return spec


def _import() -> types.ModuleType:
    if "openai" in sys.modules:
        return sys.modules["openai"]
    finder = _Finder()
    sys.meta_path.insert(0, finder)
    try:
        return importlib.import_module("openai")
    finally:
        # Packages first imported later are imported as usual; those deferred stay deferred.
        sys.meta_path.remove(finder)


_import()

import openai  # noqa: E402  (imported above, with its type packages deferred)
