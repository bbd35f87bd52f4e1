"""Every component id in the app, in one place."""

URL = "url"  # the page's own view of the address: every page's callbacks read it
ROUTE = "route"  # the app's: which page to show
NOTICE = "url-notice"
ERROR = "error-notice"
PAGE = "page-content"

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
FILTERS = "filters"  # the filter column (an offcanvas below the lg breakpoint)
FILTERS_OPEN = "filters-open"
FILTERS_CLOSE = "filters-close"
SUMMARY = "view-summary"
DOWNLOAD_JSON = "download-json"
DOWNLOAD_CSV = "download-csv"

# charts
GANTT = "chart-gantt"
TIMELINE = "chart-timeline"
CHARTS = "charts"
PLOT_WIDTH = "plot-width"  # the charts' width in CSS px, measured in the browser
FILTER_KEY = "filter-key"  # the query without the selection: what the charts depend on
RENDERED = "rendered"  # the filter key the charts were last drawn for
GRID = "events-grid"

# details panel
DETAILS = "details"
DETAILS_BODY = "details-body"
DETAILS_CLOSE = "details-close"
DETAILS_PREV = "details-prev"
DETAILS_NEXT = "details-next"
SELECTED_KEY = "selected-key"  # event and trusted tiers: what the panel depends on
DOC_TITLE = "doc-title"
SINK = "sink"  # written by browser-side callbacks that only act on the page (title, grid cache)
CLEAR_SELECTION = DETAILS_CLOSE
UNCERTAINTY_CHART = "panel-uncertainty-chart"
CITATIONS = "panel-citations"

# every filter control and the property that holds its value, in the order callbacks use
CONTROLS = (
    (CANON, "value"), (ERA, "value"), (FACTION, "value"), (UNIVERSE, "value"), (YEAR_FROM, "value"),
    (YEAR_TO, "value"), (SEARCH, "value"), (DISPUTED, "value"), (LANES, "value"),
)

# the embed page (/embed): its own URL, chart width (ids.PLOT_WIDTH) and chart box (ids.CHARTS)
EMBED = "embed"
EMBED_URL = "embed-url"  # the embed's own view of the address (the explorer's callbacks read ids.URL)
EMBED_CHART = "embed-chart"
EMBED_SELECTED = "embed-selected"  # the clicked event (kept in the page: an iframe must not add to the host's history)
EMBED_CARD = "embed-card"
EMBED_CARD_BODY = "embed-card-body"
EMBED_CARD_CLOSE = "embed-card-close"

# the share dialog in the explorer
SHARE_OPEN = "share-open"
SHARE = "share-dialog"
SHARE_VIEW = "share-view"
SHARE_VIEW_HELP = "share-view-help"
SHARE_THEME = "share-theme"
SHARE_LINK = "share-link"
SHARE_SNIPPET = "share-snippet"
SHARE_PREVIEW = "share-preview"
SHARE_HTML = "share-html"
SHARE_PNG = "share-png"
SHARE_SVG = "share-svg"
SHARE_CSV = "share-csv"
SHARE_STATUS = "share-status"  # aria-live: "Link copied."
