"""The credit to the wikis our facts were read from (Creative Commons): one home for its words."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # for annotations only: no import at run time
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


OWNERS = "Star Trek and the works cited belong to their owners."
FAN_PROJECT = "Bajor Timeline is a fan project."
READ_FROM = "Facts read from community wikis, paraphrased"  # the lead of every credit that lists the pages
TITLE_REL = "noopener noreferrer"
LICENCE_REL = "license noopener noreferrer"


def page_pieces(page: dict) -> list[tuple[str, str | None, str]]:
    """One page's credit as pieces to render, (text, link or None, rel): 'Memory Alpha, “Occupation of
    Bajor” (CC BY-NC 3.0)' with the title linked to the page and the licence to its deed. The page
    footer, the embed, the standalone file and the TimelineJS export all render these pieces."""
    return [
        (f"{page['wiki']}, \u201c", None, ""),
        (page["title"], page.get("url") or None, TITLE_REL),
        ("\u201d (", None, ""),
        (page["licence"], page.get("licence_url") or None, LICENCE_REL),
        (")", None, ""),
    ]


def credit_line(tables: Tables) -> str:
    """The credit drawn on a slide image: every page by its title, with its licence."""
    pages = "; ".join(f'{a["wiki"]}, "{a["title"]}" ({a["licence"]})' for a in attribution(tables))
    return f"{READ_FROM}: {pages}."


def wikis(pages: list[dict]) -> str:
    """Each page's wiki and licence: 'Memory Alpha (CC BY-NC 3.0); Memory Beta (CC BY-SA 3.0)'."""
    return "; ".join(f"{p['wiki']} ({p['licence']})" for p in pages)


def image_credit(pages: list[dict]) -> str:
    """The one-line credit that goes on every chart image."""
    return "Bajor Timeline, paraphrasing " + wikis(pages)


def printed_credit(pages: list[dict]) -> str:
    """The credit at the foot of the printed handout."""
    return f"{image_credit(pages)}. {OWNERS}"


def front_credit(pages: list[dict]) -> str:
    """The credit on the presentation's title and closing steps."""
    return f"Facts paraphrased from community wikis: {wikis(pages)}. {OWNERS}"
