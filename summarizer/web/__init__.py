"""Fetching pages and feeds over HTTP: address checks, robots.txt, per-host manners, bounded
responses, conditional requests, decoding.

addresses.py decides which addresses may be reached (and the connection that reaches only those);
fetch.py is the fetcher. Nothing here knows what an article is made of.
May import: models, errors, config, store.
"""
