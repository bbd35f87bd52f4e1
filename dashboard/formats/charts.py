"""One chart for slides, downloads and standalone files: what it shows, as data.

    query (the app's URL vocabulary + view=gantt|timeline|dispute|drift) ─▶ view_mod.build_view ─▶ Chart (data)
        ├─ slides.slide_figure(chart, tables, W, H)   title, filters in words, key, credit; zoomed for a slide
        │     └─ images.ImageRenderer                   PNG / SVG through kaleido and Debian's chromium
        └─ standalone.standalone_html(chart, tables)  one file: plotly.js inside (or from a URL), citations, credit

A chart's kind (Chart.kind: gantt, timeline, dispute or drift) is the URL's `view=` parameter. The figures
are built by `figure_for` only, which calls dashboard.figures as the page does: when their
signatures change, that function is the one place to follow. No Dash, no I/O.
"""

from __future__ import annotations

import difflib
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlencode

import pandas as pd

from dashboard.domain import drift as drift_mod
from dashboard.domain import view as view_mod
from dashboard.domain import words
from dashboard.domain.filters import FilterState, describe, to_query
from dashboard.figures.drift import drift
from dashboard.figures.gantt import gantt
from dashboard.figures.palette import LIGHT, Palette
from dashboard.figures.timeline import timeline
from dashboard.figures.uncertainty import uncertainty

if TYPE_CHECKING:
    from dashboard.domain.catalogue import Catalogue

KINDS = ("gantt", "timeline", "dispute", "drift")  # what a chart draws; the URL names it view=
KIND_NAMES = {
    "gantt": "periods",
    "timeline": "moments",
    "dispute": "what each source says",
    "drift": "sources over time",
}
SLIDE = (1920, 1080)
MIN_PX, MAX_PX = 320, 7680  # a phone's width up to an 8K screen
MAX_SCALE = 4.0
CHART_KEYS = ("view", "width", "height", "scale")  # a chart's own URL parameters, on top of filters.KNOWN_KEYS


class ChartError(ValueError):
    """A parameter the chart cannot use; the message says what to do instead."""


@dataclass(frozen=True)
class Chart:
    """What one chart shows, as data: its kind, the filters, the events and the selection."""

    kind: str  # gantt, timeline, dispute or drift (the URL's view=)
    state: FilterState
    notices: tuple[str, ...]
    shown: pd.DataFrame  # the filtered events (periods and moments; the figure draws the ones its kind draws)
    selected: dict | None  # the resolved event named by `event`, if any
    citations: list  # the selected event's trusted citations (what the dispute chart draws)
    x_range: tuple[float, float]
    vocab: object = field(repr=False)
    title: str = ""  # plain text; escaped wherever it lands
    caption: str = ""  # the filters in words (filters.describe)
    drift: drift_mod.Drift | None = None  # what the drift chart draws (its kind only)

    @property
    def drawn(self) -> pd.DataFrame:
        """The events this chart draws: periods (gantt), moments (timeline), the one event (dispute),
        or the events with a claim on the chart (drift)."""
        if self.kind == "dispute":
            return self.shown.iloc[0:0] if self.selected is None else pd.DataFrame([self.selected])
        if self.kind == "drift":
            return self.shown[self.shown["id"].isin(set(self.drift.points["event"]) if self.drift else set())]
        is_point = self.shown["is_point"].to_numpy(dtype=bool)
        return self.shown[~is_point] if self.kind == "gantt" else self.shown[is_point]

    @property
    def slug(self) -> str:
        """An ASCII file name stem built from validated ids only: 'bajor-timeline-dispute-dukat-prefecture'."""
        stem = f"bajor-timeline-{self.kind}" + (f"-{self.selected['id']}" if self.selected else "")
        return words.slug(stem, "bajor-timeline", limit=120)

    def figure(self, plot_px: float, palette: Palette = LIGHT) -> dict:
        """The app's figure (a plain figure dict) for this chart, laid out for a plot `plot_px` wide,
        in `palette`'s colours."""
        return figure_for(self, plot_px, palette)


# ---------------------------------------------------------------------------------------------
# Parameters


def split_query(query: str | dict | None) -> tuple[dict[str, str], dict[str, str]]:
    """(chart parameters, filter parameters) from a query string or mapping; last value wins."""
    if isinstance(query, str) or query is None:
        params = {k: v[-1] for k, v in parse_qs((query or "").lstrip("?"), keep_blank_values=True).items()}
    else:
        params = {k: (v[-1] if isinstance(v, list) else str(v)) for k, v in query.items()}
    chart = {k: params.pop(k) for k in CHART_KEYS if k in params}
    return chart, params


def check_kind(kind: str | None) -> str:
    """A chart kind (the URL's view=), 'gantt' when none is given; else a ChartError naming the kinds."""
    kind = (kind or "gantt").strip()
    if kind not in KINDS:
        raise ChartError(
            f"unknown view {kind!r}: use one of {', '.join(KINDS)} "
            "(gantt: periods as bars; timeline: moments; dispute: one event's sources, needs an event; "
            "drift: sources over time, each claim at its work's release year)"
        )
    return kind


