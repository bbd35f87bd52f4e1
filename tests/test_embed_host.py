"""The embed and its host page (issue 21, parts 3-5), through the real app on the mini table:
theme=auto, alt text and the generated description, the tour embed, and the Share dialog's snippet."""

from __future__ import annotations

import json

import pytest

from dashboard.domain import alt
from dashboard.figures.palette import DARK, LIGHT
from dashboard.formats import charts
from dashboard.web import share
from dashboard.web.components import ids
from dashboard.web.pages.embed import layout as embed_layout
from dashboard.web.pages.embed import view as embed
from dashboard.web.share_options import MAX_ALT
from testsupport.dash_client import call

HOSTILE = "<img src=x onerror=alert(1)>"


def draw(client, search, width=700, scheme=None, step=None, selected=None, host_pick=None):
    status, body = call(
        client,
        f"{ids.EMBED_CHART}.figure",
        [
            {"id": ids.PLOT_WIDTH, "property": "data", "value": width},
            {"id": ids.EMBED_SCHEME, "property": "data", "value": scheme},
            {"id": ids.EMBED_STEP, "property": "data", "value": step},
        ],
        [f"{ids.EMBED_SCHEME}.data"],
        state=[
            {"id": ids.EMBED_URL, "property": "search", "value": search},
            {"id": ids.EMBED_SELECTED, "property": "data", "value": selected},
            {"id": ids.EMBED_HOST_PICK, "property": "data", "value": host_pick},
        ],
    )
    return status, (body or {}).get("response", {}).get(ids.EMBED_CHART, {}).get("figure")


def props(layout) -> str:
    return json.dumps(layout.to_plotly_json(), default=lambda c: c.to_plotly_json())


# ---------------------------------------------------------------------------------------------
# Words for people who cannot see the chart


def test_the_generated_description_counts_spans_and_names_the_widest_dispute(mini):
    c = charts.build(mini, "", kind="gantt")
    assert alt.describe(mini, c) == (
        "2 periods from 2309 to 2369; 1 disputed: Annexation of Bajor, which began 2309, 2319 or 2328."
    )
    c = charts.build(mini, "", kind="timeline")
    text = alt.describe(mini, c)
    assert text.startswith(f"{len(c.drawn)} moments from ") and " disputed" in text
    c = charts.build(mini, "q=nothing-matches-this", kind="gantt")
    assert alt.describe(mini, c) == "No periods match these filters."
    c = charts.build(mini, "event=dukat-prefect", kind="dispute")
    assert alt.describe(mini, c).startswith(f"{len(c.citations)} sources on {c.selected['title']}. ")


def test_the_widest_dispute_is_the_one_whose_readings_lie_furthest_apart(real):
    c = charts.build(real, "", kind="gantt")
    disputed = c.drawn[c.drawn["disputed"]].to_dict("records")
    gaps = {r["title"]: alt.disagreement(r, real.citations(r["id"], c.state.tiers))[0] for r in disputed}
    text = alt.describe(real, c)
    assert f"; {len(disputed)} disputed, the widest {max(gaps, key=gaps.get)}: " in text
    assert all(g >= 0 for g in gaps.values())


def test_the_description_of_sources_over_time_counts_claims_works_and_events(real):
    c = charts.build(real, "event=annexation-of-bajor", kind="drift")
    d = c.drift
    assert alt.describe(real, c) == (
        f"Sources over time: {len(d.points)} claims from {d.works} works on {d.events} events, each at the year"
        f" its work came out. {len(d.undated)} works with no release year listed beside it."
        " Highlighted: Annexation of Bajor."
    )


def test_alt_text_is_one_line_of_plain_text_and_length_limited():
    assert alt.clean("  a\x00b\n\tc\u2028d  ", MAX_ALT) == ("a b c d", False)
    long = "word " * 100
    text, cut = alt.clean(long, MAX_ALT)
    assert cut and len(text) <= MAX_ALT and text.endswith("word\u2026")
    assert alt.clean(HOSTILE, MAX_ALT) == (HOSTILE, False)  # text stays text: escaped where it lands


