"""The package's shape (issue 18): no import cycle, short chains of imports, small modules and functions.

Module-level imports only (those that run when a module is imported): an import inside a function is
lazy, and is how the CLI reaches the web layer. The layer rules themselves are import-linter's contracts
in pyproject.toml (`lint-imports`, run by scripts/test).
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

from testsupport import ROOT

PACKAGE = ROOT / "dashboard"
MAX_CHAIN = 10  # modules in the longest chain of module-level imports
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 80


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> dict[str, Path]:
    """Every module of the package, by dotted name."""
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _module_level(body: list[ast.stmt]):
    """The statements that run when the module is imported: not inside functions, nor `if TYPE_CHECKING:`."""
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        if isinstance(node, ast.If) and _is_type_checking(node):
            yield from _module_level(node.orelse)
            continue
        yield node
        for field in ("body", "orelse", "finalbody", "handlers"):
            children = getattr(node, field, None)
            if isinstance(children, list) and children and isinstance(children[0], (ast.stmt, ast.excepthandler)):
                yield from _module_level(children)


@cache
def imports_of(name: str) -> frozenset[str]:
    """The package's modules that `name` imports at module level."""
    known = modules()
    path = known[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in _module_level(ast.parse(path.read_text(encoding="utf-8")).body):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative (ruff forbids them, but the graph should still be right)
                base = ".".join(
                    package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else [])
                )
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]
        else:
            continue
        found.update(t for t in targets if t in known and t != name)
    return frozenset(found)


def graph() -> dict[str, frozenset[str]]:
    return {name: imports_of(name) for name in modules()}


def cycles(g: dict[str, frozenset[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(g[v]):
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

    for v in sorted(g):
        if v not in index:
            visit(v)
    return found


def longest_chain(g: dict[str, frozenset[str]]) -> list[str]:
    """The longest chain of imports (a path in the graph; an edge back into the path is not followed)."""
    best: dict[str, list[str]] = {}

    def longest_from(v: str, path: frozenset[str]) -> list[str]:
        if v in best:
            return best[v]
        tails = [longest_from(w, path | {w}) for w in sorted(g[v]) if w not in path]
        chain = [v, *max(tails, key=len, default=[])]
        best[v] = chain
        return chain

    return max((longest_from(v, frozenset({v})) for v in sorted(g)), key=len)


def long_modules() -> dict[str, int]:
    lengths = {name: len(path.read_text(encoding="utf-8").splitlines()) for name, path in modules().items()}
    return {name: n for name, n in lengths.items() if n > MAX_MODULE_LINES}


def long_functions() -> dict[str, int]:
    """Functions (methods and nested functions too) over the limit, as module:qualified.name -> lines."""
    over = {}

    def walk(node: ast.AST, module: str, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                qualified = f"{prefix}{child.name}"
                if not isinstance(child, ast.ClassDef):
                    lines = child.end_lineno - child.lineno + 1
                    if lines > MAX_FUNCTION_LINES:
                        over[f"{module}:{qualified}"] = lines
                walk(child, module, qualified + ".")
            else:
                walk(child, module, prefix)

    for name, path in modules().items():
        walk(ast.parse(path.read_text(encoding="utf-8")), name, "")
    return over


def check_none_over(over: dict[str, int], what: str, limit: int) -> None:
    assert not over, f"{what} over {limit} lines (split them): " + ", ".join(
        f"{k} ({v})" for k, v in sorted(over.items())
    )


def test_the_graph_sees_the_package():
    g = graph()
    assert "dashboard.cli" in g and "dashboard.domain.schema" in g
    assert g["dashboard.domain.catalogue"], "the catalogue imports other domain modules at module level"


def test_no_import_cycle():
    found = cycles(graph())
    assert not found, "import cycles among dashboard's modules: " + "; ".join(" <-> ".join(c) for c in found)


def test_the_longest_chain_of_imports_is_short():
    """At most MAX_CHAIN modules from any module down to a leaf: a module imports what it uses
    directly (not through a package's re-exports), and names it needs only for annotations are
    imported under TYPE_CHECKING (ruff's TC rules)."""
    chain = longest_chain(graph())
    shown = " -> ".join(chain)
    assert len(chain) <= MAX_CHAIN, (
        f"{len(chain)} modules in a chain of module-level imports (at most {MAX_CHAIN}): {shown}"
    )


def test_no_module_is_too_long():
    check_none_over(long_modules(), "modules", MAX_MODULE_LINES)


def test_no_function_is_too_long():
    check_none_over(long_functions(), "functions", MAX_FUNCTION_LINES)


def test_the_checks_find_cycles_and_chains():
    g = {"a": frozenset({"b"}), "b": frozenset({"c"}), "c": frozenset({"a"}), "d": frozenset({"a"})}
    assert cycles(g) == [["a", "b", "c"]]
    chain = {"w": frozenset({"x", "z"}), "x": frozenset({"y"}), "y": frozenset({"z"}), "z": frozenset()}
    assert longest_chain(chain) == ["w", "x", "y", "z"] and cycles(chain) == []
