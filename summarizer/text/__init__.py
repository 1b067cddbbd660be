"""Text as the judgement layers read it: one normaliser, one figure reader, one similarity, one union-find.

Pure functions over strings, shared by grounding, the merge and the disagreement finder, so that they read
a figure, a name or a day the same way. normalize.py folds text and reads content words and names;
outlets.py the names a source line gives; numbers.py reads figures, times of day, ordinals and years
(spelled.py the large ones an article spells out in words); similarity.py compares word sets; groups.py
joins pairs into groups; lexicon.py reads the word lists, which are data (data/<language>/*.txt: a second
language is a folder, not a code change).
Imports nothing of the package.
"""
