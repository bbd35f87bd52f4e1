"""The dark look (for /embed?theme=dark): every text and mark keeps its contrast on the dark background."""

from __future__ import annotations

import json

import plotly.io as pio
import pytest

from dashboard import figures
from dashboard.domain import view
from dashboard.figures import dark, theme


def luminance(colour: str) -> float:
    c = colour.lstrip("#")
    if len(c) == 3:
        c = "".join(x * 2 for x in c)
    rgb = [int(c[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_colours(node, inside_text=False):
    """Every colour given to text: font/textfont colours (scalars or arrays). The labels of events
    dimmed by a selection ('unselected') are faint on purpose, as on the light page."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "unselected":
                continue
            if k in ("font", "textfont", "tickfont") and isinstance(v, dict) and "color" in v:
                yield from (v["color"] if isinstance(v["color"], list) else [v["color"]])
            yield from text_colours(v)
    elif isinstance(node, list):
        for v in node:
            yield from text_colours(v)


@pytest.fixture(scope="module")
def drawn(real):
    v = view.build_view(real, "")
    event = v.shown[v.shown["id"] == "dukat-prefecture"].iloc[0].to_dict()
    return {
        "gantt": figures.gantt(v.shown, real.vocab, plot_px=700),
        "timeline": figures.timeline(v.shown, real.vocab, plot_px=700),
        "uncertainty": figures.uncertainty(event, real.citations("dukat-prefecture", v.state.tiers)),
    }


@pytest.mark.parametrize("name", ["gantt", "timeline", "uncertainty"])
def test_text_has_4_5_to_1_on_the_dark_background(drawn, name):
    fig = json.loads(pio.to_json(dark.dark(drawn[name])))
    assert fig["layout"]["paper_bgcolor"] == fig["layout"]["plot_bgcolor"] == dark.BACKGROUND
    colours = {c for c in text_colours(fig) if isinstance(c, str) and c.startswith("#")}
    assert colours, "no text colour found"
    low = {c: round(contrast(c, dark.BACKGROUND), 2) for c in colours if contrast(c, dark.BACKGROUND) < 4.5}
    assert low == {}
    # Markup in hover and labels had its light-page greys swapped too.
    assert theme.MUTED not in json.dumps(fig["data"]) and theme.MUTED not in json.dumps(
        fig["layout"].get("annotations")
    )


def test_faction_colours_and_tier_marks_stand_out_as_marks(drawn):
    fig = dark.dark(drawn["gantt"])
    agreed = next(t for t in fig["data"] if t.get("meta") == "agreed")
    tiers = next(t for t in fig["data"] if t.get("name") == "tier")
    for c in set(agreed["marker"]["color"]) | set(tiers["marker"]["color"]):
        assert contrast(c, dark.BACKGROUND) >= 3, c


def test_dark_is_a_copy_and_keeps_the_data(drawn):
    fig = drawn["timeline"]
    before = fig.to_json()
    out = dark.dark(fig)
    assert fig.to_json() == before
    assert [t.get("meta") for t in out["data"]] == [t.meta for t in fig.data]
    assert list(out["data"][0]["customdata"]) == list(fig.data[0].customdata)
    assert out["layout"]["meta"]["theme"] == "dark" and out["layout"]["meta"]["role"] == "timeline"
