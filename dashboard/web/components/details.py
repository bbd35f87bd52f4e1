"""The details panel: the selected event's verdict, its dates in words, what each source says and
every citation by tier. A side column on wide screens, a drawer on tablets, a bottom sheet on phones."""

from __future__ import annotations

from dash import dcc, html

from dashboard.domain import citations
from dashboard.domain.citations import universe as universe_of
from dashboard.domain.citations import wiki
from dashboard.domain.schema import TIER_LABELS, TIERS
from dashboard.figures import theme
from dashboard.figures.uncertainty import uncertainty
from dashboard.web.components import ids
from dashboard.web.components.charts import GRAPH_CONFIG

EMPTY = "Select an event on a chart or in the table: its dates, what each source says and why they disagree open here."


def _work(c: dict) -> list:
    details = citations.work(c)
    return [html.Cite(c["source"]), f" ({details})" if details else ""]


def _page(c: dict):
    if c.get("page_url"):
        return html.A(c["page"], href=c["page_url"], target="_blank", rel="noopener noreferrer")
    return c["page"]


def _when(c: dict) -> list:
    chain = citations.derived(c)  # a date counted from another: how ('ten years after First contact (2318, ...)')
    counted = [html.Span(f", {chain}", className="derived", title="Counted from another event's date")] if chain else []
    if not (c.get("start") or c.get("end")):
        return [html.Span(citations.when(c), className="text-muted"), *counted]
    raw = " / ".join(c[s] for s in ("start", "end") if c.get(s))
    written = html.Span(
        f" ({raw})", className="edtf", title="The date as written (EDTF)" if not chain else "The date counted (EDTF)"
    )
    return [citations.when(c), written, *counted]


def citation_line(c: dict) -> html.Li:
    """One citation on one line (slides and the printed handout): glyph, work, wiki, what it says."""
    return html.Li(
        [
            html.Span(
                theme.TIER_GLYPH[c["tier"]], className=f"tier-glyph tier-{c['tier']}", title=TIER_LABELS[c["tier"]]
            ),
            " ",
            *_work(c),
            html.Span(f" · {wiki(c)}{citations.in_universe(c)}: ", className="text-muted"),
            *_when(c),
            *([html.Span(" · states: ", className="text-muted"), c["value"]] if c.get("value") else []),
        ],
        className="citation-line",
    )


def citations_list(citations: list[dict]) -> list:
    """Every trusted claim, grouped by tier, strongest first."""
    out = []
    for tier in TIERS:
        cites = [c for c in citations if c["tier"] == tier]
        if not cites:
            continue
        out.append(
            html.H4(
                [
                    html.Span(theme.TIER_GLYPH[tier], className="tier-glyph", **{"aria-hidden": "true"}),
                    f" {TIER_LABELS[tier]} ({len(cites)})",
                ],
                className=f"h6 mt-3 tier-heading tier-{tier}",
            )
        )
        out.append(
            html.Ul(
                [
                    html.Li(
                        [
                            html.Div(_work(c)),
                            html.Div(
                                [
                                    html.Span("Says: ", className="text-muted"),
                                    *_when(c),
                                    *(
                                        [html.Span(" · states: ", className="text-muted"), c["value"]]
                                        if c.get("value")
                                        else []
                                    ),
                                ],
                                className="small",
                            ),
                            html.Div([html.Span("Read on ", className="text-muted"), _page(c)], className="small"),
                            *(
                                [
                                    html.Div(
                                        [html.Span("Universe: ", className="text-muted"), universe_of(c)],
                                        className="small citation-universe",
                                    )
                                ]
                                if universe_of(c)
                                else []
                            ),
                            html.Div(c["note"], className="small fst-italic"),
                        ],
                        className="mb-2",
                    )
                    for c in cites
                ],
                className="list-unstyled citation-list",
            )
        )
    return out


def body(d, prev_href: str | None, next_href: str | None) -> list:
    """The panel's contents for one selection (a `view.Details`)."""
    if d is None:
        return [html.P(EMPTY, className="text-muted mb-0")]
    e = d.event

    def stepper(label: str, cid: str, href: str | None, hint: str):
        if href:
            return dcc.Link(label, href=href, id=cid, className="btn btn-sm btn-outline-secondary", title=hint)
        return html.Span(
            label, id=cid, className="btn btn-sm btn-outline-secondary disabled", **{"aria-disabled": "true"}
        )

    step = html.Div(
        [
            stepper("\u2039 Previous", ids.DETAILS_PREV, prev_href, "Previous event in date order (Left arrow)"),
            html.Span(
                f"{d.position} of {d.count}" if d.position else "not among the shown events",
                className="small text-muted mx-2",
            ),
            stepper("Next \u203a", ids.DETAILS_NEXT, next_href, "Next event in date order (Right arrow)"),
        ],
        className="d-flex align-items-center mb-2 details-step",
    )
    disputed = bool(e["disputed"])
    parts = [
        step,
        html.H2(e["title"], id="details-title", className="h5 mb-1", tabIndex=-1),
        html.P(
            [
                html.Span("\u2605 ", className="dispute-star", **{"aria-hidden": "true"}) if disputed else None,
                d.verdict,
            ],
            className="verdict fw-semibold mb-1" + (" disputed" if disputed else ""),
        ),
        html.P(
            [
                d.ranges,
                html.Span(
                    f" (best estimate: {e['start']}" + (f" to {e['end']}" if e["end"] else "") + ")", className="edtf"
                ),
            ],
            className="small mb-2",
        ),
        html.P(e["summary"], className="small mb-2"),
    ]
    if disputed and e.get("dispute_note"):
        parts.append(
            html.Details(
                [html.Summary("Why the sources disagree"), html.P(e["dispute_note"], className="small")],
                className="small mb-2",
                open=True,
            )
        )
    fig = uncertainty(e, d.citations)
    parts += [
        html.H3("What each source says", className="h6 mt-2 mb-0"),
        html.Div(
            dcc.Graph(
                id=ids.UNCERTAINTY_CHART,
                figure=fig,
                config=GRAPH_CONFIG | {"displayModeBar": False},
                style={"height": f"{fig['layout']['height']}px"},
            ),
            role="figure",
            **{"aria-label": f"Dates each source gives for {e['title']}"},
        ),
        html.H3("Citations", className="h6 mt-2 mb-0"),
        html.Div(citations_list(d.citations), id=ids.CITATIONS),
    ]
    return parts


def panel() -> html.Aside:
    """The empty panel, closed; the details callback fills and opens it."""
    return html.Aside(
        [
            html.Div(
                [
                    html.Span("Event details", className="fw-semibold small text-muted"),
                    html.Button(
                        id=ids.DETAILS_CLOSE,
                        className="btn-close",
                        n_clicks=0,
                        title="Close (Escape)",
                        **{"aria-label": "Close the details"},
                    ),
                ],
                className="details-head d-flex justify-content-between align-items-center",
            ),
            html.Div(body(None, None, None), id=ids.DETAILS_BODY, className="details-body", **{"aria-live": "polite"}),
        ],
        id=ids.DETAILS,
        className="details-panel",
        **{"aria-label": "Event details"},
    )
