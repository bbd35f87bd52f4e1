"""The Share dialog's choices, cheap to import: the explorer's layout reads them without the chart code.

dashboard/web/share.py builds the links for them; the file formats offered (their names, media types
and labels) are dashboard.formats.registry's.
"""

from __future__ import annotations

VIEWS = {
    "gantt": "Periods (Gantt chart)",
    "timeline": "Moments (timeline)",
    "dispute": "What each source says",
    "drift": "Sources over time",
}
THEMES = {"light": "Light", "dark": "Dark"}
DOWNLOAD_CHARTS = ("html", "png", "svg")  # registry.CHARTS offered as downloads, in the dialog's order
DOWNLOAD_TABLE = "csv"  # registry.TABLES: the data of the events the view shows
# The message the embed sends its host page with its height (assets/embed.js; dashboard/web/share.py's HOST_SCRIPT).
MESSAGE_TYPE = "bajor-timeline:height"
# An embed's iframe size by chart kind (the share snippet's height; oEmbed's answer, before maxwidth/maxheight).
SIZES = {"gantt": (720, 640), "timeline": (720, 520), "dispute": (720, 440), "drift": (720, 560)}
