"""The chart blocks: a graph in a labelled figure region, with space reserved while it loads."""

from __future__ import annotations

from dash import dcc, html

# No cloud upload ("Share chart"), no box or lasso select (nothing here uses a selection);
# the PNG is named after the view (assets/explorer.js sets the name and adds the title and credit).
GRAPH_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "showSendToCloud": False,
    "showEditInChartStudio": False,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "sendDataToCloud", "editInChartStudio", "autoScale2d"],
    "toImageButtonOptions": {"format": "png", "filename": "bajor-timeline", "scale": 2},
}


def chart(cid: str, label: str, min_height: int) -> html.Div:
    """A graph in a labelled figure region (the table is its text alternative)."""
    return html.Div(
        dcc.Loading(
            dcc.Graph(id=cid, config=GRAPH_CONFIG, className="chart", style={"minHeight": f"{min_height}px"}),
            type="default",
            overlay_style={"visibility": "visible", "opacity": 0.6},
            custom_spinner=html.Div("Drawing the chart\u2026", className="loading-note"),
        ),
        role="figure",
        **{"aria-label": label},
        className="chart-box",
        style={"minHeight": f"{min_height}px"},
    )
