"""HTML pages: one parse, prune boilerplate containers, trafilatura for body and metadata.

trafilatura's ``extract`` and ``extract_metadata`` each parse the page again, so the page is
parsed once here and the tree handed to ``bare_extraction(with_metadata=True)``. The input is
bounded first (trafilatura can hang on huge pages, its issue #704) and the tree's depth is
capped, so no page can hold a worker hostage for long.
"""

from __future__ import annotations

import re
from typing import Any

import lxml.html
from lxml import etree
from trafilatura import bare_extraction
from trafilatura.utils import load_html

from pipeline.records import Extracted

# Separators between a headline and the site name in <title> and og:title.
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|–—»:·•]|-{1,2}|::)\s+")
_SPACE = re.compile(r"\s+")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_DOCTYPE_SUBSET = re.compile(r"<!DOCTYPE[^\[>]*\[.*?\]\s*>", re.IGNORECASE | re.DOTALL)


def _clean(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


def parse_html(html: str, *, max_chars: int) -> Any:
    """Parse bounded HTML into an lxml tree; entities are never expanded from a DTD.

    A DOCTYPE's internal subset (where billion-laughs entities live) is dropped before
    parsing, and the HTML parser resolves no external entities and loads no DTD.
    """
    if len(html) > max_chars:
        html = html[:max_chars]
    html = _XML_DECL.sub("", html, count=1)
    if "<!DOCTYPE" in html[:4096] or "<!doctype" in html[:4096]:
        html = _DOCTYPE_SUBSET.sub("<!DOCTYPE html>", html[:65536], count=1) + html[65536:]
    tree = load_html(html)
    if tree is None:
        parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, recover=True)
        try:
            tree = lxml.html.document_fromstring(html, parser=parser)
        except (etree.ParserError, ValueError):
            return None
    return tree


def cap_depth(tree: Any, max_depth: int) -> int:
    """Flatten elements nested deeper than ``max_depth`` (their text stays); return how many."""
    flattened = 0
    stack = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        for child in list(node):
            if not isinstance(child.tag, str):
                continue
            if depth + 1 >= max_depth:
                text = " ".join(t for t in child.itertext() if t.strip())
                child.clear()
                child.text = text[:100_000]
                flattened += 1
            else:
                stack.append((child, depth + 1))
    return flattened


def prune_tokens(tree: Any, tokens: frozenset[str]) -> int:
    """Remove elements whose class or id holds one of ``tokens``; return how many.

    The body, html and main article containers are never removed, whatever their class.
    """
    if not tokens:
        return 0
    doomed = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("html", "body", "article", "main"):
            continue
        classes = element.get("class")
        ident = element.get("id")
        if not classes and not ident:
            continue
        names = set(classes.lower().split()) if classes else set()
        if ident:
            names.add(ident.lower())
        if names & tokens:
            doomed.append(element)
    removed = 0
    for element in doomed:
        parent = element.getparent()
        if parent is not None:
            # keep the text that follows the element in its parent
            if element.tail and element.tail.strip():
                prev = element.getprevious()
                if prev is not None:
                    prev.tail = (prev.tail or "") + element.tail
                else:
                    parent.text = (parent.text or "") + element.tail
            parent.remove(element)
            removed += 1
    return removed


def _meta(tree: Any, *names: str) -> str:
    for name in names:
        for attr in ("property", "name"):
            found = tree.xpath(f"//meta[@{attr}=$n]/@content", n=name)
            if found and found[0].strip():
                return _clean(found[0])
    return ""


def strip_site_name(title: str, sitename: str | None) -> str:
    """Drop the site name from a ``<title>`` or og:title.

    >>> strip_site_name("Brücke bleibt gesperrt – Rheinblick Aktuell", "Rheinblick Aktuell")
    'Brücke bleibt gesperrt'
    >>> strip_site_name("Brücke bleibt gesperrt | Lokales | Rheinblick", None)
    'Brücke bleibt gesperrt'
    """
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) == 1:
        return title
    if sitename:
        site = sitename.casefold()
        kept = [p for p in parts if p.casefold() != site and site not in p.casefold()]
        if kept and len(kept) < len(parts):
            parts = kept
            if len(parts) == 1:
                return parts[0]
    # the headline is the longest part; site names and sections are short
    return max(parts, key=len)


