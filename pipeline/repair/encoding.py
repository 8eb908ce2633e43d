"""Encoding and character repairs: small pure functions ``str -> str``.

The pipeline runs these right after extraction, before the boilerplate rules,
so the rules see clean text. Like the punctuation repairs they are idempotent,
leave text without their broken forms unchanged and never join or split lines
(text is one paragraph per ``\\n``-separated line).

Decisions (measured on the encoding-dev set, see ``tests/bench/encoding_eval.py``):

- :func:`fix_mojibake` is ftfy's ``fix_text`` with quotes left curly
  (``uncurl_quotes=False``: German „“ »« ‚‘ and English “” are never
  straightened), without ftfy's ligature fix (it also splits the Croatian and
  Dutch digraphs ǌ ǉ ĳ, which are letters), without the character-width fix
  (it would turn the full-width punctuation of Chinese and Japanese text into
  ASCII), without line-break changes (lines are paragraphs) and with control
  characters and normalisation left to the functions below. HTML entities are
  unescaped where ftfy decides (``unescape_html="auto"``: not on a line that
  contains ``<``); page text is already unescaped by the HTML parser, so a
  leftover ``&amp;`` is a double escape.
- :func:`remove_zero_width` removes U+200B, U+2060 and U+FEFF everywhere, but
  the joiners U+200C/U+200D only between Latin letters (or next to a space):
  elsewhere they build emoji sequences (👩‍💻) and Indic or Persian spelling.
- :func:`expand_ligatures` expands only the typographic ligatures U+FB00–FB06
  (ﬁ -> fi); digraph letters stay.
- Bidi marks (U+200E/F, U+202A–E), U+2028/U+2029 and no-break spaces are left alone.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

import ftfy
from ftfy.badness import BADNESS_RE, is_bad
from ftfy.chardata import HTML_ENTITY_RE

from pipeline.repair.fixes import is_collecting, logged_sub, record

try:  # re's private parser, to read ftfy's badness pattern; without it is_bad runs on every line
    import re._constants as _sre
    import re._parser as _sre_parse
except ImportError:  # pragma: no cover - Python >= 3.11 has both
    _sre = _sre_parse = None

FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html="auto",
    remove_terminal_escapes=True,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)

# A line needs ftfy only if one of its fixers has something to act on.
_FTFY_TRIGGER_RE = re.compile("[\x1b\x80-\x9f\ud800-\udfff]")


def _class(codes: set[int]) -> str:
    """A regex class body matching exactly ``codes``."""
    out, ordered, k = [], sorted(codes), 0
    while k < len(ordered):
        end = k
        while end + 1 < len(ordered) and ordered[end + 1] == ordered[end] + 1:
            end += 1
        first, last = re.escape(chr(ordered[k])), re.escape(chr(ordered[end]))
        out.append(first if end == k else f"{first}-{last}")
        k = end + 1
    return "".join(out)


def _named_chars(op: object, av: object) -> set[int] | None:
    """The code points a one-character item of a parsed regex matches, if it lists them all."""
    if op is _sre.LITERAL:
        return {av}
    if op is not _sre.IN:
        return None
    codes: set[int] = set()
    for kind, value in av:
        if kind is _sre.LITERAL:
            codes.add(value)
        elif kind is _sre.RANGE:
            codes.update(range(value[0], value[1] + 1))
        else:  # NEGATE, CATEGORY (\s, \w): not a short list
            return None
    return codes


def _badness_gate(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A cheap regex that matches every text ftfy's ``BADNESS_RE`` matches (and a few more).

    ``is_bad`` tries its ~40 alternatives at every position of every non-ASCII
    line: most of the cost of this module. Each alternative is a sequence of
    items; two consecutive one-character items with listed characters (``[X][Y]``,
    X all non-ASCII) must match two adjacent characters of the text, so an
    alternative can only match where some ``X`` character is followed by a ``Y``
    one; an alternative without such a pair needs at least one listed non-ASCII
    character ``S`` (``[Œœ][^A-Za-z]``). The gate is the union of these
    conditions, derived from ftfy's own pattern, so it stays exact when ftfy
    changes it; None (no gate) if an alternative has neither. German, Arabic,
    Greek or Chinese text almost never holds a pair, so ``is_bad`` is skipped.
    """
    if _sre_parse is None or pattern.flags & re.IGNORECASE:
        return None
    try:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - a private module: if it changed, no gate
        return None
    items = list(parsed.data)
    alternatives = items[0][1][1] if len(items) == 1 and items[0][0] is _sre.BRANCH else [items]
    singles: set[int] = set()
    pairs: dict[frozenset[int], set[int]] = {}
    for alternative in alternatives:
        named = [_named_chars(op, av) for op, av in alternative]
        pair = next(
            ((x, y) for x, y in zip(named, named[1:]) if x and y and min(x) >= 0x80), None
        )
        if pair:
            pairs.setdefault(frozenset(pair[0]), set()).update(pair[1])
            continue
        single = min((x for x in named if x and min(x) >= 0x80), key=len, default=None)
        if single is None:
            return None
        singles.update(single)
    first = set(singles).union(*pairs)
    branches = [f"(?<=[{_class(singles)}])"] if singles else []
    branches += [f"(?<=[{_class(set(x))}])[{_class(y)}]" for x, y in pairs.items()]
    return re.compile(f"[{_class(first)}](?:{'|'.join(branches)})")


