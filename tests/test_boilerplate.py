"""Boilerplate rules on invented lines: every removal is named, article text stays."""

import pytest

from pipeline.boilerplate import RuleSet, line_key, strip_boilerplate
from pipeline.boilerplate.repeated import page_line_hashes, repeated_keys, site_of
from pipeline.config import load_config

BODY = [
    "Der Gemeinderat von Lindenau hat am Dienstag nach langer Debatte beschlossen, die alte Turnhalle zu sanieren.",
    "Die Kosten liegen nach Schätzung des Bauamts bei rund zwei Millionen Euro, die Arbeiten sollen im Frühjahr beginnen.",
]


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return RuleSet.from_config(load_config())


def names(removed):
    return [r.rule for r in removed]


@pytest.mark.parametrize(
    "noise, rule",
    [
        ("Werbung", "de.ad_label"),
        ("ANZEIGE", "de.ad_label"),
        ("Advertisement", "en.ad_label"),
        ("Siehe auch  Stadtwerke erhöhen die Preise für Fernwärme", "de.see_also"),
        ("Lesen Sie auch: Neue Buslinie fährt ab Montag", "de.see_also"),
        ("Mehr zum Thema: Schwimmbad öffnet wieder", "de.see_also"),
        ("Read more: City council approves new budget", "en.see_also"),
        ("À lire aussi : Le marché de Noël ouvre ses portes", "fr.see_also"),
        ("Lees ook: Nieuwe fietsbrug geopend", "nl.see_also"),
        ("CNN", "common.source_tag"),
        ("AFP, Reuters/ET, Frankreich", "common.source_tag"),
        ("D.W.", "common.source_tag"),
        ("dpa", "common.source_tag"),
        ("Diese Geschichte wurde aktualisiert.", "de.update_note"),
        ("Juli 13, 2024", "common.dateline"),
        ("13. Juli 2024", "common.dateline"),
        ("© 2024 Lindenauer Bote", "common.copyright_footer"),
        ("Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert", "de.comment_form_line"),
        ("Your email address will not be published. Required fields are marked *", "en.comment_form_line"),
        ("Tags: Turnhalle, Gemeinderat, Sanierung", "de.tags_line"),
        ("Die Sanierung beginnt im Frühjahr. Foto: Jana Kolb/dpa", "common.caption_with_credit"),
    ],
)
def test_noise_line_is_removed_by_its_rule(rules, noise, rule):
    kept, removed = strip_boilerplate([BODY[0], noise, BODY[1]], rules)
    assert kept == BODY
    assert names(removed) == [rule]


def test_ad_word_inside_a_sentence_is_kept(rules):
    line = "Der Nachbar hatte wegen des Lärms Anzeige bei der Polizei erstattet, wie ein Sprecher sagte."
    kept, removed = strip_boilerplate([line], rules)
    assert kept == [line] and removed == []


def test_credit_takes_the_caption_after_it_but_not_a_body_paragraph(rules):
    caption = "Der Bürgermeister zeigt am Montag die Pläne für die neue Halle."
    kept, removed = strip_boilerplate([BODY[0], "Jana Kolb/Getty Images", caption, BODY[1]], rules)
    assert kept == BODY
    assert names(removed) == ["common.photo_credit", "common.photo_credit"]
    two_sentences = "Die Halle ist alt. Sie wurde 1962 gebaut und seither kaum renoviert, sagte der Bürgermeister."
    kept, _ = strip_boilerplate(["Jana Kolb/Getty Images", two_sentences], rules)
    assert kept == [two_sentences]


def test_check_also_block_takes_teaser_and_stops_at_comment_form(rules):
    lines = BODY + ["About admin", "Check Also", "Brücke wird gesperrt",
                    "Die Brücke über den Fluss wird im Sommer für zwei Wochen gesperrt.",
                    "Schreibe einen Kommentar", "Name *", "Kommentar abschicken"]
    kept, removed = strip_boilerplate(lines, rules)
    assert kept == BODY
    assert names(removed) == ["en.author_box", "en.related_block", "en.related_block", "en.related_block",
                              "de.comment_form", "de.comment_form", "de.comment_form"]


def test_teaser_block_stops_at_a_long_paragraph(rules):
    long_paragraph = " ".join(["Der Rat will die Halle bis zum Herbst fertig sanieren lassen und danach prüfen."] * 6)
    kept, removed = strip_boilerplate(["Ähnliche Beiträge", "Schule bekommt neue Fenster", long_paragraph], rules)
    assert kept == [long_paragraph]
    assert names(removed) == ["de.related_block", "de.related_block"]


def test_title_is_not_part_of_text(rules):
    kept, removed = strip_boilerplate(["Turnhalle wird saniert", *BODY], rules, title="Turnhalle wird saniert")
    assert kept == BODY and names(removed) == ["page.title_repeated"]


