"""Check the fresh corpus part W, an untouched part (benchmarks/corpus_check.py says what is checked).

Run from the repository root:  python benchmarks/fresh-w/check.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus_check import check

#: Quotes a real model plausibly gets slightly wrong; kept on purpose (see README). None in this part.
SLIPS: set[tuple[str, int]] = set()

if __name__ == "__main__":
    sys.exit(check(Path(__file__).resolve().parent, SLIPS))
