"""Faster stand-ins for two hot spots inside trafilatura, with exactly its results.

Installed by :func:`install` (called when :mod:`pipeline.extract.html` is imported) only when
trafilatura's code is the code they were checked against: the XPath expression and the
function's source must be the ones of trafilatura 2.3.1, else trafilatura keeps its own. The
tests run both versions over the samples and compare every extracted record.

1. ``BASIC_CLEAN_XPATH`` (html2txt, baseline, justext's input): its
   ``re:test(@class, ...) or re:test(@id, ...)`` calls back into Python twice for every
   element of the page, ~3.7 ms a page on real pages (where the recall-escalation check runs
   html2txt on the whole page). :class:`BasicCleanXPath` tests each distinct class and id
   value once (remembered across pages) and hands the matching ones to one XPath that runs in
   C: 0.9 ms. Same elements, same (document) order.
2. ``prune_unwanted_nodes(..., with_backup=True)`` finds the outermost matches by walking
   every match's ancestors in Python. :func:`prune_unwanted_nodes` marks the matches with a
   temporary attribute and lets one XPath find those with no marked ancestor. The removal
   order differs (document order instead of expression order), which cannot change the
   result: the outermost matches are disjoint subtrees, and removing disjoint subtrees moves
   each one's tail text to the same place in any order.
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
import re
from typing import Any

from lxml.etree import XPath

from trafilatura.xml import delete_element

from pipeline.extract.metadata import class_and_id_values, value_list

# the modules themselves (the package's own name ``trafilatura.baseline`` is a function)
_baseline = importlib.import_module("trafilatura.baseline")
_htmlprocessing = importlib.import_module("trafilatura.htmlprocessing")
_main_extractor = importlib.import_module("trafilatura.main_extractor")
_settings = importlib.import_module("trafilatura.settings")

# trafilatura 2.3.1's BASIC_CLEAN_XPATH, split into its plain part and its regex part.
_PLAIN_PART = (
    ".//aside|.//div[contains(@class|@id, 'footer')]|.//fencedframe|.//footer|.//script|.//style|.//svg|.//template"
)
_CONSENT_RE = (
    "cookie[-_]?(?:banner|bar|consent|law|notice|policy|description)|notice[-_]{0,2}cookie"
    "|consent[-_]?(?:banner|manager|sdk)|borlabs|cookiebot|cmplz|onetrust|moove[-_]?gdpr"
)
_EXPECTED_BASIC_CLEAN = (
    _PLAIN_PART
    + f"|.//*[re:test(@class, '{_CONSENT_RE}', 'i') or re:test(@id, '{_CONSENT_RE}', 'i')]"
)
# The elements below the context node whose class or id is one of the given values ($c, $i:
# pipeline.extract.metadata.value_list of them).
_PLAIN = XPath(_PLAIN_PART)
_WITH_VALUES = XPath(
    _PLAIN_PART
    + "|.//*[@class][contains($c, concat('\n', @class, '\n'))]"
    + "|.//*[@id][contains($i, concat('\n', @id, '\n'))]"
)
# lxml's EXSLT re:test compiles the pattern with re.IGNORECASE for the 'i' flag and searches
# the attribute's value ("" when it has none, which this pattern never matches).
_CONSENT = re.compile(_CONSENT_RE, re.IGNORECASE)
_SEEN_LIMIT = 100_000


class BasicCleanXPath:
    """Called like trafilatura's ``BASIC_CLEAN_XPATH``: the same elements, in document order.

    >>> import lxml.html
    >>> tree = lxml.html.fromstring('<div><p id="x">a</p><div class="Cookie-Banner">b</div>'
    ...                             '<script>c</script><div id="page-footer">d</div></div>')
    >>> [e.tag + ":" + (e.get("class") or e.get("id") or "") for e in BasicCleanXPath()(tree)]
    ['div:Cookie-Banner', 'script:', 'div:page-footer']
    """

    def __init__(self) -> None:
        self._seen: dict[str, bool] = {}
        self.path = _EXPECTED_BASIC_CLEAN

    def _matches(self, value: str) -> bool:
        found = self._seen.get(value)
        if found is None:
            if len(self._seen) >= _SEEN_LIMIT:
                self._seen.clear()
            found = self._seen[value] = _CONSENT.search(value) is not None
        return found

    def __call__(self, tree: Any) -> list[Any]:
        # the document's values (a superset of those below a body context: harmless, the
        # XPath still tests each element's own value)
        class_values, id_values = class_and_id_values(tree)
        classes = [v for v in class_values if self._matches(v)]
        ids = [v for v in id_values if self._matches(v)]
        if not classes and not ids:
            return _PLAIN(tree)
        if any("\n" in v for v in classes) or any("\n" in v for v in ids):
            # a value holding a newline could match inside another in the contains() test
            return _ORIGINAL_BASIC_CLEAN(tree)
        return _WITH_VALUES(tree, c=value_list(classes), i=value_list(ids))


_MARK = "data-reinschrift-pruned"
_MARKED_OUTER = XPath(f"descendant-or-self::*[@{_MARK}][not(ancestor::*[@{_MARK}])]")


def prune_unwanted_nodes(tree: Any, nodelist: list[XPath], with_backup: bool = False) -> Any:
    """trafilatura's ``prune_unwanted_nodes``, with the outermost matches found in C.

    Prunes nothing when the matches hold more than 6/7 of the tree's text (the backup guard).

    >>> import lxml.html
    >>> tree = lxml.html.fromstring('<div><p>keep this text here</p><aside><aside>x</aside></aside>tail</div>')
    >>> lxml.html.tostring(prune_unwanted_nodes(tree, [XPath(".//aside")], with_backup=True))
    b'<div><p>keep this text here</p>tail</div>'
    """
    if not with_backup:
        return _ORIGINAL_PRUNE(tree, nodelist)
    matches = dict.fromkeys(elem for expression in nodelist for elem in expression(tree))
    if not matches:
        return tree
    if any(not isinstance(elem.tag, str) or elem.get(_MARK) is not None for elem in matches):  # never seen; be safe
        return _ORIGINAL_PRUNE(tree, nodelist, with_backup)
    for elem in matches:
        elem.set(_MARK, "")
    try:
        outer = _MARKED_OUTER(tree)
    finally:
        for elem in matches:
            del elem.attrib[_MARK]
    old_len = len(tree.text_content())
    if old_len - sum(len(elem.text_content()) for elem in outer) > old_len / 7:
        for elem in outer:
            delete_element(elem)
    return tree


_ORIGINAL_BASIC_CLEAN = _settings.BASIC_CLEAN_XPATH
_ORIGINAL_PRUNE = _htmlprocessing.prune_unwanted_nodes
# sha256 of the function's source in trafilatura 2.3.1, white space removed
_EXPECTED_PRUNE_SOURCE = "a6c4fd0a98ff8525ae93e2ef7d815438"


def _source_digest(function: Any) -> str:
    """sha256 of the function's source with its white space removed ("" unreadable)."""
    try:
        squeezed = "".join(inspect.getsource(function).split())
    except (OSError, TypeError):
        squeezed = ""
    return hashlib.sha256(squeezed.encode()).hexdigest()[:32]


