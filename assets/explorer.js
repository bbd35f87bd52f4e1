/* Bajor Timeline explorer, in the browser: what depends on which part of the URL, the selection
   highlight (no round trip, no figure re-sent), the details panel's keys and focus, the chart width
   (also the presentation's), the filters drawer, and chart images (PNG, slide PNG and SVG) with a
   title, the filters in words and the credit. The presentation's keys are in present.js. */
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
    // packs rows and cuts labels to fit it. The explorer's charts and the presentation's chart each
    // report to their page's own store. The explorer's width also sets how much a printout shrinks
    // the charts to fit the paper (--print-zoom, see the print rules in explorer.css).
    const WIDTHS = [["charts", "plot-width"], ["present-charts", "present-width"]];
    const PRINT_PX = 680;  // an A4 or Letter page's text width in CSS px, with 12 mm margins
    let sent = {}, measured = {}, timer = null;
    function measure(force) {
        const dc = window.dash_clientside;
        if (!dc || !dc.set_props) { return; }
        WIDTHS.forEach(function (pair) {
            const el = document.getElementById(pair[0]);
            if (!el) { measured[pair[0]] = null; return; }
            const fresh = measured[pair[0]] !== el;  // a new page put a new element there
            if (!fresh && force !== true) { return; }
            const w = Math.round(el.getBoundingClientRect().width);
            if (w > 0 && (fresh || Math.abs(w - sent[pair[0]]) > 24)) {
                measured[pair[0]] = el;
                sent[pair[0]] = w;
                el.style.setProperty("--print-zoom", String(Math.min(1, PRINT_PX / w)));
                dc.set_props(pair[1], {data: w});
            }
        });
    }
    window.addEventListener("resize", function () { clearTimeout(timer); timer = setTimeout(function () { measure(true); }, 250); });
    new MutationObserver(function () { measure(false); })
        .observe(document.documentElement, {childList: true, subtree: true});

    // Chart images with a title, a caption naming the filters and the credit to the wikis, drawn by
    // the browser (Plotly.downloadImage on a decorated copy of the figure): the modebar's PNG, and
    // slide images (1920x1080 PNG, the same at 2x, SVG) from the Image menus.
    function esc(text) {
        return String(text || "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    }

    function words(gd) {
        const box = gd.closest("[data-credit]");
        const from = box && box.getAttribute("data-caption-from");
        const el = from && document.getElementById(from);
        const meta = (gd.layout && gd.layout.meta) || {};
        const kind = meta.role === "timeline" ? "Moments" : "Periods";
        return {title: meta.image_title || ("Bajor Timeline: " + kind),
                caption: (el && el.textContent) || "Bajor Timeline",
                credit: box ? box.getAttribute("data-credit") || "" : ""};
    }

    // opts: {format: "png"|"svg", slide: [W, H] (a slide of that many pixels) or null (the chart as
    // it is on the page), scale: 1 or 2}
    function downloadChart(gd, opts) {
        if (!gd || !window.Plotly || !gd._fullLayout) { return null; }
        const t = words(gd);
        const layout = JSON.parse(JSON.stringify(gd.layout));
        const font = ((layout.font || {}).size) || 12;
        const w = gd._fullLayout.width, h = gd._fullLayout.height;
        // Title, caption (the filters in words) and credit, wrapped to the chart's width.
        const perLine = function (size) { return Math.max(20, Math.floor((w - 24) / (size * 0.56))); };
        const sizes = {title: Math.round(font * 1.6), caption: Math.round(font * 1.05), credit: Math.round(font * 0.92)};
        const lines = {title: wrap(t.title, perLine(sizes.title)), caption: wrap(t.caption, perLine(sizes.caption)),
                       credit: wrap(t.credit, perLine(sizes.credit))};
        const top = Math.ceil(lines.title.length * sizes.title * 1.3 + lines.caption.length * sizes.caption * 1.3 + font);
        const bottom = Math.ceil(lines.credit.length * sizes.credit * 1.35 + font * 0.8);
        let width = Math.round(w), height = Math.round(h + top + bottom), scale = opts.scale || 2;
        if (opts.slide) {
            // Laid out wide enough for the chart's own rows, in the slide's shape (whole pixels both
            // ways), then zoomed to the slide's pixels: the chart's text grows with it.
            const W = opts.slide[0], H = opts.slide[1], unit = W / gcd(W, H);
            width = Math.ceil(Math.max(w, height * W / H) / unit) * unit;
            height = width * H / W;
            scale = (W * (opts.scale || 1) + 0.25) / width;  // the canvas truncates: never a pixel short
        }
        layout.width = width;
        layout.height = height;
        const margin = layout.margin || {};
        layout.margin = Object.assign({}, margin, {t: (margin.t || 58) + top, b: (margin.b || 12) + bottom});
        const note = function (text, size, y, yanchor, shift, colour, bold) {
            return {text: text.map(function (l) { return bold ? "<b>" + esc(l) + "</b>" : esc(l); }).join("<br>"),
                    xref: "paper", yref: "paper", x: 0, xanchor: "left", y: y, yanchor: yanchor, yshift: shift,
                    align: "left", showarrow: false, font: {size: size, color: colour}};
        };
        layout.annotations = (layout.annotations || []).concat([
            note(lines.title, sizes.title, 1, "top", layout.margin.t - font * 0.5, "#000", true),
            note(lines.caption, sizes.caption, 1, "top",
                 layout.margin.t - font * 0.5 - lines.title.length * sizes.title * 1.3, "#1f2328", false),
            note(lines.credit, sizes.credit, 0, "top", -(margin.b || 12) - font * 0.4, "#333", false),
        ]);
        const slug = (t.title + "-" + t.caption).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+/, "");
        const name = (slug.indexOf("bajor-timeline-") === 0 ? slug : "bajor-timeline-" + slug).slice(0, 90).replace(/-+$/, "");
        const size = opts.slide ? opts.slide[0] * (opts.scale || 1) + "x" + opts.slide[1] * (opts.scale || 1) : "";
        const file = {format: opts.format, filename: name + (size ? "-" + size : ""), width: width, height: height,
                      scale: opts.format === "svg" ? 1 : scale};
        const fig = {data: gd.data, layout: layout, config: {staticPlot: true}};
        if (opts.format === "svg" && opts.slide) {
            // Vector: the same layout, declared at the slide's size (its viewBox keeps the drawing).
            window.Plotly.toImage(fig, {format: "svg", width: width, height: height}).then(function (url) {
                const svg = decodeURIComponent(url.slice(url.indexOf(",") + 1)).replace(
                    /^<svg([^>]*?) width="[^"]*" height="[^"]*"/,
                    '<svg$1 width="' + opts.slide[0] + '" height="' + opts.slide[1] + '"');
                const a = document.createElement("a");
                a.href = URL.createObjectURL(new Blob([svg], {type: "image/svg+xml"}));
                a.download = file.filename + ".svg";
                document.body.appendChild(a);
                a.click();
                setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
            });
        } else {
            window.Plotly.downloadImage(fig, file);
        }
        return file;
    }

    function gcd(a, b) { return b ? gcd(b, a % b) : a; }

    // Words into lines of at most `n` characters (a long word gets a line of its own).
    function wrap(text, n) {
        const out = [];
        String(text || "").split(/\s+/).filter(Boolean).forEach(function (word) {
            const last = out.length ? out[out.length - 1] : null;
            if (last !== null && (last + " " + word).length <= n) { out[out.length - 1] = last + " " + word; }
            else { out.push(word); }
        });
        return out.length ? out : [""];
    }

    document.addEventListener("click", function (e) {
        const btn = e.target.closest && e.target.closest('.modebar-btn[data-title^="Download plot"]');
        if (!btn || !window.Plotly) { return; }
        const gd = btn.closest(".js-plotly-plot");
        if (!gd || !gd.closest("[data-credit]")) { return; }
        e.preventDefault(); e.stopImmediatePropagation();
        downloadChart(gd, {format: "png", slide: null, scale: 2});
    }, true);

    document.addEventListener("click", function (e) {
        const item = e.target.closest && e.target.closest("[data-slide-image], [data-print]");
        if (!item) { return; }
        if (item.hasAttribute("data-print")) { window.print(); return; }
        const gd = document.querySelector("#" + item.getAttribute("data-slide-image") + " .js-plotly-plot");
        downloadChart(gd, {format: item.getAttribute("data-format"), slide: [1920, 1080],
                           scale: Number(item.getAttribute("data-scale")) || 1});
    });
    window.bajorDownloadChart = downloadChart;  // for the browser tests and the console

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
            presentTitle: function (title) {
                if (title) { document.title = title; }  // a callback with no output: it only acts on the page
            },
            docTitle: function (title) {
                if (title) { document.title = title; }
                // After the panel has rendered and the click or tap that opened it has settled. Focus
                // follows a choice made on the charts, in the panel or on the page itself; it is never
                // taken from where the reader has gone since (the header's buttons, a dialog, a filter).
                setTimeout(function () {
                    const heading = document.getElementById("details-title");
                    const el = document.activeElement;
                    const fromChoice = !el || el === document.body || Boolean(el.closest && el.closest("#charts, #" + DETAILS));
                    if (heading && panelOpen() && fromChoice && !typing(el)) { heading.focus({preventScroll: true}); }
                }, 80);  // a callback with no output: nothing to return
            },
            refreshGrid: function () {
                // A grid that is not drawn yet asks for its rows when it is: nothing to refresh.
                const grid = document.getElementById("events-grid");
                if (grid && grid.querySelector(".ag-root-wrapper") && window.dash_ag_grid && window.dash_ag_grid.getApi) {
                    try { window.dash_ag_grid.getApi("events-grid").purgeInfiniteCache(); } catch (e) { /* not ready */ }
                }  // a callback with no output: nothing to return
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
