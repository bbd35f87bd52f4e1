"""The page footer: the credit to the wikis the facts were read from, with their licences."""

from __future__ import annotations

from dash import html


def build_footer(pages: list[dict]) -> html.Footer:
    """Credit to the wikis the facts were read from, with their licences."""
    items = []
    for p in pages:
        title = html.A(p["title"], href=p["url"], rel="noopener noreferrer") if p.get("url") else p["title"]
        licence = (
            html.A(p["licence"], href=p["licence_url"], rel="license noopener noreferrer")
            if p.get("licence_url")
            else p["licence"]
        )
        items.append(html.Li([f"{p['wiki']}: \u201c", title, "\u201d (", licence, ")"]))
    return html.Footer(
        [
            html.P(
                "Bajor Timeline is a fan project. Every date and summary is our paraphrase of these wiki pages; "
                "the works they cite belong to their owners.",
                className="small mb-1",
            ),
            html.Ul(items, className="small mb-0 attribution"),
        ],
        className="border-top mt-3 pt-3 pb-4 text-muted",
        id="attribution",
    )
