"""Sources over time wherever a chart goes: chart files and slides (formats.charts view=drift), the
download routes, the chart command, /embed?view=drift, the explorer's block and its "as known in"
steps, and /present?view=drift. Real data, the real app through Flask's test client."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from dashboard.domain import presentation
from dashboard.formats import charts, slides, standalone
from dashboard.web.app import create_app
from dashboard.web.components import ids
from dashboard.web.pages.explorer import drift as explorer_drift
from testsupport import DATA, MINI, ROOT
from testsupport.dash_client import call, page_layout

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def client(real):
    return create_app(catalogue=real).server.test_client()


# --- the chart as data, slides and files


def test_view_drift_is_a_chart_kind_with_its_own_caption_and_key(real):
    chart = charts.build(real, "view=drift&event=annexation-of-bajor")
    assert chart.kind == "drift" and chart.title == "Bajor Timeline: sources over time"
    assert "claims from" in chart.caption and "highlighted: Annexation of Bajor" in chart.caption
    assert "6 works with no release year not drawn" in chart.caption
    assert chart.figure(900)["layout"]["meta"]["role"] == "drift"
    assert set(chart.drawn["id"]) == set(chart.drift.points["event"])
    key = " ".join(w for _, w in slides.key_items(chart))
    assert "the year a work came out" in key and "When It Rains" in key  # the works it cannot place, named
    assert slides.faction_colours(chart) == []
    early = charts.build(real, "view=drift&asof=1993")
    assert early.caption.count("release year") == 1  # the asof summary already says what is left out
    assert charts.view_query(early) == "view=drift&asof=1993"


def test_an_unknown_view_names_drift_among_the_kinds(real):
    with pytest.raises(charts.ChartError, match="drift: sources over time"):
        charts.build(real, "view=drfit")


def test_the_standalone_file_lists_the_works_it_cannot_place(real):
    page = standalone.standalone_html(
        charts.build(real, "view=drift"), real.tables, plotlyjs_src="https://example.org/p.js"
    )
    assert "Not on the chart: works with no known release year" in page and "Victims of Deceit" in page
    assert "sources over time" in page and "CC BY-NC 3.0" in page


def test_the_download_route_draws_drift_as_html(client):
    r = client.get("/download/chart.html", query_string={"view": "drift", "asof": "1994"})
    assert r.status_code == 200 and r.mimetype == "text/html"
    assert 'filename="bajor-timeline-drift.html"' in r.headers["Content-Disposition"]
    assert b'"role":"drift"' in r.data and b"as known in 1994" in r.data


@pytest.mark.browser
def test_the_download_route_draws_drift_as_svg(client):
    r = client.get(
        "/download/chart.svg", query_string={"view": "drift", "event": "annexation-of-bajor", "asof": "1996"}
    )
    assert r.status_code == 200 and r.mimetype == "image/svg+xml"
    root = ET.fromstring(r.data)
    text = " ".join(t for el in root.iter(f"{SVG}text") for t in el.itertext())
    assert "Bajor Timeline: sources over time" in text and "as known in 1996" in text
    assert "Annexation of Bajor" in text and "year the work came out" in text and "Memory Alpha" in text


@pytest.mark.browser
def test_the_chart_command_takes_view_drift(tmp_path):
    out_file = tmp_path / "drift.png"
    out = subprocess.run(
        [sys.executable, "-m", "dashboard", "chart", "--view", "drift", "--format", "png", "--width", "960",
         "--height", "540", "--query", "asof=1995", "--out", str(out_file), "--data", str(DATA)],
        cwd=ROOT, capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "png, 960x540" in out.stderr and out_file.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_chart_command_lists_drift_and_writes_html(tmp_path):
    help_text = subprocess.run(
        [sys.executable, "-m", "dashboard", "chart", "--help"], cwd=ROOT, capture_output=True, text=True, timeout=60
    ).stdout
    assert "drift" in help_text and "sources over time" in help_text
    out_file = tmp_path / "drift.html"
    out = subprocess.run(
        [sys.executable, "-m", "dashboard", "chart", "--view", "drift", "--format", "html", "--plotlyjs",
         "https://example.org/plotly.js", "--out", str(out_file), "--data", str(MINI)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "Bait and Switch: The Wrong Reflection" in out_file.read_text(encoding="utf-8")


# --- the embed


def test_embed_view_drift(client, real):
    r = client.get("/embed?view=drift&asof=1993")
    assert r.status_code == 200
    status, body = call(
        client,
        f"{ids.EMBED_CHART}.figure",
        [
            {"id": ids.PLOT_WIDTH, "property": "data", "value": 700},
            {"id": ids.EMBED_SCHEME, "property": "data", "value": None},
            {"id": ids.EMBED_STEP, "property": "data", "value": None},
        ],
        [f"{ids.PLOT_WIDTH}.data"],
        state=[
            {"id": ids.EMBED_URL, "property": "search", "value": "?view=drift&asof=1993&theme=dark"},
            {"id": ids.EMBED_SELECTED, "property": "data", "value": "annexation-of-bajor"},
            {"id": ids.EMBED_HOST_PICK, "property": "data", "value": None},
        ],
    )
    fig = body["response"][ids.EMBED_CHART]["figure"]
    assert status == 200 and fig["layout"]["meta"]["role"] == "drift" and fig["layout"]["meta"]["theme"] == "dark"
    assert fig["layout"]["meta"]["selected"] == "annexation-of-bajor" and fig["layout"]["meta"]["asof"] == 1993
    r = client.get("/oembed", query_string={"url": "http://localhost/embed?view=drift", "format": "json"})
    assert r.status_code == 200 and r.get_json()["height"] == 560 and "sources over time" in r.get_json()["title"]


# --- the explorer


def test_the_explorer_page_has_the_third_chart_and_its_controls(client):
    assert client.get("/?asof=1993").status_code == 200
    layout = page_layout(client, "/", "?asof=1993")
    for cid in (ids.DRIFT, ids.DRIFT_PLAY, ids.DRIFT_SLIDER, ids.DRIFT_PREV, ids.DRIFT_NEXT, ids.DRIFT_UNDATED):
        assert f'"{cid}"' in layout
    assert "Sources over time" in layout


def test_the_blocks_answer_follows_the_url(real):
    a = explorer_drift.answer(real, "?asof=1993&event=annexation-of-bajor", 1200)
    assert (
        a["figure"]["layout"]["meta"]["asof"] == 1993
        and a["figure"]["layout"]["meta"]["selected"] == "annexation-of-bajor"
    )
    assert a["label"] == "As known in 1993"
    assert a["prev"] == "/?asof=1992&event=annexation-of-bajor" and a["next"] == "/?asof=1994&event=annexation-of-bajor"
    steps = json.loads(a["steps"])
    assert steps[0] == "/?asof=1991&event=annexation-of-bajor" and steps[-1] == "/?event=annexation-of-bajor"
    assert a["slider_max"] == len(steps) - 1 and steps[a["slider_value"]] == "/?asof=1993&event=annexation-of-bajor"
    assert a["slider_marks"][a["slider_max"]] == "all"
    hidden = json.dumps(a["hidden"], default=str)
    assert "hidden in every" in hidden and "Cytromyaline" in hidden
    assert "When It Rains" in json.dumps(a["undated"], default=str)
    everything = explorer_drift.answer(real, "", None)
    assert everything["label"] == "All works" and everything["hidden"] == [] and everything["next"] == "/"
    assert "hides 13 events" in json.dumps(everything["asof_help"], default=str)


def test_the_slider_writes_asof_and_leaves_the_url_alone_where_it_already_stands(real):
    assert explorer_drift.asof_from_slider(real, "?asof=1993&q=bajor", 0) == "?q=bajor&asof=1991"
    assert explorer_drift.asof_from_slider(real, "?asof=1993", 2) is None  # 1993 is the third release year
    assert explorer_drift.asof_from_slider(real, "?asof=2005", 11) is None  # 2005 lies in the 2003 step
    years = len(explorer_drift.drift_data.release_years(real.tables))
    assert explorer_drift.asof_from_slider(real, "?asof=1993", years) == ""  # "all": the default view
    assert (
        explorer_drift.asof_from_slider(real, "", "x") is None and explorer_drift.asof_from_slider(real, "", 99) is None
    )


def test_marks_fit_the_width():
    years = tuple(range(1991, 2005))
    wide, narrow = explorer_drift.marks(years, 1600), explorer_drift.marks(years, 390)
    assert len(wide) == len(years) + 1 and wide[0] == "\u201991" and wide[len(years)] == "all"
    assert len(narrow) < len(wide) and narrow[len(years)] == "all"


def test_a_click_on_a_mark_selects_its_event(client):
    deps = client.get("/_dash-dependencies").get_json()
    dep = next(d for d in deps if d["inputs"] == [{"id": ids.DRIFT, "property": "clickData"}])
    body = {
        "output": dep["output"],
        "outputs": {"id": ids.URL, "property": "search"},
        "inputs": [
            {"id": ids.DRIFT, "property": "clickData", "value": {"points": [{"customdata": "annexation-of-bajor"}]}}
        ],
        "changedPropIds": [f"{ids.DRIFT}.clickData"],
        "state": [{"id": ids.URL, "property": "search", "value": "?asof=1993"}],
    }
    r = client.post("/_dash-update-component", json=body)
    assert (
        r.status_code == 200 and r.get_json()["response"][ids.URL]["search"] == "?asof=1993&event=annexation-of-bajor"
    )


# --- the presentation


def test_present_view_drift_keeps_its_chart_through_the_steps_and_asof(real):
    deck = presentation.build_deck(real, "tour=overview&step=4&view=drift")
    assert deck.chart == "drift" and deck.notices == ()
    assert deck.query(5) == "tour=overview&step=5&view=drift"
    assert deck.with_chart("") == "tour=overview&step=4" and deck.explorer_query().startswith("tour=overview")
    assert deck.at_asof(1993) == f"asof=1993&tour=overview&event={deck.stop.event}&view=drift"
    bad = presentation.build_deck(real, "view=pie")
    assert bad.chart == "" and any("view=drift" in n for n in bad.notices)


def test_present_step_draws_drift_and_steps_asof(client, real):
    status, body = call(
        client,
        f"..{ids.PRESENT_CHART}.figure",
        [
            {"id": ids.PRESENT_URL, "property": "search", "value": "?tour=overview&step=4&view=drift&asof=1994"},
            {"id": ids.PRESENT_WIDTH, "property": "data", "value": 1100},
        ],
        [f"{ids.PRESENT_URL}.search"],
    )
    out = body["response"]
    fig = out[ids.PRESENT_CHART]["figure"]
    assert status == 200 and fig["layout"]["meta"]["role"] == "drift" and fig["layout"]["meta"]["asof"] == 1994
    event = presentation.build_deck(real, "tour=overview&step=4&asof=1994").stop.event
    assert fig["layout"]["meta"]["selected"] == event
    assert out[ids.PRESENT_STAGE]["className"] == "present-stage drift-stage"
    assert out[ids.PRESENT_DRIFT_LABEL]["children"] == "Periods and moments"
    assert out[ids.PRESENT_ASOF_PREV]["href"] == f"/present?asof=1993&tour=overview&event={event}&view=drift"
    assert out[ids.PRESENT_ASOF_NEXT_LABEL]["children"] == "1995"
    images = json.dumps(out[ids.PRESENT_SERVER_IMAGES]["children"])
    assert "view=drift" in images


@pytest.mark.bench
def test_the_drift_benchmark_runs():
    from benchmarks import bench_drift

    rows = bench_drift.measure(60, repeat=1)
    assert [r["query"] for r in rows][0] == "everything" and all(r["drift_ms"] > 0 for r in rows)
    assert "| 60 | everything |" in bench_drift.markdown(rows)
