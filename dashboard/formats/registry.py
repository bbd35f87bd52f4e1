"""One registry of the output formats: the routes, the CLI and the Share dialog all read it.

A table format writes the shown events (with their citations and the credit to the wikis) as text,
in pieces so a large view streams in flat memory. Chart formats (PNG, SVG, standalone HTML) are
listed here too (served as <prefix>download/chart.<name>); dashboard/formats/chart_files.py draws them,
and the social card (CARD, served as <prefix>card.png).
The labels are the words the Share dialog shows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from dashboard.domain.loading import Tables


# Each writer is imported when a file is asked for, so reading the registry (the Share dialog's labels,
# the CLI's choices) costs no writer code.


def _json(resolved: pd.DataFrame, tables: Tables, tiers=None, extra=None, indent=2) -> Iterator[str]:
    from dashboard.formats import events_json

    yield from events_json.iter_json(resolved, tables, extra, indent, tiers)


def _csv(resolved: pd.DataFrame, tables: Tables, tiers=None, extra=None) -> Iterator[str]:
    from dashboard.formats import events_csv

    yield from events_csv.iter_csv(resolved, tables, tiers)


def _timelinejs(resolved: pd.DataFrame, tables: Tables, tiers=None, extra=None) -> Iterator[str]:
    from dashboard.formats import timelinejs  # the reader side is large

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
    "json": TableFormat("json", "application/json", "json", "JSON", _json),
    "csv": TableFormat("csv", "text/csv", "csv", "CSV", _csv),
    "timelinejs": TableFormat("timelinejs", "application/json", "json", "TimelineJS JSON", _timelinejs),
}
CHARTS: dict[str, ChartFormat] = {
    "png": ChartFormat("png", "image/png", "PNG image", image=True),
    "svg": ChartFormat("svg", "image/svg+xml", "SVG image", image=True),
    "html": ChartFormat("html", "text/html", "Standalone HTML (works offline)", image=False),
}


@dataclass(frozen=True)
class CardFormat:
    """The social card: a fixed-size picture of a view (Open Graph's og:image, oEmbed's thumbnail, the
    progressive snippet's picture), served as <prefix><name>.<extension>."""

    name: str
    media_type: str
    extension: str
    width: int
    height: int
    label: str

    @property
    def path(self) -> str:
        return f"{self.name}.{self.extension}"


# 1200x630: the size Open Graph consumers and summary_large_image cards show without cropping.
CARD = CardFormat("card", "image/png", "png", 1200, 630, "Social card (PNG)")
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
