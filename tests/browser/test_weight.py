"""Page weight in a real browser: what the explorer downloads, compressed, and which plotly.js it runs."""

from __future__ import annotations

import pytest

from dashboard.formats import plotlyjs

pytestmark = pytest.mark.browser

EXPLORER_MAX_BYTES = 2_500_000  # issue 7: the explorer at most 2.5 MB over the wire


def test_the_explorer_is_light_and_runs_our_plotly_build(page, live_url):
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    received, urls = {}, {}
    cdp.on("Network.responseReceived", lambda e: urls.__setitem__(e["requestId"], e["response"]["url"]))
    cdp.on("Network.loadingFinished", lambda e: received.__setitem__(e["requestId"], e["encodedDataLength"]))
    page.goto(live_url + "/")
    page.wait_for_selector("#chart-gantt .bars path")
    page.wait_for_load_state("networkidle")  # the table's first rows and the last callbacks
    assert page.evaluate("Plotly.version") == plotlyjs.version()
    traces = set(page.evaluate("Object.keys(Plotly.PlotSchema.get().traces)"))
    assert traces <= plotlyjs.TRACES and "scattergl" not in traces  # the partial build, not the full one
    assert not any("dash_table" in u for u in urls.values())
    plotly_requests = [u for u in urls.values() if "plotly" in u]
    assert len(plotly_requests) == 1 and plotly_requests[0].endswith(plotlyjs.DCC_PLOTLY_PATH)
    total = sum(received.values())
    assert 0 < total < EXPLORER_MAX_BYTES, f"{total:,} bytes"
