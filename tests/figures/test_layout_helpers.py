"""Row packing and text measuring: the rules behind labels that never overlap."""

import random

import numpy as np
import pytest

from dashboard.figures import measure, packing, theme


def test_pack_never_overlaps_two_footprints_in_a_row():
    rng = random.Random(4)
    for _ in range(200):
        n = rng.randint(0, 40)
        lo = np.array([rng.uniform(2300, 2400) for _ in range(n)])
        hi = lo + np.array([rng.uniform(0, 30) for _ in range(n)])
        rows = packing.pack(lo, hi, gap=0.5)
        for r in set(rows):
            spans = sorted(zip(lo[rows == r], hi[rows == r]))
            assert all(a_hi + 0.5 < b_lo for (_, a_hi), (b_lo, _) in zip(spans, spans[1:]))
        # greedy first-fit by start is optimal: as many rows as the deepest overlap
        if n:
            depth = max(sum(1 for a, b in zip(lo, hi) if a <= x <= b + 0.5) for x in lo)
            assert rows.max() + 1 == depth


def test_pack_shares_rows_and_is_deterministic():
    rows = packing.pack([2330, 2331, 2340, 2330], [2332, 2335, 2345, 2332])
    assert list(rows) == [0, 2, 0, 1]  # by start, ties in input order
    with pytest.raises(ValueError, match="hi >= lo"):
        packing.pack([2], [1])


def test_stack_puts_each_lane_after_its_header():
    y, lanes = packing.stack(np.array(["b", "a", "a"]), np.array([0, 0, 1]), ["a", "b"])
    assert list(y) == [4, 1, 2] and lanes == [("a", 0, 2), ("b", 3, 1)]


def test_measured_width_cuts_by_pixels_not_characters():
    assert measure.width("iiii") < measure.width("MMMM")
    cut = measure.fit("Withdrawal and aftermath", 60, size=11)
    assert cut.endswith("\u2026") and measure.width(cut, 11) <= 60
    assert measure.fit("Late occupation", 500) == "Late occupation"
    assert measure.fit("Anything", 3) == ""


def test_the_plot_is_the_chart_less_its_margins_and_never_too_narrow():
    margins = theme.MARGIN["l"] + theme.MARGIN["r"]
    assert theme.plot_width(1000) == 1000 - margins and theme.chart_width(1000 - margins) == 1000
    assert theme.plot_width("700") == 700 - margins  # as the browser reports it, too
    assert theme.plot_width(100) == theme.MIN_PLOT_PX
    assert theme.plot_width(None) is None and theme.plot_width("wide") is None  # not measured yet
