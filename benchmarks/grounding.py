"""Grounding accuracy on the labelled corpus built from the example articles.

    python benchmarks/grounding.py

Prints recall on corrupted items per category (targets: quotes >= 0.99, numbers and names >= 0.95)
and the false-flag rate on faithful items (target <= 0.02), then every miss and false flag.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.grounding_corpus import corpus, evaluate

TARGETS = {"quotes": 0.99, "numbers": 0.95, "names": 0.95}


def main() -> int:
    scores = evaluate()
    rules = Counter(
        f"{item.category:8} {'faithful ' if item.faithful else 'corrupted'} {item.rule}" for item in corpus()
    )
    print("corpus (from examples/articles):")
    for rule, count in sorted(rules.items()):
        print(f"  {count:4}  {rule}")
    ok = True
    print("\nrecall on corrupted items:")
    for category, recall in scores.recall.items():
        target = TARGETS[category]
        ok &= recall >= target
        items = scores.counts[category + " corrupted"]
        print(f"  {category:8} {recall:.3f}  (target >= {target}, {items} items)")
    faithful = sum(n for key, n in scores.counts.items() if key.endswith("faithful"))
    ok &= scores.false_flags <= 0.02
    print(f"false flags on faithful items: {scores.false_flags:.3f}  (target <= 0.02, {faithful} items)")
    for item in scores.missed:
        print("  missed:", item.category, item.rule, item.briefing.model_dump(exclude_defaults=True))
    for item in scores.false:
        print("  false flag:", item.category, item.rule, item.briefing.model_dump(exclude_defaults=True))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
