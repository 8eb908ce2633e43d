#!/usr/bin/env python3
"""Build the raw sample pages in ``samples/`` and their ``gold.json`` (standard library only).

    python tests/make_samples.py               # (re)write every file under samples/
    python tests/make_samples.py --clean       # ... and delete files under samples/ it does not make
    python tests/make_samples.py --check       # compare samples/ with this script, check the gold
    python tests/make_samples.py --ideal DIR   # write DIR/articles.jsonl + DIR/rejects.jsonl as a
                                               # perfect pipeline would (feed them to score.py)

This script is the source of truth for every file under samples/ (pages, gold.json, README.md).
All content is invented for the project: the towns, people, companies and events are fictional.
Each article keeps its intended clean text as data (the ``P``/``H`` blocks below, with the
planted defects and their repairs), so ``--check`` verifies the gold against real text:

* every ``with`` segment occurs inside one paragraph of the intended clean text;
* every ``without`` segment occurs in the raw page (after gunzip, decoding, tag stripping and
  entity unescaping, whitespace collapsed) and not in the intended clean text;
* every planted defect has its broken form in ``without`` and its repaired form in ``with``;
  glued words have one ``with`` ending at the first word and one starting at the second;
* word counts (250-450), segment counts (8-12 ``with``), titles, and that the files on disk are
  byte-identical to what this script generates.
"""
from __future__ import annotations

import argparse
import gzip
import html
import json
import re
import struct
import sys
import textwrap
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"

_WS = re.compile(r"\s+")
_TAG = re.compile(r"<[^>]*>")


def norm(text: str) -> str:
    """Collapse whitespace runs to one space (as the scorer does)."""
    return _WS.sub(" ", text).strip()


def html_view(markup: str) -> str:
    """What a reader of the raw markup sees: tags out, entities decoded, whitespace collapsed."""
    return norm(html.unescape(_TAG.sub(" ", markup)))


def moji(text: str) -> str:
    """UTF-8 read as windows-1252: 'für' -> 'fÃ¼r'."""
    return text.encode("utf-8").decode("cp1252")


def same(text: str) -> str:
    return text


# --------------------------------------------------------------------------- article blocks


@dataclass
class Fix:
    """A planted defect: ``raw`` is in the page, ``clean`` is the intended repair."""

    raw: str
    clean: str
    kind: str = "punct"  # punct | glue | enc
    left: str = ""
    right: str = ""


def F(raw: str, clean: str) -> Fix:
    """Broken punctuation: the repaired form must be in a ``with`` segment."""
    return Fix(raw, clean)


def G(left: str, right: str) -> Fix:
    """Glued sentence boundary ``leftRight``; the separator is not knowable, so the gold has
    one segment ending at ``left`` and one starting at ``right``."""
    return Fix(left + right, f"{left}. {right}", "glue", left, right)


def E(raw: str, clean: str) -> Fix:
    """An encoding artefact inside a word (soft hyphen, zero-width space)."""
    return Fix(raw, clean, "enc")


class P:
    """An article paragraph; ``text`` is the raw form, the fixes give the clean form."""

    def __init__(self, text: str, *fixes: Fix):
        self.text, self.fixes = text, fixes


class H:
    """An article subheading (kept in the clean text)."""

    def __init__(self, text: str):
        self.text, self.fixes = text, ()


class Ad:
    """An ad slot (HTML) or ad label line (dump). ``reg=False``: not listed in ``without``."""

    def __init__(self, label: str, reg: bool = True):
        self.label, self.reg = label, reg


class See:
    """An inline see-also: label + headline (headline None: the next pick from the pool)."""

    def __init__(self, label: str, headline: str | None = None):
        self.label, self.headline = label, headline


class Fig:
    """A photo: HTML figure with figcaption + credit; in a dump, caption and credit on one line."""

    def __init__(self, caption: str, credit: str):
        self.caption, self.credit = caption, credit


class CreditLine:
    """Dump only: a credit line followed by a caption line."""

    def __init__(self, credit: str, caption: str):
        self.credit, self.caption = credit, caption


class Line:
    """Dump only: a line of page chrome (``reg=False``: not listed in ``without``)."""

    def __init__(self, text: str, reg: bool = True):
        self.text, self.reg = text, reg


class Blank:
    """Dump only: extra empty lines."""

    def __init__(self, count: int = 1):
        self.count = count


def clean_of(block, is_html: bool) -> str:
    text = block.text
    for fix in block.fixes:
        if text.count(fix.raw) != 1:
            raise ValueError(f"fix {fix.raw!r} must occur once in {text[:60]!r}")
        text = text.replace(fix.raw, fix.clean)
    if is_html:
        text = html.unescape(text)
        if "\u00ad" in text or "\u200b" in text:
            raise ValueError(f"undeclared soft hyphen / ZWSP in {text[:60]!r}")
        text = text.replace("\u00a0", " ")
    return norm(text)


def fix_without(fix: Fix, is_html: bool) -> str:
    return norm(html.unescape(fix.raw)) if is_html else norm(fix.raw)


class Noise:
    """Collects the noise strings a page plants (they become the gold ``without``)."""

    def __init__(self):
        self.items: list[str] = []

    def reg(self, text: str) -> None:
        text = norm(html.unescape(text))
        if text and text not in self.items:
            self.items.append(text)

    def __call__(self, text: str) -> str:
        self.reg(text)
        return text


# --------------------------------------------------------------------------- headline pools
# Teasers for tickers, sidebars, prev/next links, related blocks, see-also links and the
# category page. (headline, one-sentence excerpt). All invented.

POOL_DE = [
    ("Feuerwehr rettet Kalb aus Güllegrube in Oberried", "Das Tier war durch eine morsche Abdeckung gebrochen."),
    ("Stadtbücherei verlängert Öffnungszeiten am Samstag", "Ab Oktober ist die Bücherei bis 16 Uhr geöffnet."),
    ("Zwei Verletzte bei Unfall auf der B 412 bei Hessenau", "Ein Auto war beim Überholen ins Schleudern geraten."),
    ("Handballerinnen des TV Krähenfeld steigen in die Oberliga auf", "Am letzten Spieltag reichte ein Unentschieden."),
    ("Wasserzweckverband warnt vor Trinkwasserknappheit im August", "Rasensprengen und das Befüllen von Pools sollen unterbleiben."),
    ("Neues Ärztehaus in Sommerau soll im Frühjahr eröffnen", "Drei Hausärzte und eine Kinderärztin haben bereits zugesagt."),
    ("Gericht kippt Bebauungsplan für Gewerbegebiet Lerchenfeld", "Die Stadt will nun in Berufung gehen."),
    ("Kirmes in Bad Rottach lockt mit neuem Riesenrad", "Die Schausteller rechnen mit mehr als 50.000 Gästen."),
    ("Tierpark Wolfsgrund freut sich über Nachwuchs bei den Luchsen", "Die beiden Jungtiere sind ab sofort im Gehege zu sehen."),
    ("Brückensanierung: Vollsperrung der Talstraße ab Montag", "Die Umleitung führt über den Ortsteil Niederhof."),
    ("Polizei sucht Zeugen nach Einbruch in Vereinsheim", "Die Täter erbeuteten Getränke und eine Musikanlage."),
    ("Landwirte klagen über Schäden durch Wildschweine", "Besonders betroffen sind Maisfelder am Waldrand."),
    ("Musikschule feiert 50-jähriges Bestehen mit Open-Air-Konzert", "Auf der Bühne stehen mehr als 200 Schülerinnen und Schüler."),
    ("Stadtrat streitet über Kosten für neues Feuerwehrhaus", "Die Schätzung ist um 1,3 Millionen Euro gestiegen."),
    ("Glasfaserausbau in fünf Ortsteilen beginnt im September", "Haushalte können sich noch bis Ende des Monats anmelden."),
    ("Kreisklinikum sucht dringend Pflegekräfte", "Mehrere Stationen mussten zeitweise Betten sperren."),
    ("Rekordernte bei Spargelbauern im Ried", "Das warme Frühjahr ließ die Stangen früh wachsen."),
    ("Ehrenamtliche sanieren historischen Backofen in Kleinbergen", "Im Herbst soll dort wieder Brot gebacken werden."),
    ("Bahnstrecke nach Felsheim wegen Bauarbeiten drei Wochen gesperrt", "Zwischen den Bahnhöfen fahren Ersatzbusse."),
    ("Mehr Einbrüche in Gartenlauben: Polizei rät zu Vorsicht", "Wertsachen sollten nicht in den Lauben gelagert werden."),
    ("Eisstadion in Unterwiesen öffnet später als geplant", "Ein Ersatzteil für die Kühlanlage fehlt noch."),
    ("Jugendfeuerwehr gewinnt Kreiswettbewerb", "Die Gruppe setzte sich gegen 14 andere Teams durch."),
    ("Abwassergebühren steigen im kommenden Jahr um acht Prozent", "Grund sind höhere Kosten für die Kläranlage."),
    ("Neuer Radweg zwischen Dornweiler und Hainbach freigegeben", "Die Strecke ist 4,5 Kilometer lang und durchgehend beleuchtet."),
    ("Schulbus bleibt im Schnee stecken: Kinder kommen zu spät", "Ein Traktor zog den Bus schließlich frei."),
    ("Streit um Windräder am Hohen Kamm geht vor Gericht", "Eine Bürgerinitiative hat Klage eingereicht."),
    ("Zoll stellt an der Autobahn 40.000 unversteuerte Zigaretten sicher", "Die Ware war in einem Kleintransporter versteckt."),
    ("Traditionsgasthaus Zum Hirschen findet neuen Pächter", "Die Wiedereröffnung ist für den Dezember geplant."),
    ("Seniorenbeirat fordert mehr Sitzbänke in der Innenstadt", "Vor allem an den Bushaltestellen fehle es an Sitzplätzen."),
    ("Fußball: SV Brandholz verpflichtet Stürmer aus der Regionalliga", "Der 24-Jährige erhält einen Vertrag über zwei Jahre."),
    ("Wochenmarkt zieht vorübergehend auf den Kirchplatz um", "Auf dem Marktplatz wird das Pflaster erneuert."),
    ("Waldbrandgefahr: Grillverbot an allen Seen im Landkreis", "Das Verbot gilt zunächst bis Ende August."),
    ("Stadtwerke bauen Solarpark auf ehemaliger Deponie", "Die Anlage soll Strom für 1.200 Haushalte liefern."),
    ("Betrüger geben sich am Telefon als Enkel aus", "Eine 83-Jährige verlor dabei ihr Erspartes."),
    ("Kita-Gebühren: Elternbeirat sammelt Unterschriften", "Die Beiträge sollen im Januar deutlich steigen."),
    ("Baustelle am Bahnhof sorgt für lange Staus im Berufsverkehr", "Die Arbeiten dauern voraussichtlich bis November."),
    ("Imker melden gutes Honigjahr trotz nassem Frühjahr", "Vor allem die Lindenblüte brachte viel Ertrag."),
    ("Amtsgericht verurteilt Autohändler wegen Betrugs", "Er hatte bei mehreren Fahrzeugen den Tachostand manipuliert."),
    ("Freilichtbühne Eichwald spielt in diesem Sommer Shakespeare", "Premiere ist am ersten Juliwochenende."),
    ("Hochzeitsmesse im Kurhaus zählt so viele Aussteller wie nie", "Mehr als 90 Firmen präsentierten ihre Angebote."),
]

