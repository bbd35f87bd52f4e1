"""The benchmark's synthetic tables are valid, and its measuring function runs (no timing thresholds)."""
from __future__ import annotations

import math

from benchmarks import bench_figures, synthetic
from dashboard.catalogue import Catalogue
from dashboard.schema import TIERS


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
