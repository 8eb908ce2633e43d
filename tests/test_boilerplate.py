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
        for h in page_line_hashes(site, lines):
            counts[h] = counts.get(h, 0) + 1
    assert repeated_keys(site, [tagline, BODY[0]], counts, 10, settings) == {line_key(tagline)}
    # the same counts for a site with many more pages are under the threshold
    assert repeated_keys(site, [tagline], {k: 1 for k in counts}, 10, settings) == frozenset()
    assert repeated_keys(site, [tagline], counts, 10, settings | {"enabled": False}) == frozenset()


def test_site_is_the_host_or_the_top_folder():
    assert site_of("https://www.bote.example/a", "x/y.html") == "bote.example"
    assert site_of(None, "bote/2024/a.html") == "bote"