POOL_EN = [
    ("Greyhaven Island library reopens after roof repairs", "The branch had been closed since a February storm."),
    ("School board delays vote on later start times", "Members asked for more data on bus schedules."),
    ("Fishing fleet reports strong spring season for halibut", "Dock prices held steady despite the larger catch."),
    ("Police seek witnesses after late-night crash on Route 9", "Two drivers were taken to Calloway General Hospital."),
    ("Ashby Point lighthouse tours return for the summer", "Tickets go on sale at the visitor center on Friday."),
    ("City to replace 300 lead water lines by next year", "Homeowners will not be charged for the work."),
    ("Local bakery wins regional award for sourdough", "The owners started baking in their garage in 2019."),
    ("Volunteers clear two tons of trash from Mill Creek", "The cleanup drew more than 150 people."),
    ("New bike lanes planned for downtown Port Calloway", "Parking on two blocks of Front Street would be removed."),
    ("High school graduation moved indoors due to forecast", "The ceremony will be held in the gym at 10 a.m."),
    ("Harbor seals spotted near marina for the first time in years", "Biologists ask boaters to keep their distance."),
    ("Farmers market adds Thursday evening hours", "The evening market will run from June through September."),
    ("Sailing club offers free lessons for teenagers", "Sign-up closes at the end of the month."),
    ("Storm knocks out power to 4,000 homes on the north shore", "Crews restored most connections by Sunday night."),
]


class Picks:
    """Deterministic, distinct teasers for one page: ticker, sidebar, prev/next, related, see-also."""

    def __init__(self, pool, offset: int):
        items = [pool[(offset + i) % len(pool)] for i in range(14)]
        self.ticker = [h for h, _ in items[0:3]]
        self.sidebar = [h for h, _ in items[3:7]]
        self.prev, self.next = items[7][0], items[8][0]
        self.related = items[9:12]
        self._see = [h for h, _ in items[12:14]]
        self._see_i = 0

    def see(self) -> str:
        headline = self._see[self._see_i % len(self._see)]
        self._see_i += 1
        return headline


def slugify(text: str) -> str:
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"})
    text = text.translate(table).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:70]


# --------------------------------------------------------------------------- page specs


@dataclass
class Site:
    name: str
    host: str
    tagline: str
    menu: list[str]
    ticker_label: str
    sidebar_label: str
    newsletter_title: str
    newsletter_text: str
    cookie_text: str
    cookie_buttons: list[str]
    copyright: str
    lang: str = "de"


@dataclass
class Art:
    """One HTML article page."""

    path: str
    theme: str
    site: Site
    title: str
    url: str
    date_iso: str
    date_text: str
    author: str
    category: str
    blocks: list
    with_: list[str]
    source: str
    tags: list[str] = field(default_factory=list)
    pool_offset: int = 0
    author_bio: str = ""
    comments: list[tuple[str, str, str]] = field(default_factory=list)
    related_label: str = "Das könnte Sie auch interessieren"
    transform: Callable[[str], str] = same  # applied to the post's own content (mojibake page)
    h1_html: str | None = None  # when the <h1> markup differs from the title (entities, &shy;)
    meta_charset: str = "UTF-8"
    encoding: str = "utf-8"
    views: tuple[str, ...] = ("utf-8",)  # decodings under which each `without` is looked up
    gz: bool = False
    title_sep: str = " – "
    extra_without: list[str] = field(default_factory=list)
    post_id: int = 1000
    kind: str = "HTML"
    title_in_raw: bool = True

    lang = property(lambda self: self.site.lang)


@dataclass
class Dump:
    """One plain-text dump (innerText of a page)."""

    path: str
    lang: str
    title: str
    blocks: list
    with_: list[str]
    source: str
    see_sep: str = "\u00a0 "
    wrap: int | None = None
    crlf: bool = False
    extra_without: list[str] = field(default_factory=list)
    kind: str = "text dump"


@dataclass
class Reject:
    path: str
    data: bytes
    without: list[str]
    source: str
    kind: str
    views: tuple[str, ...] = ("utf-8",)
    is_html: bool = True


@dataclass
class Built:
    """A finished page: bytes on disk plus its gold entry."""

    path: str
    data: bytes
    gold: dict
    clean: list[str] | None
    views: list[str]
    kind: str
    fixes: list[Fix] = field(default_factory=list)
    title_in_raw: bool = True


# --------------------------------------------------------------------------- shared markup

AD_CLIENT = "ca-pub-5190446620183374"


def adsense(slot: str) -> str:
    return (
        f'<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client={AD_CLIENT}" '
        'crossorigin="anonymous"></script>\n'
        f'<ins class="adsbygoogle" style="display:block; text-align:center;" data-ad-layout="in-article" '
        f'data-ad-format="fluid" data-ad-client="{AD_CLIENT}" data-ad-slot="{slot}"></ins>\n'
        "<script>(adsbygoogle = window.adsbygoogle || []).push({});</script>"
    )


def head_common(a: Art, n: Noise, css: str) -> str:
    T = a.transform
    title = T(a.title)
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title,
        "datePublished": a.date_iso,
        "author": {"@type": "Person", "name": a.author},
        "publisher": {"@type": "Organization", "name": a.site.name},
        "mainEntityOfPage": a.url,
        "inLanguage": "de-DE" if a.lang == "de" else "en-US",
    }
    locale = "de_DE" if a.lang == "de" else "en_US"
    return f"""<head>
<meta charset="{a.meta_charset}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}{a.title_sep}{a.site.name}</title>
<meta name="robots" content="index, follow, max-image-preview:large">
<link rel="canonical" href="{a.url}">
<meta property="og:locale" content="{locale}">
<meta property="og:type" content="article">
<meta property="og:title" content="{html.escape(title)}">
<meta property="og:url" content="{a.url}">
<meta property="og:site_name" content="{a.site.name}">
<meta property="og:image" content="https://{a.site.host}/wp-content/uploads/{a.date_iso[:4]}/{a.date_iso[5:7]}/{slugify(a.title)[:30]}-1200x675.jpg">
<meta property="article:published_time" content="{a.date_iso}">
<meta property="article:section" content="{a.category}">
<meta name="author" content="{a.author}">
<script type="application/ld+json" class="yoast-schema-graph">{json.dumps(ld, ensure_ascii=False)}</script>
<link rel="stylesheet" id="wp-block-library-css" href="https://{a.site.host}/wp-includes/css/dist/block-library/style.min.css?ver=6.5.5" media="all">
<link rel="stylesheet" id="theme-css" href="https://{a.site.host}/wp-content/themes/{css}" media="all">
<script src="https://{a.site.host}/wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>
</head>"""


