"""Page metadata (author, date, URL, site name) from one parsed tree, without the parts we drop.

``bare_extraction(with_metadata=True)`` runs trafilatura's ``extract_metadata``, which also
looks for categories, tags, a licence and a title: half of its cost (~10 ms a page on
trafilatura-dev), for fields an article here does not carry (the title is chosen by
:func:`pipeline.extract.html.choose_title`). This runs the same trafilatura functions in the
same order for the fields we keep, so those come out identical (checked on every dev page),
and asks for trafilatura's own title search only when our choice found none. The author search
is :func:`find_author`: ``extract_author``'s answer without its copy of the whole tree.
"""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass
from typing import Any, Iterable

from htmldate import find_date
from lxml.etree import XPath
from trafilatura.htmlprocessing import prune_unwanted_nodes
from trafilatura.json_metadata import normalize_authors
from trafilatura.metadata import (
    META_URL,
    examine_meta,
    extract_author,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.settings import set_date_params
from trafilatura.utils import trim
from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS

from pipeline.extract.date_cache import ensure_patterns


@dataclass
class PageMeta:
    title: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    sitename: str | None = None


def read_metadata(
    tree: Any, *, want_title: bool, values: tuple[Iterable[str], Iterable[str]] | None = None,
) -> PageMeta:
    """Author, date, URL and site name as trafilatura's ``extract_metadata`` finds them.

    ``want_title``: also find a title (meta tags, JSON-LD, then trafilatura's search of the
    page) for a page where :func:`~pipeline.extract.html.choose_title` found none.
    ``values``: the page's class and id values, if the caller has them (see
    :func:`find_author`). The tree is not changed.
    """
    found = examine_meta(tree)
    if found.author and " " not in found.author:  # a user name, not a person's name
        found.author = None
    try:
        found = extract_meta_json(tree, found)
    except Exception:  # noqa: BLE001 - malformed JSON-LD: keep what the meta tags gave
        pass
    if want_title and not found.title:
        found.title = extract_title(tree)
    if not found.author:
        found.author = find_author(tree, values)
    if not found.url:
        found.url = extract_url(tree, None)
    date_params = set_date_params(True)
    date_params["url"] = found.url
    ensure_patterns()
    found.date = find_date(tree, **date_params)
    if not found.sitename:
        found.sitename = extract_sitename(tree)
    if found.sitename:
        found.sitename = found.sitename.lstrip("@")
        if found.sitename and "." not in found.sitename and not found.sitename[0].isupper():
            found.sitename = found.sitename.title()
    elif found.url:
        match = META_URL.match(found.url)
        if match:
            found.sitename = match[1]
    found.clean_and_trim()  # trafilatura's own: entities, spaces, control characters, length
    return PageMeta(
        title=(found.title or None) if want_title else None,
        author=found.author or None,
        date=found.date or None,
        url=found.url or None,
        sitename=found.sitename or None,
    )


# trafilatura's extract_author copies the whole tree, prunes AUTHOR_DISCARD_XPATHS from the copy
# and evaluates AUTHOR_XPATHS on it, each a dozen attribute tests on every element (libxml2 is as
# slow with contains() as with the EXSLT re:test callbacks): ~6 ms a page, most of it on pages
# where no element can match. find_author gives the same answer from the class and id values and
# the few elements that can match; it is written against these expressions (white space aside)
# and hands any other version of them to extract_author.
_AUTHOR_SOURCES = (
    "//*[self::a or self::address or self::div or self::link or self::p or self::span or self::strong]["
    " @rel='author' or @id='author' or @class='author' or @itemprop='author name' or rel='me' or"
    " @data-testid='AuthorCard' or @data-testid='AuthorURL' or"
    " re:test(@class, 'author-?name|AuthorName|authorName')]|//author",
    "//*[self::a or self::div or self::h3 or self::h4 or self::p or self::span]["
    " @class='byline' or @class='username' or @class='byl' or @class='BBL' or"
    " contains(@itemprop, 'author') or"
    " re:test(@id, 'author|zuozhe|bianji|xiaobian') or"
    " re:test(@class, 'author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name')]",
    "//*[ contains(@data-component, 'Byline') or contains(@itemprop, 'author') or"
    " re:test(@id, '[Aa]uthor') or"
    " re:test(@class, '[Aa]uthor|screenname|writer|[Bb]yline')]",
)
_AUTHOR_DISCARD_SOURCES = (
    ".//*[self::a or self::div or self::section or self::span]["
    " @id='comments' or @class='comments' or @class='title' or @class='date' or"
    " re:test(@id, '^comments|comment-?list|ProductReviews') or"
    " re:test(@class, '^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram|"
    "article-(?:share|support)|print|category|meta-date|meta-reviewer') or"
    " contains(@data-component, 'Figure')]",
    "//time|//figure",
)


def _normalized(expressions: list[XPath]) -> tuple[str, ...]:
    return tuple(" ".join(e.path.split()) for e in expressions)


_SAME_AUTHOR_XPATHS = (
    _normalized(AUTHOR_XPATHS) == tuple(" ".join(s.split()) for s in _AUTHOR_SOURCES)
    and _normalized(AUTHOR_DISCARD_XPATHS) == tuple(" ".join(s.split()) for s in _AUTHOR_DISCARD_SOURCES)
)

# The three expressions as Python predicates; re:test is lxml's re.search on the attribute
# value ("" when missing), so the patterns are trafilatura's, verbatim.
_TAGS_1 = frozenset({"a", "address", "div", "link", "p", "span", "strong"})
_CLASS_1 = re.compile("author-?name|AuthorName|authorName")
_TAGS_2 = frozenset({"a", "div", "h3", "h4", "p", "span"})
_CLASS_2_EQUALS = frozenset({"byline", "username", "byl", "BBL"})
_ID_2 = re.compile("author|zuozhe|bianji|xiaobian")
_CLASS_2 = re.compile("author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name")
_ID_3 = re.compile("[Aa]uthor")
_CLASS_3 = re.compile("[Aa]uthor|screenname|writer|[Bb]yline")
_DISCARD_TAGS = frozenset({"a", "div", "section", "span"})
_DISCARD_CLASS_EQUALS = frozenset({"comments", "title", "date"})
_DISCARD_ID = re.compile("^comments|comment-?list|ProductReviews")
_DISCARD_CLASS = re.compile(
    "^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram"
    "|article-(?:share|support)|print|category|meta-date|meta-reviewer"
)


def _matches_author_xpath(index: int, element: Any) -> bool:
    """Whether ``element`` is selected by ``AUTHOR_XPATHS[index]`` (no ``<rel>`` child elements)."""
    tag = element.tag
    get = element.get
    classes = get("class") or ""
    if index == 0:
        return tag == "author" or tag in _TAGS_1 and (
            get("rel") == "author" or get("id") == "author" or classes == "author"
            or get("itemprop") == "author name" or get("data-testid") in ("AuthorCard", "AuthorURL")
            or _CLASS_1.search(classes) is not None
        )
    if index == 1:
        return tag in _TAGS_2 and (
            classes in _CLASS_2_EQUALS or "author" in (get("itemprop") or "")
            or _ID_2.search(get("id") or "") is not None or _CLASS_2.search(classes) is not None
        )
    return (
        "Byline" in (get("data-component") or "") or "author" in (get("itemprop") or "")
        or _ID_3.search(get("id") or "") is not None or _CLASS_3.search(classes) is not None
    )


def _is_discarded(element: Any) -> bool:
    """Whether one of ``AUTHOR_DISCARD_XPATHS`` selects ``element`` (below the root)."""
    tag = element.tag
    if tag in ("time", "figure"):
        return True
    if tag not in _DISCARD_TAGS:
        return False
    get = element.get
    ident = get("id") or ""
    classes = get("class") or ""
    return (
        ident == "comments" or classes in _DISCARD_CLASS_EQUALS or _DISCARD_ID.search(ident) is not None
        or _DISCARD_CLASS.search(classes) is not None or "Figure" in (get("data-component") or "")
    )


# A class or id value that any of the three expressions could select: the union of their tests.
_AUTHOR_CLASS = re.compile("|".join((_CLASS_1.pattern, _CLASS_2.pattern, _CLASS_3.pattern)))
_AUTHOR_CLASS_EQUALS = frozenset({"author"}) | _CLASS_2_EQUALS
_AUTHOR_ID = re.compile("|".join((_ID_2.pattern, _ID_3.pattern)))
# The class and id values of the page, as plain strings (no element objects).
_CLASS_VALUES = XPath("//@class", smart_strings=False)
_ID_VALUES = XPath("//@id", smart_strings=False)


def value_list(values: list[str]) -> str:
    r"""``values`` as one XPath string variable for ``contains($v, concat('\n', ., '\n'))``:
    each value between newlines ("" for none).

    >>> value_list(["a", "b c"]), value_list([])
    ('\na\nb c\n', '')
    """
    return "\n" + "\n".join(values) + "\n" if values else ""


def class_and_id_values(tree: Any) -> tuple[set[str], set[str]]:
    """The distinct class values and id values of the page.

    Read once before pruning: :func:`pipeline.extract.html.prune_tokens` and the author search
    (:func:`find_author`) only need a superset of the values still
    in the tree, and elements only ever go.
    """
    return set(_CLASS_VALUES(tree)), set(_ID_VALUES(tree))


# Elements that the rarer attributes select, and <rel> elements (rel='me' compares a child
# element's text, which pruning can change: such a rare page goes to extract_author).
_OTHER_SIGNS = XPath(
    "boolean(//@rel[.='author'] | //@itemprop[contains(., 'author')]"
    " | //@data-testid[.='AuthorCard' or .='AuthorURL'] | //@data-component[contains(., 'Byline')]"
    " | //author | //rel)"
)
# Every element that can match, in document order ($classes and $ids: the class and id values
# found above, each between newlines; a value holding a newline only adds candidates), and any
# <rel> element.
_AUTHOR_CANDIDATES = XPath(
    "//@class[contains($classes, concat('\n', ., '\n'))]/.. | //@id[contains($ids, concat('\n', ., '\n'))]/.."
    " | //@rel[.='author']/.. | //@itemprop[contains(., 'author')]/.."
    " | //@data-testid[.='AuthorCard' or .='AuthorURL']/.. | //@data-component[contains(., 'Byline')]/.. | //author | //rel"
)


def _survives_pruning(element: Any) -> bool:
    """Whether the element is still in trafilatura's pruned copy (the root is never removed)."""
    if element.getparent() is None:
        return True
    if _is_discarded(element):
        return False
    return not any(_is_discarded(a) for a in element.iterancestors() if a.getparent() is not None)


def _pruned_text(element: Any) -> str:
    """The element's text as extract_metainfo reads it in the pruned copy.

    Pruning inside the element only touches the element's own subtree (tails join a sibling or
    the parent, both inside it), so pruning a copy of just this element gives the same text.
    """
    copy = prune_unwanted_nodes(deepcopy(element), AUTHOR_DISCARD_XPATHS)
    return trim(" ".join(copy.itertext()))


def find_author(tree: Any, values: tuple[Iterable[str], Iterable[str]] | None = None) -> str | None:
    """``trafilatura.metadata.extract_author(tree)``, without copying and searching the whole tree.

    ``values``: the class values and the id values of the tree, or of an earlier state of it
    that held more elements (any superset will do: they only say which values to look for).

    >>> import lxml.html
    >>> find_author(lxml.html.document_fromstring(
    ...     '<html><body><div class="sidebar"><span class="author">Max Sidebar</span></div>'
    ...     '<p class="byline">Von <a href="/p">Jana Korn</a><time>5. März</time></p></body></html>'))
    'Jana Korn'
    >>> find_author(lxml.html.document_fromstring("<html><body><p>Kein Autor</p></body></html>")) is None
    True
    """
    if not _SAME_AUTHOR_XPATHS or tree.getparent() is not None:
        return extract_author(tree)  # another trafilatura, or a fragment inside a larger document
    class_values, id_values = values if values is not None else class_and_id_values(tree)
    classes = [v for v in class_values if v in _AUTHOR_CLASS_EQUALS or _AUTHOR_CLASS.search(v)]
    ids = [v for v in id_values if _AUTHOR_ID.search(v)]
    if not classes and not ids and not _OTHER_SIGNS(tree):
        return None  # no element can match any of the three expressions
    candidates = _AUTHOR_CANDIDATES(tree, classes=value_list(classes), ids=value_list(ids))
    if any(element.tag == "rel" for element in candidates):
        return extract_author(tree)
    # extract_metainfo: the expressions in turn, each one's matches in document order
    for index in range(len(_AUTHOR_SOURCES)):
        for element in candidates:
            if _matches_author_xpath(index, element) and _survives_pruning(element):
                content = _pruned_text(element)
                if content and 2 < len(content) < 120:
                    return normalize_authors(None, content)
    return None
