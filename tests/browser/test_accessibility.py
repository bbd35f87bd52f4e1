"""axe-core (bundled in axe-playwright-python) finds no accessibility violations in the explorer."""

import pytest

from testsupport.browser import open_explorer, settle, violations

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("search", ["", "?event=dukat-prefecture&lanes=era&faction=resistance&era=golden-age"])
def test_no_axe_violations(page, live_url, search):
    open_explorer(page, live_url, search)
    if "event=" in search:
        page.wait_for_selector("#panel-citations .citation-list li")
        page.wait_for_selector("#url-notice")  # the notice for the unknown era is on screen too
    settle(page)
    assert violations(page) == []


def test_the_checker_does_report_violations(page):
    """A control: a page with known defects must fail, so an empty list above means something."""
    page.set_content("<html><body><img src='data:,'><button></button></body></html>")
    found = " ".join(violations(page))
    assert "image-alt" in found and "button-name" in found


def test_no_axe_violations_in_the_share_dialog_and_the_embed(page, live_url):
    open_explorer(page, live_url, "?event=dukat-prefecture")
    page.click("#share-open")
    page.wait_for_function("document.getElementById('share-link')?.value")
    settle(page)  # the dialog has faded in
    assert violations(page) == []
    for theme in ("light", "dark"):
        page.goto(f"{live_url}/embed?view=timeline&theme={theme}")
        page.wait_for_selector("#embed-chart .scatterlayer .point")
        page.locator("#embed-chart .scatterlayer .trace:first-child .point").first.click(force=True)
        page.wait_for_selector("#embed-card.open .citation-list li")
        assert violations(page) == [], theme