def comment_form_de(a: Art, n: Noise) -> str:
    n.reg("Erforderliche Felder sind mit * markiert")
    return f"""<div id="respond" class="comment-respond">
<h3 id="reply-title" class="comment-reply-title">{n("Schreibe einen Kommentar")} <small><a rel="nofollow" id="cancel-comment-reply-link" href="{a.url}#respond" style="display:none;">{n("Antworten abbrechen")}</a></small></h3>
<form action="https://{a.site.host}/wp-comments-post.php" method="post" id="commentform" class="comment-form" novalidate>
<p class="comment-notes"><span id="email-notes">{n("Deine E-Mail-Adresse wird nicht veröffentlicht.")}</span> <span class="required-field-message">Erforderliche Felder sind mit <span class="required">*</span> markiert</span></p>
<p class="comment-form-comment"><label for="comment">Kommentar <span class="required">*</span></label> <textarea id="comment" name="comment" cols="45" rows="8" maxlength="65525" required></textarea></p>
<p class="comment-form-author"><label for="author">Name <span class="required">*</span></label> <input id="author" name="author" type="text" value="" size="30" maxlength="245" autocomplete="name" required></p>
<p class="comment-form-email"><label for="email">E-Mail <span class="required">*</span></label> <input id="email" name="email" type="email" value="" size="30" maxlength="100" aria-describedby="email-notes" autocomplete="email" required></p>
<p class="comment-form-url"><label for="url">Website</label> <input id="url" name="url" type="url" value="" size="30" maxlength="200" autocomplete="url"></p>
<p class="comment-form-cookies-consent"><input id="wp-comment-cookies-consent" name="wp-comment-cookies-consent" type="checkbox" value="yes"> <label for="wp-comment-cookies-consent">{n("Meinen Namen, meine E-Mail-Adresse und meine Website in diesem Browser für die nächste Kommentierung speichern.")}</label></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Kommentar abschicken"> <input type="hidden" name="comment_post_ID" value="{a.post_id}" id="comment_post_ID"> <input type="hidden" name="comment_parent" id="comment_parent" value="0"></p>
</form>
</div>"""


def comment_list_de(a: Art, n: Noise, list_class: str = "comment-list") -> str:
    if not a.comments:
        return ""
    count = len(a.comments)
    heading = f"{count} Kommentare" if count > 1 else "1 Kommentar"
    items = []
    for i, (who, when, text) in enumerate(a.comments):
        items.append(
            f'<li id="comment-{a.post_id * 10 + i}" class="comment even depth-1">'
            f'<article class="comment-body"><footer class="comment-meta"><div class="comment-author vcard">'
            f'<b class="fn">{who}</b> <span class="says">sagt:</span></div>'
            f'<div class="comment-metadata"><time>{when}</time></div></footer>'
            f'<div class="comment-content"><p>{n(text)}</p></div>'
            f'<div class="reply"><a rel="nofollow" class="comment-reply-link" href="#">Antworten</a></div></article></li>'
        )
    return (
        f'<h2 class="comments-title">{n(heading)}</h2>\n<ol class="{list_class}">\n' + "\n".join(items) + "\n</ol>\n"
    )


def cookie_notice(a: Art, n: Noise, style: str) -> str:
    s = a.site
    buttons = "".join(
        f'<a href="#" class="cn-button cn-set-cookie" data-cookie-set="{"accept" if i == 0 else "refuse"}">{label}</a>'
        for i, label in enumerate(s.cookie_buttons)
    )
    if style == "cookieyes":
        return (
            f'<div class="cky-consent-container cky-box-bottom-left" tabindex="0"><div class="cky-consent-bar">'
            f'<div class="cky-notice"><p class="cky-title">Cookies</p><div class="cky-notice-des"><p>{n(s.cookie_text)}</p></div>'
            f'<div class="cky-notice-btn-wrapper">{buttons}</div></div></div></div>'
        )
    return (
        f'<div id="cookie-notice" role="dialog" class="cookie-revoke-hidden cn-position-bottom" aria-label="Cookie Notice">'
        f'<div class="cookie-notice-container"><span id="cn-notice-text" class="cn-text-container">{n(s.cookie_text)}</span>'
        f'<span id="cn-notice-buttons" class="cn-buttons-container">{buttons}</span></div></div>'
    )


def link(a: Art, headline: str) -> str:
    return f"https://{a.site.host}/{a.date_iso[:4]}/{slugify(headline)}/"


def body_html(a: Art, n: Noise, picks: Picks, fmt: dict) -> str:
    """The post content with its in-content noise, in the theme's markup."""
    T = a.transform
    out = []
    for b in a.blocks:
        if isinstance(b, P):
            out.append(fmt["p"](T(b.text)))
        elif isinstance(b, H):
            out.append(fmt["h"](T(b.text)))
        elif isinstance(b, Ad):
            if b.reg:
                n.reg(b.label)
            n.reg("adsbygoogle")
            out.append(fmt["ad"](b.label))
        elif isinstance(b, See):
            headline = b.headline or picks.see()
            out.append(fmt["see"](n(b.label), n(T(headline)), link(a, headline)))
        elif isinstance(b, Fig):
            img = f"https://{a.site.host}/wp-content/uploads/{a.date_iso[:4]}/{a.date_iso[5:7]}/{slugify(b.caption)[:40]}.jpg"
            out.append(fmt["fig"](n(T(b.caption)), n(T(b.credit)), img))
        else:
            raise TypeError(f"block {b!r} not allowed in HTML")
    return "\n".join(out)


def wp_figure(caption: str, credit: str, img: str, credit_class: str = "wp-caption-credit") -> str:
    return (
        f'<figure class="wp-block-image size-large"><img decoding="async" loading="lazy" width="1024" height="576" '
        f'src="{img}" alt="" class="wp-image-8812"><figcaption class="wp-element-caption">{caption} '
        f'<span class="{credit_class}">{credit}</span></figcaption></figure>'
    )


# --------------------------------------------------------------------------- theme: Newspaper (tagDiv)


