"""The dark look (for /embed?theme=dark): the builders draw with palette.DARK, and every text and
mark keeps its contrast on the dark background."""

from __future__ import annotations

import json
import re
from pathlib import Path

import plotly.io as pio
import pytest

from dashboard import figures
from dashboard.domain import view
from dashboard.figures import density
from dashboard.figures.palette import DARK, LIGHT

ROOT = Path(__file__).resolve().parents[2]


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


def spec(fig) -> dict:
    return json.loads(pio.to_json(fig))


def builds(real):
    v = view.build_view(real, "")
    event = v.shown[v.shown["id"] == "dukat-prefecture"].iloc[0].to_dict()
    moment = v.shown[v.shown["is_point"]].iloc[0].to_dict()
    return {
        "gantt": lambda **kw: figures.gantt(v.shown, real.vocab, plot_px=700, **kw),
        "gantt-selected": lambda **kw: figures.gantt(
            v.shown, real.vocab, plot_px=330, selected="dukat-prefecture", **kw
        ),
        "gantt-empty": lambda **kw: figures.gantt(v.shown.iloc[:0], real.vocab, **kw),
        "timeline": lambda **kw: figures.timeline(v.shown, real.vocab, plot_px=700, lanes="era", **kw),
        "uncertainty": lambda **kw: figures.uncertainty(event, real.citations("dukat-prefecture", v.state.tiers), **kw),
        "uncertainty-moment": lambda **kw: figures.uncertainty(
            moment, real.citations(moment["id"], v.state.tiers), **kw
        ),
        "uncertainty-empty": lambda **kw: figures.uncertainty(moment, [], **kw),
    }


@pytest.fixture(scope="module")
def drawn(real):
    return {name: spec(build(palette=DARK)) for name, build in builds(real).items()}


@pytest.mark.parametrize("name", ["gantt", "gantt-selected", "timeline", "uncertainty", "uncertainty-empty"])
def test_text_has_4_5_to_1_on_the_dark_background(drawn, name):
    fig = drawn[name]
    assert fig["layout"]["paper_bgcolor"] == fig["layout"]["plot_bgcolor"] == DARK.background
    colours = {c for c in text_colours(fig) if isinstance(c, str) and c.startswith("#")}
    assert colours, "no text colour found"
    low = {c: round(contrast(c, DARK.background), 2) for c in colours if contrast(c, DARK.background) < 4.5}
    assert low == {}
    # Markup in hover and labels uses the dark palette's greys, never the light page's.
    assert LIGHT.muted not in json.dumps(fig["data"]) and LIGHT.muted not in json.dumps(
        fig["layout"].get("annotations")
    )
    assert DARK.muted in json.dumps(fig)


def test_faction_colours_and_tier_marks_stand_out_as_marks(drawn):
    fig = drawn["gantt"]
    agreed = next(t for t in fig["data"] if t.get("meta") == "agreed")
    tiers = next(t for t in fig["data"] if t.get("name") == "tier")
    for c in set(agreed["marker"]["color"]) | set(tiers["marker"]["color"]):
        assert contrast(c, DARK.background) >= 3, c
    for c in DARK.factions + (DARK.overflow,) + tuple(c for _, c in DARK.tiers):
        assert contrast(c, DARK.background) >= 3, c


def test_the_dark_background_is_the_embed_pages():
    css = (ROOT / "assets" / "embed.css").read_text(encoding="utf-8")
    assert re.search(r"data-bs-theme=dark\][^}]*--bs-body-bg:\s*" + DARK.background, css)


# The colour remap the dark palette replaced (a walk over the light figure, swapping its colours),
# kept here as the reference: the dark figures must look exactly as they did.
_REMAP = {
    LIGHT.ink: DARK.ink,
    LIGHT.muted: DARK.muted,
    "#000": "#e6edf3",
    "#000000": "#f0f0f0",
    "#1d1d1f": "#f0f0f0",
    "#5b4a8b": "#c3b5f0",
    "#7a5c12": "#e0b341",
    "#6e6e6e": "#b8b8b8",
    "#e3e3e3": "#3a4048",
    "#c9c9c9": "#50575f",
    "#6e7781": "#9aa4ae",
    "#b0b0b0": "#6c737a",
    "rgba(255,255,255,0.85)": "rgba(22,25,28,0.88)",
    "rgba(0,0,0,0.55)": "rgba(255,255,255,0.6)",
    "#8c959f": "#7d8590",
    "white": "#16191c",
    "#dbe9f6": "#1d2f44",
    "#6baed6": "#4f93c9",
    "#08306b": "#d8ebfb",
}


