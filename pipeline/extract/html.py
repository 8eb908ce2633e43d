"""HTML pages: one parse, prune boilerplate containers, trafilatura for body and metadata.

trafilatura's ``extract`` and ``extract_metadata`` each parse the page again, so the page is
parsed once here and the tree handed to ``bare_extraction`` (body) and
:func:`pipeline.extract.metadata.read_metadata` (the metadata fields we keep). The input is
bounded first (trafilatura can hang on huge pages, its issue #704) and the tree's depth is
capped, so no page can hold a worker hostage for long.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import lxml.html
from lxml import etree
from trafilatura import bare_extraction
from trafilatura.utils import load_html

from pipeline.extract.metadata import read_metadata
from pipeline.records import Extracted

# Separators between a headline and the site name in <title> and og:title.
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|–—»:·•]|-{1,2}|::)\s+")
_SPACE = re.compile(r"\s+")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_DOCTYPE_SUBSET = re.compile(r"<!DOCTYPE[^\[>]*\[.*?\]\s*>", re.IGNORECASE | re.DOTALL)
# libxml2 checks each attribute of a tag against the ones before it: a tag with 200,000
# attributes takes over a minute inside one C call, where no timeout signal can interrupt it.
# No real tag has more than a few dozen; a tag with more than this many loses them all.
MAX_TAG_ATTRIBUTES = 200
# One attribute as the HTML5 tokenizer (libxml2 2.14) reads it: quotes only after "=".
_ATTRIBUTE = r"""[^\s/>=<][^\s/>=<]*+(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]*+))?"""
_ATTRIBUTES = r"(?:[\s/]++|" + _ATTRIBUTE + r")*+"
# Comments, script and style bodies (never tags) and start tags' attribute lists. Possessive
# quantifiers and no alternative that can fail after "<": one linear pass, also on garbage.
_TAG_SCAN = re.compile(
    r"<!--(?:[^-]++|-(?!->))*+"
    r"|<(script|style)\b(" + _ATTRIBUTES + r")(?:[^<]++|<(?!/\1))*+"
    r"|<[A-Za-z][^\s/>]*+(" + _ATTRIBUTES + r")",
    re.IGNORECASE,
)
_ATTRIBUTE_RE = re.compile(_ATTRIBUTE)


def _clean(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


def parse_html(html: str, *, max_chars: int) -> Any:
    """Parse bounded HTML into an lxml tree; entities are never expanded from a DTD.

    A DOCTYPE's internal subset (where billion-laughs entities live) is dropped before
    parsing, and the HTML parser resolves no external entities and loads no DTD. The input
    is cut to ``max_chars`` and tags with more than :data:`MAX_TAG_ATTRIBUTES` attributes
    lose them, so parsing (one C call no timeout can stop) stays well under a second.
    libxml2 stops at nesting depth 255: whatever follows a deeper point is not in the tree
    (a page nested 100,000 deep parses fast and usually ends as ``no_article``).
    """
    if len(html) > max_chars:
        html = html[:max_chars]
    html = _limit_attributes(html)
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


def _limit_attributes(html: str) -> str:
    """Drop the attributes of every tag that has more than :data:`MAX_TAG_ATTRIBUTES`.

    >>> _limit_attributes('<p class="a">x</p>')
    '<p class="a">x</p>'
    >>> _limit_attributes("<p " + " ".join(f'a{i}="1>"' for i in range(300)) + ">x</p>")
    '<p>x</p>'
    """
    parts, last = [], 0
    for match in _TAG_SCAN.finditer(html):
        group = 2 if match.group(1) else 3
        start, end = match.span(group)
        if end - start > 2 * MAX_TAG_ATTRIBUTES and len(_ATTRIBUTE_RE.findall(html, start, end)) > MAX_TAG_ATTRIBUTES:
            parts.append(html[last:start])
            last = end
    if not parts:
        return html
    parts.append(html[last:])
    return "".join(parts)


# Whether any element sits at depth >= $d: one pass in C, half the cost of walking the tree
# in Python, and libxml2 (2.14) stops at depth 255 anyway, so the walk is almost never needed.
_TOO_DEEP = etree.XPath("boolean(//*[count(ancestor::*) >= $d])")


def cap_depth(tree: Any, max_depth: int) -> int:
    """Flatten elements nested deeper than ``max_depth`` (their text stays); return how many.

    >>> tree = lxml.html.fromstring("<div><p><b><i>deep</i></b></p></div>")
    >>> cap_depth(tree, 2), lxml.html.tostring(tree)
    (1, b'<div><p><b>deep</b></p></div>')
    >>> cap_depth(tree, 10)
    0
    """
    if not _TOO_DEEP(tree, d=max_depth):
        return 0
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


# Splits a compound class or id into its word parts: "newsletter-form__header" ->
# newsletter, form, header; "relatedPosts" -> related, posts.
_NAME_PARTS = re.compile(r"[-_\s]+|(?<=[a-z])(?=[A-Z])")
# A part-matched container holding more than this share of the page's text is the article's
# own wrapper (a theme's "has-caption" layout class), never pruned.
PART_MATCH_MAX_SHARE = 0.5


def split_tokens(tokens: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """``(exact class/id tokens, word parts)``: a token written ``*word*`` is a part.

    >>> split_tokens(frozenset({"comments", "*newsletter*"}))
    (frozenset({'comments'}), frozenset({'newsletter'}))
    """
    exact = frozenset(t.lower() for t in tokens if not (t.startswith("*") and t.endswith("*")))
    parts = frozenset(t.strip("*").lower() for t in tokens if t.startswith("*") and t.endswith("*") and t.strip("*"))
    return exact, parts


@lru_cache(maxsize=8)
def _token_matchers(tokens: frozenset[str]) -> tuple[frozenset[str], frozenset[str], re.Pattern[str] | None]:
    """(exact names, word parts, one regex that finds any part as a substring)."""
    exact, parts = split_tokens(tokens)
    # most names hold no part token at all: one substring search rules them out
    quick = re.compile("|".join(sorted(map(re.escape, parts)))) if parts else None
    return exact, parts, quick


# Only elements that carry a class or an id can match: selected in C, not walked in Python.
_NAMED = etree.XPath("//*[@class or @id]")
_NEVER_PRUNED = frozenset({"html", "body", "article", "main"})


def prune_tokens(tree: Any, tokens: frozenset[str]) -> int:
    """Remove elements whose class or id holds one of ``tokens``; return how many.

    A plain token must equal a whole class name or the id (``comments``); a token written
    ``*word*`` matches a word part of a compound name (``*newsletter*`` prunes
    ``newsletter-form__header`` and ``siteNewsletterBox``), unless that element holds most of
    the page's text. The body, html and main article containers are never removed.

    >>> tree = lxml.html.fromstring('<div><p>Text</p><div class="x comments">c</div>'
    ...                             '<div id="siteNewsletterBox">n</div></div>')
    >>> prune_tokens(tree, frozenset({"comments", "*newsletter*"})), lxml.html.tostring(tree)
    (2, b'<div><p>Text</p></div>')
    """
    if not tokens:
        return 0
    exact, parts, quick = _token_matchers(tokens)
    doomed = []
    by_part = []
    for element in _NAMED(tree):
        if element.tag in _NEVER_PRUNED:
            continue
        classes = element.get("class")
        ident = element.get("id")
        raw = classes.split() if classes else []
        if ident:
            raw.append(ident)
        if not raw:
            continue
        lowered = [n.lower() for n in raw]
        if exact and not exact.isdisjoint(lowered):
            doomed.append(element)
        elif (
            quick is not None
            and quick.search(" ".join(lowered))
            and any(not parts.isdisjoint(p.lower() for p in _NAME_PARTS.split(n)) for n in raw)
        ):
            by_part.append(element)
    if by_part:
        body = tree.find(".//body")
        total = len(_clean((body if body is not None else tree).text_content()))
        limit = PART_MATCH_MAX_SHARE * total
        doomed.extend(e for e in by_part if len(_clean(e.text_content())) <= limit)
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


# Quotes of every kind compare equal when titles are matched ("finished" and „finished“).
_QUOTE_FOLD = str.maketrans({c: '"' for c in "„“”«»‚‘’'‹›"})
# Class or id words of a heading that is the site's logo or name, or hidden, not a headline.
_NOT_HEADLINE = re.compile(
    r"(?:^|[-_\s])(?:logo|brand|branding|site-?title|site-?name|site-?logo|blog-?title|sectionname|section-?name"
    r"|sr-only|screen-reader-text|visually-hidden|visuallyhidden)(?:$|[-_\s])",
    re.IGNORECASE,
)
_HOST_LIKE = re.compile(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\W*$", re.IGNORECASE)
# How a subtitle joins its headline inside one h1 ("Title – subtitle", "Title: subtitle");
# \x00 stands for the headline found in og:title or <title>.
_HEADLINE_JOIN = re.compile(r"\x00\s*(?:[–—:-]|--)\s+\S|\S\s+(?:[–—-]|--)\s*\x00|\S\s?:\s+\x00")


def _fold(text: str) -> str:
    return _clean(text).translate(_QUOTE_FOLD).casefold()


def _links_home(element: Any) -> bool:
    link = element.find(".//a")
    href = (link.get("href") or "").strip() if link is not None else ""
    if not href:
        return False
    try:
        parts = urlsplit(href)
    except ValueError:
        return False
    return parts.path in ("", "/", "/index.html", "/index.php") and not parts.query and not parts.fragment


def _is_masthead(element: Any, text: str, sitename: str | None) -> bool:
    """Whether an h1 is the site's name or logo (or hidden), by its text and its markup."""
    if sitename and _fold(text) == _fold(sitename):
        return True
    if _HOST_LIKE.match(text) or _links_home(element):
        return True
    node = element
    for _ in range(3):
        if node is None:
            break
        if _NOT_HEADLINE.search(f"{node.get('class') or ''} {node.get('id') or ''}"):
            return True
        node = node.getparent()
    return False


