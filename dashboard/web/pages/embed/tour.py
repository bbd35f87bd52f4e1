"""A tour in an embed (/embed?tour=overview[&step=N]): one stop at a time, the chart centred on its
event as /present draws it, the stop's dates, verdict and teacher's note, Previous and Next.

The steps are the tour's stops that the filters keep, numbered 1..n as in /present (no title or
closing step: the tour's title is the embed's caption). The step shown lives in the page (ids.EMBED_STEP),
as the selection does: an iframe must not add to the host page's history. Plain functions of the
query, the step and the measured width; dashboard/domain/presentation.py does the work.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from dash import html

from dashboard.domain import presentation
from dashboard.figures import theme
from dashboard.figures.step import around

if TYPE_CHECKING:
    from dashboard.domain.catalogue import Catalogue
    from dashboard.web.pages.embed.view import Embed


def deck(cat: Catalogue, e: Embed, step: int = 1) -> presentation.Deck | None:
    """The tour's deck at `step` (clamped to its stops), or None when this is no tour embed or the
    filters leave none of its stops."""
    if e.tour is None:
        return None
    d = presentation.build_deck(cat, e.explorer_query)
    if not d.stops:
        return None
    return dataclasses.replace(d, step=min(max(int(step), 1), len(d.stops)))


def first_step(e: Embed, count: int) -> tuple[int, str | None]:
    """The step a tour embed opens at (its `step=`, else 1), and a notice for a value it cannot use."""
    raw = (e.step or "").strip()
    if not raw:
        return 1, None
    if raw.isdigit() and 1 <= int(raw) <= count:
        return int(raw), None
    return 1, f"Ignored 'step={raw[:20]}': the tour's steps run from 1 to {count}."


def figure(cat: Catalogue, d: presentation.Deck, width, palette) -> dict:
    """The step's chart: its event among its neighbours, centred, as /present draws it."""
    s = presentation.event_step(cat, d)
    return around(s, cat.vocab, d.view.state.lanes, theme.plot_width(width), palette=palette)


def panel(cat: Catalogue, d: presentation.Deck) -> list:
    """The step in words: where we are, the event, its dates and verdict, the teacher's note."""
    s = presentation.event_step(cat, d)
    n = len(d.stops)
    return [
        html.H2(
            [html.Span(f"Step {d.step} of {n}", className="embed-tour-count"), f" {s.event['title']}"],
            className="h6 mb-1",
            id="embed-tour-title",
        ),
        html.P(s.verdict, className="small fw-semibold mb-1" + (" disputed" if s.event["disputed"] else "")),
        html.P(s.ranges + ".", className="small mb-1"),
        html.P([html.Strong("Teacher's note: "), s.note], className="small mb-0 embed-tour-note") if s.note else None,
    ]


def description(cat: Catalogue, d: presentation.Deck) -> str:
    """The step's chart in words, for screen readers."""
    s = presentation.event_step(cat, d)
    return f"Step {d.step} of {len(d.stops)} of {d.title}: {s.event['title']}, among {len(s.nearby)} nearby events. {s.verdict}"