def test_repeated_lines_go_only_above_the_threshold():
    settings = {"enabled": True, "min_pages": 3, "min_fraction": 0.5, "short_line_words": 12, "short_min_fraction": 0.2}
    site = "bote.example"
    tagline = "Ihr Nachrichtenportal für Lindenau und Umgebung"
    counts = {}
    for page in range(10):
        lines = [tagline, f"Artikel Nummer {page} über ein ganz anderes Thema aus der Stadt."]
        for h in page_line_hashes(site, lines, settings["short_line_words"]):
            counts[h] = counts.get(h, 0) + 1
    assert repeated_keys(site, [tagline, BODY[0]], counts, 10, settings) == {line_key(tagline)}
    # the same counts for a site with many more pages are under the threshold
    assert repeated_keys(site, [tagline], {k: 1 for k in counts}, 10, settings) == frozenset()
    assert repeated_keys(site, [tagline], counts, 10, settings | {"enabled": False}) == frozenset()


def test_site_is_the_host_or_the_top_folder():
    assert site_of("https://www.bote.example/a", "x/y.html") == "bote.example"
    assert site_of(None, "bote/2024/a.html") == "bote"


# --- kinds of noise beyond the seeds: each line is invented, each rule named --------------

@pytest.mark.parametrize(
    "noise, rule",
    [
        ("– Anzeige –", "de.ad_label"),
        ("ADVERTISEMENT - SCROLL TO CONTINUE", "en.ad_label"),
        ("See also  Harbour ferry returns to the winter timetable", "en.see_also"),
        ("READ ALSO: Council approves the new cycle lanes", "en.see_also"),
        (">> Mehr lesen: So wird das Freibad saniert", "de.see_also"),
        ("LE PUEDE INTERESAR: El puerto abre una nueva terminal de pasajeros", "es.see_also"),
        ("Lea: El alcalde presenta el presupuesto para el próximo año", "es.see_also"),
        ("Leia também: Prefeitura anuncia nova linha de ônibus", "pt.see_also"),
        ("To view the full story, please subscribe to our digital edition", "en.consent_wall"),
        ("If you are seeing this, you are already a subscriber and can log in for full access.", "en.paywall"),
        ("Pour lire la suite", "fr.paywall"),
        ("HAZTE MIEMBRO Y DISFRUTA DE BENEFICIOS EXCLUSIVOS", "es.paywall"),
        ("If you liked this essay, would you consider supporting our work? Thank you!", "en.support_appeal"),
        ("Gefällt dir unser Wandermagazin? Wir haben uns gegen eine Bezahlschranke entschieden, dafür brauchen wir deine Unterstützung.", "de.support_appeal"),
        ("Get the latest headlines: download the Harbour Times apps for iOS and Android.", "en.app_promo"),
        ("This post contains affiliate links; we may earn a commission if you buy through them.", "en.affiliate_disclosure"),
        ("Dieser Beitrag kann Links zu Händlern enthalten, von denen wir eine Provision erhalten.", "de.affiliate_disclosure"),
        ("© 2023, Harbour Times. This article is the copyrighted property of Harbour Times. Written permission must be obtained before reprint.", "en.reprint_notice"),
        ("Klicken Sie auf den unteren Button, um den Inhalt von karten.example zu laden.", "de.embed_placeholder"),
        ("Die neue Ausgabe des Heftes gibt es ab sofort am Kiosk, im Abo und als E-Paper.", "de.shop_promo"),
        ("Never miss a story by signing up to our newsletter today!", "en.newsletter_box"),
        ("Zapraszamy też do subskrypcji naszego tygodnika.", "pl.newsletter_box"),
        ("2021-10-16 | Nachrichten", "common.meta_line"),
        ("May 3, 2020 at 08:45 AM | categories: Garden, Roses | View Comments", "common.meta_line"),
        ("| 4:15 PM Gartentipps |", "common.meta_line"),
        ("Merkblatt zur Anmeldung 2024 PDF | 38 KB | nicht barrierefrei", "common.file_download"),
        ("Jueves 21 abril, 2022", "es.dateline"),
        ("mardi 3 mai 2024", "fr.dateline"),
        ("3 maja 2024", "pl.dateline"),
        ("3 de maio de 2024", "pt.dateline"),
        ("Der Bürgermeister eröffnet den Markt. © dpa / JANA KOLB", "common.caption_with_credit"),
        ("Die Bürgermeisterin am Rathaus (Foto: Jana Kolb/dpa).", "common.caption_with_credit"),
        ("Alles über sichere Fahrradschlösser findest du hier.", "de.cross_link"),
        ("Dieser Text wurde von unserer Fachredaktion medizinisch geprüft.", "de.review_note"),
    ],
)
def test_more_noise_kinds_are_removed_by_their_rule(rules, noise, rule):
    kept, removed = strip_boilerplate([BODY[0], noise, BODY[1]], rules)
    assert kept == BODY
    assert names(removed) == [rule]


