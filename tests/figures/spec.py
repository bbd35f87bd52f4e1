"""Read a figure dict (what dashboard.figures builds) the way the tests assert on it:
`read(fig).data[0].marker.opacity`, typed arrays as numpy arrays, an absent property as None,
as Plotly's graph objects read. Reading only: the figure itself stays the plain dict."""

from __future__ import annotations

import plotly.io as pio

from dashboard.figures import typed


class Spec:
    """A read-only view of one dict of a figure."""

    def __init__(self, d: dict):
        object.__setattr__(self, "_d", d)

    def __getattr__(self, key):
        if key.startswith("__"):
            raise AttributeError(key)
        return _wrap(self._d.get(key))

    def __getitem__(self, key):
        return _wrap(self._d[key])

    def __contains__(self, key) -> bool:
        return key in self._d

    def __eq__(self, other) -> bool:
        return self._d == (other._d if isinstance(other, Spec) else other)

    def get(self, key, default=None):
        return _wrap(self._d.get(key, default))

    def to_dict(self) -> dict:
        return self._d

    def to_json(self) -> str:
        return pio.to_json(self._d, validate=False)


def _wrap(v):
    if isinstance(v, dict):
        return typed.values(v) if "bdata" in v else Spec(v)
    if isinstance(v, (list, tuple)) and v and isinstance(v[0], dict):
        return [_wrap(x) for x in v]
    return v


def read(fig: dict) -> Spec:
    assert isinstance(fig, dict), f"a figure is a plain dict, not {type(fig).__name__}"
    return Spec(fig)
