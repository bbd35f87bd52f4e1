"""The explorer's first view: the page as static HTML, and a chart's picture drawn by the server.

This package (with assets/first_view.js) is the app's plotly.js-facing surface: the one place that
relies on how plotly.js draws and what it exposes, checked against the plotly.js version in
PLOTLY_JS_CHECKED (the vendored build, dashboard/formats/plotlyjs.py). What it relies on:

- picture.py imitates plotly.js's drawing of a density figure: the automatic ticks of a linear axis
  from `nticks` (2, 5 or 10 times a power of ten), the tick labels' place (TICK_LABEL_SHIFT) and when
  an end label is dropped, a heatmap's colours (linear in RGB between the scale's stops) and bricks,
  shapes, and annotations (their inset ANNOTATION_INSET and LINE_SPACING). tests/browser/test_picture.py
  compares the picture with plotly.js's own drawing of the same figure, element by element.
- assets/first_view.js calls the global `window.Plotly` that the bundle defines, `Plotly.newPlot(div,
  data, layout, {staticPlot, responsive})` and `Plotly.purge(div)`, and recognises a drawn live chart
  by plotly.js's classes `.js-plotly-plot .main-svg` inside dcc.Graph's `.dash-graph`.
- (Outside this package, assets/explorer.js reads plotly.js's `gd._fullLayout` for the chart's size.)

What the first view relies on in Dash itself (its component kinds, where the page goes in Dash's
index, `#react-entry-point`, dash-renderer's `._dash-error`, dcc.Graph finding `window.Plotly` already
loaded) is named in dashboard/web/dash_compat.py. tests/web/test_dash_compat.py fails, naming what
moved, when plotly.js's version or any of Dash's internals change.
"""

# The plotly.js version the picture and first_view.js were checked against (in the browser tests).
PLOTLY_JS_CHECKED = "4.1.1"