_MAYBE_BAD_RE = _badness_gate(BADNESS_RE)


def _needs_ftfy(line: str) -> bool:
    """Whether ftfy may change ``line`` (a line it cannot change is never given to it).

    >>> _needs_ftfy("Grüße aus Köln, „schön“ – 5 €"), _needs_ftfy("GrÃ¼ÃŸe"), _MAYBE_BAD_RE is not None
    (False, True, True)
    """
    if line.isascii():
        return "\x1b" in line or ("&" in line and HTML_ENTITY_RE.search(line) is not None)
    if _FTFY_TRIGGER_RE.search(line) or ("&" in line and HTML_ENTITY_RE.search(line)):
        return True
    if _MAYBE_BAD_RE is not None and not _MAYBE_BAD_RE.search(line):
        return False  # no alternative of BADNESS_RE can match: is_bad(line) is False
    return is_bad(line)


def _record_diff(name: str, before: str, after: str) -> None:
    """Record each changed span of a line (changes at most one character apart count as one)."""
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    spans: list[list[int]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if spans and i1 - spans[-1][1] <= 1:
            spans[-1][1], spans[-1][3] = i2, j2
        else:
            spans.append([i1, i2, j1, j2])
    for i1, i2, j1, j2 in spans:
        record(name, before, i1, i2, after[j1:j2])


def _by_line(name: str, text: str, needs, fix) -> str:
    """Apply ``fix`` to each line for which ``needs`` is true, recording the changes."""
    lines = text.split("\n")
    changed = False
    for i, line in enumerate(lines):
        if not needs(line):
            continue
        fixed = fix(line)
        if fixed != line:
            if is_collecting():
                _record_diff(name, line, fixed)
            lines[i] = fixed
            changed = True
    return "\n".join(lines) if changed else text


def _ftfy_line(line: str) -> str:
    fixed = ftfy.fix_text(line, FTFY_CONFIG)
    # an unescaped &#10; must not split the paragraph
    return fixed.replace("\n", " ") if "\n" in fixed else fixed


def fix_mojibake(text: str) -> str:
    """Fix text decoded in the wrong encoding (ftfy), keeping curly quotes curly.

    >>> fix_mojibake("Die GebÃ¼hren fÃ¼r das Freibad steigen, sagte sie: â€žLeider.â€œ")
    'Die Gebühren für das Freibad steigen, sagte sie: „Leider.“'
    >>> fix_mojibake("„Schön“, sagte er. “Fine,” she said. Grüße, Œuvre, ǌ, ﬁ")
    '„Schön“, sagte er. “Fine,” she said. Grüße, Œuvre, ǌ, ﬁ'
    """
    if text.isascii() and "\x1b" not in text and "&" not in text:
        return text
    return _by_line("fix_mojibake", text, _needs_ftfy, _ftfy_line)


# C0 and C1 controls except \t and \n, DEL, deprecated Arabic format controls,
# interlinear annotation marks, the object replacement character, lone surrogates.
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u206a-\u206f\ufff9-\ufffc\ud800-\udfff]+")


