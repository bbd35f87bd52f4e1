/* Bajor Timeline classroom exercises (/order, /judge). On /order the cards in #order-list move:
   dragged by the handle or the card (mouse, pen, touch: pointer events), by their up and down
   buttons, or with the arrow keys while a card has the focus; every move is announced in
   #order-live. Check reads the cards' order from the page and writes it into the URL (answer=),
   which shows the graded result. Nothing here runs on the other pages, and nothing is stored. */
(function () {
    const LIST = "order-list";
    const LIVE = "order-live";

    function list() { return document.getElementById(LIST); }

    function cards(ol) { return Array.prototype.slice.call((ol || list()).querySelectorAll(":scope > .order-card")); }

    function announce(card, verb) {
        const live = document.getElementById(LIVE);
        const all = cards();
        const at = all.indexOf(card) + 1;
        if (live) { live.textContent = (card.getAttribute("data-title") || "Card") + " " + verb + " position " + at + " of " + all.length + "."; }
    }

    function move(card, step) {
        const ol = card.parentNode;
        const all = cards(ol);
        const at = all.indexOf(card);
        const to = at + step;
        if (to < 0 || to >= all.length) { announce(card, "stays at"); return false; }
        if (step < 0) { ol.insertBefore(card, all[to]); } else { ol.insertBefore(card, all[to].nextSibling); }
        announce(card, "moved to");
        return true;
    }

    document.addEventListener("keydown", function (e) {
        const el = document.activeElement;
        if (!el || !el.classList || !el.classList.contains("order-card") || !el.closest("#" + LIST)) { return; }
        if (e.altKey || e.ctrlKey || e.metaKey) { return; }
        const step = {ArrowUp: -1, ArrowDown: 1}[e.key];
        if (!step) { return; }
        e.preventDefault();
        move(el, step);
        el.focus();
    });

    document.addEventListener("click", function (e) {
        const btn = e.target.closest && e.target.closest(".order-move");
        if (!btn || !btn.closest("#" + LIST)) { return; }
        const card = btn.closest(".order-card");
        move(card, Number(btn.getAttribute("data-move")));
        btn.focus();
    });

    // Dragging: the card takes its place among the others as the pointer passes their middle. A touch drags only from the handle, so a swipe elsewhere still scrolls the page.
    let drag = null;

    document.addEventListener("pointerdown", function (e) {
        const card = e.target.closest && e.target.closest(".order-card");
        if (!card || !card.closest("#" + LIST) || e.button > 0) { return; }
        if (e.target.closest(".order-move")) { return; }
        if (e.pointerType !== "mouse" && !e.target.closest(".order-grip")) { return; }
        drag = {card: card, id: e.pointerId, moved: false};
        if (card.setPointerCapture) { try { card.setPointerCapture(e.pointerId); } catch (err) { /* synthetic */ } }
        e.preventDefault();
    });

    document.addEventListener("pointermove", function (e) {
        if (!drag || e.pointerId !== drag.id) { return; }
        const card = drag.card;
        if (!drag.moved) { drag.moved = true; card.classList.add("dragging"); }
        const others = cards().filter(function (c) { return c !== card; });
        const centre = e.clientY;
        let before = null;
        for (let i = 0; i < others.length; i++) {
            const r = others[i].getBoundingClientRect();
            if (centre < r.top + r.height / 2) { before = others[i]; break; }
        }
        const ol = card.parentNode;
        const nextSame = before === card.nextSibling || (before === null && card === ol.lastElementChild);
        if (!nextSame) { ol.insertBefore(card, before); }
        e.preventDefault();
    });

    function endDrag(e) {
        if (!drag || (e && e.pointerId !== drag.id)) { return; }
        const card = drag.card;
        card.classList.remove("dragging");
        if (drag.moved) { announce(card, "dropped at"); card.focus({preventScroll: true}); }
        drag = null;
    }
    document.addEventListener("pointerup", endDrag);
    document.addEventListener("pointercancel", endDrag);

    window.dash_clientside = Object.assign({}, window.dash_clientside, {
        bajorClassroom: Object.assign({}, (window.dash_clientside || {}).bajorClassroom, {
            check: function (n, search) {
                if (!n) { return window.dash_clientside.no_update; }
                const ids = cards().map(function (c) { return c.getAttribute("data-id"); });
                const p = new URLSearchParams(search || "");
                p.set("answer", ids.join(","));
                return "?" + p.toString().replace(/%2C/g, ",");
            },
            title: function (title) {
                if (title) { document.title = title; }
                const score = document.getElementById("order-score") || document.getElementById("judge-result");
                if (score) { setTimeout(function () { window.scrollTo(0, 0); score.focus({preventScroll: true}); }, 30); }
            }
        })
    });
})();
