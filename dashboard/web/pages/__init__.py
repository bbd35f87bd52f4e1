"""The app's pages, one folder each (layout, the plain functions behind it, callbacks): the explorer
at /, the presentation at /present, the embed at /embed. dashboard/web/router.py picks one by path."""
