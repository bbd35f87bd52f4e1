"""The dispute chart for one event: what each source says, under Start and End headings.

One row per dated claim, named "Work · Wiki" (the same work can be read differently on two wikis);
its mark spans the years that claim allows, coloured by the claim's tier (colours no faction uses)
and shaped by it; the range all trusted claims span is shaded and the best estimate is a dashed line
(where the sources split a side into readings that do not overlap, each reading is shaded with its
own dashed line, and the gap between them stays empty). A derived claim's hover says its chain.
"""

from __future__ import annotations

import math

from dashboard.domain import words
from dashboard.domain.schema import TIERS
from dashboard.figures import measure, theme
from dashboard.figures.palette import LIGHT, Palette

ROW_PX = 40  # a claim's name on one line, its bar below


def claim_label(c: dict) -> str:
    """'Waltz · Memory Beta': the work, then the wiki it was read on."""
    wiki = (c.get("page") or "").split(":")[0].strip()
    return f"{c['source']} · {wiki}" if wiki else c["source"]


def _side_range(event: dict, side: str, ivs) -> tuple[float, float]:
    finite = [v for iv in ivs if iv for v in (iv.earliest, iv.latest) if math.isfinite(v)]
    for key in (f"{side}_earliest", f"{side}_latest", f"best_{side}"):
        v = event.get(key)
        if v is not None and v == v and math.isfinite(v):
            finite.append(v)
    if not finite:
        return 2300.0, 2420.0
    lo, hi = math.floor(min(finite)), math.ceil(max(finite))
    pad = max(2, round((hi - lo) * 0.08))
    return lo - pad, hi + pad


def uncertainty(event: dict, citations: list[dict], *, width_px: float = 340, palette: Palette = LIGHT) -> dict:
    """Start and End panels, one above the other (one 'Date' panel for a moment), a row per dated
    claim with its name above its bar, so the chart uses the whole width of a narrow panel.

    The panels are laid out by hand (axes, shapes and headings set once): make_subplots and
    add_vrect re-validate the whole layout on every call and cost most of a selection's time."""
    dated = [c for c in citations if c.get("start_iv") is not None or c.get("end_iv") is not None]
    sides = ["start"] if event["is_point"] else ["start", "end"]
    titles = ["Date" if event["is_point"] else "Start", "End"][: len(sides)]
    per_side = [[c for c in dated if c.get(f"{side}_iv") is not None] for side in sides]
    heights = [max(len(cs), 1) for cs in per_side]
    height = 40 + ROW_PX * sum(heights) + 60 * len(sides)
    gap = 62 / height
    usable = 1 - gap * (len(sides) - 1)
    tops, top = [], 1.0
    for h in heights:  # each panel's [bottom, top] on the paper, in order down the page
        share = usable * h / sum(heights)
        tops.append((max(round(top - share, 6), 0.0), min(round(top, 6), 1.0)))
        top -= share + gap
    data, shapes, notes, layout = [], [], [], {}
    for row, (side, cites, (bottom, top)) in enumerate(zip(sides, per_side, tops), start=1):
        xa, ya = ("x", "y") if row == 1 else (f"x{row}", f"y{row}")
        lo, hi = _side_range(event, side, [c[f"{side}_iv"] for c in cites])
        data += _claims(cites, side, (lo, hi), (xa, ya), width_px, palette)
        shapes += _spans(event, side, (lo, hi), (xa, ya), palette)
        notes.append(
            {
                "text": f"<b>{titles[row - 1]}</b>",
                "x": 0,
                "xanchor": "left",
                "xref": "paper",
                "y": top,
                "yref": "paper",
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": 13, "color": palette.ink},
            }
        )
        layout.update(_axes(row, (xa, ya), (lo, hi), (bottom, top), len(cites), palette))
    # The page leaves the hover box to Plotly (a bar's own colour); a palette that sets its ink sets the box.
    box = {"bgcolor": palette.hover_bg, "bordercolor": palette.hover_border, "font": {"color": palette.hover_ink}}
    hover = {} if palette.hover_ink is None else {"hoverlabel": box}
    if not dated:
        notes.append(theme.empty_note("No trusted source gives a date.", palette=palette))
    return theme.figure(
        data,
        dict(
            paper_bgcolor=palette.background,
            plot_bgcolor=palette.background,
            font={"family": theme.FONT, "size": 12, "color": palette.ink},
            height=height,
            margin={"l": 4, "r": 10, "t": 26, "b": 24},
            showlegend=False,
            barmode="overlay",
            hovermode="closest",
            uirevision=event["id"],
            shapes=shapes,
            annotations=notes,
            meta={"role": "uncertainty", "event": event["id"], "claims": len(dated)},
            **hover,
            **layout,
        ),
        palette,
    )


