"""Year rules of resolved events, as arrays: their bounds, their extent, a year clipped to a range.

A resolved event's start and end are ranges of fractional years (dashboard/domain/resolve.py);
open bounds are NaN in the table and -inf/+inf here. One home for these rules: the figures, the
views and the exports all read years through them.
"""

from __future__ import annotations

import math

import numpy as np

PAD_YEARS = 2  # the extent's margin either side of the events


def extent(df, x_range=None) -> tuple[float, float]:
    """The shared year range: the given one, else the data's finite extent padded a little."""
    if x_range:
        return float(x_range[0]), float(x_range[1])
    cols = [c for c in ("start_earliest", "start_latest", "end_earliest", "end_latest", "best_start") if c in df]
    if not len(df) or not cols:
        return 2300.0, 2420.0
    values = np.concatenate([column(df, c) for c in cols])
    values = values[np.isfinite(values)]
    if not len(values):
        return 2300.0, 2420.0
    return math.floor(values.min()) - PAD_YEARS, math.ceil(values.max()) + PAD_YEARS


def column(df, name: str) -> np.ndarray:
    """A numeric column as float64 (None/NaN stay NaN)."""
    return np.asarray(df[name].to_numpy(dtype=float, na_value=np.nan), dtype=float)


def first_year(df) -> np.ndarray:
    """Each event's first possible year: its start's earliest bound (-inf when open)."""
    s_lo = column(df, "start_earliest")
    return np.where(np.isnan(s_lo), -np.inf, s_lo)


def last_year(df) -> np.ndarray:
    """Each event's last possible year: its end's latest bound, a moment's start's latest bound
    (a moment ends when it starts); +inf when open. The one home of this rule."""
    point = df["is_point"].to_numpy(dtype=bool)
    last = np.where(point, column(df, "start_latest"), column(df, "end_latest"))
    return np.where(np.isnan(last), np.inf, last)


def bound_arrays(df) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Start and end ranges as arrays, open bounds as -inf/+inf (a moment's end is its start's)."""
    s_lo, s_hi = first_year(df), column(df, "start_latest")
    e_lo = column(df, "end_earliest")
    point = df["is_point"].to_numpy(dtype=bool)
    s_hi = np.where(np.isnan(s_hi), np.inf, s_hi)
    e_lo = np.where(point, s_lo, np.where(np.isnan(e_lo), -np.inf, e_lo))
    return s_lo, s_hi, e_lo, last_year(df)


def clamp(values, lo: float, hi: float) -> np.ndarray:
    """Clip years to the drawn range (NaN becomes the left edge)."""
    v = np.asarray(values, dtype=float)
    return np.clip(np.where(np.isnan(v), lo, v), lo, hi)
