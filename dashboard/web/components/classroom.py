"""Blocks the classroom pages share: a QR code of an address, the page's frame, the notices, and the
printed worksheet with blanks (the /order page and the presentation's handout print it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import dash_bootstrap_components as dbc
import segno
from dash import html

from dashboard.domain.credits import printed_credit

if TYPE_CHECKING:
    from dashboard.domain.order import Card


def qr(url: str, class_name: str = "present-qr", caption_class: str = "present-url", caption: str = "") -> html.Figure:
    """A QR code of an address, drawn here as SVG (segno) and shown as an inline image, the address below it."""
    code = segno.make(url, error="m")
    src = code.svg_data_uri(border=2, omitsize=True, dark="#000", light="#fff")
    return html.Figure(
        [
            html.P(caption, className="present-qr-caption") if caption else None,
            html.Img(src=src, alt=f"QR code of {url}", className=class_name),
            html.Figcaption(url, className=caption_class),
        ],
        className="present-qr-box",
    )


def handin(url: str) -> html.Div:
    """How a student hands in an answer: the answer's link and its QR code (both pages' results)."""
    return html.Div(
        [
            html.P("Hand in this answer: the link below (or its QR code) opens this result.", className="mb-1"),
            qr(url, class_name="classroom-qr", caption_class="classroom-url"),
        ],
        className="classroom-handin",
    )


def notices(items) -> dbc.Alert | None:
    items = list(items)
    if not items:
        return None
    return dbc.Alert([html.Div(n) for n in items], color="warning", class_name="classroom-notice")


def topbar(kind: str, explorer_href: str) -> html.Header:
    return html.Header(
        [
            html.A("Bajor Timeline", href=explorer_href, className="classroom-home"),
            html.Span(f" \u00b7 Classroom \u00b7 {kind}", className="classroom-kind"),
        ],
        className="classroom-topbar screen-only",
    )


def worksheet(title: str, cards, pages) -> html.Section:
    """The ordering exercise on paper: each card's title and summary (years blanked), a box for its
    place and a line for its date, and the credit."""
    items: list[Card] = list(cards)
    return html.Section(
        [
            html.H2(f"Put these in order: {title}", className="handout-heading"),
            html.P(
                f"Number the {len(items)} events from 1 (earliest) to {len(items)} in the boxes, and write when you "
                "think each happened on its line. Some pairs have no right order: the sources leave them open.",
                className="handout-description",
            ),
            html.Ol(
                [
                    html.Li(
                        [
                            html.Span("\u00a0", className="worksheet-box", **{"aria-hidden": "true"}),
                            html.Div(
                                [
                                    html.Strong(c.title, className="handout-title"),
                                    html.P(c.summary, className="handout-summary"),
                                    html.P("When? ____________________________", className="worksheet-when"),
                                ]
                            ),
                        ],
                        className="worksheet-item",
                    )
                    for c in items
                ],
                className="worksheet-list",
            ),
            html.P(printed_credit(pages), className="handout-credit"),
        ],
        className="worksheet",
    )