def install() -> dict[str, bool]:
    """Put the stand-ins in place where trafilatura's code is the checked one; say which."""
    installed = {"basic_clean": False, "prune_with_backup": False}
    if getattr(_ORIGINAL_BASIC_CLEAN, "path", None) == _EXPECTED_BASIC_CLEAN:
        if _baseline.BASIC_CLEAN_XPATH is _ORIGINAL_BASIC_CLEAN:
            _baseline.BASIC_CLEAN_XPATH = BasicCleanXPath()
        installed["basic_clean"] = isinstance(_baseline.BASIC_CLEAN_XPATH, BasicCleanXPath)
    if _source_digest(_ORIGINAL_PRUNE) == _EXPECTED_PRUNE_SOURCE:
        if _main_extractor.prune_unwanted_nodes is _ORIGINAL_PRUNE:
            _main_extractor.prune_unwanted_nodes = prune_unwanted_nodes
        installed["prune_with_backup"] = _main_extractor.prune_unwanted_nodes is prune_unwanted_nodes
    return installed


def uninstall() -> None:
    """trafilatura's own code again (the tests compare both)."""
    _baseline.BASIC_CLEAN_XPATH = _ORIGINAL_BASIC_CLEAN
    _main_extractor.prune_unwanted_nodes = _ORIGINAL_PRUNE
