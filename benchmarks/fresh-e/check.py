"""Check the fresh corpus part E, an untouched part (benchmarks/corpus_check.py says what is checked).

Run from the repository root:  python benchmarks/fresh-e/check.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus_check import check

#: Quotes a real model plausibly gets slightly wrong; kept on purpose (see README).
#: tf18-huffpost quotes[0] joins the rescuer's two sentences across the article's interruption
#: ("…Brilliant,” a member of the multinational rescue team … tells the boys. You have been here 10 days…").
#: The part's other slip is not a quote: oly24-perthnow event.when is the publication date in Perth
#: (2024-08-05), though the article names no day and the final was run on 4 August in Paris.
SLIPS = {("tf18-huffpost", 0)}

if __name__ == "__main__":
    sys.exit(check(Path(__file__).resolve().parent, SLIPS))