def _control_replacement(match: re.Match[str]) -> str:
    text = match.string
    out = []
    for k, ch in enumerate(match.group()):
        if "\ud800" <= ch <= "\udfff":
            out.append("\ufffd")  # a lone surrogate cannot be written as UTF-8
        elif ch.isspace():  # \v \f \r \x1c-\x1f \x85 separate words
            at_newline = ch == "\r" and match.start() + k + 1 < len(text) and text[match.start() + k + 1] == "\n"
            if not at_newline and not (out and out[-1] == " "):
                out.append(" ")
        # other controls are dropped
    return "".join(out)


def remove_control_characters(text: str) -> str:
    """Remove control characters (C0/C1 except tab and line feed); separators become a space.

    ``\\r`` before ``\\n`` goes, ``\\v``, ``\\f``, a lone ``\\r`` and the other
    separator controls become a space, a lone surrogate becomes U+FFFD.

    >>> remove_control_characters("Der Rat\\x00 tagt\\x07 heute.\\r\\nMorgen\\x0bauch\\x9d.")
    'Der Rat tagt heute.\\nMorgen auch.'
    """
    if not _CONTROL_RE.search(text):
        return text
    return logged_sub("remove_control_characters", _CONTROL_RE, text, _control_replacement)


_SOFT_HYPHEN_RE = re.compile("\u00ad+")


def remove_soft_hyphens(text: str) -> str:
    """Remove soft hyphens (U+00AD), which only mark where a word may be broken.

    >>> remove_soft_hyphens("die Termin\\u00advergabe im Bürger\\u00adamt")
    'die Terminvergabe im Bürgeramt'
    """
    if "\u00ad" not in text:
        return text
    return logged_sub("remove_soft_hyphens", _SOFT_HYPHEN_RE, text, lambda m: "")


_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]+")
_JOINERS = "\u200c\u200d"


def _latin_or_space(ch: str) -> bool:
    """Latin script (ASCII, Latin-1, Latin Extended A/B and Additional), white space, or no character."""
    if not ch or ch.isspace():
        return True
    code = ord(ch)
    return code < 0x80 or 0xC0 <= code <= 0x24F or 0x1E00 <= code <= 0x1EFF


def _zero_width_replacement(match: re.Match[str]) -> str:
    text = match.string
    before = text[match.start() - 1] if match.start() else ""
    after = text[match.end()] if match.end() < len(text) else ""
    if _latin_or_space(before) and _latin_or_space(after):
        return ""
    # joiners in emoji sequences and non-Latin scripts are meaningful: keep them
    return "".join(ch for ch in match.group() if ch in _JOINERS)


def remove_zero_width(text: str) -> str:
    """Remove zero-width spaces, word joiners and stray byte-order marks inside text.

    Zero-width (non-)joiners go only between Latin letters; in emoji sequences
    and other scripts they are kept.

    >>> remove_zero_width("die Bür\\u200bgerinnen und Bür\\u2060ger\\ufeff")
    'die Bürgerinnen und Bürger'
    >>> remove_zero_width("Auf\\u200clage, 👩\\u200d💻") == "Auflage, 👩\\u200d💻"
    True
    """
    if text.isascii() or not _ZERO_WIDTH_RE.search(text):
        return text
    return logged_sub("remove_zero_width", _ZERO_WIDTH_RE, text, _zero_width_replacement)


_LIGATURES = {chr(code): unicodedata.normalize("NFKC", chr(code)) for code in range(0xFB00, 0xFB07)}
_LIGATURE_RE = re.compile("[\ufb00-\ufb06]")


def expand_ligatures(text: str) -> str:
    """Expand the typographic Latin ligatures U+FB00–FB06 (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ), as left by PDF copies.

    >>> expand_ligatures("die ﬁnanzielle Hilfe, ein Eﬀekt")
    'die finanzielle Hilfe, ein Effekt'
    """
    if not _LIGATURE_RE.search(text):
        return text
    return logged_sub("expand_ligatures", _LIGATURE_RE, text, lambda m: _LIGATURES[m.group()])


def normalize_nfc(text: str) -> str:
    """Compose letters and their combining accents (Unicode NFC).

    >>> normalize_nfc("Mu\\u0308nchen") == "München"
    True
    """
    if unicodedata.is_normalized("NFC", text):
        return text
    return _by_line(
        "normalize_nfc",
        text,
        lambda line: not unicodedata.is_normalized("NFC", line),
        lambda line: unicodedata.normalize("NFC", line),
    )