def test_the_embed_carries_the_alt_text_or_the_description_as_its_described_by_text(mini):
    page = props(embed_layout.layout(mini, "?view=gantt"))
    assert f'"aria-describedby": "{ids.EMBED_DESC}"' in page
    assert "Annexation of Bajor, which began 2309, 2319 or 2328." in page
    page = props(embed_layout.layout(mini, "?view=gantt&alt=" + HOSTILE.replace(" ", "+")))
    # A plain string child (React shows it as text) and the generated description gives way to it.
    assert json.dumps(HOSTILE)[1:-1] in page and "which began 2309" not in page
    e = embed.embed_view(mini, "?alt=" + "x" * (MAX_ALT + 50))
    assert len(e.alt) <= MAX_ALT and f"The alt text was cut to {MAX_ALT} characters." in e.notices


def test_alt_text_in_any_script_never_reaches_a_header(client):
    r = client.get("/embed?view=gantt&alt=%D0%91%D0%B0%D1%98%D0%BE%D1%80+%E2%9C%A8+%F0%9F%8C%8C")
    assert r.status_code == 200
    assert all("\u0411" not in v and "%D0%91" not in v for _, v in r.headers.items())


def test_the_share_snippet_carries_the_alt_text_as_the_frames_title_and_in_the_address(mini):
    state = charts.build(mini, "canon=canon", kind="gantt").state
    ln = share.links("https://t.example/", state, "gantt", "auto", "Bajor Timeline: periods", alt=HOSTILE)
    assert 'title="&lt;img src=x onerror=alert(1)&gt;"' in ln.snippet and HOSTILE not in ln.snippet
    assert "theme=auto&alt=%3Cimg+src%3Dx+onerror%3Dalert%281%29%3E" in ln.embed
    assert "color-scheme:light dark" in ln.snippet
    assert "color-scheme:dark" in share.links("https://t.example/", state, "gantt", "dark").snippet
    plain = share.links("https://t.example/", state, "gantt", "light", "Bajor Timeline: periods")
    assert 'title="Bajor Timeline: periods"' in plain.snippet and "alt=" not in plain.embed


def test_the_share_dialog_defaults_to_auto_and_says_what_readers_hear(client):
    status, body = call(
        client,
        f"..{ids.SHARE_LINK}.value...",
        [
            {"id": ids.SHARE, "property": "is_open", "value": True},
            {"id": ids.SHARE_VIEW, "property": "value", "value": "gantt"},
            {"id": ids.SHARE_THEME, "property": "value", "value": "auto"},
            {"id": ids.SHARE_ALT, "property": "value", "value": "Bajor's periods, drawn as bars"},
        ],
        [f"{ids.SHARE_ALT}.value"],
        state=[{"id": ids.URL, "property": "search", "value": ""}],
    )
    out = body["response"]
    assert status == 200 and "theme=auto" in out[ids.SHARE_PREVIEW]["href"]
    assert 'title="Bajor&#x27;s periods, drawn as bars"' in out[ids.SHARE_SNIPPET]["value"]
    assert "Annexation of Bajor, which began 2309, 2319 or 2328." in out[ids.SHARE_ALT_HELP]["children"]
    page = client.get("/").get_data(as_text=True)
    assert page  # the dialog's default is the layout's
    from dashboard.web.share_options import DEFAULT_THEME

    assert DEFAULT_THEME == "auto"


# ---------------------------------------------------------------------------------------------
# theme=auto


def test_auto_pages_follow_the_readers_scheme_from_the_first_frame(client):
    page = client.get("/embed?view=gantt&theme=auto").get_data(as_text=True)
    assert '<html lang="en" class="embed-page embed-auto">' in page  # no data-bs-theme: the browser decides
    assert '<meta name="color-scheme" content="light dark">' in page
    dark = client.get("/embed?view=gantt&theme=dark").get_data(as_text=True)
    assert '<meta name="color-scheme" content="dark">' in dark and 'data-bs-theme="dark"' in dark
    light = client.get("/embed?view=gantt").get_data(as_text=True)
    assert '<meta name="color-scheme" content="light">' in light


def test_auto_draws_in_the_readers_scheme_with_the_palettes_own_colours(client):
    status, fig = draw(client, "?view=gantt&theme=auto", scheme=None)
    assert fig is None  # the browser has not said which scheme yet: nothing drawn
    _, fig = draw(client, "?view=gantt&theme=auto", scheme="dark")
    assert fig["layout"]["paper_bgcolor"] == DARK.background and fig["layout"]["meta"]["theme"] == "dark"
    _, fig = draw(client, "?view=gantt&theme=auto", scheme="light")
    assert fig["layout"]["paper_bgcolor"] == LIGHT.background and "theme" not in fig["layout"]["meta"]
    _, fig = draw(client, "?view=gantt&theme=dark", scheme="light")  # a fixed theme ignores the reader's
    assert fig["layout"]["paper_bgcolor"] == DARK.background


