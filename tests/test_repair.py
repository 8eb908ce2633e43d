"""Text repairs: each broken form fixed, clean text untouched, idempotent, no letters lost.

All example sentences are invented for these tests.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.errors import ConfigError
from pipeline.records import Repair
from pipeline.repair import (
    ENCODING_REPAIRS,
    PUNCTUATION_REPAIRS,
    REPAIR_NAMES,
    REPAIRS,
    RepairConfig,
    fix_encoding_with_log,
    repair_punctuation_with_log,
    repair_text,
    repair_with_log,
)
from pipeline.repair.encoding import (
    expand_ligatures,
    fix_mojibake,
    normalize_nfc,
    remove_control_characters,
    remove_soft_hyphens,
    remove_zero_width,
)
from pipeline.repair.fixes import (
    add_space_after_full_stop,
    fix_doubled_full_stop,
    load_names,
    remove_duplicated_fragment,
    remove_link_debris,
    remove_space_before_punctuation,
    split_glued_words,
)

ROOT = Path(__file__).resolve().parent.parent
ENCODING_CASES = ROOT.parent / "shared" / "eval" / "encoding-dev" / "cases.jsonl"
CURLY = "„“”‚‘’»«"


def _call(function, text: str, language: str | None = None) -> str:
    if function in dict(ENCODING_REPAIRS).values():
        return function(text)
    return function(text, language=language)


# ---------------------------------------------------------------- API and configuration


def test_repair_names_in_order_encoding_first():
    assert REPAIR_NAMES == (
        "fix_mojibake",
        "remove_control_characters",
        "remove_soft_hyphens",
        "remove_zero_width",
        "expand_ligatures",
        "normalize_nfc",
        "remove_link_debris",
        "remove_duplicated_fragment",
        "remove_space_before_punctuation",
        "fix_doubled_full_stop",
        "add_space_after_full_stop",
        "split_glued_words",
    )
    assert [name for name, _ in REPAIRS] == list(REPAIR_NAMES)
    for name, function in REPAIRS:
        assert function.__name__ == name
        assert function.__doc__ and ">>>" in function.__doc__


def test_config_from_settings_table_and_whole_settings():
    assert RepairConfig.from_settings({"enabled": [], "disabled": []}).active == REPAIR_NAMES
    config = RepairConfig.from_settings({"repair": {"enabled": [], "disabled": ["split_glued_words"]}})
    assert "split_glued_words" not in config.active
    only = RepairConfig.from_settings({"enabled": ["split_glued_words", "fix_mojibake"], "disabled": []})
    assert only.active == ("fix_mojibake", "split_glued_words")  # default order, not the listed one
    assert RepairConfig.from_settings(None).active == REPAIR_NAMES


def test_config_refuses_unknown_names():
    with pytest.raises(ConfigError) as err:
        RepairConfig.from_settings({"enabled": [], "disabled": ["fix_everything"]})
    assert err.value.key == "repair.disabled"
    with pytest.raises(ConfigError):
        RepairConfig.from_settings({"enabled": "fix_mojibake"})
    with pytest.raises(ValueError):
        RepairConfig(enabled=("nope",))


def test_project_config_repair_table_is_accepted():
    from pipeline.config import load_config

    config = load_config()
    assert RepairConfig.from_settings(config.settings).active == REPAIR_NAMES


def test_disabled_repair_does_not_run():
    text = "Der Zug fährt ab .Er kam zu spät..\nDie Straße bleibt gesperrtViele Pendler warten"
    config = RepairConfig(disabled=("split_glued_words", "fix_doubled_full_stop"))
    out = repair_text(text, config)
    assert "gesperrtViele" in out and "spät.." in out
    assert repair_text(text).count("gesperrt. Viele") == 1


def test_repair_with_log_counts_each_occurrence_with_context():
    text = "Die Preise steigen , sagt er , und die Mieten auch .\nDer Bus fährt heute nicht ."
    out, log = repair_with_log(text)
    assert out == "Die Preise steigen, sagt er, und die Mieten auch.\nDer Bus fährt heute nicht."
    assert [r.name for r in log] == ["remove_space_before_punctuation"] * 4
    assert all(isinstance(r, Repair) for r in log)
    first = log[0]
    assert "steigen ," in first.before and "steigen," in first.after
    assert all(len(r.before) <= 40 and "\n" not in r.before + r.after for r in log)


def test_encoding_and_punctuation_logs_are_separate():
    text = "Die GebÃ¼hr steigt .Danach kam derStadtrat"
    fixed, enc_log = fix_encoding_with_log(text)
    assert fixed == "Die Gebühr steigt .Danach kam derStadtrat"
    assert {r.name for r in enc_log} == {"fix_mojibake"}
    out, punct_log = repair_punctuation_with_log("Er kam zu spät .\nDas Spiel endete früh..", language="de")
    assert out == "Er kam zu spät.\nDas Spiel endete früh."
    assert [r.name for r in punct_log] == ["remove_space_before_punctuation", "fix_doubled_full_stop"]
    both, log = repair_with_log("Es war spÃ¤t ,")
    assert both == "Es war spät," and [r.name for r in log] == ["fix_mojibake", "remove_space_before_punctuation"]


# ---------------------------------------------------------------- encoding repairs


@pytest.mark.parametrize(
    "broken, fixed",
    [
        ("Die Ã„nderung gilt fÃ¼r alle StraÃŸen.", "Die Änderung gilt für alle Straßen."),
        ("Er sagte: â€žDas reicht.â€œ", "Er sagte: „Das reicht.“"),
        ("The mayor said â€œno commentâ€\x9d today.", "The mayor said “no comment” today."),
        ("Un cafÃ© Ã  la gare", "Un café à la gare"),
        ("Tom &amp; Jerry", "Tom & Jerry"),
    ],
)
def test_fix_mojibake(broken, fixed):
    assert fix_mojibake(broken) == fixed


def test_curly_quotes_are_never_straightened():
    for text in [
        "„Wir bleiben“, sagte sie. »Gut« und ‚so‘.",
        "“We stay,” she said, ‘fine’.",
        "« Nous restons », a-t-elle dit.",
        "Hij zei: „We blijven”.",
    ]:
        assert repair_text(text) == text
    assert repair_text("Sie sagte â€žjaâ€œ.") == "Sie sagte „ja“."


def test_soft_hyphens_zero_width_and_controls():
    assert remove_soft_hyphens("Wasser\u00adleitung und Bürger\u00ad\u00adamt") == "Wasserleitung und Bürgeramt"
    assert remove_zero_width("Rat\u200bhaus\ufeff und Park\u2060bank") == "Rathaus und Parkbank"
    assert remove_zero_width("Schiff\u200cfahrt") == "Schifffahrt"
    family = "👨\u200d👩\u200d👧 und می\u200cخواهم"
    assert remove_zero_width(family) == family  # emoji and Persian joiners stay
    assert remove_control_characters("Ein\x00 Satz\x1b mit\x7f Kontrolle\x0bund Tab\tbleibt") == (
        "Ein Satz mit Kontrolle und Tab\tbleibt"
    )
    assert remove_control_characters("Zeile eins\r\nZeile zwei") == "Zeile eins\nZeile zwei"
    assert remove_control_characters("halb\ud800frei") == "halb\ufffdfrei"


def test_ligatures_and_nfc():
    assert expand_ligatures("ﬂache ﬁnanzen, oﬀen") == "flache finanzen, offen"
    assert expand_ligatures("ĳs en ǆ") == "ĳs en ǆ"  # digraph letters are letters
    assert normalize_nfc("Cafe\u0301 in Ko\u0308ln") == "Café in Köln"


def test_lines_are_never_joined_or_split():
    text = "Erste Zeile &#10; mit Entity\nZweite\x0bZeile\u2028bleibt\nDritte â€žZeileâ€œ"
    out = repair_text(text)
    assert out.count("\n") == text.count("\n")


# ---------------------------------------------------------------- punctuation repairs


@pytest.mark.parametrize(
    "broken, fixed",
    [
        (
            "Er sprach von einem „großen Erfolg für die Stadt“. .“ Die Arbeiten beginnen.",
            "Er sprach von einem „großen Erfolg für die Stadt“. Die Arbeiten beginnen.",
        ),
        ("„Wir sind bereit.“ .“ Danach ging er.", "„Wir sind bereit.“ Danach ging er."),
        ("Sie lobte den „fairen Ausgleich“. .“ “", "Sie lobte den „fairen Ausgleich“."),
        ("“We are ready,” the coach said.” .” The team trains.", "“We are ready,” the coach said. The team trains."),
        ('"It was long," she said after the vote." ." Counting resumed.', '"It was long," she said after the vote. Counting resumed.'),
        ('He called it "a fair deal." ." Others disagreed.', 'He called it "a fair deal." Others disagreed.'),
        ("Hij sprak van “een mooi resultaat”. .” Het werk begint.", "Hij sprak van “een mooi resultaat”. Het werk begint."),
    ],
)
def test_remove_link_debris(broken, fixed):
    assert remove_link_debris(broken) == fixed


@pytest.mark.parametrize(
    "broken, fixed",
    [
        (
            "Die Polizei sei „in engem Austausch mit der Feuerwehr“ sei Feuerwehr.“",
            "Die Polizei sei „in engem Austausch mit der Feuerwehr“ sei.",
        ),
        ("wie es im Vertrag festgeschrieben sei Vertrag.“", "wie es im Vertrag festgeschrieben sei."),
        ("hieß es in einer Mitteilung des Vereins Vereins.“", "hieß es in einer Mitteilung des Vereins."),
    ],
)
def test_remove_duplicated_fragment(broken, fixed):
    assert remove_duplicated_fragment(broken) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "Er sagte: „Dienst ist Dienst.“",
        "„Schritt für Schritt.“",
        "Sie rief „Halt“ und ging zum Bahnhof Bahnhof.",  # no stray quote
        "Der Verein „Sport“ sei Sport.“ und mehr",  # quote not at the end of a sentence
        "wie es im Vertrag steht, sagte die Sprecherin Vertrag.",
    ],
)
def test_duplicated_fragment_leaves_other_repetitions(text):
    assert remove_duplicated_fragment(text) == text


@pytest.mark.parametrize(
    "broken, fixed, language",
    [
        ("Der Bahnhof bleibt zu . Die Busse fahren , sagt er", "Der Bahnhof bleibt zu. Die Busse fahren, sagt er", "de"),
        ("Warum ? Niemand weiß es ! Nur eins :", "Warum? Niemand weiß es! Nur eins:", "de"),
        ("The road stays closed . Why ?", "The road stays closed. Why?", "en"),
        ("Le maire a démissionné . Pourquoi ?", "Le maire a démissionné. Pourquoi ?", "fr"),
        ("De brug is open , zei hij .", "De brug is open, zei hij.", "nl"),
    ],
)
def test_remove_space_before_punctuation(broken, fixed, language):
    assert remove_space_before_punctuation(broken, language) == fixed


def test_french_spacing_is_kept():
    french = "À lire aussi : la rentrée. Il a dit : « Nous verrons ! » Vraiment ?"
    assert remove_space_before_punctuation(french, "fr") == french
    assert remove_space_before_punctuation(french) == french  # detected without a language
    assert repair_text("Le maire a dit : « Non ! » . À lire aussi :", language="fr") == (
        "Le maire a dit : « Non ! ». À lire aussi :"
    )
    assert remove_space_before_punctuation("Il a dit\u00a0: oui\u202f!", "de") == "Il a dit\u00a0: oui\u202f!"


@pytest.mark.parametrize(
    "text",
    [
        "Loading ... please wait",
        "Der Wert liegt bei 3 ,5 Prozent",
        "Super :) und ;-) und :-(",
        "Das Spiel endete 2 : 1",
        "z. B. und d. h. bleiben",
        "COPY . /app and COPY . .",
        "edit the file setup.py . Then run it",
        "odd = lambda x : x % 2",
    ],
)
def test_space_before_punctuation_leaves_ellipses_numbers_emoticons_code(text):
    assert remove_space_before_punctuation(text, "en") == text


def test_doubled_full_stop():
    assert fix_doubled_full_stop("was sich lohnen werde.. Der Rat") == "was sich lohnen werde. Der Rat"
    assert fix_doubled_full_stop("Es war ein langer Tag..") == "Es war ein langer Tag."
    for text in ["Und dann... nichts.", "Warte mal.... ja", "cd ../bilder", "Seiten 1..5", "na ja.. egal"]:
        assert fix_doubled_full_stop(text) == text


@pytest.mark.parametrize(
    "broken, fixed",
    [
        ("Der Ball landete im Netz.Kurz darauf pfiff er ab.", "Der Ball landete im Netz. Kurz darauf pfiff er ab."),
        ("Wir brauchen mehr Personal.Außerdem fehlt Geld.", "Wir brauchen mehr Personal. Außerdem fehlt Geld."),
        ("The game ended late.Fans stayed anyway.", "The game ended late. Fans stayed anyway."),
    ],
)
def test_add_space_after_full_stop(broken, fixed):
    assert add_space_after_full_stop(broken) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "z.B. und u.a. und U.S. und Ph.D. und i.d.R.",
        "Besuchen Sie www.Stadtwerke.De oder example.com und Spiegel.De",
        "Die Datei bericht.Pdf und Node.js, ASP.NET, v1.2.3",
        "Schreiben Sie an info@Rathaus.Net",
        "Kto.Nr.: 12345",
    ],
)
def test_add_space_after_full_stop_leaves_abbreviations_and_addresses(text):
    assert add_space_after_full_stop(text) == text


@pytest.mark.parametrize(
    "broken, fixed, language",
    [
        ("Die Straße bleibt gesperrtViele Pendler warten.", "Die Straße bleibt gesperrt. Viele Pendler warten.", "de"),
        ("Der Streit um die BrückeDies sorgt für Ärger.", "Der Streit um die Brücke. Dies sorgt für Ärger.", "de"),
        ("Die Firma wurde 1998Um gegründet", "Die Firma wurde 1998. Um gegründet", "de"),
        ("Er bog in die GasseIn der Nacht war es still.", "Er bog in die Gasse. In der Nacht war es still.", "de"),
        ("the mayor reportedThe council agreed", "the mayor reported. The council agreed", "en"),
        ("sales rose in MarchShares fell", "sales rose in March. Shares fell", "en"),
        ("cheaper than anything sold yesterdayOrbitex, a startup", "cheaper than anything sold yesterday. Orbitex, a startup", "en"),
        ("la colère monte dans le quartierLes habitants", "la colère monte dans le quartier. Les habitants", "fr"),
        ("het plan voor de stadHet college", "het plan voor de stad. Het college", "nl"),
        ("die neue beliebteStrecke", "die neue beliebte Strecke", "de"),
    ],
)
def test_split_glued_words(broken, fixed, language):
    assert split_glued_words(broken, language) == fixed


NAMES = (
    "iPhone YouTube McDonald's BioNTech WhatsApp PayPal LinkedIn TikTok PlayStation JavaScript"
    " WordPress PowerPoint SharePoint eBay iPad DaimlerChrysler ThyssenKrupp GlaxoSmithKline"
    " PricewaterhouseCoopers McKinsey MacBook DeepMind OpenAI GitHub SpaceX FedEx BlackRock JPMorgan"
    " SoundCloud MasterCard AstraZeneca ExxonMobil BlackBerry FlixBus HelloFresh BahnCard ProSieben"
    " UniCredit HafenCity BürgerInnen StudentIn easyJet airBaltic AddThis iCloud InDesign"
).split()


@pytest.mark.parametrize("name", NAMES)
def test_names_stay_whole(name):
    for template in [
        "Wir nutzen {} seit Jahren.",
        "Das Unternehmen {} Die Zahlen",
        "We asked {} about it.",
        "{} In seiner Mitteilung",
    ]:
        text = template.format(name)
        assert split_glued_words(text) == text, text
        assert repair_text(text) == text, text


def test_names_file_is_data():
    names = load_names()
    assert "LinkedIn" in names
    assert all(" " not in name for name in names)


def test_split_glued_words_leaves_urls_handles_code_and_repeated_words():
    for text in [
        "siehe https://example.org/fooBarDie/ und @teamDie oder #wirDas",
        "Rufen Sie getElementById und assertTrue auf",
        "Die VoltwerkDie AG und die VoltwerkDie AG",  # twice: a name
        "[freeShipping] und arthroLoges®",
    ]:
        assert split_glued_words(text) == text


# ---------------------------------------------------------------- seed-like document


def test_seed_like_paragraphs_repaired_end_to_end():
    text = "\n".join(
        [
            "Der Minister nannte das Abkommen „einen Meilenstein für die Region“. .“ Er reiste danach ab.",
            "Man stehe „in Kontakt mit den Behörden“ sei Behörden.“",
            "Die Fähre fährt wieder nach PlanDies gilt ab Montag .",
            "„Wir haben Zeit.“ .“ Danach wurde es still.Ein Sprecher bestätigte das..",
        ]
    )
    assert repair_text(text, language="de") == "\n".join(
        [
            "Der Minister nannte das Abkommen „einen Meilenstein für die Region“. Er reiste danach ab.",
            "Man stehe „in Kontakt mit den Behörden“ sei.",
            "Die Fähre fährt wieder nach Plan. Dies gilt ab Montag.",
            "„Wir haben Zeit.“ Danach wurde es still. Ein Sprecher bestätigte das.",
        ]
    )


# ---------------------------------------------------------------- properties

TOKENS = [
    "Wort", "wort", "Die", "The", "Les", "In", "Stadt", "stadt", "sei", "USA", "2001", "7",
    " ", " ", " ", "\n", ".", ". ", " .", ",", " ,", ":", " :", "!", "?", "..", "...", "…",
    "„", "“", "”", '"', "»", "«", "’", "-", "/", "@", "www.", ".De", "Ã¼", "Ã", "â€ž", "â€œ",
    "Â", "\xad", "\u200b", "\u200c", "\u200d", "\ufeff", "\x00", "\x85", "\r", "ﬁ", "u\u0308",
    "é", "ß", "😀", "&amp;", "مي",
]
token_text = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join)
any_text = st.one_of(token_text, st.text(max_size=60))
LANGUAGES = st.sampled_from([None, "de", "en", "fr", "nl"])
FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


WORD_RE = re.compile(r"[^\W_]+")


def _alnum(text: str) -> Counter[str]:
    return Counter(ch for ch in text if ch.isalnum())


@pytest.mark.parametrize("name, function", REPAIRS, ids=REPAIR_NAMES)
@FAST
@given(text=any_text, language=LANGUAGES)
def test_every_repair_is_idempotent(name, function, text, language):
    once = _call(function, text, language)
    assert _call(function, once, language) == once


@pytest.mark.parametrize("name, function", REPAIRS, ids=REPAIR_NAMES)
@FAST
@given(text=any_text, language=LANGUAGES)
def test_every_repair_keeps_lines_and_letters(name, function, text, language):
    out = _call(function, text, language)
    assert out.count("\n") == text.count("\n")
    if name == "fix_mojibake":
        return  # its broken forms are wrong letters (Ã¼ -> ü)
    if name == "normalize_nfc":
        assert unicodedata.normalize("NFD", out) == unicodedata.normalize("NFD", text)
    elif name == "expand_ligatures":
        assert unicodedata.normalize("NFKC", out) == unicodedata.normalize("NFKC", text)
    elif name == "remove_duplicated_fragment":
        # only whole words go, each one that occurs at least twice
        words_in, words_out = Counter(WORD_RE.findall(text)), Counter(WORD_RE.findall(out))
        removed = words_in - words_out
        assert not (words_out - words_in)
        assert all(words_in[w] >= 2 for w in removed)
        assert _alnum(text) - _alnum(out) == sum((_alnum(w) * n for w, n in removed.items()), Counter())
    else:
        assert _alnum(out) == _alnum(text)


@FAST
@given(text=any_text, language=LANGUAGES)
def test_whole_repair_is_idempotent_and_keeps_lines(text, language):
    once = repair_text(text, language=language)
    assert once.count("\n") == text.count("\n")
    assert repair_text(once, language=language) == once


LOWER = "abcdefghijklmnopqrstuvwxyzäöüß"
word = st.text(alphabet=LOWER, min_size=1, max_size=10)


@st.composite
def clean_text(draw, french: bool = False) -> str:
    """Well-formed paragraphs: no broken form of any repair."""
    paragraphs = []
    for _ in range(draw(st.integers(1, 3))):
        sentences = []
        for _ in range(draw(st.integers(1, 4))):
            words = draw(st.lists(word, min_size=1, max_size=8))
            words[0] = words[0].capitalize()
            for i in range(len(words) - 1):
                if draw(st.booleans()) and draw(st.booleans()):
                    words[i] += ","
            sentence = " ".join(words)
            ends = [".", " !", " ?", " :"] if french else [".", "!", "?"]
            end = draw(st.sampled_from(ends))
            if draw(st.booleans()):
                quotes = ["„{}{}“", "“{}{}”", "»{}{}«"] + (["« {}{} »"] if french else [])
                sentence = draw(st.sampled_from(quotes)).format(sentence, "." if french else end)
            else:
                sentence += end
            sentences.append(sentence)
        paragraphs.append(" ".join(sentences))
    return "\n".join(paragraphs)


@pytest.mark.parametrize("name, function", REPAIRS, ids=REPAIR_NAMES)
@FAST
@given(text=clean_text(), language=LANGUAGES)
def test_clean_text_is_unchanged(name, function, text, language):
    assert _call(function, text, language) == text


@FAST
@given(text=clean_text(french=True))
def test_clean_french_text_is_unchanged(text):
    assert repair_text(text, language="fr") == text


# ---------------------------------------------------------------- encoding-dev score


def test_encoding_dev_score():
    if not ENCODING_CASES.exists():
        pytest.skip(f"{ENCODING_CASES} not present")
    cases = [json.loads(line) for line in ENCODING_CASES.read_text(encoding="utf-8").split("\n") if line.strip()]
    either = straightened = 0
    for case in cases:
        out = fix_encoding_with_log(case["in"])[0]
        expected = case.get("out_encoding", case["out"])
        either += out == case["out"] or out == expected
        straightened += sum(expected.count(q) for q in CURLY) > sum(out.count(q) for q in CURLY)
    assert either / len(cases) >= 0.98
    assert straightened == 0
