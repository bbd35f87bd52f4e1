"""The real app in-process through Flask's test client: page, assets, callbacks, views, guards."""

import json
import re
import subprocess
import sys

import pytest

from dashboard.web.app import create_app
from dashboard.web.components import ids
from testsupport import ROOT
from testsupport.dash_client import call, find, first_answer, page_layout


def render(client, search, width=900):
    """The charts' callback, as the browser sends it once the filter part of the URL changes."""
    return call(
        client,
        f"..{ids.GANTT}.figure...",
        [
            {"id": ids.FILTER_KEY, "property": "data", "value": str(search)},
            {"id": ids.PLOT_WIDTH, "property": "data", "value": width},
        ],
        [f"{ids.FILTER_KEY}.data"],
        state=[
            {"id": ids.URL, "property": "search", "value": search},
            {"id": ids.RENDERED, "property": "data", "value": None},
            {"id": ids.DRAWN_WIDTH, "property": "data", "value": None},
        ],
    )


def details(client, search):
    return call(
        client,
        f"..{ids.DETAILS_BODY}.children...",
        [{"id": ids.SELECTED_KEY, "property": "data", "value": str(search)}],
        [f"{ids.SELECTED_KEY}.data"],
        state=[{"id": ids.URL, "property": "search", "value": search}],
    )


def test_page_is_served_with_local_assets_only(client):
    r = client.get("/")
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert "<title>Bajor Timeline</title>" in html
    # What the page loads (scripts, styles, links in the head) comes from this host only (the oEmbed
    # discovery link is absolute, and a browser never fetches it); the first view's credits link out.
    loads = re.findall(r'src="(https?://[^"]+)"', html) + re.findall(r'<link [^>]*href="(https?://[^"]+)"', html)
    external = [u for u in loads if not u.startswith("http://localhost/")]
    assert external == [], external
    assert "/vendor/bootstrap.min.css" in html
    css = client.get("/vendor/bootstrap.min.css")
    assert css.status_code == 200 and css.mimetype == "text/css" and b"Bootstrap  v5" in css.data
    for src in re.findall(r'src="(/_dash-component-suites/[^"]+)"', html):
        assert client.get(src).status_code == 200, src


def test_layout_credits_the_wikis_and_has_every_control(client):
    layout = page_layout(client)
    for wiki in ("Memory Alpha", "Memory Beta", "Memory Delta", "CC BY-NC 3.0", "CC BY-SA 3.0"):
        assert wiki in layout
    for cid, _ in ids.CONTROLS:
        assert f'"id": "{cid}"' in layout


def test_unknown_paths_get_a_page_that_says_so(client):
    assert "No such page" in page_layout(client, "/no-such-page")
    assert ids.GANTT in page_layout(client, "/")


def test_render_callback_follows_the_url(client):
    status, body = render(client, "?canon=canon&faction=resistance,borg&event=dukat-prefect")
    assert status == 200
    resp = body["response"]
    assert resp[ids.SUMMARY]["children"] == "0 of 7 events: canon only, faction: Bajoran Resistance"
    assert resp[ids.NOTICE]["is_open"] is True
    assert "borg" in json.dumps(resp[ids.NOTICE]["children"])
    assert resp[ids.DOWNLOAD_JSON]["href"] == "/events.json?canon=canon&faction=resistance"


def test_an_unknown_event_gets_a_notice(client):
    _, body = render(client, "?event=no-such-event")
    assert "Ignored unknown event 'no-such-event'" in json.dumps(body["response"][ids.NOTICE]["children"])


def test_details_callback_opens_the_panel_with_verdict_and_citations(client):
    status, body = details(client, "?canon=canon,licensed&event=dukat-prefect")
    resp = body["response"]
    assert status == 200 and resp[ids.DETAILS]["className"] == "details-panel open"
    text = json.dumps(resp[ids.DETAILS_BODY]["children"])
    assert "Dukat becomes prefect" in text and "Waltz" in text and "Happened" in text
    assert resp[ids.DOC_TITLE]["data"] == "Dukat becomes prefect \u00b7 Bajor Timeline"
    assert "?canon=canon,licensed&event=" in text  # Previous and Next keep the filters
    _, closed = details(client, "?canon=canon")
    assert closed["response"][ids.DETAILS]["className"] == "details-panel"


