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
from trafilatura.utils import HTML_PARSER, load_html

from pipeline.extract import trafilatura_speedups
from pipeline.extract.metadata import class_and_id_values, read_metadata, value_list
from pipeline.records import Extracted

# exact, faster stand-ins for two of trafilatura's hot spots (see the module)
trafilatura_speedups.install()

# lxml.html's parsers pick each element's Python class in Python (HtmlElementClassLookup:
# <form>, <input>, <select>, <textarea> and <label> get classes of their own), a Python call
# each time lxml makes a proxy for an element: ~4,800 calls a page on trafilatura-dev, over a
# tenth of the extraction. The C-level default lookup gives every element lxml.html's
# HtmlElement, with the same methods (text_content, drop_tree, ...); only the form classes'
# extras (.value, .inputs, .fields) are gone, which neither trafilatura, htmldate nor this
# package uses. Set on trafilatura's own parser, which parses every page (load_html), so its
# parsing logic stays its own; extracted records are byte-identical (tests/test_extract.py).
ELEMENT_CLASSES = etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement,
    comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity,
)
HTML_PARSER.set_element_class_lookup(ELEMENT_CLASSES)

# Separators between a headline and the site name in <title> and og:title.
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|–—»:·•]|-{1,2}|::)\s+")
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
    """Runs of white space as one space, none at the ends: ``re.sub(r"\\s+", " ", text).strip()``.

    str.split() and the regex's \\s both use Python's own white space (str.isspace), and the
    split is several times faster on a whole page (tests/test_extract.py checks every code point).

    >>> _clean(" a\\u00a0 b\\n")
    'a b'
    """
    return " ".join(text.split()) if text else ""


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
        parser.set_element_class_lookup(ELEMENT_CLASSES)
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


# Whether any element sits at depth >= $d (libxml2 2.14 stops at depth 255 anyway, so the walk
# below is almost never needed).
_TOO_DEEP = etree.XPath("boolean(//*[count(ancestor::*) >= $d])")


@lru_cache(maxsize=4)
def _deeper_than(depth: int) -> Any:
    """The same question as :data:`_TOO_DEEP` for ``depth`` from 1 to 1000, asked level by level.

    An element with ``depth`` ancestors or more exists exactly when one sits at level
    ``depth`` (the root element is level 0): ``/*/*/.../*`` with ``depth + 1`` steps reads each
    level once, where counting every element's ancestors reads the tree once per level.
    """
    return etree.XPath("boolean(" + "/*" * (depth + 1) + ")")


def cap_depth(tree: Any, max_depth: int) -> int:
    """Flatten elements nested deeper than ``max_depth`` (their text stays); return how many.

    >>> tree = lxml.html.fromstring("<div><p><b><i>deep</i></b></p></div>")
    >>> cap_depth(tree, 2), lxml.html.tostring(tree)
    (1, b'<div><p><b>deep</b></p></div>')
    >>> cap_depth(tree, 10)
    0
    """
    # libxml2 refuses XPath nested some thousands deep: a larger bound asks the slow way
    too_deep = _deeper_than(max_depth)(tree) if 1 <= max_depth <= 1000 else _TOO_DEEP(tree, d=max_depth)
    if not too_deep:
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


# The elements whose class or id is one of the given values, in document order ($classes and
# $ids: the values, each between newlines; a value holding a newline only adds elements, which
# the exact test then skips).
_WITH_VALUES = etree.XPath(
    "//@class[contains($classes, concat('\n', ., '\n'))]/.. | //@id[contains($ids, concat('\n', ., '\n'))]/.."
)
_NEVER_PRUNED = frozenset({"html", "body", "article", "main"})
# What a class or id value matches: nothing, a word part, a whole name.
_NO_MATCH, _PART_MATCH, _EXACT_MATCH = 0, 1, 2
# Values repeat within a site and across pages: each is matched once per token set.
_VALUE_CACHE_SIZE = 100_000


@lru_cache(maxsize=8)
def _value_matches(tokens: frozenset[str]) -> dict[tuple[str, bool], int]:
    return {}


def _match_value(value: str, is_class: bool, tokens: frozenset[str]) -> int:
    """How a class value (names split at white space) or an id (one name) matches ``tokens``."""
    cache = _value_matches(tokens)
    found = cache.get((value, is_class))
    if found is not None:
        return found
    exact, parts, quick = _token_matchers(tokens)
    raw = value.split() if is_class else ([value] if value else [])
    lowered = [n.lower() for n in raw]
    if exact and not exact.isdisjoint(lowered):
        found = _EXACT_MATCH
    elif (
        quick is not None
        and quick.search(" ".join(lowered))
        and any(not parts.isdisjoint(p.lower() for p in _NAME_PARTS.split(n)) for n in raw)
    ):
        found = _PART_MATCH
    else:
        found = _NO_MATCH
    if len(cache) >= _VALUE_CACHE_SIZE:
        cache.clear()
    cache[(value, is_class)] = found
    return found



