"""What the outlets of one story report differently: figures, days, quotations, spellings.

Pure functions over the briefings of one story; the merge calls them. statements.py reads a statement
once (statement_tokens) for the values it gives and the measures they count (measures.py: what one
figure counts, its zone, its length of time, whose it is; subjects.py: whom a clause gives it to);
figures.py, quotations.py and spellings.py find what outlets give differently.
May import: models, text.
"""

from .figures import count_stage, figure_disagreements
from .quotations import QUOTE_LIKENESS, quotations, quote_disagreements
from .spellings import spelling_disagreements
from .statements import (
    FACT_SIMILARITY,
    TIME_OF_DAY,
    TOLLS,
    Statement,
    other_events,
    read_statement,
    statement_tokens,
    statement_values,
    story_places,
)
from .subjects import names_of

__all__ = [
    "FACT_SIMILARITY",
    "QUOTE_LIKENESS",
    "TIME_OF_DAY",
    "TOLLS",
    "Statement",
    "count_stage",
    "figure_disagreements",
    "names_of",
    "other_events",
    "quotations",
    "quote_disagreements",
    "read_statement",
    "statement_tokens",
    "statement_values",
    "spelling_disagreements",
    "story_places",
]