def choose_title(tree: Any, trafilatura_title: str | None, sitename: str | None) -> str | None:
    """The page's headline.

    The visible h1 is the headline unless it is the site's name or logo (it equals the site
    name, links to the home page, sits in a logo container, or is a side part of ``<title>``
    such as "Headline | Site"). An h1 that agrees with og:title or ``<title>`` (quotes of any
    kind equal) wins; an h1 that wraps one of them in a kicker, date or section label gives
    that shorter one; a single remaining h1 is taken as it is. Without an h1, og:title, then
    ``<title>``, each without the site name.
    """
    og = _meta(tree, "og:title", "twitter:title")
    head = tree.find(".//title")
    page_title = _clean(head.text_content()) if head is not None else ""
    fulls = [t for t in (og, page_title) if t]
    references = [strip_site_name(t, sitename) for t in fulls]
    folded_refs = {_fold(r) for r in references} | {_fold(t) for t in fulls}
    h1s = []
    for element in tree.iter("h1"):
        text = _clean(element.text_content())
        if 2 <= len(text) <= 300 and text not in h1s and not _is_masthead(element, text, sitename):
            h1s.append(text)
    for h1 in h1s:
        if _fold(h1) in folded_refs:
            return h1
    for h1 in h1s:
        for ref in references:
            if len(h1) > 15 and _fold(h1) in _fold(ref):
                return h1
            if len(ref) > 15 and _fold(ref) in _fold(h1):
                # a kicker, date or section glued to the headline ("Local News | ...") goes;
                # a subtitle after a dash or colon is part of the headline
                rest = _fold(h1).replace(_fold(ref), "\x00", 1)
                return h1 if _HEADLINE_JOIN.search(rest) else ref
    # an h1 that is a later part of <title> ("Headline | Blog name") names the site
    side_parts = {_fold(p) for t in fulls for p in _title_parts(t)[1:]}
    h1s = [h for h in h1s if _fold(h) not in side_parts]
    if len(h1s) == 1:
        return h1s[0]
    if len(references) == 2 and _fold(references[1]).startswith(_fold(references[0])):
        return references[1]  # og:title cut short (at a quote), <title> whole
    if references:
        return references[0]
    return trafilatura_title or None


