"""The stand-ins of pipeline/extract/trafilatura_speedups.py give exactly trafilatura's results."""

from __future__ import annotations

import os
from pathlib import Path

import lxml.html
import pytest
from lxml.etree import XPath

from pipeline.extract import trafilatura_speedups as speedups

ROOT = Path(__file__).resolve().parent.parent
SHARED_DEV = ROOT.parent / "shared" / "eval" / "trafilatura-dev"

# cookie banners by class and by id, in any case, nested, next to footers and scripts, a value
# holding a newline, a match that is the context node itself, attributes on the root
TREES = [
    '<html><body><div class="Cookie-Banner"><p>a</p></div><p id="x">b</p></body></html>',
    '<html><body><div id="onetrust-consent-sdk"><div class="cookiebot">x</div></div>text</body></html>',
    '<html><body><main><div class="site-footer">f</div><script>s</script><svg></svg>'
    '<aside>side<div class="cmplz-cookiebanner">c</div></aside><p>body text</p></main></body></html>',
    '<html><body><div class="a\ncookie-notice">x</div><div class="cookie-notice">y</div><p>z</p></body></html>',
    '<html><body><div id="notice--cookie" class="keep">x</div><div class="moove_gdpr_box">y</div></body></html>',
    '<html class="cookie-law"><body><p>no banner below the root</p></body></html>',
    '<html><body><p>nothing to clean here</p></body></html>',
]


def _described(elements: list) -> list[tuple[str, str, str]]:
    return [(e.tag, e.get("class") or "", e.get("id") or "") for e in elements]


@pytest.mark.parametrize("html", TREES)
def test_basic_clean_selects_what_trafilaturas_xpath_selects(html: str) -> None:
    tree = lxml.html.fromstring(html)
    body = tree.find(".//body")
    fast = speedups.BasicCleanXPath()
    for context in (tree, body):
        expected = speedups._ORIGINAL_BASIC_CLEAN(context)
        assert _described(fast(context)) == _described(expected)
        assert fast(context) == expected  # the same element objects, in the same order


def test_basic_clean_finds_a_cookie_banner_trafilaturas_way() -> None:
    tree = lxml.html.fromstring('<div><p>a</p><div class="CookieBot x">b</div><div id="ok">c</div></div>')
    assert _described(speedups.BasicCleanXPath()(tree)) == [("div", "CookieBot x", "")]


NESTED = (
    '<html><body><div id="page"><p>Article text that is long enough to be kept by the guard.</p>'
    '<div class="a">one<div class="b">inner</div>mid</div>tail-a<div class="b">two</div>tail-b'
    '<ul><li class="a">x</li><li class="b">y</li></ul>end</div></body></html>'
)


@pytest.mark.parametrize("with_backup", [True, False])
def test_prune_removes_what_trafilaturas_prune_removes(with_backup: bool) -> None:
    nodelist = [XPath(".//*[@class='b']"), XPath(".//*[@class='a']")]  # nested matches, out of order
    fast_tree, slow_tree = lxml.html.fromstring(NESTED), lxml.html.fromstring(NESTED)
    speedups.prune_unwanted_nodes(fast_tree, nodelist, with_backup=with_backup)
    speedups._ORIGINAL_PRUNE(slow_tree, nodelist, with_backup=with_backup)
    assert lxml.html.tostring(fast_tree) == lxml.html.tostring(slow_tree)
    assert b'class="a"' not in lxml.html.tostring(fast_tree)
    assert speedups._MARK.encode() not in lxml.html.tostring(fast_tree)


def test_prune_with_backup_keeps_everything_when_the_matches_hold_most_text() -> None:
    html = '<html><body><div class="a">almost all of the text of this page</div>x</body></html>'
    fast_tree, slow_tree = lxml.html.fromstring(html), lxml.html.fromstring(html)
    nodelist = [XPath(".//div[@class='a']")]
    speedups.prune_unwanted_nodes(fast_tree, nodelist, with_backup=True)
    speedups._ORIGINAL_PRUNE(slow_tree, nodelist, with_backup=True)
    assert lxml.html.tostring(fast_tree) == lxml.html.tostring(slow_tree)
    assert b'class="a"' in lxml.html.tostring(fast_tree)


def test_both_stand_ins_are_in_place_for_the_pinned_trafilatura() -> None:
    # fails after a trafilatura upgrade changes the code they stand in for: check them again
    import pipeline.extract.html  # noqa: F401 - installs them

    assert speedups.install() == {"basic_clean": True, "prune_with_backup": True}


def _records(paths: list[Path], root: Path) -> list[dict]:
    from pipeline.config import load_config_cached
    from pipeline.process import extract_page
    from pipeline.records import PageFile

    config = load_config_cached()
    records = []
    for path in paths:
        record = extract_page(PageFile(source=str(path.relative_to(root)), path=str(path),
                                       size=path.stat().st_size, mtime_ns=0), config)
        record.pop("timings", None)
        records.append(record)
    return records


def _pages() -> list[tuple[Path, list[Path]]]:
    sets = [(ROOT / "samples", sorted(p for p in (ROOT / "samples").rglob("*") if ".htm" in p.name))]
    if SHARED_DEV.is_dir():  # every 8th real page where ../shared exists
        sets.append((SHARED_DEV, sorted(p for p in SHARED_DEV.iterdir() if p.suffix == ".html")[::8]))
    return sets


def test_extraction_is_the_same_with_and_without_the_stand_ins() -> None:
    import pipeline.extract.html  # noqa: F401

    for root, paths in _pages():
        fast = _records(paths, root)
        speedups.uninstall()
        try:
            slow = _records(paths, root)
        finally:
            speedups.install()
        assert sum(1 for r in fast if r.get("paragraphs")) >= len(paths) // 2
        assert fast == slow, os.fspath(root)
