/* Bajor Timeline /embed, in the browser: tell the host page the embed's height, pick the clicked
   event (the card) and tell the host, dim the others, Escape and focus for the card, follow the
   reader's colour scheme (theme=auto), obey the host's select and step messages. Acts only on a
   page holding #embed (every asset loads on every page of a Dash app). The chart's width is
   measured by assets/explorer.js, as in the explorer. The messages are documented in
   docs/EMBEDDING.md ("The message API"); their names are dashboard/web/share_options.py's.

   The height message: window.parent.postMessage({type: "bajor-timeline:height", height: <CSS px>,
   id: "<path and query>"}, "*"), sent whenever the embed's height changes (a ResizeObserver). */
(function () {
    const ROOT = "embed", CARD = "embed-card", CLOSE = "embed-card-close", TITLE = "embed-card-title";
    const SCHEME = "embed-scheme", HOST_PICK = "embed-host-pick", STEP = "embed-step", CHART = "embed-chart";
    const PREV = "embed-tour-prev", NEXT = "embed-tour-next", MAX_ID = 200;
    let sent = null, observed = null, frame = null, lastFocus = null, pending = null;
    const dark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

    function root() { return document.getElementById(ROOT); }

    function height(el) {
        const style = getComputedStyle(document.body);
        return Math.ceil(el.getBoundingClientRect().height + parseFloat(style.marginTop || 0) +
                         parseFloat(style.marginBottom || 0));
    }

    function report() {
        frame = null;
        const el = root();
        if (!el || window.parent === window) { return; }
        const h = height(el);
        if (h > 0 && h !== sent) {
            sent = h;
            window.parent.postMessage({type: el.getAttribute("data-message") || "bajor-timeline:height", height: h,
                                       id: location.pathname + location.search}, "*");
        }
    }

    function schedule() { if (frame === null) { frame = requestAnimationFrame(report); } }

    const resize = new ResizeObserver(schedule);
    function watch() {
        const el = root();
        if (el === observed) { return; }
        if (observed) { resize.unobserve(observed); }
        observed = el;
        if (el) {
            // The page's colours follow the embed's theme (the server also writes it into <html>);
            // theme=auto follows the reader's scheme, now and whenever it changes.
            document.documentElement.classList.add("embed-page");
            applyScheme();
            resize.observe(el);
            resize.observe(document.documentElement);
            schedule();
        }
    }
    function applyScheme() {
        const el = root();
        if (!el) { return; }
        const theme = el.getAttribute("data-theme") || el.getAttribute("data-bs-theme") || "light";
        const scheme = theme === "auto" ? (dark && dark.matches ? "dark" : "light") : theme;
        document.documentElement.setAttribute("data-bs-theme", scheme);
        const dc = window.dash_clientside;
        if (theme === "auto" && dc && dc.set_props) { dc.set_props(SCHEME, {data: scheme}); }
    }
    if (dark && dark.addEventListener) { dark.addEventListener("change", applyScheme); }
    new MutationObserver(function () { watch(); if (pending) { obey(pending); } })
        .observe(document.documentElement, {childList: true, subtree: true});
    window.addEventListener("load", watch);

    // --- The host page's messages: {type: "bajor-timeline:select", event: ID} and
    // {type: "bajor-timeline:step", step: N}. Only from the page framing this one (event.source), and
    // only from this origin or one the embed's origin= names. Nothing in a message is run or written
    // into the page: an id must be one the chart draws, a step a whole number within the tour.
    function allowed(e) {
        const el = root();
        if (!el || e.source !== window.parent || window.parent === window) { return false; }
        if (e.origin === location.origin) { return true; }
        const list = (el.getAttribute("data-origins") || "").split(",").filter(Boolean);
        return list.indexOf(e.origin) >= 0;
    }
    function drawnIds() {
        const gd = document.querySelector("#" + CHART + " .js-plotly-plot");
        const ids = new Set();
        ((gd && gd.data) || []).forEach(function (t) {
            const cd = t.customdata || [];
            for (let i = 0; i < cd.length; i++) { ids.add(Array.isArray(cd[i]) ? cd[i][0] : cd[i]); }
        });
        return ids;
    }
    function obey(d) {
        const dc = window.dash_clientside, el = root();
        if (!dc || !dc.set_props || !el) { pending = d; return; }
        if (d.type === "bajor-timeline:select") {
            if (d.event === null || d.event === "") { pending = null; dc.set_props(HOST_PICK, {data: null}); return; }
            const ids = drawnIds();
            if (!ids.size) { pending = d; return; }  // the chart is not drawn yet: try again when it is
            pending = null;
            if (ids.has(d.event)) { dc.set_props(HOST_PICK, {data: d.event}); }
        } else if (d.type === "bajor-timeline:step") {
            pending = null;
            const last = parseInt(el.getAttribute("data-steps") || "0", 10);
            if (Number.isInteger(d.step) && d.step >= 1 && d.step <= last) { dc.set_props(STEP, {data: d.step}); }
        }
    }
    window.addEventListener("message", function (e) {
        const d = e.data;
        if (!d || typeof d !== "object" || typeof d.type !== "string" || !allowed(e)) { return; }
        if (d.type === "bajor-timeline:select" && (d.event === null || d.event === "" ||
            (typeof d.event === "string" && d.event.length <= MAX_ID))) {
            obey({type: d.type, event: d.event});
        } else if (d.type === "bajor-timeline:step" && typeof d.step === "number") {
            obey({type: d.type, step: d.step});
        }
    });

    function cardOpen() {
        const card = document.getElementById(CARD);
        return card && card.classList.contains("open");
    }

    document.addEventListener("focusin", function (e) {
        const card = document.getElementById(CARD);
        if (card && !card.contains(e.target)) { lastFocus = e.target; }
    });
    document.addEventListener("keydown", function (e) {
        if (e.key === "Escape" && root() && cardOpen()) {
            const b = document.getElementById(CLOSE);
            if (b) { b.click(); e.preventDefault(); }
        }
    });
    // The card's title takes focus when it opens; closing it gives focus back.
    new MutationObserver(function () {
        const title = document.getElementById(TITLE);
        if (title && cardOpen() && !title.dataset.focused) {
            title.dataset.focused = "1";
            title.focus({preventScroll: true});
        }
    }).observe(document.documentElement, {childList: true, subtree: true, attributes: true, attributeFilter: ["class"]});
    // A tour's Next (or Previous) disabled at the end would drop keyboard focus to the page: it goes
    // to the other button instead.
    let lastTour = null;
    document.addEventListener("focusin", function (e) {
        if (e.target && (e.target.id === PREV || e.target.id === NEXT)) { lastTour = e.target.id; }
    });
    new MutationObserver(function (records) {
        records.forEach(function (r) {
            const b = r.target, active = document.activeElement;
            if (b.id !== lastTour || !b.disabled || (active !== b && active !== document.body && active !== null)) { return; }
            const other = document.getElementById(b.id === PREV ? NEXT : PREV);
            if (other && !other.disabled) { other.focus(); }
        });
    }).observe(document.documentElement, {subtree: true, attributes: true, attributeFilter: ["disabled"]});
    document.addEventListener("click", function (e) {
        if (e.target && e.target.id === CLOSE && lastFocus && document.body.contains(lastFocus)) {
            setTimeout(function () { lastFocus.focus(); }, 0);
        }
    });

    window.dash_clientside = Object.assign({}, window.dash_clientside, {
        bajorEmbed: {
            // The clicked event's id (the dispute view draws one event: any click names it); null to close.
            pick: function (click) {
                const dc = window.dash_clientside;
                const trigger = (dc.callback_context.triggered || []).map(t => t.prop_id).join(" ");
                if (trigger.indexOf(CLOSE) >= 0) { return null; }
                const p = click && click.points && click.points[0];
                let id = p && p.customdata;
                if (Array.isArray(id)) { id = id[0]; }
                if (typeof id !== "string") {
                    const el = root();
                    id = el && el.getAttribute("data-event") ? el.getAttribute("data-event") : null;
                }
                if (id && window.parent !== window) {  // tell the host page what the reader chose
                    window.parent.postMessage({type: "bajor-timeline:selected", event: id}, "*");
                }
                return id || dc.no_update;
            },
            // Dim every event but the picked one (clicked, else selected by the host page, else the
            // one the URL names), as the explorer does.
            highlight: function (selected, hostPick, figure) {
                const dc = window.dash_clientside;
                const el = root();
                const id = selected || hostPick || (el && el.getAttribute("data-event")) || "";
                if (!dc.bajor || !dc.bajor.highlight) { return dc.no_update; }
                return dc.bajor.highlight("?event=" + encodeURIComponent(id), null, figure, null)[0];
            },
            // A tour's Previous and Next: one step back or on, within the tour.
            stepBy: function (prev, next, step) {
                const dc = window.dash_clientside, el = root();
                const trigger = (dc.callback_context.triggered || []).map(t => t.prop_id).join(" ");
                const last = parseInt((el && el.getAttribute("data-steps")) || "0", 10);
                const to = (step || 1) + (trigger.indexOf(PREV) >= 0 ? -1 : trigger.indexOf(NEXT) >= 0 ? 1 : 0);
                return to >= 1 && to <= last && to !== step ? to : dc.no_update;
            }
        }
    });
})();
