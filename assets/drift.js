/* Bajor Timeline explorer: Play for the "Sources over time" chart. Play walks the "as known in" steps
   (the release years, then every work) that the server lists in #drift-steps, one every DWELL ms, so
   a class can watch the canon grow. The first step adds one history entry (Back returns to where
   Play began); the others replace it, so Play never floods the history. Stop, Escape, the last step,
   or any other change to the address stops it. The step links and the slider are ordinary URLs. */
(function () {
    const DWELL = 1800;
    let timer = null, playing = false, lastSearch = null;

    function button() { return document.getElementById("drift-play"); }

    function steps() {
        const el = document.getElementById("drift-steps");
        try { return JSON.parse((el && el.textContent) || "[]"); } catch (e) { return []; }
    }

    function show(on) {
        const b = button();
        if (!b) { return; }
        b.setAttribute("aria-pressed", on ? "true" : "false");
        b.textContent = on ? "\u25a0 Stop" : "\u25b6 Play";
        b.classList.toggle("playing", on);
    }

    function stop() {
        clearTimeout(timer);
        timer = null;
        playing = false;
        lastSearch = null;
        show(false);
    }

    function here() { return window.location.pathname + window.location.search; }

    function place(list) {
        const now = here();
        for (let i = 0; i < list.length; i++) {
            const u = new URL(list[i], window.location.href);
            if (u.pathname + u.search === now) { return i; }
        }
        return -1;
    }

    function go(href, push) {
        const url = new URL(href, window.location.href);
        if (push) { window.history.pushState({}, "", url); } else { window.history.replaceState({}, "", url); }
        lastSearch = url.search;
        window.dispatchEvent(new PopStateEvent("popstate"));  // dcc.Location reads the new address
    }

    function tick(first) {
        if (!playing) { return; }
        if (!button() || (!first && window.location.search !== lastSearch)) { stop(); return; }
        const list = steps();
        const i = place(list);
        const next = first && (i < 0 || i === list.length - 1) ? 0 : i + 1;
        if (i < 0 && !first || next >= list.length) { stop(); return; }
        go(list[next], first);
        if (next === list.length - 1) { stop(); return; }  // every work: the canon as it stands
        timer = setTimeout(function () { tick(false); }, DWELL);
    }

    document.addEventListener("click", function (e) {
        const b = e.target.closest && e.target.closest("#drift-play");
        if (!b) { return; }
        if (playing) { stop(); return; }
        playing = true;
        show(true);
        tick(true);
    });

    document.addEventListener("keydown", function (e) {
        if (playing && e.key === "Escape") { stop(); e.preventDefault(); }
    });

    // dcc.Slider (Dash 4) takes no ARIA props: name its thumb, and say its value as the year it stands
    // for (the slider counts steps, not years). The thumb's class is Dash's own (dash-slider-thumb).
    let queued = false;
    function nameThumb() {
        queued = false;
        const thumb = document.querySelector("#drift-slider [role=slider], #drift-slider .dash-slider-thumb");
        if (!thumb) { return; }
        const said = (document.getElementById("drift-asof") || {}).textContent || "";
        if (thumb.getAttribute("aria-label") !== "As known in") { thumb.setAttribute("aria-label", "As known in"); }
        if (said && thumb.getAttribute("aria-valuetext") !== said) { thumb.setAttribute("aria-valuetext", said); }
    }
    new MutationObserver(function () {
        if (!queued && document.getElementById("drift-slider")) { queued = true; requestAnimationFrame(nameThumb); }
    }).observe(document.documentElement, {childList: true, subtree: true, characterData: true});
})();
