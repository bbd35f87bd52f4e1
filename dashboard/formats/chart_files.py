"""One entry point for every chart file: PNG and SVG (a slide, through kaleido) or standalone HTML,
and the social card (`card`).

The format names and media types are dashboard.formats.registry.CHARTS.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dashboard.formats import registry
from dashboard.formats.charts import SLIDE, Chart, ChartError
from dashboard.formats.slides import CARD_LOOK, image, slide_figure
from dashboard.formats.standalone import standalone_html

if TYPE_CHECKING:
    from dashboard.domain.loading import Tables


def render(
    chart: Chart,
    tables: Tables,
    fmt: str,
    *,
    width: int = SLIDE[0],
    height: int = SLIDE[1],
    scale: float = 1.0,
    plotlyjs_src: str = "inline",
    renderer=None,
    html_size: bool = True,
) -> bytes:
    """The chart as PNG, SVG (through `renderer`, an images.ImageRenderer) or standalone HTML bytes.

    html_size=False leaves the HTML chart at its own height and the page's width.
    """
    if fmt == "html":
        text = standalone_html(
            chart,
            tables,
            plotlyjs_src=plotlyjs_src,
            width=width if html_size else None,
            height=height if html_size else None,
        )
        return text.encode("utf-8")
    if fmt not in registry.IMAGE_FORMATS:
        raise ChartError(f"unknown format {fmt!r}: use one of {', '.join(registry.CHART_FORMATS)}")
    if renderer is None:
        raise ValueError("PNG and SVG need an images.ImageRenderer")
    slide = slide_figure(chart, tables, width, height)
    return image(slide, fmt, scale, renderer)


def card(chart: Chart, tables: Tables, renderer) -> bytes:
    """The chart as a social card (registry.CARD: a 1200x630 PNG): title, filters in words and the
    credit, in bigger words than a slide and without the key (a card is seen small)."""
    size = registry.CARD
    return image(slide_figure(chart, tables, size.width, size.height, CARD_LOOK), "png", 1.0, renderer)
