"""The brief rendered for people and programs: Markdown, JSON, the standalone HTML page, a
user's template; with every string from an article or a model made inert (escape.py), outlets named
short (outlets.py), what each story shows at each detail (detail.py), and briefings as JSON lines
(records.py).
May import: models, errors, text.
"""
