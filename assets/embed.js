/* Bajor Timeline /embed, in the browser: tell the host page the embed's height, pick the clicked
   event (the card), dim the others, Escape and focus for the card. Acts only on a page holding
   #embed (every asset loads on every page of a Dash app). The chart's width is measured by
   assets/explorer.js, as in the explorer.

   The height message (documented in README "Embedding a chart" and dashboard/share.py):
     window.parent.postMessage({type: "bajor-timeline:height", height: <CSS px>, id: "<path and query>"}, "*")
   sent whenever the embed's height changes (a ResizeObserver on the embed and the document). */
(function () {
    const ROOT = "embed", CARD = "embed-card", CLOSE = "embed-card-close", TITLE = "embed-card-title";
    let sent = null, observed = null, frame = null, lastFocus = null;

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
            // The page's colours follow the embed's theme (the server also writes it into <html>).
            document.documentElement.setAttribute("data-bs-theme", el.getAttribute("data-bs-theme") || "light");
            document.documentElement.classList.add("embed-page");
            resize.observe(el);
            resize.observe(document.documentElement);
            schedule();
        }
    }
    new MutationObserver(watch).observe(document.documentElement, {childList: true, subtree: true});
    window.addEventListener("load", watch);

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
                return id || dc.no_update;
            },
            // Dim every event but the picked one (or the one the URL names), as the explorer does.
            highlight: function (selected, figure) {
                const dc = window.dash_clientside;
                const el = root();
                const id = selected || (el && el.getAttribute("data-event")) || "";
                if (!dc.bajor || !dc.bajor.highlight) { return dc.no_update; }
                return dc.bajor.highlight("?event=" + encodeURIComponent(id), null, figure, null)[0];
            }
        }
    });
})();
