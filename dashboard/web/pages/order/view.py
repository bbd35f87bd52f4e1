"""What /order shows for a query, as plain functions: the shuffled cards to arrange, or the graded
answer (the headline, each card's dates in words, the wrong pairs, why each open pair is open)."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlencode

from dash import html

from dashboard.domain import order
from dashboard.domain.filters import to_query
from dashboard.web.components import classroom, ids

if TYPE_CHECKING:
    from dashboard.domain.catalogue import Catalogue

RULE = (
    "A pair of cards counts only when the trusted sources settle which came first: the first's latest "
    "possible date is before the second's earliest. Pairs the sources leave open, or dispute, are never "
    "marked wrong."
)


def body(app, cat: Catalogue, search: str, site: str) -> tuple[list, str]:
    """(the page's body, the document title) for a /order query; `site` is the server's address
    ('http://host:port'), for the QR code of the answer."""
    ex = order.build(cat, search)
    result = order.grade(cat, ex)
    base = app.get_relative_path("/order")
    explorer = app.get_relative_path("/")
    top = [classroom.topbar("Put these in order", explorer), classroom.notices(ex.notices)]
    if result is None:
        return top + _exercise(ex, base), "Put these in order \u00b7 Bajor Timeline"
    url = f"{site}{base}?{ex.answer_query(list(ex.answer or ()))}"
    title = f"{result.right} of {result.settled} right \u00b7 Put these in order \u00b7 Bajor Timeline"
    return top + _graded(ex, result, base, explorer, url), title


def _exercise(ex: order.Exercise, base: str) -> list:
    n = len(ex.cards)
    return [
        html.H1("Put these events in order", className="classroom-title"),
        html.P(
            [
                "Earliest at the top. Drag a card by its handle, use its ",
                html.Span("\u2191 \u2193", **{"aria-hidden": "true"}),
                html.Span("up and down", className="visually-hidden"),
                " buttons, or focus a card and move it with the arrow keys. Then press ",
                html.Strong("Check"),
                ".",
            ],
            className="classroom-lead",
            id="order-help",
        ),
        html.P(f"{n} card{'s' if n != 1 else ''} dealt from {ex.summary}", className="classroom-filters"),
        html.Ol(
            [_card(c, i, n) for i, c in enumerate(ex.cards)],
            id=ids.ORDER_LIST,
            className="order-list",
            **{"aria-describedby": "order-help"},
        ),
        html.Div(
            [
                html.Button("Check", id=ids.ORDER_CHECK, type="button", className="btn btn-primary btn-lg")
                if n >= 2
                else None,
                html.A("Deal again", href=f"{base}?{_reseeded(ex)}", className="btn btn-outline-secondary"),
                html.Button(
                    "Print a worksheet",
                    type="button",
                    className="btn btn-outline-secondary d-none d-sm-inline-block",
                    **{"data-print": "1"},
                ),
            ],
            className="classroom-actions sticky",
        ),
        classroom.worksheet(ex.state.tour.title if ex.state.tour else "the events", ex.cards, []),
    ]


def _reseeded(ex: order.Exercise) -> str:
    rest, own = order.split(ex.query)
    own["seed"] = str((ex.seed + 1) % order.MAX_SEED)
    return "&".join(p for p in (rest, urlencode(list(own.items()), safe=",")) if p)


def _card(c: order.Card, i: int, n: int) -> html.Li:
    return html.Li(
        [
            html.Span("\u2807", className="order-grip", title="Drag", **{"aria-hidden": "true"}),
            html.Div(
                [html.H2(c.title, className="order-card-title"), html.P(c.summary, className="order-card-summary")],
                className="order-card-text",
            ),
            html.Div(
                [
                    html.Button(
                        "\u2191",
                        type="button",
                        className="order-move",
                        title="Move up",
                        **{"data-move": "-1", "aria-label": f"Move {c.title} up"},
                    ),
                    html.Button(
                        "\u2193",
                        type="button",
                        className="order-move",
                        title="Move down",
                        **{"data-move": "1", "aria-label": f"Move {c.title} down"},
                    ),
                ],
                className="order-moves",
            ),
        ],
        className="order-card",
        tabIndex=0,
        **{"data-id": c.id, "data-title": c.title, "aria-roledescription": "movable card"},
    )


def _graded(ex: order.Exercise, r: order.Result, base: str, explorer: str, url: str) -> list:
    wrong_after: dict[str, list[str]] = {}
    titles = {c.id: c.event["title"] for c in ex.cards}
    for p in r.wrong:
        wrong_after.setdefault(p.first, []).append(titles[p.second])
    n_open = len(r.open)
    return [
        html.H1(r.headline, className="classroom-title order-score", id="order-score", tabIndex=-1),
        html.P(
            RULE + (f" Here {n_open} of the {len(r.pairs)} pairs are open." if n_open else ""),
            className="classroom-lead",
        ),
        html.Ol(
            [_placed(c, r.dates[c.id], wrong_after.get(c.id, [])) for c in r.placed], className="order-list graded"
        ),
        html.H2(f"Wrong pairs ({len(r.wrong)})", className="classroom-h2"),
        html.Ul(
            [
                html.Li(
                    f"You put {titles[p.first]} before {titles[p.second]}, but {titles[p.second]} "
                    f"({r.dates[p.second].lower()}) was over before {titles[p.first]} "
                    f"({r.dates[p.first].lower()}) began.",
                    className="order-wrong",
                )
                for p in r.wrong
            ]
            or [html.Li("None: every ordering the sources settle is right.")],
            className="order-pairs",
        ),
        html.Details(
            [
                html.Summary(f"Open pairs, never marked wrong ({n_open})", className="classroom-h2"),
                html.Ul(
                    [html.Li([html.Strong(f"{titles[p.first]} / {titles[p.second]}: "), p.why]) for p in r.open],
                    className="order-pairs",
                ),
            ],
            className="order-open",
            open=n_open <= 6,
        )
        if n_open
        else None,
        html.Div(
            [
                html.A("Try again", href=f"{base}?{ex.query}", className="btn btn-primary"),
                html.A(
                    "See these events in the explorer",
                    href=f"{explorer}?{_tour_query(ex)}",
                    className="btn btn-outline-secondary",
                ),
                html.Button("Print", type="button", className="btn btn-outline-secondary", **{"data-print": "1"}),
            ],
            className="classroom-actions",
        ),
        classroom.handin(url),
    ]


def _tour_query(ex: order.Exercise) -> str:
    q = to_query(ex.state)
    extra = "" if ex.state.tour else urlencode([("tour", ",".join(c.id for c in ex.cards))], safe=",")
    return "&".join(p for p in (q, extra) if p)


def _placed(c: order.Card, dates: str, wrong_after: list[str]) -> html.Li:
    return html.Li(
        [
            html.Div(
                [
                    html.H2(c.event["title"], className="order-card-title"),
                    html.P(dates + ".", className="order-card-dates"),
                    html.P(
                        [
                            html.Span("\u2717 ", **{"aria-hidden": "true"}),
                            "Wrong: "
                            + ", ".join(wrong_after)
                            + (" was" if len(wrong_after) == 1 else " were")
                            + " over before this began.",
                        ],
                        className="order-card-wrong",
                    )
                    if wrong_after
                    else None,
                    html.P(c.event["summary"], className="order-card-summary"),
                ],
                className="order-card-text",
            )
        ],
        className="order-card" + (" is-wrong" if wrong_after else ""),
    )
