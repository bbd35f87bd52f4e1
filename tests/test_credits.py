"""The credit to the wikis (domain/credits.py): one home for its words, in each place's form."""

from dashboard.domain import credits


def test_every_form_of_the_credit_names_each_page_s_wiki_and_licence(mini):
    pages = mini.pages
    listed = credits.wikis(pages)
    assert listed.startswith("Memory Beta (CC BY-SA 3.0); Star Trek Expanded Universe (fan wiki) (CC BY-SA 3.0); ")
    assert listed.count("; ") == len(pages) - 1
    assert credits.image_credit(pages) == f"Bajor Timeline, paraphrasing {listed}"
    assert credits.printed_credit(pages) == f"Bajor Timeline, paraphrasing {listed}. {credits.OWNERS}"
    assert credits.front_credit(pages) == f"Facts paraphrased from community wikis: {listed}. {credits.OWNERS}"
    line = credits.credit_line(mini.tables)
    assert line.startswith("Facts read from community wikis, paraphrased: ") and line.endswith(".")
    assert all(f'"{a["title"]}" ({a["licence"]})' in line for a in credits.attribution(mini.tables))


def test_the_linked_credit_reads_the_same_in_the_footer_the_embed_the_file_and_timelinejs(mini):
    """credits.page_pieces is the one source of the linked credit: each renderer shows the same words,
    with the page's title and its licence linked."""
    import html as html_lib
    import re

    from dashboard.formats import charts, standalone
    from dashboard.formats.timelinejs import writer
    from dashboard.web.components.footer import build_footer
    from dashboard.web.pages.embed.layout import _credit

    def text_of(markup: str) -> str:
        return html_lib.unescape(re.sub(r"<[^>]+>", "", markup))

    pages = mini.pages
    said = ["".join(text for text, _, _ in credits.page_pieces(p)) for p in pages]
    assert said[0] == f"{pages[0]['wiki']}, \u201c{pages[0]['title']}\u201d ({pages[0]['licence']})"

    def dash_text(component) -> str:
        children = getattr(component, "children", component)
        if isinstance(children, str):
            return children
        return "".join(dash_text(c) for c in (children if isinstance(children, list) else [children]))

    footer = build_footer(pages)
    assert [dash_text(li) for li in footer.children[1].children] == said
    embed = dash_text(_credit(pages))
    assert embed == f"{credits.READ_FROM}: " + "; ".join(said) + "."
    chart = charts.build(mini, "", kind="gantt")
    page = standalone.standalone_html(chart, mini.tables)
    assert f"{credits.READ_FROM}: " + "; ".join(said) in text_of(page)
    title = writer.to_timelinejs(mini.resolved(("canon", "licensed", "production", "fan")), mini.tables)["title"]
    assert all(s in text_of(title["text"]["text"]) for s in said)
    links = re.findall(r'href="([^"]+)"', title["text"]["text"])
    assert {p["url"] for p in pages if p["url"]} <= set(links)
