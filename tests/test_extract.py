"""HTML extraction on invented pages: container pruning, the headline, listing pages."""

import lxml.html
import pytest

from pipeline.extract import extract_html
from pipeline.extract.html import add_lede, choose_title, find_lede, prune_tokens, split_tokens, strip_site_name

BODY = "".join(
    f"<p>Der {n}. Absatz berichtet ausführlich, wie der Gemeinderat von Lindenau über die Sanierung "
    f"der alten Turnhalle beraten hat und was die Anwohner davon halten.</p>"
    for n in range(1, 7)
)


def tree(html: str):
    return lxml.html.document_fromstring(html)


def texts(doc) -> str:
    return " ".join(doc.itertext())


def test_exact_tokens_prune_whole_class_names_only():
    doc = tree('<html><body><div class="comments">Leserbrief</div>'
               '<div class="commentsmith">Text bleibt</div><p>Artikel</p></body></html>')
    assert prune_tokens(doc, frozenset({"comments"})) == 1
    assert "Leserbrief" not in texts(doc) and "Text bleibt" in texts(doc)


def test_part_tokens_prune_compound_names_and_keep_the_tail():
    doc = tree('<html><body><article>' + BODY +
               '<section class="newsletter-form__top">Melde dich an</section>nach dem Formular'
               '<div id="siteNewsletterBox">Jeden Freitag neu</div>'
               '<div class="enewsletters">bleibt: kein Wortteil</div></article></body></html>')
    removed = prune_tokens(doc, frozenset({"*newsletter*"}))
    text = texts(doc)
    assert removed == 2
    assert "Melde dich an" not in text and "Jeden Freitag neu" not in text
    assert "nach dem Formular" in text and "kein Wortteil" in text


def test_part_tokens_never_prune_the_container_of_most_of_the_text():
    doc = tree('<html><body><div class="entry has-caption">' + BODY +
               '<p class="wp-caption-text">Die Halle im Winter.</p></div></body></html>')
    prune_tokens(doc, frozenset({"*caption*"}))
    text = texts(doc)
    assert "Der 1. Absatz" in text and "Die Halle im Winter." not in text


def test_split_tokens_lowercases_and_drops_an_empty_part():
    assert split_tokens(frozenset({"Ads", "*Related*", "*"})) == (frozenset({"ads"}), frozenset({"related"}))


def page(head: str, body: str) -> str:
    return f"<html><head>{head}</head><body>{body}{BODY}</body></html>"


@pytest.mark.parametrize(
    "head, body, expected",
    [
        # the h1 agrees with og:title up to the kind of quotes
        ('<meta property="og:title" content="Rat nennt den Plan &quot;mutig&quot;">',
         "<h1>Meistgelesen</h1><h1>Rat nennt den Plan „mutig“</h1>", "Rat nennt den Plan „mutig“"),
        # a logo h1 that links home is the site's name, not the headline
        ("<title>Turnhalle wird saniert | Lindenauer Bote</title>",
         '<h1><a href="https://bote.example/">Lindenauer Bote</a></h1>', "Turnhalle wird saniert"),
        # an h1 that is a later part of <title> names the blog
        ("<title>Turnhalle wird saniert : Lindenauer Bote</title>",
         "<h1>Lindenauer Bote</h1><h2>Turnhalle wird saniert</h2>", "Turnhalle wird saniert"),
        # a section label glued to the headline goes
        ('<meta property="og:title" content="Turnhalle wird im Frühjahr saniert">',
         "<h1>Lokales | Turnhalle wird im Frühjahr saniert</h1>", "Turnhalle wird im Frühjahr saniert"),
        # a subtitle after a dash is part of the headline
        ('<meta property="og:title" content="Turnhalle wird saniert – Lindenauer Bote">',
         "<h1>Turnhalle wird saniert – Kosten steigen</h1>", "Turnhalle wird saniert – Kosten steigen"),
        # one h1 that says more than og:title is the visible headline
        ('<meta property="og:title" content="Halle: Sanierung beschlossen">',
         "<h1>Gemeinderat beschließt die Sanierung der Turnhalle</h1>",
         "Gemeinderat beschließt die Sanierung der Turnhalle"),
        # the same h1 twice (mobile and desktop) is one h1
        ('<meta property="og:title" content="Anders">',
         "<h1>Neue Halle für Lindenau</h1><h1>Neue Halle für Lindenau</h1>", "Neue Halle für Lindenau"),
        # og:title cut short at a quote: <title> holds it whole
        ('<meta property="og:title" content="Rat nennt den Plan"><title>Rat nennt den Plan "mutig"</title>',
         "", 'Rat nennt den Plan "mutig"'),
        # a hidden h1 for screen readers is no headline
        ('<meta property="og:title" content="Turnhalle wird saniert">',
         '<h1 class="sr-only">Navigation</h1>', "Turnhalle wird saniert"),
    ],
)
def test_choose_title(head, body, expected):
    assert choose_title(tree(page(head, body)), None, "Lindenauer Bote") == expected


