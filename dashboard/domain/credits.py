"""The credit to the wikis our facts were read from (Creative Commons): one home for its words."""

from __future__ import annotations

from dashboard.domain.loading import Tables


def attribution(tables: Tables) -> list[dict]:
    """One credit per wiki page: wiki, page title, address and licence."""
    return [
        {
            "wiki": p["wiki"],
            "title": p["title"],
            "url": p["url"],
            "licence": p["licence"],
            "licence_url": p["licence_url"],
        }
        for p in tables.pages.to_dict("records")
    ]


def credit_line(tables: Tables) -> str:
    pages = "; ".join(f'{a["wiki"]}, "{a["title"]}" ({a["licence"]})' for a in attribution(tables))
    return f"Facts read from community wikis, paraphrased: {pages}."


def image_credit(pages: list[dict]) -> str:
    """The one-line credit that goes on every chart image."""
    return "Bajor Timeline, paraphrasing " + "; ".join(f"{p['wiki']} ({p['licence']})" for p in pages)
