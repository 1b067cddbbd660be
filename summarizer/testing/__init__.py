"""What only tests and cassettes need: recording and replaying HTTP exchanges with vcrpy
(cassette.py). Nothing here is imported by a run unless a cassette is used.
May import: models, errors, config, llm.
"""