def test_strip_site_name_keeps_the_headline_part():
    assert strip_site_name("Turnhalle wird saniert - Lindenauer Bote", "Lindenauer Bote") == "Turnhalle wird saniert"
    assert strip_site_name("Turnhalle wird saniert", None) == "Turnhalle wird saniert"


def test_listing_with_read_more_labels_is_no_article():
    teasers = "".join(
        f'<article><h2><a href="/a{n}">Schlagzeile Nummer {n} aus dem Ressort Lokales</a></h2>'
        f"<p>Kurzer Anreißer zur Meldung {n}, damit man weiterklickt.</p>"
        f'<a href="/a{n}">Weiterlesen »</a></article>'
        for n in range(12)
    )
    html = ('<html><head><meta property="og:type" content="website"><title>Lokales Archive</title></head>'
            f"<body><main>{teasers}</main></body></html>")
    assert extract_html(html).listing


def test_article_page_is_no_listing_and_keeps_its_headline():
    html = ('<html><head><meta property="og:type" content="article">'
            '<meta property="og:title" content="Turnhalle wird saniert"></head>'
            f"<body><article><h1>Turnhalle wird saniert</h1>{BODY}</article></body></html>")
    extracted = extract_html(html)
    assert not extracted.listing
    assert extracted.title == "Turnhalle wird saniert"
    assert any(p.startswith("Der 3. Absatz") for p in extracted.paragraphs)


def test_find_lede_skips_link_lists_and_short_labels():
    doc = tree('<html><body><div class="teaser"><a href="/x">Eine verlinkte Meldung mit vielen Wörtern darin '
               'über etwas ganz anderes</a></div><p class="intro">Neu</p>'
               '<p class="article-lead">Der Gemeinderat hat nach langer Debatte die Sanierung der Turnhalle '
               'beschlossen, die Arbeiten beginnen im Frühjahr.</p></body></html>')
    assert find_lede(doc).startswith("Der Gemeinderat hat nach langer Debatte")


def test_add_lede_only_between_headline_and_body():
    lede = "Der Gemeinderat hat die Sanierung der Turnhalle beschlossen, die Arbeiten beginnen im Frühjahr."
    body = ["Die Kosten liegen nach Schätzung des Bauamts bei rund zwei Millionen Euro, sagte die Sprecherin."]
    page_text = f"Menü Turnhalle wird saniert {lede} {body[0]} Ähnliche Beiträge"
    assert add_lede(body, lede, page_text, "Turnhalle wird saniert") == [lede, *body]
    # after the body (a teaser of another article) or already extracted: unchanged
    assert add_lede(body, lede, f"Turnhalle wird saniert {body[0]} {lede}", "Turnhalle wird saniert") == body
    assert add_lede([lede, *body], lede, page_text, "Turnhalle wird saniert") == [lede, *body]
    # before the headline: no standfirst of this article
    assert add_lede(body, lede, f"{lede} Turnhalle wird saniert {body[0]}", "Turnhalle wird saniert") == body


def test_extraction_puts_back_the_standfirst():
    html = ('<html><head><meta property="og:title" content="Turnhalle wird saniert"></head><body>'
            '<article><header><h1>Turnhalle wird saniert</h1><div class="article-teaser"><p>Nach langer Debatte '
            'hat der Gemeinderat von Lindenau die Sanierung der alten Turnhalle beschlossen.</p></div></header>'
            f'<div class="article-body">{BODY}</div></article></body></html>')
    extracted = extract_html(html)
    assert extracted.paragraphs[0].startswith("Nach langer Debatte")
    assert sum(p.startswith("Nach langer Debatte") for p in extracted.paragraphs) == 1