def choose_title(tree: Any, trafilatura_title: str | None, sitename: str | None) -> str | None:
    """The page's headline: the h1 that agrees with og:title or <title>, else og:title, else title."""
    og = _meta(tree, "og:title", "twitter:title")
    head = tree.find(".//title")
    page_title = _clean(head.text_content()) if head is not None else ""
    h1s = [_clean(h.text_content()) for h in tree.iter("h1")]
    h1s = [h for h in h1s if 2 <= len(h) <= 300]
    references = [strip_site_name(t, sitename) for t in (og, page_title) if t]
    for h1 in h1s:
        for ref in references:
            if h1.casefold() == ref.casefold() or (len(h1) > 15 and (h1 in ref or ref in h1)):
                return h1
    if og:
        return strip_site_name(og, sitename)
    if len(h1s) == 1:
        return h1s[0]
    if page_title:
        return strip_site_name(page_title, sitename)
    return trafilatura_title or None


# An index or category page: many teaser headlines that link away, and no long paragraph.
# Article pages carry a few teasers too (related posts), so a listing needs either the page
# saying it is no article (og:type) or many more teasers than a related block holds.
LISTING_MIN_TEASERS = 5
LISTING_MANY_TEASERS = 10
LISTING_MAX_PARAGRAPH_WORDS = 60


def listing_signal(tree: Any) -> tuple[int, int]:
    """(headline links, <article> elements) on the page: teasers of a listing."""
    teasers = 0
    for heading in tree.iter("h2", "h3", "h4"):
        link = heading.find(".//a")
        if link is not None and link.get("href") and len(_clean(link.text_content())) >= 15:
            teasers += 1
    return teasers, sum(1 for _ in tree.iter("article"))


def extract_html(
    html: str,
    *,
    prune: frozenset[str] = frozenset(),
    max_chars: int = 3_000_000,
    max_depth: int = 400,
    options: dict[str, bool] | None = None,
) -> Extracted:
    """Body paragraphs and metadata of an HTML page (no network, bounded)."""
    options = options or {}
    tree = parse_html(html, max_chars=max_chars)
    if tree is None:
        return Extracted(paragraphs=[], kind="html")
    cap_depth(tree, max_depth)
    # metadata that pruning could remove (h1 in a header widget) is read first
    sitename_meta = _meta(tree, "og:site_name", "application-name") or None
    title = choose_title(tree, None, sitename_meta)
    teasers, articles = listing_signal(tree)
    og_type = _meta(tree, "og:type").casefold()
    prune_tokens(tree, prune)
    doc = bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_tables=options.get("include_tables", True),
        fast=options.get("fast", False),
        favor_precision=options.get("favor_precision", False),
        favor_recall=options.get("favor_recall", False),
        deduplicate=False,
        url_blacklist=None,
    )
    if doc is None:
        return Extracted(paragraphs=[], title=title, sitename=sitename_meta, kind="html")
    text = doc.text or ""
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    sitename = doc.sitename or sitename_meta
    listing = ""
    longest = max((len(p.split()) for p in paragraphs), default=0)
    not_article = bool(og_type) and not og_type.startswith(("article", "news", "blog"))
    # on a listing, the extracted paragraphs are the teasers' excerpts: as many as teasers
    teaser_share = teasers >= 0.5 * len(paragraphs)
    if longest < LISTING_MAX_PARAGRAPH_WORDS and teaser_share and (
        (not_article and teasers >= LISTING_MIN_TEASERS)
        or min(teasers, articles) >= LISTING_MANY_TEASERS
    ):
        listing = f"{teasers} teaser headlines, {articles} <article> elements, no paragraph over {LISTING_MAX_PARAGRAPH_WORDS} words"
    return Extracted(
        listing=listing,
        paragraphs=paragraphs,
        title=title or (doc.title or None),
        date=doc.date or None,
        author=doc.author or None,
        sitename=sitename or None,
        url=doc.url or None,
        kind="html",
    )
