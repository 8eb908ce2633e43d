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
        items = [pool[(offset + i) % len(pool)] for i in range(15)]
        self.ticker = [h for h, _ in items[0:3]]
        self.sidebar = [h for h, _ in items[3:7]]
        self.prev, self.next = items[7][0], items[8][0]
        self.related = items[9:12]
        self._see = [h for h, _ in items[12:15]]
        self._see_i = 0

    def see(self) -> str:
        headline = self._see[self._see_i]  # IndexError: more than three see-also links on a page
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


# --------------------------------------------------------------------------- building


def decode_views(data: bytes, encodings, is_html: bool) -> list[str]:
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    views = []
    for enc in encodings:
        text = data.decode("utf-8", "replace") if enc == "utf-8-replace" else data.decode(enc)
        views.append(html_view(text) if is_html else norm(text))
    return views


def dedupe(items) -> list[str]:
    out = []
    for item in items:
        item = norm(item)
        if item and item not in out:
            out.append(item)
    return out


def build_art(a: Art) -> Built:
    n = Noise()
    markup = THEMES[a.theme](a, n)
    data = markup.encode(a.encoding)  # strict: a character the charset lacks is a bug here
    if a.gz:
        data = gzip.compress(data, compresslevel=9, mtime=0)
    body = [b for b in a.blocks if isinstance(b, (P, H))]
    clean = [clean_of(b, True) for b in body]
    fixes = [f for b in body for f in b.fixes]
    without = dedupe(n.items + [fix_without(f, True) for f in fixes] + a.extra_without)
    gold = {
        "lang": a.lang,
        "title": a.title,
        "expect": "article",
        "with": [norm(w) for w in a.with_],
        "without": without,
        "source": a.source,
        "ground_truth": "\n".join(clean),
    }
    views = decode_views(data, a.views, True)
    return Built(a.path, data, gold, clean, views, a.kind, fixes, a.title_in_raw)


def build_dump(d: Dump) -> Built:
    n = Noise()
    items: list[str | None] = []  # None = an extra empty line
    for b in d.blocks:
        if isinstance(b, (P, H)):
            items.append(b.text)
        elif isinstance(b, Ad):
            if b.reg:
                n.reg(b.label)
            items.append(b.label)
        elif isinstance(b, See):
            n.reg(b.label)
            n.reg(b.headline)
            items.append(f"{b.label}{d.see_sep}{b.headline}")
        elif isinstance(b, Fig):
            n.reg(b.caption)
            n.reg(b.credit)
            items.append(f"{b.caption} {b.credit}")
        elif isinstance(b, CreditLine):
            n.reg(b.credit)
            n.reg(b.caption)
            items += [b.credit, b.caption]
        elif isinstance(b, Line):
            if b.reg:
                n.reg(b.text)
            items.append(b.text)
        elif isinstance(b, Blank):
            items += [None] * b.count
        else:
            raise TypeError(f"block {b!r} not allowed in a dump")
    lines: list[str] = []
    for item in items:
        if item is None:
            lines.append("")
            continue
        if d.wrap:
            lines += textwrap.wrap(item, width=d.wrap, break_long_words=False, break_on_hyphens=False)
        else:
            lines.append(item)
        lines.append("")
    text = ("\r\n" if d.crlf else "\n").join(lines)
    data = text.encode("utf-8")
    body = [b for b in d.blocks if isinstance(b, (P, H))]
    clean = [clean_of(b, False) for b in body]
    fixes = [f for b in body for f in b.fixes]
    without = dedupe(n.items + [fix_without(f, False) for f in fixes] + d.extra_without)
    gold = {
        "lang": d.lang,
        "title": d.title,
        "expect": "article",
        "with": [norm(w) for w in d.with_],
        "without": without,
        "source": d.source,
        "ground_truth": "\n".join(clean),
    }
    return Built(d.path, data, gold, clean, decode_views(data, ("utf-8",), False), d.kind, fixes)


def build_reject(r: Reject) -> Built:
    gold = {"lang": None, "title": None, "expect": "reject", "with": [], "without": dedupe(r.without), "source": r.source}
    views = decode_views(r.data, r.views, r.is_html) if r.data else [""]
    return Built(r.path, r.data, gold, None, views, r.kind)


