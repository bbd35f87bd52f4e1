"""Write a synthetic data directory: python benchmarks/synthetic.py DIR --events N [--seed S].

The generator lives in testsupport/synthetic.py (tests use it too); this is its command line.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script: the repository's packages

from testsupport.synthetic import main

if __name__ == "__main__":
    raise SystemExit(main())