def test_table_rows_come_in_blocks(client):
    status, body = call(
        client,
        f"{ids.GRID}.getRowsResponse",
        [
            {
                "id": ids.GRID,
                "property": "getRowsRequest",
                "value": {"startRow": 0, "endRow": 3, "sortModel": [{"colId": "title", "sort": "asc"}]},
            }
        ],
        [f"{ids.GRID}.getRowsRequest"],
        state=[{"id": ids.URL, "property": "search", "value": ""}],
    )
    resp = body["response"][ids.GRID]["getRowsResponse"]
    assert status == 200 and resp["rowCount"] == 7 and len(resp["rowData"]) == 3
    assert [r["title"] for r in resp["rowData"]] == sorted(r["title"] for r in resp["rowData"])


def test_markup_in_data_is_text_in_every_output(client):
    status, body = render(client, "?event=xss")
    assert status == 200
    gantt_and_timeline = json.dumps([body["response"][ids.GANTT], body["response"][ids.TIMELINE]])
    assert "<img" not in gantt_and_timeline and "&lt;img src=x onerror=alert(1)&gt;" in gantt_and_timeline
    _, panel = details(client, "?event=xss")
    assert "<img src=x onerror=alert(1)>" in json.dumps(panel)  # a plain string child: React renders it as text


def test_sync_callback_turns_a_click_into_a_url(client):
    inputs = [{"id": ids.URL, "property": "search", "value": "?canon=canon"}]
    inputs += [{"id": cid, "property": prop, "value": None} for cid, prop in ids.CONTROLS]
    inputs += [
        {"id": ids.RESET, "property": "n_clicks", "value": None},
        {"id": ids.CLEAR_SELECTION, "property": "n_clicks", "value": None},
        {"id": ids.GANTT, "property": "clickData", "value": {"points": [{"customdata": ["annexation"]}]}},
        {"id": ids.TIMELINE, "property": "clickData", "value": None},
        {"id": ids.GRID, "property": "selectedRows", "value": None},
    ]
    status, body = call(client, f"..{ids.URL}.search...", inputs, [f"{ids.GANTT}.clickData"])
    assert status == 200
    assert body["response"][ids.URL]["search"] == "?canon=canon&event=annexation"


def test_a_failing_callback_shows_a_notice_not_a_traceback(client):
    status, body = render(client, 12345)  # a search that is not a string makes the view code fail
    text = json.dumps(body)
    assert status == 200 and "Traceback" not in text and "AttributeError" not in text
    assert body["sideUpdate"][ids.ERROR]["is_open"] is True
    assert "Something went wrong" in text


def test_json_and_csv_views_of_any_url(client):
    r = client.get("/events.json?canon=canon&q=dukat")
    assert r.status_code == 200 and r.mimetype == "application/json"
    assert [e["id"] for e in r.get_json()["events"]] == ["dukat-prefect"]
    r = client.get("/events.csv?era=aftermath&bogus=1")
    assert r.mimetype == "text/csv" and len(r.get_data(as_text=True).splitlines()) == 3
    assert "unknown parameter 'bogus'" in r.headers["X-Notices"]


@pytest.mark.parametrize(
    "body",
    [
        "not json",
        json.dumps([1, 2]),
        json.dumps({"output": 3}),
        json.dumps({"output": "..nope.figure..", "inputs": []}),
        json.dumps({"output": f"..{ids.GANTT}.figure..", "inputs": ["x"]}),
    ],
)
def test_malformed_callback_requests_get_a_400_not_a_500(client, body):
    r = client.post("/_dash-update-component", data=body, content_type="application/json")
    assert r.status_code == 400
    assert "malformed callback request" in r.get_json()["error"] and "Traceback" not in r.get_data(as_text=True)


def test_server_errors_show_no_traceback(mini):
    app = create_app(catalogue=mini)  # a fresh app: routes can only be added before the first request

    @app.server.route("/boom-for-test")
    def boom():
        raise RuntimeError("secret internals")

    r = app.server.test_client().get("/boom-for-test")
    assert r.status_code == 500
    assert "secret internals" not in r.get_data(as_text=True) and "Traceback" not in r.get_data(as_text=True)


def test_debug_is_off_unless_asked():
    from app import parse_args

    assert parse_args([]).debug is False and parse_args(["--debug"]).debug is True
    assert (parse_args([]).host, parse_args([]).port) == ("127.0.0.1", 8050)


