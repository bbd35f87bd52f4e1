/* Bajor Timeline explorer, in the browser: what depends on which part of the URL, the selection
   highlight (no round trip, no figure re-sent), the details panel's keys and focus, the chart width,
   the filters drawer, and a PNG download with a title and the credit. */
(function () {
    const DETAILS = "details", CLOSE = "details-close", PREV = "details-prev", NEXT = "details-next";

    function params(search) {
        return new URLSearchParams((search || "").replace(/^\?/, ""));
    }

    function noUpdate() { return window.dash_clientside.no_update; }

    // Indices of the points of a trace that belong to event `id` (customdata holds the ids).
    function indicesOf(trace, id) {
        const out = [];
        const ids = trace.customdata || [];
        for (let i = 0; i < ids.length; i++) { if (ids[i] === id) { out.push(i); } }
        return out;
    }

    function highlightPatch(fig, id) {
        const dc = window.dash_clientside;
        if (!fig || !fig.data || !fig.layout) { return dc.no_update; }
        const meta = fig.layout.meta || {};
        if ((meta.selected || null) === (id || null)) { return dc.no_update; }
        const patch = new dc.Patch();
        let hit = false;
        fig.data.forEach(function (trace, k) {
            if (!trace.customdata || trace.meta === "selected") { return; }
            const idx = id ? indicesOf(trace, id) : [];
            hit = hit || idx.length > 0;
            patch.assign(["data", k, "selectedpoints"], id ? idx : null);
        });
        const labels = fig.data.findIndex(t => t.meta === "label");
        const overlay = fig.data.findIndex(t => t.meta === "selected");
        if (overlay >= 0) {
            const t = labels >= 0 ? fig.data[labels] : null;
            const i = t && id ? indicesOf(t, id)[0] : undefined;
            const pos = t && Array.isArray(t.textposition) ? t.textposition[i] : (t ? t.textposition : "middle right");
            patch.assign(["data", overlay, "x"], i === undefined ? [] : [t.x[i]]);
            patch.assign(["data", overlay, "y"], i === undefined ? [] : [t.y[i]]);
            patch.assign(["data", overlay, "text"], i === undefined ? [] : ["<b>" + t.text[i] + "</b>"]);
            patch.assign(["data", overlay, "textposition"], pos || "middle right");
        }
        if (id && !hit) {  // the event is not on this chart: nothing is dimmed here
            fig.data.forEach(function (trace, k) {
                if (trace.customdata && trace.meta !== "selected") { patch.assign(["data", k, "selectedpoints"], null); }
            });
        }
        patch.assign(["layout", "meta", "selected"], id || null);
        return patch.build();
    }

    // Plotly keeps typed arrays for numbers (x, y); read them as plain arrays.
    function values(v) {
        if (!v) { return []; }
        if (Array.isArray(v)) { return v; }
        if (v.bdata && v.dtype) {
            const bin = atob(v.bdata), bytes = new Uint8Array(bin.length);
            for (let i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
            const T = {f8: Float64Array, f4: Float32Array, i4: Int32Array, i2: Int16Array, i1: Int8Array,
                       u4: Uint32Array, u2: Uint16Array, u1: Uint8Array}[v.dtype] || Float64Array;
            return Array.from(new T(bytes.buffer));
        }
        return Array.from(v);
    }

    function normalise(fig) {
        if (!fig || !fig.data) { return fig; }
        const data = fig.data.map(function (t) {
            if (t.meta !== "label") { return t; }
            return Object.assign({}, t, {x: values(t.x), y: values(t.y)});
        });
        return Object.assign({}, fig, {data: data});
    }

    let lastFocus = null;
    document.addEventListener("focusin", function (e) {
        const panel = document.getElementById(DETAILS);
        if (panel && !panel.contains(e.target)) { lastFocus = e.target; }
    });

    function panelOpen() {
        const panel = document.getElementById(DETAILS);
        return panel && panel.classList.contains("open");
    }

    function typing(el) {
        return el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" ||
                      el.isContentEditable || (el.closest && el.closest(".ag-root-wrapper")));
    }

    document.addEventListener("keydown", function (e) {
        if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) { return; }
        if (document.querySelector(".modal.show")) { return; }  // a dialog (Share) has the keys
        const filters = document.getElementById("filters");
        if (e.key === "Escape" && filters && filters.classList.contains("show")) {
            const b = document.getElementById("filters-close");
            if (b) { b.click(); e.preventDefault(); }
            return;
        }
        if (!panelOpen()) { return; }
        if (e.key === "Escape") {
            const b = document.getElementById(CLOSE);
            if (b) { b.click(); e.preventDefault(); }
            if (lastFocus && document.body.contains(lastFocus)) { lastFocus.focus(); }
        } else if ((e.key === "ArrowLeft" || e.key === "ArrowRight") && !typing(document.activeElement)) {
            const link = document.getElementById(e.key === "ArrowLeft" ? PREV : NEXT);
            if (link && !link.classList.contains("disabled")) { link.click(); e.preventDefault(); }
        }
    });

    document.addEventListener("click", function (e) {
        if (e.target && e.target.id === CLOSE && lastFocus && document.body.contains(lastFocus)) {
            setTimeout(function () { lastFocus.focus(); }, 0);
        }
    });

    // The charts' width in CSS px (it changes with the window and with browser zoom): the server
    // packs rows and cuts labels to fit it.
    let sentWidth = null, timer = null;
    function measure() {
        const el = document.getElementById("charts");
        const dc = window.dash_clientside;
        if (!el || !dc || !dc.set_props) { return; }
        const w = Math.round(el.getBoundingClientRect().width);
        if (w > 0 && (sentWidth === null || Math.abs(w - sentWidth) > 24)) {
            sentWidth = w;
            dc.set_props("plot-width", {data: w});
        }
    }
    window.addEventListener("resize", function () { clearTimeout(timer); timer = setTimeout(measure, 250); });
    new MutationObserver(function () {
        const el = document.getElementById("charts");
        if (el && sentWidth === null) { measure(); }
        if (!el) { sentWidth = null; }
    }).observe(document.documentElement, {childList: true, subtree: true});

    // The modebar's PNG: named after the view, with the view's title and the credit to the wikis.
    document.addEventListener("click", function (e) {
        const btn = e.target.closest && e.target.closest('.modebar-btn[data-title^="Download plot"]');
        if (!btn || !window.Plotly) { return; }
        const gd = btn.closest(".js-plotly-plot");
        const charts = document.getElementById("charts");
        if (!gd || !charts) { return; }
        e.preventDefault(); e.stopImmediatePropagation();
        const summary = (document.getElementById("view-summary") || {}).textContent || "Bajor Timeline";
        const kind = gd.closest("#chart-gantt") ? "Periods" : "Moments";
        const credit = charts.getAttribute("data-credit") || "";
        const layout = JSON.parse(JSON.stringify(gd.layout));
        layout.title = {text: "<b>Bajor Timeline: " + kind + "</b><br><span style='font-size:12px'>" +
                        summary.replace(/[<>&]/g, "") + "</span>", x: 0.01, xanchor: "left", y: 0.995, yanchor: "top"};
        layout.margin = Object.assign({}, layout.margin, {t: (layout.margin.t || 58) + 56, b: (layout.margin.b || 12) + 34});
        layout.annotations = (layout.annotations || []).concat([{text: credit.replace(/[<>&]/g, ""), xref: "paper",
            yref: "paper", x: 0, y: 0, yanchor: "top", yshift: -10, xanchor: "left", showarrow: false,
            font: {size: 11, color: "#57606a"}}]);
        const slug = ("bajor-timeline-" + kind + "-" + summary).toLowerCase().replace(/[^a-z0-9]+/g, "-").slice(0, 90);
        window.Plotly.downloadImage({data: gd.data, layout: layout},
            {format: "png", filename: slug.replace(/-+$/, ""), width: gd._fullLayout.width,
             height: gd._fullLayout.height + 90, scale: 2});
    }, true);

    window.dash_clientside = Object.assign({}, window.dash_clientside, {
        bajor: Object.assign({}, (window.dash_clientside || {}).bajor, {
            filterKey: function (search, previous) {
                const p = params(search);
                p.delete("event");
                p.delete("step");
                const key = p.toString();
                return key === previous ? noUpdate() : key;
            },
            selectedKey: function (search, previous) {
                const p = params(search);
                const key = (p.get("event") || "") + "|" + (p.get("canon") === null ? "*" : p.get("canon")) +
                    "|" + p.toString();
                return key === previous ? noUpdate() : key;
            },
            highlight: function (search, rendered, gantt, timeline) {
                const id = params(search).get("event") || null;
                return [highlightPatch(normalise(gantt), id), highlightPatch(normalise(timeline), id)];
            },
            docTitle: function (title) {
                if (title) { document.title = title; }
                // After the panel has rendered and the click or tap that opened it has settled.
                setTimeout(function () {
                    const heading = document.getElementById("details-title");
                    if (heading && panelOpen() && !typing(document.activeElement)) { heading.focus({preventScroll: true}); }
                }, 80);
                return noUpdate();
            },
            refreshGrid: function () {
                // A grid that is not drawn yet asks for its rows when it is: nothing to refresh.
                const grid = document.getElementById("events-grid");
                if (grid && grid.querySelector(".ag-root-wrapper") && window.dash_ag_grid && window.dash_ag_grid.getApi) {
                    try { window.dash_ag_grid.getApi("events-grid").purgeInfiniteCache(); } catch (e) { /* not ready */ }
                }
                return noUpdate();
            },
            toggleFilters: function (open, close, className) {
                const dc = window.dash_clientside;
                const trigger = (dc.callback_context.triggered || []).map(t => t.prop_id).join(" ");
                const classes = (className || "").split(" ").filter(c => c && c !== "show");
                if (trigger.indexOf("filters-open") >= 0) {
                    classes.push("show");
                    setTimeout(function () { const f = document.getElementById("filters"); if (f) { f.focus(); } }, 50);
                } else {
                    setTimeout(function () { const b = document.getElementById("filters-open"); if (b) { b.focus(); } }, 50);
                }
                return classes.join(" ");
            }
        })
    });
})();
