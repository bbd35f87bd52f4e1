"""Guards for what the app relies on in Dash, dbc, dash-ag-grid and plotly.js (dashboard/web/dash_compat.py,
dashboard/web/first_view/): each test names the internal it checks, and fails with a message saying what
moved and which function relies on it. Real objects only: the real app on the mini table, Dash's own
installed bundles as the app serves them, a plain dash.Dash beside it."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import dash
import dash_ag_grid
import dash_bootstrap_components as dbc
import pytest
from dash import dcc, html

from dashboard.formats import plotlyjs
from dashboard.web import app as web_app
from dashboard.web import dash_compat as dc
from dashboard.web import first_view, router
from dashboard.web.components import ids
from dashboard.web.first_view import prerender

COMPAT = "dashboard/web/dash_compat.py"
FIRST_VIEW_JS = Path(web_app.ASSETS) / "first_view.js"
PACKAGES = {"dash": dash, "dash_bootstrap_components": dbc, "dash_ag_grid": dash_ag_grid}


def moved(package: str, what: str, relies: str, see: str = "docs/CONTRIBUTING.md 'Upgrading Dash, dbc or plotly.js'"):
    version = PACKAGES[package].__version__ if package in PACKAGES else plotlyjs.version()
    return f"{package} {version} no longer {what}; {relies} relies on it: see {see}"


def served(client, path: str) -> str:
    r = client.get(path)
    assert r.status_code == 200, f"GET {path}: {r.status_code}"
    return r.get_data(as_text=True)


def script(client, name: str) -> str:
    """The text of the script the explorer's page lists whose address contains `name`."""
    srcs = re.findall(r'<script src="([^"]+)"', served(client, "/"))
    src = next((s for s in srcs if name in s), None)
    assert src, f"the page lists no script named like {name!r} (Dash's bundles were renamed?): {srcs}"
    return served(client, src)


@pytest.fixture(scope="module")
def plain_page():
    """The page a plain dash.Dash serves (serve_locally, Dash's own index string and script list)."""
    plain = dash.Dash(__name__, serve_locally=True)
    plain.layout = html.Div("plain")
    return served(plain.server.test_client(), "/")


# ---------------------------------------------------------------- versions


@pytest.mark.parametrize("package", sorted(dc.CHECKED))
def test_the_packages_are_the_versions_the_internals_were_checked_against(package):
    """Nothing else can tell whether behaviour the tests do not reach moved: an upgrade is a re-check."""
    have = PACKAGES[package].__version__
    assert have == dc.CHECKED[package], (
        f"{package} is {have}, {COMPAT} was checked against {dc.CHECKED[package]}: run tests/web/test_dash_compat.py, "
        f"tests/test_prerender.py and the browser tests (test_first_view, test_picture, test_weight, test_csp), "
        f"re-check each internal named in {COMPAT}, then update CHECKED"
    )


def test_plotly_js_is_the_version_the_picture_was_checked_against():
    have = plotlyjs.version()
    assert have == first_view.PLOTLY_JS_CHECKED, (
        f"the vendored plotly.js is {have}, dashboard/web/first_view/picture.py and assets/first_view.js were "
        f"checked against {first_view.PLOTLY_JS_CHECKED}: run tests/browser/test_picture.py and "
        "tests/browser/test_first_view.py, re-check picture.py's constants (TICK_LABEL_SHIFT, ANNOTATION_INSET, "
        "LINE_SPACING, the tick rule), then update first_view.PLOTLY_JS_CHECKED"
    )


def test_the_vendored_plotly_js_has_what_first_view_js_calls():
    source = plotlyjs.source()
    for name in ("newPlot", "purge", "staticPlot", "js-plotly-plot", "main-svg"):
        assert name in source, moved("plotly.js", f"has {name!r}", "assets/first_view.js (and first_view/__init__.py)")


# ---------------------------------------------------------------- Dash's paths


@pytest.mark.parametrize("path", [dc.LAYOUT_PATH, dc.DEPENDENCIES_PATH, dc.CALLBACK_PATH])
def test_dash_answers_at_its_paths(app, path):
    rules = {r.rule for r in app.server.url_map.iter_rules()}
    assert path in rules, moved(
        "dash", f"serves {path}", f"{COMPAT} (LAYOUT_PATH etc.: routes' guards, head.referring_page)"
    )
    assert path.startswith(dc.DASH_PATHS), f"{path} is outside DASH_PATHS, which routes.API_PATHS relies on"


def test_the_layout_and_the_dependencies_are_json(client):
    assert client.get(dc.LAYOUT_PATH).get_json()["type"], moved("dash", "answers its layout as JSON", COMPAT)
    assert isinstance(client.get(dc.DEPENDENCIES_PATH).get_json(), list), moved(
        "dash", "answers its dependencies as a list", COMPAT
    )