def theme_newspaper(a: Art, n: Noise) -> str:
    s, pk, T = a.site, Picks(POOL_DE, a.pool_offset), a.transform
    h1 = a.h1_html or T(a.title)
    fmt = {
        "p": lambda t: f"<p>{t}</p>",
        "h": lambda t: f'<h2 class="wp-block-heading">{t}</h2>',
        "ad": lambda label: (
            f'<div class="td-a-rec td-a-rec-id-content_inline tdi_41 td_block_template_1">'
            f'<span class="td-adspot-title">- {label} -</span>\n{adsense("7714023391")}</div>'
        ),
        "see": lambda label, hl, href: f'<p><strong>{label}</strong> <a href="{href}">{hl}</a></p>',
        "fig": lambda cap, cred, img: wp_figure(cap, cred, img, "td-caption-credit"),
    }
    body = body_html(a, n, pk, fmt)
    menu = "".join(f'<li class="menu-item"><a href="https://{s.host}/{slugify(m)}/">{m}</a></li>' for m in s.menu)
    ticker = "".join(
        f'<div class="td_module_trending_now td-trending-now-post-{i}"><h3 class="entry-title td-module-title">'
        f'<a href="{link(a, h)}">{n(h)}</a></h3></div>'
        for i, h in enumerate(pk.ticker)
    )
    sidebar = "".join(
        f'<li><a href="{link(a, h)}">{n(h)}</a><span class="post-date">{a.date_text}</span></li>' for h in pk.sidebar
    )
    related = "".join(
        f'<div class="td-related-span4"><div class="td_module_related_posts td-animation-stack td_mod_related_posts">'
        f'<div class="td-module-image"><div class="td-module-thumb"><a href="{link(a, h)}" rel="bookmark" class="td-image-wrap">'
        f'<span class="entry-thumb td-thumb-css"></span></a></div></div><div class="item-details">'
        f'<h3 class="entry-title td-module-title"><a href="{link(a, h)}">{n(h)}</a></h3>'
        f'<div class="td-excerpt">{n(ex)}</div></div></div></div>'
        for h, ex in pk.related
    )
    tags = "".join(f'<li><a href="https://{s.host}/tag/{slugify(t)}/">{t}</a></li>' for t in a.tags)
    share = (
        '<div class="td-post-sharing td-post-sharing-top"><div class="td-post-sharing-visible">'
        f'<span class="td-social-but-text">{n("Teilen:")}</span>'
        '<a class="td-social-sharing-button td-social-facebook" href="#"><span class="td-social-but-text">Facebook</span></a>'
        '<a class="td-social-sharing-button td-social-twitter" href="#"><span class="td-social-but-text">Twitter</span></a>'
        '<a class="td-social-sharing-button td-social-whatsapp" href="#"><span class="td-social-but-text">WhatsApp</span></a>'
        '<a class="td-social-sharing-button td-social-mail" href="#"><span class="td-social-but-text">E-Mail</span></a>'
        "</div></div>"
    )
    return f"""<!DOCTYPE html>
<html lang="de-DE">
{head_common(a, n, "Newspaper/style.css?ver=12.6.5")}
<body class="post-template-default single single-post postid-{a.post_id} single-format-standard td-standard-pack global-block-template-1 td-full-layout" itemscope="itemscope" itemtype="https://schema.org/WebPage">
<div class="td-scroll-up"><i class="td-icon-menu-up"></i></div>
<div id="td-outer-wrap" class="td-theme-wrap">
<div class="td-header-template-wrap" style="position: relative">
<div class="td-header-top-menu-full td-container-wrap"><div class="td-header-row td-header-top-menu"><div class="td_data_time"><div>{n(a.date_text)}</div></div>
<div class="td-header-sp-top-widget"><a href="https://{s.host}/abo/">Abo</a> | <a href="https://{s.host}/e-paper/">E-Paper</a></div></div></div>
<div class="td-header-menu-wrap-full td-container-wrap"><div class="td-header-logo"><a class="td-main-logo" href="https://{s.host}/"><span class="td-logo-text">{n(s.name)}</span></a><div class="td-tagline-text">{n(s.tagline)}</div></div>
<div id="td-header-menu" role="navigation"><ul id="menu-hauptmenue" class="sf-menu">{menu}</ul></div></div>
<div class="td-trending-now-wrapper" id="tdi_12"><div class="td-trending-now-title">{n(s.ticker_label)}</div><div class="td-trending-now-display-area">{ticker}</div></div>
</div>
<div class="td-main-content-wrap td-container-wrap">
<div class="td-container td-post-template-default">
<div class="td-crumb-container"><div class="entry-crumbs"><span><a class="entry-crumb" href="https://{s.host}/">{n(s.menu[0])}</a></span> <i class="td-icon-right td-bread-sep"></i> <span><a class="entry-crumb" href="https://{s.host}/{slugify(a.category)}/">{a.category}</a></span></div></div>
<div class="td-pb-row"><div class="td-pb-span8 td-main-content" role="main"><div class="td-ss-main-content">
<article id="post-{a.post_id}" class="post-{a.post_id} post type-post status-publish format-standard has-post-thumbnail" itemscope itemtype="https://schema.org/Article">
<div class="td-post-header"><ul class="td-category"><li class="entry-category"><a href="https://{s.host}/{slugify(a.category)}/">{a.category}</a></li></ul>
<header class="td-post-title"><h1 class="entry-title">{h1}</h1>
<div class="td-module-meta-info"><div class="td-post-author-name"><div class="td-author-by">Von</div> <a href="https://{s.host}/author/{slugify(a.author)}/">{a.author}</a><div class="td-author-line"> - </div></div>
<span class="td-post-date"><time class="entry-date updated td-module-date" datetime="{a.date_iso}">{a.date_text}</time></span>
<div class="td-post-views"><i class="td-icon-views"></i><span class="td-nr-views-{a.post_id}">{n("Lesezeit: 3 Minuten")}</span></div></div>
</header></div>
{share}
<div class="td-post-content tagdiv-type">
{body}
</div>
<footer>
<div class="td-post-source-tags"><ul class="td-tags td-post-small-box clearfix"><li><span>{n("Schlagwörter:")}</span></li>{tags}</ul></div>
<div class="td-block-row td-post-next-prev"><div class="td-block-span6 td-post-prev-post"><div class="td-post-next-prev-content"><span>{n("Vorheriger Artikel")}</span><a href="{link(a, pk.prev)}">{n(pk.prev)}</a></div></div>
<div class="td-block-span6 td-post-next-post"><div class="td-post-next-prev-content"><span>{n("Nächster Artikel")}</span><a href="{link(a, pk.next)}">{n(pk.next)}</a></div></div></div>
<div class="author-box-wrap"><a href="https://{s.host}/author/{slugify(a.author)}/"><img alt="" src="https://secure.gravatar.com/avatar/0?s=96&amp;d=mm" class="avatar avatar-96 photo" height="96" width="96"></a><div class="desc"><div class="td-author-name vcard author"><span class="fn">{n("Über den Autor")}</span></div><div class="td-author-description">{n(a.author_bio)}</div></div></div>
</footer></article>
<div class="td_block_wrap td_block_related_posts"><h4 class="td-related-title td-block-title"><a class="td-related-left td-cur-simple-item" href="#">{n(a.related_label)}</a></h4><div class="td_block_inner">{related}</div></div>
<div id="comments" class="comments-area">
{comment_list_de(a, n)}{comment_form_de(a, n)}
</div>
</div></div>
<div class="td-pb-span4 td-main-sidebar" role="complementary"><div class="td-ss-main-sidebar"><aside class="widget-area sidebar">
<section class="widget widget_search"><form role="search" class="search-form" action="https://{s.host}/"><input type="search" class="search-field" placeholder="Suchen" name="s"></form></section>
<div class="td-a-rec td-a-rec-id-sidebar"><span class="td-adspot-title">- {n("Anzeige")} -</span>
{adsense("3301188450")}</div>
<section class="widget widget_recent_entries"><h2 class="widget-title">{n(s.sidebar_label)}</h2><ul>{sidebar}</ul></section>
<div class="td_block_wrap tdm_block_newsletter newsletter-box"><h4 class="widget-title">{n(s.newsletter_title)}</h4><p>{n(s.newsletter_text)}</p><form class="mc4wp-form" method="post"><input type="email" name="EMAIL" placeholder="Ihre E-Mail-Adresse" required><input type="submit" value="Anmelden"></form></div>
</aside></div></div>
</div></div></div>
<div class="td-footer-template-wrap" style="position: relative"><div class="td-footer-wrap td-container-wrap"><div class="td-sub-footer-container"><div class="td-sub-footer-copy">{n(s.copyright)}</div><div class="td-sub-footer-menu"><a href="https://{s.host}/impressum/">{n("Impressum")}</a> | <a href="https://{s.host}/datenschutz/">{n("Datenschutz")}</a> | <a href="https://{s.host}/kontakt/">Kontakt</a></div></div></div></div>
</div>
{cookie_notice(a, n, "cn")}
<script src="https://{s.host}/wp-content/themes/Newspaper/js/tagdiv_theme.min.js?ver=12.6.5" id="td-site-min-js"></script>
</body>
</html>
"""


# --------------------------------------------------------------------------- theme: JNews


