"""Punctuation repairs: small pure functions ``str -> str``, modelled on ftfy's ``fixes.py``.

Machine-translated news clones and innerText dumps carry a few recurring text
defects where links were removed or paragraphs glued. Each function below
repairs one of them and documents its broken form with a doctest. Every
function

- leaves text that has none of its broken forms unchanged,
- is idempotent: ``f(f(x)) == f(x)``,
- never removes a letter or digit, except :func:`remove_duplicated_fragment`,
  whose broken form *is* a repeated word,
- never joins or splits lines (text is one paragraph per ``\\n``-separated line).

The punctuation functions take an optional ``language`` (ISO 639-1 code, e.g.
``"fr"``); only :func:`remove_space_before_punctuation` uses it.

This module also holds the small logging machinery shared with
:mod:`pipeline.repair.encoding`: while :func:`collecting` is active, each
change a repair makes is recorded as a :class:`~pipeline.records.Repair` with a
window of context before and after.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

from pipeline.records import Repair

# ---------------------------------------------------------------- logging

#: characters of context kept on each side of a change in a Repair record
CONTEXT_CHARS = 15

_EVENTS: ContextVar[list[Repair] | None] = ContextVar("reinschrift_repair_events", default=None)


class collecting:  # noqa: N801 - used like the function it was: ``with collecting() as log``
    """Collect the :class:`Repair` records of the repairs run inside the block.

    A plain class rather than ``@contextmanager``: the composer enters it twice
    per paragraph, and the generator machinery cost more than the repairs of a
    clean paragraph.

    >>> with collecting() as log:
    ...     record("demo", "ab", 0, 1, "A")
    >>> log, is_collecting()
    ([Repair(name='demo', before='ab', after='Ab')], False)
    """

    __slots__ = ("events", "token")

    def __enter__(self) -> list[Repair]:
        self.events: list[Repair] = []
        self.token = _EVENTS.set(self.events)
        return self.events

    def __exit__(self, *exc_info: object) -> None:
        _EVENTS.reset(self.token)


def is_collecting() -> bool:
    return _EVENTS.get() is not None


def record(name: str, text: str, start: int, end: int, replacement: str) -> None:
    """Record that ``text[start:end]`` became ``replacement`` (if collecting).

    The window is cut at line ends, so a record never spans two paragraphs.
    """
    events = _EVENTS.get()
    if events is None:
        return
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end < 0:
        line_end = len(text)
    lo = max(line_start, start - CONTEXT_CHARS)
    hi = min(line_end, end + CONTEXT_CHARS)
    events.append(Repair(name, text[lo:hi], text[lo:start] + replacement + text[end:hi]))


def logged_sub(
    name: str, pattern: re.Pattern[str], text: str, replace: Callable[[re.Match[str]], str | None]
) -> str:
    """``pattern.sub`` where ``replace`` returns the new text (None: leave the match as it is).

    Each actual change is recorded as one occurrence of repair ``name``.
    """

    def callback(match: re.Match[str]) -> str:
        new = replace(match)
        if new is None or new == match.group(0):
            return match.group(0)
        record(name, text, match.start(), match.end(), new)
        return new

    return pattern.sub(callback, text)


# ---------------------------------------------------------------- shared helpers

# Quotation marks that can close a quotation ("‚" and "„" only ever open one).
CLOSING_QUOTES = "“”\"»«’"
_H = r"[^\S\n]"  # horizontal white space (never a line break)


def _line_before(text: str, pos: int) -> str:
    return text[text.rfind("\n", 0, pos) + 1 : pos]


def closes_open_quote(before: str, quote: str) -> bool:
    """Whether ``quote``, following ``before`` on its line, closes a quotation opened there.

    Only answers False when the count of marks shows the quote is a stray one;
    for marks whose direction is ambiguous (» « ’) it answers True.

    >>> closes_open_quote("Sie sagte: „Wir kommen", "“")
    True
    >>> closes_open_quote("Er sprach von „Mut“ und Ehre", "“")
    False
    >>> closes_open_quote('He said "fine', '"'), closes_open_quote('"Fine," he said', '"')
    (True, False)
    """
    if quote == "“":  # German closing mark („…“); English style “…“ counts by parity
        if "„" in before:
            return before.count("„") > before.count("“")
        return before.count("“") % 2 == 1
    if quote == "”":  # English “…”, Dutch „…”, Swedish ”…”
        openers = before.count("“") + before.count("„")
        if openers == 0:
            return before.count("”") % 2 == 1
        return openers > before.count("”")
    if quote == '"':
        return before.count('"') % 2 == 1
    return True


# ---------------------------------------------------------------- link debris

_DEBRIS_RE = re.compile(
    r"(?<=[^\W_])"
    r"(?:(?P<qa>[“”\"»«’])(?P<pa>[.!?])|(?P<pb>[.!?])(?P<qb>[“”\"»«’]))"  # X“.  or  X.“
    r"(?P<debris>" + _H + r"+\.(?P<q2>[“”\"»«’])"  # the stray  .“
    r"(?:" + _H + r"+(?P=q2)(?=\s|$))?)"  # and a lone “ with space on both sides (line end, or a wrapped line's next sentence)
    r"(?=\s|$)",
    re.M,
)

# Every match of _DEBRIS_RE holds the stray "<space>.<quote>": text without it has
# no debris. Written with a literal "." first, so the search skips to each full stop.
_DEBRIS_GATE_RE = re.compile(r"\.(?<=[^\S\n]\.)[“”\"»«’]")


def remove_link_debris(text: str, language: str | None = None) -> str:
    """Remove the stray ``.“`` (and a lone trailing ``“``) left where a link was cut out.

    The closing quote before the debris stays when it closes a quotation; a
    stray one (no opening mark before it on the line) goes as well.

    >>> remove_link_debris("Sie wolle „die Brücke zuerst sanieren“. .“ Danach folgt")
    'Sie wolle „die Brücke zuerst sanieren“. Danach folgt'
    >>> remove_link_debris("„Wir warten ab.“ .“ Dann ging er.")
    '„Wir warten ab.“ Dann ging er.'
    >>> remove_link_debris("Er lobte die „gute Zusammenarbeit“. .“ “")
    'Er lobte die „gute Zusammenarbeit“.'
    >>> remove_link_debris("eine „gute Lösung“. .“ “ Danach sprach er weiter.")
    'eine „gute Lösung“. Danach sprach er weiter.'
    >>> remove_link_debris("“The bridge is safe,” the mayor said.” .”")
    '“The bridge is safe,” the mayor said.'
    >>> remove_link_debris("Het werd “een mooie dag”. .” Daarna")
    'Het werd “een mooie dag”. Daarna'
    """
    if not _DEBRIS_GATE_RE.search(text):
        return text

    def fix(m: re.Match[str]) -> str | None:
        if m.group("qa"):
            quote, stop, qpos = m.group("qa"), m.group("pa"), m.start("qa")
        else:
            quote, stop, qpos = m.group("qb"), m.group("pb"), m.start("qb")
        if m.group("q2") != quote:
            return None
        if not closes_open_quote(_line_before(text, qpos), quote):
            return stop
        return quote + stop if m.group("qa") else stop + quote

    return logged_sub("remove_link_debris", _DEBRIS_RE, text, fix)


# ---------------------------------------------------------------- duplicated trailing fragment

_DUPLICATE_RE = re.compile(
    _H + r"+(?P<word>[^\W\d_][\w'’-]*)(?P<stop>[.!?])(?P<quote>[“”\"])"
    r"(?=" + _H + r"*$|" + _H + r"+(?P<next>[^\W\d_]))",
    re.M,
)
# Every match of _DUPLICATE_RE holds a full stop, ! or ? right before a closing quote.
_DUPLICATE_GATE_RE = re.compile(r"[“”\"](?<=[.!?][“”\"])")
_TOKEN_STRIP = "„“”\"»«‚‘’'()[]{},.;:!?"
_DUPLICATE_WINDOW = 5  # the earlier occurrence is at most this many words back


def remove_duplicated_fragment(text: str, language: str | None = None) -> str:
    """Drop a word repeated before a stray closing quote at the end of a sentence.

    Cutting a quoted link out of machine-translated text leaves ``… mit den
    USA“ sei USA.“``: the last quoted word comes back after a short tail, with
    a closing quote that closes nothing. The repeated word and the stray quote
    go; the tail stays. Only when the final quote is a stray one, the word is
    capitalised, the sentence ends there (end of line or a capitalised word
    next), and its earlier occurrence is (a) right before it, (b) two words
    back and just before a closing quote, or (c) three to five words back.
    ``X für X`` and ``X ist X`` idioms are two words apart without a quote and
    are left alone.

    >>> remove_duplicated_fragment("Man sei „in Kontakt mit der Stadtwerke“ sei Stadtwerke.“")
    'Man sei „in Kontakt mit der Stadtwerke“ sei.'
    >>> remove_duplicated_fragment("So steht es in einer Mitteilung der Innung Innung.“")
    'So steht es in einer Mitteilung der Innung.'
    >>> remove_duplicated_fragment("wie es „ruhig“ im Vertrag festgelegt sei Vertrag.“")
    'wie es „ruhig“ im Vertrag festgelegt sei.'
    >>> remove_duplicated_fragment("Er sagte: „Gesetz ist Gesetz.“")
    'Er sagte: „Gesetz ist Gesetz.“'
    """
    if not _DUPLICATE_GATE_RE.search(text):
        return text

    def fix(m: re.Match[str]) -> str | None:
        word = m.group("word")
        if not word[0].isupper() or len(word) < 2:
            return None
        if m.group("next") and not m.group("next").isupper():
            return None  # the sentence goes on: not the end of a paragraph or sentence
        before = _line_before(text, m.start())
        if closes_open_quote(before + m.group(0)[: m.start("quote") - m.start()], m.group("quote")):
            return None
        raw = before.split()[-_DUPLICATE_WINDOW:]
        words = [t.strip(_TOKEN_STRIP) for t in raw]
        for back in range(1, len(words) + 1):
            if words[-back] != word:
                continue
            if back == 1 or back >= 3:
                return m.group("stop")
            # two words back: only the link-debris shape  W“ sei W.“
            if raw[-back].rstrip(".,;:!?")[-1:] in CLOSING_QUOTES:
                return m.group("stop")
        return None

    return logged_sub("remove_duplicated_fragment", _DUPLICATE_RE, text, fix)


# ---------------------------------------------------------------- space before punctuation

_SPACE_BEFORE_RE = re.compile(
    r"(?:(?<=[^\W_])|(?<=[)\]“”\"»])(?<![.!?][“”\"»]))"  # after a word (not after debris like  ." )
    r"[ \t]+"
    r"(?P<mark>[.,;:]|[!?]+)"
    r"(?=\s|$|[“”\"»«’])",
    re.M,
)
# Every match of _SPACE_BEFORE_RE starts with a space or tab right before one of the marks.
_SPACE_BEFORE_GATE_RE = re.compile(r"[.,;:!?](?<=[ \t].)")
_CODE_TOKEN_RE = re.compile(r"[^\W_][._/\\][^\W_]|_|[=<>{}]")
_CODE_LINE_RE = re.compile(r"[={}<>]|\blambda\b")
_PATH_STARTS = frozenset("/.\\~")
_FRENCH_SPACE_RE = re.compile(r"«[ \u00a0\u202f]|[ \u00a0\u202f]»|[\u00a0\u202f][;:!?]")
_SPACED_MARK_RE = re.compile(r"[^\W_][ \t]+[;:!?]")
_TIGHT_MARK_RE = re.compile(r"[^\W_][;:!?]")


def uses_french_spacing(text: str, language: str | None = None) -> bool:
    """Whether the text follows French typography (a space before ``; : ! ?``).

    True for ``language="fr"``; for an unknown language, when the text has
    French guillemet spacing or spaces before these marks more often than not.

    >>> uses_french_spacing("À lire aussi : la suite")
    True
    >>> uses_french_spacing("Er fragte: Warum ? Dann ging er.", "de")
    False
    """
    if language:
        return language.lower().split("-")[0].split("_")[0] == "fr"
    if _FRENCH_SPACE_RE.search(text):
        return True
    spaced = len(_SPACED_MARK_RE.findall(text))
    return spaced > 0 and spaced > len(_TIGHT_MARK_RE.findall(text))


def remove_space_before_punctuation(text: str, language: str | None = None) -> str:
    """Remove a space before ``.`` and ``,`` (and before ``; : ! ?`` unless French).

    Ellipses (``Loading ...``), decimals (``3 ,5``), emoticons (``:)``), a
    score (``2 : 1``), non-breaking spaces and code (``COPY . /app``,
    ``file.py .``, ``lambda x : x``) are left alone. French keeps its
    space before ``; : ! ?``; pass ``language="fr"`` or let the text show it.

    >>> remove_space_before_punctuation("Die Preise sind gestiegen . Viele zahlen mehr , sagt sie")
    'Die Preise sind gestiegen. Viele zahlen mehr, sagt sie'
    >>> remove_space_before_punctuation("Warum ? Niemand weiß es !", "de")
    'Warum? Niemand weiß es!'
    >>> remove_space_before_punctuation("Il a dit : « non » . À lire aussi :", "fr")
    'Il a dit : « non ». À lire aussi :'
    >>> remove_space_before_punctuation("Loading ... wait :) it ended 2 : 1")
    'Loading ... wait :) it ended 2 : 1'
    """
    if not _SPACE_BEFORE_GATE_RE.search(text):
        return text
    french: list[bool] = []  # decided on the first ; : ! ? only: most matches are . and ,

    def is_french() -> bool:
        if not french:
            french.append(uses_french_spacing(text, language))
        return french[0]

    def fix(m: re.Match[str]) -> str | None:
        mark = m.group("mark")
        if mark not in ".," and is_french():
            return None
        line_start = text.rfind("\n", 0, m.start()) + 1
        previous = text[line_start : m.start()].rsplit(None, 1)[-1]
        if _CODE_TOKEN_RE.search(previous):
            return None  # poetry.lock . / __init__.py .
        after = text[m.end() : m.end() + 3].lstrip(" \t")
        if after[:1] in _PATH_STARTS:
            return None  # COPY . /tmp, COPY . .
        if mark in ";:":
            if not previous.isalpha() or len(previous) < 2:
                return None  # lambda x : ..., "key" : value, 2 : 1
            line_end = text.find("\n", m.end())
            if _CODE_LINE_RE.search(text[line_start : line_end if line_end >= 0 else len(text)]):
                return None
        return mark

    return logged_sub("remove_space_before_punctuation", _SPACE_BEFORE_RE, text, fix)


# ---------------------------------------------------------------- doubled full stop

_DOUBLE_STOP_RE = re.compile(r"(?<=[^\W_])\.\.(?=[ \t]+[^\W\d_]|[ \t]*$|[“”\"»«’)])", re.M)


def fix_doubled_full_stop(text: str, language: str | None = None) -> str:
    """Turn a doubled full stop after a word into one; keep an ellipsis ``...``.

    Only before a capitalised word or at the end of the line: ``Ja.. wenn``
    (a pause before a lower-case word, common in comments and in Arabic) stays.

    >>> fix_doubled_full_stop("was die Arbeit leichter mache.. Der Rat stimmte zu...")
    'was die Arbeit leichter mache. Der Rat stimmte zu...'
    >>> fix_doubled_full_stop("siehe ../daten, Seiten 1..5, na ja.. vielleicht")
    'siehe ../daten, Seiten 1..5, na ja.. vielleicht'
    """
    if ".." not in text:
        return text
    def fix(m: re.Match[str]) -> str | None:
        after = text[m.end() : m.end() + 40].lstrip(" \t")
        if after[:1].isalpha() and not after[:1].isupper():
            return None  # "Ja.. wenn" is a pause, not a doubled stop
        return "."

    return logged_sub("fix_doubled_full_stop", _DOUBLE_STOP_RE, text, fix)


# ---------------------------------------------------------------- missing space after a full stop

_MISSING_SPACE_RE = re.compile(
    r"(?<![\w.@/\\#&=])(?P<left>[^\W\d_]+)\.(?P<right>[^\W\d_]+)(?![\w@/\\(]|[.:/]\w)"
)
# Every match of _MISSING_SPACE_RE holds a full stop right before a letter.
_MISSING_SPACE_GATE_RE = re.compile(r"\.[^\W\d_]")
# Lower-cased right parts that make ``word.Word`` a domain or a file name.
_NOT_A_SENTENCE_START = frozenset(
    "com net org info biz gov edu de ch eu uk fr nl io ai co fm tv ly me app js ts py rb"
    " html htm php asp aspx pdf jpg jpeg png gif svg webp mp3 mp4 doc docx xls xlsx ppt pptx"
    " txt csv zip exe json xml".split()
)


_OPENING_MARKS = frozenset("„“”\"»«›‹‚‘’'")


def _looks_like_address(text: str, start: int, end: int) -> bool:
    """Whether the whitespace-delimited chunk around text[start:end] is a URL, e-mail or path."""
    lo = start
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    hi = end
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    chunk = text[lo:hi].lower()
    return "://" in chunk or "www." in chunk or "@" in chunk or "/" in chunk


def add_space_after_full_stop(text: str, language: str | None = None) -> str:
    """Put the missing space between a sentence's full stop and the next sentence.

    Only ``word.Word`` with at least two lower-case letters before the stop and
    a capitalised word after it; abbreviations (``z.B.``, ``U.S.``,
    ``Ph.D.``), domains, file names and ``Node.js`` stay as they are.

    >>> add_space_after_full_stop("Der Ball ging ins lange Eck.Nur zwei Minuten später")
    'Der Ball ging ins lange Eck. Nur zwei Minuten später'
    >>> add_space_after_full_stop("z.B. bei Amazon.De, www.Beispiel.Info, U.S. und Node.js")
    'z.B. bei Amazon.De, www.Beispiel.Info, U.S. und Node.js'
    """
    if not _MISSING_SPACE_GATE_RE.search(text):
        return text

    def fix(m: re.Match[str]) -> str | None:
        left, right = m.group("left"), m.group("right")
        if len(left) < 2 or not left[-2:].islower():
            return None
        if len(right) < 2 or not right[0].isupper() or not right[1:].islower():
            return None
        if right.lower() in _NOT_A_SENTENCE_START or _looks_like_address(text, m.start(), m.end()):
            return None
        if text[m.end() : m.end() + 1] == "." or text[m.start() - 1 : m.start()] in _OPENING_MARKS:
            return None  # Kto.Nr., a quoted name like ›Struktur.Wandel‹
        return f"{left}. {right}"

    return logged_sub("add_space_after_full_stop", _MISSING_SPACE_RE, text, fix)


# ---------------------------------------------------------------- glued sentence boundary

# Capitalised words that commonly start a sentence, per language. A glued
# right part that is one of these is strong evidence of a lost sentence break.
SENTENCE_STARTERS: dict[str, frozenset[str]] = {
    "de": frozenset(
        "Der Die Das Dies Diese Dieser Dieses Den Dem Des Ein Eine Einer Eines Einem Einen Einige"
        " Mehrere Viele Er Sie Es Wir Ihr Ich Man Um In Im Am Auf Aus Bei Mit Nach Seit Von Vom"
        " Vor Zu Zum Zur Für Gegen Unter Über Während Laut Damit Dabei Dann Doch Auch Aber"
        " Außerdem Zudem Zwar Allerdings Inzwischen Derzeit Demnach Deshalb Daher Trotzdem Dazu"
        " Darüber Dort Hier Nun Bereits Schon Noch Nur So Wie Wenn Als Da Denn Was Wer Warum Ob"
        " Jedoch Bisher Zuvor Später Anschließend Insgesamt Gleichzeitig Ebenso Auch".split()
    ),
    "en": frozenset(
        "The This That These Those It Its He She They We His Her Their Our There Here An In"
        " At As For From With By After Before During Since Until While When If Although Though"
        " But And Or So Yet Still Also However Meanwhile Now Then Many Some Most Several Other"
        " Another Such Each Every According".split()
    ),
    "fr": frozenset(
        "Le La Les Un Une Des Il Elle Ils Elles On Nous Vous Ce Cette Ces Cet Dans Pour Par Mais"
        " Selon Depuis Après Avant Lors Ainsi Alors Pourtant Cependant Toutefois Enfin Au Aux"
        " Sur Avec Plusieurs Certains Certaines".split()
    ),
    "nl": frozenset(
        "De Het Een Dit Deze Dat Die Zo Ook Maar Volgens Op Na Met Voor Bij Toch Daarnaast Daarom"
        " Hij Zij Ze Wij We Nu Dan Als Er Wat Wie Vanaf Sinds Tijdens Verder Bovendien".split()
    ),
    "es": frozenset("El Los Las Una Unos Unas Según Pero También Sin Esta Este Estos".split()),
    "it": frozenset("Il Lo Gli Una Secondo Ma Anche Questo Questa Nel Nella".split()),
}
_ALL_STARTERS = frozenset().union(*SENTENCE_STARTERS.values())

# Capitalised words that often end a sentence before a glued one (months, weekdays).
SENTENCE_ENDERS = frozenset(
    "January February March April May June July August September October November December"
    " Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
    " Januar Februar März Juni Juli Oktober Dezember"
    " Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Sonnabend".split()
)
# A right part "In" after these endings is a German gender form (StudentIn, LehrerIn).
_GENDER_ENDINGS = ("er", "ent", "ant", "ist", "or", "eur", "at", "ör", "är", "ker", "ler", "ner")
_PARTICLES = frozenset({"In", "On"})
# Lower-case left parts that make a camelCase identifier in code, not a glued sentence.
_CODE_PREFIXES = frozenset(
    "get set is has add assert on to use create update delete remove find make init handle render fetch"
    " load parse read write print log show hide open close run start stop test check build reset apply"
    " compute calc convert with from new my".split()
)

NAMES_FILE = Path(__file__).resolve().parents[2] / "config" / "repair_names.txt"


@lru_cache(maxsize=4)
def load_names(path: str | None = None) -> frozenset[str]:
    """CamelCase names the glued-word repair must keep whole: ``config/repair_names.txt``.

    One name per line; blank lines and ``#`` comments are ignored.
    """
    file = Path(path) if path else NAMES_FILE
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(line.split("#", 1)[0].strip() for line in lines) - {""}


_WORD_RE = re.compile(r"[^\W_]+")
_ADDRESS_BEFORE = set("/@#._\\=&?:+~$%[{<")
_ADDRESS_AFTER = set("/@_\\=(&+~$%]}>®™")


def _glued_split(word: str, names: frozenset[str], home: Callable[[], frozenset[str]]) -> int | None:
    """The index where ``word`` should get a sentence break, or None to keep it whole."""
    if word[1:].islower() or word in names:
        return None
    cuts = [
        i
        for i in range(1, len(word) - 1)
        if (word[i - 1].islower() or word[i - 1].isdigit()) and word[i].isupper() and word[i + 1].islower()
    ]
    if len(cuts) != 1:  # no hump, or a multi-hump name / identifier (GlaxoSmithKline)
        return None
    cut = cuts[0]
    left, right = word[:cut], word[cut:]
    if not (right.isalpha() and right[1:].islower()) or right[1].upper() == right[1]:
        return None  # right[1] must be a cased letter (not the º of mojibake Ãº)
    if left.isdigit():
        return cut if right in _ALL_STARTERS else None
    if not left.isalpha():
        return None
    if left.islower():
        if len(left) < 2:
            return None  # iPhone, eBay
    elif not (left[0].isupper() and left[1:].islower() and len(left) >= 3):
        return None  # McDonald, LeBron: one lower-case letter
    if left in _CODE_PREFIXES:
        return None  # getValue, assertTrue
    if right in _ALL_STARTERS:
        if left[0].isupper() and len(left) <= 4 and len(right) <= 4 and right not in home():
            return None  # AddThis, DoisUm: a short pair, unless a starter of the text's language (PlanDies)
        if right in _PARTICLES and (len(left) < 5 or left.endswith(_GENDER_ENDINGS)):
            return None  # LogIn, StudentIn
        return cut
    if len(right) < 3 or (len(left) <= 5 and len(right) <= 5):
        return None  # short CamelCase: PayPal, easyJet, onClick
    if left.islower() and len(left) >= 3:
        return cut  # todayVoltcrest, fundTechnical
    if left in SENTENCE_ENDERS:
        return cut  # JanuaryTickets
    return None


def _bmp_class(predicate: Callable[[str], bool]) -> str:
    """A regex class body: the BMP characters for which ``predicate`` holds, and every astral one.

    >>> _bmp_class(str.isdigit)[:7]
    '0-9²-³¹'
    """
    ranges: list[str] = []
    start = None
    for code in range(0x10001):
        inside = code < 0x10000 and predicate(chr(code))
        if inside and start is None:
            start = code
        elif not inside and start is not None:
            last = code - 1
            ranges.append(re.escape(chr(start)) + ("-" + re.escape(chr(last)) if last > start else ""))
            start = None
    return "".join(ranges) + "\U00010000-\U0010ffff"


@lru_cache(maxsize=1)
def _hump_re() -> re.Pattern[str]:
    """Lower case or digit, upper case, lower case: three characters every glued word needs.

    :func:`_glued_split` cuts a word only at such a hump (``SchweizDie``), so a
    text without one is left as it is, and most paragraphs are scanned once in
    C instead of a callback per word. The classes hold exactly the BMP
    characters ``str.islower``/``isupper``/``isdigit`` accept; astral
    characters are all let through (the full repair decides). The scan starts
    on the upper-case letter, the rarest of the three.

    >>> bool(_hump_re().search("im Jahr 1999Um")), bool(_hump_re().search("Die Stadt, ÖSTERREICH"))
    (True, False)
    """
    lower = _bmp_class(str.islower)
    before = _bmp_class(lambda ch: ch.islower() or ch.isdigit())
    upper = _bmp_class(str.isupper)
    return re.compile(f"[{upper}](?<=[{before}][{upper}])[{lower}]")


_GERMAN_WORDS_RE = re.compile(r"\b(?:der|die|das|und|nicht|ist|mit|sich|auch|für|wird)\b", re.I)


def looks_german(text: str, language: str | None = None) -> bool:
    """Whether the text is German: ``language`` if given, else a few common German words.

    >>> looks_german("Die Stadt hat das Bad nicht geschlossen."), looks_german("The city", "en")
    (True, False)
    """
    if language:
        return language.lower().split("-")[0].split("_")[0] == "de"
    return len(_GERMAN_WORDS_RE.findall(text[:5000])) >= 3


def split_glued_words(text: str, language: str | None = None) -> str:
    """Put back the sentence break lost where a link ended: ``UkraineDies`` -> ``Ukraine. Dies``.

    A word with one lower->upper hump is split with ``". "`` when the right part
    is a common sentence start (``Die``, ``The``, ``Les``, ``Zo``...) after a
    word or a number. Weaker evidence, an all-lower-case left part
    (``fundTechnical``) or a month or weekday (``JanuaryTickets``) before a word
    of three letters or more, also splits, with ``". "`` except in German, where
    a capitalised noun after a lower-case word is as likely to continue the
    sentence (``beliebteStartpunkte``), so only a space goes in. Names stay whole: one-letter
    prefixes (iPhone, eBay, McDonald), short pairs (PayPal, YouTube), capitalised
    pairs (PlayStation, ThyssenKrupp), multi-hump names (GlaxoSmithKline), a word
    that occurs twice in the text, URLs, handles and the list in
    ``config/repair_names.txt`` (LinkedIn...).

    >>> split_glued_words("Er reiste in die SchweizDie Reise dauerte im Jahr 1999Um acht Uhr")
    'Er reiste in die Schweiz. Die Reise dauerte im Jahr 1999. Um acht Uhr'
    >>> split_glued_words("the council met on MondayTickets go on sale and the relief fundEngineers will")
    'the council met on Monday. Tickets go on sale and the relief fund. Engineers will'
    >>> split_glued_words("iPhone, YouTube, McDonald's, BioNTech, PlayStation, LinkedIn, GlaxoSmithKline")
    "iPhone, YouTube, McDonald's, BioNTech, PlayStation, LinkedIn, GlaxoSmithKline"
    """
    if (text.isascii() and text.islower()) or not _hump_re().search(text):
        return text
    names = load_names()
    counts: Counter[str] | None = None
    is_german: list[bool] = []

    def german() -> bool:
        if not is_german:
            is_german.append(looks_german(text, language))
        return is_german[0]

    def home() -> frozenset[str]:
        """The sentence starters of the text's language (given, or German if it looks German)."""
        code = (language or "").lower().split("-")[0].split("_")[0] or ("de" if german() else "")
        return SENTENCE_STARTERS.get(code, frozenset())

    def fix(m: re.Match[str]) -> str | None:
        nonlocal counts
        word = m.group()
        cut = _glued_split(word, names, home)
        if cut is None:
            return None
        start, end = m.start(), m.end()
        if start > 0 and text[start - 1] in _ADDRESS_BEFORE:
            return None
        if end < len(text) and (
            text[end] in _ADDRESS_AFTER or (text[end] in ".:" and text[end + 1 : end + 2].isalnum())
        ):
            return None
        if _looks_like_address(text, start, end):
            return None
        if counts is None:
            counts = Counter(_WORD_RE.findall(text))
        if counts[word] > 1:
            return None  # a word used twice is a name, not an accident
        if word[cut:] in _PARTICLES:
            following = text[end : end + 3]
            if not (following[:1] == " " and following[1:2].islower()):
                return None  # "In" starts a sentence only before a lower-case word
        left, right = word[:cut], word[cut:]
        if right in _ALL_STARTERS or left.isdigit() or not german():
            return f"{left}. {right}"
        return f"{left} {right}"  # German nouns are capitalised: beliebteStartpunkte

    return logged_sub("split_glued_words", _WORD_RE, text, fix)
