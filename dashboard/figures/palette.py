"""Every colour the figures use, for a light page and a dark one: the builders take a `palette`.

LIGHT is the page's look. DARK is the embed's `/embed?theme=dark`: text keeps at least 4.5:1 against
its background and marks at least 3:1 (WCAG 1.4.3 and 1.4.11; tests/figures/test_dark.py measures
it). Labels dimmed by a selection stay faint on purpose, on both. Faction colours are Okabe & Ito's
colour-blind-safe set, black last (light on a dark page); tiers get neutrals no faction uses.
Era bands keep the data's colours (eras.csv) and only fade further on dark.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Palette:
    """The colours of one look. A field set to None leaves that colour to Plotly's default."""

    name: str  # "light" or "dark"; a dark figure says so in its layout's meta ("theme")
    ink: str  # text, best-estimate ticks, edge arrows, marker outlines
    muted: str  # secondary text: era names, counts, "sources give", notes
    strong: str  # the darkest ink: a dispute star's outline, the selected label, the dispute's best line
    background: str  # paper and plot
    grid: str  # year grid lines
    axis: str  # axis lines and ticks, hover borders, the dispute's shaded envelope
    plain_axis: str | None  # line, tick and grid colour of axes that set none of their own
    rule: str  # the line above a lane header
    header_bg: str  # behind a lane header's text
    outline: str  # around the solid (agreed) bars
    whisker: str  # a moment's range
    dimmed_label: str  # labels of events a selection dims
    star: str  # the dispute star
    factions: tuple[str, ...]  # in order of the vocabulary's outermost factions
    overflow: str  # factions past the palette
    tiers: tuple[tuple[str, str], ...]  # (tier, colour): colours no faction uses
    era_opacity: float
    hover_bg: str
    hover_border: str
    hover_ink: str | None  # None: Plotly picks a contrasting colour
    density: tuple[str, str, str]  # the density view's scale, sparse to dense

    def tier(self, tier: str) -> str:
        return dict(self.tiers)[tier]

    def colours(self, keys) -> dict[str, str]:
        """Faction colours for keys in the order given (stable across filters)."""
        return {k: self.factions[i] if i < len(self.factions) else self.overflow for i, k in enumerate(keys)}


_FACTIONS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442")

LIGHT = Palette(
    name="light",
    ink="#1f2328",
    muted="#57606a",
    strong="#000",
    background="white",
    grid="#e3e3e3",
    axis="#8c959f",
    plain_axis=None,
    rule="#c9c9c9",
    header_bg="rgba(255,255,255,0.85)",
    outline="rgba(0,0,0,0.55)",
    whisker="#6e7781",
    dimmed_label="#b0b0b0",
    star="#c0392b",
    factions=_FACTIONS + ("#000000",),
    overflow="#999999",
    tiers=(("canon", "#1d1d1f"), ("licensed", "#5b4a8b"), ("production", "#7a5c12"), ("fan", "#6e6e6e")),
    era_opacity=0.55,
    hover_bg="white",
    hover_border="#8c959f",
    hover_ink=None,
    density=("#dbe9f6", "#6baed6", "#08306b"),
)

# The embed's dark page (assets/embed.css): Okabe-Ito blue keeps 3:1 on it.
_DARK_INK = "#e6edf3"
_DARK_GRID = "#3a4048"
DARK = Palette(
    name="dark",
    ink=_DARK_INK,
    muted="#adb5bd",
    strong=_DARK_INK,
    background="#16191c",
    grid=_DARK_GRID,
    axis="#7d8590",
    plain_axis=_DARK_GRID,
    rule="#50575f",
    header_bg="rgba(22,25,28,0.88)",
    outline="rgba(255,255,255,0.6)",
    whisker="#9aa4ae",
    dimmed_label="#6c737a",
    star="#c0392b",
    factions=_FACTIONS + ("#f0f0f0",),
    overflow="#999999",
    tiers=(("canon", "#f0f0f0"), ("licensed", "#c3b5f0"), ("production", "#e0b341"), ("fan", "#b8b8b8")),
    era_opacity=0.09,  # the data's light era bands, barely lifted from the dark background
    hover_bg="#262b31",
    hover_border=_DARK_INK,
    hover_ink=_DARK_INK,
    density=("#1d2f44", "#4f93c9", "#d8ebfb"),  # dense is light on a dark page
)
