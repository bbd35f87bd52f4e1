"""The Share dialog's choices, cheap to import: the explorer's layout reads them without the chart code.

dashboard/web/share.py builds the links for them; the file formats offered (their names, media types
and labels) are dashboard.formats.registry's.
"""

from __future__ import annotations

import re

VIEWS = {
    "gantt": "Periods (Gantt chart)",
    "timeline": "Moments (timeline)",
    "dispute": "What each source says",
    "drift": "Sources over time",
}
# "auto" follows the reader's light or dark setting live (prefers-color-scheme): the default of new snippets.
THEMES = {"auto": "Follow the reader's setting", "light": "Light", "dark": "Dark"}
DEFAULT_THEME = "auto"  # new snippets; an /embed address without theme= stays light (snippets already pasted)
# The iframe's own color-scheme per theme: the frame's scheme matches the embed's, so the browser
# never paints an opaque backdrop of the other scheme behind it.
MAX_ALT = 300  # characters of a blogger's alt text (the dialog's field holds no more; a longer alt= is cut)
COLOR_SCHEMES = {"auto": "light dark", "light": "light", "dark": "dark"}
DOWNLOAD_CHARTS = ("html", "png", "svg")  # registry.CHARTS offered as downloads, in the dialog's order
DOWNLOAD_TABLE = "csv"  # registry.TABLES: the data of the events the view shows
# The message the embed sends its host page with its height (assets/embed.js; dashboard/web/share.py's HOST_SCRIPT).
MESSAGE_TYPE = "bajor-timeline:height"
# What a host page may send the embed, and what the embed tells it (assets/embed.js; docs/EMBEDDING.md).
SELECT_MESSAGE, STEP_MESSAGE, SELECTED_MESSAGE = (
    "bajor-timeline:select",
    "bajor-timeline:step",
    "bajor-timeline:selected",
)
# An embed's iframe size by chart kind (the share snippet's height; oEmbed's answer, before maxwidth/maxheight).
SIZES = {"gantt": (720, 640), "timeline": (720, 520), "dispute": (720, 440), "drift": (720, 560)}

# The host pages an embed obeys besides its own origin (`origin=`, comma-separated): http(s)://host[:port],
# or null for a page opened from a file; at most MAX_ORIGINS of them.
ORIGIN = re.compile(r"(https?://(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:[0-9]{1,5})?|null)")
MAX_ORIGINS = 10


def origins(value: str | None) -> tuple[tuple[str, ...], list[str]]:
    """The origins an `origin=` value allows (comma-separated), and notices for what it ignored."""
    items = [i.strip().lower().rstrip("/") for i in (value or "").split(",") if i.strip()]
    good = tuple(dict.fromkeys(i for i in items if ORIGIN.fullmatch(i)))[:MAX_ORIGINS]
    bad = [i for i in items if not ORIGIN.fullmatch(i)]
    note = f"Ignored origin '{bad[0][:60]}': give https://your.site (or null for a file)." if bad else None
    return good, [note] if note else []