def theme_jnews(a: Art, n: Noise) -> str:
    s, pk, T = a.site, Picks(POOL_DE, a.pool_offset), a.transform
    h1 = a.h1_html or T(a.title)
    fmt = {
        "p": lambda t: f"<p>{t}</p>",
        "h": lambda t: f"<h2>{t}</h2>",
        "ad": lambda label: (
            f'<div class="jeg_ad jeg_ad_article jnews_content_inline_ads"><div class="ads-wrapper align-center">'
            f'<span class="ads-text">{label}</span>\n{adsense("5190338812")}</div></div>'
        ),
        "see": lambda label, hl, href: (
            '<div class="jnews_inline_related_post_wrapper"><div class="jnews_inline_related_post">'
            f'<div class="jeg_block_heading jeg_block_heading_6"><h3 class="jeg_block_title"><span>{label}</span></h3></div>'
            f'<div class="jeg_posts"><article class="jeg_post jeg_pl_sm"><div class="jeg_postblock_content">'
            f'<h3 class="jeg_post_title"><a href="{href}">{hl}</a></h3></div></article></div></div></div>'
        ),
        "fig": lambda cap, cred, img: (
            f'<figure class="wp-caption aligncenter"><img src="{img}" width="900" height="506" alt="">'
            f'<figcaption class="wp-caption-text">{cap} <em class="jeg_credit">{cred}</em></figcaption></figure>'
        ),
    }
    body = body_html(a, n, pk, fmt)
    menu = "".join(
        f'<li class="menu-item menu-item-type-taxonomy"><a href="https://{s.host}/{slugify(m)}/">{m}</a></li>' for m in s.menu
    )
    ticker = "".join(
        f'<div class="jeg_news_ticker_item jeg_news_ticker_fade"><a href="{link(a, h)}">{n(h)}</a></div>' for h in pk.ticker
    )
    sidebar = "".join(
        f'<article class="jeg_post jeg_pl_sm"><div class="jeg_postblock_content"><h3 class="jeg_post_title">'
        f'<a href="{link(a, h)}">{n(h)}</a></h3><div class="jeg_post_meta"><div class="jeg_meta_date">{a.date_text}</div></div></div></article>'
        for h in pk.sidebar
    )
    related = "".join(
        f'<article class="jeg_post jeg_pl_md_2"><div class="jeg_postblock_content"><h3 class="jeg_post_title">'
        f'<a href="{link(a, h)}">{n(h)}</a></h3><div class="jeg_post_excerpt"><p>{n(ex)}</p></div></div></article>'
        for h, ex in pk.related
    )
    tags = "".join(f'<a href="https://{s.host}/tag/{slugify(t)}/" rel="tag">{t}</a>' for t in a.tags)
    ncom = len(a.comments)
    comment_meta = f"{ncom} Kommentare" if ncom != 1 else "1 Kommentar"
    return f"""<!DOCTYPE html>
<html lang="de-DE">
{head_common(a, n, "jnews/style.css?ver=11.5.1")}
<body class="post-template-default single single-post postid-{a.post_id} jeg_toggle_light jeg_single_tpl_1 jnews jsc_normal">
<div class="jeg_ad jeg_ad_top jnews_header_top_ads"><div class="ads-wrapper"><span class="ads-text">{n("Werbung")}</span>
{adsense("9035513880")}</div></div>
<div class="jeg_viewport">
<div class="jeg_header_wrapper"><div class="jeg_header normal">
<div class="jeg_topbar jeg_container dark"><div class="container"><div class="jeg_nav_row"><div class="jeg_nav_col jeg_nav_left"><div class="jeg_nav_item jeg_top_date">{n(a.date_text)}</div></div>
<div class="jeg_nav_col jeg_nav_right"><div class="jeg_nav_item socials_widget jeg_social_icon_block nobg"><a href="#" class="jeg_facebook"><i class="fa fa-facebook"></i></a><a href="#" class="jeg_instagram"><i class="fa fa-instagram"></i></a></div></div></div></div></div>
<div class="jeg_midbar jeg_container normal"><div class="container"><div class="jeg_nav_row"><div class="jeg_nav_col jeg_nav_left"><div class="jeg_nav_item jeg_logo jeg_desktop_logo">
<h2 class="site-title"><a href="https://{s.host}/" style="padding: 0 0 0 0;">{n(s.name)}</a></h2><p class="jeg_logo_desc site-description">{n(s.tagline)}</p></div></div></div></div></div>
<div class="jeg_bottombar jeg_navbar jeg_container jeg_navbar_wrapper"><div class="container"><div class="jeg_nav_row"><div class="jeg_nav_item jeg_main_menu_wrapper"><div class="jeg_mainmenu_wrap"><ul class="jeg_menu jeg_main_menu jeg_menu_style_1">{menu}</ul></div></div></div></div></div>
</div></div>
<div class="jeg_breakingnews_wrapper"><div class="jeg_breakingnews clearfix"><div class="jeg_breakingnews_title"><i class="fa fa-bolt"></i>&nbsp;<span>{n(s.ticker_label)}</span></div><div class="jeg_news_ticker"><div class="jeg_news_ticker_items">{ticker}</div></div></div></div>
<div class="jeg_main"><div class="jeg_container"><div class="jeg_content jeg_singlepage"><div class="container">
<div class="jeg_breadcrumbs jeg_breadcrumb_container"><div id="breadcrumbs"><span><a href="https://{s.host}/">{n(s.menu[0])}</a></span><i class="fa fa-angle-right"></i><span><a href="https://{s.host}/{slugify(a.category)}/">{a.category}</a></span></div></div>
<div class="row"><div class="jeg_main_content col-md-8"><div class="jeg_inner_content">
<div class="entry-header"><div class="jeg_post_category"><span><a href="https://{s.host}/{slugify(a.category)}/" class="category-{slugify(a.category)}">{a.category}</a></span></div>
<h1 class="jeg_post_title">{h1}</h1>
<div class="jeg_meta_container"><div class="jeg_post_meta jeg_post_meta_1"><div class="meta_left"><div class="jeg_meta_author"><span class="meta_text">von</span> <a href="https://{s.host}/author/{slugify(a.author)}/">{a.author}</a></div>
<div class="jeg_meta_date"><a href="{a.url}">{a.date_text}</a></div></div>
<div class="meta_right"><div class="jeg_meta_comment"><a href="{a.url}#comments"><i class="fa fa-comment-o"></i> {n(comment_meta)}</a></div></div></div></div></div>
<div class="jeg_share_top_container"><div class="jeg_share_button clearfix"><div class="jeg_share_stats"><div class="jeg_share_count"><div class="counts">37</div><span class="sharetext">{n("GETEILT")}</span></div></div>
<div class="jeg_sharelist"><a href="#" class="jeg_btn-facebook expanded"><i class="fa fa-facebook-official"></i><span>{n("Auf Facebook teilen")}</span></a><a href="#" class="jeg_btn-whatsapp"><i class="fa fa-whatsapp"></i></a><a href="#" class="jeg_btn-email"><i class="fa fa-envelope"></i></a></div></div></div>
<div class="entry-content no-share"><div class="content-inner">
{body}
</div>
<div class="jeg_post_tags"><span>{n("Schlagwörter:")}</span> {tags}</div>
</div>
<div class="jnews_prev_next_container"><div class="jeg_prevnext_post"><a href="{link(a, pk.prev)}" class="post prev-post"><span class="caption">{n("Vorheriger Beitrag")}</span><h3 class="post-title">{n(pk.prev)}</h3></a>
<a href="{link(a, pk.next)}" class="post next-post"><span class="caption">{n("Nächster Beitrag")}</span><h3 class="post-title">{n(pk.next)}</h3></a></div></div>
<div class="jnews_author_box_container"><div class="jeg_authorbox"><div class="jeg_author_image"><img alt="" src="https://secure.gravatar.com/avatar/0?s=80&amp;d=mm" class="avatar avatar-80 photo" height="80" width="80"></div>
<div class="jeg_author_content"><h3 class="jeg_author_name"><span>{n("Über den Autor")}</span> <a href="https://{s.host}/author/{slugify(a.author)}/">{a.author}</a></h3><p class="jeg_author_desc">{n(a.author_bio)}</p></div></div></div>
<div class="jnews_related_post_container"><div class="jeg_postblock_22 jeg_postblock jeg_module_hook jeg_pagination_disable jeg_col_2o3">
<div class="jeg_block_heading jeg_block_heading_6 jeg_subcat_right"><h3 class="jeg_block_title"><span>{n(a.related_label)}</span></h3></div>
<div class="jeg_block_container"><div class="jeg_posts_wrap"><div class="jeg_posts jeg_load_more_flag">{related}</div></div></div></div></div>
<div class="jnews_comment_container"><div id="comments" class="comments-area">
{comment_list_de(a, n, "commentlist")}{comment_form_de(a, n)}
</div></div>
</div></div>
<div class="jeg_sidebar jeg_sticky_sidebar col-md-4"><div class="jegStickyHolder"><div class="theiaStickySidebar">
<div class="widget widget_jnews_module_block_21"><div class="jeg_block_heading jeg_block_heading_6"><h3 class="jeg_block_title"><span>{n(s.sidebar_label)}</span></h3></div><div class="jeg_posts">{sidebar}</div></div>
<div class="widget widget_mc4wp_form_widget newsletter-box"><h3 class="widget-title">{n(s.newsletter_title)}</h3><form class="mc4wp-form" method="post"><p>{n(s.newsletter_text)}</p><p><input type="email" name="EMAIL" placeholder="E-Mail-Adresse" required> <input type="submit" value="Eintragen"></p></form></div>
</div></div></div>
</div></div></div></div></div>
<div class="footer-holder" id="footer"><div class="jeg_footer jeg_footer_1 dark"><div class="jeg_footer_container jeg_container"><div class="jeg_footer_bottom"><div class="container">
<div class="footer_right"><ul class="jeg_menu_footer"><li><a href="https://{s.host}/impressum/">{n("Impressum")}</a></li><li><a href="https://{s.host}/datenschutz/">{n("Datenschutz")}</a></li><li><a href="https://{s.host}/agb/">AGB</a></li></ul></div>
<p class="copyright">{n(s.copyright)}</p></div></div></div></div></div>
</div>
{cookie_notice(a, n, "cookieyes")}
<script src="https://{s.host}/wp-content/themes/jnews/assets/dist/frontend.min.js?ver=11.5.1" id="jnews-frontend-js"></script>
</body>
</html>
"""


# --------------------------------------------------------------------------- theme: ColorMag


