"""Row packing: events whose footprints do not overlap share a row (greedy, by start).

A footprint is where an event's marks and label are drawn, in pixels or years. Packing is per lane:
every lane gets rows 0..n-1 of its own; `stack` turns lanes and rows into one y position each.
"""

from __future__ import annotations

import heapq

import numpy as np


def pack(lo: np.ndarray, hi: np.ndarray, gap: float = 0.0) -> np.ndarray:
    """The row of each footprint [lo, hi]: first-fit by start, so no two footprints in a row overlap.

    Greedy interval partitioning (sorted by start, reuse the row that frees up earliest) uses the
    fewest rows possible. Ties keep input order, so the result is deterministic.
    """
    lo = np.asarray(lo, dtype=float)
    hi = np.asarray(hi, dtype=float)
    if lo.shape != hi.shape:
        raise ValueError("lo and hi must have the same length")
    if np.any(hi < lo):
        raise ValueError("every footprint needs hi >= lo")
    rows = np.empty(len(lo), dtype=np.int64)
    free: list[tuple[float, int]] = []  # (x where the row is free again, row)
    count = 0
    for i in np.lexsort((np.arange(len(lo)), lo)):
        if free and free[0][0] < lo[i]:
            _, row = heapq.heappop(free)
        else:
            row, count = count, count + 1
        rows[i] = row
        heapq.heappush(free, (hi[i] + gap, row))
    return rows


def stack(lane: np.ndarray, row: np.ndarray, order: list, header: bool = True):
    """One y per event from (lane, row in lane), lanes in `order`, each lane after a header row.

    Returns (y of each event, [(lane, y of its header, number of rows)]) for the lanes present.
    """
    lane = np.asarray(lane)
    row = np.asarray(row)
    y = np.zeros(len(lane), dtype=float)
    present = [k for k in order if np.any(lane == k)]
    lanes, base = [], 0
    for k in present:
        mask = lane == k
        n = int(row[mask].max()) + 1
        top = base
        base += 1 if header else 0
        y[mask] = base + row[mask]
        lanes.append((k, top, n))
        base += n
    return y, lanes
