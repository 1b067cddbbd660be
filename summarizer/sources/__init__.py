"""Inputs into Articles: paths, files, front matter, JSON fields, feeds and pages. Nothing
downstream knows where an article came from.

paths.py (which files a path names), ingest.py (files, folders, stdin, JSON and JSON lines), fields.py
(front matter and records into a checked Article), pages.py (saved HTML), feeds.py (RSS and Atom),
live.py (URLs and URL lists, read through web/).
May import: models, errors, sync, text, config, store, web.
"""
