"""Saved HTML pages: the article's own text and facts, without the page around it.

lxml and trafilatura are imported when a page or fragment is first read, not with this module: a run
over Markdown and text files never reads HTML, and they were a third of the imports before its first
request (issue #24)."""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from ..errors import InputError

__all__ = ["MIN_ARTICLE_CHARS", "html_to_text", "looks_like_html", "page", "page_facts"]

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
    from trafilatura.settings import set_date_params

    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        # Not the extensive search: it reads a year in the body ("founded in 2019") as the date.
        # (All of its parameters: trafilatura 2.0 reads max_date without a default.)
        date_extraction_params=set_date_params(extensive=False),
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
    facts = page_facts(html)
    return {
        "text": text,
        "title": title,
        "author": getattr(document, "author", None),
        "published": facts.get("published") or getattr(document, "date", None),
        "url": getattr(document, "url", None),
        "source": facts.get("source") or getattr(document, "sitename", None),
    }


# The page's own statement of when it was published, most deliberate first.
_DATE_METAS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "date",
)
_ARTICLE_TYPES = re.compile(r"(news)?article|blogposting|reportage|report|webpage", re.I)


def page_facts(html: str) -> dict[str, str]:
    """What a page says of itself in its metadata: its outlet ("source": og:site_name, else the
    JSON-LD publisher's name) and its publication date ("published": JSON-LD datePublished, else a
    meta tag such as article:published_time, else a <time datetime> element, the article's first).
    Never a year from the text: an undated page stays undated. Values are as the page writes them."""
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return {}
    metas: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if key and content:
            metas.setdefault(key, content)
    linked = _json_ld(root)
    facts: dict[str, str] = {}
    source = metas.get("og:site_name") or linked.get("publisher")
    if source:
        facts["source"] = source
    date = linked.get("published") or next((metas[key] for key in _DATE_METAS if key in metas), None)
    if date is None:
        times = root.xpath("//article//time[@datetime]") or root.xpath("//time[@datetime]")
        date = times[0].get("datetime").strip() if times else None
    if date:
        facts["published"] = date
    return facts


def _json_ld(root: Any) -> dict[str, str]:
    """datePublished and the publisher's name from a page's JSON-LD (its article object, @graph too)."""
    found: dict[str, str] = {}
    for script in root.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content())
        except (ValueError, RecursionError):
            continue
        for item in _objects(data):
            kind = item.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if not any(isinstance(k, str) and _ARTICLE_TYPES.fullmatch(k) for k in kinds):
                continue
            if isinstance(item.get("datePublished"), str):
                found.setdefault("published", item["datePublished"].strip())
            publisher = item.get("publisher")
            publisher = publisher[0] if isinstance(publisher, list) and publisher else publisher
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                found.setdefault("publisher", publisher["name"].strip())
    return found


def _objects(data: Any, depth: int = 0) -> list[dict[str, Any]]:
    """The objects of a JSON-LD document: itself, a list's items, a @graph's members."""
    if depth > 3:
        return []
    if isinstance(data, list):
        return [found for item in data for found in _objects(item, depth + 1)]
    if isinstance(data, dict):
        return [data, *_objects(data.get("@graph"), depth + 1)]
    return []