@pytest.mark.parametrize(
    "sentence",
    [
        # the words of a rule inside ordinary article sentences
        "Lea: Ich finde das Projekt gut, und die Nachbarn sehen es genauso.",
        "See also the council's report on the harbour, which was published on Monday.",
        "Die Zeitung bietet seit Jahren ein Abo für Schüler an, sagte die Verlegerin am Montag.",
        "The company may receive compensation from the insurer, the court ruled on Tuesday.",
        "Am 12.03.2021 beschloss der Rat nach langer Debatte, die Halle zu sanieren.",
        "| Sa. | 5. Februar 2022 | 9:00 Uhr | Normalschanze |",
        "Please support our local food bank, the mayor told the crowd at the harbour.",
        "The annual report, a PDF of 12 pages, lists every grant the foundation made.",
        "Gemeinsam mit den Kindern der Kita, der Grundschule, des Jugendclubs sowie Jugendlichen "
        "des Jugendrates eröffnete die Bürgermeisterin am Samstagvormittag nach zwei Jahren Bauzeit "
        "den neuen Stadtpark an der alten Ziegelei (Foto: Stadtverwaltung)",
    ],
)
def test_article_sentences_with_rule_words_are_kept(rules, sentence):
    kept, removed = strip_boilerplate([BODY[0], sentence, BODY[1]], rules)
    assert kept == [BODY[0], sentence, BODY[1]] and removed == []


def test_teaser_block_goes_on_past_the_dates_of_its_teasers(rules):
    lines = [*BODY, "NOTAS RELACIONADAS", "El puerto abre una nueva terminal", "Jueves 21 abril, 2022",
             "La terminal atenderá a dos millones de pasajeros al año, según la autoridad portuaria.",
             "Schreibe einen Kommentar", "Kommentar abschicken"]
    kept, removed = strip_boilerplate(lines, rules)
    assert kept == BODY
    assert names(removed) == ["es.related_block", "es.related_block", "es.dateline", "es.related_block",
                              "de.comment_form", "de.comment_form"]


def test_a_layout_table_row_of_one_cell_is_matched_by_its_text(rules):
    kept, removed = strip_boilerplate([*BODY, "| Kommentare insgesamt: 0 |  |", "| Ein Leser | Toller Artikel |"], rules)
    assert kept == BODY
    assert names(removed) == ["de.comment_form", "de.comment_form"]


def test_bracketed_read_more_link_is_cut_from_its_teaser(rules):
    kept, removed = strip_boilerplate(["Die Stadt plant eine neue Brücke über den Fluss. [czytaj więcej]"], rules)
    assert kept == ["Die Stadt plant eine neue Brücke über den Fluss."]
    assert names(removed) == ["common.read_more_link"]


def test_author_box_needs_a_user_name_or_a_full_name(rules):
    python = "Python is an interpreted language whose design favours readable code over clever code."
    kept, removed = strip_boilerplate(["About Python", python], rules)
    assert kept == ["About Python", python] and removed == []
    kept, removed = strip_boilerplate([*BODY, "About Jane Doe", "Jane writes about harbours."], rules)
    assert kept == BODY and names(removed) == ["en.author_box", "en.author_box"]


def test_credit_labels_in_other_languages_take_their_caption(rules):
    caption = "Le maire inaugure le nouveau marché couvert."
    kept, removed = strip_boilerplate([*BODY, "Crédits photos : Agence Lumière", caption], rules)
    assert kept == BODY
    assert names(removed) == ["common.photo_label_credit", "common.photo_label_credit"]
    # a shell line with a file name is no credit, and the line after it no caption
    code = ["RUN pip install -r /tmp/requirements.txt", "COPY . /tmp/app"]
    kept, removed = strip_boilerplate([*BODY, *code], rules)
    assert kept == [*BODY, *code] and removed == []


def test_headline_with_kicker_or_site_name_is_not_part_of_text(rules):
    title = "Turnhalle wird saniert"
    kept, removed = strip_boilerplate(["Lindenau: Turnhalle wird saniert | Lindenauer Bote", *BODY], rules, title=title)
    assert kept == BODY and names(removed) == ["page.title_repeated"]
    sentence = "Die Turnhalle wird saniert, sagte der Bürgermeister."
    kept, removed = strip_boilerplate([sentence, *BODY], rules, title=title)
    assert kept == [sentence, *BODY] and removed == []


def test_about_box_takes_its_short_text(rules):
    lines = [*BODY, "Über diese Reihe", "Die Reihe stellt jeden Monat ein Dorf im Landkreis vor."]
    kept, removed = strip_boilerplate(lines, rules)
    assert kept == BODY and names(removed) == ["de.about_box", "de.about_box"]


def test_person_and_outlet_credit_takes_its_caption_but_keeps_name_pairs_in_text(rules):
    caption = "Absperrband vor dem Eingang der Halle am Mittwochnachmittag."
    kept, removed = strip_boilerplate([BODY[0], "Jana Kolb/Lindenauer Bote", caption, BODY[1]], rules)
    assert kept == [BODY[0], BODY[1]]
    assert names(removed)[:2] == ["common.photo_credit_person", "common.photo_credit_person"]
    assert caption not in kept
    sentence = "Die Koalition aus Bund/Ländern einigte sich am Abend auf einen Kompromiss für die Hallen."
    kept, removed = strip_boilerplate([sentence], rules)
    assert kept == [sentence] and removed == []