def theme_colormag(a: Art, n: Noise) -> str:
    s, pk, T = a.site, Picks(POOL_DE, a.pool_offset), a.transform
    h1 = a.h1_html or T(a.title)
    fmt = {
        "p": lambda t: f"<p>{t}</p>",
        "h": lambda t: f"<h3>{t}</h3>",
        "ad": lambda label: (
            f'<div class="cm-advertisement-content"><p class="cm-ad-label">{label}</p>\n{adsense("2208761145")}</div>'
        ),
        "see": lambda label, hl, href: (
            f'<div class="cm-inline-related"><span class="cm-inline-related-label">{label}</span> '
            f'<a href="{href}" class="cm-inline-related-link">{hl}</a></div>'
        ),
        "fig": lambda cap, cred, img: (
            f'<div class="wp-caption alignnone" style="width: 810px"><img src="{img}" width="800" height="450" alt="">'
            f'<p class="wp-caption-text">{cap} ({cred})</p></div>'
        ),
    }
    body = body_html(a, n, pk, fmt)
    menu = "".join(f'<li class="menu-item"><a href="https://{s.host}/{slugify(m)}/">{m}</a></li>' for m in s.menu)
    ticker = "".join(f'<li><a href="{link(a, h)}">{n(h)}</a></li>' for h in pk.ticker)
    sidebar = "".join(
        f'<div class="cm-post"><div class="cm-post-content"><h3 class="cm-entry-title"><a href="{link(a, h)}">{n(h)}</a></h3>'
        f'<div class="cm-below-entry-meta"><span class="cm-post-date">{a.date_text}</span></div></div></div>'
        for h in pk.sidebar
    )
    related = "".join(
        f'<div class="cm-col-4 cm-related-post"><h3 class="cm-entry-title"><a href="{link(a, h)}" rel="bookmark">{n(h)}</a></h3>'
        f'<div class="cm-entry-summary"><p>{n(ex)}</p></div></div>'
        for h, ex in pk.related
    )
    tags = ", ".join(f'<a href="https://{s.host}/tag/{slugify(t)}/" rel="tag">{t}</a>' for t in a.tags)
    return f"""<!DOCTYPE html>
<html lang="de-DE">
{head_common(a, n, "colormag/style.css?ver=3.1.6")}
<body class="post-template-default single single-post postid-{a.post_id} cm-header-layout-1 adv-style-1 cm-right-sidebar boxed">
<div id="cm-page" class="cm-site">
<a class="skip-link screen-reader-text" href="#cm-content">Zum Inhalt springen</a>
<header id="cm-masthead" class="cm-header cm-layout-1 cm-layout-1-style-1">
<div class="cm-top-bar"><div class="cm-container"><div class="cm-row"><div class="cm-top-bar__1"><div class="date-in-header">{n(a.date_text)}</div>
<div class="breaking-news"><strong class="breaking-news-latest">{n(s.ticker_label)}</strong><ul class="newsticker">{ticker}</ul></div></div></div></div></div>
<div class="cm-main-header"><div id="cm-header-1" class="cm-header-1"><div class="cm-container"><div class="cm-row"><div class="cm-header-col-1"><div id="cm-site-branding" class="cm-site-branding">
<div id="cm-site-info"><h3 class="cm-site-title"><a href="https://{s.host}/" rel="home">{n(s.name)}</a></h3><p class="cm-site-description">{n(s.tagline)}</p></div></div></div>
<div class="cm-header-col-2"><div class="cm-header-ad-area"><span class="cm-ad-label">{n("Anzeige")}</span>
{adsense("6620904417")}</div></div></div></div></div>
<div id="cm-header-2" class="cm-header-2"><nav id="cm-primary-nav" class="cm-primary-nav"><div class="cm-container"><div class="cm-row"><div class="cm-menu-primary-container"><ul id="cm-primary-menu" class="menu">{menu}</ul></div></div></div></nav></div></div>
</header>
<div id="cm-content" class="cm-content"><div class="cm-container"><div class="cm-row">
<div id="cm-primary" class="cm-primary"><div class="cm-posts clearfix">
<article id="post-{a.post_id}" class="post-{a.post_id} post type-post status-publish format-standard has-post-thumbnail hentry">
<div class="cm-featured-image"><img width="800" height="445" src="https://{s.host}/wp-content/uploads/{a.date_iso[:4]}/{a.date_iso[5:7]}/{slugify(a.title)[:30]}-800x445.jpg" class="attachment-colormag-featured-image" alt=""></div>
<div class="cm-post-content">
<div class="cm-entry-header-meta"><div class="cm-post-categories"><a href="https://{s.host}/{slugify(a.category)}/" rel="category tag">{a.category}</a></div></div>
<header class="cm-entry-header"><h1 class="cm-entry-title">{h1}</h1></header>
<div class="cm-below-entry-meta"><span class="cm-post-date"><a href="{a.url}" rel="bookmark"><time class="entry-date published" datetime="{a.date_iso}">{a.date_text}</time></a></span>
<span class="cm-author cm-vcard"><a class="url fn n" href="https://{s.host}/author/{slugify(a.author)}/">{a.author}</a></span>
<span class="cm-tag-links">{tags}</span></div>
<div class="cm-entry-summary">
{body}
</div>
<div class="cm-share-buttons"><span class="cm-share-label">{n("Teile diesen Beitrag")}</span> <a href="#" class="cm-share-facebook">Facebook</a> <a href="#" class="cm-share-x">X</a> <a href="#" class="cm-share-whatsapp">WhatsApp</a></div>
</div>
</article>
</div>
<ul class="default-wp-page"><li class="previous"><a href="{link(a, pk.prev)}" rel="prev"><span class="cm-post-nav-icon">&laquo;</span> {n(pk.prev)}</a></li><li class="next"><a href="{link(a, pk.next)}" rel="next">{n(pk.next)} <span class="cm-post-nav-icon">&raquo;</span></a></li></ul>
{f'<div class="cm-author-box"><div class="cm-author-img"><img alt="" src="https://secure.gravatar.com/avatar/0?s=100&amp;d=mm" class="avatar photo" height="100" width="100"></div><div class="cm-author-description"><h4 class="cm-author-title">{n("Über den Autor")} <span>{a.author}</span></h4><p>{n(a.author_bio)}</p></div></div>' if a.author_bio else ''}
<div class="related-posts-wrapper"><h3 class="related-posts-main-title"><i class="fa fa-thumbs-up"></i><span>{n(a.related_label)}</span></h3><div class="related-posts cm-row">{related}</div></div>
<div id="comments" class="comments-area">
{comment_list_de(a, n)}{comment_form_de(a, n)}
</div>
</div>
<div id="cm-secondary" class="cm-secondary"><aside id="colormag_featured_posts_vertical_widget-2" class="widget cm-featured-posts cm-featured-posts--style-2"><h3 class="cm-widget-title"><span>{n(s.sidebar_label)}</span></h3>{sidebar}</aside>
<aside id="mc4wp_form_widget-2" class="widget widget_mc4wp_form_widget newsletter-box"><h3 class="cm-widget-title"><span>{n(s.newsletter_title)}</span></h3><form class="mc4wp-form" method="post"><p>{n(s.newsletter_text)}</p><p><input type="email" name="EMAIL" placeholder="Ihre E-Mail-Adresse" required></p><p><input type="submit" value="Anmelden"></p></form></aside></div>
</div></div></div>
<footer id="cm-footer" class="cm-footer"><div class="cm-footer-bar cm-footer-bar-style-1"><div class="cm-container"><div class="cm-row"><div class="cm-footer-bar-area">
<div class="cm-footer-bar__1"><div class="copyright">{n(s.copyright)}</div></div>
<div class="cm-footer-bar__2"><ul id="menu-footer" class="menu"><li><a href="https://{s.host}/impressum/">{n("Impressum")}</a></li><li><a href="https://{s.host}/datenschutz/">{n("Datenschutz")}</a></li></ul></div></div></div></div></div></footer>
<a href="#cm-masthead" id="cm-scroll-up"><i class="fa fa-chevron-up"></i></a>
</div>
{cookie_notice(a, n, "cn")}
<script src="https://{s.host}/wp-content/themes/colormag/assets/js/colormag-custom.min.js?ver=3.1.6" id="colormag-custom-js"></script>
</body>
</html>
"""


# --------------------------------------------------------------------------- theme: GeneratePress


