"""Every component id in the app, in one place."""

URL = "url"
NOTICE = "url-notice"
ERROR = "error-notice"

# filters
CANON = "filter-canon"
ERA = "filter-era"
FACTION = "filter-faction"
UNIVERSE = "filter-universe"
YEAR_FROM = "filter-from"
YEAR_TO = "filter-to"
SEARCH = "filter-q"
DISPUTED = "filter-disputed"
LANES = "filter-lanes"
RESET = "filter-reset"
SUMMARY = "view-summary"
DOWNLOAD_JSON = "download-json"
DOWNLOAD_CSV = "download-csv"

# charts and linked panels
GANTT = "chart-gantt"
TIMELINE = "chart-timeline"
CITATIONS = "panel-citations"
UNCERTAINTY = "panel-uncertainty"
UNCERTAINTY_CHART = "panel-uncertainty-chart"
UNCERTAINTY_TEXT = "panel-uncertainty-text"
CLEAR_SELECTION = "clear-selection"
GRID = "events-grid"

# every filter control and the property that holds its value, in the order callbacks use
CONTROLS = (
    (CANON, "value"), (ERA, "value"), (FACTION, "value"), (UNIVERSE, "value"), (YEAR_FROM, "value"),
    (YEAR_TO, "value"), (SEARCH, "value"), (DISPUTED, "value"), (LANES, "value"),
)
