/* Zooming or panning one chart moves the other to the same years (runs in the browser: no
   round trip, and a later 'autosize' event cannot cancel an earlier zoom the way a stale server
   response would). A double-click reset sends both back to the range they were drawn with. */
window.dash_clientside = Object.assign({}, window.dash_clientside);
window.dash_clientside.bajor = Object.assign({}, window.dash_clientside.bajor, {
        shareYears: function (ganttRelayout, timelineRelayout, ganttFigure) {
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
            const patch = new dc.Patch().assign(["layout", "xaxis", "range"], range)
                .assign(["layout", "xaxis", "autorange"], false).build();
            return fromGantt ? [dc.no_update, patch] : [patch, dc.no_update];
        }
});