def test_app_refuses_invalid_data_with_the_validator_messages(broken):
    data = broken("events.csv", "2346,,late-occupation", "soon,,late-occupation")
    out = subprocess.run(
        [sys.executable, "app.py", "--data", str(data), "--port", "0"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 1
    assert "events.csv:3: start: 'soon' is not an EDTF date" in out.stderr and "Traceback" not in out.stderr


def test_wsgi_server_attribute():
    import app as app_module

    assert app_module.server.name  # a Flask app built on the bundled data


def test_a_page_load_gets_its_page_with_the_charts_drawn_in_the_first_answer(client):
    """No round trip for the router, the filter key or the charts before the first chart is drawn:
    the layout holds the explorer for the page's URL with its figures, summary and selection."""
    layout = first_answer(client, "http://localhost/?canon=canon&event=annexation&q=of%20bajor")
    assert find(layout, ids.ROUTED)["data"] == ""
    gantt = find(layout, ids.GANTT)["figure"]
    assert gantt["layout"]["meta"]["role"] == "gantt" and gantt["data"]
    assert (
        gantt["layout"]["meta"]["selected"] == "annexation"
        or find(layout, ids.TIMELINE)["figure"]["layout"]["meta"]["selected"] == "annexation"
    )
    key = "canon=canon&q=of+bajor"  # as the browser's URLSearchParams writes it (assets/explorer.js filterKey)
    assert find(layout, ids.FILTER_KEY)["data"] == key and find(layout, ids.RENDERED)["data"] == key
    assert "of" in json.dumps(find(layout, ids.SUMMARY)["children"])
    assert find(layout, ids.DOWNLOAD_CSV)["href"] == "/events.csv?canon=canon&q=of+bajor"
    # The charts' callback, fired as the page starts, sees the key it drew for and sends nothing.
    status, _ = call(
        client,
        f"..{ids.GANTT}.figure...",
        [
            {"id": ids.FILTER_KEY, "property": "data", "value": key},
            {"id": ids.PLOT_WIDTH, "property": "data", "value": None},
        ],
        [],
        state=[
            {"id": ids.URL, "property": "search", "value": "?canon=canon&event=annexation&q=of%20bajor"},
            {"id": ids.RENDERED, "property": "data", "value": key},
            {"id": ids.DRAWN_WIDTH, "property": "data", "value": None},
        ],
    )
    assert status == 204
    # ... and the router leaves the page be, once.
    status, body = call(
        client,
        f"..{ids.PAGE}.children...",
        [{"id": ids.ROUTE, "property": "pathname", "value": "/"}],
        [],
        state=[
            {"id": ids.ROUTE, "property": "search", "value": "?canon=canon"},
            {"id": ids.ROUTED, "property": "data", "value": ""},
        ],
    )
    assert status == 200 and "page-content" not in body["response"] and body["response"][ids.ROUTED]["data"] is None


@pytest.mark.parametrize(
    "referer", [None, "", "http://elsewhere.example/?canon=canon", "not a url \x7f", "http://localhost:9/?canon=canon"]
)
def test_without_a_usable_referer_the_router_builds_the_page(client, referer):
    layout = first_answer(client, referer)
    assert find(layout, ids.ROUTED)["data"] is None and find(layout, ids.GANTT) is None


@pytest.mark.parametrize(
    "referer",
    [
        "http://localhost/?%ff%fe=%0d%0a&era=%3Cscript%3E",
        "http://localhost/present/../../x",
        "http://localhost/?event=" + "x" * 5000,
    ],
)
def test_a_hostile_referer_gets_a_page_with_notices_never_an_error(client, referer):
    layout = first_answer(client, referer)  # the text comes back as text in a notice (React escapes it)
    assert find(layout, ids.ROUTED)["data"] is not None
    if "era=" in referer:
        assert find(layout, ids.NOTICE)["is_open"] is True


def test_other_pages_come_in_the_first_answer_too(client):
    assert find(first_answer(client, "http://localhost/present?tour=x"), ids.ROUTED)["data"] == "present"
    assert find(first_answer(client, "http://localhost/no-such-page"), ids.ROUTED)["data"] == "no-such-page"
    assert "No such page" in json.dumps(first_answer(client, "http://localhost/no-such-page"))
