"""The filter panel: accessible dbc form controls (real inputs with labels)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import dash_bootstrap_components as dbc
from dash import html

from dashboard.domain.filters import LANES
from dashboard.domain.schema import TIER_LABELS
from dashboard.web.components import ids

if TYPE_CHECKING:
    from dashboard.domain.vocabulary import Vocabulary


def _depth(faction: str, vocab: Vocabulary) -> int:
    depth, seen = 0, set()
    while faction in vocab.parents and faction not in seen:
        seen.add(faction)
        faction = vocab.parents[faction]
        depth += 1
    return depth


def faction_options(vocab: Vocabulary) -> list[dict]:
    """Factions in tree order, children indented under their parent."""
    children: dict[str | None, list[str]] = {}
    for f in vocab.factions:
        children.setdefault(vocab.parents.get(f), []).append(f)
    ordered: list[str] = []

    def walk(parent):
        for f in children.get(parent, []):
            ordered.append(f)
            walk(f)

    walk(None)
    return [
        {"label": html.Span(vocab.factions[f], className=f"faction-depth-{min(_depth(f, vocab), 3)}"), "value": f}
        for f in ordered
    ]


def _group(legend: str, control, help_text: str | None = None) -> html.Fieldset:
    parts = [html.Legend(legend, className="form-label fw-semibold fs-6 mb-1"), control]
    if help_text:
        parts.append(dbc.FormText(help_text))
    return html.Fieldset(parts, className="mb-3")


UNRELEASED_LISTED = 30  # titles named in the asof help; the rest are counted


def _unreleased(vocab: Vocabulary) -> list:
    """The events no asof view shows (their works have no release year), named under the control."""
    titles = list(vocab.unreleased.values())
    if not titles:
        return []
    more = len(titles) - UNRELEASED_LISTED
    listed = ", ".join(titles[:UNRELEASED_LISTED]) + (f", and {more:,} more" if more > 0 else "")
    noun = "event" if len(titles) == 1 else "events"
    return [
        " ",
        html.Details(
            [html.Summary(f"{len(titles):,} {noun} never shown here, for that reason"), listed + "."],
            className="asof-unreleased",
        ),
    ]


def _asof_help(vocab: Vocabulary):
    return dbc.FormText(
        [
            "A real-world year: only works released by then count (asof=1993). Works with no "
            "known release year are left out.",
            *_unreleased(vocab),
        ],
        id="asof-help",
    )


def build_filters(vocab: Vocabulary) -> html.Div:
    """The filter column: a sticky column with its own scroll from the lg breakpoint up, an
    offcanvas behind the "Filters" button below it (Bootstrap's offcanvas-lg)."""
    return html.Div(
        [
            html.Div(
                [
                    html.H2("Filters", className="h5 mb-0", id="filters-title"),
                    html.Button(
                        id=ids.FILTERS_CLOSE,
                        className="btn-close d-lg-none",
                        n_clicks=0,
                        **{"aria-label": "Close the filters"},
                    ),
                ],
                className="offcanvas-header p-0 mb-2 d-flex justify-content-between",
            ),
            html.Div(_controls(vocab), className="offcanvas-body p-0 d-block"),
        ],
        id=ids.FILTERS,
        className="offcanvas-lg offcanvas-start filters",
        tabIndex=-1,
        **{"aria-labelledby": "filters-title"},
    )


def _controls(vocab: Vocabulary) -> list:
    return [
        _group(
            "Sources trusted",
            dbc.Checklist(
                id=ids.CANON,
                options=[{"label": v, "value": k} for k, v in TIER_LABELS.items()],
                value=list(TIER_LABELS),
            ),
            "Ranges are computed from the ticked tiers only.",
        ),
        _group(
            "Era",
            dbc.Checklist(id=ids.ERA, options=[{"label": v, "value": k} for k, v in vocab.eras.items()], value=[]),
        ),
        _group(
            "Faction",
            dbc.Checklist(id=ids.FACTION, options=faction_options(vocab), value=[], class_name="faction-list"),
            "Choosing a faction includes the groups inside it.",
        ),
        _group(
            "Universe",
            dbc.Checklist(
                id=ids.UNIVERSE, options=[{"label": v, "value": k} for k, v in vocab.universes.items()], value=[]
            ),
        ),
        html.Fieldset(
            [
                html.Legend("Years", className="form-label fw-semibold fs-6 mb-1"),
                dbc.Row(
                    [
                        dbc.Col(
                            [
                                dbc.Label("From", html_for=ids.YEAR_FROM, className="small"),
                                dbc.Input(id=ids.YEAR_FROM, type="number", step=1, debounce=700, placeholder="any"),
                            ]
                        ),
                        dbc.Col(
                            [
                                dbc.Label("To", html_for=ids.YEAR_TO, className="small"),
                                dbc.Input(id=ids.YEAR_TO, type="number", step=1, debounce=700, placeholder="any"),
                            ]
                        ),
                    ],
                    className="g-2",
                ),
            ],
            className="mb-3",
        ),
        html.Div(
            [
                dbc.Label("Search titles and summaries", html_for=ids.SEARCH, className="fw-semibold"),
                dbc.Input(id=ids.SEARCH, type="search", debounce=300, placeholder="e.g. Gallitep", maxLength=200),
                dbc.FormText("Filters as you type.", id="search-help"),
            ],
            className="mb-3",
        ),
        dbc.Switch(id=ids.DISPUTED, label="Disputed dates only", value=False, class_name="mb-3"),
        html.Div(
            [
                dbc.Label("Spoiler-safe: as known in", html_for=ids.ASOF, className="fw-semibold"),
                dbc.Input(id=ids.ASOF, type="number", step=1, debounce=700, placeholder="any year"),
                _asof_help(vocab),
            ],
            className="mb-3",
        ),
        _group(
            "Gantt lanes",
            dbc.RadioItems(
                id=ids.LANES, options=[{"label": f"by {l}", "value": l} for l in LANES], value="faction", inline=True
            ),
        ),
        dbc.Button("Reset filters", id=ids.RESET, size="sm", color="secondary", outline=True, class_name="mb-3"),
    ]
