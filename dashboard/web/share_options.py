"""The Share dialog's choices, cheap to import: the explorer's layout reads them without the chart code.

dashboard/web/share.py builds the links for them; the file formats offered (their names, media types
and labels) are dashboard.formats.registry's.
"""

from __future__ import annotations

VIEWS = {"gantt": "Periods (Gantt chart)", "timeline": "Moments (timeline)", "dispute": "What each source says"}
THEMES = {"light": "Light", "dark": "Dark"}
DOWNLOAD_CHARTS = ("html", "png", "svg")  # registry.CHARTS offered as downloads, in the dialog's order
DOWNLOAD_TABLE = "csv"  # registry.TABLES: the data of the events the view shows
