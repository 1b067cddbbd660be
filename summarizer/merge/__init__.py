"""Briefings into one brief: which briefings report the same event (cluster.py), and each story's
points, quotes, entities and timeline with their sources (assemble.py): one entry per name however
spelt (entities.py), who acts (actors.py), one point for one fact (restated.py), and what comes first,
stories and quotes (rank.py). Pure and deterministic: the same briefings give the same brief, whatever
their order.
May import: models, text, disagree.
"""

from .assemble import merge_briefings
from .cluster import cluster

__all__ = ["cluster", "merge_briefings"]