def test_component_scripts_are_served_under_component_suites(client):
    srcs = re.findall(r'<script src="([^"]+)"', served(client, "/"))
    suites = [s for s in srcs if s.startswith(dc.COMPONENT_SUITES)]
    assert suites and any("dash_renderer" in s for s in suites), moved(
        "dash", f"serves component scripts under {dc.COMPONENT_SUITES}", f"{COMPAT}:COMPONENT_SUITES (compression)"
    )


def test_dcc_graph_fetches_plotly_js_from_dcc_plotly_path(client):
    """dash-renderer sets window._dashPlotlyJSURL to that path; dcc.Graph loads it unless window.Plotly is there."""
    renderer, dcc_bundle = script(client, "dash_renderer"), script(client, "dash_core_components.v")
    path = dc.DCC_PLOTLY_PATH.lstrip("/")
    assert "_dashPlotlyJSURL" in renderer and path in renderer, moved(
        "dash",
        f"sets window._dashPlotlyJSURL to <prefix>{path}",
        f"{COMPAT}:DCC_PLOTLY_PATH (compression.our_plotly_build, head.first_view)",
    )
    assert "window._dashPlotlyJSURL" in dcc_bundle and "window.Plotly||" in dcc_bundle, moved(
        "dash", "has dcc.Graph use an already loaded window.Plotly", f"{COMPAT}:DCC_PLOTLY_PATH (head.first_view)"
    )
    assert client.get(dc.DCC_PLOTLY_PATH).get_data() == plotlyjs.PLOTLY_JS.read_bytes()


def test_dcc_graphs_chunk_is_at_async_graph_path(client):
    chunk = served(client, dc.ASYNC_GRAPH_PATH)
    assert dc.GRAPH_CLASS in chunk, moved(
        "dash",
        f"has dcc.Graph's chunk at {dc.ASYNC_GRAPH_PATH} with class {dc.GRAPH_CLASS!r}",
        f"{COMPAT}:ASYNC_GRAPH_PATH",
    )


# ---------------------------------------------------------------- the index page


def test_dash_lists_the_unused_bundles_as_unused_script_matches_them(plain_page):
    found = {
        m.group(0).split("/dash/", 1)[1].split("/")[0].split("@")[0] for m in dc.UNUSED_SCRIPT.finditer(plain_page)
    }
    assert found == {"dash_table", "deps"}, moved(
        "dash", "lists dash_table's and the polyfill's script tags as UNUSED_SCRIPT matches them", f"{COMPAT}:Dash"
    )
    left = re.findall(r'<script src="([^"]+)"', dc.drop_unused_scripts(plain_page))
    assert not any("dash_table" in s or "polyfill" in s for s in left) and any("dash_renderer" in s for s in left)


def test_interpolate_index_still_takes_what_the_subclass_and_add_to_index_rely_on(app):
    params = set(inspect.signature(dash.Dash.interpolate_index).parameters)
    assert {"scripts", "app_entry"} <= params, moved(
        "dash", "passes `scripts` and `app_entry` to interpolate_index", f"{COMPAT}:Dash and add_to_index"
    )
    assert isinstance(app, dc.Dash) and "interpolate_index" in vars(app)  # add_to_index wrapped it


def test_dash_fills_every_placeholder_of_our_index(client):
    for name in dc.INDEX_PLACEHOLDERS:
        assert name in web_app.INDEX, f"dashboard/web/app.py INDEX lacks {name}"
    for path in ("/", "/present", "/embed"):
        page = served(client, path)
        assert "{%" not in page, moved(
            "dash", f"fills {re.findall(r'{%[a-z_]+%}', page)}", "dashboard/web/app.py INDEX"
        )
        assert page.count(dc.APP_ENTRY) == 1 and dc.HTML_OPEN[:-1] in page and "</head>" in page, moved(
            "dash", f"writes {dc.APP_ENTRY} for {{%app_entry%}}", f"{COMPAT}:add_to_index (head.install)"
        )


def test_the_plain_page_has_the_app_entry(plain_page):
    assert dc.APP_ENTRY in plain_page, moved("dash", f"writes {dc.APP_ENTRY}", f"{COMPAT}:add_to_index, APP_ENTRY")


def test_add_to_index_puts_each_extra_in_its_place(client):
    page = served(client, "/embed?theme=dark")
    assert '<html lang="en" class="embed-page" data-bs-theme="dark">' in page
    assert page.index('rel="preload"') < page.index("</head>")
    explorer = served(client, "/")
    assert explorer.index('id="first-view"') < explorer.index(dc.APP_ENTRY)


@pytest.mark.parametrize("name, where", [("APP_ENTRY_ID", "dash_renderer"), ("ERROR_CLASS", "dash_renderer")])
def test_dash_renderer_has_the_dom_names_first_view_js_looks_for(client, name, where):
    value = getattr(dc, name)
    assert value in FIRST_VIEW_JS.read_text(encoding="utf-8"), f"assets/first_view.js no longer uses {name}"
    assert f'"{value}"' in script(client, where), moved(
        "dash", f"has {value!r} in dash-renderer", f"assets/first_view.js and {COMPAT}:{name}"
    )


