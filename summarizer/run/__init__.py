"""One run: the gate every request passes (slots, budget, deadline, stop), the store, progress,
and each article's way from input to a briefing or a failure (runner.py; what is sent of it, cut.py);
what it tells a progress display (progress.py); the briefings' embeddings for `--cluster embeddings`
(embeddings.py).
May import: models, errors, sync, text, config, store, llm, grounding, merge (its embedding calibrations).
"""