def _title_parts(title: str) -> list[str]:
    return [p.strip() for p in _TITLE_SEPARATORS.split(title) if p.strip()]


# The standfirst under a headline ("Vorspann", "chapô", "deck"): its container names it.
_LEDE_NAME = re.compile(
    r"(?:^|[-_\s])(?:lead|lede|leadtext|teaser|teasertext|intro|introtext|introduction|summary|deck|standfirst"
    r"|chapo|abstract|excerpt|subtitle|subheadline|sub-headline|dek|vorspann|kurztext)(?:$|[-_\s])",
    re.IGNORECASE,
)
LEDE_MIN_WORDS = 8
LEDE_MAX_WORDS = 150
LEDE_TAGS = frozenset({"p", "div", "section", "header", "h2", "h3", "span", "strong"})


def find_lede(tree: Any) -> str | None:
    """The text of the first element named like a standfirst, if it reads like one.

    A standfirst is a short run of prose (8 to 150 words) that is not mostly link text;
    the first such element in document order is the candidate (teaser lists come later).
    """
    for element in tree.iter(*LEDE_TAGS):
        names = f"{element.get('class') or ''} {element.get('id') or ''}"
        if len(names) < 3 or not _LEDE_NAME.search(names):
            continue
        text = _clean(element.text_content())
        words = len(text.split())
        if not LEDE_MIN_WORDS <= words <= LEDE_MAX_WORDS:
            continue
        linked = sum(len(_clean(a.text_content())) for a in element.iter("a"))
        if linked * 2 > len(text):
            continue
        return text
    return None