def prune_tokens(tree: Any, tokens: frozenset[str], values: tuple[set[str], set[str]] | None = None) -> int:
    """Remove elements whose class or id holds one of ``tokens``; return how many.

    A plain token must equal a whole class name or the id (``comments``); a token written
    ``*word*`` matches a word part of a compound name (``*newsletter*`` prunes
    ``newsletter-form__header`` and ``siteNewsletterBox``), unless that element holds most of
    the page's text. The body, html and main article containers are never removed.

    An element matches exactly when its class or its id does, by a part when either does: the
    distinct values (``values``: :func:`class_and_id_values` of this tree or an earlier state
    of it) are matched as strings, and only elements holding a matching value are fetched
    (walking every named element in Python cost three times as much).

    >>> tree = lxml.html.fromstring('<div><p>Text</p><div class="x comments">c</div>'
    ...                             '<div id="siteNewsletterBox">n</div></div>')
    >>> prune_tokens(tree, frozenset({"comments", "*newsletter*"})), lxml.html.tostring(tree)
    (2, b'<div><p>Text</p></div>')
    """
    if not tokens:
        return 0
    class_values, id_values = values if values is not None else class_and_id_values(tree)
    classes = [v for v in class_values if _match_value(v, True, tokens)]
    ids = [v for v in id_values if _match_value(v, False, tokens)]
    if not classes and not ids:
        return 0
    exact: list[Any] = []
    by_part: list[Any] = []
    for element in _WITH_VALUES(tree, classes=value_list(classes), ids=value_list(ids)):
        if element.tag in _NEVER_PRUNED:
            continue
        value = element.get("class")
        by_class = _match_value(value, True, tokens) if value is not None else _NO_MATCH
        value = element.get("id")
        by_id = _match_value(value, False, tokens) if value is not None else _NO_MATCH
        if _EXACT_MATCH in (by_class, by_id):
            exact.append(element)
        elif _PART_MATCH in (by_class, by_id):
            by_part.append(element)
    return remove_matches(tree, exact, by_part)


def remove_matches(tree: Any, exact: list[Any], by_part: list[Any]) -> int:
    """Remove the elements ``prune_tokens`` matched, keeping the text that follows each.

    ``exact`` go always; ``by_part`` only those holding at most PART_MATCH_MAX_SHARE of the
    page's text (a compound name can also name the article's own container).
    """
    doomed = list(exact)
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


# Every <meta> that has a content attribute, in document order.
_META_WITH_CONTENT = etree.XPath("//meta[@content]")


def meta_contents(tree: Any) -> dict[tuple[str, str], str]:
    """``(attribute, value) -> content`` of the first <meta> whose ``property`` or ``name`` is that.

    Read once per page: :func:`_meta` then answers ``//meta[@property=$n]/@content`` (and
    ``@name``) from it, where each such query compiled an XPath and read the whole tree.

    >>> meta_contents(lxml.html.fromstring('<html><head><meta property="og:type" content="a">'
    ...     '<meta name="x"><meta property="og:type" content="b"></head></html>'))
    {('property', 'og:type'): 'a'}
    """
    found: dict[tuple[str, str], str] = {}
    for meta in _META_WITH_CONTENT(tree):
        content = meta.get("content")
        for attr in ("property", "name"):
            value = meta.get(attr)
            if value is not None and (attr, value) not in found:
                found[(attr, value)] = content
    return found


def _meta(tree: Any, *names: str, metas: dict[tuple[str, str], str] | None = None) -> str:
    """The first non-blank content of a meta property or name, in the order given."""
    if metas is None:
        metas = meta_contents(tree)
    for name in names:
        for attr in ("property", "name"):
            content = metas.get((attr, name))
            if content and content.strip():
                return _clean(content)
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


def choose_title(
    tree: Any, trafilatura_title: str | None, sitename: str | None,
    metas: dict[tuple[str, str], str] | None = None,
) -> str | None:
    """The page's headline.

    The visible h1 is the headline unless it is the site's name or logo (it equals the site
    name, links to the home page, sits in a logo container, or is a side part of ``<title>``
    such as "Headline | Site"). An h1 that agrees with og:title or ``<title>`` (quotes of any
    kind equal) wins; an h1 that wraps one of them in a kicker, date or section label gives
    that shorter one; a single remaining h1 is taken as it is. Without an h1, og:title, then
    ``<title>``, each without the site name. ``metas``: the page's :func:`meta_contents`, if
    the caller has read them already.
    """
    og = _meta(tree, "og:title", "twitter:title", metas=metas)
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
    metas = meta_contents(tree)
    sitename_meta = _meta(tree, "og:site_name", "application-name", metas=metas) or None
    title = choose_title(tree, None, sitename_meta, metas)
    teasers, articles = listing_signal(tree)
    og_type = _meta(tree, "og:type", metas=metas).casefold()
    values = class_and_id_values(tree)
    prune_tokens(tree, prune, values)
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
    meta = read_metadata(tree, want_title=not title, values=values)
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
