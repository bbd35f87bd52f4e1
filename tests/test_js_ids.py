"""Every element id the scripts in assets/ look for is an id the Python code gives a component.

The scripts find elements by id (getElementById, '#id' selectors, ids kept in constants or tables);
a renamed component in Python would leave a script looking for nothing, silently. The Python side:
the constants of dashboard/web/components/ids.py and the literal `id="..."` of components and HTML
written elsewhere in dashboard/web.
"""

from __future__ import annotations

import ast
import re

import pytest

from dashboard.web.components import ids
from testsupport import ROOT

ASSETS = ROOT / "assets"
WEB = ROOT / "dashboard" / "web"
SCRIPTS = sorted(ASSETS.glob("*.js"))

# Tables of ids in the scripts, read entry by entry (name -> the file that declares it).
ID_TABLES = {"WIDTHS": "explorer.js", "KEYS": "present.js"}
# Ids that Dash itself gives its elements, not our components.
DASH_OWN = {"react-entry-point": "Dash's root element, where the live page is built"}

STRING = r"""(?:"([^"\\\n]*)"|'([^'\\\n]*)')"""
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}$")


def _strings(text: str) -> list[str]:
    return [a or b for a, b in re.findall(STRING, text)]


def _constants(js: str) -> dict[str, str]:
    """NAME -> "value" for every upper-case constant holding a string (also `const A = "x", B = "y"`)."""
    return dict(re.findall(r"\b([A-Z][A-Z0-9_]*)\s*=\s*\"([^\"\\\n]*)\"", js))


def _table(js: str, name: str) -> list[str]:
    """The strings in `const NAME = [...]` or `{...}` (the keys of an object are not ids: only values)."""
    match = re.search(rf"\bconst {name}\s*=\s*([\[{{])", js)
    assert match, f"assets: no table {name} any more: update ID_TABLES in tests/test_js_ids.py"
    close = {"[": "]", "{": "}"}[match.group(1)]
    depth, start = 0, match.start(1)
    for i in range(start, len(js)):
        depth += {match.group(1): 1, close: -1}.get(js[i], 0)
        if depth == 0:
            body = js[start : i + 1]
            break
    if close == "}":
        body = re.sub(STRING + r"\s*:|\b\w+\s*:", "", body)  # drop the keys
    return _strings(body)


def js_ids(path) -> set[str]:
    """The element ids a script looks for."""
    js = path.read_text(encoding="utf-8")
    constants = _constants(js)
    found = set(re.findall(r"getElementById\(\s*" + r"\"([^\"]+)\"", js))
    found |= set(re.findall(r"getElementById\(\s*'([^']+)'", js))
    for text in _strings(js):  # '#id' in CSS selectors (not colours)
        found |= {m for m in re.findall(r"#([A-Za-z][\w-]*)", text) if not HEX_COLOUR.match("#" + m)}
    id_context = (
        r"getElementById\([^)]*\b{n}\b",
        r"\"#\"\s*\+\s*{n}\b",
        r"'#'\s*\+\s*{n}\b",
        r"\.id\s*===?\s*{n}\b",
        r"indexOf\(\s*{n}\s*\)",
        r"set_props\(\s*{n}\b",
    )
    for name, value in constants.items():
        if any(re.search(p.format(n=name), js) for p in id_context):
            found.add(value)
    for name, file in ID_TABLES.items():
        if path.name == file:
            found |= set(_table(js, name))
    return found


def python_ids() -> set[str]:
    """Ids the app gives its components: ids.py's constants, and literal id="..." anywhere in dashboard/web."""
    named = {v for k, v in vars(ids).items() if k.isupper() and isinstance(v, str)}
    literal = set()
    for path in WEB.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.keyword) and node.arg == "id" and isinstance(node.value, ast.Constant):
                literal.add(node.value.value)
        literal |= set(re.findall(r"""\bid=\\?["']([\w-]+)\\?["']""", source))  # in HTML text
    return named | literal


def test_the_scripts_name_ids():
    assert SCRIPTS, "no scripts in assets/"
    found = {p.name: js_ids(p) for p in SCRIPTS}
    # what the reader knows is there: the details panel, the embed's card, the presenter's keys, the widths
    assert {"details", "details-close", "details-prev", "details-next", "filters-open"} <= found["explorer.js"]
    assert {"embed", "embed-card", "embed-card-close"} <= found["embed.js"]
    assert {"present-next", "present-exit", "present-blank-screen"} <= found["present.js"]
    assert {"charts", "plot-width", "present-charts", "present-width"} <= found["explorer.js"]
    assert "ArrowRight" not in found["present.js"] and "1f2328" not in found["explorer.js"]


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_every_id_a_script_names_exists_in_python(script):
    missing = sorted(js_ids(script) - python_ids() - set(DASH_OWN))
    assert not missing, (
        f"assets/{script.name} looks for ids no Python code defines (renamed or removed?): {', '.join(missing)}; "
        "define them in dashboard/web/components/ids.py or fix the script"
    )