def _claims(cites: list[dict], side: str, x_range, axes, width_px: float, palette: Palette) -> list[dict]:
    """A panel's claims: a bar per claim over the years it allows, its name and words above it."""
    lo, hi = x_range
    xa, ya = axes
    ivs = [c[f"{side}_iv"] for c in cites]
    ys = list(range(len(cites)))
    base = [min(max(iv.earliest, lo), hi) for iv in ivs]
    length = [max(min(max(iv.latest, lo), hi) - b, (hi - lo) / 150) for b, iv in zip(base, ivs)]
    said = [words.edtf(iv.label) for iv in ivs]
    hover = [
        f"<b>{theme.safe(c['source'])}</b> ({theme.tier_label(c['tier'])}, via {theme.safe(c['page'])})"
        f"<br>{theme.safe(w)} <span style='color:{palette.muted}'>({theme.safe(iv.label)})</span>"
        + (f"<br>counted: {theme.safe(c['via'])}" if c.get("via") else "")
        for c, iv, w in zip(cites, ivs, said)
    ]
    colours = [palette.tier(c["tier"]) for c in cites]
    bar = dict(
        type="bar",
        base=base,
        x=length,
        y=[y + 0.2 for y in ys],
        orientation="h",
        width=0.3,
        name=side,
        xaxis=xa,
        yaxis=ya,
        marker={"color": colours, "opacity": 0.9, "line": {"width": 0}},
        hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>",
    )
    names = dict(
        type="scatter",
        x=[lo] * len(cites),
        y=[y - 0.22 for y in ys],
        mode="text",
        textposition="middle right",
        xaxis=xa,
        yaxis=ya,
        text=[
            f"{theme.TIER_GLYPH[c['tier']]} "
            f"{theme.safe(measure.fit(claim_label(c), width_px - 40 - measure.width(w, 12), size=12))}"
            f"  <span style='color:{palette.muted}'>{theme.safe(w)}</span>"
            for c, w in zip(cites, said)
        ],
        textfont={"size": 12, "color": colours},
        hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>",
        cliponaxis=False,
    )
    return [bar, names]


def _spans(event: dict, side: str, x_range, axes, palette: Palette) -> list[dict]:
    """A panel's shading over the range all trusted claims span, and the best estimate's dashed line;
    where the sources split the side into readings that do not overlap, a shading and a dashed line
    per reading, the gap between them left empty."""
    lo, hi = x_range
    xa, ya = axes
    split = event.get(f"{side}_readings") or ()
    if split:
        spans = [(r.earliest, r.latest) for r in split]
        bests = [r.best for r in split]
    else:
        spans = [(event.get(f"{side}_earliest"), event.get(f"{side}_latest"))]
        bests = [event.get(f"best_{side}")]
    shapes = []
    for env_lo, env_hi in spans:
        env_lo = lo if env_lo is None or env_lo != env_lo or not math.isfinite(env_lo) else env_lo
        env_hi = hi if env_hi is None or env_hi != env_hi or not math.isfinite(env_hi) else env_hi
        shapes.append(
            {
                "type": "rect",
                "xref": xa,
                "yref": f"{ya} domain",
                "x0": env_lo,
                "x1": env_hi,
                "y0": 0,
                "y1": 1,
                "fillcolor": palette.axis,
                "opacity": 0.16,
                "layer": "below",
                "line": {"width": 0},
                "name": "reading" if split else "range",
            }
        )
    for best in bests:
        if best is not None and best == best and math.isfinite(best):
            shapes.append(
                {
                    "type": "line",
                    "xref": xa,
                    "yref": f"{ya} domain",
                    "x0": best,
                    "x1": best,
                    "y0": 0,
                    "y1": 1,
                    "line": {"color": palette.strong, "dash": "dash", "width": 2},
                }
            )
    return shapes


def _axes(row: int, axes, x_range, domain, claims: int, palette: Palette) -> dict:
    """A panel's x axis (years) and y axis (a row per claim), named for the panel's row."""
    xa, ya = axes
    n = row if row > 1 else ""
    return {
        f"xaxis{n}": {
            **theme.plain_axis(palette),
            "domain": [0, 1],
            "anchor": ya,
            "range": list(x_range),
            "tickformat": "d",
            "nticks": 6,
            "showgrid": True,
            "gridcolor": palette.grid,
            "fixedrange": True,
            "linecolor": palette.axis,
            "showline": True,
            "ticks": "outside",
        },
        f"yaxis{n}": {
            **theme.plain_axis(palette),
            "domain": list(domain),
            "anchor": xa,
            "range": [claims - 0.5, -0.7],
            "showticklabels": False,
            "showgrid": False,
            "zeroline": False,
            "fixedrange": True,
        },
    }


TIER_ORDER = TIERS
