"""Numeric arrays in a figure dict as plotly.js typed arrays ({"dtype": "f8", "bdata": base64}).

The figures are plain dicts (theme.figure). Sent as JSON lists, a chart's coordinates would be
several times larger; as typed arrays they are what Plotly's own figure objects send, byte for
byte (the same dtypes, the same narrowing of int64, the same keys left alone). `values` reads one
back as a numpy array, for code that works on a built figure (marks.select, the tests).
"""

from __future__ import annotations

import base64

import numpy as np

DTYPES = {
    "int8": "i1",
    "uint8": "u1",
    "int16": "i2",
    "uint16": "u2",
    "int32": "i4",
    "uint32": "u4",
    "float32": "f4",
    "float64": "f8",
}
_NUMPY = {v: k for k, v in DTYPES.items()}
_SKIP = ("geojson", "layer", "layers", "range")  # keys plotly.js reads as plain lists


def _narrow(v: np.ndarray) -> np.ndarray:
    """int64 (which plotly.js cannot read) as the smallest int type that holds it, if any."""
    if v.dtype == np.int64:
        for small in (np.int8, np.int16, np.int32):
            info = np.iinfo(small)
            if v.min() >= info.min and v.max() <= info.max:
                return v.astype(small)
    elif v.dtype == np.uint64:
        for small in (np.uint8, np.uint16, np.uint32):
            if v.max() <= np.iinfo(small).max:
                return v.astype(small)
    return v


def typed(v: np.ndarray):
    """A numpy array as a typed array spec (an empty or non-numeric one as it is)."""
    if v.size == 0:
        return v
    v = _narrow(np.ascontiguousarray(v))
    dtype = DTYPES.get(str(v.dtype))
    if dtype is None:
        return v
    out = {"dtype": dtype, "bdata": base64.b64encode(v).decode("ascii")}
    if v.ndim > 1:
        out["shape"] = str(v.shape)[1:-1]
    return out


def encode(node) -> None:
    """Every numpy array in a figure dict (nested dicts and lists) as a typed array, in place."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in _SKIP:
                continue
            if isinstance(value, np.ndarray):
                node[key] = typed(value)
            else:
                encode(value)
    elif isinstance(node, (list, tuple)):
        for value in node:
            encode(value)


def values(v) -> np.ndarray:
    """An array of a figure dict as numpy: a typed array decoded, anything else through np.asarray."""
    if isinstance(v, dict) and "bdata" in v:
        out = np.frombuffer(base64.b64decode(v["bdata"]), dtype=_NUMPY[v["dtype"]])
        return out.reshape([int(n) for n in v["shape"].split(",") if n.strip()]) if "shape" in v else out
    return np.asarray([] if v is None else v)
