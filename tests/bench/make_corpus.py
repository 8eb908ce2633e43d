#!/usr/bin/env python3
"""Write a deterministic scrape folder of N raw pages for the speed and scale benchmarks.

    python tests/bench/make_corpus.py N OUT [--seed S] [--start K] [--processes P]

Every page is made from this script's own templates and word pools (nothing is copied from
elsewhere; all names are invented). The folder looks like a nightly scrape: several sites of
20 to 500 pages each, as HTML (some declared windows-1252, some XHTML), gzip-compressed HTML and
plain-text dumps, carrying every kind of noise the pipeline removes: ad labels, "see also"
injections, photo credits and captions, author boxes, "Check Also" teasers, comment forms,
source tags, lines repeated across a site, broken punctuation after link removal, glued words,
mojibake; and the pages it rejects: empty files, binary files, index pages, too-short pages.
No two pages are equal: every paragraph is drawn from a large sentence pool and every page
carries its own number in its text.

Page chrome. A benchmark on bare articles (about 3 KB) measures per-page fixed costs, not what a
scraped page costs to parse and extract: real archived news pages are about 89 KB (median;
p10 33 KB, p90 316 KB on 396 pages of a dev set), mostly markup, inline CSS and JS around a
few KB of text. So every site has a theme (:class:`Theme`, one of four markup families, in the
site's language) wrapped around the article, whose markup, title, paragraphs and noise stay
exactly as before: in <head> meta, Open Graph and twitter tags, preconnect/preload/stylesheet/
icon/alternate links, a JSON-LD NewsArticle (headline, author, dates, publisher; no body),
inline <style> with generated CSS, inline config/analytics/ad-loader scripts, a JSON blob of
page data and external scripts; in <body> an SVG icon sprite, a skip link, a header with the
logo (linking "/"), a search form and a nav menu of 40 to 150 links in nested lists, a ticker,
breadcrumbs, a share bar of SVG icons, ad slots with placeholder iframes, a newsletter form, a
comments container, an <aside> sidebar with 10 to 20 "most read"/"latest" teasers drawn per
page, a footer of 3 to 5 link columns and legal text, and a cookie-consent dialog. Index pages
get the same theme; text dumps stay bare. Each site draws a typical page size (its quantile
of a split log-normal, so even a 10k folder spans the range) and its amounts (menu links,
icons, columns) grow with it; each page varies around it, generated CSS and JS filling what
the other parts leave. Measured (HTML, .htm and XHTML files): 100k pages p10 34 KB, median
86 KB, p90 303 KB (mean 136 KB, max 1.5 MB); 10k pages p10 36 KB, median 91 KB, p90 287 KB.
Small themes cannot go below about 30 KB (a 40-link menu, the sidebar, the article).

The same (N, seed) always gives the same bytes (file mtimes aside). ``--start K`` writes pages
K..K+N-1 of the same endless sequence, so ``make_corpus.py 100 OUT --start 10000`` adds 100
new pages to a 10k folder (the scale benchmark's incremental rerun). A theme is built once per
site and worker process and only the page's own parts are made per page (site parts are
encoded once, gzip runs at level 1), so 100k pages (8 GB) take about a minute on two shared
cores: 64 s wall, 46 s user, 29 s system (bare 5 KB pages took 52 s there: 10 s user, 26 s
system, creating 100k files costs that much).
"""

from __future__ import annotations

import argparse
import bisect
import gzip
import html
import json
import math
import os
import random
import re
import struct
import sys
import unicodedata
import zlib
from collections.abc import Callable
from functools import lru_cache
from multiprocessing import Pool
from statistics import NormalDist

# --------------------------------------------------------------------------- word pools
LANGS = {
    "de": {
        "subj": ["Der Gemeinderat", "Die Bürgermeisterin", "Der Verein", "Die Feuerwehr", "Das Landratsamt",
                 "Die Schulleitung", "Der Kreistag", "Eine Bürgerinitiative", "Die Stadtwerke", "Der Sportclub",
                 "Die Polizei", "Das Museum", "Der Bauausschuss", "Die Kirchengemeinde", "Der Heimatverein"],
        "verb": ["hat beschlossen,", "kündigte an,", "plant,", "hat am Montag entschieden,", "will im Herbst",
                 "prüft derzeit,", "hat angekündigt,", "möchte bis zum Sommer", "erwägt,", "hat zugesagt,"],
        "obj": ["die alte Brücke über den Fluss zu sanieren", "einen neuen Radweg am Ufer anzulegen",
                "die Turnhalle der Grundschule zu erweitern", "den Marktplatz autofrei zu gestalten",
                "mehr Geld für die Bücherei bereitzustellen", "die Buslinie bis in die Neubausiedlung zu verlängern",
                "ein Fest zum Jubiläum der Stadt auszurichten", "das Freibad früher zu öffnen",
                "die Straßenbeleuchtung auf sparsame Lampen umzustellen", "einen Spielplatz am Park zu bauen"],
        "tail": ["Die Kosten liegen bei rund {n} Euro.", "Die Arbeiten sollen im Frühjahr beginnen.",
                 "Viele Anwohner hatten sich das seit Jahren gewünscht.", "Der Beschluss fiel mit großer Mehrheit.",
                 "Kritiker bemängeln die lange Planungszeit.", "Eine Entscheidung wird für Mai erwartet."],
        "ad": "Anzeige", "see": "Siehe auch: ", "credit": "Foto: ", "author": "Über den Autor",
        "comment": ["Schreibe einen Kommentar", "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert"],
        "source": "(dpa)", "read_more": "Weiterlesen", "glue": "Stadt", "month": "Mai",
    },
    "en": {
        "subj": ["The town council", "The harbour board", "A local charity", "The school governors", "The mayor",
                 "The county police", "The rowing club", "The library trust", "The planning committee",
                 "A group of residents", "The fire service", "The museum board", "The chamber of commerce"],
        "verb": ["voted on Monday", "has agreed", "announced plans", "decided last week", "is preparing",
                 "has promised", "confirmed on Friday that it wants", "wants", "is expected"],
        "obj": ["to rebuild the old ferry pier", "to open a new cycle path along the river",
                "to extend the primary school", "to close the market square to cars on Sundays",
                "to give more money to the public library", "to run the bus line to the new estate",
                "to hold a festival for the town's anniversary", "to repair the roof of the sports hall",
                "to plant trees along the high street", "to build a playground near the park"],
        "tail": ["The work will cost about {n} pounds.", "Work is expected to start in the spring.",
                 "Residents had asked for this for years.", "The decision was taken by a large majority.",
                 "Critics say the planning took far too long.", "A final decision is expected in May."],
        "ad": "Advertisement", "see": "See also: ", "credit": "Photo: ", "author": "About the author",
        "comment": ["Leave a Reply", "Your email address will not be published. Required fields are marked *"],
        "source": "(AP)", "read_more": "Read more", "glue": "Town", "month": "May",
    },
    "fr": {
        "subj": ["Le conseil municipal", "La maire", "L'association", "Les pompiers", "La préfecture",
                 "Le comité des fêtes", "La direction de l'école", "Un collectif d'habitants", "Le club de football"],
        "verb": ["a décidé", "a annoncé son intention", "prévoit", "a choisi lundi", "envisage", "a promis"],
        "obj": ["de rénover le vieux pont sur la rivière", "d'aménager une piste cyclable le long du quai",
                "d'agrandir l'école primaire", "de fermer la place du marché aux voitures",
                "de donner plus de moyens à la médiathèque", "de prolonger la ligne de bus jusqu'au nouveau quartier",
                "d'organiser une fête pour l'anniversaire de la ville", "d'ouvrir la piscine plus tôt"],
        "tail": ["Le coût est estimé à {n} euros.", "Les travaux doivent commencer au printemps.",
                 "Les riverains le demandaient depuis des années.", "La décision a été prise à une large majorité."],
        "ad": "Publicité", "see": "Lire aussi : ", "credit": "Photo : ", "author": "À propos de l'auteur",
        "comment": ["Laisser un commentaire", "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *"],
        "source": "(AFP)", "read_more": "Lire la suite", "glue": "Ville", "month": "mai",
    },
    "es": {
        "subj": ["El ayuntamiento", "La alcaldesa", "La asociación de vecinos", "Los bomberos", "El club de remo",
                 "La dirección del colegio", "La diputación", "Un grupo de comerciantes", "La biblioteca municipal"],
        "verb": ["ha decidido", "anunció que quiere", "prevé", "aprobó el lunes", "estudia", "se comprometió a"],
        "obj": ["reformar el viejo puente sobre el río", "abrir un carril bici junto al paseo",
                "ampliar la escuela primaria", "cerrar la plaza del mercado al tráfico",
                "dar más fondos a la biblioteca", "llevar la línea de autobús al nuevo barrio",
                "celebrar una fiesta por el aniversario de la ciudad", "abrir antes la piscina municipal"],
        "tail": ["El coste ronda los {n} euros.", "Las obras empezarán en primavera.",
                 "Los vecinos lo pedían desde hace años.", "La decisión se tomó por amplia mayoría."],
        "ad": "Publicidad", "see": "Ver también: ", "credit": "Foto: ", "author": "Sobre el autor",
        "comment": ["Deja una respuesta", "Tu dirección de correo electrónico no será publicada. Los campos obligatorios están marcados con *"],
        "source": "(EFE)", "read_more": "Leer más", "glue": "Ciudad", "month": "mayo",
    },
    "it": {
        "subj": ["Il consiglio comunale", "La sindaca", "L'associazione dei commercianti", "I vigili del fuoco",
                 "La società sportiva", "La direzione della scuola", "La provincia", "Un comitato di cittadini"],
        "verb": ["ha deciso di", "ha annunciato di voler", "prevede di", "ha approvato lunedì il piano per",
                 "sta valutando di", "ha promesso di"],
        "obj": ["restaurare il vecchio ponte sul fiume", "aprire una pista ciclabile lungo il lago",
                "ampliare la scuola elementare", "chiudere la piazza del mercato alle auto",
                "dare più fondi alla biblioteca", "prolungare la linea dell'autobus fino al nuovo quartiere",
                "organizzare una festa per l'anniversario della città", "aprire prima la piscina comunale"],
        "tail": ["Il costo è di circa {n} euro.", "I lavori dovrebbero iniziare in primavera.",
                 "I residenti lo chiedevano da anni.", "La decisione è stata presa a larga maggioranza."],
        "ad": "Pubblicità", "see": "Leggi anche: ", "credit": "Foto: ", "author": "Sull'autore",
        "comment": ["Lascia un commento", "Il tuo indirizzo email non sarà pubblicato. I campi obbligatori sono contrassegnati *"],
        "source": "(ANSA)", "read_more": "Leggi di più", "glue": "Città", "month": "maggio",
    },
    "nl": {
        "subj": ["De gemeenteraad", "De burgemeester", "De vereniging", "De brandweer", "Het waterschap",
                 "De schooldirectie", "Een groep bewoners", "De voetbalclub", "De bibliotheek"],
        "verb": ["heeft besloten", "kondigde aan", "is van plan", "stemde maandag in met het plan",
                 "overweegt", "heeft beloofd"],
        "obj": ["de oude brug over de rivier op te knappen", "een fietspad langs de dijk aan te leggen",
                "de basisschool uit te breiden", "het marktplein autovrij te maken",
                "meer geld aan de bibliotheek te geven", "de buslijn naar de nieuwe wijk te verlengen",
                "een feest te houden voor het jubileum van de stad", "het zwembad eerder te openen"],
        "tail": ["De kosten bedragen ongeveer {n} euro.", "De werkzaamheden beginnen in het voorjaar.",
                 "Bewoners vroegen hier al jaren om.", "Het besluit werd met grote meerderheid genomen."],
        "ad": "Advertentie", "see": "Lees ook: ", "credit": "Foto: ", "author": "Over de auteur",
        "comment": ["Laat een reactie achter", "Je e-mailadres wordt niet gepubliceerd. Vereiste velden zijn gemarkeerd met *"],
        "source": "(ANP)", "read_more": "Lees meer", "glue": "Stad", "month": "mei",
    },
}
FIRST = ["Anna", "Jonas", "Marta", "Luca", "Sofia", "Pieter", "Claire", "Tomás", "Ida", "Henrik", "Nora", "Emil"]
LAST = ["Hainbuch", "Okafor", "Lindqvist", "Moreau", "Bellandi", "Vermeulen", "Castaño", "Reiter", "Marsh", "Dorn"]
PLACES = ["Lindenau", "Eastmere", "Valbonne", "Rivaverde", "Ostdorp", "Brunnfeld", "Kestrel Bay", "Montclar", "Zandwijk"]
FORMATS = ["html"] * 10 + ["html.gz"] * 3 + ["txt"] * 4 + ["xhtml", "htm", "txt.gz"]
NOISE = ["ad", "see", "credit", "author", "check", "comment", "source", "repeated", "punct", "glue", "moji"]


