"""Page weight: compression, no unused bundles, and the plotly.js build (dashboard/compression.py, plotlyjs.py)."""

import gzip
import re

import plotly.offline
import pytest

try:  # Python 3.14 has zstd; before it, flask-compress brings the backport
    from compression import zstd
except ImportError:
    from backports import zstd

from dashboard.domain.catalogue import Catalogue
from dashboard.domain.schema import TIERS
from dashboard.figures import gantt, timeline, uncertainty
from dashboard.formats import plotlyjs
from dashboard.web import compression
from testsupport import synthetic


def scripts(client) -> list[str]:
    return re.findall(r'<script src="([^"]+)"', client.get("/").get_data(as_text=True))


def test_the_page_lists_no_plotly_bundle_and_no_dash_table(client):
    srcs = scripts(client)
    assert srcs and not any("dash_table" in s for s in srcs)
    assert not any("polyfill" in s for s in srcs)  # @babel/polyfill: not needed, and it slowed plotly.js down
    # Only our build, at the address dcc.Graph would fetch it from, for the explorer's first view
    # (dcc.Graph then finds it loaded); a page without a first view leaves plotly.js to dcc.Graph.
    assert [s for s in srcs if "plotly" in s] == [plotlyjs.DCC_PLOTLY_PATH]
    present = re.findall(r'<script src="([^"]+)"', client.get("/present").get_data(as_text=True))
    assert present and not any("plotly" in s for s in present)


def preloads(client, path: str) -> list[str]:
    return re.findall(r'<link rel="preload" as="script" href="([^"]+)">', client.get(path).get_data(as_text=True))


def test_pages_that_draw_a_chart_at_once_preload_its_code(client):
    """The explorer and the embed fetch plotly.js and the graph's chunk from the start; those
    addresses answer with JavaScript. Pages that may not draw a chart at once preload nothing (an
    unused preload is a console warning)."""
    for path in ("/", "/?canon=canon", "/embed?view=timeline"):
        links = preloads(client, path)
        assert links == [plotlyjs.DCC_PLOTLY_PATH, "/_dash-component-suites/dash/dcc/async-graph.js"], path
        for link in links:
            r = client.get(link)
            assert r.status_code == 200 and "javascript" in r.mimetype
    for path in ("/present", "/no-such-page"):
        assert preloads(client, path) == []


@pytest.mark.parametrize("encoding, decode", [("gzip", gzip.decompress), ("zstd", zstd.decompress)])
def test_dcc_graphs_plotly_address_answers_with_our_build_compressed(client, encoding, decode):
    r = client.get(plotlyjs.DCC_PLOTLY_PATH, headers={"Accept-Encoding": encoding})
    assert r.status_code == 200 and r.headers["Content-Encoding"] == encoding
    assert r.mimetype == "application/javascript"
    body = r.get_data()
    assert len(body) < plotlyjs.PLOTLY_JS.stat().st_size / 2
    assert decode(body) == plotlyjs.PLOTLY_JS.read_bytes()
    assert "Accept-Encoding" in r.headers["Vary"]


def test_scripts_are_compressed(client):
    src = next(s for s in scripts(client) if "dash_renderer" in s)
    plain, packed = client.get(src), client.get(src, headers={"Accept-Encoding": "gzip"})
    assert packed.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.get_data()) == plain.get_data() and len(packed.get_data()) < len(plain.get_data()) / 2


def test_without_accept_encoding_nothing_is_compressed(client):
    r = client.get("/vendor/bootstrap.min.css")
    assert r.status_code == 200 and "Content-Encoding" not in r.headers


def test_static_files_are_compressed_once_but_data_every_time(app, client):
    client.get("/vendor/bootstrap.min.css", headers={"Accept-Encoding": "gzip"})
    r = client.get("/events.json?canon=canon", headers={"Accept-Encoding": "gzip"})
    assert r.headers["Content-Encoding"] == "gzip" and gzip.decompress(r.get_data()).startswith(b"{")
    cache = app.server.extensions["compress"].cache
    assert isinstance(cache, compression.StaticCache)
    assert "gzip;/vendor/bootstrap.min.css" in cache._data
    assert not any("events" in k for k in cache._data)


def test_the_cache_key_ignores_query_strings_and_skips_dynamic_answers(app):
    with app.server.test_request_context("/assets/explorer.css?m=123"):
        from flask import request

        assert compression.cache_key(request) == "/assets/explorer.css"
    with app.server.test_request_context("/_dash-update-component", method="POST"):
        from flask import request

        assert compression.cache_key(request) == ""
    cache = compression.StaticCache()
    cache.set("gzip;", b"x")
    assert cache.get("gzip;") is None


def test_the_bundle_is_the_plotly_js_version_of_the_plotly_package():
    assert plotlyjs.version() == plotly.offline.get_plotlyjs_version()
    assert plotlyjs.source().startswith("/**\n* plotly.js (cartesian")


def trace_types(figs) -> set[str]:
    return {t.get("type") or "scatter" for f in figs for t in f["data"]}


def test_every_trace_type_our_figures_make_is_in_the_bundle(real, tmp_path):
    big = Catalogue.load(synthetic.write_tables(tmp_path / "big", 3000, seed=1))  # past the level-of-detail limit
    figs = []
    for cat in (real, big):
        df = cat.resolved(TIERS)
        for lanes in ("faction", "era"):
            figs += [gantt(df, cat.vocab, lanes=lanes), timeline(df, cat.vocab, lanes=lanes)]
        event = df.iloc[0].to_dict()
        figs.append(uncertainty(event, cat.citations(event["id"], TIERS)))
    assert trace_types(figs) <= plotlyjs.TRACES, trace_types(figs) - plotlyjs.TRACES
