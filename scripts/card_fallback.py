"""Draw assets/card-fallback.png: the social card served when a view's own card cannot be drawn in
time (dashboard/web/cards.py). A static file, drawn once here (kaleido and Debian's chromium), so the
app never draws to answer with it. Run again when the credit's wikis change.

Usage: .venv/bin/python scripts/card_fallback.py [OUT.png]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script: the repository's packages

from dashboard.domain import credits, loading
from dashboard.figures import theme
from dashboard.figures.measure import wrap
from dashboard.formats import images, registry

ROOT = Path(__file__).resolve().parent.parent


def figure(credit: str) -> dict:
    """Title, a line of what the app is, a few faint bars (a Gantt chart's look) and the credit."""
    w, h = registry.CARD.width, registry.CARD.height
    bars = [(0.05, 0.55, 0.60), (0.20, 0.80, 0.52), (0.12, 0.40, 0.44), (0.35, 0.95, 0.36), (0.50, 0.70, 0.28)]
    shapes = [
        {
            "type": "rect",
            "xref": "paper",
            "yref": "paper",
            "x0": a,
            "x1": b,
            "y0": y,
            "y1": y + 0.045,
            "line": {"width": 0},
            "fillcolor": colour,
            "opacity": 0.55,
        }
        for (a, b, y), colour in zip(bars, ["#1f77b4", "#e07b39", "#2a9d8f", "#9b5de5", "#1f77b4"])
    ]
    text = [
        (0.98, "<b>Bajor Timeline</b>", 64, theme.INK),
        (0.84, "A cited timeline of the Cardassian Occupation of Bajor", 32, theme.MUTED),
        (0.22, "Open the link for this view: every source, its dates and why they differ.", 26, theme.INK),
        (0.12, "<br>".join(wrap(credit, w - 110, 20)), 20, theme.MUTED),
    ]
    annotations = [
        {
            "text": t,
            "x": 0.0,
            "y": y,
            "xref": "paper",
            "yref": "paper",
            "xanchor": "left",
            "yanchor": "top",
            "showarrow": False,
            "font": {"size": size, "color": colour, "family": theme.FONT},
            "align": "left",
        }
        for y, t, size, colour in text
    ]
    return {
        "data": [],
        "layout": {
            "width": w,
            "height": h,
            "margin": {"l": 48, "r": 48, "t": 24, "b": 24},
            "paper_bgcolor": "#ffffff",
            "plot_bgcolor": "#ffffff",
            "xaxis": {"visible": False},
            "yaxis": {"visible": False},
            "shapes": shapes,
            "annotations": annotations,
        },
    }


def main(out: Path) -> None:
    tables = loading.load(ROOT / "data")
    credit = credits.image_credit(credits.attribution(tables)) + "."
    with images.ImageRenderer() as renderer:
        data = renderer.render(figure(credit), "png", registry.CARD.width, registry.CARD.height, 1.0)
    out.write_bytes(data)
    print(f"wrote {out} ({len(data):,} bytes)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "assets" / "card-fallback.png")
