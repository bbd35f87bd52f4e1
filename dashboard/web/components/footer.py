"""The page footer: the credit to the wikis the facts were read from, with their licences."""

from __future__ import annotations

from dash import html

from dashboard.domain import credits


def build_footer(pages: list[dict]) -> html.Footer:
    """Credit to the wikis the facts were read from, with their licences (credits.page_pieces)."""
    items = [
        html.Li([html.A(text, href=url, rel=rel) if url else text for text, url, rel in credits.page_pieces(p)])
        for p in pages
    ]
    return html.Footer(
        [
            html.P(
                f"{credits.FAN_PROJECT} Every date and summary is our paraphrase of these wiki pages; "
                "the works they cite belong to their owners.",
                className="small mb-1",
            ),
            html.Ul(items, className="small mb-0 attribution"),
        ],
        className="border-top mt-3 pt-3 pb-4 text-muted",
        id="attribution",
    )
