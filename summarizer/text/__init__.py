"""Text as the judgement layers read it: one normaliser, one figure reader, dates, similarity.

Pure functions over strings, shared by grounding, the merge and the disagreement finder, so that they read
a figure, a name or a day the same way. Imports nothing of the package.
"""
