/* Bajor Timeline presentation (/present): keys like a slide deck. The step buttons are links (one
   history entry per step, so Back and a reload keep the place); keys click them. B blanks the
   screen (and any step key or B again brings it back), F toggles the browser's full screen, Escape
   returns to the explorer at the same view. D switches the chart to "Sources over time" and back;
   [ and ] step "as known in" through the years the works came out (a link each, like the steps). Nothing here runs outside the presentation page. */
(function () {
    const KEYS = {
        ArrowRight: "present-next", " ": "present-next", PageDown: "present-next", Enter: null,
        ArrowLeft: "present-prev", PageUp: "present-prev", Backspace: null,
        Home: "present-first", End: "present-last", Escape: "present-exit",
        d: "present-drift", D: "present-drift", "[": "present-asof-prev", "]": "present-asof-next",
    };

    function root() { return document.getElementById("present"); }

    function typing(el) {
        return el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable);
    }

    function setBlank(on) {
        const r = root();
        if (!r) { return; }
        r.classList.toggle("blanked", on);
        const b = document.getElementById("present-blank");
        if (b) { b.setAttribute("aria-pressed", on ? "true" : "false"); }
    }

    function toggleFullscreen() {
        const done = function () {};
        if (document.fullscreenElement) {
            if (document.exitFullscreen) { document.exitFullscreen().catch(done); }
        } else if (document.documentElement.requestFullscreen) {
            document.documentElement.requestFullscreen().catch(done);  // refused without a user gesture
        }
    }

    function follow(id) {
        const link = document.getElementById(id);
        if (link && link.getAttribute("href")) { link.click(); return true; }
        return false;
    }

    document.addEventListener("keydown", function (e) {
        const r = root();
        if (!r || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || typing(document.activeElement)) { return; }
        const menu = document.activeElement && document.activeElement.closest && document.activeElement.closest(".dropdown-menu.show");
        if (menu) { return; }  // the Image menu handles its own keys
        const key = e.key;
        if (key === "b" || key === "B" || key === ".") {
            setBlank(!r.classList.contains("blanked"));
            e.preventDefault();
            return;
        }
        if (key === "f" || key === "F") {
            toggleFullscreen();
            e.preventDefault();
            return;
        }
        if (!(key in KEYS) || KEYS[key] === null) { return; }
        if (r.classList.contains("blanked")) {  // the first key after a blank only brings the slide back
            setBlank(false);
            e.preventDefault();
            return;
        }
        if (key === " " && document.activeElement && document.activeElement.closest &&
            document.activeElement.closest("button, a, summary")) { return; }  // Space presses the focused control
        if (follow(KEYS[key])) { e.preventDefault(); }
    });

    document.addEventListener("click", function (e) {
        if (!root() || !e.target.closest) { return; }
        if (e.target.closest("#present-blank")) { setBlank(!root().classList.contains("blanked")); }
        else if (e.target.closest("#present-fullscreen")) { toggleFullscreen(); }
        else if (e.target.closest("#present-blank-screen")) { setBlank(false); }
    });
})();
