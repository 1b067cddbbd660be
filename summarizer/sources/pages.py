"""Saved HTML pages: the article's own text and facts, without the page around it.

lxml and trafilatura are imported when a page or fragment is first read, not with this module: a run
over Markdown and text files never reads HTML, and they were a third of the imports before its first
request (issue #24)."""

from __future__ import annotations

import logging
import re
from typing import Any

from ..errors import InputError

__all__ = ["MIN_ARTICLE_CHARS", "html_to_text", "looks_like_html", "page"]

logger = logging.getLogger(__name__)

#: Less text than this is not an article to summarise: a paywall stub, a video page, a feed's teaser.
MIN_ARTICLE_CHARS = 400

_TAG = re.compile(r"<\s*(p|br|div|span|a|em|strong|b|i|h[1-6]|ul|ol|li|html|body|article)\b", re.I)


def looks_like_html(text: str) -> bool:
    return bool(_TAG.search(text[:5000]))


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment (a CMS field, a feed entry's content), paragraphs on their own lines."""
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return fragment
    for block in root.iter("p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"):
        block.tail = "\n" + (block.tail or "")
    text: str = root.text_content()
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def page(origin: str, html: str) -> dict[str, Any]:
    """The main text, title, author, date, site and canonical URL of a saved page.

    Boilerplate, navigation and captions are left out (trafilatura). A page with too little text is an
    InputError naming it.
    """
    import trafilatura

    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, include_images=False
    )
    text = (getattr(document, "text", None) or "").strip()
    if len(text) < MIN_ARTICLE_CHARS:
        raise InputError(
            origin,
            f"too little article text on the page ({len(text)} characters): a paywall stub, a video or "
            "an index page?",
        )
    title = getattr(document, "title", None)
    if title and text.startswith(title):  # the headline repeated as the first line of the body
        text = text[len(title) :].lstrip()
    return {
        "text": text,
        "title": title,
        "author": getattr(document, "author", None),
        "published": getattr(document, "date", None),
        "url": getattr(document, "url", None),
        "source": getattr(document, "sitename", None),
    }
