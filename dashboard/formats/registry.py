"""One registry of the output formats: the routes, the CLI and the Share dialog all read it.

A table format writes the shown events (with their citations and the credit to the wikis) as text,
in pieces so a large view streams in flat memory. Chart formats (PNG, SVG, standalone HTML) are
listed here too (served as <prefix>download/chart.<name>); dashboard/formats/chart_files.py draws them.
The labels are the words the Share dialog shows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import pandas as pd

from dashboard.domain.loading import Tables
from dashboard.formats import events_csv, events_json


def _timelinejs(resolved: pd.DataFrame, tables: Tables, tiers=None, extra=None) -> Iterator[str]:
    from dashboard.formats import timelinejs  # imported when asked for: the reader side is large

    yield timelinejs.to_json(resolved, tables)


@dataclass(frozen=True)
class TableFormat:
    """A file of the shown events."""

    name: str
    media_type: str
    extension: str
    label: str
    pieces: Callable[..., Iterable[str]]  # (resolved, tables, tiers=..., extra=...) -> text in pieces


@dataclass(frozen=True)
class ChartFormat:
    """A file of one chart."""

    name: str
    media_type: str  # Flask adds "; charset=utf-8" to text types
    label: str
    image: bool  # drawn by kaleido (PNG, SVG), else written as text (standalone HTML)


TABLES: dict[str, TableFormat] = {
    "json": TableFormat(
        "json",
        "application/json",
        "json",
        "JSON",
        lambda r, t, tiers=None, extra=None, indent=2: events_json.iter_json(r, t, extra, indent, tiers),
    ),
    "csv": TableFormat(
        "csv", "text/csv", "csv", "CSV", lambda r, t, tiers=None, extra=None: events_csv.iter_csv(r, t, tiers)
    ),
    "timelinejs": TableFormat("timelinejs", "application/json", "json", "TimelineJS JSON", _timelinejs),
}
CHARTS: dict[str, ChartFormat] = {
    "png": ChartFormat("png", "image/png", "PNG image", image=True),
    "svg": ChartFormat("svg", "image/svg+xml", "SVG image", image=True),
    "html": ChartFormat("html", "text/html", "Standalone HTML (works offline)", image=False),
}
FORMATS = tuple(TABLES)  # the table formats, by name
CHART_FORMATS = tuple(CHARTS)
IMAGE_FORMATS = tuple(name for name, f in CHARTS.items() if f.image)


def table_format(name: str) -> TableFormat:
    """The table format of this name (ValueError naming the choices otherwise)."""
    try:
        return TABLES[name]
    except KeyError:
        raise ValueError(f"unknown export format {name!r}; use one of {', '.join(TABLES)}") from None


def export(resolved: pd.DataFrame, tables: Tables, fmt: str, tiers=None) -> str:
    """Serialise in the named format. Citations come from `tiers` (default: the tiers `resolved`
    was made for)."""
    return "".join(table_format(fmt).pieces(resolved, tables, tiers=tiers))
