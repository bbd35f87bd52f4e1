"""The benchmark's synthetic tables are valid, and its measuring function runs (no timing thresholds)."""

from __future__ import annotations

import math

import pytest

from benchmarks import bench_figures, bench_scale, payloads
from dashboard.domain.catalogue import Catalogue
from dashboard.domain.schema import TIERS
from testsupport import synthetic
from testsupport.bench import check_server_side


def test_synthetic_tables_load_and_have_disputes(tmp_path):
    data = synthetic.write_tables(tmp_path / "data", 50, seed=0)
    cat = Catalogue.load(data)
    assert cat.total == 50
    resolved = cat.resolved(TIERS)
    assert len(resolved) == 50
    assert resolved["disputed"].astype(bool).any()
    assert set(cat.tables.events["end"].eq("")) == {True, False}  # both moments and periods


def test_synthetic_tables_are_deterministic():
    assert synthetic.generate(20, seed=3) == synthetic.generate(20, seed=3)
    assert synthetic.generate(20, seed=3) != synthetic.generate(20, seed=4)


@pytest.mark.bench
def test_measure_reports_positive_ratios():
    result = bench_figures.measure(50, repeat=1)
    assert result["events"] == 50
    for key in bench_figures.RATIOS:
        value = result[key]
        assert isinstance(value, float) and math.isfinite(value) and value > 0, (key, value)
    assert result["ours_traces"] > 0 and result["px_traces"] > 0


def test_baseline_datetimes_work_past_2262():
    out = bench_figures.years_to_datetime([2328.0, 2500.5, None])
    assert str(out.dtype) == "datetime64[us]"
    assert out[0].year == 2328 and out[1].year == 2500 and out[1].month == 7
    assert out.isna().tolist() == [False, False, True]


# --- the scale benchmark (benchmarks/bench_scale.py) at its smallest size: a smoke test -----------
# (its browser part is in tests/browser/test_bench_scale.py)


def test_the_callback_payloads_match_the_app(real):
    from dashboard.web.app import create_app

    client = create_app(catalogue=real).server.test_client()
    deps = client.get("/_dash-dependencies").get_json()
    for callback, search in (
        (payloads.FILTER_CHANGE, "?canon=canon"),
        (payloads.SELECTION, "?event=annexation-of-bajor"),
    ):
        r = client.post("/_dash-update-component", json=payloads.body(callback, deps, search))
        assert r.status_code == 200 and r.get_json()["response"], callback.output_prefix


@pytest.mark.bench
@pytest.mark.live  # app.py in a child process
def test_scale_benchmark_smallest_size_without_a_browser():
    result = bench_scale.measure(1000, rounds=1, browser=False)
    check_server_side(result)
    text = bench_scale.markdown([result], "python benchmarks/bench_scale.py --sizes 1000", "", 180)
    assert "| 1,000 |" in text


def test_results_replace_only_the_marked_section(tmp_path):
    doc = tmp_path / "PERF.md"
    doc.write_text("# Title\n\nprose\n" + bench_scale.MARKERS[0] + "\nold\n" + bench_scale.MARKERS[1] + "\nafter\n")
    bench_scale.write_results(doc, "new table\n")
    assert (
        doc.read_text()
        == "# Title\n\nprose\n" + bench_scale.MARKERS[0] + "\nnew table\n" + bench_scale.MARKERS[1] + "\nafter\n"
    )


# --- the social card benchmark (benchmarks/bench_cards.py) on the curated data: a smoke test --------


@pytest.mark.bench
@pytest.mark.browser  # kaleido draws the cards with Debian's chromium
def test_card_benchmark_runs_on_the_curated_data():
    from benchmarks import bench_cards

    result = bench_cards.measure(0, burst=2)
    ours = result["ours"]
    assert ours["cold"]["status"] == 200 and ours["cold"]["how"] in ("drawn", "late")
    assert ours["hit_how"] == ["hit"] and ours["hit_ms"] > 0
    assert sum(ours["burst"]["how"].values()) == 2 and ours["page_during_ms"]["n"] > 0
    assert result["plain"]["bytes"] > 0 and result["plain"]["first_s"] > 0
    assert "| **ours, cold**" in bench_cards.markdown([result])
