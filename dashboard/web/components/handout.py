"""The printed handout: the shown events with their dates in words and their citations, and the credit.

Print-only (assets/explorer.css hides it on screen). Capped so that a big view prints a few pages,
not a hundred: the note says how many were left out and where the rest is (the CSV).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dash import html

from dashboard.domain import citations, explain
from dashboard.domain.credits import printed_credit
from dashboard.domain.tours import Stop
from dashboard.domain.view import chronological
from dashboard.figures import theme

if TYPE_CHECKING:
    from dashboard.domain.catalogue import Catalogue

LIMIT = 40  # events in a printed handout


def citation_text(c: dict) -> str:
    """One citation as plain text: '● Waltz (episode, DS9, 1998), Memory Beta: from 2346 to 2369'."""
    return citations.text(c, glyph=theme.TIER_GLYPH[c["tier"]])


def _item(event: dict, note: str, cites: list[dict]) -> html.Li:
    """One event, kept light (plain text, few components): a printout of 40 of them is one request."""
    verdict = f" \u2605 {explain.verdict(event, cites)}" if bool(event["disputed"]) else ""
    return html.Li(
        [
            html.Strong(event["title"], className="handout-title"),
            html.P(f"{explain.dates_in_words(event)}.{verdict}", className="handout-when"),
            html.P(event["summary"], className="handout-summary"),
            html.P(f"Teacher's note: {note}", className="handout-note") if note else None,
            html.P("\n".join(citation_text(c) for c in cites), className="handout-citations"),
        ],
        className="handout-item",
    )


def body(
    cat: Catalogue,
    title: str,
    summary: str,
    shown,
    stops: tuple[Stop, ...] | None,
    state,
    description: str = "",
    limit: int = LIMIT,
) -> list:
    """The handout's contents: a heading, the view in words, the events (a tour's stops in its
    order with their notes, else the shown events in date order), the credit."""
    if stops is None:  # the shown events in date order: only the first `limit` are sorted out and read
        printed, total = [Stop(e) for e in chronological(shown, limit)], len(shown)
    else:
        present = set(shown["id"])
        listed = [s for s in stops if s.event in present]
        printed, total = listed[:limit], len(listed)
    wanted = {s.event for s in printed}
    rows = {r["id"]: r for r in shown[shown["id"].isin(wanted)].to_dict("records")}
    cites = cat.citations_of(wanted, state.tiers, state.asof, state.universe)
    items = [_item(rows[s.event], s.note, cites[s.event]) for s in printed]
    more = total - len(items)
    return [
        html.H2(title, className="handout-heading"),
        html.P(description, className="handout-description") if description else None,
        html.P(summary, className="handout-filters"),
        html.Ol(items, className="handout-list"),
        html.P(
            f"\u2026and {more} more event{'s' if more != 1 else ''}, left out of this printout to keep it short: "
            "narrow the filters, or use the CSV export for every event.",
            className="handout-more",
        )
        if more
        else None,
        html.P(
            printed_credit(cat.pages),
            className="handout-credit",
        ),
    ]
