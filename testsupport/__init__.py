"""Helpers shared by the tests and the benchmarks (not part of the app, not installed with it).

- `testsupport` (here): where things are: ROOT, DATA (the bundled tables), MINI (the small fixture table)
- `testsupport.servers`: serve a WSGI app or an http.server on a loopback port; stop child processes
- `testsupport.synthetic`: synthetic data directories of any size (also `benchmarks/synthetic.py`)
- `testsupport.dash_client`: Dash's callback requests made through Flask's test client, layouts searched
- `testsupport.browser`: headless Chromium: launch flags, a served app, waits that respect the app's CSP,
  the explorer's selectors and steps, axe-core checks
- `testsupport.bench`: what a benchmark's result must hold (the smoke runs in tests/)
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
MINI = ROOT / "tests" / "fixtures" / "mini"
