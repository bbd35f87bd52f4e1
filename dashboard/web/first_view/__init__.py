"""The explorer's first view: the page as static HTML, and a chart's picture drawn by the server."""
