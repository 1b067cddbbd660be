"""`--synthesize`: one more structured call per multi-outlet story for its headline and summary
(synthesize.py), and the disagreements the model names, kept only where each version's words stand in
its outlet's article (versions.py).
May import: models, errors, text, config, store, llm, grounding, run.
"""