def theme_generatepress(a: Art, n: Noise) -> str:
    s, pk, T = a.site, Picks(POOL_DE, a.pool_offset), a.transform
    h1 = a.h1_html or T(a.title)
    fmt = {
        "p": lambda t: f"<p>{t}</p>",
        "h": lambda t: f'<h2 class="wp-block-heading">{t}</h2>',
        "ad": lambda label: (
            f'<div class="code-block code-block-3" style="margin: 8px auto; text-align: center; display: block; clear: both;">'
            f'<p class="ad-label" style="font-size: 11px;">{label}</p>\n{adsense("8830016625")}</div>'
        ),
        "see": lambda label, hl, href: f'<p class="crp-inline"><strong>{label}</strong> <a href="{href}">{hl}</a></p>',
        "fig": lambda cap, cred, img: wp_figure(cap, cred, img, "photo-credit"),
    }
    body = body_html(a, n, pk, fmt)
    menu = "".join(f'<li class="menu-item"><a href="https://{s.host}/{slugify(m)}/">{m}</a></li>' for m in s.menu)
    ticker = " &bull; ".join(f'<a href="{link(a, h)}">{n(h)}</a>' for h in pk.ticker)
    sidebar = "".join(f'<li><a href="{link(a, h)}">{n(h)}</a></li>' for h in pk.sidebar)
    related = "".join(
        f'<div class="crp_related_item"><a href="{link(a, h)}" class="crp_link"><span class="crp_title">{n(h)}</span></a>'
        f'<span class="crp_excerpt">{n(ex)}</span></div>'
        for h, ex in pk.related
    )
    tags = ", ".join(f'<a href="https://{s.host}/tag/{slugify(t)}/" rel="tag">{t}</a>' for t in a.tags)
    return f"""<!DOCTYPE html>
<html lang="de-DE">
{head_common(a, n, "generatepress/assets/css/main.min.css?ver=3.4.0")}
<body class="post-template-default single single-post postid-{a.post_id} single-format-standard wp-embed-responsive right-sidebar nav-below-header separate-containers header-aligned-left" itemtype="https://schema.org/Blog" itemscope>
<a class="screen-reader-text skip-link" href="#content" title="{n("Zum Inhalt springen")}">Zum Inhalt springen</a>
<div class="top-bar top-bar-align-left"><div class="inside-top-bar grid-container"><aside class="widget inner-padding widget_text"><div class="textwidget"><strong>{n(s.ticker_label)}</strong> {ticker}</div></aside></div></div>
<header class="site-header grid-container" id="masthead" itemtype="https://schema.org/WPHeader" itemscope><div class="inside-header grid-container">
<div class="site-branding"><p class="main-title" itemprop="headline"><a href="https://{s.host}/" rel="home">{n(s.name)}</a></p><p class="site-description" itemprop="description">{n(s.tagline)}</p></div>
</div></header>
<nav class="main-navigation grid-container sub-menu-right" id="site-navigation" itemtype="https://schema.org/SiteNavigationElement" itemscope><div class="inside-navigation grid-container">
<button class="menu-toggle" aria-controls="primary-menu" aria-expanded="false"><span class="mobile-menu">Menü</span></button>
<div id="primary-menu" class="main-nav"><ul id="menu-main" class="menu sf-menu">{menu}</ul></div></div></nav>
<div class="site grid-container container hfeed" id="page"><div class="site-content" id="content">
<div class="content-area" id="primary"><main class="site-main" id="main">
<article id="post-{a.post_id}" class="post-{a.post_id} post type-post status-publish format-standard hentry" itemtype="https://schema.org/CreativeWork" itemscope>
<div class="inside-article">
<header class="entry-header"><h1 class="entry-title" itemprop="headline">{h1}</h1>
<div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="{a.date_iso}" itemprop="datePublished">{n(a.date_text)}</time></span> <span class="byline">von <span class="author vcard" itemprop="author"><a class="url fn n" href="https://{s.host}/author/{slugify(a.author)}/" rel="author"><span class="author-name" itemprop="name">{a.author}</span></a></span></span></div>
</header>
<div class="entry-content" itemprop="text">
{body}
<div class="shariff shariff-align-flex-start"><div class="shariff-title">{n("Artikel teilen:")}</div><ul class="shariff-buttons"><li class="shariff-button facebook"><a href="#"><span class="shariff-text">teilen</span></a></li><li class="shariff-button whatsapp"><a href="#"><span class="shariff-text">teilen</span></a></li><li class="shariff-button mailto"><a href="#"><span class="shariff-text">E-Mail</span></a></li></ul></div>
</div>
<footer class="entry-meta" aria-label="Beitragsmeta"><span class="cat-links"><span class="screen-reader-text">Kategorien </span><a href="https://{s.host}/{slugify(a.category)}/" rel="category tag">{a.category}</a></span> <span class="tags-links"><span class="gp-label">{n("Schlagwörter:")}</span> {tags}</span>
<nav id="nav-below" class="post-navigation" aria-label="Beiträge"><div class="nav-previous"><span class="prev">&laquo; <a href="{link(a, pk.prev)}" rel="prev">{n(pk.prev)}</a></span></div><div class="nav-next"><span class="next"><a href="{link(a, pk.next)}" rel="next">{n(pk.next)}</a> &raquo;</span></div></nav>
</footer>
{f'<div class="author-box"><div class="avatar"><img alt="" src="https://secure.gravatar.com/avatar/0?s=80&amp;d=mm" height="80" width="80"></div><div class="author-title">{n("Über den Autor")}</div><div class="author-summary"><p class="author-name">{a.author}</p><p class="author-description">{n(a.author_bio)}</p></div></div>' if a.author_bio else ''}
</div>
</article>
<div class="crp_related related-posts"><h3>{n(a.related_label)}</h3><div class="crp_related_items">{related}</div></div>
<div class="comments-area"><div id="comments">
{comment_list_de(a, n)}{comment_form_de(a, n)}
</div></div>
</main></div>
<div class="widget-area sidebar is-right-sidebar" id="right-sidebar"><div class="inside-right-sidebar">
<aside id="search-2" class="widget inner-padding widget_search"><form method="get" class="search-form" action="https://{s.host}/"><label><span class="screen-reader-text">Suche nach:</span><input type="search" class="search-field" placeholder="Suchen" value="" name="s"></label></form></aside>
<aside id="recent-posts-2" class="widget inner-padding widget_recent_entries"><h2 class="widget-title">{n(s.sidebar_label)}</h2><ul>{sidebar}</ul></aside>
<aside id="text-3" class="widget inner-padding widget_text newsletter-box"><h2 class="widget-title">{n(s.newsletter_title)}</h2><div class="textwidget"><p>{n(s.newsletter_text)}</p><form class="mc4wp-form" method="post"><input type="email" name="EMAIL" placeholder="E-Mail" required> <input type="submit" value="Abonnieren"></form></div></aside>
</div></div>
</div></div>
<div class="site-footer"><footer class="site-info" aria-label="Website" itemtype="https://schema.org/WPFooter" itemscope><div class="inside-site-info grid-container">
<div class="footer-bar"><aside class="widget_nav_menu"><ul class="menu"><li><a href="https://{s.host}/impressum/">{n("Impressum")}</a></li><li><a href="https://{s.host}/datenschutz/">{n("Datenschutz")}</a></li></ul></aside></div>
<div class="copyright-bar">{n(s.copyright)}</div></div></footer></div>
{cookie_notice(a, n, "cookieyes")}
<script id="generate-menu-js" src="https://{s.host}/wp-content/themes/generatepress/assets/js/menu.min.js?ver=3.4.0"></script>
</body>
</html>
"""


# --------------------------------------------------------------------------- theme: Astra + Jetpack (English)


