"""Check the fresh corpus part O, an untouched part (benchmarks/corpus_check.py says what is checked).

Run from the repository root:  python benchmarks/fresh-o/check.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus_check import check

#: No deliberate model slips in this part: every quote of every faithful briefing is in its article.
SLIPS: set[tuple[str, int]] = set()

if __name__ == "__main__":
    sys.exit(check(Path(__file__).resolve().parent, SLIPS))
