"""Every Dash and dash-bootstrap-components internal the app relies on, in one place.

Dash's public API (dash.Dash's arguments, `app.config`, `get_relative_path`, `strip_relative_path`,
`get_asset_url`, `csp_hashes`, the `interpolate_index` override point, components' props) is used
anywhere. What Dash does not promise (its own URL paths, the markup of its index page, the shape of
`app.callback_map` and of a callback request, components' `_namespace`/`_type`, the script tags it
lists) is named here only, each as one constant or small function that says what it relies on.
Written against the versions in CHECKED; tests/web/test_dash_compat.py fails, naming what moved,
when an upgrade changes any of it (see docs/CONTRIBUTING.md "Upgrading Dash, dbc or plotly.js").

plotly.js's side (what the server's picture imitates, what assets/first_view.js calls) is
dashboard/web/first_view/'s: see its __init__.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping

import dash
from dash.development.base_component import Component

from dashboard.formats import plotlyjs

# The package versions this module (and dashboard/web/first_view/prerender.py's rules for their
# components) was checked against. On an upgrade: run tests/web/test_dash_compat.py and the browser
# tests, re-check what each failing test names, then update these.
CHECKED = {"dash": "4.4.1", "dash_bootstrap_components": "2.0.4", "dash_ag_grid": "35.3.0"}

# Dash's own URL paths, after the app's routes prefix (dash.Dash._setup_routes, Dash 4.4.1).
DASH_PATHS = "/_dash-"  # every path Dash itself answers starts with this
LAYOUT_PATH = "/_dash-layout"  # the layout, fetched once per page load (its Referer is the page)
DEPENDENCIES_PATH = "/_dash-dependencies"  # the callbacks' inputs and outputs, as the browser reads them
CALLBACK_PATH = "/_dash-update-component"  # every callback request (POST, JSON body)
COMPONENT_SUITES = "/_dash-component-suites/"  # component packages' scripts (fingerprinted names)
# Where dcc.Graph fetches plotly.js when window.Plotly is missing: dash-renderer 4.4.1 sets
# `window._dashPlotlyJSURL` to the requests prefix + this path when serve_locally (the path is
# plotlyjs.DCC_PLOTLY_PATH's, kept there for the formats layer's description of the build).
DCC_PLOTLY_PATH = plotlyjs.DCC_PLOTLY_PATH
# dcc.Graph's lazily loaded chunk (dash 4.4.1 dcc/async-graph.js): fetched when a graph first renders.
ASYNC_GRAPH_PATH = COMPONENT_SUITES + "dash/dcc/async-graph.js"

# The script tags of bundles Dash always lists and no page here needs (dash_table's, and Dash's copy
# of @babel/polyfill: see dashboard/web/compression.py), as Dash 4.4.1 writes them into `scripts`:
# `<script src="<prefix>_dash-component-suites/dash/dash_table/...">` and `.../dash/deps/polyfill@...`.
UNUSED_SCRIPT = re.compile(
    r'<script src="[^"]*/_dash-component-suites/dash/(?:dash_table/|deps/polyfill@)[^"]*"></script>\n?'
)

# The index page. Dash fills these placeholders of an index_string and refuses one without the four
# it requires (dash.dash._re_index_*, Dash 4.4.1); dashboard/web/app.py's INDEX has them all.
INDEX_PLACEHOLDERS = (
    "{%metas%}",
    "{%title%}",
    "{%favicon%}",
    "{%css%}",
    "{%app_entry%}",
    "{%config%}",
    "{%scripts%}",
    "{%renderer%}",
)
# What Dash writes for {%app_entry%} starts with this (dash.dash._app_entry, Dash 4.4.1): the element
# React renders the live page into (assets/first_view.js and explorer.css look for its id too).
APP_ENTRY = '<div id="react-entry-point">'
HTML_OPEN = '<html lang="en">'  # our own INDEX's (dashboard/web/app.py), not Dash's
# Names in the live page's DOM that assets/first_view.js (and explorer.css) look for: the app entry's
# id, the class dcc.Graph gives its box (dash 4.4.1 dcc/async-graph.js; the first view's chart boxes
# carry it too), and the class of dash-renderer's "Error loading layout" box.
APP_ENTRY_ID = "react-entry-point"
GRAPH_CLASS = "dash-graph"
ERROR_CLASS = "_dash-error"

# Components' `_namespace` (Dash 4.4.1, dbc 2.0.4, dash-ag-grid 35.3.0): what the first view's rules
# are keyed by (dashboard/web/first_view/prerender.py).
HTML = "dash_html_components"
DCC = "dash_core_components"
DBC = "dash_bootstrap_components"
AG_GRID = "dash_ag_grid"


class Dash(dash.Dash):
    """dash.Dash without the script tags of bundles no page uses (UNUSED_SCRIPT).

    Overrides `interpolate_index` (Dash's documented hook) and relies on its `scripts` argument being
    the script tags as UNUSED_SCRIPT matches them (Dash 4.4.1)."""

    def interpolate_index(self, **kwargs):
        kwargs["scripts"] = drop_unused_scripts(kwargs.get("scripts", ""))
        return super().interpolate_index(**kwargs)


def drop_unused_scripts(scripts: str) -> str:
    """`scripts` (Dash's script tags) without those of UNUSED_SCRIPT."""
    return UNUSED_SCRIPT.sub("", scripts)


def add_to_index(app: dash.Dash, extras: Callable[[], Mapping[str, str] | None]) -> None:
    """Add `extras()` to every index page `app` serves: {'head': tags before </head>, 'html':
    attributes of <html>, 'body': markup just before APP_ENTRY} (None or '': nothing). Wraps the
    app's `interpolate_index` as an instance attribute (no subclass, no global hook); relies on the
    page holding HTML_OPEN (our INDEX) and APP_ENTRY (Dash 4.4.1's {%app_entry%})."""
    plain = app.interpolate_index

    def interpolate_index(**kwargs):
        page = plain(**kwargs)
        add = extras() or {}
        if add.get("head"):
            page = page.replace("</head>", add["head"] + "</head>", 1)
        if add.get("html"):
            page = page.replace(HTML_OPEN, HTML_OPEN[:-1] + add["html"] + ">", 1)
        if add.get("body"):
            page = page.replace(APP_ENTRY, add["body"] + APP_ENTRY, 1)
        return page

    app.interpolate_index = interpolate_index


def component_kind(node) -> tuple[str, str]:
    """(package namespace, component type) of a Dash component, e.g. ('dash_core_components',
    'Graph'); ('', '') for anything else. Relies on Component's `_namespace` and `_type` (Dash 4.4.1)."""
    return getattr(node, "_namespace", ""), getattr(node, "_type", "")


def component_props(node) -> dict:
    """A component's props as Dash sends them to the browser (`to_plotly_json()["props"]`, Dash 4.4.1)."""
    return node.to_plotly_json()["props"]


def walk(layout) -> Iterator[Component]:
    """Every component under `layout` (not `layout` itself), depth first, through `children`: the
    components Dash's own tree walk (Component._traverse, Dash 4.4.1) reaches, through public props."""
    children = getattr(layout, "children", None)
    for child in children if isinstance(children, (list, tuple)) else [children]:
        if isinstance(child, Component):
            yield child
            yield from walk(child)


def callback_shape(app: dash.Dash, output: str) -> tuple[int, int] | None:
    """(number of inputs, number of states) of the callback whose output string (as a request names
    it) is `output`; None when no callback has it. Relies on `app.callback_map` (Dash 4.4.1): keyed
    by that string, each entry a dict with lists under 'inputs' and 'state'."""
    spec = app.callback_map.get(output)
    return None if spec is None else (len(spec.get("inputs", [])), len(spec.get("state", [])))


def malformed_callback(app: dash.Dash, body) -> str | None:
    """Why a callback request's JSON `body` is malformed, or None when it has the shape Dash 4.4.1's
    dispatch reads (Dash._initialize_context, _prepare_callback): 'output' a key of the callback map,
    'inputs' and 'state' lists of {'id', 'property'} (or lists of them: pattern-matching), 'outputs' a
    list or an object, 'changedPropIds' a list of strings."""
    if not isinstance(body, dict):
        return "the body must be a JSON object"
    if not isinstance(body.get("output"), str) or not isinstance(body.get("inputs"), list):
        return "'output' (string) and 'inputs' (list) are required"
    shape = callback_shape(app, body["output"])
    if shape is None:
        return "no callback has that output"
    if not isinstance(body.get("state", []), (list, type(None))):
        return "'state' must be a list"
    if not isinstance(body.get("outputs", []), (list, dict)):
        return "'outputs' must be a list or an object"
    for item in body["inputs"] + (body.get("state") or []):
        items = item if isinstance(item, list) else [item]
        if not all(isinstance(i, dict) and "id" in i and isinstance(i.get("property"), str) for i in items):
            return "every input and state needs an 'id' and a 'property'"
    if (len(body["inputs"]), len(body.get("state") or [])) != shape:
        return "the inputs and state do not match that callback"
    if not isinstance(body.get("changedPropIds", []), list) or not all(
        isinstance(c, str) for c in body.get("changedPropIds", [])
    ):
        return "'changedPropIds' must be a list of strings"
    return None