def test_first_view_js_looks_for_dcc_graphs_class():
    assert f".{dc.GRAPH_CLASS} " in FIRST_VIEW_JS.read_text(encoding="utf-8")


# ---------------------------------------------------------------- callbacks


def request_body(dep: dict) -> dict:
    """A callback request as dash-renderer builds it from one entry of _dash-dependencies (values None)."""
    outputs = [dict(zip(("id", "property"), o.split(".", 1))) for o in dep["output"].strip(".").split("...")]
    for o in outputs:
        o["property"] = o["property"].split("@")[0]
    values = [[{"id": d["id"], "property": d["property"], "value": None} for d in dep[k]] for k in ("inputs", "state")]
    return {
        "output": dep["output"],
        "outputs": outputs if dep["output"].startswith("..") else outputs[0],
        "inputs": values[0],
        "state": values[1],
        "changedPropIds": [f"{d['id']}.{d['property']}" for d in values[0][:1]],
    }


def test_the_callback_map_is_keyed_and_shaped_as_the_dependencies_say(app, client):
    deps = [d for d in client.get(dc.DEPENDENCIES_PATH).get_json() if not d.get("clientside_function")]
    assert deps
    for dep in deps:
        shape = dc.callback_shape(app, dep["output"])
        assert shape == (len(dep["inputs"]), len(dep["state"])), moved(
            "dash",
            f"keys app.callback_map by the output string with 'inputs' and 'state' lists ({dep['output']!r}: {shape})",
            f"{COMPAT}:callback_shape (the callback guard)",
        )
        assert dc.malformed_callback(app, request_body(dep)) is None


def test_a_request_the_guard_passes_is_dispatched(app, client):
    dep = next(
        d for d in client.get(dc.DEPENDENCIES_PATH).get_json() if d["output"].startswith(f"..{ids.GANTT}.figure")
    )
    body = request_body(dep)
    for item in body["inputs"] + body["state"]:
        item["value"] = "?canon=canon" if item["property"] == "search" else item["value"]
    r = client.post(dc.CALLBACK_PATH, json=body)
    assert r.status_code in (200, 204), moved(
        "dash",
        "dispatches a callback request of the shape malformed_callback lets through",
        f"{COMPAT}:malformed_callback",
    )


def test_the_guard_refuses_what_dash_cannot_read(app, client):
    body = request_body(next(d for d in client.get(dc.DEPENDENCIES_PATH).get_json() if d["inputs"]))
    assert dc.malformed_callback(app, {**body, "output": "nope.children"}) == "no callback has that output"
    assert dc.malformed_callback(app, {**body, "inputs": body["inputs"] + body["inputs"][:1]}) is not None
    assert dc.malformed_callback(app, []) == "the body must be a JSON object"


# ---------------------------------------------------------------- components


@pytest.mark.parametrize("kind", sorted(prerender.RULES), ids="{0[0]}.{0[1]}".format)
def test_each_component_the_first_view_has_a_rule_for_has_that_kind(kind):
    package = {dc.DCC: dcc, dc.DBC: dbc, dc.AG_GRID: dash_ag_grid}.get(kind[0])
    assert package is not None, f"prerender.RULES names a package dash_compat does not: {kind[0]}"
    cls = getattr(package, kind[1], None)
    assert cls is not None and dc.component_kind(cls) == kind, moved(
        {dc.DCC: "dash", dc.DBC: "dash_bootstrap_components", dc.AG_GRID: "dash_ag_grid"}[kind[0]],
        f"has {kind[1]} with _namespace {kind[0]!r}",
        f"{COMPAT}:component_kind (first_view/prerender.RULES)",
    )


def test_html_components_have_the_html_namespace_and_their_props():
    div = html.Div(["x", dbc.Button("Go", id="go", color="secondary")], id="box", className="c")
    assert dc.component_kind(div) == (dc.HTML, "Div"), moved("dash", "has html.Div's _namespace/_type", COMPAT)
    props = dc.component_props(div)
    assert props["id"] == "box" and props["className"] == "c" and props["children"][0] == "x"
    assert dc.component_props(props["children"][1]) == {"children": "Go", "id": "go", "color": "secondary"}, moved(
        "dash_bootstrap_components", "sends a button's props as given", f"{COMPAT}:component_props"
    )


@pytest.mark.parametrize("path", sorted(router.PAGES))
def test_walk_reaches_every_component_with_an_id_on_the_real_pages(mini, path):
    """Dash's own Component.__iter__ yields the ids of the tree; walk must reach the same components."""
    layout = router.layout_for(mini, path, "?canon=canon")
    walked = [getattr(c, "id", None) for c in dc.walk(layout)]
    assert {i for i in walked if i is not None} == set(layout), moved(
        "dash", "reaches a layout's components through `children` only", f"{COMPAT}:walk (explorer.answers.prefill)"
    )
    assert ids.GANTT in walked or path != ""