def _pool(lang: str) -> list[str]:
    """Every subject × verb × object sentence of a language (hundreds per language)."""
    words = LANGS[lang]
    return [f"{s} von {p} {v} {o}." if lang == "de" and i % 3 == 0 else f"{s} {v} {o}."
            for i, (s, v, o, p) in enumerate((s, v, o, PLACES[(len(s) + len(o)) % len(PLACES)])
                                              for s in words["subj"] for v in words["verb"] for o in words["obj"])]


POOLS = {lang: _pool(lang) for lang in LANGS}


def moji(text: str) -> str:
    """UTF-8 read as windows-1252 (the classic mojibake): 'für' -> 'fÃ¼r'."""
    return text.encode("utf-8").decode("cp1252", errors="replace")


def png_bytes(n: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = zlib.compress(bytes([0, n % 256, (n // 256) % 256, 7]))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


# --------------------------------------------------------------------------- chrome pools
# The visible words of a theme (menus, boxes, legal lines) per language. All invented.
CHROME = {
    "de": {
        "sections": ["Lokales", "Region", "Politik", "Wirtschaft", "Sport", "Kultur", "Panorama", "Wissen", "Digital",
                     "Reise", "Auto & Verkehr", "Gesundheit", "Familie", "Meinung", "Service", "Freizeit",
                     "Bauen & Wohnen", "Veranstaltungen"],
        "topics": ["Vereine", "Schulen", "Baustellen", "Polizeibericht", "Fußball", "Handball", "Theater", "Konzerte",
                   "Ausstellungen", "Gastronomie", "Einzelhandel", "Landwirtschaft", "Energie", "Wetter", "Leserbriefe",
                   "Jubiläen", "Nachrufe", "Kirche", "Umwelt", "Wahlen", "Kinder", "Senioren", "Ehrenamt", "Tourismus"],
        "quarters": ["Nord", "Süd", "Ost", "West", "Mitte", "Land"],
        "skip": "Zum Inhalt springen", "home": "Startseite", "menu": "Menü", "search": "Suche",
        "search_ph": "Suchbegriff eingeben", "login": "Anmelden", "subscribe": "Jetzt abonnieren",
        "ticker": "Eilmeldung", "most_read": "Meistgelesen", "latest": "Neueste Artikel", "share": "Teilen auf",
        "comments": "Kommentare", "load_comments": "Kommentare anzeigen",
        "comments_note": "Die Kommentarfunktion wird von einem externen Dienst bereitgestellt und erst nach Ihrer Zustimmung geladen.",
        "nl_title": "Der Morgen-Newsletter",
        "nl_text": "Die wichtigsten Nachrichten aus der Region jeden Morgen kostenlos in Ihrem Postfach.",
        "nl_ph": "Ihre E-Mail-Adresse", "nl_button": "Kostenlos anmelden",
        "nl_privacy": "Mit der Anmeldung stimmen Sie unseren Datenschutzhinweisen zu. Eine Abmeldung ist jederzeit möglich.",
        "cookie_title": "Wir respektieren Ihre Privatsphäre",
        "cookie_text": ["Wir und unsere Partner speichern Informationen auf Ihrem Gerät und greifen auf sie zu.",
                        "Damit messen wir die Nutzung unseres Angebots und blenden passende Werbung ein.",
                        "Ihre Auswahl können Sie jederzeit unter Datenschutz-Einstellungen im Seitenfuß ändern.",
                        "Ohne Ihre Zustimmung laden wir keine Inhalte externer Anbieter."],
        "accept": "Alle akzeptieren", "reject": "Nur notwendige", "settings": "Einstellungen verwalten",
        "footer_heads": ["Über uns", "Service", "Rubriken", "Rechtliches", "Folgen Sie uns", "Unsere Angebote"],
        "footer_links": ["Impressum", "Datenschutz", "AGB", "Kontakt", "Mediadaten", "Abo-Service", "Karriere",
                         "Barrierefreiheit", "E-Paper", "Archiv", "Leserreisen", "Anzeigen aufgeben", "Redaktion",
                         "Hilfe & FAQ", "Datenschutz-Einstellungen", "Nutzungsbedingungen", "Widerruf", "Trauerportal",
                         "Gewinnspiele", "Leserservice", "Zustellung melden", "Gutscheine"],
        "legal": ["Sämtliche Inhalte dieses Angebots sind urheberrechtlich geschützt.",
                  "Vervielfältigung und Weitergabe nur mit schriftlicher Genehmigung des Verlags.",
                  "Für die Inhalte verlinkter externer Seiten übernimmt der Verlag keine Haftung.",
                  "Preise für Abonnements verstehen sich inklusive der gesetzlichen Mehrwertsteuer."],
        "publisher": "Verlagshaus {place} GmbH", "top": "Nach oben",
    },
    "en": {
        "sections": ["Local", "Region", "Politics", "Business", "Sport", "Culture", "World", "Science", "Tech",
                     "Travel", "Motoring", "Health", "Family", "Opinion", "Property", "What's on", "Food & Drink", "Obituaries"],
        "topics": ["Clubs", "Schools", "Roadworks", "Police reports", "Football", "Cricket", "Theatre", "Concerts",
                   "Exhibitions", "Restaurants", "High street", "Farming", "Energy", "Weather", "Letters",
                   "Anniversaries", "Churches", "Environment", "Elections", "Kids", "Seniors", "Volunteering", "Tourism"],
        "quarters": ["North", "South", "East", "West", "Central", "Rural"],
        "skip": "Skip to content", "home": "Home", "menu": "Menu", "search": "Search",
        "search_ph": "Search this site", "login": "Sign in", "subscribe": "Subscribe now",
        "ticker": "Breaking", "most_read": "Most read", "latest": "Latest stories", "share": "Share on",
        "comments": "Comments", "load_comments": "Show comments",
        "comments_note": "Comments are provided by an external service and are only loaded once you have agreed to it.",
        "nl_title": "The morning briefing",
        "nl_text": "The most important news from the region, free in your inbox every morning.",
        "nl_ph": "Your email address", "nl_button": "Sign up for free",
        "nl_privacy": "By signing up you accept our privacy notice. You can unsubscribe at any time.",
        "cookie_title": "We value your privacy",
        "cookie_text": ["We and our partners store and access information on your device.",
                        "This lets us measure how our pages are used and show you relevant advertising.",
                        "You can change your choices at any time under privacy settings at the bottom of the page.",
                        "We load no content from third parties without your consent."],
        "accept": "Accept all", "reject": "Necessary only", "settings": "Manage settings",
        "footer_heads": ["About us", "Help", "Sections", "Legal", "Follow us", "Our products"],
        "footer_links": ["Contact us", "Privacy notice", "Terms and conditions", "Advertise with us", "Careers",
                         "Accessibility", "Digital edition", "Archive", "Reader holidays", "Place an advert", "Newsroom",
                         "Help & FAQ", "Privacy settings", "Complaints", "Corrections", "Announcements", "Competitions",
                         "Reader services", "Report a missed delivery", "Gift subscriptions", "Editorial standards"],
        "legal": ["All content on this site is protected by copyright.",
                  "No part of it may be reproduced without the written permission of the publisher.",
                  "The publisher is not responsible for the content of external websites.",
                  "Subscription prices include VAT at the applicable rate."],
        "publisher": "{place} Media Group Ltd", "top": "Back to top",
    },
    "fr": {
        "sections": ["Local", "Région", "Politique", "Économie", "Sports", "Culture", "Monde", "Sciences", "Numérique",
                     "Voyages", "Auto", "Santé", "Famille", "Opinions", "Immobilier", "Sortir", "Gastronomie", "Avis de décès"],
        "topics": ["Associations", "Écoles", "Travaux", "Faits divers", "Football", "Rugby", "Théâtre", "Concerts",
                   "Expositions", "Restaurants", "Commerces", "Agriculture", "Énergie", "Météo", "Courrier des lecteurs",
                   "Patrimoine", "Environnement", "Élections", "Jeunesse", "Seniors", "Bénévolat", "Tourisme"],
        "quarters": ["Nord", "Sud", "Est", "Ouest", "Centre", "Campagne"],
        "skip": "Aller au contenu", "home": "Accueil", "menu": "Menu", "search": "Rechercher",
        "search_ph": "Rechercher sur le site", "login": "Se connecter", "subscribe": "S'abonner",
        "ticker": "Direct", "most_read": "Les plus lus", "latest": "Dernières actualités", "share": "Partager sur",
        "comments": "Commentaires", "load_comments": "Afficher les commentaires",
        "comments_note": "Les commentaires sont fournis par un service externe et ne sont chargés qu'avec votre accord.",
        "nl_title": "La lettre du matin",
        "nl_text": "L'essentiel de l'actualité de la région, gratuitement dans votre boîte chaque matin.",
        "nl_ph": "Votre adresse e-mail", "nl_button": "Je m'inscris",
        "nl_privacy": "En vous inscrivant, vous acceptez notre politique de confidentialité. Désinscription possible à tout moment.",
        "cookie_title": "Nous respectons votre vie privée",
        "cookie_text": ["Nos partenaires et nous-mêmes stockons des informations sur votre appareil et y accédons.",
                        "Cela nous permet de mesurer l'audience et d'afficher des publicités adaptées.",
                        "Vous pouvez modifier vos choix à tout moment via les paramètres de confidentialité en bas de page.",
                        "Aucun contenu de tiers n'est chargé sans votre consentement."],
        "accept": "Tout accepter", "reject": "Continuer sans accepter", "settings": "Paramétrer",
        "footer_heads": ["Qui sommes-nous", "Services", "Rubriques", "Mentions", "Suivez-nous", "Nos offres"],
        "footer_links": ["Mentions légales", "Politique de confidentialité", "Conditions générales", "Contact",
                         "Publicité", "Recrutement", "Accessibilité", "Journal numérique", "Archives", "Voyages lecteurs",
                         "Annonces légales", "La rédaction", "Aide et FAQ", "Gestion des cookies", "Médiateur",
                         "Charte éditoriale", "Jeux concours", "Service abonnés", "Offrir un abonnement"],
        "legal": ["Tous les contenus de ce site sont protégés par le droit d'auteur.",
                  "Toute reproduction est interdite sans l'accord écrit de l'éditeur.",
                  "L'éditeur décline toute responsabilité quant au contenu des sites externes.",
                  "Les tarifs d'abonnement s'entendent toutes taxes comprises."],
        "publisher": "Groupe {place} Presse SAS", "top": "Haut de page",
    },
    "es": {
        "sections": ["Local", "Comarca", "Política", "Economía", "Deportes", "Cultura", "Internacional", "Ciencia",
                     "Tecnología", "Viajes", "Motor", "Salud", "Familia", "Opinión", "Vivienda", "Agenda",
                     "Gastronomía", "Esquelas"],
        "topics": ["Asociaciones", "Colegios", "Obras", "Sucesos", "Fútbol", "Baloncesto", "Teatro", "Conciertos",
                   "Exposiciones", "Restaurantes", "Comercio", "Campo", "Energía", "El tiempo", "Cartas al director",
                   "Fiestas", "Medio ambiente", "Elecciones", "Infancia", "Mayores", "Voluntariado", "Turismo"],
        "quarters": ["Norte", "Sur", "Este", "Oeste", "Centro", "Rural"],
        "skip": "Saltar al contenido", "home": "Portada", "menu": "Menú", "search": "Buscar",
        "search_ph": "Buscar en la web", "login": "Iniciar sesión", "subscribe": "Suscríbete",
        "ticker": "Última hora", "most_read": "Lo más leído", "latest": "Últimas noticias", "share": "Compartir en",
        "comments": "Comentarios", "load_comments": "Ver comentarios",
        "comments_note": "Los comentarios los presta un servicio externo y solo se cargan con tu consentimiento.",
        "nl_title": "El boletín de la mañana",
        "nl_text": "Las noticias más importantes de la comarca, gratis en tu correo cada mañana.",
        "nl_ph": "Tu correo electrónico", "nl_button": "Quiero suscribirme",
        "nl_privacy": "Al suscribirte aceptas nuestra política de privacidad. Puedes darte de baja cuando quieras.",
        "cookie_title": "Tu privacidad es importante para nosotros",
        "cookie_text": ["Nosotros y nuestros socios almacenamos información en tu dispositivo y accedemos a ella.",
                        "Así medimos el uso de nuestra web y mostramos publicidad adecuada.",
                        "Puedes cambiar tu elección en cualquier momento en la configuración de privacidad al pie de página.",
                        "No cargamos contenidos de terceros sin tu consentimiento."],
        "accept": "Aceptar todo", "reject": "Solo necesarias", "settings": "Configurar",
        "footer_heads": ["Quiénes somos", "Servicios", "Secciones", "Legal", "Síguenos", "Nuestros productos"],
        "footer_links": ["Aviso legal", "Política de privacidad", "Condiciones de uso", "Contacto", "Publicidad",
                         "Trabaja con nosotros", "Accesibilidad", "Edición impresa", "Hemeroteca", "Viajes del lector",
                         "Anuncios oficiales", "Redacción", "Ayuda", "Configuración de cookies", "Defensor del lector",
                         "Normas de participación", "Sorteos", "Atención al suscriptor", "Regala una suscripción"],
        "legal": ["Todos los contenidos de esta web están protegidos por derechos de autor.",
                  "Queda prohibida su reproducción sin autorización escrita del editor.",
                  "El editor no se hace responsable del contenido de las webs externas.",
                  "Los precios de suscripción incluyen el IVA vigente."],
        "publisher": "Ediciones {place} S.L.", "top": "Volver arriba",
    },
    "it": {
        "sections": ["Cronaca", "Provincia", "Politica", "Economia", "Sport", "Cultura", "Esteri", "Scienza",
                     "Tecnologia", "Viaggi", "Motori", "Salute", "Famiglia", "Opinioni", "Casa", "Eventi",
                     "Cucina", "Necrologi"],
        "topics": ["Associazioni", "Scuole", "Cantieri", "Cronaca nera", "Calcio", "Pallavolo", "Teatro", "Concerti",
                   "Mostre", "Ristoranti", "Negozi", "Agricoltura", "Energia", "Meteo", "Lettere", "Sagre",
                   "Ambiente", "Elezioni", "Ragazzi", "Anziani", "Volontariato", "Turismo"],
        "quarters": ["Nord", "Sud", "Est", "Ovest", "Centro", "Campagna"],
        "skip": "Vai al contenuto", "home": "Home", "menu": "Menu", "search": "Cerca",
        "search_ph": "Cerca nel sito", "login": "Accedi", "subscribe": "Abbonati",
        "ticker": "Ultim'ora", "most_read": "I più letti", "latest": "Ultime notizie", "share": "Condividi su",
        "comments": "Commenti", "load_comments": "Mostra i commenti",
        "comments_note": "I commenti sono forniti da un servizio esterno e vengono caricati solo con il tuo consenso.",
        "nl_title": "La newsletter del mattino",
        "nl_text": "Le notizie più importanti della provincia, gratis nella tua casella ogni mattina.",
        "nl_ph": "Il tuo indirizzo email", "nl_button": "Iscriviti gratis",
        "nl_privacy": "Iscrivendoti accetti la nostra informativa sulla privacy. Puoi disiscriverti in qualsiasi momento.",
        "cookie_title": "La tua privacy è importante",
        "cookie_text": ["Noi e i nostri partner archiviamo informazioni sul tuo dispositivo e vi accediamo.",
                        "Così misuriamo l'uso del sito e mostriamo pubblicità pertinente.",
                        "Puoi cambiare le tue scelte in qualsiasi momento dalle impostazioni privacy a fondo pagina.",
                        "Non carichiamo contenuti di terzi senza il tuo consenso."],
        "accept": "Accetta tutto", "reject": "Solo necessari", "settings": "Gestisci preferenze",
        "footer_heads": ["Chi siamo", "Servizi", "Sezioni", "Note legali", "Seguici", "I nostri prodotti"],
        "footer_links": ["Note legali", "Informativa privacy", "Termini di servizio", "Contatti", "Pubblicità",
                         "Lavora con noi", "Accessibilità", "Edizione digitale", "Archivio", "Viaggi dei lettori",
                         "Annunci legali", "Redazione", "Aiuto", "Preferenze cookie", "Codice etico", "Concorsi",
                         "Servizio abbonati", "Regala un abbonamento"],
        "legal": ["Tutti i contenuti di questo sito sono protetti dal diritto d'autore.",
                  "È vietata la riproduzione senza il consenso scritto dell'editore.",
                  "L'editore non è responsabile dei contenuti dei siti esterni.",
                  "I prezzi degli abbonamenti sono comprensivi di IVA."],
        "publisher": "Editoriale {place} S.p.A.", "top": "Torna su",
    },
    "nl": {
        "sections": ["Regio", "Binnenland", "Politiek", "Economie", "Sport", "Cultuur", "Buitenland", "Wetenschap",
                     "Tech", "Reizen", "Auto", "Gezondheid", "Gezin", "Opinie", "Wonen", "Uitgaan", "Eten & drinken",
                     "Familieberichten"],
        "topics": ["Verenigingen", "Scholen", "Wegwerkzaamheden", "112-nieuws", "Voetbal", "Hockey", "Theater",
                   "Concerten", "Tentoonstellingen", "Restaurants", "Winkels", "Landbouw", "Energie", "Weer",
                   "Ingezonden brieven", "Kerk", "Milieu", "Verkiezingen", "Jeugd", "Ouderen", "Vrijwilligers", "Toerisme"],
        "quarters": ["Noord", "Zuid", "Oost", "West", "Centrum", "Buitengebied"],
        "skip": "Naar de inhoud", "home": "Home", "menu": "Menu", "search": "Zoeken",
        "search_ph": "Zoek op de site", "login": "Inloggen", "subscribe": "Word abonnee",
        "ticker": "Net binnen", "most_read": "Meest gelezen", "latest": "Laatste nieuws", "share": "Delen via",
        "comments": "Reacties", "load_comments": "Toon reacties",
        "comments_note": "Reacties worden door een externe dienst geleverd en pas na uw toestemming geladen.",
        "nl_title": "De ochtendbrief",
        "nl_text": "Het belangrijkste nieuws uit de regio, elke ochtend gratis in uw mailbox.",
        "nl_ph": "Uw e-mailadres", "nl_button": "Gratis aanmelden",
        "nl_privacy": "Door u aan te melden gaat u akkoord met onze privacyverklaring. Afmelden kan altijd.",
        "cookie_title": "Wij respecteren uw privacy",
        "cookie_text": ["Wij en onze partners slaan informatie op uw apparaat op en lezen die uit.",
                        "Zo meten we het gebruik van onze site en tonen we passende advertenties.",
                        "U kunt uw keuze altijd wijzigen via de privacy-instellingen onderaan de pagina.",
                        "Zonder uw toestemming laden we geen inhoud van derden."],
        "accept": "Alles accepteren", "reject": "Alleen noodzakelijke", "settings": "Instellingen beheren",
        "footer_heads": ["Over ons", "Service", "Rubrieken", "Juridisch", "Volg ons", "Onze producten"],
        "footer_links": ["Colofon", "Privacyverklaring", "Algemene voorwaarden", "Contact", "Adverteren",
                         "Vacatures", "Toegankelijkheid", "Digitale krant", "Archief", "Lezersreizen",
                         "Advertentie plaatsen", "Redactie", "Veelgestelde vragen", "Cookie-instellingen",
                         "Klachtenregeling", "Spelregels", "Prijsvragen", "Klantenservice", "Abonnement cadeau geven"],
        "legal": ["Alle inhoud van deze site is auteursrechtelijk beschermd.",
                  "Niets mag worden overgenomen zonder schriftelijke toestemming van de uitgever.",
                  "De uitgever is niet aansprakelijk voor de inhoud van externe sites.",
                  "Abonnementsprijzen zijn inclusief btw."],
        "publisher": "Uitgeverij {place} B.V.", "top": "Naar boven",
    },
}
# Invented share networks, ad networks and CDNs (no real names in the chrome).
NETWORKS = ["Flockr", "Chatterly", "Linkwell", "Pinboardy", "Postwire", "Snapdeck", "Murmur"]
AD_NETS = ["adhive", "bidwell", "slotmax", "pixelyard", "admarsh"]
CDNS = ["static", "assets", "img", "cdn", "media", "js"]
# Words that ids, class names and JS identifiers of a theme are made of.
CODE_WORDS = ["ad", "slot", "consent", "page", "user", "track", "load", "render", "queue", "lazy", "frame", "beacon",
              "metric", "paywall", "teaser", "scroll", "view", "event", "config", "bid", "size", "ratio", "delay",
              "retry", "nav", "menu", "sticky", "header", "video", "player", "gallery", "share", "vendor", "purpose",
              "storage", "session", "visit", "audience", "segment", "flag", "feature", "layout", "image", "font"]
BLOCKS = ["header", "nav", "menu", "teaser", "card", "article", "sidebar", "footer", "btn", "ticker", "breadcrumb",
          "share", "ad", "newsletter", "consent", "grid", "col", "icon", "logo", "search", "tag", "byline", "media",
          "hero", "list", "widget", "section", "badge", "toolbar", "drawer", "modal", "player", "pager", "kicker"]
ELEMENTS = ["", "", "__title", "__link", "__item", "__icon", "__meta", "__inner", "__image", "__label", "__list", "__text"]
MODIFIERS = ["", "", "", "--active", "--large", "--small", "--dark", "--highlight", "--premium", "--compact"]
PSEUDOS = ["", "", "", ":hover", ":focus-visible", "::before", "::after", ":first-child", ":not(:last-child)", ">a"]


# --------------------------------------------------------------------------- themes
# A site's typical page size (bytes) is drawn from a log-normal split at its median (narrower
# below, wider above, as measured on real archived news pages); each page then varies around
# its site's size. Sites take their quantile from a golden-ratio sequence over the site number,
# so even the ~40 sites of a 10k folder spread over the whole distribution.
SIZE_MEDIAN = 87_000
SIGMA_SITE = (0.85, 0.86)  # below / above the median
SIGMA_PAGE = 0.35
MAX_PAGE = 1_500_000
GOLDEN = 0.6180339887498949
_NORMAL = NormalDist()

FAMILIES = [
    {"header": 'id="masthead" class="site-header"', "nav": 'id="site-navigation" class="main-navigation"',
     "menu": 'id="primary-menu" class="menu nav-menu"', "item": "menu-item menu-item-type-taxonomy", "sub": "sub-menu",
     "wrap": 'id="content" class="site-content"', "aside": 'id="secondary" class="widget-area sidebar"',
     "widget": "widget", "footer": 'id="colophon" class="site-footer"', "link": "", "prefix": "site-"},
    {"header": 'class="c-header" data-component="header"', "nav": 'class="c-nav" data-component="main-nav"',
     "menu": 'class="c-nav__list"', "item": "c-nav__item", "sub": "c-nav__sublist",
     "wrap": 'class="l-container l-container--with-sidebar"', "aside": 'class="c-sidebar l-sidebar"',
     "widget": "c-sidebar__box", "footer": 'class="c-footer" data-component="footer"', "link": "c-nav__link",
     "prefix": "c-"},
    {"header": 'class="sticky top-0 z-40 w-full border-b border-neutral-200 bg-white shadow-sm"',
     "nav": 'class="mx-auto hidden max-w-7xl px-4 lg:block"',
     "menu": 'class="flex flex-wrap items-center gap-x-6 gap-y-2 text-sm font-semibold uppercase tracking-wide"',
     "item": "group relative py-3", "sub": "invisible absolute left-0 top-full z-50 min-w-56 rounded-b bg-white p-3 shadow-lg group-hover:visible",
     "wrap": 'class="mx-auto grid max-w-7xl grid-cols-1 gap-8 px-4 lg:grid-cols-3"',
     "aside": 'class="sidebar hidden space-y-8 lg:block"', "widget": "rounded border border-neutral-200 p-4",
     "footer": 'class="mt-16 bg-neutral-900 text-neutral-300"',
     "link": "block py-1 text-neutral-800 hover:text-brand-600 hover:underline focus-visible:outline-2", "prefix": "tw-"},
    {"header": 'id="header"', "nav": 'id="navigation" class="navigation"', "menu": 'class="nav"', "item": "nav-item",
     "sub": "dropdown-menu", "wrap": 'id="wrapper" class="container"', "aside": 'id="sidebar" class="col-right sidebar"',
     "widget": "box", "footer": 'id="footer"', "link": "nav-link", "prefix": "td_"},
]
COOKIE_IDS = ["cookie-banner", "cookie-consent", "consent-dialog", "cmp-banner", "gdpr-notice", "privacy-banner"]
CSS_PROPS = [("color", "color"), ("background-color", "color"), ("margin", "box"), ("padding", "box"),
             ("font-size", "font"), ("line-height", "ratio"), ("font-weight", ("400", "500", "600", "700", "800")),
             ("display", ("block", "flex", "grid", "inline-block", "inline-flex", "none", "contents")),
             ("border-bottom", "border"), ("border-top", "border"), ("border-radius", "px"), ("gap", "px"),
             ("width", "pct"), ("max-width", "px4"), ("min-height", "px4"), ("z-index", "int"), ("opacity", "ratio"),
             ("position", ("relative", "absolute", "sticky", "fixed", "static")), ("text-transform", ("uppercase", "none")),
             ("letter-spacing", "em"), ("transition", "transition"), ("box-shadow", "shadow"),
             ("grid-template-columns", "grid"), ("align-items", ("center", "flex-start", "stretch", "baseline")),
             ("justify-content", ("space-between", "center", "flex-end")), ("overflow", ("hidden", "auto", "visible")),
             ("font-family", "family"), ("transform", "transform"), ("top", "px"), ("left", "px"), ("right", "px")]


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _slug(text: str) -> str:
    """'Bauen & Wohnen' -> 'bauen-wohnen' (the URL path of a menu entry)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "x"


def _json(data: object) -> str:
    """JSON for inside a <script>: no '<' or '&' (as frameworks write it; keeps XHTML well-formed)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c")


def _hex(rng: random.Random, digits: int = 8) -> str:
    return f"{rng.getrandbits(4 * digits):0{digits}x}"


def _site_target(number: int) -> float:
    """Typical page size of site ``number``: its golden-ratio quantile of the site distribution."""
    u = min(max((0.5 + number * GOLDEN) % 1.0, 1e-4), 1 - 1e-4)
    z = _NORMAL.inv_cdf(u)
    return SIZE_MEDIAN * math.exp(z * (SIGMA_SITE[0] if z < 0 else SIGMA_SITE[1]))


class _Vocab:
    """A theme's code vocabulary: class prefix, identifiers, colours, fonts, hosts."""

    def __init__(self, rng: random.Random, site: dict, family: dict) -> None:
        self.prefix = family["prefix"]
        self.idents = sorted({rng.choice(CODE_WORDS) + rng.choice(CODE_WORDS).capitalize() for _ in range(80)})
        self.colors = [f"#{_hex(rng, 6)}" for _ in range(rng.randint(6, 12))]
        self.fonts = [rng.choice(["Vollkorn", "Mirela Sans", "Tessera", "Halden Serif", "Orbis Grotesk", "Quiller"])
                      for _ in range(3)]
        self.domain = f"{site['name']}.example"
        self.ns = "__" + site["name"].split("-")[0].upper() + "_" + _hex(rng, 4).upper()
        self.adnet = rng.choice(AD_NETS)
        self.breakpoints = sorted(rng.sample([480, 600, 640, 768, 900, 1024, 1180, 1280, 1440], 3))
        self.blocks = rng.sample(BLOCKS, 18)


def _css_value(rng: random.Random, kind: str | tuple, v: _Vocab) -> str:
    if isinstance(kind, tuple):
        return rng.choice(kind)
    if kind == "color":
        return rng.choice(v.colors) if rng.random() < 0.7 else f"rgba({rng.randrange(256)},{rng.randrange(256)},{rng.randrange(256)},.{rng.randint(1, 9)})"
    if kind == "box":
        return " ".join(f"{rng.choice([0, 2, 4, 6, 8, 12, 16, 20, 24, 32])}px" for _ in range(rng.choice([1, 2, 4])))
    if kind == "font":
        return rng.choice([f"{rng.randint(11, 42)}px", f"{rng.randint(7, 30) / 10:g}rem", f"clamp(1rem,{rng.randint(2, 5)}vw,{rng.randint(2, 4)}rem)"])
    if kind == "ratio":
        return f"{rng.randint(1, 19) / 10:g}"
    if kind == "px":
        return f"{rng.choice([0, 1, 2, 3, 4, 6, 8, 10, 12, 16, 24])}px"
    if kind == "px4":
        return f"{rng.randint(4, 140) * 10}px"
    if kind == "pct":
        return f"{rng.choice([25, 33.333, 50, 66.666, 75, 100])}%"
    if kind == "int":
        return str(rng.choice([1, 2, 5, 10, 100, 999, 9999]))
    if kind == "em":
        return f".{rng.randint(1, 15):02d}em"
    if kind == "border":
        return f"{rng.randint(1, 4)}px {rng.choice(['solid', 'dashed', 'dotted'])} {rng.choice(v.colors)}"
    if kind == "transition":
        return f"{rng.choice(['color', 'opacity', 'transform', 'background-color', 'all'])} .{rng.randint(1, 5)}s ease-{rng.choice(['in', 'out', 'in-out'])}"
    if kind == "shadow":
        return f"0 {rng.randint(0, 8)}px {rng.randint(2, 30)}px rgba(0,0,0,.{rng.randint(5, 40):02d})"
    if kind == "grid":
        return f"repeat({rng.randint(2, 6)},minmax(0,1fr))"
    if kind == "family":
        return f'"{rng.choice(v.fonts)}",{rng.choice(["Georgia,serif", "Arial,Helvetica,sans-serif", "system-ui,sans-serif"])}'
    return f"translate{rng.choice('XY')}({rng.randint(-50, 50)}%)"


def _css_selector(rng: random.Random, v: _Vocab) -> str:
    selector = f".{v.prefix}{rng.choice(v.blocks)}{rng.choice(ELEMENTS)}{rng.choice(MODIFIERS)}"
    if rng.random() < 0.3:
        selector += f" .{v.prefix}{rng.choice(v.blocks)}{rng.choice(ELEMENTS)}"
    return selector + rng.choice(PSEUDOS)


def _css_rule_parts(rng: random.Random, v: _Vocab) -> tuple[list[str], list[str]]:
    """A theme's selectors and declaration blocks; its rules pair them (tens of thousands of pairs)."""
    selectors = [",".join(_css_selector(rng, v) for _ in range(rng.choice([1, 1, 1, 2, 3]))) for _ in range(300)]
    blocks = ["{" + ";".join(f"{name}:{_css_value(rng, kind, v)}" for name, kind in rng.sample(CSS_PROPS, rng.randint(2, 7))) + "}"
              for _ in range(300)]
    return selectors, blocks


def _css_chunk(rng: random.Random, v: _Vocab, parts: tuple[list[str], list[str]]) -> str:
    """About 1.5 KB of CSS rules, partly inside a media query."""
    selectors, blocks = parts
    rules = [s + b for s, b in zip(rng.choices(selectors, k=14), rng.choices(blocks, k=14))]
    if rng.random() < 0.5:
        cut = rng.randrange(len(rules))
        rules[cut:] = [f"@media (min-width:{rng.choice(v.breakpoints)}px){{" + "".join(rules[cut:]) + "}"]
    return "".join(rules)


JS_TEMPLATES = [
    'function {f}({a},{b}){{var {c}=document.querySelectorAll("[data-{attr}]");for(var i=0;i<{c}.length;i++){{'
    'var {d}={c}[i];if({d}.getAttribute("data-{attr}")==={a}){{{d}.classList.add("{cls}--{mod}")}}'
    'else if({b}){{{d}.classList.remove("{cls}--{mod}")}}}}return {c}.length}}',
    '{ns}.{f}=function({a}){{return new Promise(function(resolve,reject){{var s=document.createElement("script");'
    's.src="https://{cdn}.{domain}/js/{attr}.{hash}.js?v={n}&id="+encodeURIComponent({a});s.async=true;'
    's.onload=resolve;s.onerror=function(){{reject(new Error("{f} failed: "+{a}))}};document.head.appendChild(s)}})}};',
    'var {c}={{{k1}:{n},{k2}:"{hash}",{k3}:[{n2},{n3},{n}],{k4}:{flag},{k5}:"{cls}"}};{ns}.{f}={c};',
    'window.addEventListener("{evt}",function({a}){{if(!{ns}.{k1}){{return}}{ns}.queue.push(["{f}",{a}.{k2}||null,'
    'Date.now()-{n}]);if({ns}.queue.length>{n2}){{{ns}.flush("{hash}")}}}},{{passive:true}});',
    '{ns}.slots.push({{id:"{attr}-{n2}",path:"/{n}/{site}/{attr}",sizes:[[{w},{h}],[{w2},{h2}]],'
    'targeting:{{pos:"{attr}",kw:["{k1}","{k2}"]}},lazy:{flag},refresh:{n3}}});',
    'function {f}({a}){{try{{var {b}=JSON.parse(localStorage.getItem("{k1}")||"{{}}");{b}.{k2}=({b}.{k2}||0)+1;'
    '{b}.{k3}={a};localStorage.setItem("{k1}",JSON.stringify({b}));return {b}}}catch({c}){{return null}}}}',
    '!function(e,t){{"use strict";var n=t.getElementById("{attr}-{n}");if(n){{var r=new IntersectionObserver('
    'function(o){{o.forEach(function(i){{i.isIntersecting&&(i.target.dataset.{k1}="{hash}",{ns}.{f}(i.target))}})}},'
    '{{rootMargin:"{n2}px 0px"}});t.querySelectorAll(".{cls}").forEach(function(a){{r.observe(a)}})}}}}(window,document);',
    '{ns}.{f}=function({a},{b}){{var {c}=Object.assign({{}},{ns}.{k1}||{{}},{b}||{{}});switch({a}){{case "{evt}":'
    '{c}.{k2}={n};break;case "{attr}":{c}.{k3}="{hash}";break;default:{c}.{k4}=!{c}.{k4}}}{ns}.{k1}={c};return {c}}};',
]
JS_EVENTS = ["scroll", "resize", "load", "visibilitychange", "pagehide", "click", "keydown", "message", "focus"]


def _js_statements(rng: random.Random, v: _Vocab, site: str) -> list[str]:
    """A theme's generated JS statements (functions, configs, listeners); its scripts draw from them."""
    statements = []
    for _ in range(200):
        a, b, c, d, f, k1, k2, k3, k4, k5 = rng.sample(v.idents, 10)
        statements.append(rng.choice(JS_TEMPLATES).format(
            ns=v.ns, f=f, a=a, b=b, c=c, d=d, k1=k1, k2=k2, k3=k3, k4=k4, k5=k5,
            attr=rng.choice(CODE_WORDS), cls=f"{v.prefix}{rng.choice(v.blocks)}", mod=rng.choice(MODIFIERS[3:])[2:],
            cdn=rng.choice(CDNS), domain=v.domain, hash=_hex(rng), n=rng.randint(1, 99999), n2=rng.randint(2, 500),
            n3=rng.randint(0, 120), flag=rng.choice(["true", "false", "!0", "!1"]), evt=rng.choice(JS_EVENTS),
            site=site, w=rng.choice([300, 320, 728, 970]), h=rng.choice([50, 90, 250, 600]),
            w2=rng.choice([160, 300, 336]), h2=rng.choice([100, 250, 280, 600])))
    return statements


def _js_chunk(rng: random.Random, statements: list[str], xhtml: bool) -> str:
    """One inline <script> of about 2 KB of code."""
    body = "\n".join(rng.choices(statements, k=7))
    return f"<script>//<![CDATA[\n{body}\n//]]></script>" if xhtml else f"<script>{body}</script>"


class _Chunks:
    """Generated code chunks of one site, made on demand in a fixed order (so deterministic)."""

    def __init__(self, make: Callable[[random.Random], str], rng: random.Random) -> None:
        self.make, self.rng = make, rng
        self.texts: list[str] = []
        self.ends = [0]
        self.encoded: dict[str, list[bytes]] = {}

    def take(self, budget: float, charset: str) -> list[bytes]:
        """The first chunks, as many as fill ``budget`` characters (none if it is not positive), encoded."""
        while self.ends[-1] < budget:
            piece = self.make(self.rng)
            self.texts.append(piece)
            self.ends.append(self.ends[-1] + len(piece))
        count = bisect.bisect_left(self.ends, budget)
        items = self.encoded.setdefault(charset, [])
        while len(items) < count:
            items.append(self.texts[len(items)].encode(charset, errors="xmlcharrefreplace"))
        return items[:count]


def _svg_path(rng: random.Random, points: int) -> str:
    """Path data of an icon: relative curves and lines with their right number of coordinates."""
    arity = {"c": 6, "s": 4, "q": 4, "l": 2}
    steps = "".join(command + " ".join(f"{rng.randint(-90, 90) / 10:g}" for _ in range(arity[command]))
                    for command in rng.choices("cslq", k=points))
    return f"M{rng.randint(0, 24)} {rng.randint(0, 24)}{steps}z"


class Theme:
    """The chrome of one site, built once: site-wide parts as text, code chunks made on demand."""

    def __init__(self, site: dict) -> None:
        number = site["number"]
        rng = random.Random(f"theme-{site['seed']}-{number}")
        self.site = site
        self.xhtml = site["fmt"] == "xhtml"
        self.words = CHROME[site["lang"]]
        self.family = family = FAMILIES[number % len(FAMILIES)]
        self.v = v = _Vocab(rng, site, family)
        self.target = _site_target(number)
        # how much of each bounded amount (menu links, icons, columns) a site has grows with its size
        g = min(max(math.log(self.target / 30_000) / math.log(10), 0.0), 1.0)
        self.display = f"{site['place']} {['Bote', 'News', 'Courier', 'Journal', 'Blog'][number % 5]}"
        self.sections = self._menu(rng, g)
        self.css_share = rng.uniform(0.25, 0.6)
        code_rng = random.Random(f"code-{site['seed']}-{number}")
        rule_parts = _css_rule_parts(code_rng, v)
        statements = _js_statements(code_rng, v, site["name"])
        self.css = _Chunks(lambda r: _css_chunk(r, v, rule_parts), code_rng)
        self.js = _Chunks(lambda r: _js_chunk(r, statements, self.xhtml), random.Random(f"js-{site['seed']}-{number}"))
        self.ticker = [f"{rng.choice(POOLS[site['lang']])[:-1]} ({site['start'] + rng.randrange(site['size'])})"
                       for _ in range(rng.randint(4, 8))]
        self.thumbs = rng.random() < 2 * g  # small themes list teasers without thumbnails
        self.recommended = int(4 + 16 * g)  # teasers repeated in the page's JSON data
        self.head = self._head(rng, g)
        self.inline_scripts, self.external_scripts = self._head_scripts(rng, g)
        self.top = self._top(rng, g)
        self.share = self._share(rng, g)
        self.ad_below = self._ad(rng, "content", 1)
        self.sidebar_ads = [self._ad(rng, "sidebar", k) for k in range(1 + int(2 * g))]
        self.newsletter = self._newsletter(rng)
        self.footer = self._footer(rng, g)
        self.closing = self._closing(rng, g)
        # site-wide parts spliced into every page (the page-specific ones are counted per page)
        self.fixed = sum(map(len, (self.head, self.inline_scripts, self.external_scripts, self.top, self.footer,
                                   self.closing))) + 40
        self._cache: dict[tuple[str, str], bytes] = {}
        self._teasers: list[tuple[str, str]] | None = None

    # -- site-wide parts
    def _void(self, tag: str, attrs: str) -> str:
        return f"<{tag} {attrs} />"

    def _flag(self, name: str) -> str:
        """A boolean attribute: bare in HTML, name="name" in XHTML."""
        return f'{name}="{name}"' if self.xhtml else name

    def _menu(self, rng: random.Random, g: float) -> list[tuple[str, str, list[tuple[str, str]]]]:
        words = self.words
        links = min(150, rng.randint(40, 40 + int(110 * g) + 1))
        tops = rng.sample(words["sections"], rng.randint(8, min(16, len(words["sections"]))))
        labels = (words["topics"] + [f"{p} {q}" for p in PLACES for q in words["quarters"]]
                  + [f"{t} {p}" for t in words["topics"] for p in PLACES])
        labels = rng.sample(labels, links - len(tops))
        cuts = [0, *sorted(rng.sample(range(1, len(labels)), len(tops) - 1)), len(labels)]
        return [(top, _slug(top), [(s, f"/{_slug(top)}/{_slug(s)}/") for s in labels[a:b]])
                for top, a, b in zip(tops, cuts, cuts[1:])]

    def _head(self, rng: random.Random, g: float) -> str:
        v, site, lang = self.v, self.site, self.site["lang"]
        m = self._void
        parts = [m("meta", 'name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover"'),
                 m("meta", 'name="robots" content="index, follow, max-image-preview:large, max-snippet:-1, max-video-preview:-1"'),
                 m("meta", f'name="theme-color" content="{v.colors[0]}"'),
                 m("meta", 'name="format-detection" content="telephone=no"'),
                 m("meta", f'property="og:locale" content="{lang}_{lang.upper()}"'),
                 m("meta", 'name="twitter:card" content="summary_large_image"'),
                 m("meta", f'name="twitter:site" content="@{site["name"].split("-")[0]}{site["number"]}"'),
                 m("meta", f'name="verify-{v.adnet}" content="{_hex(rng, 32)}"')]
        for host in rng.sample(CDNS, rng.randint(2, 3 + int(3 * g))):
            parts.append(m("link", f'rel="preconnect" href="https://{host}.{v.domain}" {self._flag("crossorigin")}'))
        for net in rng.sample(AD_NETS, rng.randint(1, 2 + int(3 * g))):
            parts.append(m("link", f'rel="dns-prefetch" href="//{net}.example"'))
        for font in v.fonts[:1 + int(2 * g)]:
            parts.append(m("link", f'rel="preload" href="https://static.{v.domain}/fonts/{_slug(font)}-{rng.choice([400, 600, 700])}.{_hex(rng, 6)}.woff2" as="font" type="font/woff2" {self._flag("crossorigin")}'))
        for k in range(1 + int(9 * g * rng.random())):
            name = rng.choice(["main", "theme", "vendor", "article", "print", "widgets", "fonts", "ads", "consent"])
            parts.append(m("link", f'rel="stylesheet" id="{name}-css-{k}" href="https://static.{v.domain}/css/{name}.{_hex(rng)}.css?ver={rng.randint(1, 9)}.{rng.randint(0, 40)}" media="{"print" if name == "print" else "all"}"'))
        parts += [m("link", 'rel="icon" href="/favicon.ico" sizes="any"'),
                  m("link", 'rel="icon" href="/icon.svg" type="image/svg+xml"'),
                  m("link", 'rel="manifest" href="/site.webmanifest"'),
                  m("link", f'rel="search" type="application/opensearchdescription+xml" title="{_esc(self.display)}" href="/opensearch.xml"'),
                  m("link", f'rel="alternate" type="application/rss+xml" title="{_esc(self.display)}" href="/feed/"')]
        for size in rng.sample([57, 60, 72, 76, 114, 120, 144, 152, 180], rng.randint(1, 2 + int(5 * g))):
            parts.append(m("link", f'rel="apple-touch-icon" sizes="{size}x{size}" href="/icons/apple-touch-icon-{size}x{size}.png"'))
        for label, slug, _ in self.sections[:rng.randint(0, 1 + int(8 * g))]:
            parts.append(m("link", f'rel="alternate" type="application/rss+xml" title="{_esc(label)}" href="/{slug}/feed/"'))
        faces = "".join(f'@font-face{{font-family:"{font}";font-style:normal;font-weight:{weight};font-display:swap;'
                        f'src:url(https://static.{v.domain}/fonts/{_slug(font)}-{weight}.woff2) format("woff2")}}'
                        for font in v.fonts[:1 + int(2 * g)] for weight in (400, 700))
        root = ":root{" + ";".join(f"--{v.prefix}color-{k}:{c}" for k, c in enumerate(v.colors)) + "}"
        parts.append(f'<style id="{v.prefix}fonts">{faces}{root}</style>')
        return "".join(parts)

    def _head_scripts(self, rng: random.Random, g: float) -> tuple[str, str]:
        """(inline config and loader scripts, external script tags) of <head>."""
        v, site = self.v, self.site
        config = {"site": site["name"], "lang": site["lang"], "adnet": v.adnet, "env": "production",
                  "release": _hex(rng, 12), "consent": {"vendor": rng.randint(100, 999), "purposes": rng.sample(range(1, 12), 5)},
                  "features": {i: rng.random() < 0.5 for i in rng.sample(v.idents, 12)},
                  "menu": [{"label": label, "url": f"/{slug}/", "children": len(subs)} for label, slug, subs in self.sections]}
        blob = _json(config)
        open_, close = ("<script>//<![CDATA[\n", "\n//]]></script>") if self.xhtml else ("<script>", "</script>")
        scripts = [f"{open_}window.dataLayer=window.dataLayer||[];window.{v.ns}={blob};"
                   f"window.{v.ns}.queue=[];window.{v.ns}.slots=[];window.{v.ns}.flush=function(r){{"
                   f"navigator.sendBeacon&&navigator.sendBeacon('https://metrics.{v.domain}/b?r='+r,JSON.stringify(window.{v.ns}.queue.splice(0)))}};{close}",
                   f'{open_}(function(w,d,s,u){{w.{rng.choice(v.idents)}=w.{rng.choice(v.idents)}||function(){{(w.q=w.q||[]).push(arguments)}};'
                   f'var e=d.createElement(s);e.async=1;e.src=u;d.getElementsByTagName(s)[0].parentNode.insertBefore(e,d.getElementsByTagName(s)[0])}})'
                   f'(window,document,"script","https://{v.adnet}.example/tag/{_hex(rng)}.js");{close}']
        externals = [f'<script src="https://js.{v.domain}/{rng.choice(["runtime", "vendor", "app", "consent", "player", "analytics", "paywall", "lazy", "polyfills"])}.{_hex(rng)}.js" '
                     f'{self._flag(rng.choice(["defer", "async"]))}></script>' for _ in range(3 + int(22 * g * rng.random()))]
        return "".join(scripts), "".join(externals)

    def _sprite(self, rng: random.Random, g: float) -> str:
        names = ["menu", "close", "search", "user", "arrow", "play", "clock", "comment", "mail", "print", "bookmark",
                 "chevron", "camera", "video", "location", "star", "lock", "bell", "sun", "cloud"] + [n.lower() for n in NETWORKS]
        count = min(len(names), 5 + int(22 * g))
        symbols = "".join(f'<symbol id="i-{name}" viewBox="0 0 24 24"><path d="{_svg_path(rng, rng.randint(3, 4 + int(30 * g)))}" /></symbol>'
                          for name in names[:count])
        return f'<svg xmlns="http://www.w3.org/2000/svg" style="display:none" aria-hidden="true">{symbols}</svg>'

    def _nav(self, rng: random.Random) -> str:
        f, link = self.family, self.family["link"]
        link_attr = f' class="{link}"' if link else ""
        items = []
        for k, (label, slug, subs) in enumerate(self.sections):
            sub = "".join(f'<li class="{f["item"]} menu-item-{rng.randint(100, 99999)}"><a href="{href}"{link_attr}>{_esc(text)}</a></li>'
                          for text, href in subs)
            items.append(f'<li class="{f["item"]} menu-item-has-children menu-item-{k}"><a href="/{slug}/"{link_attr} '
                         f'data-track="nav|{slug}">{_esc(label)}</a><ul class="{f["sub"]}">{sub}</ul></li>')
        return f'<nav {f["nav"]} aria-label="{_esc(self.words["menu"])}"><ul {f["menu"]}>{"".join(items)}</ul></nav>'

    def _top(self, rng: random.Random, g: float) -> str:
        w, f, v = self.words, self.family, self.v
        logo = _svg_path(rng, 8 + int(60 * g))
        header = (f'<header {f["header"]}><div class="{v.prefix}header__inner">'
                  f'<div class="{v.prefix}branding"><a class="{v.prefix}logo" href="/" rel="home" aria-label="{_esc(self.display)}">'
                  f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 48" width="240" height="48" role="img"><path d="{logo}" /></svg></a></div>'
                  f'<button type="button" class="{v.prefix}menu-toggle" aria-controls="primary-menu" aria-expanded="false">'
                  f'<svg width="24" height="24"><use href="#i-menu" /></svg><span class="screen-reader-text">{_esc(w["menu"])}</span></button>'
                  f'<form class="{v.prefix}search-form" role="search" action="/search/" method="get"><label for="q" class="screen-reader-text">{_esc(w["search"])}</label>'
                  f'<input type="search" id="q" name="q" placeholder="{_esc(w["search_ph"])}" /><button type="submit">'
                  f'<svg width="20" height="20"><use href="#i-search" /></svg></button></form>'
                  f'<a class="{v.prefix}login" href="/account/login/">{_esc(w["login"])}</a>'
                  f'<a class="{v.prefix}cta" href="/subscribe/">{_esc(w["subscribe"])}</a></div>'
                  f'{self._nav(rng)}</header>')
        ticker = "".join(f'<li class="ticker__item"><a href="/{self.site["name"]}/{line.rsplit("(", 1)[1][:-1]}.html">{_esc(line)}</a></li>'
                         for line in self.ticker)
        # small themes (blogs) often have no ticker and no billboard ad
        if rng.random() < 0.5 + g:
            ticker = (f'<div class="ticker" role="region" aria-label="{_esc(w["ticker"])}"><span class="ticker__label">{_esc(w["ticker"])}</span>'
                      f'<ul class="ticker__list">{ticker}</ul></div>')
        else:
            ticker = ""
        billboard = self._ad(rng, "top", 0) if rng.random() < 0.5 + g else ""
        return (f'{self._sprite(rng, g)}<a class="skip-link screen-reader-text" href="#main">{_esc(w["skip"])}</a>'
                f'<div id="page" class="{v.prefix}page">{billboard}{header}{ticker}')

    def _share(self, rng: random.Random, g: float) -> str:
        """The share bar; a NUL character stands for the page's URL (URL-encoded)."""
        links = "".join(f'<a class="share-buttons__link share-buttons__link--{n.lower()}" href="https://{n.lower()}.example/share?u=\x00" '
                        f'target="_blank" rel="noopener"><svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true"><path d="{_svg_path(rng, rng.randint(3, 4 + int(16 * g)))}" /></svg>'
                        f'<span class="screen-reader-text">{_esc(self.words["share"])} {n}</span></a>'
                        for n in rng.sample(NETWORKS, rng.randint(3, 3 + int(4 * g))))
        return f'<div class="share-buttons" data-url="\x00">{links}</div>'

    def _ad(self, rng: random.Random, pos: str, k: int) -> str:
        width, height = {"top": (970, 250), "content": (728, 90), "sidebar": (300, 600)}[pos]
        kind = rng.choice(["ad-slot", "ad-container", "advert"])
        return (f'<div class="{kind} {kind}--{pos}" id="{self.v.prefix}ad-{pos}-{k}" data-ad-unit="/{rng.randint(1000, 99999)}/{self.site["name"]}/{pos}" '
                f'data-sizes="[[{width},{height}]]"><span class="{kind}__label">{_esc(LANGS[self.site["lang"]]["ad"])}</span>'
                f'<iframe src="https://{self.v.adnet}.example/frame/{_hex(rng)}.html" title="{_esc(LANGS[self.site["lang"]]["ad"])}" '
                f'width="{width}" height="{height}" loading="lazy" scrolling="no" style="border:0"></iframe></div>')

    def _newsletter(self, rng: random.Random) -> str:
        w, p = self.words, self.v.prefix
        return (f'<section class="newsletter-box"><form class="newsletter-box__form" action="/newsletter/subscribe/" method="post">'
                f'<h2 class="newsletter-box__title">{_esc(w["nl_title"])}</h2><p class="newsletter-box__text">{_esc(w["nl_text"])}</p>'
                f'<label for="{p}nl-email" class="screen-reader-text">{_esc(w["nl_ph"])}</label>'
                f'<input type="email" id="{p}nl-email" name="email" required="required" placeholder="{_esc(w["nl_ph"])}" />'
                f'<input type="hidden" name="list" value="{_hex(rng)}" /><button type="submit">{_esc(w["nl_button"])}</button>'
                f'<p class="newsletter-box__privacy">{_esc(w["nl_privacy"])}</p></form></section>')

    def _footer(self, rng: random.Random, g: float) -> str:
        w, f, v = self.words, self.family, self.v
        columns = []
        for head in rng.sample(w["footer_heads"], rng.randint(3, 3 + round(2 * g))):
            links = rng.sample(w["footer_links"], min(len(w["footer_links"]), 4 + int(11 * g * rng.random())))
            items = "".join(f'<li><a href="/{_slug(text)}/">{_esc(text)}</a></li>' for text in links)
            columns.append(f'<div class="{v.prefix}footer__col"><h3 class="{v.prefix}footer__heading">{_esc(head)}</h3><ul>{items}</ul></div>')
        # bigger themes repeat the sections in the footer
        sections = "".join(f'<li><a href="/{slug}/">{_esc(label)}</a></li>' for label, slug, _ in self.sections if g > 0.3)
        social = "".join(f'<a href="https://{n.lower()}.example/{self.site["name"]}" aria-label="{n}"><svg width="24" height="24"><use href="#i-{n.lower()}" /></svg></a>'
                         for n in NETWORKS[:rng.randint(3, len(NETWORKS))])
        legal = " ".join(rng.sample(w["legal"], rng.randint(2, len(w["legal"]))))
        publisher = w["publisher"].format(place=self.site["place"])
        return (f'<footer {f["footer"]}><div class="{v.prefix}footer__columns">{"".join(columns)}</div>'
                f'<ul class="{v.prefix}footer__sections">{sections}</ul><div class="{v.prefix}footer__social">{social}</div>'
                f'<div class="{v.prefix}footer__legal"><p>{_esc(legal)}</p><p>{_esc(publisher)}</p>')

    def _closing(self, rng: random.Random, g: float) -> str:
        w = self.words
        ident = rng.choice(COOKIE_IDS)
        text = " ".join(w["cookie_text"][:rng.randint(2, len(w["cookie_text"]))])
        privacy = w["footer_links"][1]
        cookie = (f'<div id="{ident}" class="{ident} {ident}--bottom" role="dialog" aria-modal="true" aria-labelledby="{ident}-title">'
                  f'<div class="{ident}__inner"><h2 id="{ident}-title">{_esc(w["cookie_title"])}</h2><p>{_esc(text)}</p>'
                  f'<p><a href="/{_slug(privacy)}/">{_esc(privacy)}</a></p><div class="{ident}__buttons">'
                  f'<button type="button" data-consent="all">{_esc(w["accept"])}</button>'
                  f'<button type="button" data-consent="necessary">{_esc(w["reject"])}</button>'
                  f'<button type="button" data-consent="settings">{_esc(w["settings"])}</button></div></div></div>')
        top = f'<a class="{self.v.prefix}back-to-top" href="#page">{_esc(w["top"])}</a>'
        return f"{top}</div>{cookie}"

    # -- per page
    def _teaser_pool(self) -> list[tuple[str, str]]:
        """(<li> markup, JSON) of the site's teasers: headlines of its pages, made once."""
        if self._teasers is None:
            rng = random.Random(f"teasers-{self.site['seed']}-{self.site['number']}")
            pool, site, v = POOLS[self.site["lang"]], self.site, self.v
            self._teasers = []
            for k in range(160):
                number = site["start"] + rng.randrange(site["size"])
                line = f"{rng.choice(pool)[:-1]} ({number})"
                thumb = f"https://img.{v.domain}/t/{_hex(rng)}"
                img = f'<img src="{thumb}-120x80.jpg" alt="" width="120" height="80" loading="lazy" />' if self.thumbs else ""
                markup = (f'<li class="teaser-list__item"><a href="/{site["name"]}/{number}.html">{img}'
                          f'<span class="teaser-list__title">{_esc(line)}</span></a></li>')
                data = _json({"id": number, "title": line, "section": self.sections[k % len(self.sections)][0],
                              "url": f"https://{v.domain}/{number}.html", "image": f"{thumb}-320x180.jpg"})
                self._teasers.append((markup, data))
        return self._teasers

    def teasers(self, rng: random.Random) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """(most read, latest) teasers of a page: 10 to 20 of the site's, drawn per page."""
        chosen = rng.sample(self._teaser_pool(), rng.randint(10, 20))
        return chosen[:len(chosen) // 2], chosen[len(chosen) // 2:]

    def _encoded(self, name: str, charset: str) -> bytes:
        """A site-wide part, encoded once per charset."""
        key = (name, charset)
        data = self._cache.get(key)
        if data is None:
            data = self._cache[key] = getattr(self, name).encode(charset, errors="xmlcharrefreplace")
        return data

    def page(self, index: int, *, head: str, title: str, description: str, date: str, main: str,
             charset: str, og_type: str = "article") -> bytes:
        """The page: ``head`` (its own first head tags, as ever), the theme, and ``main`` (the existing
        <main> markup) in it; encoded in ``charset``."""
        rng = random.Random(index * 2_654_435_761 + 97)
        site, w, v, f = self.site, self.words, self.v, self.family
        url = f"https://{v.domain}/{index}.html"
        section, slug, subs = self.sections[index % len(self.sections)]
        author = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        tags = [s for s, _ in rng.sample(subs, min(len(subs), rng.randint(2, 6)))]
        image = f"https://img.{v.domain}/{date[:4]}/{index}/{(index * 2_654_435_761) & 0xFFFFFFFF:08x}-1200x630.jpg"
        described, titled = _esc(description), _esc(title)
        m = self._void
        meta = "".join([
            m("meta", f'name="description" content="{described}"'), m("meta", f'property="og:url" content="{url}"'),
            m("meta", f'property="og:description" content="{described}"'), m("meta", f'property="og:image" content="{image}"'),
            m("meta", 'property="og:image:width" content="1200"'), m("meta", 'property="og:image:height" content="630"'),
            m("meta", f'name="twitter:title" content="{titled}"'), m("meta", f'name="twitter:description" content="{described}"'),
            m("meta", f'name="twitter:image" content="{image}"'), m("meta", f'property="article:section" content="{_esc(section)}"'),
            *(m("meta", f'property="article:tag" content="{_esc(t)}"') for t in tags),
            m("link", f'rel="amphtml" href="https://{v.domain}/amp/{index}.html"')])
        if og_type == "article":
            ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title, "description": description,
                  "datePublished": date, "dateModified": date, "inLanguage": site["lang"], "image": [image],
                  "author": [{"@type": "Person", "name": author, "url": f"https://{v.domain}/author/{_slug(author)}/"}],
                  "publisher": {"@type": "Organization", "name": site["name"],
                                "logo": {"@type": "ImageObject", "url": f"https://static.{v.domain}/logo.png"}},
                  "mainEntityOfPage": {"@type": "WebPage", "@id": url}, "articleSection": section, "keywords": tags}
        else:
            ld = {"@context": "https://schema.org", "@type": "CollectionPage", "name": title, "url": url,
                  "inLanguage": site["lang"], "isPartOf": {"@type": "WebSite", "name": site["name"], "url": f"https://{v.domain}/"}}
        most, latest = self.teasers(rng)
        page_data = _json({"id": index, "type": og_type, "section": section, "tags": tags, "published": date,
                           "author": author, "paywall": rng.random() < 0.2, "words": rng.randint(200, 1500)})
        recommended = ",".join(data for _, data in (most + latest)[:self.recommended])
        crumbs = (f'<nav class="breadcrumbs" aria-label="breadcrumb"><ol><li><a href="/">{_esc(w["home"])}</a></li>'
                  f'<li><a href="/{slug}/">{_esc(section)}</a></li><li aria-current="page">{_esc(title[:60])}</li></ol></nav>')
        ads = self.sidebar_ads
        sidebar = (f'<aside {f["aside"]}><section class="{f["widget"]} widget--most-read"><h2 class="widget-title">{_esc(w["most_read"])}</h2>'
                   f'<ol class="teaser-list">{"".join(markup for markup, _ in most)}</ol></section>{ads[0]}'
                   f'<section class="{f["widget"]} widget--latest"><h2 class="widget-title">{_esc(w["latest"])}</h2><ul class="teaser-list">'
                   f'{"".join(markup for markup, _ in latest)}</ul></section>{"".join(ads[1:])}</aside>')
        if og_type == "article":
            below = (f'{self.ad_below}{self.newsletter}<section id="comments" class="comments-area" data-thread="{site["name"]}-{index}">'
                     f'<h2 class="comments-title">{_esc(w["comments"])} ({rng.randint(0, 240)})</h2>'
                     f'<button type="button" class="comments-area__load">{_esc(w["load_comments"])}</button>'
                     f'<div id="comment-embed" class="comments-area__embed" data-src="https://talk.{v.domain}/embed/{index}"></div>'
                     f'<p class="comments-area__note">{_esc(w["comments_note"])}</p></section>')
            main = main.replace("</article>", "</article>" + below, 1)
        share = self.share.replace("\x00", f"https%3A%2F%2F{v.domain}%2F{index}.html")
        # the page's own parts; each NUL marks where site parts go (spliced in below, encoded once)
        middle = "".join([
            meta, f'<script type="application/ld+json">{_json(ld)}</script>', "\x00",
            f'<script id="__PAGE_DATA__" type="application/json">{{"page":{page_data},"recommendations":[{recommended}]}}</script>', "\x00",
            f'</head><body class="{og_type} {og_type}-{index} section-{slug} lang-{site["lang"]}">', "\x00",
            crumbs, f'<div {f["wrap"]}>', share, main, sidebar, "</div>", "\x00",
            f'<p>{site["footer"][0]}</p><p>© 20{10 + index % 14} {site["name"]}</p></div></footer>', "\x00"])
        # the generated CSS and JS fill what the other parts leave of this page's size
        target = min(self.target * math.exp(SIGMA_PAGE * max(-2.5, min(2.5, rng.gauss(0, 1)))), MAX_PAGE)
        budget = target - self.fixed - len(head) - len(middle)
        css = self.css.take(budget * self.css_share, charset)
        style = [f'<style id="{v.prefix}critical-css">'.encode(), *css, b"</style>"] if css else []
        js = self.js.take(budget * (1 - self.css_share), charset)
        # page parts are encoded here, the site's parts once per charset; one join copies it all
        page_parts = middle.encode(charset, errors="xmlcharrefreplace").split(b"\x00")
        enc = self._encoded
        return b"".join([
            head.encode(charset, errors="xmlcharrefreplace"), page_parts[0], enc("head", charset),
            *style, enc("inline_scripts", charset),
            page_parts[1], enc("external_scripts", charset), page_parts[2], enc("top", charset), page_parts[3],
            enc("footer", charset), page_parts[4], enc("closing", charset), *js, b"</body></html>\n"])


_THEMES: dict[tuple[int, int], Theme] = {}


def theme_of(site: dict) -> Theme:
    """The site's theme, built once per process (pages come in site order, so a few suffice)."""
    key = (site["seed"], site["number"])
    theme = _THEMES.get(key)
    if theme is None:
        if len(_THEMES) >= 4:
            _THEMES.pop(next(iter(_THEMES)))
        theme = _THEMES[key] = Theme(site)
    return theme


# --------------------------------------------------------------------------- sites
@lru_cache(maxsize=2)
def plan_sites(total: int, seed: int) -> list[dict]:
    """Sites of 20-500 pages until ``total`` pages are covered (deterministic; cached, never change it)."""
    rng = random.Random(seed)
    sites, covered, number = [], 0, 0
    while covered < total:
        size = rng.randint(20, 500)
        lang = rng.choice(list(LANGS))
        fmt = rng.choice(FORMATS)
        charset = "windows-1252" if fmt in ("html", "htm") and lang != "pl" and rng.random() < 0.2 else "utf-8"
        noise = sorted(rng.sample(NOISE, rng.randint(4, len(NOISE))))
        place = rng.choice(PLACES)
        name = f"{place.lower().replace(' ', '-')}-{['bote', 'news', 'courier', 'journal', 'blog'][number % 5]}-{number:04d}"
        footer = [f"{place} {['Bote', 'News', 'Courier', 'Journal', 'Blog'][number % 5]} – {rng.choice(['Nachrichten', 'News', 'Infos'])} aus der Region {number}",
                  f"Newsletter {number}: {rng.choice(['jeden Morgen', 'every morning', 'chaque matin'])}"]
        sites.append({"start": covered, "size": size, "lang": lang, "fmt": fmt, "charset": charset, "noise": noise,
                      "name": name, "place": place, "footer": footer, "number": number, "seed": seed})
        covered += size
        number += 1
    return sites


def site_of_page(sites: list[dict], index: int) -> dict:
    lo, hi = 0, len(sites) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if sites[mid]["start"] <= index:
            lo = mid
        else:
            hi = mid - 1
    return sites[lo]


# --------------------------------------------------------------------------- pages
def page_content(index: int, site: dict) -> tuple[str, list[str], list[str], str]:
    """(title, article paragraphs, noise lines placed after paragraph 2, teaser) of one page."""
    rng = random.Random(index * 7919 + 17)
    lang = site["lang"]
    words = LANGS[lang]
    pool = POOLS[lang]
    title = f"{rng.choice(pool)[:-1]} ({index})"
    paragraphs = []
    for p in range(rng.randint(4, 9)):
        sentences = [rng.choice(pool) for _ in range(rng.randint(2, 5))]
        sentences.append(rng.choice(words["tail"]).format(n=f"{rng.randint(2, 900)}.{rng.randint(100, 999)}"))
        if p == 0:
            sentences.insert(0, f"{site['place']}, {index % 28 + 1}. {words['month']}:")
        paragraphs.append(" ".join(sentences))
    noise = site["noise"]
    person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    if "punct" in noise and rng.random() < 0.4:
        paragraphs[1] = paragraphs[1][:-1] + "“. .“"
    if "glue" in noise and rng.random() < 0.4:
        paragraphs[2] = paragraphs[2][:-1] + words["glue"] + paragraphs[2][-1:]
    if "moji" in noise and site["charset"] == "utf-8" and rng.random() < 0.3:
        paragraphs[-1] = moji(paragraphs[-1])
    extra = []
    teaser = rng.choice(pool)[:-1]
    if "ad" in noise:
        extra.append(words["ad"])
    if "see" in noise:
        extra.append(words["see"] + teaser)
    if "credit" in noise:
        extra += [f"{words['credit']}{person}/{site['place']}", f"{rng.choice(pool)}"]
    if "source" in noise:
        extra.append(words["source"])
    if "repeated" in noise:
        extra += site["footer"]
    return title, paragraphs, extra, teaser


def tail_noise(site: dict, index: int) -> list[str]:
    words = LANGS[site["lang"]]
    rng = random.Random(index)
    lines = []
    if "author" in site["noise"]:
        lines += [words["author"], f"{rng.choice(FIRST)} {rng.choice(LAST)} schreibt seit {2000 + index % 20} für uns."]
    if "check" in site["noise"]:
        lines += ["Check Also", rng.choice(POOLS[site["lang"]])[:-1]]
    if "comment" in site["noise"]:
        lines += words["comment"]
    return lines


def _date(index: int) -> str:
    return f"20{10 + index % 14:02d}-0{1 + index % 9}-1{index % 9}T08:00:00+00:00"


def html_page(index: int, site: dict) -> bytes:
    """An article page, encoded: its own head tags and <main> as ever, inside the site's theme."""
    title, paragraphs, extra, teaser = page_content(index, site)
    noise_html = "".join(f"<p>{line}</p>" for line in extra)
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs[:2]) + noise_html + "".join(f"<p>{p}</p>\n" for p in paragraphs[2:])
    tail = "".join(f"<p>{line}</p>" for line in tail_noise(site, index))
    related = "".join(f'<li><a href="/{site["name"]}/{index + k}.html">{teaser} {k}</a></li>' for k in range(3))
    xml = '<?xml version="1.0" encoding="utf-8"?>\n' if site["fmt"] == "xhtml" else ""
    head = (f'{xml}<!DOCTYPE html>\n<html lang="{site["lang"]}"><head><meta charset="{site["charset"]}">'
            f'<title>{title} | {site["name"]}</title><meta property="og:title" content="{title}">'
            f'<meta property="og:type" content="article"><meta property="og:site_name" content="{site["name"]}">'
            f'<link rel="canonical" href="https://{site["name"]}.example/{index}.html">'
            f'<meta property="article:published_time" content="{_date(index)}">')
    main = (f'<main><article><h1>{title}</h1>\n{body}{tail}</article>'
            f'<aside><h3>{LANGS[site["lang"]]["read_more"]}</h3><ul>{related}</ul></aside></main>')
    return theme_of(site).page(index, head=head, title=title, description=paragraphs[0][:155], date=_date(index),
                               main=main, charset=site["charset"])


def index_page(index: int, site: dict) -> bytes:
    """A listing page (14 teasers) in the site's theme, UTF-8."""
    rng = random.Random(index)
    teasers = "".join(f'<article><h2><a href="/{site["name"]}/{index}-{k}.html">{rng.choice(POOLS[site["lang"]])[:-1]}</a></h2>'
                      f'<p>{rng.choice(LANGS[site["lang"]]["tail"]).format(n=k)}</p></article>' for k in range(14))
    title = f"Archiv {index}"
    head = (f'<!DOCTYPE html><html lang="{site["lang"]}"><head><meta charset="utf-8"><title>{title} | {site["name"]}</title>'
            f'<meta property="og:type" content="website">')
    return theme_of(site).page(index, head=head, title=title, description=f"{title} | {site['name']}", date=_date(index),
                               main=f"<main>{teasers}</main>", charset="utf-8", og_type="website")


def dump_page(index: int, site: dict) -> str:
    title, paragraphs, extra, _ = page_content(index, site)
    lines = [f"{index % 28 + 1}. {LANGS[site['lang']]['month']} 20{10 + index % 14}", site["name"], title, title,
             *paragraphs[:2], *extra, *paragraphs[2:], *tail_noise(site, index)]
    return "\n\n".join(lines) + "\n"


def page_file(index: int, site: dict) -> tuple[str, bytes]:
    """(relative path, bytes) of page ``index``."""
    fmt = site["fmt"]
    number = index - site["start"]
    stem = f"{site['name']}/{number // 100:03d}/page-{index:07d}"
    kind = index % 97
    if kind == 0:
        return f"{stem}.html", b""                                   # empty
    if kind == 1:
        return f"{stem}.html", png_bytes(index)                      # binary
    if kind in (2, 3) and fmt != "txt":
        return f"{stem}.html", index_page(index, site)               # index page
    if kind == 4:
        return f"{stem}.txt", f"{site['place']}\n\nKurz {index}.\n".encode()  # too short
    if fmt.startswith("txt"):
        data = dump_page(index, site).encode()
        return (f"{stem}.txt.gz", gzip.compress(data, 6, mtime=0)) if fmt == "txt.gz" else (f"{stem}.txt", data)
    data = html_page(index, site)
    if fmt == "html.gz":
        # level 1: pages are ~100 KB, and level 6 would triple the time of writing a folder
        return f"{stem}.html.gz", gzip.compress(data, 1, mtime=0)
    return f"{stem}.{fmt}", data


def _write_range(args: tuple[str, int, int, int, int]) -> int:
    out, start, stop, total, seed = args
    sites = plan_sites(total, seed)
    made: set[str] = set()
    for index in range(start, stop):
        rel, data = page_file(index, site_of_page(sites, index))
        folder = os.path.join(out, os.path.dirname(rel))
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        fd = os.open(os.path.join(out, rel), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            os.write(fd, data)
        finally:
            os.close(fd)
    return stop - start


def make_corpus(count: int, out: str, *, seed: int = 1, start: int = 0, processes: int | None = None) -> int:
    """Write pages ``start .. start+count-1``; the site plan covers ``max(start+count, 1M)``
    pages so adding pages later never changes the earlier ones."""
    total = max(start + count, 1_000_000)
    step = 2000
    chunks = [(out, a, min(a + step, start + count), total, seed) for a in range(start, start + count, step)]
    with Pool(processes or os.cpu_count() or 1) as pool:
        return sum(pool.imap_unordered(_write_range, chunks))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start", type=int, default=0, help="first page number (to add pages to a folder)")
    parser.add_argument("--processes", type=int, default=0)
    args = parser.parse_args(argv)
    import time

    started = time.monotonic()
    written = make_corpus(args.count, args.out, seed=args.seed, start=args.start, processes=args.processes or None)
    print(f"{written} pages written to {args.out} in {time.monotonic() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
