"""How to read the charts: one line per cue (the charts themselves carry no legend)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dash import html

from dashboard.domain.factions import top_factions
from dashboard.domain.schema import TIER_LABELS, TIERS
from dashboard.figures import theme

if TYPE_CHECKING:
    from dashboard.domain.vocabulary import Vocabulary


def _item(swatch, text: str) -> html.Li:
    return html.Li([swatch, " ", text], className="key-item")


def build_key(vocab: Vocabulary) -> html.Details:
    colour = theme.colours(top_factions(vocab))
    return html.Details(
        [
            html.Summary("How to read the charts", className="small fw-semibold"),
            html.Ul(
                [
                    _item(
                        html.Span(className="sw sw-agreed"),
                        "solid bar: the years every trusted source agrees the period covers",
                    ),
                    _item(
                        html.Span(className="sw sw-range"),
                        "faded bar: where a start or an end may lie (no solid part: known only as \u201cbetween A and B\u201d)",
                    ),
                    _item(
                        html.Span(className="sw sw-outline"),
                        "thin outline, empty inside: the years between two readings that do not overlap "
                        "(“2346 or 2359”: each reading has its own faded span and tick; no source puts it between)",
                    ),
                    _item(
                        html.Span(className="sw sw-best"),
                        "dark tick: best estimate of a start or an end (one per reading)",
                    ),
                    _item(html.Span(className="sw sw-whisker"), "whiskers: the years a moment may fall in"),
                    _item(html.Span("\u2605", className="sw-star"), "star: the trusted sources disagree"),
                    _item(
                        html.Span(" ".join(theme.TIER_GLYPH[t] for t in TIERS), className="sw-glyphs"),
                        "shape: strongest source ("
                        + ", ".join(f"{theme.TIER_GLYPH[t]} {TIER_LABELS[t].lower()}" for t in TIERS)
                        + ")",
                    ),
                    _item(html.Span("\u25b6", className="sw-glyphs"), "arrow: runs past the edge of the chart"),
                ],
                className="list-unstyled small mb-1 key-list",
            ),
            html.Ul(
                [
                    html.Li(
                        [html.Span(className="sw", style={"background": colour[f]}), " ", vocab.factions[f]],
                        className="key-item",
                    )
                    for f in top_factions(vocab)
                ],
                className="list-unstyled small mb-0 key-list key-factions",
                **{"aria-label": "Faction colours"},
            ),
        ],
        className="chart-key mb-1",
    )
