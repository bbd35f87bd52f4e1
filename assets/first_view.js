/* The explorer's first view (dashboard/web/first_view/prerender.py): the page as static HTML, served
   with the HTML answer. This script runs right after it, before Dash's scripts. It draws the first
   view's charts from their JSON (a still picture: no hover, no zoom), and stores the charts' measured
   width in a cookie, so the server lays out the live charts for that width. Once Dash has drawn
   the live page's first chart (or shown that it could not load the page), it removes the first
   view: the live page, laid out the same, is already under it (explorer.css hides it while the
   first view is there). Not in Dash's own script list (assets_ignore in dashboard/web/app.py):
   dashboard/web/head.py adds it to the explorer's HTML.
   What it relies on: plotly.js's `window.Plotly`, `Plotly.newPlot` (staticPlot, responsive),
   `Plotly.purge` and its `.js-plotly-plot .main-svg` (dashboard/web/first_view/__init__.py), and
   Dash's `#react-entry-point`, dcc.Graph's `.dash-graph` and dash-renderer's `._dash-error`
   (dashboard/web/dash_compat.py); tests/web/test_dash_compat.py checks each is still there. */
(function () {
    "use strict";
    var view = document.getElementById("first-view");
    if (!view) { return; }
    var HAND_OVER_AFTER_MS = 20000;  // at the latest (the live page failed, or a very slow device)
    var plots = Array.prototype.slice.call(view.querySelectorAll(".first-view-plot[data-figure]"));

    function handOver() {
        if (!view.parentNode) { return; }
        plots.forEach(function (div) {
            var data = document.getElementById(div.getAttribute("data-figure"));
            if (data) { data.remove(); }
            if (window.Plotly) { window.Plotly.purge(div); }
        });
        view.remove();
    }

    function liveReady() {  // Dash drew the live chart, or could not build the page (its error must show)
        var live = document.getElementById("react-entry-point");
        return Boolean(live && live.querySelector(".dash-graph .js-plotly-plot .main-svg, ._dash-error"));
    }

    if (window.Plotly) {
        plots.forEach(function (div) {
            var data = document.getElementById(div.getAttribute("data-figure"));
            try {
                var fig = JSON.parse(data.textContent);
                window.Plotly.newPlot(div, fig.data, fig.layout, {staticPlot: true, responsive: true});
            } catch (err) {
                div.textContent = "";  // the live page draws it
            }
        });
    }
    // The charts' width as laid out here is the live page's: the server lays out the live charts
    // for it (dashboard/web/head.py chart_width_hint), and this first view too on the next visit.
    var box = view.querySelector("[data-credit]");
    var cookie = view.getAttribute("data-width-cookie");
    var width = box ? Math.round(box.getBoundingClientRect().width) : 0;
    if (cookie && width > 0) {
        document.cookie = cookie + "=" + width + "; Path=" + location.pathname + "; Max-Age=31536000; SameSite=Lax" +
            (location.protocol === "https:" ? "; Secure" : "");
    }
    var watch = new MutationObserver(function () {
        if (liveReady()) { watch.disconnect(); handOver(); }
    });
    // React turns its "Loading..." box into the error box by changing its class: watch classes too.
    watch.observe(document.body, {childList: true, subtree: true, attributes: true, attributeFilter: ["class"]});
    setTimeout(function () { watch.disconnect(); handOver(); }, HAND_OVER_AFTER_MS);
}());