def test_auto_keeps_the_selection_when_it_redraws(client):
    _, fig = draw(client, "?view=gantt&theme=auto", scheme="dark", host_pick="annexation")
    assert fig["layout"]["meta"]["selected"] == "annexation"


def test_auto_and_themes_in_the_layout(mini):
    root = embed_layout.layout(mini, "?theme=auto").to_plotly_json()["props"]
    assert root["data-theme"] == "auto" and "data-bs-theme" not in root
    root = embed_layout.layout(mini, "?theme=dark").to_plotly_json()["props"]
    assert root["data-theme"] == root["data-bs-theme"] == "dark"
    assert "Ignored 'theme=neon'" in " ".join(embed.embed_view(mini, "?theme=neon").notices)


# ---------------------------------------------------------------------------------------------
# The host page's messages: which origins the embed obeys


@pytest.mark.parametrize(
    "value, allowed, noticed",
    [
        ("https://blog.example", ("https://blog.example",), False),
        ("https://Blog.example/,http://127.0.0.1:8000", ("https://blog.example", "http://127.0.0.1:8000"), False),
        ("null", ("null",), False),
        ("javascript:alert(1)", (), True),
        ('https://x.example"><script>', (), True),
        ("*", (), True),
        ("", (), False),
    ],
)
def test_origin_names_only_origins(value, allowed, noticed):
    got, notices = embed.origins(value)
    assert got == allowed and bool(notices) == noticed


def test_the_layout_hands_the_script_only_checked_origins(mini):
    root = embed_layout.layout(mini, "?origin=https://blog.example,evil<b>").to_plotly_json()["props"]
    assert root["data-origins"] == "https://blog.example" and root["data-steps"] == "0"


# ---------------------------------------------------------------------------------------------
# A tour in an embed


def test_a_tour_embed_shows_its_step_note_and_controls(mini):
    page = props(embed_layout.layout(mini, "?tour=basics"))
    assert "Three stops" in page and "Step 1 of 3" in page and "Where it starts." in page
    assert "Teacher's note: " in page and f'"id": "{ids.EMBED_TOUR_PREV}"' in page
    root = embed_layout.layout(mini, "?tour=basics&step=2").to_plotly_json()["props"]
    assert root["data-steps"] == "3"
    page = props(embed_layout.layout(mini, "?tour=basics&step=2"))
    assert "Step 2 of 3" in page and "Two wikis disagree here." in page
    page = props(embed_layout.layout(mini, "?tour=basics&step=9"))
    assert "Ignored 'step=9': the tour's steps run from 1 to 3." in page and "Step 1 of 3" in page


def test_a_tour_step_draws_its_event_centred_and_says_it_in_words(client):
    _, fig = draw(client, "?tour=basics", scheme="light", step=2)
    assert fig["layout"]["meta"]["selected"] == "dukat-prefect"
    _, fig = draw(client, "?tour=basics&theme=dark", step=3)
    assert fig["layout"]["meta"]["selected"] == "death-toll" and fig["layout"]["paper_bgcolor"] == DARK.background
    status, body = call(
        client,
        f"..{ids.EMBED_TOUR_BODY}.children...",
        [{"id": ids.EMBED_STEP, "property": "data", "value": 3}],
        [f"{ids.EMBED_STEP}.data"],
        state=[{"id": ids.EMBED_URL, "property": "search", "value": "?tour=basics"}],
    )
    out = body["response"]
    assert "Step 3 of 3" in json.dumps(out[ids.EMBED_TOUR_BODY]["children"])
    assert out[ids.EMBED_TOUR_PREV]["disabled"] is False and out[ids.EMBED_TOUR_NEXT]["disabled"] is True
    assert out[ids.EMBED_DESC]["children"].startswith("Step 3 of 3 of Three stops: ")


def test_the_share_dialogs_snippet_for_a_view_with_a_tour_embeds_the_tour(mini):
    state = charts.build(mini, "tour=basics", kind="gantt").state
    ln = share.links("https://t.example/", state, "gantt", "auto")
    search = "?" + ln.embed.split("?", 1)[1]
    assert "tour=basics" in search
    assert embed_layout.layout(mini, search).to_plotly_json()["props"]["data-steps"] == "3"