def check_size(width, height, scale=1.0) -> tuple[int, int, float]:
    """Whole pixels within [MIN_PX, MAX_PX] and a scale in (0, MAX_SCALE]; else a ChartError saying so."""
    out = []
    for name, value in (("width", width), ("height", height)):
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = math.nan
        if not (math.isfinite(number) and number == int(number) and MIN_PX <= number <= MAX_PX):
            raise ChartError(
                f"bad {name} {value!r}: give a whole number of pixels from {MIN_PX} to {MAX_PX} "
                f"(a slide is {SLIDE[0]}x{SLIDE[1]})"
            )
        out.append(int(number))
    try:
        s = float(scale)
    except (TypeError, ValueError):
        s = math.nan
    if not (math.isfinite(s) and 0 < s <= MAX_SCALE):
        raise ChartError(
            f"bad scale {scale!r}: give a number above 0 and at most {MAX_SCALE:g} "
            "(2 doubles the pixels of a PNG, for a sharp slide on a 4K screen)"
        )
    if out[0] * s > MAX_PX * 2 or out[1] * s > MAX_PX * 2:
        raise ChartError(f"width x scale and height x scale must stay within {MAX_PX * 2} pixels; lower the scale")
    return out[0], out[1], s


def _unknown_event(event: str, cat: Catalogue) -> ChartError:
    close = difflib.get_close_matches(event, list(cat.vocab.events), n=3, cutoff=0.5)
    hint = f" Did you mean {', '.join(close)}?" if close else " The ids are in the id column of events.csv."
    return ChartError(f"unknown event id {event!r}.{hint}")


# ---------------------------------------------------------------------------------------------
# The chart


def figure_for(chart: Chart, plot_px: float, palette: Palette = LIGHT) -> dict:
    """The app's figure for a chart: the ONE place exports call dashboard.figures."""
    if chart.kind == "dispute":
        return uncertainty(chart.selected, chart.citations, width_px=plot_px, palette=palette)
    if chart.kind == "drift":
        d = chart.drift
        return drift(
            d.points,
            x_range=d.x_range,
            y_range=d.y_range,
            asof=d.asof,
            selected=d.selected if chart.selected is not None else None,
            plot_px=plot_px,
            palette=palette,
        )
    draw = gantt if chart.kind == "gantt" else timeline
    return draw(
        chart.shown,
        chart.vocab,
        lanes=chart.state.lanes,
        selected=chart.state.event,
        x_range=chart.x_range,
        plot_px=plot_px,
        palette=palette,
    )


def drawn_count(shown: pd.DataFrame, kind: str) -> int:
    """How many of the shown events a gantt (periods) or timeline (moments) draws."""
    points = int(shown["is_point"].to_numpy(dtype=bool).sum())
    return len(shown) - points if kind == "gantt" else points


def build(cat: Catalogue, query: str | dict | None = "", *, kind: str | None = None, event: str | None = None) -> Chart:
    """The chart a query asks for (through view_mod.build_view, as the page). `kind` (the query's
    view=) and `event` given here win over the query's.

    Raises ChartError for an unknown kind, a dispute view with no event, or an event id the data
    lacks; filter notices (unknown or malformed filter values) are returned in Chart.notices.
    """
    chart_params, filter_params = split_query(query)
    kind = check_kind(kind if kind is not None else chart_params.get("view"))
    if event is not None:
        filter_params["event"] = event
    wanted = (filter_params.get("event") or "").strip()
    if wanted and wanted not in cat.vocab.events:
        raise _unknown_event(wanted, cat)
    if kind == "dispute" and not wanted:
        example = next(iter(cat.vocab.events), "EVENT-ID")
        raise ChartError(
            "the dispute view shows one event's sources: name the event with event=ID in the query "
            f"(--event ID on the command line), e.g. event={example}"
        )
    v = view_mod.build_view(cat, urlencode(filter_params))
    state, selected = v.state, v.selected
    if kind == "dispute" and selected is None:
        raise ChartError(
            f"no trusted source mentions event {state.event!r} with the tiers chosen "
            f"({', '.join(state.tiers) or 'none'}): trust more tiers (canon=...) or pick another event"
        )
    citations = cat.citations(selected["id"], state.tiers, state.asof, state.universe) if selected is not None else []
    drifted = drift_mod.build(cat, state, v.shown["id"]) if kind == "drift" else None
    if kind == "dispute":
        title = f"{selected['title']}: what each source says"
        tiers = describe(FilterState(tiers=state.tiers), 0, 0, cat.vocab).split(": ", 1)[1]
        tiers = "every tier of source" if tiers == "everything" else tiers
        caption = f"{words.period(selected['start'], selected['end'])}, as each source dates it ({tiers})"
    elif drifted is not None:
        title = f"Bajor Timeline: {KIND_NAMES[kind]}"
        caption = f"{v.summary}; {drifted.in_words(undated=state.asof is None)}" + (
            f"; highlighted: {selected['title']}" if selected is not None else ""
        )
    else:
        n = drawn_count(v.shown, kind)
        noun = KIND_NAMES[kind] if n != 1 else KIND_NAMES[kind][:-1]
        title = f"Bajor Timeline: {KIND_NAMES[kind]}"
        caption = f"{v.summary}; {n} {noun} drawn" + (
            f"; highlighted: {selected['title']}" if selected is not None else ""
        )
    return Chart(
        kind,
        state,
        tuple(v.notices),
        v.shown,
        selected,
        citations,
        tuple(v.x_range),
        cat.vocab,
        title,
        caption,
        drifted,
    )


def view_query(chart: Chart) -> str:
    """The canonical query of this chart (validated values only): view=<its kind> plus to_query."""
    rest = to_query(chart.state)
    return f"view={chart.kind}" + (f"&{rest}" if rest else "")
