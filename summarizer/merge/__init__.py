"""Briefings into one brief: which briefings report the same event (cluster.py), and each story's
points, quotes, entities and timeline with their sources (assemble.py). Pure and deterministic: the
same briefings give the same brief, whatever their order.
May import: models, text, disagree.
"""

from .assemble import merge_briefings
from .cluster import cluster

__all__ = ["cluster", "merge_briefings"]