def add_lede(paragraphs: list[str], lede: str | None, page_text: str, title: str | None) -> list[str]:
    """Put back a standfirst the extraction left out.

    Only when it stands in the page after the headline and before the first extracted
    paragraph, and none of the extracted text holds it already.
    """
    if not lede or not paragraphs:
        return paragraphs
    key = lede[:60]
    if any(key in p or p[:60] in lede for p in paragraphs if len(p) >= 20):
        return paragraphs
    at = page_text.find(key)
    first = page_text.find(paragraphs[0][:60])
    if at < 0 or first < 0 or at > first:
        return paragraphs
    if title:
        headline = page_text.find(title[:60])
        if headline < 0 or headline > at:
            return paragraphs
    return [lede, *paragraphs]


# An index or category page: many teaser headlines that link away, and no long paragraph.
# Article pages carry a few teasers too (related posts), so a listing needs either the page
# saying it is no article (og:type) or many more teasers than a related block holds.
LISTING_MIN_TEASERS = 5
LISTING_MANY_TEASERS = 10
LISTING_MAX_PARAGRAPH_WORDS = 60
LISTING_LABEL_WORDS = 2


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
    lede = find_lede(tree)
    body = tree.find(".//body")
    page_text = _clean((body if body is not None else tree).text_content()) if lede else ""
    doc = bare_extraction(
        tree,
        with_metadata=False,
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
    paragraphs = add_lede(paragraphs, lede, page_text, title)
    listing = ""
    longest = max((len(p.split()) for p in paragraphs), default=0)
    not_article = bool(og_type) and not og_type.startswith(("article", "news", "blog"))
    # on a listing, the extracted paragraphs are the teasers' excerpts: as many as teasers
    # (read-more labels and dates of one or two words are no paragraphs)
    texts = sum(1 for p in paragraphs if len(p.split()) > LISTING_LABEL_WORDS)
    teaser_share = teasers >= 0.5 * texts
    if longest < LISTING_MAX_PARAGRAPH_WORDS and teaser_share and (
        (not_article and teasers >= LISTING_MIN_TEASERS)
        or min(teasers, articles) >= LISTING_MANY_TEASERS
    ):
        listing = f"{teasers} teaser headlines, {articles} <article> elements, no paragraph over {LISTING_MAX_PARAGRAPH_WORDS} words"
    if listing or not paragraphs:  # a reject: its metadata would never be read
        return Extracted(listing=listing, paragraphs=paragraphs, title=title, sitename=sitename_meta, kind="html")
    # bare_extraction worked on its own copy: the tree is still the pruned page
    meta = read_metadata(tree, want_title=not title)
    sitename = meta.sitename or sitename_meta
    return Extracted(
        listing=listing,
        paragraphs=paragraphs,
        title=title or meta.title,
        date=meta.date,
        author=meta.author,
        sitename=sitename or None,
        url=meta.url,
        kind="html",
    )
