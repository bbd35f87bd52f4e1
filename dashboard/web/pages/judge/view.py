"""What /judge shows for a query, as plain functions: the disputed events to choose from, one
event's claims with their dates hidden, or the result of a choice."""

from __future__ import annotations

from typing import TYPE_CHECKING

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.domain import judge
from dashboard.domain.filters import to_query
from dashboard.domain.words import hide_years
from dashboard.web.components import classroom, ids
from dashboard.web.components.handout import citation_text

if TYPE_CHECKING:
    from dashboard.domain.catalogue import Catalogue

TITLE = "Which source do you trust?"


def body(app, cat: Catalogue, search: str, site: str) -> tuple[list, str]:
    """(the page's body, the document title) for a /judge query; `site` is the server's address."""
    j = judge.build(cat, search)
    base = app.get_relative_path("/judge")
    top = [classroom.topbar(TITLE, app.get_relative_path("/")), classroom.notices(j.notices)]
    if j.event is None:
        return top + _choices(j, base), f"{TITLE} \u00b7 Bajor Timeline"
    o = judge.outcome(j)
    if o is None:
        return top + _question(j), f"{TITLE} \u00b7 {hide_years(j.event['title'])} \u00b7 Bajor Timeline"
    url = f"{site}{base}?{j.answer_query(j.trust, j.verdict)}"
    return top + _answered(j, o, base, url), f"Your verdict \u00b7 {j.event['title']} \u00b7 Bajor Timeline"


def _choices(j: judge.Judgement, base: str) -> list:
    q = f"&{j.query}" if j.query else ""
    return [
        html.H1(TITLE, className="classroom-title"),
        html.P(
            "Pick an event the sources disagree about. You will see each source's claim with its dates "
            "hidden, choose the ones you trust, and write a one-sentence verdict.",
            className="classroom-lead",
        ),
        html.P(j.summary, className="classroom-filters"),
        html.Ul(
            [html.Li(html.A(title, href=f"{base}?event={eid}{q}")) for eid, title in j.choices]
            or [html.Li("No event in this view is disputed: widen the filters or trust more tiers.")],
            className="judge-choices",
        ),
    ]


def _claim_text(c: judge.Claim, revealed: bool) -> list:
    return [
        html.Span(f"Claim {c.number}", className="judge-number"),
        html.Span(c.work, className="judge-work"),
        html.Span(
            f"{c.kind or 'work'}, released {c.released} \u00b7 read on {c.wiki} \u00b7 {c.tier}", className="judge-meta"
        ),
        html.Span(c.says if revealed else c.hidden, className="judge-says"),
        html.Span(["Dates: ", html.Strong(c.dates)], className="judge-dates") if revealed else None,
    ]


def _question(j: judge.Judgement) -> list:
    e = j.event
    return [
        html.H1([html.Span(TITLE, className="classroom-kicker"), hide_years(e["title"])], className="classroom-title"),
        html.P(hide_years(e["summary"]), className="classroom-lead"),
        html.P(
            "Tick the claims you trust, then write your verdict in one sentence. The dates stay hidden until you "
            "have chosen.",
            className="classroom-filters",
        ),
        html.Fieldset(
            [
                html.Legend(f"The {len(j.claims)} claims", className="classroom-h2"),
                html.Div(
                    [
                        dbc.Checkbox(
                            id={"type": ids.JUDGE_TRUST, "index": c.number},
                            value=False,
                            label=html.Span(_claim_text(c, False), className="judge-claim-text"),
                            class_name="judge-claim",
                            input_class_name="judge-tick",
                            label_class_name="judge-label",
                        )
                        for c in j.claims
                    ],
                    className="judge-claims",
                ),
            ],
            className="judge-fieldset",
        ),
        html.Label("Your verdict, in one sentence", htmlFor=ids.JUDGE_VERDICT, className="classroom-h2"),
        dcc.Textarea(
            id=ids.JUDGE_VERDICT,
            maxLength=judge.MAX_VERDICT,
            rows=2,
            className="form-control judge-verdict",
            placeholder="I trust ... because ...",
        ),
        html.Div(
            [html.Button("Show the dates", id=ids.JUDGE_CHECK, type="button", className="btn btn-primary btn-lg")],
            className="classroom-actions",
        ),
    ]


def _answered(j: judge.Judgement, o: judge.Outcome, base: str, url: str) -> list:
    e = j.event
    trusted = set(j.trust or ())
    return [
        html.H1([html.Span(TITLE, className="classroom-kicker"), e["title"]], className="classroom-title"),
        html.Div(
            [
                html.P(["Your verdict: ", html.Q(j.verdict or "(none written)", className="judge-verdict-text")]),
                html.P(["The claims you trust give: ", html.Strong(o.chosen + ".")], className="judge-range"),
                html.P(["All the trusted claims give: ", html.Strong(o.full + ".")], className="judge-range"),
                html.P(o.conflict, className="judge-conflict") if o.conflict else None,
                html.P("What the claims you trust state: " + "; ".join(o.values) + ".") if o.values else None,
            ],
            id="judge-result",
            className="judge-result",
            tabIndex=-1,
        ),
        html.H2("The readings", className="classroom-h2"),
        html.Ul(
            [
                html.Li(
                    [
                        html.Strong(r.when),
                        f" \u2014 claims {', '.join(map(str, r.numbers))} ({r.who})",
                        html.Span(" \u2713 you trust this reading", className="judge-yours") if r.trusted else None,
                    ],
                    className="judge-reading" + (" is-yours" if r.trusted else ""),
                )
                for r in o.readings
            ],
            className="judge-readings",
        ),
        html.P(["What our editors note: ", e["dispute_note"]], className="judge-note")
        if e.get("dispute_note")
        else None,
        html.H2("Every claim", className="classroom-h2"),
        html.Ol(
            [
                html.Li(
                    [
                        html.Span("\u2713 trusted", className="judge-yours") if c.number in trusted else None,
                        *_claim_text(c, True),
                    ],
                    className="judge-claim revealed" + (" is-yours" if c.number in trusted else ""),
                    title=citation_text(c.citation),
                )
                for c in j.claims
            ],
            className="judge-claims judge-claims-revealed",
        ),
        html.Div(
            [
                html.A("Change your answer", href=f"{base}?{j.query}", className="btn btn-primary"),
                html.A(
                    "Another disputed event", href=f"{base}?{_without_event(j)}", className="btn btn-outline-secondary"
                ),
                html.Button("Print", type="button", className="btn btn-outline-secondary", **{"data-print": "1"}),
            ],
            className="classroom-actions",
        ),
        classroom.handin(url),
    ]


def _without_event(j: judge.Judgement) -> str:
    return to_query(j.state.with_event(None))
