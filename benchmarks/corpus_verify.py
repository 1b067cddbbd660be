"""What a corpus part's verify.py confirms and its check.py does not: every quote of every style and of
every planted copy is in its article (except the planted quote errors and the part's listed slips), every
JSON validates against the Briefing model, and every planted error's `wrong` string is in its field of the
planted copy and nowhere in the faithful briefing (a misattributed quote's `wrong` is a speaker the faithful
briefing names elsewhere: it must only not be that quote's speaker).

Each part calls `verify(its folder, its slips)`; `--partial` (while writing) checks only the articles that
have their planted files yet.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from summarizer.models import Briefing

STYLES = ["briefings", "styles/attributive", "styles/terse", "styles/titled", "planted"]
KINDS = [
    "figure_swapped",
    "figure_misremembered",
    "quote_drifted",
    "quote_misattributed",
    "date_unsupported",
    "name_invented",
]

#: (style folder, article id, quote index)
Slip = tuple[str, str, int]


def fold(text: str) -> str:
    return text.translate(str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"}))


def body(root: Path, aid: str) -> str:
    return (root / "articles" / f"{aid}.md").read_text(encoding="utf-8").split("---\n", 2)[2]


def field(data, path: str):
    for name, index in re.findall(r"(\w+)(?:\[(\d+)\])?", path):
        data = data[name]
        if index:
            data = data[int(index)]
    return data


def verify(root: Path, slips: set[Slip]) -> int:
    """Print what the part holds and each problem found; 1 when there is one."""
    problems, counts = [], {}
    ids = sorted(p.stem for p in (root / "articles").glob("*.md"))
    if "--partial" in sys.argv:  # while writing: only the articles that have their files yet
        ids = [aid for aid in ids if (root / "planted" / f"{aid}.errors.json").exists()]
    kinds = {k: 0 for k in KINDS}
    for aid in ids:
        text = fold(body(root, aid))
        planted_quotes = set()
        errors = json.loads((root / "planted" / f"{aid}.errors.json").read_text(encoding="utf-8"))
        if len(errors) != 3:
            problems.append(f"{aid}: {len(errors)} planted errors")
        faithful = json.loads((root / "briefings" / f"{aid}.json").read_text(encoding="utf-8"))
        bad = json.loads((root / "planted" / f"{aid}.json").read_text(encoding="utf-8"))
        for err in errors:
            kinds[err["kind"]] += 1
            got, was = field(bad, err["field"]), field(faithful, err["field"])
            if err["wrong"] not in (got or ""):
                problems.append(f"{aid}: wrong {err['wrong']!r} not in planted {err['field']}")
            if err["wrong"] in (was or ""):
                problems.append(f"{aid}: wrong {err['wrong']!r} already in faithful {err['field']}")
            whole = json.dumps(faithful, ensure_ascii=False)
            if err["kind"] != "quote_misattributed" and err["wrong"] in whole:
                problems.append(f"{aid}: wrong {err['wrong']!r} found elsewhere in the faithful briefing")
            if err["kind"].startswith("quote"):
                planted_quotes.add(int(re.search(r"quotes\[(\d+)\]", err["field"]).group(1)))
        if len({e["kind"] for e in errors}) != len(errors):
            problems.append(f"{aid}: a kind planted twice")
        if bad == faithful:
            problems.append(f"{aid}: planted copy equals faithful")
        for style in STYLES:
            path = root / style / f"{aid}.json"
            data = json.loads(path.read_text(encoding="utf-8"))
            Briefing.model_validate(data)
            if set(data["event"]) != {"what", "where", "when"}:
                problems.append(f"{style}/{aid}: event keys")
            for i, quote in enumerate(data["quotes"]):
                counts[style] = counts.get(style, 0) + 1
                if fold(quote["text"]) in text:
                    continue
                if style == "planted" and i in planted_quotes:
                    continue
                if (style, aid, i) in slips or (style == "planted" and ("briefings", aid, i) in slips):
                    continue
                problems.append(f"{style}/{aid}: quotes[{i}] not in article: {quote['text'][:60]!r}")
    # a listed slip must really be a slip
    for style, aid, i in slips:
        if aid not in ids:
            continue
        data = json.loads((root / style / f"{aid}.json").read_text(encoding="utf-8"))
        if fold(data["quotes"][i]["text"]) in fold(body(root, aid)):
            problems.append(f"slip {style}/{aid} quotes[{i}] is in the article")
    print(f"{len(ids)} articles; quotes per style: {counts}; planted errors per kind: {kinds}")
    for p in problems:
        print("PROBLEM", p)
    print("OK" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0
