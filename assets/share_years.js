/* Zooming or panning one chart moves the other to the same years (runs in the browser: no
   round trip, and a later 'autosize' event cannot cancel an earlier zoom the way a stale server
   response would). A double-click reset sends both back to the range they were drawn with. */
window.dash_clientside = Object.assign({}, window.dash_clientside);
window.dash_clientside.bajor = Object.assign({}, window.dash_clientside.bajor, {
        shareYears: function (ganttRelayout, timelineRelayout, ganttFigure, timelineFigure) {
            const dc = window.dash_clientside;
            const triggered = (dc.callback_context.triggered || []).map(t => t.prop_id);
            const fromGantt = triggered.some(p => p.startsWith("chart-gantt."));
            const r = (fromGantt ? ganttRelayout : timelineRelayout) || {};
            let range = null;
            if ("xaxis.range[0]" in r && "xaxis.range[1]" in r) {
                range = [r["xaxis.range[0]"], r["xaxis.range[1]"]];
            } else if (Array.isArray(r["xaxis.range"]) && r["xaxis.range"].length === 2) {
                range = r["xaxis.range"];
            } else if (r["xaxis.autorange"]) {
                const meta = ganttFigure && ganttFigure.layout && ganttFigure.layout.meta;
                if (!meta || !meta.x_range) { return [dc.no_update, dc.no_update]; }
                const reset = () => new dc.Patch().assign(["layout", "xaxis", "range"], meta.x_range)
                    .assign(["layout", "xaxis", "autorange"], false).build();
                return [reset(), reset()];
            }
            if (range === null) { return [dc.no_update, dc.no_update]; }
            // A chart drawn as a density (too many events to draw one by one) asks the server for the
            // detail of the years zoomed into: the zoom becomes from/to in the URL (shareable, like any view).
            const aggregated = [ganttFigure, timelineFigure].some(
                f => f && f.layout && f.layout.meta && f.layout.meta.aggregated);
            if (aggregated && dc.set_props) {
                const p = new URLSearchParams(window.location.search);
                p.set("from", String(Math.floor(range[0])));
                p.set("to", String(Math.ceil(range[1]) - 1));
                p.delete("step");
                dc.set_props("url", {search: "?" + p.toString().replace(/%2C/g, ",")});
            }
            const patch = new dc.Patch().assign(["layout", "xaxis", "range"], range)
                .assign(["layout", "xaxis", "autorange"], false).build();
            return fromGantt ? [dc.no_update, patch] : [patch, dc.no_update];
        }
});
