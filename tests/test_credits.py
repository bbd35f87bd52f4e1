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