def theme_astra_en(a: Art, n: Noise) -> str:
    s, pk, T = a.site, Picks(POOL_EN, a.pool_offset), a.transform
    h1 = a.h1_html or T(a.title)
    fmt = {
        "p": lambda t: f"<p>{t}</p>",
        "h": lambda t: f'<h2 class="wp-block-heading">{t}</h2>',
        "ad": lambda label: (
            f'<div class="ast-ad-slot ast-ad-inline"><span class="ad-label">{label}</span>\n{adsense("4471120096")}</div>'
        ),
        "see": lambda label, hl, href: f'<p class="inline-related"><strong>{label}</strong> <a href="{href}">{hl}</a></p>',
        "fig": lambda cap, cred, img: wp_figure(cap, cred, img, "photo-credit"),
    }
    body = body_html(a, n, pk, fmt)
    menu = "".join(f'<li class="menu-item"><a href="https://{s.host}/{slugify(m)}/" class="menu-link">{m}</a></li>' for m in s.menu)
    ticker = "".join(f'<li><a href="{link(a, h)}">{n(h)}</a></li>' for h in pk.ticker)
    sidebar = "".join(f'<li><a href="{link(a, h)}">{n(h)}</a></li>' for h in pk.sidebar)
    jp_related = "".join(
        f'<div class="jp-relatedposts-post jp-relatedposts-post{i}" data-post-format="false"><h4 class="jp-relatedposts-post-title">'
        f'<a class="jp-relatedposts-post-a" href="{link(a, h)}">{n(h)}</a></h4><p class="jp-relatedposts-post-excerpt">{n(ex)}</p></div>'
        for i, (h, ex) in enumerate(pk.related[:2])
    )
    h3, ex3 = pk.related[2]
    astra_related = (
        f'<article class="ast-related-post post"><div class="ast-related-post-content"><header class="entry-header related-entry-header">'
        f'<h3 class="ast-related-post-title entry-title"><a href="{link(a, h3)}" rel="bookmark">{n(h3)}</a></h3></header>'
        f'<div class="entry-content clear"><p class="ast-related-post-excerpt entry-content clear">{n(ex3)}</p></div></div></article>'
    )
    sponsored = [
        "Port Calloway homeowners are switching to this solar roof",
        "Seniors on the coast can now get hearing aids for almost nothing",
    ]
    sponsored_html = "".join(f'<li><a href="https://ads.example/click?id={i}" rel="sponsored nofollow">{n(t)}</a></li>' for i, t in enumerate(sponsored))
    tags = ", ".join(f'<a href="https://{s.host}/tag/{slugify(t)}/" rel="tag">{t}</a>' for t in a.tags)
    n.reg("Required fields are marked *")
    return f"""<!DOCTYPE html>
<html lang="en-US">
{head_common(a, n, "astra/assets/css/minified/main.min.css?ver=4.6.14")}
<body class="post-template-default single single-post postid-{a.post_id} single-format-standard ast-desktop ast-separate-container ast-right-sidebar astra-4.6.14" itemtype="https://schema.org/Blog" itemscope>
<a class="skip-link screen-reader-text" href="#content" title="Skip to content">Skip to content</a>
<div class="hfeed site" id="page">
<div class="ast-above-header-wrap"><div class="ast-above-header-bar ast-above-header"><div class="site-above-header-wrap ast-builder-grid-row-container site-header-focus-item ast-container">
<div class="ast-builder-layout-element ast-flex site-header-focus-item ast-header-html-1"><div class="ast-header-html inner-link-style-"><div class="ast-builder-html-element"><p><strong>{n(s.ticker_label)}</strong></p><ul class="ticker">{ticker}</ul></div></div></div></div></div></div>
<header class="site-header header-main-layout-1 ast-primary-menu-enabled ast-logo-title-inline ast-hide-custom-menu-mobile ast-builder-menu-toggle-icon ast-mobile-header-inline" id="masthead" itemtype="https://schema.org/WPHeader" itemscope>
<div class="ast-main-header-wrap main-header-bar-wrap"><div class="ast-primary-header-bar ast-primary-header main-header-bar site-header-focus-item"><div class="site-primary-header-wrap ast-builder-grid-row-container site-header-focus-item ast-container">
<div class="ast-site-identity" itemtype="https://schema.org/Organization" itemscope><div class="ast-site-title-wrap"><span class="site-title" itemprop="name"><a href="https://{s.host}/" rel="home" itemprop="url">{n(s.name)}</a></span><p class="site-description" itemprop="description">{n(s.tagline)}</p></div></div>
<div class="ast-builder-menu-1 ast-builder-menu ast-flex ast-builder-menu-1-focus-item ast-builder-layout-element site-header-focus-item"><nav class="site-navigation ast-flex-grow-1 navigation-accessibility site-header-focus-item" id="primary-site-navigation-desktop" aria-label="Site Navigation"><div class="main-navigation ast-inline-flex"><ul id="ast-hf-menu-1" class="main-header-menu ast-menu-shadow ast-nav-menu ast-flex submenu-with-border stack-on-mobile">{menu}</ul></div></nav></div>
</div></div></div></header>
<div id="content" class="site-content"><div class="ast-container">
<div id="primary" class="content-area primary"><main id="main" class="site-main">
<article class="post-{a.post_id} post type-post status-publish format-standard has-post-thumbnail hentry ast-article-single" id="post-{a.post_id}" itemtype="https://schema.org/CreativeWork" itemscope>
<div class="ast-post-format- single-layout-1">
<header class="entry-header">
<div class="entry-meta"><span class="cat-links"><a href="https://{s.host}/{slugify(a.category)}/" rel="category tag">{a.category}</a></span> / By <span class="posted-by vcard author" itemtype="https://schema.org/Person" itemscope itemprop="author"><a title="View all posts by {a.author}" href="https://{s.host}/author/{slugify(a.author)}/" rel="author" class="url fn n" itemprop="url"><span class="author-name" itemprop="name">{a.author}</span></a></span> / <span class="posted-on"><span class="published" itemprop="datePublished">{n(a.date_text)}</span></span></div>
<h1 class="entry-title" itemprop="headline">{h1}</h1>
</header>
<div class="entry-content clear" itemprop="text">
{body}
<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing"><h3 class="sd-title">{n("Share this:")}</h3><div class="sd-content"><ul><li class="share-facebook"><a rel="nofollow noopener noreferrer" class="share-facebook sd-button share-icon" href="#" target="_blank"><span>Facebook</span></a></li><li class="share-x"><a rel="nofollow noopener noreferrer" class="share-x sd-button share-icon" href="#" target="_blank"><span>X</span></a></li><li class="share-email"><a rel="nofollow noopener noreferrer" class="share-email sd-button share-icon" href="#" target="_blank"><span>Email</span></a></li><li class="share-end"></li></ul></div></div></div>
<div class="sharedaddy sd-block sd-like jetpack-likes-widget-wrapper jetpack-likes-widget-unloaded" id="like-post-wrapper-2140881-{a.post_id}" data-src="https://widgets.wp.com/likes/" data-name="like-post-frame"><h3 class="sd-title">{n("Like this:")}</h3><div class="likes-widget-placeholder post-likes-widget-placeholder" style="height: 55px;"><span class="button"><span>Like</span></span> <span class="loading">{n("Loading...")}</span></div><span class="sd-text-color"></span><a class="sd-link-color"></a></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3><div class="jp-relatedposts-items jp-relatedposts-items-visual">{jp_related}</div></div>
</div>
<footer class="entry-footer"><span class="tags-links">{n("Tags:")} {tags}</span></footer>
</div>
</article>
<nav class="navigation post-navigation" aria-label="Posts"><div class="nav-links"><div class="nav-previous"><a title="{pk.prev}" href="{link(a, pk.prev)}" rel="prev"><span class="ast-left-arrow">&larr;</span> {n("Previous Post")}</a></div><div class="nav-next"><a title="{pk.next}" href="{link(a, pk.next)}" rel="next">{n("Next Post")} <span class="ast-right-arrow">&rarr;</span></a></div></div></nav>
<div class="ast-single-related-posts-container ast-separate-container"><div class="ast-related-posts-title-section"><h2 class="ast-related-posts-title">{n(a.related_label)}</h2></div><div class="ast-related-posts-wrapper">{astra_related}</div></div>
<div id="comments" class="comments-area comment-form-position-below">
<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">{n("Leave a Reply")} <small><a rel="nofollow" id="cancel-comment-reply-link" href="{a.url}#respond" style="display:none;">{n("Cancel reply")}</a></small></h3>
<form action="https://{s.host}/wp-comments-post.php" method="post" id="ast-commentform" class="comment-form">
<p class="comment-notes"><span id="email-notes">{n("Your email address will not be published.")}</span> <span class="required-field-message">Required fields are marked <span class="required">*</span></span></p>
<div class="ast-row comment-textarea"><fieldset class="comment-form-comment"><legend class="comment-form-legend"></legend><div class="comment-form-textarea ast-grid-common-col"><label for="comment" class="screen-reader-text">Type here..</label><textarea id="comment" name="comment" placeholder="Type here.." cols="45" rows="8" aria-required="true"></textarea></div></fieldset></div>
<div class="ast-comment-formwrap ast-row"><p class="comment-form-author ast-grid-common-col ast-width-lg-33 ast-width-md-4 ast-float"><label for="author" class="screen-reader-text">Name*</label><input id="author" name="author" type="text" value="" placeholder="Name*" size="30" aria-required="true"></p>
<p class="comment-form-email ast-grid-common-col ast-width-lg-33 ast-width-md-4 ast-float"><label for="email" class="screen-reader-text">Email*</label><input id="email" name="email" type="text" value="" placeholder="Email*" size="30" aria-required="true"></p>
<p class="comment-form-url ast-grid-common-col ast-width-lg-33 ast-width-md-4 ast-float"><label for="url" class="screen-reader-text">Website</label><input id="url" name="url" type="text" value="" placeholder="Website" size="30"></p></div>
<p class="comment-form-cookies-consent"><input id="wp-comment-cookies-consent" name="wp-comment-cookies-consent" type="checkbox" value="yes"> <label for="wp-comment-cookies-consent">{n("Save my name, email, and website in this browser for the next time I comment.")}</label></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment &raquo;"> <input type="hidden" name="comment_post_ID" value="{a.post_id}" id="comment_post_ID"> <input type="hidden" name="comment_parent" id="comment_parent" value="0"></p>
</form></div>
</div>
</main></div>
<div class="widget-area secondary" id="secondary" itemtype="https://schema.org/WPSideBar" itemscope><div class="sidebar-main">
<aside id="custom_html-4" class="widget_text widget widget_custom_html"><div class="textwidget custom-html-widget"><div class="ad-box"><span class="ad-label">{n("Advertisement")}</span>
{adsense("1187035529")}</div></div></aside>
<aside id="recent-posts-3" class="widget widget_recent_entries"><h2 class="widget-title">{n(s.sidebar_label)}</h2><nav aria-label="{s.sidebar_label}"><ul>{sidebar}</ul></nav></aside>
<aside id="custom_html-5" class="widget_text widget widget_custom_html"><div class="textwidget custom-html-widget sponsored-links"><p class="sponsored-label">{n("Sponsored")}</p><ul>{sponsored_html}</ul></div></aside>
<aside id="mc4wp_form_widget-3" class="widget widget_mc4wp_form_widget newsletter-box"><h2 class="widget-title">{n(s.newsletter_title)}</h2><form class="mc4wp-form" method="post"><p>{n(s.newsletter_text)}</p><p><input type="email" name="EMAIL" placeholder="Your email address" required> <input type="submit" value="Sign up"></p></form></aside>
</div></div>
</div></div>
<footer class="site-footer" id="colophon" itemtype="https://schema.org/WPFooter" itemscope><div class="site-below-footer-wrap ast-builder-grid-row-container site-footer-focus-item ast-builder-grid-row-full ast-builder-grid-row-tablet-full ast-builder-grid-row-mobile-full ast-footer-row-stack ast-footer-row-tablet-stack ast-footer-row-mobile-stack" data-section="section-below-footer-builder"><div class="ast-builder-grid-row-container-inner"><div class="site-footer-below-section-1 site-footer-section site-footer-section-1">
<div class="ast-footer-copyright"><p>{n(s.copyright)}</p></div>
<nav class="footer-links"><a href="https://{s.host}/privacy-policy/">{n("Privacy Policy")}</a> | <a href="https://{s.host}/terms/">Terms of Use</a> | <a href="https://{s.host}/contact/">Contact</a></nav>
</div></div></div></footer>
</div>
{cookie_notice(a, n, "cookieyes")}
<script src="https://{s.host}/wp-content/plugins/jetpack/_inc/build/likes/queuehandler.min.js?ver=13.4" id="jetpack_likes_queuehandler-js"></script>
<script id="astra-theme-js-js" src="https://{s.host}/wp-content/themes/astra/assets/js/minified/frontend.min.js?ver=4.6.14"></script>
</body>
</html>
"""


THEMES = {
    "newspaper": theme_newspaper,
    "jnews": theme_jnews,
    "colormag": theme_colormag,
    "generatepress": theme_generatepress,
    "astra": theme_astra_en,
}