def png_bytes(width: int = 16, height: int = 16) -> bytes:
    """A small valid RGB PNG (a colour gradient)."""

    def chunk(kind: bytes, payload: bytes) -> bytes:
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF)

    rows = b"".join(
        b"\x00" + b"".join(bytes((x * 16 % 256, y * 16 % 256, 160)) for x in range(width)) for y in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


# =========================================================================== the pages
# German WordPress HTML

SITE_RHEINPOST = Site(
    name="Rheinpost",
    host="rheinpost.example",
    tagline="Nachrichten aus Tannweiler, Kressbach und dem Mühlbachtal",
    menu=["Startseite", "Region", "Politik", "Wirtschaft", "Sport", "Kultur", "Service"],
    ticker_label="Eilmeldung",
    sidebar_label="Meistgelesen",
    newsletter_title="Der Rheinpost-Newsletter",
    newsletter_text="Jeden Morgen um sieben die wichtigsten Meldungen aus der Region, kostenlos in Ihrem Postfach.",
    cookie_text=(
        "Wir setzen Cookies ein, um Inhalte zu personalisieren und die Nutzung unserer Seiten auszuwerten. "
        "Mit „Einverstanden“ stimmen Sie dem zu; Ihre Entscheidung können Sie jederzeit ändern."
    ),
    cookie_buttons=["Einverstanden", "Nur notwendige", "Mehr erfahren"],
    copyright="© 2024 Rheinpost Verlags-GmbH. Alle Rechte vorbehalten.",
)

A1 = Art(
    path="rheinpost.example/2024/07/deich-am-muehlbach-wird-erhoeht.html",
    theme="newspaper",
    site=SITE_RHEINPOST,
    title="Deich am Mühlbach wird erhöht: Tannweiler bekommt neuen Hochwasserschutz",
    url="https://rheinpost.example/2024/07/deich-am-muehlbach-wird-erhoeht/",
    date_iso="2024-07-16T08:45:00+02:00",
    date_text="16. Juli 2024",
    author="Jana Pfeiffer",
    category="Region",
    tags=["Tannweiler", "Hochwasser", "Gemeinderat"],
    author_bio="Jana Pfeiffer schreibt für die Rheinpost über Kommunalpolitik, Umwelt und Verkehr im Mühlbachtal.",
    pool_offset=0,
    post_id=41877,
    blocks=[
        P("Die Gemeinde Tannweiler bekommt einen besseren Schutz vor Hochwasser. Der Deich entlang des Mühlbachs "
          "soll auf einer Länge von 1,8 Kilometern um bis zu 80 Zentimeter erhöht werden, wie Bürgermeister Roland "
          "Fassbender am Montagabend im Gemeinderat mitteilte. Die Kosten schätzt das beauftragte Ingenieurbüro auf "
          "4,2 Millionen Euro, rund zwei Drittel davon übernimmt das Land."),
        P("Anlass für die Planung war das Hochwasser im vergangenen Frühjahr. Damals stand das Wasser in der "
          "Unterstadt zeitweise knietief, mehr als 60 Keller liefen voll, und die Feuerwehr musste die Grundschule "
          "am Bachweg mit Sandsäcken sichern. „Wir hatten großes Glück, dass der Deich gehalten hat“, sagte "
          "Fassbender. Der alte Damm stammt aus den 1950er-Jahren und entspricht nach Einschätzung der Fachleute "
          "nicht mehr den heutigen Anforderungen."),
        Ad("Werbung"),
        H("Bauarbeiten sollen im Herbst beginnen"),
        P("Die Arbeiten sollen im Oktober beginnen und bis zum Sommer 2026 abgeschlossen sein. Geplant ist, den "
          "Deich in drei Abschnitten zu erneuern, damit der Rad- und Fußweg auf der Krone nie ganz gesperrt werden "
          "muss. Zusätzlich entstehen zwei Schöpfwerke, die bei Starkregen Wasser aus den Gräben der Unterstadt in "
          "den Bach pumpen sollen."),
        See("Siehe auch:"),
        P("Der Leiter des Ingenieurbüros, Markus Weidinger, sprach von einem „notwendigen Schritt, um die Unterstadt "
          "für die nächsten Jahrzehnte sicher zu machen“. .“ Er verwies darauf, dass Starkregen in der Region in den "
          "vergangenen Jahren deutlich häufiger geworden sei. Die neue Deichhöhe orientiere sich an einem Hochwasser, "
          "wie es statistisch einmal in hundert Jahren vorkommt.",
          F("machen“. .“", "machen“.")),
        Fig("Der Deich am Mühlbach bei Tannweiler soll auf 1,8 Kilometern erhöht werden.",
            "Foto: Sebastian Kräher/dpa"),
        H("Anwohner fürchten Lärm und gefällte Bäume"),
        P("Nicht alle Anwohner sind mit den Plänen zufrieden. Bei einer Bürgerversammlung im Juni hatten mehrere "
          "Eigentümer kritisiert, dass für die Verbreiterung des Deichfußes etwa 40 alte Pappeln gefällt werden "
          "sollen. Die Gemeinde kündigte an, an anderer Stelle am Bach neue Bäume zu pflanzenEine Arbeitsgruppe mit "
          "Vertretern der Anwohner soll den Bau begleiten.",
          G("pflanzen", "Eine")),
        See("Lesen Sie auch:"),
        P("Während der Bauzeit wird der Lastwagenverkehr über die Kreisstraße 17 geführt. Die Gemeinde will die "
          "Anwohner vor jedem Bauabschnitt schriftlich informieren. Der Gemeinderat stimmte dem Vorhaben am Ende mit "
          "19 zu 2 Stimmen zu."),
    ],
    with_=[
        "Bauarbeiten sollen im Herbst beginnen",
        "Anwohner fürchten Lärm und gefällte Bäume",
        "Die Gemeinde Tannweiler bekommt einen besseren Schutz vor Hochwasser.",
        "Der Gemeinderat stimmte dem Vorhaben am Ende mit 19 zu 2 Stimmen zu.",
        "um die Unterstadt für die nächsten Jahrzehnte sicher zu machen“. Er verwies darauf",
        "Die Gemeinde kündigte an, an anderer Stelle am Bach neue Bäume zu pflanzen",
        "Eine Arbeitsgruppe mit Vertretern der Anwohner soll den Bau begleiten.",
        "„Wir hatten großes Glück, dass der Deich gehalten hat“, sagte Fassbender.",
        "Zusätzlich entstehen zwei Schöpfwerke, die bei Starkregen Wasser aus den Gräben der Unterstadt in den Bach pumpen sollen.",
        "Die Kosten schätzt das beauftragte Ingenieurbüro auf 4,2 Millionen Euro",
    ],
    source=(
        "written for the project; German WordPress page, Newspaper (tagDiv td-*) markup: date bar, logo + tagline, "
        "menu, 'Eilmeldung' ticker, in-body 'Werbung' AdSense slot and sidebar 'Anzeige' slot, 'Siehe auch:' and "
        "'Lesen Sie auch:' links, figure with caption + 'Foto: …/dpa', share bar, tags, prev/next, 'Über den Autor', "
        "'Das könnte Sie auch interessieren', comment form, sidebar, newsletter, footer, cookie notice; "
        "planted `machen“. .“` and glued `pflanzenEine`"
    ),
)

SITE_KREISKURIER = Site(
    name="Kreiskurier Hollbach",
    host="kreiskurier-hollbach.example",
    tagline="Lokalnachrichten aus Hollbach, Weidenfels und dem Mittleren Talland",
    menu=["Startseite", "Lokales", "Landkreis", "Blaulicht", "Sport", "Leben"],
    ticker_label="Aktuell",
    sidebar_label="Beliebte Artikel",
    newsletter_title="Immer informiert",
    newsletter_text="Unser Newsletter bringt Ihnen jeden Freitag die Woche im Landkreis auf einen Blick.",
    cookie_text=(
        "Diese Seite verwendet Cookies und ähnliche Technologien. Einige sind technisch notwendig, andere helfen "
        "uns, das Angebot zu verbessern und passende Inhalte anzuzeigen."
    ),
    cookie_buttons=["Alle akzeptieren", "Auswahl speichern"],
    copyright="© 2024 Kreiskurier Hollbach. Alle Rechte vorbehalten.",
)

A2 = Art(
    path="kreiskurier-hollbach.example/lokales/nachtbus-n7-wird-eingestellt.html",
    theme="jnews",
    site=SITE_KREISKURIER,
    title="Nachtbus zwischen Hollbach und Weidenfels fährt nur noch bis Ende August",
    url="https://kreiskurier-hollbach.example/lokales/nachtbus-n7-wird-eingestellt/",
    date_iso="2024-07-22T17:20:00+02:00",
    date_text="22. Juli 2024",
    author="Tobias Renner",
    category="Lokales",
    tags=["Nahverkehr", "Nachtbus", "Jugendparlament"],
    author_bio="Tobias Renner ist Redakteur im Lokalressort und kümmert sich vor allem um Verkehr und Jugendthemen.",
    pool_offset=9,
    post_id=22519,
    comments=[
        ("Gisela T.", "23. Juli 2024 um 7:41 Uhr",
         "Schade, mein Sohn ist fast jedes Wochenende mit der N7 heimgefahren. Ein Ruftaxi, das man stundenlang "
         "vorher bestellen muss, ist für junge Leute keine echte Lösung."),
        ("Bernd K.", "23. Juli 2024 um 9:15 Uhr",
         "Vielleicht sollte man die Linie erst einmal bekannter machen, bevor man sie streicht. Ich wusste bis heute "
         "nicht, dass es sie gibt."),
    ],
    blocks=[
        P("Die Nachtbuslinie N7 zwischen Hollbach und Weidenfels wird zum 31. August eingestellt. Das hat der "
          "Verkehrsverbund Mittleres Talland am Dienstag bekanntgegeben. Als Grund nannte eine Sprecherin die "
          "geringe Auslastung: In den Nächten von Freitag auf Samstag seien im Durchschnitt nur elf Fahrgäste pro "
          "Fahrt gezählt worden, unter der Woche oft weniger als fünf."),
        P("Die Linie war vor vier Jahren als Pilotprojekt gestartet worden. Sie sollte vor allem jungen Leuten und "
          "Beschäftigten in der Gastronomie eine sichere Heimfahrt ermöglichen. Der Landkreis hatte das Angebot "
          "zuletzt mit rund 310.000 Euro im Jahr bezuschusst."),
        Ad("Anzeige"),
        H("Jugendparlament sammelt Unterschriften"),
        P("Beim Jugendparlament des Landkreises stößt die Entscheidung auf deutlichen Widerspruch. Dessen "
          "Sprecherin Mira Osterkamp kündigte eine Unterschriftensammlung an. „Wer am Wochenende in Weidenfels "
          "feiert oder dort bis Mitternacht kellnert, hat ohne den Nachtbus kaum eine Möglichkeit, nach Hause zu "
          "kommen“, sagte die 19-Jährige. Innerhalb von zwei Tagen hätten bereits mehr als 900 Menschen "
          "unterschrieben .",
          F("unterschrieben .", "unterschrieben.")),
        See("Lesen Sie auch:"),
        P("Auch einige Wirte aus der Weidenfelser Altstadt äußerten sich besorgt. Sie fürchten, dass Gäste aus dem "
          "Umland künftig früher aufbrechen oder ganz wegbleiben. Der Vorsitzende des örtlichen Gastronomievereins, "
          "Benedikt Kuhlmann, forderte den Kreis auf, wenigstens in den Sommermonaten einen Ersatz anzubieten."),
        P("Ein Sprecher des Verkehrsverbunds sagte, man habe die Linie in den vergangenen Jahren mehrfach an Schulen "
          "und in Clubs vorgestellt. Die Zahl der Fahrgäste sei dennoch kaum gestiegen."),
        Fig("Ein Bus der Linie N7 an der Haltestelle am Weidenfelser Marktplatz.", "Foto: Kreiskurier/Anna Beyer"),
        H("Kreis prüft Ruftaxi als Ersatz"),
        P("Landrätin Cornelia Saalfeld zeigte Verständnis für die Kritik, verwies aber auf die angespannte "
          "Haushaltslage des Kreises. Man prüfe derzeit, ob ein Ruftaxi die Lücke schließen könne, das nur auf "
          "Bestellung fährt und deutlich günstiger wäre als ein Bus mit festem Fahrplan. Eine Entscheidung solle bis "
          "zum Herbst fallen, wobei ein neues Angebot nur „gemeinsam mit den Städten und Gemeinden“ sinnvoll sei "
          "Gemeinden.“",
          F("sinnvoll sei Gemeinden.“", "sinnvoll sei.")),
        See("Mehr zum Thema:"),
        P("Der Kreistag soll sich im September mit dem Thema befassen. Bis dahin fährt die N7 wie gewohnt freitags "
          "und samstags zwischen 23 und 3 Uhr im Stundentakt."),
    ],
    with_=[
        "Jugendparlament sammelt Unterschriften",
        "Kreis prüft Ruftaxi als Ersatz",
        "Die Nachtbuslinie N7 zwischen Hollbach und Weidenfels wird zum 31. August eingestellt.",
        "Bis dahin fährt die N7 wie gewohnt freitags und samstags zwischen 23 und 3 Uhr im Stundentakt.",
        "Innerhalb von zwei Tagen hätten bereits mehr als 900 Menschen unterschrieben.",
        "wobei ein neues Angebot nur „gemeinsam mit den Städten und Gemeinden“ sinnvoll sei.",
        "Der Landkreis hatte das Angebot zuletzt mit rund 310.000 Euro im Jahr bezuschusst.",
        "Sie fürchten, dass Gäste aus dem Umland künftig früher aufbrechen oder ganz wegbleiben.",
        "Man prüfe derzeit, ob ein Ruftaxi die Lücke schließen könne",
        "hat ohne den Nachtbus kaum eine Möglichkeit, nach Hause zu kommen“, sagte die 19-Jährige.",
    ],
    source=(
        "written for the project; German WordPress page, JNews (jeg_*) markup: top 'Werbung' ad, breaking-news "
        "ticker, in-body 'Anzeige' AdSense slot, inline related boxes 'Lesen Sie auch:' and 'Mehr zum Thema:', figure "
        "credit, share counter, tags, prev/next, author box, related block, two reader comments, comment form, "
        "sidebar, newsletter, footer, cookie banner; planted `unterschrieben .` and duplicated trailing fragment "
        "`sinnvoll sei Gemeinden.“`"
    ),
)

SITE_TALBOTE = Site(
    name="Talbote Online",
    host="talbote.example",
    tagline="Das Nachrichtenportal für Marlingen und den Kellberg",
    menu=["Startseite", "Marlingen", "Umland", "Sport", "Freizeit", "Meinung"],
    ticker_label="Neueste Beiträge",
    sidebar_label="Meistgelesen",
    newsletter_title="Talbote am Abend",
    newsletter_text="Der tägliche Überblick über alles, was in Marlingen passiert – jeden Abend um 18 Uhr.",
    cookie_text=(
        "Auf dieser Website kommen Cookies zum Einsatz. Einige davon sind notwendig, andere helfen uns, die Seite "
        "für Sie zu verbessern."
    ),
    cookie_buttons=["OK", "Ablehnen", "Datenschutzerklärung"],
    copyright="© 2024 Talbote Online – Alle Rechte vorbehalten.",
)

A3 = Art(
    path="talbote.example/2024/08/03/sternwarte-kellberg-wiedereroeffnung/index.html",
    theme="colormag",
    site=SITE_TALBOTE,
    title="Sternwarte auf dem Kellberg öffnet nach zwei Jahren Umbau wieder",
    url="https://talbote.example/2024/08/03/sternwarte-kellberg-wiedereroeffnung/",
    date_iso="2024-08-03T10:05:00+02:00",
    date_text="3. August 2024",
    author="Dörte Lindqvist",
    category="Freizeit",
    tags=["Kellberg", "Sternwarte", "Vereine"],
    author_bio="Dörte Lindqvist berichtet für den Talboten über Kultur, Vereine und Ehrenamt in Marlingen.",
    related_label="Ähnliche Beiträge",
    pool_offset=18,
    post_id=9034,
    blocks=[
        P("Nach fast zwei Jahren Umbau öffnet die Volkssternwarte auf dem Kellberg am kommenden Samstag wieder für "
          "Besucher. Der Astronomieverein Kellberg hat das Gebäude aus den 1970er-Jahren gemeinsam mit der Stadt "
          "Marlingen für rund 870.000 Euro saniert. Herzstück ist eine neue Kuppel, die sich nun elektrisch drehen "
          "lässt."),
        P("Vereinsvorsitzender Heiner Kolbe ist erleichtert, dass die Arbeiten abgeschlossen sind. „Wir haben lange "
          "gewartet, aber jetzt ist es endlich so weit. Die Sterne hatten ja Zeit.“ .“ Während der Bauphase hatte "
          "der Verein seine Führungen auf einen Parkplatz am Waldrand verlegt, wo Mitglieder mit tragbaren "
          "Teleskopen standen.",
          F("Zeit.“ .“", "Zeit.“")),
        H("Neues Teleskop und ein barrierefreier Zugang"),
        P("Neben der Kuppel wurde ein Aufzug eingebaut, sodass der Beobachtungsraum erstmals auch für Menschen im "
          "Rollstuhl erreichbar ist. Ein Förderverein sammelte über Spenden zudem Geld für ein neues "
          "Spiegelteleskop mit 50 Zentimetern Öffnung. Damit lassen sich nach Angaben des Vereins auch lichtschwache "
          "Galaxien beobachten, die mit dem alten Gerät kaum zu erkennen waren."),
        Ad("Werbung"),
        P("Der Umbau verlief nicht ohne Probleme. Weil der Hang unter dem Gebäude nachgab, musste das Fundament an "
          "einer Seite verstärkt werden. Außerdem verzögerte sich die Lieferung der Kuppel um mehrere Monate. Kolbe "
          "sagte, man sei froh, dass der Verein trotzdem fast alle Mitglieder gehalten habe und die Arbeit im Team "
          "Spaß mache..",
          F("mache..", "mache.")),
        See("Auch interessant:"),
        H("Führungen jeden Freitag"),
        P("Künftig bietet der Verein jeden Freitagabend öffentliche Führungen an, bei klarem Himmel mit Blick durch "
          "das Teleskop, bei Bewölkung mit einem Vortrag im Planetariumsraum. Der Weg hinauf führt über einen "
          "schmalen Pfad um das letzte Eck.Nur die ersten hundert Meter sind beleuchtet, Besucher sollten deshalb "
          "eine Taschenlampe mitbringen.",
          F("Eck.Nur", "Eck. Nur")),
        Fig("Die sanierte Volkssternwarte auf dem Kellberg mit ihrer neuen Kuppel.", "Foto: Michael Ostendorf/dpa"),
        See("Siehe auch:"),
        P("Zur Wiedereröffnung am Samstag lädt der Verein ab 15 Uhr zu einem Tag der offenen Tür ein. Bei gutem "
          "Wetter können Besucher am Nachmittag mit speziellen Filtern die Sonne beobachten. Der Eintritt ist frei."),
    ],
    with_=[
        "Neues Teleskop und ein barrierefreier Zugang",
        "Führungen jeden Freitag",
        "Nach fast zwei Jahren Umbau öffnet die Volkssternwarte auf dem Kellberg am kommenden Samstag wieder für Besucher.",
        "Bei gutem Wetter können Besucher am Nachmittag mit speziellen Filtern die Sonne beobachten. Der Eintritt ist frei.",
        "Die Sterne hatten ja Zeit.“ Während der Bauphase hatte der Verein seine Führungen auf einen Parkplatz am Waldrand verlegt",
        "dass der Verein trotzdem fast alle Mitglieder gehalten habe und die Arbeit im Team Spaß mache.",
        "Der Weg hinauf führt über einen schmalen Pfad um das letzte Eck. Nur die ersten hundert Meter sind beleuchtet",
        "Herzstück ist eine neue Kuppel, die sich nun elektrisch drehen lässt.",
        "Weil der Hang unter dem Gebäude nachgab, musste das Fundament an einer Seite verstärkt werden.",
        "Ein Förderverein sammelte über Spenden zudem Geld für ein neues Spiegelteleskop mit 50 Zentimetern Öffnung.",
    ],
    source=(
        "written for the project; German WordPress page, ColorMag (cm-*) markup in a folder/index.html scrape path: "
        "date + 'Neueste Beiträge' ticker, header 'Anzeige' slot, in-body 'Werbung' slot, 'Auch interessant:' and "
        "'Siehe auch:' links, caption with '(Foto: …/dpa)', share label, prev/next, author box, 'Ähnliche Beiträge', "
        "comment form, sidebar, newsletter, footer, cookie notice; planted `Zeit.“ .“`, `mache..`, `Eck.Nur`"
    ),
)

SITE_HEIDEBLATT = Site(
    name="Heideblatt",
    host="heideblatt.example",
    tagline="Neues aus Fichtenhain und der Südheide",
    menu=["Startseite", "Lokales", "Kreis", "Natur", "Sport", "Termine"],
    ticker_label="Top-Themen",
    sidebar_label="Neueste Beiträge",
    newsletter_title="Heideblatt kompakt",
    newsletter_text="Einmal pro Woche alle Nachrichten aus der Südheide per E-Mail – kostenlos und jederzeit kündbar.",
    cookie_text=(
        "Wir nutzen Cookies und externe Dienste, um unser Angebot zu verbessern und Werbung einzublenden. Details "
        "finden Sie in unserer Datenschutzerklärung."
    ),
    cookie_buttons=["Akzeptieren", "Ablehnen"],
    copyright="© 2024 Heideblatt. Alle Rechte vorbehalten.",
)

A4 = Art(
    path="heideblatt.example/natur/wolf-fichtenhain-schafe-gerissen.html.gz",
    theme="generatepress",
    site=SITE_HEIDEBLATT,
    title="Landesamt bestätigt: Wolf hat bei Fichtenhain drei Schafe gerissen",
    url="https://heideblatt.example/natur/wolf-fichtenhain-schafe-gerissen/",
    date_iso="2024-06-28T14:30:00+02:00",
    date_text="28. Juni 2024",
    author="Malte Hinrichsen",
    category="Natur",
    tags=["Wolf", "Weidetiere", "Fichtenhain"],
    author_bio="Malte Hinrichsen schreibt über Landwirtschaft, Natur und Umwelt in der Südheide.",
    related_label="Ähnliche Beiträge",
    pool_offset=27,
    post_id=15602,
    gz=True,
    kind="HTML, gzip",
    blocks=[
        P("Auf einer Weide bei Fichtenhain hat ein Wolf in der vergangenen Woche drei Schafe gerissen. Das hat das "
          "Landesamt für Umwelt am Donnerstag nach der Auswertung genetischer Proben bestätigt. Es handelt sich "
          "demnach um einen männlichen Wolf, der bereits im Frühjahr in einem Nachbarkreis nachgewiesen worden war."),
        P("Schäfer Konrad Bielefeld hatte die toten Tiere am Morgen entdeckt. Die Weide war mit einem 90 Zentimeter "
          "hohen Elektrozaun gesichert, der nach Angaben des Landesamts jedoch an einer Stelle durchhing. „Ich halte "
          "seit 30 Jahren Schafe, so etwas habe ich hier noch nie erlebt“, sagte Bielefeld. Er rechnet damit, dass er "
          "für die getöteten Tiere entschädigt wird."),
        Ad("Anzeige"),
        H("Förderung für höhere Zäune"),
        P("Das Land übernimmt für Weidetierhalter in ausgewiesenen Wolfsgebieten bis zu 100 Prozent der Kosten für "
          "wolfsabweisende Zäune. Fichtenhain gehört bislang nicht zu diesen Gebieten , eine Ausweitung werde aber "
          "geprüft, teilte eine Sprecherin des Umweltministeriums mit. Bis dahin können Tierhalter zumindest eine "
          "Beratung durch die Wolfsbeauftragten des Kreises in Anspruch nehmen.",
          F("Gebieten ,", "Gebieten,")),
        See("Mehr zum Thema:"),
        P("Der Kreisbauernverband forderte schnellere Entscheidungen. Viele kleinere Betriebe könnten sich teure "
          "Schutzmaßnahmen ohne Hilfe nicht leisten, sagte Geschäftsführerin Anke Morlock. Sie warnte davor, dass "
          "Halter die Weidetierhaltung aufgeben könntenDas würde auch der Landschaftspflege schaden, weil Schafe "
          "viele Deiche und Heideflächen kurz halten.",
          G("könnten", "Das")),
        Fig("Schafe auf einer Weide in der Südheide. Das Land fördert wolfsabweisende Zäune.",
            "Foto: Henrike Abels/dpa"),
        H("Keine Gefahr für Spaziergänger"),
        P("Nach Einschätzung des Landesamts geht von dem Tier keine Gefahr für Menschen aus. Wölfe meiden in der "
          "Regel die Begegnung mit Menschen. Wer einem Wolf begegnet, solle stehen bleiben, auf sich aufmerksam "
          "machen und sich langsam zurückziehen, rät die Behörde. Hunde sollten in Waldgebieten an der Leine geführt "
          "werden."),
        P("Im gesamten Landkreis leben nach Schätzung des Landesamts derzeit zwei Wolfsrudel. Nachweise einzelner, "
          "durchziehender Tiere gibt es fast jeden Monat, Übergriffe auf Nutztiere waren bislang aber selten."),
        See("Auch interessant:"),
        P("Sichtungen können dem Landesamt über ein Online-Formular gemeldet werden. Fotos oder Videos helfen den "
          "Fachleuten bei der Einordnung."),
    ],
    with_=[
        "Förderung für höhere Zäune",
        "Keine Gefahr für Spaziergänger",
        "Auf einer Weide bei Fichtenhain hat ein Wolf in der vergangenen Woche drei Schafe gerissen.",
        "Fotos oder Videos helfen den Fachleuten bei der Einordnung.",
        "Fichtenhain gehört bislang nicht zu diesen Gebieten, eine Ausweitung werde aber geprüft",
        "Sie warnte davor, dass Halter die Weidetierhaltung aufgeben könnten",
        "Das würde auch der Landschaftspflege schaden, weil Schafe viele Deiche und Heideflächen kurz halten.",
        "„Ich halte seit 30 Jahren Schafe, so etwas habe ich hier noch nie erlebt“, sagte Bielefeld.",
        "Wölfe meiden in der Regel die Begegnung mit Menschen.",
        "Es handelt sich demnach um einen männlichen Wolf",
    ],
    source=(
        "written for the project; gzip-compressed German WordPress page (.html.gz), GeneratePress markup with "
        "skip link, 'Top-Themen' bar, Ad-Inserter 'Anzeige' block, 'Mehr zum Thema:' and 'Auch interessant:' links, "
        "figure credit, Shariff share bar, tags, prev/next, author box, Contextual-Related-Posts block, comment form, "
        "sidebar, newsletter, footer, CookieYes banner; planted `Gebieten ,` and glued `könntenDas`"
    ),
)


# --------------------------------------------------------------------------- encoding pages

SITE_REBENLAND = Site(
    name="Rebenland-Kurier",
    host="rebenland-kurier.example",
    tagline="Zeitung für Kaltenstein und die Weinorte an der Lauter",
    menu=["Startseite", "Kaltenstein", "Weinland", "Wirtschaft", "Sport", "Freizeit"],
    ticker_label="Eilmeldung",
    sidebar_label="Meistgelesen",
    newsletter_title="Kurier-Newsletter",
    newsletter_text="Die wichtigsten Nachrichten aus dem Weinland – montags bis freitags um 6 Uhr in Ihrem Postfach.",
    cookie_text=(
        "Wir verwenden Cookies, um Ihnen ein optimales Nutzungserlebnis zu bieten. Sie können selbst entscheiden, "
        "welche Kategorien Sie zulassen möchten – mehr dazu unter „Einstellungen“."
    ),
    cookie_buttons=["Alle akzeptieren", "Einstellungen"],
    copyright="© 2024 Rebenland-Kurier. Alle Rechte vorbehalten.",
)

E1 = Art(
    path="rebenland-kurier.example/2024/08/weinfest-kaltenstein-bilanz.html",
    theme="newspaper",
    site=SITE_REBENLAND,
    title="Weinfest in Kaltenstein zieht 38.000 Besucher an – Kritik an den Preisen",
    url="https://rebenland-kurier.example/2024/08/weinfest-kaltenstein-bilanz/",
    date_iso="2024-08-26T11:40:00+02:00",
    date_text="26. August 2024",
    author="Sabine Hollerith",
    category="Kaltenstein",
    tags=["Weinfest", "Kaltenstein", "Winzer"],
    author_bio="Sabine Hollerith leitet die Lokalredaktion Kaltenstein und schreibt über Weinbau und Tourismus.",
    pool_offset=4,
    post_id=30712,
    meta_charset="windows-1252",
    encoding="cp1252",
    views=("cp1252", "utf-8-replace"),
    extra_without=["\ufffd"],
    kind="HTML, windows-1252",
    blocks=[
        P("Das Weinfest in Kaltenstein hat an vier Tagen rund 38.000 Besucherinnen und Besucher angelockt. Das "
          "teilte der Verkehrsverein am Montag mit. Damit kamen etwa 3.000 Gäste mehr als im Vorjahr, obwohl es am "
          "Samstagabend zeitweise heftig regnete."),
        P("Die 22 Winzerbetriebe aus dem Ort und den Nachbargemeinden zeigten sich überwiegend zufrieden. „Der "
          "Freitag war der stärkste Tag, den wir je hatten“, sagte Winzerin Katharina Seelbach, die seit 2011 einen "
          "Stand am Marktplatz betreibt. Besonders gefragt seien leichte Weißweine und Schorlen gewesen – bei "
          "Temperaturen um 30 Grad kaum überraschend."),
        H("Schoppen für 5,50 €"),
        P("Für Diskussionen sorgten allerdings die Preise. Ein Schoppen Riesling kostete an den meisten Ständen "
          "5,50 €, ein halber Liter Weinschorle 4,80 €. Mehrere Besucher beschwerten sich in sozialen Netzwerken, "
          "einige sprachen von „Großstadtniveau“. Der Verkehrsverein verwies auf gestiegene Kosten für Personal, "
          "Sicherheit und Strom."),
        Ad("Werbung"),
        P("Allein der Sicherheitsdienst habe in diesem Jahr rund 41.000 € gekostet, sagte der Vorsitzende des "
          "Verkehrsvereins, Dieter Wagenknecht. „Wir haben lange überlegt, ob wir die Standgebühren erhöhen … am "
          "Ende ging es nicht anders.“ .“ Die Winzer hätten die höheren Gebühren teilweise an die Gäste "
          "weitergegeben.",
          F("anders.“ .“", "anders.“")),
        See("Lesen Sie auch:"),
        Fig("Besucher am Samstagabend auf dem Marktplatz von Kaltenstein.", "Foto: Uwe Brandstätter/dpa"),
        H("Weniger Müll durch Pfandgläser"),
        P("Erstmals galt auf dem gesamten Festgelände ein Pfandsystem für Gläser und Becher. Nach Angaben der "
          "Gemeinde fielen dadurch rund ein Drittel weniger Abfälle an als im Vorjahr. Auch die Zusammenarbeit mit "
          "Polizei und Rettungsdienst lobte der Verkehrsverein: Es habe nur wenige Einsätze gegeben, die meisten "
          "wegen Kreislaufproblemen in der Hitze."),
        P("Zufrieden zeigte sich auch die Gastronomie rund um den Marktplatz. Mehrere Wirte berichteten von vollen "
          "Terrassen bis spät in die Nacht, ein Hotel am Ortsrand war nach eigenen Angaben schon Wochen vor dem Fest "
          "ausgebucht."),
        P("Das nächste Weinfest ist für das letzte Augustwochenende 2025 geplant. Ob die Preise dann wieder "
          "steigen, ließ Wagenknecht offen."),
    ],
    with_=[
        "Schoppen für 5,50 €",
        "Weniger Müll durch Pfandgläser",
        "Das Weinfest in Kaltenstein hat an vier Tagen rund 38.000 Besucherinnen und Besucher angelockt.",
        "Ob die Preise dann wieder steigen, ließ Wagenknecht offen.",
        "„Wir haben lange überlegt, ob wir die Standgebühren erhöhen … am Ende ging es nicht anders.“ Die Winzer hätten die höheren Gebühren teilweise an die Gäste weitergegeben.",
        "Ein Schoppen Riesling kostete an den meisten Ständen 5,50 €, ein halber Liter Weinschorle 4,80 €.",
        "Besonders gefragt seien leichte Weißweine und Schorlen gewesen – bei Temperaturen um 30 Grad kaum überraschend.",
        "einige sprachen von „Großstadtniveau“.",
        "Allein der Sicherheitsdienst habe in diesem Jahr rund 41.000 € gekostet",
        "Nach Angaben der Gemeinde fielen dadurch rund ein Drittel weniger Abfälle an als im Vorjahr.",
    ],
    source=(
        "written for the project; German WordPress page (Newspaper markup) stored as windows-1252 bytes with a "
        "correct <meta charset=\"windows-1252\">, using cp1252-only characters (€ „ “ – …) that differ from "
        "latin-1; U+FFFD in `without` catches a blind UTF-8 decode; full chrome as on the other HTML pages; "
        "planted `anders.“ .“`"
    ),
)

SITE_BERGLAND = Site(
    name="Bergland Echo",
    host="bergland-echo.example",
    tagline="Nachrichten aus Hölzbach und dem oberen Erlental",
    menu=["Startseite", "Hölzbach", "Erlental", "Bildung", "Sport", "Kultur"],
    ticker_label="Aktuell",
    sidebar_label="Beliebte Artikel",
    newsletter_title="Echo am Morgen",
    newsletter_text="Die Nachrichten aus dem Erlental jeden Morgen kostenlos per E-Mail.",
    cookie_text=(
        "Diese Website verwendet Cookies. Wenn Sie weitersurfen, stimmen Sie der Nutzung zu. Mehr dazu in unserer "
        "Datenschutzerklärung."
    ),
    cookie_buttons=["Verstanden"],
    copyright="© 2024 Bergland Echo. Alle Rechte vorbehalten.",
)

E2 = Art(
    path="bergland-echo.example/bildung/grundschule-hoelzbach-mensa.html",
    theme="jnews",
    site=SITE_BERGLAND,
    title="Grundschule in Hölzbach bekommt größere Mensa und eine eigene Küche",
    url="https://bergland-echo.example/bildung/grundschule-hoelzbach-mensa/",
    date_iso="2024-09-10T06:55:00+02:00",
    date_text="10. September 2024",
    author="Lea Sturm",
    category="Bildung",
    tags=["Hölzbach", "Grundschule", "Stadtrat"],
    author_bio="Lea Sturm ist Volontärin beim Bergland Echo und berichtet aus Hölzbach und dem Erlental.",
    pool_offset=31,
    post_id=7781,
    transform=moji,
    title_in_raw=False,
    kind="HTML, UTF-8 mojibake",
    extra_without=["fÃ¼r", "GrÃ¶ÃŸe", "KÃ¼che", "SchÃ¼ler", "â€žFÃ¼r", "sparenâ€œ", "DÃ¤hnert", "MÃ¼hlenberg",
                   "begrÃ¼ÃŸte", "HÃ¶lzbach"],
    blocks=[
        P("Die Grundschule in Hölzbach bekommt eine neue Mensa. Der Stadtrat hat am Donnerstag einstimmig "
          "beschlossen, den Speisesaal auf die doppelte Größe zu erweitern und erstmals eine eigene Küche "
          "einzubauen. Die Kosten für den Anbau liegen nach Schätzung der Verwaltung bei rund 2,1 Millionen Euro."),
        P("Bisher essen die Kinder in zwei Schichten in einem umgebauten Klassenzimmer. Das Essen wird jeden Morgen "
          "von einem Caterer aus der Kreisstadt geliefert und bis zum Mittag warmgehalten. „Für viele Kinder ist das "
          "die einzige warme Mahlzeit am Tag, da wollen wir nicht sparen“, sagte Bürgermeisterin Ursula Dähnert."),
        H("Mehr Schüler durch das Neubaugebiet"),
        P("Hintergrund ist die steigende Zahl der Schülerinnen und Schüler. Seit im Neubaugebiet Am Föhrenhang die "
          "ersten Familien eingezogen sind, ist die Schule von 180 auf fast 260 Kinder gewachsen. Für das kommende "
          "Schuljahr rechnet die Schulleitung mit zwei weiteren Klassen. Auch die Nachmittagsbetreuung wird immer "
          "stärker nachgefragt."),
        Ad("Anzeige"),
        P("Schulleiterin Franziska Mühlenberg begrüßte den Beschluss. Eine eigene Küche biete die Möglichkeit, "
          "frisch zu kochen und regionale Zutaten zu verwenden. Außerdem könnten die Kinder künftig gemeinsam mit "
          "den Köchen einzelne Gerichte zubereiten und so mehr über gesunde Ernährung lernen."),
        P("Auch die Eltern unterstützen das Vorhaben. Der Elternbeirat hatte im Frühjahr mehr als 300 Unterschriften "
          "für eine größere Mensa gesammelt und die Liste dem Stadtrat übergeben."),
        See("Siehe auch:"),
        H("Bauzeit von einem Jahr"),
        P("Die Bauarbeiten sollen in den Sommerferien 2025 beginnen und etwa ein Jahr dauern. Während dieser Zeit "
          "bleibt der bisherige Speisesaal in Betrieb. Die Stadt hofft auf Fördergeld aus einem Landesprogramm für "
          "Ganztagsschulen, das bis zu 70 Prozent der Kosten übernehmen könnte. Ein entsprechender Antrag sei "
          "bereits gestellt, hieß es aus dem Rathaus."),
        Fig("Der bisherige Speisesaal der Grundschule Hölzbach ist ein umgebautes Klassenzimmer.",
            "Foto: Jürgen Weißkopf/Bergland Echo"),
        P("Kritik gab es im Stadtrat nur an der Größe der geplanten Terrasse. Die Fraktion der Freien Wähler hätte "
          "sich eine kleinere Lösung gewünscht, stimmte am Ende aber ebenfalls zu."),
    ],
    with_=[
        "Mehr Schüler durch das Neubaugebiet",
        "Bauzeit von einem Jahr",
        "Die Grundschule in Hölzbach bekommt eine neue Mensa.",
        "Die Fraktion der Freien Wähler hätte sich eine kleinere Lösung gewünscht, stimmte am Ende aber ebenfalls zu.",
        "„Für viele Kinder ist das die einzige warme Mahlzeit am Tag, da wollen wir nicht sparen“, sagte Bürgermeisterin Ursula Dähnert.",
        "den Speisesaal auf die doppelte Größe zu erweitern und erstmals eine eigene Küche einzubauen",
        "Seit im Neubaugebiet Am Föhrenhang die ersten Familien eingezogen sind, ist die Schule von 180 auf fast 260 Kinder gewachsen.",
        "Schulleiterin Franziska Mühlenberg begrüßte den Beschluss.",
        "Die Stadt hofft auf Fördergeld aus einem Landesprogramm für Ganztagsschulen",
        "Kritik gab es im Stadtrat nur an der Größe der geplanten Terrasse.",
    ],
    source=(
        "written for the project; German WordPress page (JNews markup), UTF-8 bytes whose post content (headline in "
        "<title>/og:title/<h1>, body, subheadings, caption, see-also headline) is double-encoded mojibake (`fÃ¼r`, "
        "`GrÃ¶ÃŸe`, `â€žFÃ¼r … sparenâ€œ`) while the theme's strings are clean UTF-8; gold title and text are "
        "the repaired ones; full chrome as on the other HTML pages"
    ),
)

SITE_GLIMMERTAL = Site(
    name="Glimmertaler Zeitung",
    host="glimmertaler.example",
    tagline="Unabhängige Nachrichten vom Glimmersee seit 1998",
    menu=["Startseite", "Seedorf", "Unterglimm", "Region", "Sport", "Agenda"],
    ticker_label="Neueste Beiträge",
    sidebar_label="Meistgelesen",
    newsletter_title="Newsletter",
    newsletter_text="Die Glimmertaler Zeitung jeden Freitag gratis in Ihrem Postfach.",
    cookie_text=(
        "Wir verwenden Cookies, um die Website laufend zu verbessern. Mit »OK« erklären Sie sich damit "
        "einverstanden."
    ),
    cookie_buttons=["OK", "Mehr Infos"],
    copyright="© 2024 Glimmertaler Zeitung AG. Alle Rechte vorbehalten.",
)

E3 = Art(
    path="glimmertaler.example/region/faehre-glimmersee-stundentakt.html",
    theme="colormag",
    site=SITE_GLIMMERTAL,
    title="Fähre über den Glimmersee fährt ab Mai wieder im Stundentakt",
    url="https://glimmertaler.example/region/faehre-glimmersee-stundentakt/",
    date_iso="2024-04-18T09:00:00+02:00",
    date_text="18. April 2024",
    author="Reto Ambühl",
    category="Region",
    tags=["Glimmersee", "Fähre", "Öffentlicher Verkehr"],
    author_bio="Reto Ambühl ist Redaktor der Glimmertaler Zeitung und schreibt über Verkehr und Gemeinden am See.",
    related_label="Ähnliche Beiträge",
    pool_offset=13,
    post_id=5520,
    meta_charset="utf-8",
    encoding="latin-1",
    views=("latin-1", "utf-8-replace"),
    title_sep=" | ",
    extra_without=["\ufffd", "F\ufffdhre"],
    kind="HTML, latin-1 bytes, meta says utf-8",
    blocks=[
        P("Die Fähre zwischen Seedorf und Unterglimm fährt ab dem 1. Mai wieder jede Stunde. Das hat die "
          "Schifffahrtsgesellschaft Glimmersee am Mittwoch mitgeteilt. Im vergangenen Jahr hatte das Unternehmen den "
          "Takt wegen fehlender Matrosen auf zwei Stunden ausdünnen müssen, was bei Pendlern und Ausflüglern für "
          "viel Ärger sorgte."),
        P("Inzwischen seien alle Stellen wieder besetzt, sagte Geschäftsführerin Nadja Wyrsch. Man habe die Löhne "
          "erhöht und erstmals selbst Schiffsführer ausgebildet. »Ohne eigene Ausbildung hätten wir das nicht "
          "geschafft«, sagte sie. Drei der neuen Mitarbeiter stammen aus den Gemeinden am See."),
        P("Die Fähre ist für viele Menschen am See mehr als ein Ausflugsschiff. Werktags nutzen nach Zählungen der "
          "Gesellschaft rund 1400 Personen die Verbindung, darunter viele Pendlerinnen und Pendler, die in Seedorf auf "
          "die S-Bahn umsteigen."),
        H("Neue Preise für Velos"),
        P("Mit dem neuen Fahrplan ändern sich auch die Preise. Eine einfache Überfahrt für Erwachsene kostet "
          "künftig 6.50 Franken statt 6 Franken. Für die Mitnahme eines Velos werden 3 Franken fällig, bisher waren "
          "es 2 Franken. Kinder unter sechs Jahren fahren weiterhin gratis."),
        Ad("Werbung"),
        P("Die Gemeinde Seedorf begrüsste die Rückkehr zum Stundentakt. Viele Schülerinnen und Schüler aus "
          "Unterglimm besuchen die Sekundarschule auf der anderen Seeseite und waren im vergangenen Jahr auf den "
          "Umweg über die Kantonsstrasse angewiesen. Dieser dauert mit dem Bus fast eine Stunde länger .",
          F("länger .", "länger.")),
        See("Lesen Sie auch:"),
        H("Zweites Schiff im Sommer"),
        P("Von Juni bis September setzt die Gesellschaft an Wochenenden zusätzlich das historische Motorschiff "
          "»Seeschwalbe« ein. Es bietet Platz für 120 Fahrgäste und fährt zwischen den Kursen der Fähre eine "
          "Rundfahrt über den See mit Halt in Oberglimm. Für die Rundfahrten ist eine Reservation empfohlen."),
        Fig("Die Fähre »Glimmer« beim Anlegen in Unterglimm.", "Foto: Seraina Caduff/Keystone"),
        P("Der neue Fahrplan ist ab sofort auf der Website der Schifffahrtsgesellschaft abrufbar und hängt ab Ende "
          "April an allen Anlegestellen aus."),
    ],
    with_=[
        "Neue Preise für Velos",
        "Zweites Schiff im Sommer",
        "Die Fähre zwischen Seedorf und Unterglimm fährt ab dem 1. Mai wieder jede Stunde.",
        "Der neue Fahrplan ist ab sofort auf der Website der Schifffahrtsgesellschaft abrufbar und hängt ab Ende April an allen Anlegestellen aus.",
        "Dieser dauert mit dem Bus fast eine Stunde länger.",
        "»Ohne eigene Ausbildung hätten wir das nicht geschafft«, sagte sie.",
        "Eine einfache Überfahrt für Erwachsene kostet künftig 6.50 Franken statt 6 Franken.",
        "Von Juni bis September setzt die Gesellschaft an Wochenenden zusätzlich das historische Motorschiff »Seeschwalbe« ein.",
        "Man habe die Löhne erhöht und erstmals selbst Schiffsführer ausgebildet.",
        "was bei Pendlern und Ausflüglern für viel Ärger sorgte.",
    ],
    source=(
        "written for the project; Swiss German WordPress page (ColorMag markup) stored as ISO-8859-1 bytes while "
        "<meta charset=\"utf-8\"> claims UTF-8 (decoding as declared gives U+FFFD, e.g. `F\\ufffdhre`); "
        "guillemets instead of „“; full chrome as on the other HTML pages; planted `länger .`"
    ),
)

SITE_STEINHOEVEL = Site(
    name="Stadtspiegel Steinhövel",
    host="stadtspiegel-steinhoevel.example",
    tagline="Nachrichten aus Steinh&ouml;vel und Umgebung",
    menu=["Startseite", "Stadt", "Kreis", "Sport", "Kultur"],
    ticker_label="Top-Themen",
    sidebar_label="Neueste Beitr&auml;ge",
    newsletter_title="Newsletter",
    newsletter_text="Jeden Donnerstag das Wichtigste aus Steinh&ouml;vel &ndash; kostenlos per E-Mail.",
    cookie_text=(
        "Wir verwenden Cookies, um unsere Website f&uuml;r Sie zu optimieren. Sie k&ouml;nnen der Verwendung "
        "zustimmen oder sie ablehnen."
    ),
    cookie_buttons=["Zustimmen", "Ablehnen"],
    copyright="&copy; 2024 Stadtspiegel Steinh&ouml;vel. Alle Rechte vorbehalten.",
)

E4 = Art(
    path="stadtspiegel-steinhoevel.example/2024/06/verkehrsversuch-altstadt.html",
    theme="generatepress",
    site=SITE_STEINHOEVEL,
    title="Verkehrsversuch in der Steinhöveler Altstadt startet im Juli",
    h1_html="Verkehrs&shy;versuch in der Steinh&ouml;veler Altstadt startet im Juli",
    url="https://stadtspiegel-steinhoevel.example/2024/06/verkehrsversuch-altstadt/",
    date_iso="2024-06-12T07:30:00+02:00",
    date_text="12. Juni 2024",
    author="Philipp Aumüller",
    category="Stadt",
    tags=["Altstadt", "Verkehr", "Einzelhandel"],
    author_bio="Philipp Aum&uuml;ller ist Redakteur beim Stadtspiegel und schreibt &uuml;ber Stadtentwicklung und Verkehr.",
    related_label="&Auml;hnliche Beitr&auml;ge",
    pool_offset=22,
    post_id=12288,
    kind="HTML, entities + soft hyphens + ZWSP",
    blocks=[
        P("In der Altstadt von Steinh&ouml;vel beginnt am 1.&nbsp;Juli ein einj&auml;hriger Verkehrs&shy;versuch. "
          "Die Lange Gasse und der Untere Markt werden dann f&uuml;r den Durch&#8203;gangs&#8203;verkehr gesperrt, "
          "wie die Stadtverwaltung am Dienstag mitteilte. Anwohner, Lieferverkehr, Taxis und Rettungsdienste "
          "d&uuml;rfen weiterhin einfahren.",
          E("Verkehrs&shy;versuch", "Verkehrsversuch"), E("Durch&#8203;gangs&#8203;verkehr", "Durchgangsverkehr")),
        P("Ziel des Versuchs ist es, die engen Gassen vom Schleich&shy;verkehr zu entlasten. Nach einer Z&auml;hlung "
          "im Fr&uuml;hjahr fahren an Werktagen mehr als 4.000&nbsp;Autos durch die Lange Gasse, obwohl nur ein "
          "kleiner Teil von ihnen ein Ziel in der Altstadt hat. Viele Fahrer nutzen die Strecke, um der Ampel am "
          "Kreisel vor dem Bahnhof auszuweichen.",
          E("Schleich&shy;verkehr", "Schleichverkehr")),
        P("Die Idee f&uuml;r den Versuch stammt aus einem B&uuml;rgerforum, das die Stadt im vergangenen Herbst "
          "veranstaltet hatte. Damals hatten sich vor allem Familien mit Kindern und &auml;ltere Menschen &uuml;ber zu "
          "schnell fahrende Autos in den engen Gassen beklagt."),
        H("Versenkbare Poller an den Zufahrten"),
        P("An den drei Zufahrten werden versenkbare Poller aufgestellt, die sich mit einer Karte oder per Funk "
          "&ouml;ffnen lassen. Anwoh\u00adner k&ouml;nnen die Berechtigung ab sofort im B&uuml;rgerb&uuml;ro "
          "beantragen. F&uuml;r Handwerker und Pflegedienste gibt es eine Tages&shy;genehmigung, die online "
          "beantragt werden kann.",
          E("Anwoh\u00adner", "Anwohner"), E("Tages&shy;genehmigung", "Tagesgenehmigung")),
        Ad("Anzeige"),
        P("Der Einzelhandel sieht den Versuch mit gemischten Gef&uuml;hlen. Die Vorsitzende des Gewerbevereins, "
          "Sevgi Tran, begr&uuml;&szlig;te zwar die ruhigeren Gassen, f&uuml;rchtet aber um Kundschaft aus dem "
          "Umland. &bdquo;Wer mit dem Auto kommt, muss einen Parkplatz in der N&auml;he finden&ldquo;, sagte sie. "
          "Die Stadt will deshalb die Park&#8203;geb&uuml;hren im Parkhaus am Stadtgraben in den ersten drei "
          "Monaten halbieren.",
          E("Park&#8203;geb&uuml;hren", "Parkgebühren")),
        See("Mehr zum Thema:"),
        H("Auswertung nach einem Jahr"),
        P("W&auml;hrend des Versuchs soll ein Ingenieurb&uuml;ro regelm&auml;&szlig;ig Verkehr, L&auml;rm und "
          "Luftqualit&auml;t messen. Auch die Zahl der Fu&szlig;g&auml;nger und Radfahrer wird erfasst. Nach "
          "zw&ouml;lf Monaten entscheidet der Gemeinderat, ob die Sperrung dauerhaft bleibt, ge&auml;ndert oder "
          "wieder aufgehoben wird."),
        Fig("Die Lange Gasse in der Altstadt von Steinh&ouml;vel an einem Werktagmorgen.",
            "Foto: Nora Lindemann/dpa"),
        P("Oberb&uuml;rgermeister Falk Reisinger rief die B&uuml;rgerinnen und B&uuml;rger auf, sich an der "
          "Auswertung zu beteiligen. &Uuml;ber ein Onlineportal k&ouml;nnen sie Hinweise und Kritik &ndash; auch "
          "anonym &ndash; loswerden."),
    ],
    with_=[
        "Versenkbare Poller an den Zufahrten",
        "Auswertung nach einem Jahr",
        "In der Altstadt von Steinhövel beginnt am 1. Juli ein einjähriger Verkehrsversuch.",
        "Über ein Onlineportal können sie Hinweise und Kritik – auch anonym – loswerden.",
        "werden dann für den Durchgangsverkehr gesperrt",
        "die engen Gassen vom Schleichverkehr zu entlasten",
        "mehr als 4.000 Autos durch die Lange Gasse",
        "Anwohner können die Berechtigung ab sofort im Bürgerbüro beantragen.",
        "Für Handwerker und Pflegedienste gibt es eine Tagesgenehmigung",
        "„Wer mit dem Auto kommt, muss einen Parkplatz in der Nähe finden“, sagte sie.",
        "Die Stadt will deshalb die Parkgebühren im Parkhaus am Stadtgraben in den ersten drei Monaten halbieren.",
        "Nach zwölf Monaten entscheidet der Gemeinderat",
    ],
    source=(
        "written for the project; German WordPress page (GeneratePress markup), UTF-8 with named entities "
        "(&ouml; &bdquo; &ldquo; &ndash; &nbsp; &szlig;), soft hyphens inside words (&shy; and one literal U+00AD, also "
        "in the <h1>) and zero-width spaces (&#8203;); gold has the plain words; full chrome"
    ),
)


# --------------------------------------------------------------------------- English WordPress HTML

SITE_HARBOR = Site(
    name="Harbor Line Gazette",
    host="harborline.example",
    tagline="Local news for Port Calloway and the islands",
    menu=["Home", "News", "Business", "Sports", "Opinion", "Events"],
    ticker_label="Trending",
    sidebar_label="Recent Posts",
    newsletter_title="Get the Morning Line",
    newsletter_text="Our free newsletter brings the day’s top local stories to your inbox every weekday.",
    cookie_text=(
        "We use cookies to understand how you use our site and to show you relevant ads. By clicking “Accept”, "
        "you consent to the use of all cookies."
    ),
    cookie_buttons=["Accept", "Reject"],
    copyright="Copyright © 2024 Harbor Line Gazette. All rights reserved.",
    lang="en",
)

EN1 = Art(
    path="harborline.example/2024/05/ferry-terminal-overhaul-approved.html",
    theme="astra",
    site=SITE_HARBOR,
    title="Port Calloway approves $14 million ferry terminal overhaul",
    url="https://harborline.example/2024/05/ferry-terminal-overhaul-approved/",
    date_iso="2024-05-21T06:15:00-07:00",
    date_text="May 21, 2024",
    author="Dana Whitfield",
    category="News",
    tags=["ferry", "city council", "Greyhaven Island"],
    related_label="Related Posts",
    pool_offset=0,
    post_id=3391,
    blocks=[
        P("The Port Calloway city council voted 6-1 on Monday night to approve a $14 million overhaul of the Water "
          "Street ferry terminal, ending nearly two years of debate over how to replace the aging building."),
        P("The terminal, built in 1968, handles about 900,000 passengers a year on routes to Greyhaven Island and "
          "Ashby Point. Inspectors found corroded steel beneath the passenger ramp last spring, forcing the city to "
          "close one of its two boarding slips for six weeks."),
        Ad("Advertisement"),
        H("Funding from state and federal grants"),
        P("Most of the money will come from a federal port infrastructure grant and a state transportation fund, "
          "according to city documents. The city’s own share is about $2.3 million, which will be covered by a bond "
          "that voters approved in 2022. Council member Ray Okafor, who cast the only vote against the plan, said he "
          "supported a new terminal but objected to the cost of a proposed rooftop restaurant. “We need a safe "
          "terminal, not a tourist attraction,” Okafor said.” .”",
          F("Okafor said.” .”", "Okafor said.")),
        See("Related:"),
        P("Construction is expected to begin in October and last about 20 months. Ferry service will continue during "
          "the work, though passengers should expect temporary boarding areas and longer walks to the boats, city "
          "engineer Lucía Marsh told the council."),
        Fig("Passengers wait to board a ferry at the Water Street terminal in Port Calloway.",
            "Photo: Eli Brandt/Harbor Line Gazette"),
        H("Riders welcome the plan"),
        P("Commuters who use the ferry every day said they were relieved. The Greyhaven Island Residents Association "
          "had collected more than 2,000 signatures calling for repairs, as the Gazette first reportedThe group’s "
          "president, Martha Quill, said islanders had waited long enough. “Every winter we wonder whether the ramp "
          "will make it to spring,” she said.",
          G("reported", "The")),
        See("Read more:"),
        P("The council will review final designs in August. A public meeting on the project is scheduled for June 12 "
          "at the Calloway Public Library."),
    ],
    with_=[
        "Funding from state and federal grants",
        "Riders welcome the plan",
        "The Port Calloway city council voted 6-1 on Monday night to approve a $14 million overhaul of the Water Street ferry terminal",
        "A public meeting on the project is scheduled for June 12 at the Calloway Public Library.",
        "“We need a safe terminal, not a tourist attraction,” Okafor said.",
        "had collected more than 2,000 signatures calling for repairs, as the Gazette first reported",
        "The group’s president, Martha Quill, said islanders had waited long enough.",
        "Inspectors found corroded steel beneath the passenger ramp last spring",
        "The city’s own share is about $2.3 million",
        "Ferry service will continue during the work",
    ],
    source=(
        "written for the project; English WordPress page, Astra theme with Jetpack: 'Trending' bar, in-body "
        "'Advertisement' slot, sidebar 'Advertisement' and 'Sponsored' links, 'Related:' and 'Read more:' links, "
        "figure credit, 'Share this:', 'Like this:'/'Loading...', Jetpack 'Related', 'Related Posts', prev/next, "
        "'Leave a Reply' form, newsletter, footer, cookie banner; planted `said.” .”` and glued `reportedThe`"
    ),
)


# --------------------------------------------------------------------------- text dumps

D1_TITLE = "Vulkan auf Korvana bricht erneut aus: Tausende Bewohner verlassen ihre Dörfer"

D1 = Dump(
    path="dumps/knb-germany/vulkan-korvana-evakuierung.txt",
    lang="de",
    title=D1_TITLE,
    extra_without=["ihre Dörfer Vulkan auf Korvana"],
    blocks=[
        Line("Februar 27, 2024"),
        Line("KNB-Germany"),
        Line("Aktuelle Meldungen aus Deutschland und aller Welt, rund um die Uhr für Sie zusammengestellt. Dazu "
             "Hintergründe, Reportagen und Kommentare aus unserer Redaktion."),
        Line(D1_TITLE, reg=False),
        Line(D1_TITLE, reg=False),
        Blank(2),
        Line("dpa"),
        P("Auf der Insel Korvana ist der Vulkan Tessaro erneut ausgebrochen und hat Tausende Bewohner zur Flucht "
          "gezwungen. Nach Angaben des Katastrophenschutzes wurden in der Nacht zum Dienstag mehr als 6.000 Menschen "
          "aus elf Dörfern an den Hängen des Berges in Sicherheit gebracht."),
        P("Eine Aschewolke stieg bis zu acht Kilometer hoch und zog in Richtung der Hauptstadt Port Sella. Der "
          "internationale Flughafen der Insel wurde vorsorglich geschlossen, mehrere Fluggesellschaften strichen "
          "ihre Verbindungen bis mindestens Donnerstag."),
        Ad("Werbung"),
        P("Der Leiter des nationalen Vulkanobservatoriums, Elio Marasco, sagte, die Messgeräte hätten bereits seit "
          "Tagen eine erhöhte Aktivität angezeigt. Man habe die Behörden rechtzeitig gewarnt, die Evakuierung sei "
          "„die wichtigste Aufgabe in diesen Stunden“. .“ Lavaströme hätten bislang keine bewohnten Gebiete "
          "erreicht.",
          F("Stunden“. .“", "Stunden“.")),
        CreditLine("Luca Ferrandi/AFP/Getty Images",
                   "Eine Aschewolke steigt am Dienstagmorgen über dem Vulkan Tessaro auf Korvana auf."),
        H("Notunterkünfte in der Hauptstadt"),
        P("In den Notunterkünften in Port Sella verbrachten viele Familien die Nacht auf Feldbetten. Helfer "
          "verteilten Wasser, Decken und Atemschutzmasken. Die Regierung kündigte an, die Versorgung der "
          "Evakuierten für mindestens zwei Wochen sicherzustellen .",
          F("sicherzustellen .", "sicherzustellen.")),
        P("Schulen und Kindergärten auf der gesamten Insel blieben am Dienstag geschlossen. Die Behörden riefen die "
          "Bevölkerung auf, Fenster geschlossen zu halten und bei Ascheregen möglichst nicht ins Freie zu gehen."),
        See("Siehe auch", "Hafenarbeiter auf Malvena legen die Arbeit für drei Tage nieder"),
        P("Der Tessaro gilt als einer der aktivsten Vulkane der Region. Zuletzt war er vor drei Jahren "
          "ausgebrochen, damals mussten mehrere Dörfer für Monate geräumt werden. Geologen warnen seit Langem davor, "
          "dass die Besiedlung der fruchtbaren Hänge ein erhebliches Risiko darstelltDies gilt vor allem für die "
          "Orte im Osten des Berges.",
          G("darstellt", "Dies")),
        CreditLine("Marta Ilić/Reuters",
                   "Bewohner eines Dorfes am Fuß des Vulkans warten am Dienstag auf Busse, die sie in Sicherheit "
                   "bringen sollen."),
        H("Hilfe aus den Nachbarstaaten"),
        P("Mehrere Nachbarstaaten boten Hilfe an. Zwei Transportflugzeuge mit Zelten und medizinischem Material "
          "sollen noch in dieser Woche eintreffen, sobald der Flughafen wieder geöffnet ist. Auch die Vereinten "
          "Nationen erklärten, sie stünden mit der Regierung in Kontakt."),
        See("Siehe auch", "Regierung von Terrano kündigt Neuwahlen für den Herbst an"),
        P("Wann die Bewohner in ihre Dörfer zurückkehren können, ist unklar. Das Observatorium rechnet damit, dass "
          "die Aktivität des Vulkans noch mehrere Tage anhält."),
        Line("Diese Geschichte wurde aktualisiert."),
    ],
    with_=[
        "Notunterkünfte in der Hauptstadt",
        "Hilfe aus den Nachbarstaaten",
        "Auf der Insel Korvana ist der Vulkan Tessaro erneut ausgebrochen und hat Tausende Bewohner zur Flucht gezwungen.",
        "Das Observatorium rechnet damit, dass die Aktivität des Vulkans noch mehrere Tage anhält.",
        "„die wichtigste Aufgabe in diesen Stunden“. Lavaströme hätten bislang keine bewohnten Gebiete erreicht.",
        "die Versorgung der Evakuierten für mindestens zwei Wochen sicherzustellen.",
        "dass die Besiedlung der fruchtbaren Hänge ein erhebliches Risiko darstellt",
        "Dies gilt vor allem für die Orte im Osten des Berges.",
        "Der internationale Flughafen der Insel wurde vorsorglich geschlossen",
        "Zwei Transportflugzeuge mit Zelten und medizinischem Material sollen noch in dieser Woche eintreffen",
        "Der Tessaro gilt als einer der aktivsten Vulkane der Region.",
    ],
    source=(
        "written for the project; seed-style German text dump (one paragraph per line, blank lines between): "
        "US-order date line 'Februar 27, 2024', site name, tagline, title twice, source tag 'dpa', 'Werbung', two "
        "credit lines each followed by a caption line, 'Siehe auch\\u00a0 <headline>' twice (NBSP + space as in the "
        "seeds), update note; planted `Stunden“. .“`, `sicherzustellen .`, glued `darstelltDies`"
    ),
)

D2_TITLE = "Zwei Gemälde aus dem Stadtmuseum in Valdor gestohlen"

D2 = Dump(
    path="dumps/nachrichten-heute/gemaelde-stadtmuseum-valdor.txt",
    lang="de",
    title=D2_TITLE,
    extra_without=["Deine E-Mail-Adresse wird nicht veröffentlicht.", "Erforderliche Felder sind mit * markiert"],
    blocks=[
        Ad("Werbung"),
        Line(D2_TITLE, reg=False),
        P("Aus dem Stadtmuseum in Valdor sind in der Nacht zum Sonntag zwei Gemälde aus dem 17. Jahrhundert "
          "gestohlen worden. Die Täter gelangten nach ersten Erkenntnissen über ein Baugerüst an der Rückseite des "
          "Gebäudes in den Ausstellungsraum im ersten Stock."),
        P("Museumsdirektorin Ilse Varga bemerkte den Diebstahl am Sonntagmorgen bei einem Rundgang und hat noch am "
          "selben Tag Anzeige bei der Polizei erstattet. Bei den gestohlenen Werken handelt es sich um zwei "
          "kleinformatige Landschaftsbilder des Malers Anton Greve, die als Leihgabe einer privaten Stiftung gezeigt "
          "wurden."),
        Ad("Anzeige", reg=False),  # the trap: the body says "Anzeige bei der Polizei erstattet"
        H("Alarmanlage wegen Bauarbeiten abgeschaltet"),
        P("Nach Angaben der Polizei war die Alarmanlage in dem betroffenen Gebäudeteil wegen Renovierungsarbeiten "
          "vorübergehend abgeschaltet. Ein Sprecher sagte, die Ermittler würden „alle Spuren sehr ernst nehmen und "
          "auch Hinweise aus der Bevölkerung prüfen“. Ob die Täter von den Bauarbeiten wussten, sei noch unklar .",
          F("unklar .", "unklar.")),
        Blank(1),
        Fig("Der Eingang des Stadtmuseums in Valdor am Sonntagmorgen.",
            "Foto: Ruben Castel, Lokalpresse über AP/Picture Alliance"),
        P("Den Wert der Gemälde wollte die Stiftung nicht beziffern. Fachleute schätzen, dass Werke von Greve auf "
          "Auktionen zuletzt jeweils mehrere Hunderttausend Euro erzielt habenDie Bilder seien jedoch so bekannt, "
          "dass sie auf dem legalen Kunstmarkt kaum zu verkaufen seien, sagte eine Kunsthistorikerin der "
          "Universität Valdor.",
          G("haben", "Die")),
        P("Das Stadtmuseum zeigt seit dem Frühjahr eine Ausstellung über Landschaftsmalerei der Region. Die beiden "
          "Gemälde gehörten zu den wichtigsten Stücken der Schau und waren auf den Plakaten abgebildet."),
        H("Nicht der erste Fall in der Region"),
        P("Erst im vergangenen Herbst waren aus einer Kirche im Nachbarort Castellan zwei vergoldete Leuchter "
          "verschwunden. Die Polizei prüft, ob es einen Zusammenhang gibt. Der Bürgermeister von Valdor, Paolo "
          "Serrat, kündigte an, die Sicherheitstechnik in allen städtischen Museen werde „zusammen mit Fachleuten "
          "der Polizei“ überprüft Polizei.“",
          F("überprüft Polizei.“", "überprüft.")),
        P("Die Ermittler bitten Zeugen, die in der Nacht zum Sonntag in der Nähe des Museums verdächtige "
          "Beobachtungen gemacht haben, sich zu melden. Die Stiftung hat eine Belohnung von 20.000 Euro für Hinweise "
          "ausgesetzt, die zur Wiederbeschaffung der Bilder führen."),
        Line("AFP, Reuters/ET"),
        Line("D.W."),
        Line("About admin"),
        Line("Check Also"),
        Line("Fischereiflotte von Malvena kehrt nach wochenlangem Streik in die Häfen zurück"),
        Line("Die Fischer hatten gegen höhere Treibstoffpreise protestiert. Die Regierung sagte ihnen nun Zuschüsse "
             "für das laufende Jahr zu."),
        Line("Schreibe einen Kommentar"),
        Line("Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert"),
    ],
    with_=[
        "Alarmanlage wegen Bauarbeiten abgeschaltet",
        "Nicht der erste Fall in der Region",
        "Aus dem Stadtmuseum in Valdor sind in der Nacht zum Sonntag zwei Gemälde aus dem 17. Jahrhundert gestohlen worden.",
        "Die Stiftung hat eine Belohnung von 20.000 Euro für Hinweise ausgesetzt, die zur Wiederbeschaffung der Bilder führen.",
        "hat noch am selben Tag Anzeige bei der Polizei erstattet.",
        "Ob die Täter von den Bauarbeiten wussten, sei noch unklar.",
        "werde „zusammen mit Fachleuten der Polizei“ überprüft.",
        "auf Auktionen zuletzt jeweils mehrere Hunderttausend Euro erzielt haben",
        "Die Bilder seien jedoch so bekannt, dass sie auf dem legalen Kunstmarkt kaum zu verkaufen seien",
        "Die Täter gelangten nach ersten Erkenntnissen über ein Baugerüst an der Rückseite des Gebäudes in den Ausstellungsraum im ersten Stock.",
        "Die Polizei prüft, ob es einen Zusammenhang gibt.",
    ],
    source=(
        "written for the project; seed-style German text dump starting with 'Werbung' and the title, caption and "
        "credit on one line ('… Foto: Name, Agentur über AP/Picture Alliance'), source tags 'AFP, Reuters/ET' and "
        "'D.W.', 'About admin', 'Check Also' + teaser headline + teaser paragraph, comment form; the 'Anzeige' trap: "
        "a standalone 'Anzeige' ad line (deliberately not in `without`) while the body says 'Anzeige bei der Polizei "
        "erstattet' (a `with`); planted `unklar .`, glued `habenDie`, duplicated trailing fragment "
        "`überprüft Polizei.“`"
    ),
)

D3_TITLE = "Turnhalle in Lindenau bleibt wegen Dachschäden bis Ostern gesperrt"

D3 = Dump(
    path="dumps/lindenau-bote/turnhalle.txt",
    lang="de",
    title=D3_TITLE,
    wrap=72,
    crlf=True,
    see_sep="  ",
    kind="text dump, wrapped at 72, CRLF",
    extra_without=["Deine E-Mail-Adresse wird nicht veröffentlicht.", "Erforderliche Felder sind mit * markiert"],
    blocks=[
        Line("14. November 2024"),
        Line("Lindenau-Bote"),
        Line("Heimatzeitung für Lindenau und die Dörfer am Hollerbach"),
        Line(D3_TITLE, reg=False),
        P("Die Turnhalle an der Lindenauer Grundschule bleibt voraussichtlich bis Ostern gesperrt. Bei einer "
          "routinemäßigen Prüfung haben Gutachter Risse in mehreren Holzbindern des Dachs entdeckt, wie die "
          "Gemeindeverwaltung am Mittwoch mitteilte. Eine akute Einsturzgefahr bestehe nicht, man wolle aber kein "
          "Risiko eingehen."),
        P("Betroffen sind neben dem Schulsport auch sieben Vereine, die die Halle abends und am Wochenende nutzen. "
          "Der Turnverein Lindenau allein hat nach eigenen Angaben mehr als 400 Mitglieder, die meisten davon Kinder "
          "und Jugendliche. Für sie müssen nun kurzfristig Ausweichmöglichkeiten gefunden werden."),
        Ad("Werbung"),
        H("Schulsport im Gemeindesaal"),
        P("Die Grundschule verlegt den Sportunterricht in den kommenden Wochen in den Gemeindesaal und, solange das "
          "Wetter es zulässt, auf den Sportplatz. Rektorin Petra Hollenstein sprach von einer „Notlösung, mit der "
          "wir aber leben können“. .“ “ Schwimmunterricht und Schulausflüge seien nicht betroffen.",
          F("können“. .“ “", "können“.")),
        CreditLine("Tobias Wendt/Lindenau-Bote", "Absperrband vor dem Eingang der Turnhalle am Mittwochnachmittag."),
        P("Schwieriger ist die Lage für die Vereine. Die Nachbargemeinde Hollerbach hat angeboten, ihre Sporthalle "
          "an zwei Abenden pro Woche zur Verfügung zu stellen. Mehr sei nicht möglich, weil die eigenen Vereine die "
          "Halle ebenfalls brauchen, sagte Bürgermeister Rainer Dettweiler. Die Handballer des TV Lindenau tragen "
          "ihre Heimspiele bis auf Weiteres in der Kreisstadt ausDie Fahrten dorthin organisieren die Eltern.",
          G("aus", "Die")),
        P("Auch der Musikverein, der in der Halle einmal im Monat probt, sucht nach einem neuen Raum. Der "
          "Vorsitzende sagte, man verhandle mit der Kirchengemeinde über die Nutzung des Pfarrsaals."),
        See("Siehe auch", "Gemeinderat beschließt neue Gebühren für den Friedhof"),
        H("Sanierung kostet rund 600.000 Euro"),
        P("Nach ersten Schätzungen kostet die Reparatur des Dachs rund 600.000 Euro. Der Gemeinderat will in einer "
          "Sondersitzung in der kommenden Woche über die Finanzierung beraten. Kämmerer Uwe Strobel kündigte an, "
          "Mittel aus dem Straßenbau umzuschichten, damit die Handwerker noch im Winter anfangen könnten..",
          F("könnten..", "könnten.")),
        P("Die Halle war zuletzt vor 25 Jahren umfassend renoviert worden. Ob das Dach auch langfristig gehalten "
          "werden kann oder ob ein Neubau wirtschaftlicher wäre, soll ein weiteres Gutachten bis zum Sommer klären."),
        Line("Schlagwörter: Lindenau, Schulsport, Turnverein"),
        Line("Schreibe einen Kommentar"),
        Line("Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert"),
        Line("Kommentar", reg=False),
        Line("Name *", reg=False),
        Line("E-Mail *", reg=False),
        Line("Website", reg=False),
        Line("Meinen Namen, meine E-Mail-Adresse und meine Website in diesem Browser für die nächste Kommentierung "
             "speichern."),
        Line("Kommentar abschicken"),
    ],
    with_=[
        "Schulsport im Gemeindesaal",
        "Sanierung kostet rund 600.000 Euro",
        "Die Turnhalle an der Lindenauer Grundschule bleibt voraussichtlich bis Ostern gesperrt.",
        "Ob das Dach auch langfristig gehalten werden kann oder ob ein Neubau wirtschaftlicher wäre, soll ein weiteres Gutachten bis zum Sommer klären.",
        "„Notlösung, mit der wir aber leben können“. Schwimmunterricht und Schulausflüge seien nicht betroffen.",
        "Die Handballer des TV Lindenau tragen ihre Heimspiele bis auf Weiteres in der Kreisstadt aus",
        "Die Fahrten dorthin organisieren die Eltern.",
        "damit die Handwerker noch im Winter anfangen könnten.",
        "Eine akute Einsturzgefahr bestehe nicht, man wolle aber kein Risiko eingehen.",
        "Der Turnverein Lindenau allein hat nach eigenen Angaben mehr als 400 Mitglieder",
    ],
    source=(
        "written for the project; German text dump hard-wrapped at 72 columns with CRLF line ends, paragraphs "
        "separated by blank lines (lines must be rejoined before anything else): German date line, site name, "
        "tagline, 'Werbung', credit line + caption line, 'Siehe auch  <headline>' (two spaces), tags line, comment "
        "form lines; planted `können“. .“ “`, glued `ausDie`, `könnten..`"
    ),
)

EN2_TITLE = "Millbrook robotics team heads to national championship after regional win"

EN2 = Dump(
    path="dumps/millbrook-weekly/robotics-nationals.txt",
    lang="en",
    title=EN2_TITLE,
    see_sep=" ",
    extra_without=["Your email address will not be published.", "Required fields are marked *"],
    blocks=[
        Line("May 9, 2024"),
        Line("Millbrook Weekly"),
        Line("News for Millbrook and the Upper Fox Valley since 1921"),
        Line(EN2_TITLE, reg=False),
        P("A team of eleven students from Millbrook Central High School will compete at the national robotics "
          "championship in Dayton next month after winning the regional title on Saturday, the first time the "
          "school has qualified in its history."),
        P("The team, known as the Gearhounds, beat 38 other schools at the regional event in Fairley. Their robot, a "
          "six-wheeled machine nicknamed Biscuit, had to pick up foam rings and stack them on poles in two-minute "
          "matches against rival teams."),
        CreditLine("Photo: Kevin Osei/Millbrook Weekly",
                   "Members of the Gearhounds test their robot in the school workshop on Tuesday."),
        P("“Nobody expected us to get past the quarterfinals,” said team captain Priya Nandakumar, a senior. She "
          "said the team had rebuilt the robot’s lifting arm twice in the final week before the event , working "
          "late into the evening in the school workshop.",
          F("event ,", "event,")),
        Ad("Advertisement"),
        H("Fundraising for the trip"),
        P("The trip to Dayton will cost about $18,000 for travel, hotel rooms and registration fees. The school "
          "district has agreed to cover a third of the amount. The rest must come from donations, and the team has "
          "started an online fundraiser and plans a car wash in the school parking lot on May 18..",
          F("May 18..", "May 18.")),
        See("Related:", "School board approves new turf field for Millbrook Central"),
        P("Faculty adviser Tom Brannigan, who teaches physics at Millbrook Central, started the club six years ago "
          "with four students and a borrowed workbench. Today it has 23 members and its own workshop in a former "
          "storage room. Brannigan said the success had already drawn interest from younger studentsSeveral eighth "
          "graders have asked to join next year.",
          G("students", "Several")),
        H("Next stop: Dayton"),
        P("The national championship runs from June 14 to June 16 and brings together more than 200 teams. The "
          "Gearhounds plan to use the coming weeks to improve the robot’s speed and to practice with a new driver. "
          "“We know we are the underdogs,” Nandakumar said. “That is fine with us.”"),
        Line("Share this:"),
        Line("Facebook", reg=False),
        Line("X", reg=False),
        Line("Like this:"),
        Line("Loading..."),
        Line("Related"),
        See("Read more:", "Millbrook girls’ soccer team ends season with shutout win"),
        Line("Leave a Reply"),
        Line("Your email address will not be published. Required fields are marked *"),
        Line("Comment *", reg=False),
        Line("Name *", reg=False),
        Line("Email *", reg=False),
        Line("Website", reg=False),
        Line("Save my name, email, and website in this browser for the next time I comment."),
    ],
    with_=[
        "Fundraising for the trip",
        "Next stop: Dayton",
        "A team of eleven students from Millbrook Central High School will compete at the national robotics championship in Dayton next month",
        "“We know we are the underdogs,” Nandakumar said. “That is fine with us.”",
        "rebuilt the robot’s lifting arm twice in the final week before the event, working late into the evening",
        "plans a car wash in the school parking lot on May 18.",
        "Brannigan said the success had already drawn interest from younger students",
        "Several eighth graders have asked to join next year.",
        "“Nobody expected us to get past the quarterfinals,” said team captain Priya Nandakumar, a senior.",
        "The school district has agreed to cover a third of the amount.",
    ],
    source=(
        "written for the project; English text dump: date line, site name, tagline, photo credit + caption lines, "
        "'Advertisement', 'Related: <headline>', 'Share this:', 'Like this:', 'Loading...', 'Related', 'Read more: "
        "<headline>', 'Leave a Reply' form lines; planted `event ,`, `May 18..`, glued `studentsSeveral`"
    ),
)


# --------------------------------------------------------------------------- rejects


def category_page() -> Reject:
    n = Noise()
    s = SITE_KREISKURIER
    dates = ["19. Juli 2024", "18. Juli 2024", "18. Juli 2024", "17. Juli 2024", "16. Juli 2024",
             "16. Juli 2024", "15. Juli 2024", "12. Juli 2024", "11. Juli 2024", "10. Juli 2024"]
    teasers = []
    for i, (headline, excerpt) in enumerate(POOL_DE[20:30]):
        href = f"https://{s.host}/lokales/{slugify(headline)}/"
        teasers.append(
            f'<article class="jeg_post jeg_pl_lg_2 format-standard"><div class="jeg_thumb"><a href="{href}">'
            f'<div class="thumbnail-container animate-lazy size-715"><img width="350" height="250" '
            f'src="https://{s.host}/wp-content/uploads/2024/07/{slugify(headline)[:30]}-350x250.jpg" alt=""></div></a>'
            f'<div class="jeg_post_category"><span><a href="https://{s.host}/lokales/">Lokales</a></span></div></div>'
            f'<div class="jeg_postblock_content"><h3 class="jeg_post_title"><a href="{href}">{n(headline)}</a></h3>'
            f'<div class="jeg_post_meta"><div class="jeg_meta_date"><a href="{href}"><i class="fa fa-clock-o"></i> {dates[i]}</a></div></div>'
            f'<div class="jeg_post_excerpt"><p>{n(excerpt)}</p><a href="{href}" class="jeg_readmore">{n("Weiterlesen »")}</a></div>'
            f"</div></article>"
        )
    markup = f"""<!DOCTYPE html>
<html lang="de-DE">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lokales Archive - Seite 2 von 41 - {s.name}</title>
<meta name="robots" content="noindex, follow">
<link rel="canonical" href="https://{s.host}/lokales/page/2/">
<link rel="prev" href="https://{s.host}/lokales/">
<link rel="next" href="https://{s.host}/lokales/page/3/">
<meta property="og:type" content="article">
<meta property="og:title" content="Lokales Archive - Seite 2 von 41">
<link rel="stylesheet" id="theme-css" href="https://{s.host}/wp-content/themes/jnews/style.css?ver=11.5.1" media="all">
</head>
<body class="archive paged category category-lokales category-12 paged-2 category-paged-2 jnews jsc_normal">
<div class="jeg_viewport">
<div class="jeg_header_wrapper"><div class="jeg_header normal"><div class="jeg_midbar jeg_container normal"><div class="container"><div class="jeg_nav_row"><div class="jeg_nav_item jeg_logo jeg_desktop_logo">
<h2 class="site-title"><a href="https://{s.host}/">{n(s.name)}</a></h2><p class="jeg_logo_desc site-description">{n(s.tagline)}</p></div></div></div></div>
<div class="jeg_bottombar jeg_navbar jeg_container jeg_navbar_wrapper"><div class="container"><ul class="jeg_menu jeg_main_menu">{"".join(f'<li class="menu-item"><a href="https://{s.host}/{slugify(m)}/">{m}</a></li>' for m in s.menu)}</ul></div></div></div></div>
<div class="jeg_main"><div class="jeg_container"><div class="jeg_content"><div class="jeg_section"><div class="container">
<div class="jeg_archive_header"><div class="jeg_breadcrumbs jeg_breadcrumb_container"><div id="breadcrumbs"><span><a href="https://{s.host}/">{n("Startseite")}</a></span><i class="fa fa-angle-right"></i><span class="breadcrumb_last_link"><a href="https://{s.host}/lokales/">Lokales</a></span></div></div>
<h1 class="jeg_archive_title">{n("Kategorie: Lokales")}</h1><div class="jeg_archive_description"><p>{n("Nachrichten aus Hollbach, Weidenfels und den Gemeinden im Talland.")}</p></div></div>
<div class="jeg_main_content col-sm-8"><div class="jnews_archive_content_wrapper"><div class="jeg_module_hook jnews_module_12_0 jeg_postblock_3 jeg_postblock jeg_col_2o3"><div class="jeg_block_container"><div class="jeg_posts jeg_load_more_flag">
{chr(10).join(teasers)}
</div></div></div>
<div class="jeg_navigation jeg_pagination jeg_pagenav_1 jeg_aligncenter no_navtext no_pageinfo"><a class="page_nav prev" data-id="1" href="https://{s.host}/lokales/"><span class="navtext">{n("« Vorherige Seite")}</span></a><a class="page_number" data-id="1" href="https://{s.host}/lokales/">1</a><span class="page_number active">2</span><a class="page_number" data-id="3" href="https://{s.host}/lokales/page/3/">3</a><span class="page_number dots">…</span><a class="page_number" data-id="41" href="https://{s.host}/lokales/page/41/">41</a><a class="page_nav next" data-id="3" href="https://{s.host}/lokales/page/3/"><span class="navtext">{n("Nächste Seite »")}</span></a></div>
</div></div>
<div class="jeg_sidebar col-sm-4"><div class="widget widget_mc4wp_form_widget newsletter-box"><h3 class="widget-title">{n(s.newsletter_title)}</h3><p>{n(s.newsletter_text)}</p></div></div>
</div></div></div></div></div>
<div class="footer-holder" id="footer"><div class="jeg_footer dark"><div class="jeg_footer_bottom"><div class="container"><p class="copyright">{n(s.copyright)}</p><ul class="jeg_menu_footer"><li><a href="https://{s.host}/impressum/">{n("Impressum")}</a></li><li><a href="https://{s.host}/datenschutz/">{n("Datenschutz")}</a></li></ul></div></div></div></div>
</div>
<script src="https://{s.host}/wp-content/themes/jnews/assets/dist/frontend.min.js?ver=11.5.1"></script>
</body>
</html>
"""
    return Reject(
        path="rejects/kreiskurier-hollbach-lokales-seite-2.html",
        data=markup.encode("utf-8"),
        without=n.items,
        kind="reject: category archive",
        source=(
            "written for the project; WordPress category archive page 2 (JNews markup): only ten teaser headlines "
            "with dates, one-sentence excerpts, 'Weiterlesen »' and pagination; no article, must be rejected "
            "(no_article)"
        ),
    )


def cookie_wall() -> Reject:
    n = Noise()
    markup = f"""<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{n("Morgenblatt Online – Datenschutzeinstellungen")}</title>
<meta name="robots" content="noindex, nofollow">
<style>body{{margin:0;font-family:Arial,sans-serif;background:#f2f2f2}}.cmp-wall{{max-width:640px;margin:40px auto;background:#fff;padding:32px;border-radius:6px}}.cmp-btn{{display:block;margin:12px 0;padding:12px;text-align:center}}</style>
<script>window.__cmpConfig = {{"vendorListVersion": 71, "gdprApplies": true, "purposes": [1, 2, 3, 4, 7, 9, 10]}};</script>
</head>
<body class="cmp-active">
<div id="cmp-root" class="cmp-wall" role="dialog" aria-modal="true" aria-labelledby="cmp-title">
<div class="cmp-logo"><img src="https://morgenblatt.example/static/logo.svg" alt="Morgenblatt Online" width="180" height="32"></div>
<h1 id="cmp-title">{n("Ihre Privatsphäre ist uns wichtig")}</h1>
<p>{n("Wir und unsere 212 Partner speichern und verarbeiten personenbezogene Daten wie Ihre IP-Adresse und Cookie-Kennungen, um Werbung und Inhalte zu personalisieren, die Reichweite zu messen und unser Angebot zu verbessern.")}</p>
<p>{n("Mit einem Klick auf „Alle akzeptieren“ willigen Sie in diese Verarbeitung ein. Sie können Ihre Auswahl jederzeit über den Link „Privatsphäre“ am Ende jeder Seite ändern.")}</p>
<div class="cmp-buttons">
<button class="cmp-btn cmp-accept" type="button">{n("Alle akzeptieren")}</button>
<button class="cmp-btn cmp-settings" type="button">{n("Einstellungen verwalten")}</button>
<a class="cmp-btn cmp-subscribe" href="https://morgenblatt.example/abo/werbefrei/">{n("Ohne Werbung und Tracking lesen: jetzt für 2,99 € im Monat abonnieren")}</a>
</div>
<p class="cmp-small">{n("Bereits Abonnent? Hier anmelden")} · <a href="https://morgenblatt.example/impressum/">Impressum</a> · <a href="https://morgenblatt.example/datenschutz/">Datenschutz</a></p>
</div>
<script src="https://cmp.morgenblatt.example/cmp.min.js?v=4.12.0" async></script>
</body>
</html>
"""
    return Reject(
        path="rejects/morgenblatt-zustimmung.html",
        data=markup.encode("utf-8"),
        without=n.items,
        kind="reject: cookie wall",
        source=(
            "written for the project; consent-management wall only, no article behind it: heading, partner notice, "
            "'Alle akzeptieren', settings button and an ad-free subscription offer; must be rejected (no_article)"
        ),
    )


REJECTS = [
    category_page(),
    cookie_wall(),
    Reject(
        path="rejects/leere-antwort.html",
        data=b"",
        without=[],
        kind="reject: empty",
        source="written for the project; empty file (0 bytes) with an .html name: must be rejected (empty), not crash",
    ),
    Reject(
        path="rejects/vorschaubild.html",
        data=png_bytes(),
        without=["IHDR", "IDAT", "IEND"],
        views=("latin-1",),
        is_html=False,
        kind="reject: PNG as .html",
        source=(
            "written for the project; a valid 16x16 RGB PNG image (made with zlib/struct) saved under an .html name: "
            "binary content must be detected and rejected (binary)"
        ),
    ),
]

ARTICLES = [A1, A2, A3, A4, E1, E2, E3, E4, EN1]
DUMPS = [D1, D2, D3, EN2]


def build_all() -> list[Built]:
    return [build_art(a) for a in ARTICLES] + [build_dump(d) for d in DUMPS] + [build_reject(r) for r in REJECTS]


# --------------------------------------------------------------------------- gold.json and README.md


def gold_json(built: list[Built]) -> bytes:
    text = json.dumps({b.path: b.gold for b in built}, ensure_ascii=False, indent=1)
    for ch in ("\u00ad", "\u200b", "\ufffd", "\u00a0"):  # invisible or confusing: keep them as escapes
        text = text.replace(ch, f"\\u{ord(ch):04x}")
    return (text + "\n").encode("utf-8")


def show(text: str) -> str:
    return (text.replace("\u00ad", "⟨SHY⟩").replace("\u200b", "⟨ZWSP⟩").replace("\ufffd", "⟨U+FFFD⟩")
            .replace("|", "\\|").replace("<", "&lt;"))


README_HEAD = """# samples: raw pages written for Reinschrift

Every file here is generated by `tests/make_samples.py` (standard library only); do not edit
them by hand. All content was written for the project: the towns, people, companies, events
and sites are fictional (hosts end in `.example`). The pages imitate the two real seeds the
product was specified from: German WordPress news clones, often machine-translated, and
their plain-text dumps, with ad labels, injected see-also links, photo credits and captions,
author boxes, teasers, comment forms, and punctuation broken by link removal.

```sh
python tests/make_samples.py            # rewrite samples/ (pages, gold.json, this README)
python tests/make_samples.py --check    # files on disk == generator output, and the gold is consistent
python tests/make_samples.py --ideal /tmp/ideal   # articles.jsonl + rejects.jsonl of a perfect run
python ../shared/eval/score.py pages --set samples --articles /tmp/ideal/articles.jsonl --rejects /tmp/ideal/rejects.jsonl
```

`gold.json` follows the page-set gold format of the evaluation README (`lang`, `title`,
`expect`, `with`, `without`, `source`, plus `ground_truth`, the whole intended clean text, one
paragraph per line). `README.md` and `gold.json` are not pages: a run over this folder
should skip them.

## How the gold was made
- **title**: the headline as in the `<h1>` (dumps: the title line); it is not part of the text.
  On the mojibake and soft-hyphen pages the gold title is the repaired one.
- **with** (8-12 per article): the subheadings, the first and the last sentence, the repaired
  form of every planted defect with a few words of context, and some sentences in between.
  No segment spans two paragraphs. For a glued sentence boundary (`pflanzenEine`) the right
  separator is not knowable, so there is one segment ending at the first word and one
  starting at the second; none spans the join.
- **without**: every noise string planted on the page (labels, teaser and see-also headlines,
  excerpts, captions, credits, form texts, cookie, newsletter and footer texts, date line,
  site name, tagline, source tags), every broken form with a word of context, and the encoding
  artefacts. Menu items (except `Startseite`) and author names are left out as too generic.
- **The `Anzeige` trap** (`dumps/nachrichten-heute/…`): a standalone `Anzeige` ad line is
  deliberately not in `without`, because the body says `… Anzeige bei der Polizei erstattet`
  (a `with`): the cleaner must not drop a paragraph just because it contains an ad word.
- **Repairs assumed**: `X“. .“` and `X“. .“ “` become `X“.`; `X.“ .“` becomes `X.“`;
  `… sei Gemeinden.“` (duplicated trailing fragment) becomes `… sei.`; `said.” .”` becomes
  `said.`; `word .` becomes `word.`; `word ,` becomes `word,`; `word..` becomes `word.`;
  `Eck.Nur` becomes `Eck. Nur`. Typographic quotes stay as they are.
- `--check` verifies: each `with` is inside one paragraph of the intended clean text; each
  `without` occurs in the raw page (after gunzip, decoding, tag stripping, entity unescaping,
  whitespace collapsing) and not in the clean text; every planted defect is covered on both
  sides; 250-450 words per article; the files on disk are byte-identical to the generator's.
  Feeding the intended output to `score.py` gives F1 1.000, lang 1.00, title 1.000 and
  reject accuracy 1.000.

## Files
"""


def readme(built: list[Built]) -> bytes:
    rows = ["| file | lang | kind | what it tests | planted defects / artefacts | words | with / without |",
            "|---|---|---|---|---|---|---|"]
    for b in built:
        g = b.gold
        src = g["source"].removeprefix("written for the project; ")
        defects = ", ".join(f"`{show(norm(html.unescape(f.raw)))}`" for f in b.fixes) or "—"
        words = sum(len(p.split()) for p in b.clean) if b.clean else 0
        rows.append(
            f"| `{b.path}` | {g['lang'] or '—'} | {b.kind} | {show(src)} | {defects} | {words or '—'} "
            f"| {len(g['with'])} / {len(g['without'])} |"
        )
    return (README_HEAD + "\n".join(rows) + "\n").encode("utf-8")


def outputs() -> tuple[list[Built], dict[str, bytes]]:
    built = build_all()
    files = {b.path: b.data for b in built}
    files["gold.json"] = gold_json(built)
    files["README.md"] = readme(built)
    return built, files


# --------------------------------------------------------------------------- checks


def check_page(b: Built) -> list[str]:
    g, errs = b.gold, []
    withs, withouts = g["with"], g["without"]
    for label, items in (("with", withs), ("without", withouts)):
        if len(set(items)) != len(items):
            errs.append(f"duplicate {label} segments")
    missing_raw = [w for w in withouts if not any(w in v for v in b.views)]
    errs += [f"without not in raw page: {w!r}" for w in missing_raw]
    if g["expect"] == "reject":
        if withs:
            errs.append("a reject has with segments")
        return errs
    paras = b.clean
    whole = " ".join(paras)
    words = len(whole.split())
    if not 250 <= words <= 450:
        errs.append(f"{words} words (want 250-450)")
    if not 8 <= len(withs) <= 12:
        errs.append(f"{len(withs)} with segments (want 8-12)")
    errs += [f"with not inside one clean paragraph: {w!r}" for w in withs if not any(w in p for p in paras)]
    errs += [f"without found in clean text: {w!r}" for w in withouts if w in whole]
    errs += [f"with {w!r} contains without {x!r}" for w in withs for x in withouts if x in w]
    if norm(g["title"]) in whole:
        errs.append("title is inside the clean text")
    if b.title_in_raw and norm(g["title"]) not in b.views[0]:
        errs.append("title not found in the raw page")
    for f in b.fixes:
        broken = fix_without(f, b.kind.startswith("HTML"))
        if broken not in withouts:
            errs.append(f"broken form not in without: {broken!r}")
        if f.kind == "punct" and not any(f.clean in w for w in withs):
            errs.append(f"repaired form {f.clean!r} in no with segment")
        if f.kind == "glue":
            join = f"{f.left}. {f.right}"
            if not any(w.endswith(f.left) and any(w + ". " + f.right in p for p in paras) for w in withs):
                errs.append(f"no with segment ends at {f.left!r} (glue)")
            if not any(w.startswith(f.right) and any(f.left + ". " + w in p for p in paras) for w in withs):
                errs.append(f"no with segment starts at {f.right!r} (glue)")
            errs += [f"with spans the join {join!r}: {w!r}" for w in withs if join in w or f.left + f.right in w]
    return errs


def check(built: list[Built], files: dict[str, bytes]) -> int:
    failures = 0
    for path, data in files.items():
        on_disk = SAMPLES / path
        if not on_disk.is_file():
            print(f"MISSING  samples/{path}")
            failures += 1
        elif on_disk.read_bytes() != data:
            print(f"DIFFERS  samples/{path} (run tests/make_samples.py to regenerate)")
            failures += 1
    extra = sorted(p.relative_to(SAMPLES).as_posix() for p in SAMPLES.rglob("*") if p.is_file()) if SAMPLES.is_dir() else []
    for path in extra:
        if path not in files:
            print(f"EXTRA    samples/{path} (not made by this script)")
            failures += 1
    print(f"{'page':<72} {'words':>5} {'with':>4} {'w/o':>4}  status")
    for b in built:
        errs = check_page(b)
        words = sum(len(p.split()) for p in b.clean) if b.clean else 0
        print(f"{b.path:<72} {words:>5} {len(b.gold['with']):>4} {len(b.gold['without']):>4}  {'ok' if not errs else 'FAIL'}")
        for e in errs:
            print(f"    {e}")
        failures += bool(errs)
    print("all checks passed" if not failures else f"{failures} problem(s)")
    return 1 if failures else 0


def write_ideal(built: list[Built], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "articles.jsonl", "w", encoding="utf-8") as fa, open(out / "rejects.jsonl", "w", encoding="utf-8") as fr:
        for b in built:
            if b.gold["expect"] == "article":
                row = {"source": b.path, "text": "\n".join(b.clean), "title": b.gold["title"], "language": b.gold["lang"]}
                fa.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:
                fr.write(json.dumps({"source": b.path, "reason": "ideal"}) + "\n")
    print(f"wrote {out / 'articles.jsonl'} and {out / 'rejects.jsonl'}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare samples/ with this script and check the gold")
    ap.add_argument("--clean", action="store_true", help="also delete files under samples/ this script does not make")
    ap.add_argument("--ideal", metavar="DIR", help="write the intended output as articles.jsonl + rejects.jsonl")
    args = ap.parse_args(argv)
    built, files = outputs()
    if args.ideal:
        write_ideal(built, Path(args.ideal))
        return 0
    if args.check:
        return check(built, files)
    bad = [b.path for b in built if check_page(b)]
    if bad:
        print("gold inconsistent, run --check for details: " + ", ".join(bad), file=sys.stderr)
        return 1
    for path, data in files.items():
        target = SAMPLES / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    if args.clean:
        for p in sorted(SAMPLES.rglob("*"), reverse=True):
            rel = p.relative_to(SAMPLES).as_posix()
            if p.is_file() and rel not in files:
                p.unlink()
                print(f"deleted samples/{rel}")
            elif p.is_dir() and not any(p.iterdir()):
                p.rmdir()
    print(f"wrote {len(files)} files under {SAMPLES}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