def _old_remap(value, key=""):
    swap = lambda c: _REMAP.get(c.strip().lower().replace(" ", ""), c)  # noqa: E731
    if isinstance(value, dict):
        return {k: _old_remap(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_old_remap(v, key) for v in value]
    if isinstance(value, str) and "color" in key:
        return swap(value)
    if isinstance(value, str) and "color:" in value:
        return re.sub(r"color:\s*(#[0-9a-fA-F]{3,6})", lambda m: "color:" + swap(m.group(1)), value)
    return value


def old_dark(light: dict) -> dict:
    out = _old_remap(light)
    layout = out["layout"]
    layout["paper_bgcolor"] = layout["plot_bgcolor"] = "#16191c"
    for axis in [k for k in layout if k.startswith(("xaxis", "yaxis"))]:
        layout[axis] = {"gridcolor": "#3a4048", "linecolor": "#3a4048", "tickcolor": "#3a4048", **layout[axis]}
    for shape in layout.get("shapes", []):
        if shape.get("type") == "rect" and shape.get("layer") == "below" and shape.get("yref") == "paper":
            shape["opacity"] = min(shape.get("opacity", 1), 0.09)
    hover = layout.get("hoverlabel", {})
    font = {**hover.get("font", {}), "color": "#e6edf3"}
    layout["hoverlabel"] = {**hover, "bgcolor": "#262b31", "bordercolor": "#e6edf3", "font": font}
    layout["meta"] = {**layout["meta"], "theme": "dark"}
    return out


def test_the_dark_figures_are_the_light_ones_recoloured_as_before(real, drawn):
    for name, build in builds(real).items():
        light = spec(build())
        assert "theme" not in light["layout"]["meta"]
        assert drawn[name] == old_dark(light), name
        assert drawn[name]["layout"]["meta"]["theme"] == "dark"


def test_the_dark_density_view_is_recoloured_as_before(real, monkeypatch):
    monkeypatch.setattr(density, "MAX_MARKS", 10)
    df = view.build_view(real, "").shown
    for build in (figures.gantt, figures.timeline):
        dark = spec(build(df, real.vocab, palette=DARK))
        assert dark["data"][0]["type"] == "heatmap"
        assert dark == old_dark(spec(build(df, real.vocab)))


# theme=auto (/embed?theme=auto) draws with LIGHT or DARK as the reader's scheme says: both keep
# their guarantees, and the page behind an auto embed is the dark palette's before any script runs.


@pytest.fixture(scope="module")
def drawn_light(real):
    return {name: spec(build(palette=LIGHT)) for name, build in builds(real).items()}


@pytest.mark.parametrize("name", ["gantt", "gantt-selected", "timeline", "uncertainty", "uncertainty-empty"])
def test_text_has_4_5_to_1_on_the_light_background_too(drawn_light, name):
    fig = drawn_light[name]
    background = "#ffffff" if LIGHT.background == "white" else LIGHT.background
    colours = {c for c in text_colours(fig) if isinstance(c, str) and c.startswith("#")}
    assert colours, "no text colour found"
    low = {c: round(contrast(c, background), 2) for c in colours if contrast(c, background) < 4.5}
    assert low == {}


def test_light_marks_are_outlined_and_secondary_text_is_readable_on_the_light_background():
    """Okabe-Ito's light colours (yellow, orange, sky blue) fall below 3:1 on white: on the light page
    the solid bars carry LIGHT.outline, which does keep 3:1 (black at 55% over white is #737373)."""
    alpha = float(LIGHT.outline.rsplit(",", 1)[1].rstrip(")"))
    grey = round(255 * (1 - alpha))
    assert contrast(f"#{grey:02x}{grey:02x}{grey:02x}", "#ffffff") >= 3
    assert contrast(LIGHT.ink, "#ffffff") >= 4.5 and contrast(LIGHT.muted, "#ffffff") >= 4.5
    for _, c in LIGHT.tiers:
        assert contrast(c, "#ffffff") >= 3, c


def test_an_auto_embed_before_its_script_has_the_dark_palettes_background():
    css = (ROOT / "assets" / "embed.css").read_text(encoding="utf-8")
    block = css.split("@media (prefers-color-scheme: dark)", 1)[1].split("\n}", 1)[0]
    assert "html.embed-auto:not([data-bs-theme])" in block and f"background: {DARK.background}" in block
    assert "color-scheme: dark" in block
    assert contrast("#dee2e6", DARK.background) >= 4.5  # Bootstrap's dark body text, on it
