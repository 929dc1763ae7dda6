"""The layers hold (ARCHITECTURE.md): every import under tracker/ is read with `ast`, including
imports inside functions (a function-level import still ties two modules together); only
imports under `if TYPE_CHECKING:` are left out, as they never run."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "tracker"


@dataclass(frozen=True)
class Import:
    source: str  # the importing module
    target: str  # the dotted name imported: a module, or a package for `from pkg import name`
    line: int

    def __str__(self) -> str:
        return f"{self.source} (line {self.line}) imports {self.target}"


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = _modules()


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _import_nodes(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    if isinstance(node, ast.Import | ast.ImportFrom):
        yield node
        return
    if isinstance(node, ast.If) and _is_type_checking(node.test):
        children: list[ast.AST] = list(node.orelse)  # the TYPE_CHECKING body never runs
    else:
        children = list(ast.iter_child_nodes(node))
    for child in children:
        yield from _import_nodes(child)


def _imports_in(module: str, source: str, is_package: bool) -> Iterator[Import]:
    for node in _import_nodes(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(module, alias.name, node.lineno)
            continue
        if node.level:
            package = module.split(".") if is_package else module.split(".")[:-1]
            package = package[: len(package) - node.level + 1]
            base = ".".join(package + ([node.module] if node.module else []))
        else:
            base = node.module or ""
        for alias in node.names:
            submodule = f"{base}.{alias.name}"
            yield Import(module, submodule if submodule in MODULES else base, node.lineno)


def _imports_of(module: str) -> Iterator[Import]:
    path = MODULES[module]
    return _imports_in(module, path.read_text(encoding="utf-8"), path.name == "__init__.py")


IMPORTS = [imp for module in MODULES for imp in _imports_of(module)]


def _internal(target: str) -> str | None:
    """The tracker module an imported name loads (the longest module prefix of it)."""
    parts = target.split(".")
    for end in range(len(parts), 0, -1):
        name = ".".join(parts[:end])
        if name in MODULES:
            return name
    return None


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {m: set() for m in MODULES}
    for imp in IMPORTS:
        target = _internal(imp.target)
        if target is not None and target != imp.source:
            graph[imp.source].add(target)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each strongly connected group of two or more modules, as one cycle through it."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan; the graph is small enough to recurse
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return [_one_cycle(graph, set(group)) for group in groups]


def _one_cycle(graph: dict[str, set[str]], group: set[str]) -> list[str]:
    """A shortest path from the group's first module back to itself, inside the group."""
    start = min(group)
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        nxt = []
        for v in frontier:
            for w in sorted(graph[v] & group):
                if w == start:
                    return paths[v] + [start]
                if w not in paths:
                    paths[w] = paths[v] + [w]
                    nxt.append(w)
        frontier = nxt
    raise AssertionError(f"no cycle through {start}")  # a strongly connected group has one


def _within(name: str, *packages: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in packages)


def _breaking(source: tuple[str, ...], forbidden: tuple[str, ...]) -> list[str]:
    return [
        str(imp)
        for imp in IMPORTS
        if _within(imp.source, *source) and _within(imp.target, *forbidden)
    ]


def test_the_reader_sees_every_kind_of_import() -> None:
    # guards the tests below against passing because an import was missed
    source = """
import sqlalchemy.orm
from typing import TYPE_CHECKING
from . import audit
from ..errors import invalid
if TYPE_CHECKING:
    from tracker.services.context import Tracker
def late():
    from tracker.services.actions.register import list_actions
"""
    found = {i.target for i in _imports_in("tracker.services.plans", source, is_package=False)}
    assert found == {
        "sqlalchemy.orm",
        "typing",
        "tracker.services.audit",
        "tracker.errors",
        "tracker.services.actions.register",
    }
    assert len(MODULES) > 100 and len(IMPORTS) > 1000
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]


def test_no_module_imports_another_that_imports_it_back() -> None:
    cycles = _cycles(_graph())
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


FACES = ("tracker.cli", "tracker.ui", "tracker.web")  # web: `tracker serve`
SERVICES = ("tracker.services",)
# tracker.domain: the rules every writer shares (an action's position, the audit trail)
BELOW_SERVICES = (
    "tracker.plans", "tracker.papers", "tracker.minutes", "tracker.models", "tracker.domain",
)  # fmt: skip
LEAVES = ("tracker.errors", "tracker.files", "tracker.text", "tracker.vocabulary")


@pytest.mark.parametrize(
    ("layer", "forbidden"),
    [
        pytest.param(
            FACES,
            ("sqlalchemy", "tracker.models", "tracker.db", "tracker.domain"),
            id="faces-no-db",
        ),
        pytest.param(SERVICES, ("textual", "click"), id="services-no-faces-libraries"),
        pytest.param(BELOW_SERVICES, SERVICES + FACES, id="below-services-no-services"),
    ],
)
def test_each_layer_imports_only_what_is_below_it(
    layer: tuple[str, ...], forbidden: tuple[str, ...]
) -> None:
    assert _breaking(layer, forbidden) == []


def test_the_leaf_modules_import_nothing_of_the_tracker_but_its_errors() -> None:
    breaking = [
        str(imp)
        for imp in IMPORTS
        if _within(imp.source, *LEAVES)
        and _within(imp.target, "tracker")
        and not _within(imp.target, "tracker.errors")
    ]
    assert breaking == []
