"""The explorer's ways into the classroom: the Present button, the list of tours and exercises, slide images.

The hrefs carry the current filters (the render callback sets them, see `present_href`); the image
buttons are handled in the browser by assets/explorer.js (Plotly.downloadImage on a titled copy).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.web.components import ids

if TYPE_CHECKING:
    from dashboard.domain.vocabulary import Vocabulary

# (label, format, scale): a 1920x1080 slide, the same at twice the pixels, and a vector file.
SLIDE_IMAGES = (("PNG, 1920\u00d71080", "png", 1), ("PNG, 3840\u00d72160 (2x)", "png", 2), ("SVG", "svg", 1))


def present_button() -> dcc.Link:
    return dcc.Link(
        "Present",
        id=ids.PRESENT_LINK,
        href="present",
        className="btn btn-sm btn-dark",
        title="Step through the shown events full screen, for a projector (keys: arrows, B, F, Escape)",
    )


def tour_links(vocab: Vocabulary, prefix: str, filter_query: str) -> list:
    """One menu item per tour in tours.csv, opening it in the presentation with the current filters, and
    the two classroom exercises (/order, /judge) on the same filters."""
    extra = f"&{filter_query}" if filter_query else ""
    tours = [
        dbc.DropdownMenuItem(
            [html.Span(t.title, className="d-block"), html.Small(f"{len(t.stops)} stops", className="text-muted")],
            href=f"{prefix}present?tour={t.id}{extra}",
        )
        for t in vocab.tours.values()
    ] or [dbc.DropdownMenuItem("No tours in tours.csv", disabled=True)]
    q = f"?{filter_query}" if filter_query else ""
    return [
        *tours,
        dbc.DropdownMenuItem(divider=True),
        dbc.DropdownMenuItem("Classroom exercises (this view)", header=True),
        dbc.DropdownMenuItem("Put these events in order", href=f"{prefix}order{q}"),
        dbc.DropdownMenuItem("Which source do you trust?", href=f"{prefix}judge{q}"),
    ]


def tours_menu(vocab: Vocabulary) -> dbc.DropdownMenu:
    return dbc.DropdownMenu(
        tour_links(vocab, "", ""), id=ids.TOURS_MENU, label="Tours", size="sm", color="secondary", align_end=True
    )


def image_buttons(target: str, chart_name: str) -> list:
    """Menu buttons that download the chart in `target` (a dcc.Graph's id) as a titled slide image."""
    return [
        html.Button(
            f"{chart_name}: {label}" if chart_name else label,
            className="dropdown-item",
            type="button",
            **{"data-slide-image": target, "data-format": fmt, "data-scale": str(scale)},
        )
        for label, fmt, scale in SLIDE_IMAGES
    ]


def image_menu() -> dbc.DropdownMenu:
    """Slide images of each chart, and the printed handout."""
    return dbc.DropdownMenu(
        [
            dbc.DropdownMenuItem("Slide images (title, filters and credit drawn in)", header=True),
            *image_buttons(ids.GANTT, "Periods"),
            *image_buttons(ids.TIMELINE, "Moments"),
            *image_buttons(ids.DRIFT, "Sources over time"),
            dbc.DropdownMenuItem(divider=True),
            html.Button(
                "Print a handout (chart, events, citations)",
                className="dropdown-item",
                type="button",
                **{"data-print": "1"},
            ),
        ],
        id=ids.IMAGE_MENU,
        label="Image",
        size="sm",
        color="link",
        align_end=True,
    )