_META_PAGE = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>Brücke bleibt gesperrt | Rheinblick</title>
<link rel="canonical" href="https://rheinblick.example/lokales/bruecke.html">
<meta property="og:site_name" content="Rheinblick">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Brücke bleibt gesperrt", "datePublished": "2024-03-05T08:00:00+01:00",
 "author": {"@type": "Person", "name": "Jana Korn"}}</script>
</head><body><article><h1>Brücke bleibt gesperrt</h1>
<p class="byline">Von Jana Korn, 5. März 2024</p>
<p>Die alte Rheinbrücke bleibt bis zum Sommer für Autos gesperrt, teilte die Stadt am Dienstag mit.</p>
</article></body></html>"""

_BYLINE_PAGE = """<html><head><title>Fest am Hafen</title></head><body><article><h1>Fest am Hafen</h1>
<div class="author">Peter Brandt</div><time datetime="2023-07-14">14. Juli 2023</time>
<p>Am Wochenende feiert der Hafen sein Jubiläum mit Musik, Ständen und einem Feuerwerk am Abend.</p>
</article></body></html>"""


@pytest.mark.parametrize("page", [_META_PAGE, _BYLINE_PAGE])
def test_read_metadata_gives_what_trafilatura_extract_metadata_gives(page):
    # read_metadata runs trafilatura's own steps for the fields we keep: same values
    from trafilatura.metadata import extract_metadata

    from pipeline.extract.html import parse_html
    from pipeline.extract.metadata import read_metadata

    ours = read_metadata(parse_html(page, max_chars=100_000), want_title=True)
    theirs = extract_metadata(parse_html(page, max_chars=100_000))
    assert (ours.title, ours.author, ours.date, ours.url, ours.sitename) == (
        theirs.title, theirs.author, theirs.date, theirs.url, theirs.sitename)
    assert ours.author and ours.date  # the pages name both: a real comparison, not None == None


def test_read_metadata_leaves_the_title_to_choose_title_unless_asked():
    from pipeline.extract.html import parse_html
    from pipeline.extract.metadata import read_metadata

    tree = parse_html(_META_PAGE, max_chars=100_000)
    assert read_metadata(tree, want_title=False).title is None
    assert read_metadata(tree, want_title=True).title == "Brücke bleibt gesperrt"


# --- the fast paths give what the plain computations give, on varied invented markup ---

import random  # noqa: E402
import re  # noqa: E402

from lxml import etree  # noqa: E402

# class and id words that the author, discard and prune expressions look for, and others
_WORDS = [
    "author", "Author", "authorname", "author-name", "AuthorName", "authorName", "byline", "Byline", "byl",
    "BBL", "username", "screenname", "writer", "channel-name", "zuozhe", "bianji", "xiaobian", "submitted-by",
    "posted-by", "journalist-name", "comments", "Comments", "commentlist", "comment-list", "comments-list",
    "ProductReviews", "sidebar", "is-hidden", "quote", "embedly-instagram", "article-share", "article-support",
    "print", "category", "meta-date", "meta-reviewer", "title", "date", "related", "relatedPosts",
    "newsletter-form__header", "siteNewsletterBox", "wp-caption-text", "has-caption", "post", "entry", "x",
    "Kommentare", "\u212aomments", "ΣIDEBAR", "İnfo", "",
]
_TAGS = ["a", "address", "div", "link", "p", "span", "strong", "h3", "h4", "section", "time", "figure",
         "author", "article", "main", "ul", "li", "em"]
_TEXTS = ["", " ", "Von Jana Korn", "Peter Brandt", "by", "http://x.example/a", "jk@x.example",
          "Ein sehr langer Text, der weit über die Grenze von hundertzwanzig Zeichen hinausgeht, damit die "
          "Längenprüfung der Autorensuche greift und der Kandidat verworfen wird.", "Jo", "\n  Anna  Berg \n"]


def _value(rng: random.Random) -> str:
    words = rng.sample(_WORDS, 1 if rng.random() < 0.5 else rng.randint(2, 3))
    if rng.random() < 0.3:  # glued into compound names
        return rng.choice(["-", "_", "", " "]).join(words)
    return " ".join(words) if rng.random() < 0.8 else "\n".join(words)


def _element(rng: random.Random, depth: int) -> str:
    tag = rng.choice(_TAGS)
    attrs = []
    for name, chance in (("class", 0.5), ("id", 0.25), ("rel", 0.05), ("itemprop", 0.05),
                         ("data-testid", 0.03), ("data-component", 0.03)):
        if rng.random() < chance:
            value = rng.choice(["author", "author name", "AuthorCard", "AuthorURL", "Byline", "Figure", "me"]) \
                if name not in ("class", "id") else _value(rng)
            attrs.append(f'{name}="{value}"')
    children = "".join(_element(rng, depth + 1) + rng.choice(_TEXTS)
                       for _ in range(rng.randint(0, 3) if depth < 5 else 0))
    return f"<{tag} {' '.join(attrs)}>{rng.choice(_TEXTS)}{children}</{tag}>"


def _random_page(seed: int) -> str:
    rng = random.Random(seed)
    body = "".join(_element(rng, 0) + rng.choice(_TEXTS) for _ in range(rng.randint(1, 6)))
    return f"<html><head><title>t</title></head><body>{body}{BODY if rng.random() < 0.3 else ''}</body></html>"


def test_clean_is_the_white_space_regex_on_every_code_point():
    # _clean relies on str.split() and the regex's \s agreeing on what white space is
    space = re.compile(r"\s+")
    assert [c for c in range(0x110000) if bool(space.fullmatch(chr(c))) != chr(c).isspace()] == []
    from pipeline.extract.html import _clean

    for text in ["", "  a \t\n b\u00a0\u2003c\x1c", "\u3000x\u200by\u0085", None]:
        assert _clean(text) == space.sub(" ", text or "").strip()


def test_find_author_gives_what_extract_author_gives():
    from trafilatura.metadata import extract_author

    from pipeline.extract.metadata import _SAME_AUTHOR_XPATHS, find_author

    assert _SAME_AUTHOR_XPATHS  # trafilatura's expressions are the ones find_author was written for
    found = 0
    from pipeline.extract.html import class_and_id_values

    for seed in range(1500):  # fewer pages miss some single-word cases (checked by mutating the predicates)
        page = tree(_random_page(seed))
        values = class_and_id_values(page)
        if seed % 2:  # values read before pruning: a superset of what is left
            prune_tokens(page, frozenset({"*author*", "byline", "sidebar"}), values)
        expected = extract_author(page)
        assert find_author(page) == expected, seed
        assert find_author(page, values) == expected, seed
        found += expected is not None
    assert found > 200  # a real comparison, not None == None
    # a fragment inside a larger document and a <rel> element go to extract_author itself
    page = tree('<html><body><div><p class="author">Anna Berg</p><rel>me</rel></div></body></html>')
    assert find_author(page) == extract_author(page) == "Anna Berg me"  # rel='me': the div
    inner = page.find(".//div")
    assert find_author(inner) == extract_author(inner)


def _prune_tokens_per_element(tree, tokens):
    """prune_tokens as it was: every element with a class or id, matched in Python."""
    from pipeline.extract.html import _NAME_PARTS, _NEVER_PRUNED, _token_matchers, remove_matches

    exact, parts, quick = _token_matchers(tokens)
    doomed, by_part = [], []
    for element in tree.xpath("//*[@class or @id]"):
        if element.tag in _NEVER_PRUNED:
            continue
        classes, ident = element.get("class"), element.get("id")
        raw = classes.split() if classes else []
        if ident:
            raw.append(ident)
        lowered = [n.lower() for n in raw]
        if exact and not exact.isdisjoint(lowered):
            doomed.append(element)
        elif quick is not None and quick.search(" ".join(lowered)) and any(
                not parts.isdisjoint(p.lower() for p in _NAME_PARTS.split(n)) for n in raw):
            by_part.append(element)
    return remove_matches(tree, doomed, by_part)  # the removal itself is shared, not compared


@pytest.mark.parametrize("tokens", [
    frozenset({"comments", "sidebar", "title", "*related*", "*newsletter*", "*caption*"}),
    frozenset({"*author*", "kommentare", "x"}),
    frozenset({"author", "byline"}),
])
def test_prune_tokens_gives_what_matching_every_element_gives(tokens):
    changed = 0
    for seed in range(300):
        html = _random_page(seed)
        ours, theirs = tree(html), tree(html)
        removed = prune_tokens(ours, tokens)
        assert removed == _prune_tokens_per_element(theirs, tokens), seed
        assert etree.tostring(ours) == etree.tostring(theirs), seed
        changed += removed > 0
    assert changed > 50


def test_meta_contents_answer_the_meta_queries():
    from pipeline.extract.html import _meta, meta_contents

    rng = random.Random(7)
    names = ["og:title", "og:type", "og:site_name", "application-name", "twitter:title"]
    for _ in range(200):
        metas = "".join(
            f'<meta {rng.choice(["property", "name"])}="{rng.choice(names)}"'
            + (f' name="{rng.choice(names)}"' if rng.random() < 0.2 else "")
            + (f' content="{rng.choice(["", " ", "A  b", "C"])}"' if rng.random() < 0.8 else "") + ">"
            for _ in range(rng.randint(0, 6)))
        page = tree(f"<html><head>{metas}</head><body><p>x</p></body></html>")
        asked = rng.sample(names, 2)
        expected = ""
        for name in asked:  # _meta as it was: one XPath per name and attribute
            for attr in ("property", "name"):
                found = page.xpath(f"//meta[@{attr}=$n]/@content", n=name)
                if found and found[0].strip() and not expected:
                    expected = " ".join(found[0].split())
        assert _meta(page, *asked, metas=meta_contents(page)) == expected


def test_depth_check_level_by_level_agrees_with_counting_ancestors():
    from pipeline.extract.html import _TOO_DEEP, _deeper_than

    rng = random.Random(3)
    for _ in range(30):
        html = "".join(rng.choice(["<div>", "<p>", "</div>", "x"]) for _ in range(60))
        page = tree(f"<html><body>{html}</body></html>")
        for depth in range(1, 12):
            assert _deeper_than(depth)(page) == _TOO_DEEP(page, d=depth)
    # the bound in use (limits.max_tree_depth) and libxml2's own limit of 255 levels
    page = tree("<html><body>" + "<div>" * 300 + "x" + "</div>" * 300 + "</body></html>")
    for depth in (254, 255, 256, 400, 1000):
        assert _deeper_than(depth)(page) == _TOO_DEEP(page, d=depth)


def _sample_records() -> list[dict]:
    import os

    from pipeline.config import load_config_cached
    from pipeline.process import extract_page
    from pipeline.records import PageFile

    root = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "samples")
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if ".htm" in f)
    config = load_config_cached()
    records = []
    for path in files:
        record = extract_page(PageFile(source=os.path.relpath(path, root), path=path,
                                       size=os.path.getsize(path), mtime_ns=0), config)
        record.pop("timings", None)
        records.append(record)
    return records


def test_element_classes_from_the_c_lookup_extract_what_lxml_html_classes_extract():
    # every page is parsed with trafilatura's parser, given the C-level class lookup
    # (pipeline/extract/html.py): the same records as with lxml.html's own (Python) lookup
    from trafilatura.utils import HTML_PARSER

    from pipeline.extract.html import ELEMENT_CLASSES, parse_html

    tree = parse_html("<html><body><form action='/c'><label>Name</label><input name='n'>"
                      "<textarea>Ihr Kommentar</textarea></form><p>Text</p></body></html>", max_chars=10_000)
    assert {type(e) for e in tree.iter()} == {lxml.html.HtmlElement}  # no FormElement, InputElement, ...
    assert "Ihr Kommentar" in tree.text_content()
    fast = _sample_records()
    HTML_PARSER.set_element_class_lookup(lxml.html.HtmlElementClassLookup())
    try:
        assert isinstance(parse_html("<html><body><form></form></body></html>", max_chars=100).find(".//form"),
                          lxml.html.FormElement)  # the comparison below really uses the other lookup
        plain = _sample_records()
    finally:
        HTML_PARSER.set_element_class_lookup(ELEMENT_CLASSES)
    assert len(fast) >= 10 and sum(1 for r in fast if r.get("paragraphs")) >= 8
    assert fast == plain
