/* Bajor Timeline's progressive embed, on the HOST page (a blog post), not on the app's own pages
   (web/app.py leaves it out of Dash's scripts). The Share dialog's "picture first" snippet is

     <a href="<the view in the explorer>" data-bajor-timeline-embed="<the /embed URL>" data-height="640">
       <img src="<the view's card.png>" alt="<the view in words>" width="1200" height="630" ...></a>
     <script src="<the app>/assets/progressive.js" async></script>

   Where scripts are stripped (feed readers, e-mail, read-later apps) the reader sees the picture and
   can click through. Where they run, this swaps each such link for the responsive iframe, and sizes
   every embed's iframe from the height message the embed sends (dashboard/web/share.py):
     {type: "bajor-timeline:height", height: <CSS px>, id: "<path and query>"}
   CSP-safe: no inline code, no eval, no markup from strings; styles set through the CSSOM. However
   many snippets a page holds, it runs once (the flag) and swaps every link. */
(function () {
    "use strict";
    if (window.bajorTimelineProgressive) { return; }
    window.bajorTimelineProgressive = true;
    var LINK = "data-bajor-timeline-embed", FRAME = "data-bajor-timeline", TYPE = "bajor-timeline:height";

    function frameFor(link) {
        var url;
        try { url = new URL(link.getAttribute(LINK), document.baseURI); } catch (err) { return null; }
        if (url.protocol !== "https:" && url.protocol !== "http:") { return null; }
        var img = link.querySelector("img");
        var frame = document.createElement("iframe");
        frame.src = url.href;
        frame.title = (img && img.getAttribute("alt")) || link.getAttribute("title") || "Bajor Timeline chart";
        frame.setAttribute(FRAME, "");
        frame.setAttribute("loading", "lazy");
        frame.setAttribute("allow", "fullscreen");
        frame.setAttribute("width", "100%");
        var height = parseInt(link.getAttribute("data-height"), 10);
        frame.setAttribute("height", String(height > 0 && height < 5000 ? height : 640));
        frame.style.width = "100%";
        frame.style.maxWidth = "100%";
        frame.style.border = "0";
        frame.style.display = "block";
        return frame;
    }

    function swapAll() {
        var links = document.querySelectorAll("a[" + LINK + "]");
        for (var i = 0; i < links.length; i++) {
            var frame = frameFor(links[i]);
            if (frame && links[i].parentNode) { links[i].parentNode.replaceChild(frame, links[i]); }
        }
    }

    window.addEventListener("message", function (e) {
        var d = e.data;
        if (!d || d.type !== TYPE || !(d.height > 0)) { return; }
        var frames = document.querySelectorAll("iframe[" + FRAME + "]");
        for (var i = 0; i < frames.length; i++) {
            if (frames[i].contentWindow === e.source) { frames[i].style.height = Math.ceil(d.height) + "px"; }
        }
    });

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", swapAll);
    } else {
        swapAll();
    }
})();
