"""Which labelled corpus parts may be tuned on, and which are untouched until the end (EVALUATION.md).

A part used to change a rule, a threshold or a prompt is a tuning part from then on: move it here, and
say so where its figures are reported. fresh-b was measured once and then used (its AFTER.md); fresh-c,
fresh-d and fresh-e were written blind in the session of 2026-12-07 and first measured at once (their
FIRST.md): fresh-c became the tuning part, fresh-d and fresh-e stayed untouched until the end of that
session (their AFTER.md). From the second session of 2026-12-07 on, fresh-d and fresh-e are tuning parts
too, and fresh-f and fresh-g, written blind in that session, were the untouched ones (their FIRST.md and
AFTER.md). From the session of 2026-12-07 afternoon on, fresh-f and fresh-g are tuning parts, and fresh-h
and fresh-i, written blind in that session, were the untouched ones (their FIRST.md and AFTER.md). From the
session of 2026-12-07 evening on, fresh-h and fresh-i are tuning parts, and fresh-j and fresh-k, written
blind in that session, are the untouched ones, and so is fresh-m, written blind later in that session.
fresh-l, written blind beside fresh-m, was measured once (its FIRST.md) and then tuned on: by text it
grouped its 18 articles into 15 stories for 5 events, a failure of the default grouping too large to
leave for a later session. fresh-j, fresh-k and fresh-m were measured again at the end of that session
(their AFTER.md) and became tuning parts then. In the session of 2026-12-07 night, four sessions that read
no rule wrote fresh-n (national elections: the UK in 2019 and 2024, Spain, Italy, Portugal), fresh-o (five
air disasters), fresh-p (two Euro finals, two Tours de France, a Copa America final) and fresh-q (corporate
collapses, in English, German, Swedish and Polish); each was measured once as it came (its FIRST.md) and
is untouched until the end of that session, except fresh-q: after its first figure (the Wirecard admission
and the insolvency three days later joined into one story by text and by e5; Polish 6-12% dropped) it was
tuned on in that session, for its grouping and for languages the checks do not ship. fresh-n, fresh-o and
fresh-p were measured again at the end of that session (their AFTER.md) and are tuning parts since. In the
session of 2026-12-07 late night, four sessions that read no rule wrote fresh-r (space flights and landings:
the first two Starship test flights, the SLIM and Odysseus moon landings, the Artemis I launch; English,
French, German and Spanish), fresh-s (court verdicts: Chauvin, Trump, Sarkozy in 2021 and 2025,
Pistorius; English, Italian, German, French and Spanish), fresh-t (storms, floods and heat: Storm Boris,
Hurricane Otis, Storms Babet and Ciarán, the UK's first 40 C day; with German, Polish, Czech, Spanish and
French) and fresh-u (heads of government who fall: Johnson, Truss, Sunak, Abe, Scholz's coalition; with
German, French, Italian and Spanish); each was measured once as it came (its FIRST.md) and was untouched
until the end of that session, when all four were measured again (their AFTER.md). fresh-r and fresh-s
are tuning parts since; fresh-t and fresh-u stay untouched (never tuned on, their per-item findings
unread), so that the next session measures its own rules on them once more, at its end. fresh-v (wildfires:
Rhodes and Evros in 2023, Pedrógão Grande in 2017, the Palisades and Eaton fires of January 2025; with
Spanish, French, German and Italian), written blind in the session of 2026-12-08, is untouched: measured
once as it came (its FIRST.md), never tuned on. fresh-w (outages and cyberattacks: the Iberian blackout,
WannaCry, NotPetya, Colonial Pipeline, Optus; with Spanish, Portuguese, French and German), written blind
in the same session, is untouched too: measured once as it came (its FIRST.md), never tuned on.
fresh-x (events that come in pairs: the Noto quake and the Haneda collision, the Queen's death and
funeral, the Kakhovka dam; with German, French, Spanish and Italian), written blind in the same session,
is a tuning part: measured once as it came (its FIRST.md), then tuned on. At the end of that session
fresh-t and fresh-u were measured a third time (their AFTER2.md) and fresh-v and fresh-w a second (their
AFTER.md); fresh-t and fresh-u are tuning parts since, and fresh-v and fresh-w stay untouched (never tuned
on, their per-item findings unread) for the next session to measure its rules on.
"""

from __future__ import annotations

TUNING = (
    "corpus",
    "heldout",
    "heldout2",
    "fresh-a",
    "fresh-b",
    "fresh-c",
    "fresh-d",
    "fresh-e",
    "fresh-f",
    "fresh-g",
    "fresh-h",
    "fresh-i",
    "fresh-j",
    "fresh-k",
    "fresh-l",
    "fresh-m",
    "fresh-n",
    "fresh-o",
    "fresh-p",
    "fresh-q",
    "fresh-r",
    "fresh-s",
    "fresh-x",
    "fresh-t",
    "fresh-u",
)
UNTOUCHED: tuple[str, ...] = ("fresh-v", "fresh-w")


def refused(names: list[str], final: bool) -> str | None:
    """Why these corpus names may not be measured now (an untouched part without --final), or None."""
    held = sorted(set(names) & set(UNTOUCHED))
    if held and not final:
        return f"benchmarks/{', '.join(held)}: untouched until the end; measured with --final only"
    return None
