"""pyproject.toml and constraints.txt tell the truth: every package the app imports is a declared
dependency, every declared package is pinned, and the console script points at the CLI."""

from __future__ import annotations

import ast
import importlib
import re
import sys
import tomllib
from importlib.metadata import packages_distributions

from testsupport import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(spec: str) -> str:
    return canonical(re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", spec).group(0))


def imported_top_level(paths) -> set[str]:
    """Top-level names imported anywhere in these files (lazy imports too), the standard library left out."""
    names = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n not in ("dashboard", "app", "backports")}


def distributions(names: set[str]) -> dict[str, set[str]]:
    installed = packages_distributions()
    return {n: {canonical(d) for d in installed.get(n, [])} for n in names}


def pins() -> dict[str, str]:
    lines = (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
    return dict((canonical(name), version) for name, version in (line.split("==") for line in lines if "==" in line))


def test_every_package_the_app_imports_is_a_dependency():
    declared = {requirement_name(d) for d in PYPROJECT["project"]["dependencies"]}
    sources = [*(ROOT / "dashboard").rglob("*.py"), ROOT / "app.py"]
    missing = {n: d for n, d in distributions(imported_top_level(sources)).items() if not d & declared}
    assert not missing, f"imported by the app but not in pyproject's dependencies: {missing}"


def test_every_package_the_tests_import_is_a_test_dependency():
    declared = {requirement_name(d) for d in PYPROJECT["project"]["dependencies"]}
    declared |= {requirement_name(d) for d in PYPROJECT["project"]["optional-dependencies"]["test"]}
    sources = [*(ROOT / "tests").rglob("*.py"), *(ROOT / "testsupport").rglob("*.py")]
    local = {"tests", "testsupport", "benchmarks", "conftest"} | {p.stem for p in (ROOT / "tests").rglob("*.py")}
    found = distributions(imported_top_level(sources) - local)
    # zstd comes with Python 3.14 (compression.zstd), before that from backports.zstd (flask-compress's)
    missing = {n: d for n, d in found.items() if not d & declared and n != "compression"}
    assert not missing, f"imported by the tests but in neither pyproject's dependencies nor its test extra: {missing}"


def test_every_declared_package_is_pinned_at_the_installed_version():
    from importlib.metadata import version

    pinned = pins()
    declared = [*PYPROJECT["project"]["dependencies"], *PYPROJECT["project"]["optional-dependencies"]["test"]]
    unpinned = [d for d in declared if requirement_name(d) not in pinned]
    assert not unpinned, f"not pinned in constraints.txt: {unpinned}"
    drift = {n: (v, version(n)) for n, v in pinned.items() if version(n) != v}
    assert not drift, f"installed versions differ from constraints.txt (pinned, installed): {drift}"


def test_the_console_script_is_the_cli():
    target = PYPROJECT["project"]["scripts"]["bajor-timeline"]
    module, _, function = target.partition(":")
    assert getattr(importlib.import_module(module), function).__module__ == "dashboard.cli"
