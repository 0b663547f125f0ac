"""The import graph of ``impact/`` read from the source (AST), function-local
imports included: no cycles, and the layers below ``services`` neither read
settings nor make text (codes inside, words at the edge; see DESIGN.md)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "impact"
#: code that returns codes, never words, and never reads settings
INSIDE = ("domain", "ingest", "sample", "estimate", "value", "store", "readworker")
#: renderers may make words (i18n) but read no settings either
RENDERERS = ("charts", "report")
FORBIDDEN_INSIDE = ("impact.config", "impact.i18n")
#: imports still to remove (issue 18); the test fails when one is gone, so the
#: list only shrinks. The engine's default database URL is the one setting the
#: store reads; the ingest messages still render at creation (in the language the
#: service passes in IngestContext.lang).
KNOWN_DEBT = frozenset(
    {
        "impact.store.engine -> impact.config",
        "impact.ingest.guard -> impact.i18n",
        "impact.ingest.models -> impact.i18n",
        "impact.ingest.pipeline -> impact.i18n",
        "impact.ingest.preview -> impact.i18n",
        "impact.ingest.problem_book -> impact.i18n",
        "impact.ingest.problems -> impact.i18n",
        "impact.ingest.templates -> impact.i18n",
    }
)
#: layer order, lowest first; a module may import its own layer or lower ones
LAYERS: dict[str, int] = {
    "errors": 0, "codes": 0, "i18n": 0, "config": 1, "domain": 2, "ingest": 3,
    "readworker": 3, "sample": 3, "estimate": 3, "value": 3, "store": 4,
    "charts": 5, "report": 5, "services": 6, "cli": 7,
}  # fmt: skip


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {
        _module_name(p): p for p in ROOT.rglob("*.py") if "migrations" not in p.parts
    }


def _type_checking_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                for sub in ast.walk(child):
                    if hasattr(sub, "lineno"):
                        lines.add(sub.lineno)
    return lines


def _imports(name: str, path: Path, known: set[str]) -> Iterator[str]:
    """Every ``impact`` module ``name`` imports at run time (at any depth)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_checking_lines(tree)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in skip:
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield _resolve(alias.name, known)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")
                parent = parent[: len(parent) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                yield full if full in known else _resolve(base, known)


def _resolve(module: str, known: set[str]) -> str:
    while module and module not in known:
        module = module.rpartition(".")[0]
    return module


@cache
def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = {m for m in _imports(name, path, known) if m.startswith("impact")}
        graph[name] = targets - {name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _layer(module: str) -> str:
    return module.split(".")[1] if "." in module else ""


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_graph_sees_function_local_imports() -> None:
    graph = import_graph()
    # impact.cli.data imports the services inside its command functions only
    assert "impact.services.uploads" in graph["impact.cli.data"]


def test_the_import_graph_of_impact_has_no_cycle() -> None:
    assert cycles(import_graph()) == []


@pytest.mark.parametrize("layer", INSIDE + RENDERERS)
def test_nothing_below_services_reads_settings_or_makes_words(layer: str) -> None:
    forbidden = FORBIDDEN_INSIDE if layer in INSIDE else ("impact.config",)
    offenders = {
        f"{module} -> {target}"
        for module, targets in import_graph().items()
        if _layer(module) == layer
        for target in targets
        if target.startswith(forbidden)
    }
    assert sorted(offenders - KNOWN_DEBT) == []
    debt = {d for d in KNOWN_DEBT if d.startswith(f"impact.{layer}")}
    assert sorted(debt - offenders) == [], "paid off: remove from KNOWN_DEBT"


def test_layers_point_one_way() -> None:
    offenders = sorted(
        f"{module} -> {target}"
        for module, targets in import_graph().items()
        for target in targets
        if _layer(module) in LAYERS
        and _layer(target) in LAYERS
        and LAYERS[_layer(target)] > LAYERS[_layer(module)]
    )
    assert offenders == []
