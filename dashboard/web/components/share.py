"""The Share dialog: the link to this view, an iframe snippet, the standalone file, images and data.

Copy buttons are plain buttons with `data-copy` naming the field they copy (assets/share.js: the
Clipboard API, else the browser's copy command, else the text is left selected for Ctrl+C), and the
outcome is announced in a polite live region. The links are filled by a callback when the dialog opens
(dashboard/web/share.py builds them). The choices and labels come from dashboard/web/share_options.py
and dashboard/formats/registry.py: this layout never imports the chart-drawing code.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from dashboard.formats import registry
from dashboard.web.components import ids
from dashboard.web.share_options import DEFAULT_THEME, DOWNLOAD_CHARTS, DOWNLOAD_TABLE, MAX_ALT, THEMES, VIEWS

DOWNLOAD_IDS = {"html": ids.SHARE_HTML, "png": ids.SHARE_PNG, "svg": ids.SHARE_SVG}  # registry.CHARTS names


def share_button() -> html.Button:
    return html.Button(
        "Share",
        id=ids.SHARE_OPEN,
        n_clicks=0,
        className="btn btn-sm btn-outline-primary",
        title="Link, embed code, downloads",
        **{"aria-haspopup": "dialog", "aria-controls": ids.SHARE},
    )


def _copy_field(label: str, field_id: str, button: str, *, rows: int = 1, help_text: str | None = None) -> html.Div:
    area = (
        dbc.Textarea(
            id=field_id,
            readonly=True,
            rows=rows,
            size="sm",
            class_name="font-monospace share-field",
            spellcheck="false",
        )
        if rows > 1
        else dbc.Input(id=field_id, readonly=True, type="text", size="sm", class_name="share-field")
    )
    return html.Div(
        [
            html.Label(label, htmlFor=field_id, className="form-label fw-semibold mb-1"),
            html.Div(
                [
                    area,
                    html.Button(
                        button,
                        type="button",
                        className="btn btn-sm btn-primary text-nowrap share-copy",
                        **{"data-copy": field_id},
                    ),
                ],
                className="d-flex flex-wrap gap-2 align-items-start share-row",
            ),
            html.Div(help_text, id=f"{field_id}-help", className="form-text") if help_text else None,
        ],
        className="mb-3",
    )


def _downloads() -> html.Div:
    """The chart files (registry.CHARTS, in the dialog's order) and the data, as download links."""
    return html.Div(
        [
            *(
                html.A(
                    registry.CHARTS[name].label,
                    id=DOWNLOAD_IDS[name],
                    href="#",
                    download="",
                    className="btn btn-sm btn-outline-secondary",
                )
                for name in DOWNLOAD_CHARTS
            ),
            html.A(
                f"Data ({registry.TABLES[DOWNLOAD_TABLE].label})",
                id=ids.SHARE_CSV,
                href="#",
                download="",
                className="btn btn-sm btn-outline-secondary",
                title="The events this view shows, with their citations",
            ),
        ],
        className="d-flex flex-wrap gap-2",
        role="group",
        **{"aria-labelledby": "share-download-label"},
    )


def _progressive_field() -> html.Div:
    """The picture-first snippet (dashboard/web/share.py progressive_snippet)."""
    return _copy_field(
        "Embed for feeds and e-mail (picture first)",
        ids.SHARE_PROGRESSIVE,
        "Copy picture embed",
        rows=5,
        help_text="A picture of the chart that links to it. Where scripts run, our small script turns it "
        "into the live chart; feed readers and e-mail show the picture.",
    )


def _embed_look_and_words() -> list:
    """The embed's colours (auto: the reader's setting, by default) and the blogger's alt text,
    which becomes the iframe's title and the embed's described-by text."""
    themes = [{"label": label, "value": key} for key, label in THEMES.items()]
    colours = html.Fieldset(
        [
            html.Legend("Embed colours", className="form-label fw-semibold fs-6 mb-1"),
            dbc.RadioItems(id=ids.SHARE_THEME, options=themes, value=DEFAULT_THEME, inline=True),
        ],
        className="mb-2",
    )
    return [
        colours,
        html.Div(
            [
                html.Label("Alt text (optional)", htmlFor=ids.SHARE_ALT, className="form-label fw-semibold mb-1"),
                dbc.Input(
                    id=ids.SHARE_ALT,
                    type="text",
                    size="sm",
                    maxLength=MAX_ALT,
                    debounce=True,
                    placeholder="What the chart shows, in your words",
                ),
                html.Div(id=ids.SHARE_ALT_HELP, className="form-text"),
            ],
            className="mb-2",
        ),
    ]


def share_dialog() -> dbc.Modal:
    """Closed at first; the Share button opens it (Escape or the close button closes it)."""
    views = [{"label": label, "value": key} for key, label in VIEWS.items()]
    return dbc.Modal(
        [
            dbc.ModalHeader(dbc.ModalTitle("Share this view", id="share-title")),
            dbc.ModalBody(
                [
                    _copy_field("Link to this view", ids.SHARE_LINK, "Copy link"),
                    html.Fieldset(
                        [
                            html.Legend("Chart to embed or download", className="form-label fw-semibold fs-6 mb-1"),
                            dbc.RadioItems(id=ids.SHARE_VIEW, options=views, value="gantt", inline=True),
                            html.Div(id=ids.SHARE_VIEW_HELP, className="form-text"),
                        ],
                        className="mb-2",
                    ),
                    *_embed_look_and_words(),
                    _copy_field(
                        "Embed in a web page",
                        ids.SHARE_SNIPPET,
                        "Copy embed code",
                        rows=5,
                        help_text="Paste it into your page's HTML. The script lets the frame take the chart's "
                        "height, with no scroll bar; without it the frame keeps its first height.",
                    ),
                    html.P(
                        html.A(
                            "Preview the embed \u2197", id=ids.SHARE_PREVIEW, href="#", target="_blank", rel="noopener"
                        ),
                        className="small mb-3",
                    ),
                    _progressive_field(),
                    html.Div("Download", id="share-download-label", className="form-label fw-semibold mb-1"),
                    _downloads(),
                    html.P(
                        id=ids.SHARE_STATUS,
                        className="small mt-3 mb-0 share-status",
                        role="status",
                        **{"aria-live": "polite"},
                    ),
                ]
            ),
        ],
        id=ids.SHARE,
        is_open=False,
        size="lg",
        scrollable=True,
        labelledby="share-title",
    )
