"""Every component id in the app, in one place."""

URL = "url"  # the page's own view of the address: every page's callbacks read it
ROUTE = "route"  # the app's: which page to show
ROUTED = "routed"  # the path of the page the first answer already holds (the router leaves it be once)
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
DRAWN_WIDTH = "drawn-width"  # the chart width (CSS px) the charts were last laid out for (None: a guess)
GRID = "events-grid"

# details panel
DETAILS = "details"
DETAILS_BODY = "details-body"
DETAILS_CLOSE = "details-close"
DETAILS_PREV = "details-prev"
DETAILS_NEXT = "details-next"
SELECTED_KEY = "selected-key"  # event and trusted tiers: what the panel depends on
DOC_TITLE = "doc-title"
CLEAR_SELECTION = DETAILS_CLOSE
UNCERTAINTY_CHART = "panel-uncertainty-chart"
CITATIONS = "panel-citations"

# explorer additions for teachers
ASOF = "filter-asof"
PRESENT_LINK = "present-link"  # the header's "Present" button (carries the filters)
TOURS_MENU = "tours-menu"
IMAGE_MENU = "image-menu"
HANDOUT = "handout"  # print-only: the shown events with dates in words and citations

# presentation page (/present)
PRESENT = "present"
# The presentation's own view of the address. Not URL: a page holding the explorer's URL would run
# the explorer's callbacks that take it (they would then miss their other inputs, a browser error).
PRESENT_URL = "present-url"
PRESENT_KEY = "present-key"  # the query without step or event: what the handout depends on
PRESENT_WIDTH = "present-width"  # the chart area's width in CSS px, measured in the browser
PRESENT_STAGE = "present-stage"
PRESENT_CHARTS = "present-charts"
PRESENT_CHART = "present-chart"
PRESENT_CARD = "present-card"
PRESENT_NAV = "present-nav"
PRESENT_FIRST = "present-first"
PRESENT_PREV = "present-prev"
PRESENT_NEXT = "present-next"
PRESENT_LAST = "present-last"
PRESENT_EXIT = "present-exit"
PRESENT_BLANK = "present-blank"
PRESENT_FULLSCREEN = "present-fullscreen"
PRESENT_PROGRESS = "present-progress"
PRESENT_SUMMARY = "present-summary"  # the view in words (the caption of a slide image)
PRESENT_NOTICE = "present-notice"
PRESENT_TITLE = "present-title"  # the document title for the step
PRESENT_HANDOUT = "present-handout"
PRESENT_SERVER_IMAGES = "present-server-images"  # links to /download/chart.* for the step
PRESENT_DRIFT = "present-drift"  # view=drift on or off: "Sources over time" instead of periods and moments
PRESENT_DRIFT_LABEL = "present-drift-label"
PRESENT_ASOF_PREV = "present-asof-prev"  # "as known in" one release year back ([)
PRESENT_ASOF_PREV_LABEL = "present-asof-prev-label"
PRESENT_ASOF_NEXT = "present-asof-next"  # ... and on (])
PRESENT_ASOF_NEXT_LABEL = "present-asof-next-label"

# every filter control and the property that holds its value, in the order callbacks use
CONTROLS = (
    (CANON, "value"),
    (ERA, "value"),
    (FACTION, "value"),
    (UNIVERSE, "value"),
    (YEAR_FROM, "value"),
    (YEAR_TO, "value"),
    (SEARCH, "value"),
    (DISPUTED, "value"),
    (LANES, "value"),
    (ASOF, "value"),
)

# the "Sources over time" chart in the explorer, and its "as known in" controls
DRIFT = "chart-drift"
DRIFT_SECTION = "drift"
DRIFT_PLAY = "drift-play"  # assets/drift.js plays the steps (DRIFT_STEPS) one after another
DRIFT_PREV = "drift-prev"
DRIFT_NEXT = "drift-next"
DRIFT_SLIDER = "drift-slider"
DRIFT_ASOF_LABEL = "drift-asof"
DRIFT_STEPS = "drift-steps"  # the query of each step, as JSON text (hidden)
DRIFT_HIDDEN = "drift-hidden"  # the events an asof view hides: none of their works has a release year
DRIFT_UNDATED = "drift-undated"  # the works with no release year, listed beside the chart
ASOF_HELP = "asof-help"  # the filter panel's help under "as known in" (says what asof views hide)

# the embed page (/embed): its own URL, chart width (ids.PLOT_WIDTH) and chart box (ids.CHARTS)
EMBED = "embed"
EMBED_URL = "embed-url"  # the embed's own view of the address (the explorer's callbacks read ids.URL)
EMBED_CHART = "embed-chart"
EMBED_SELECTED = "embed-selected"  # the clicked event (kept in the page: an iframe must not add to the host's history)
EMBED_CARD = "embed-card"
EMBED_CARD_BODY = "embed-card-body"
EMBED_CARD_CLOSE = "embed-card-close"
EMBED_SCHEME = "embed-scheme"  # the colours drawn: the theme, or for theme=auto the reader's (assets/embed.js)
EMBED_HOST_PICK = "embed-host-pick"  # the event the host page selected by message (highlighted, no card)
EMBED_DESC = "embed-desc"  # the chart in words: the blogger's alt text or a generated description
EMBED_STEP = "embed-step"  # the tour step shown (/embed?tour=...), kept in the page as the selection is
EMBED_TOUR = "embed-tour"
EMBED_TOUR_BODY = "embed-tour-body"
EMBED_TOUR_PREV = "embed-tour-prev"
EMBED_TOUR_NEXT = "embed-tour-next"

# the share dialog in the explorer
SHARE_OPEN = "share-open"
SHARE = "share-dialog"
SHARE_VIEW = "share-view"
SHARE_VIEW_HELP = "share-view-help"
SHARE_THEME = "share-theme"
SHARE_ALT = "share-alt"  # the blogger's alt text for the embed
SHARE_ALT_HELP = "share-alt-help"
SHARE_LINK = "share-link"
SHARE_SNIPPET = "share-snippet"
SHARE_PROGRESSIVE = "share-progressive"  # the picture-first snippet (a link and the view's card)
SHARE_PREVIEW = "share-preview"
SHARE_HTML = "share-html"
SHARE_PNG = "share-png"
SHARE_SVG = "share-svg"
SHARE_CSV = "share-csv"
SHARE_STATUS = "share-status"  # aria-live: "Link copied."

# the classroom exercises: /order (put the events in order) and /judge (which source do you trust?)
ORDER = "order"
ORDER_URL = "order-url"  # the page's own view of the address (see PRESENT_URL for why not URL)
ORDER_BODY = "order-body"
ORDER_LIST = "order-list"  # the cards (assets/classroom.js moves them)
ORDER_CHECK = "order-check"
ORDER_LIVE = "order-live"  # aria-live: "First contact moved to position 3 of 8"
ORDER_TITLE = "order-title"  # the document title
JUDGE = "judge"
JUDGE_URL = "judge-url"
JUDGE_BODY = "judge-body"
JUDGE_TRUST = "judge-trust"
JUDGE_VERDICT = "judge-verdict"
JUDGE_CHECK = "judge-check"
JUDGE_TITLE = "judge-title"
