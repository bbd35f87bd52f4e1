"""The scale benchmark's browser part at its smallest size: a smoke test (no time limits)."""

from __future__ import annotations

import pytest

from benchmarks import bench_scale
from testsupport.bench import check_server_side

pytestmark = [pytest.mark.browser, pytest.mark.bench, pytest.mark.live]


def test_scale_benchmark_smallest_size_in_chromium(browser):
    result = bench_scale.measure(1000, rounds=1, repeat=1, browser=browser, timeout_s=120)
    check_server_side(result)
    for name in ("ours", "plain"):
        b = result["browser"][name]
        assert b["drawn_s"] and b["drawn_s"] > 0 and b["wire_kb"] > 0, (name, b)
    assert 0 < result["browser"]["embed_wire_kb"] < result["browser"]["ours"]["wire_kb"]
