"""Checks of a model's answer against its article: quotes, speakers, names, figures, dates;
and the ask → check → re-ask workflow.

facts.py indexes one article (what can be looked up in it), dates.py says which dates it supports,
figures are checked for what they count (counts.py, attached.py, frames.py, units.py),
names.py decides whether a name is one the article gives (written.py, for the names of free text;
translated.py, in the article's own language; acronyms.py, by its acronym), speakers.py whom it
attributes a quotation to (reach.py, how far around it the article is read),
check.py checks a briefing, unread.py keeps and marks what only an article's language could settle
when the checks do not read it, workflow.py asks, checks and re-asks once.
May import: models, errors, text, config, llm.
"""
