"""The presentation at /present: one event per step, large, for a projector, driven from the keyboard.

The URL holds the place (`step=N` on top of the usual filters and `tour=`), so Back and a reload
keep it. The step's buttons are links (a step is one history entry); assets/present.js maps the
keys to them (Right, Space, PageDown; Left, PageUp; Home, End; Escape) and blanks the screen (B)
or toggles full screen (F). The data side is dashboard/domain/presentation.py.
"""
