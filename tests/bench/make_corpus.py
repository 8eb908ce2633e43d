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

The same (N, seed) always gives the same bytes (file mtimes aside). ``--start K`` writes pages
K..K+N-1 of the same endless sequence, so ``make_corpus.py 100 OUT --start 10000`` adds 100
new pages to a 10k folder (the scale benchmark's incremental rerun). 100k pages take well
under a minute on two cores (pages are built from precomputed pools and written with
``os.write`` from a process pool).
"""

from __future__ import annotations

import argparse
import gzip
import os
import random
import struct
import sys
import zlib
from multiprocessing import Pool

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


# --------------------------------------------------------------------------- sites
def plan_sites(total: int, seed: int) -> list[dict]:
    """Sites of 20-500 pages until ``total`` pages are covered (deterministic)."""
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
                      "name": name, "place": place, "footer": footer, "number": number})
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


def html_page(index: int, site: dict) -> str:
    title, paragraphs, extra, teaser = page_content(index, site)
    noise_html = "".join(f"<p>{line}</p>" for line in extra)
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs[:2]) + noise_html + "".join(f"<p>{p}</p>\n" for p in paragraphs[2:])
    tail = "".join(f"<p>{line}</p>" for line in tail_noise(site, index))
    related = "".join(f'<li><a href="/{site["name"]}/{index + k}.html">{teaser} {k}</a></li>' for k in range(3))
    xml = '<?xml version="1.0" encoding="utf-8"?>\n' if site["fmt"] == "xhtml" else ""
    return (f'{xml}<!DOCTYPE html>\n<html lang="{site["lang"]}"><head><meta charset="{site["charset"]}">'
            f'<title>{title} | {site["name"]}</title><meta property="og:title" content="{title}">'
            f'<meta property="og:type" content="article"><meta property="og:site_name" content="{site["name"]}">'
            f'<link rel="canonical" href="https://{site["name"]}.example/{index}.html">'
            f'<meta property="article:published_time" content="20{10 + index % 14:02d}-0{1 + index % 9}-1{index % 9}T08:00:00+00:00">'
            f'</head><body><header><nav><a href="/">Start</a> <a href="/lokales">Lokales</a> <a href="/sport">Sport</a></nav>'
            f'<div class="cookie-banner">Cookies {index % 7}</div></header>'
            f'<main><article><h1>{title}</h1>\n{body}{tail}</article>'
            f'<aside><h3>{LANGS[site["lang"]]["read_more"]}</h3><ul>{related}</ul></aside></main>'
            f'<footer><p>{site["footer"][0]}</p><p>© 20{10 + index % 14} {site["name"]}</p></footer></body></html>\n')


def index_page(index: int, site: dict) -> str:
    rng = random.Random(index)
    teasers = "".join(f'<article><h2><a href="/{site["name"]}/{index}-{k}.html">{rng.choice(POOLS[site["lang"]])[:-1]}</a></h2>'
                      f'<p>{rng.choice(LANGS[site["lang"]]["tail"]).format(n=k)}</p></article>' for k in range(14))
    return (f'<!DOCTYPE html><html lang="{site["lang"]}"><head><meta charset="utf-8"><title>Archiv {index} | {site["name"]}</title>'
            f'<meta property="og:type" content="website"></head><body><main>{teasers}</main></body></html>\n')


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
        return f"{stem}.html", index_page(index, site).encode()      # index page
    if kind == 4:
        return f"{stem}.txt", f"{site['place']}\n\nKurz {index}.\n".encode()  # too short
    if fmt.startswith("txt"):
        data = dump_page(index, site).encode()
        return (f"{stem}.txt.gz", gzip.compress(data, 6, mtime=0)) if fmt == "txt.gz" else (f"{stem}.txt", data)
    text = html_page(index, site)
    data = text.encode(site["charset"], errors="xmlcharrefreplace")
    if fmt == "html.gz":
        return f"{stem}.html.gz", gzip.compress(data, 6, mtime=0)
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
