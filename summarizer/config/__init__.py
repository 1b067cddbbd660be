"""Settings: how to reach the model, how hard to push it, what a run may spend; and the files they
are read from.

settings.py is the one Settings object (flags > environment > project file > user file > defaults);
files.py reads `[tool.summarizer]` in the nearest pyproject.toml and the user's config.toml.
May import: models, errors.
"""
