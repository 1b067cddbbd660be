"""Verify the fresh corpus part X (benchmarks/corpus_verify.py says what is confirmed).

Run from the repository root:  python benchmarks/fresh-x/verify.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus_verify import verify

SLIPS: set[tuple[str, str, int]] = set()

if __name__ == "__main__":
    sys.exit(verify(Path(__file__).resolve().parent, SLIPS))
