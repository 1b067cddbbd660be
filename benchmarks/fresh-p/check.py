"""Check the fresh corpus part P, an untouched part (benchmarks/corpus_check.py says what is checked).

Run from the repository root:  python benchmarks/fresh-p/check.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus_check import check

SLIPS: set = set()

if __name__ == "__main__":
    sys.exit(check(Path(__file__).resolve().parent, SLIPS))
