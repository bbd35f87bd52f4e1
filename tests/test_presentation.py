"""The presentation as data: a deck's steps (tour or date order), the step in the URL, the chart
window around each event, and the page's outputs for a step (through the real app)."""

import pytest

from dashboard.domain import presentation, view
from dashboard.figures import theme
from dashboard.web.app import create_app
from dashboard.web.pages.present import step as present


def test_without_a_tour_the_steps_are_the_shown_events_in_date_order(mini):
    deck = presentation.build_deck(mini, "canon=canon")
    assert [s.event for s in deck.stops] == view.chronological(view.build_view(mini, "canon=canon").shown)
    assert deck.step == 0 and deck.kind == "title" and deck.last == len(deck.stops) + 1
    assert deck.title == "Bajor Timeline" and deck.notices == ()


def test_a_tour_keeps_its_order_and_notes_and_says_which_stops_the_filters_hide(mini):
    deck = presentation.build_deck(mini, "tour=basics&step=2")
    assert [s.event for s in deck.stops] == ["annexation", "dukat-prefect", "death-toll"]
    assert deck.kind == "event" and deck.stop.event == "dukat-prefect" and deck.stop.note == "Two wikis disagree here."
    narrowed = presentation.build_deck(mini, "tour=basics&asof=1993")
    assert [s.event for s in narrowed.stops] == ["annexation", "death-toll"]
    assert narrowed.notices == ("1 stop of the tour is left out by the filters: Dukat becomes prefect.",)


def test_an_ad_hoc_tour_skips_unknown_ids_with_a_notice(mini):
    deck = presentation.build_deck(mini, "tour=xss,nope,annexation&step=1")
    assert [s.event for s in deck.stops] == ["xss", "annexation"] and deck.stop.event == "xss"
    assert deck.notices == ("The tour skips unknown event id(s) 'nope'.",)


@pytest.mark.parametrize(
    "step, expected, notice",
    [
        ("0", 0, None),
        ("4", 4, None),
        ("9", 4, "There is no step 9: the steps run from 0 (the title) to 4 (the end)."),
        ("-2", 0, "There is no step -2: the steps run from 0 (the title) to 4 (the end)."),
        ("two", 0, "Ignored 'step=two': give a number from 0 (the title) to 4 (the end)."),
    ],
)
def test_the_step_in_the_url_is_checked(mini, step, expected, notice):
    deck = presentation.build_deck(mini, f"tour=basics&step={step}")
    assert deck.step == expected
    assert deck.notices == ((notice,) if notice else ())


def test_queries_keep_the_filters_and_the_explorer_gets_the_current_event(mini):
    deck = presentation.build_deck(mini, "?canon=canon&tour=basics&step=2")
    assert deck.query(3) == "canon=canon&tour=basics&step=3" and deck.query(0) == "canon=canon&tour=basics"
    assert deck.explorer_query() == "canon=canon&tour=basics&event=dukat-prefect"
    assert presentation.build_deck(mini, "tour=basics").explorer_query() == "tour=basics"


def test_opening_on_an_event_starts_at_its_step(mini):
    deck = presentation.build_deck(mini, "tour=basics&event=death-toll")
    assert deck.step == 3


def test_an_event_step_carries_its_event_note_and_window(mini):
    deck = presentation.build_deck(mini, "tour=basics&event=death-toll")
    step = presentation.event_step(mini, deck)
    assert isinstance(step, presentation.EventStep) and step.event["id"] == "death-toll"
    assert step.x_range == presentation.window(step.event) and "death-toll" in set(step.nearby["id"])
    assert presentation.event_step(mini, presentation.build_deck(mini, "tour=basics")) is None  # the title step


def test_the_window_centres_the_event_and_shows_it_whole(real):
    shown = view.build_view(real, "").shown
    for event_id in ("dukat-prefecture", "first-contact", "occupation-of-bajor", "dm-intendant-kira-rule"):
        event = shown[shown["id"] == event_id].iloc[0].to_dict()
        lo, hi = presentation.window(event)
        e_lo, e_hi = presentation.event_extent(event)
        assert lo < e_lo and e_hi < hi and hi - lo >= presentation.MIN_WINDOW_YEARS
        assert abs((lo + hi) / 2 - (e_lo + e_hi) / 2) < 1e-9
        near = presentation.nearby(shown, event, (lo, hi))
        assert event_id in set(near["id"]) and len(near) <= presentation.MAX_NEARBY
        assert set(near["is_point"]) == {event["is_point"]}


def test_the_chart_scale_grows_to_the_projector_and_not_past_it():
    assert theme.chart_scale(1150) == 2.0 and theme.chart_scale(300) == 1.0
    assert 1.0 < theme.chart_scale(800) < 2.0 and theme.chart_scale(None) == 2.0


def test_a_step_renders_the_event_centred_highlighted_and_scaled(real):
    app = create_app(catalogue=real)
    with app.server.test_request_context("/"):
        out = present.step_outputs(app, real, "?tour=overview&step=10", 1180)
    fig, stage, card, progress, title, server = (
        out[k] for k in ("chart", "stage", "card", "progress", "title", "server_images")
    )
    first, prev, nxt, last, exit_href, has_notices = (
        out[k] for k in ("first", "prev", "next", "last", "exit", "has_notices")
    )
    meta = fig["layout"]["meta"]
    lo, hi = meta["x_range"]
    assert meta["selected"] == "dukat-prefecture" and meta["role"] == "gantt"
    assert 2346 < (lo + hi) / 2 < 2369
    labels = next(t for t in fig["data"] if t.get("meta") == "label")
    assert labels["textfont"]["size"] == 24  # twice the page's 12 px
    assert stage == "present-stage" and progress == "10 / 14"
    assert (prev, nxt, first, last) == (
        "/present?tour=overview&step=9",
        "/present?tour=overview&step=11",
        "/present?tour=overview",
        "/present?tour=overview&step=15",
    )
    assert exit_href == "/?tour=overview&event=dukat-prefecture" and not has_notices
    text = str(card)
    assert "Dukat as Prefect of Bajor" in text and "Teacher's note" in text and "Memory Beta" in text
    assert title.startswith("10. Dukat as Prefect of Bajor")
    hrefs = [a.href for a in server]
    assert hrefs[0] == "/download/chart.png?view=gantt&tour=overview&event=dukat-prefecture&width=1920&height=1080"
    assert hrefs[2] == "/download/chart.html?view=gantt&tour=overview&event=dukat-prefecture"
    client = app.server.test_client()
    page = client.get(hrefs[2])  # the standalone file (no browser needed on the server for HTML)
    assert page.status_code == 200 and "Dukat as Prefect of Bajor" in page.get_data(as_text=True)


def test_the_title_step_names_the_view_and_carries_a_qr_code_of_it(real):
    app = create_app(catalogue=real)
    with app.server.test_request_context("/", base_url="http://school.example:8050"):
        out = present.step_outputs(app, real, "?tour=overview&asof=1993", 1180)
    stage, card = out["stage"], out["card"]
    text = str(card)
    assert stage.endswith("no-chart") and "The Occupation in fourteen stops" in text
    assert "as known in 1993" in text and "CC BY-NC 3.0" in text
    assert "data:image/svg+xml" in text and "http://school.example:8050/?asof=1993&amp;tour=overview" not in text
    assert "http://school.example:8050/?asof=1993&tour=overview" in text


def test_the_pages_respond(real):
    client = create_app(catalogue=real).server.test_client()
    assert client.get("/present?tour=overview&step=3").status_code == 200
