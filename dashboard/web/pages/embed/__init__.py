"""/embed: one chart for an iframe in someone else's page, with no navigation and no filter controls.

    /embed?view=gantt|timeline|dispute|drift&<the URL filter vocabulary>[&event=ID][&theme=light|dark]

A one-line caption (the view in words, from dashboard/formats/charts.py), the chart filling the iframe's
width (assets/explorer.js measures it, as in the explorer, so rows are packed for that width), the
credit to the wikis with their licences and a link to the same view in the full explorer. A click
shows the event's dates and citations in a compact card inside the embed; the selection stays in
the page (an iframe that pushed history would take over the host page's Back button).
assets/embed.js tells the host page the embed's height (message format in dashboard/web/share.py).
"""
