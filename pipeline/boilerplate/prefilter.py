"""The first rule of an ordered list whose regex matches a line, without trying every regex.

Trying the ~150 default rules one after the other costs ~200 µs a line, almost all of it in
regexes that cannot match. Before a rule's regex runs, a cheap test now says whether it can:

* a rule anchored at the line start (``^(?:Impressum|Kontakt|…)``) needs the line's first
  character to be one its match can start with: the candidates of each first character are
  worked out once and kept;
* any other rule needs one of a few literal pieces every match of its regex contains (say
  ``cookie`` or ``newsletter``): the pieces of all rules go into two trie-shaped regexes, one
  scan of the line (and one of its lower-case form, for case-insensitive pieces) tells which
  rules are left;
* a rule neither test can be derived for (a user's rule of character classes only) is tried
  on every line, as before.

Both tests are derived from the regex's parse tree and only ever say "can match" too often,
never too rarely; the rule's own regex still decides, in rule order, so the result is the
one the plain loop (:func:`first_by_loop`) gives, for any rule set. Lines are also grouped by
word count, so that a long line is not scanned for the pieces of short-line rules.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.config import Rule

try:  # the regex parser of the standard library: how a pattern is built, never what it matches
    from re import _constants as _sre, _parser as _sre_parse
except ImportError:  # pragma: no cover - another Python: every rule is simply tried on every line
    _sre = _sre_parse = None  # type: ignore[assignment]

# A literal piece: its text (lower-cased when case-insensitive) and whether case is ignored.
Piece = tuple[str, bool]

# A rule whose pieces would turn up more often than this (per character of text, see
# _piece_rate) is tried on every line instead: a piece such as " " passes every line anyway,
# and each place a piece is found costs a step of the scan.
MAX_PIECE_RATE = 0.02

# Lines are grouped by word count into at most this many groups, each with its own scans over
# the pieces of the rules its lines may meet (a long line skips the short-line rules' pieces).
# More groups: tighter scans, but each costs two regex compilations when the rules are loaded.
MAX_BANDS = 5

# A non-ASCII character that case-insensitively matches an ASCII one ('K' Kelvin sign, 'ſ',
# 'ı', 'İ'): str.lower() does not turn it into its ASCII twin, so a line holding one skips the
# lower-case scan and keeps every case-insensitive rule (found by the regex engine itself).
_ASCII_TWIN = re.compile(r"[^\x00-\x7f](?<=(?i:[\x00-\x7f]))")


def _char_rate(ch: str, ignore_case: bool) -> float:
    # a rough share of running text: only the choice of pieces depends on it, never a result
    if ch.isspace():
        return 1 / 6
    if ch.isalpha():
        return 1 / 12 if ignore_case or ch.islower() else 1 / 40
    if ch.isdigit() or ch in ".,-'":
        return 1 / 40
    return 1 / 200


def _piece_rate(pieces: Iterable[Piece]) -> float:
    """How often one of the pieces is expected to start at a place in a line, roughly.

    >>> _piece_rate([(" ", False)]) > MAX_PIECE_RATE > _piece_rate([("ap", True)])
    True
    >>> _piece_rate([("L", False)]) > _piece_rate([("ea", False), ("EA", False)])
    True
    """
    total = 0.0
    for text, ci in pieces:
        rate = 1.0
        for ch in text:
            rate *= _char_rate(ch, ci)
        total += rate
    return total


def _ignore_case(ci: bool, add_flags: int, del_flags: int) -> bool:
    return bool((ci or add_flags & re.IGNORECASE) and not del_flags & re.IGNORECASE)


def _pieces(items: Iterable[tuple[Any, Any]], ci: bool) -> frozenset[Piece] | None:
    """A set of literal pieces one of which is in every match of the parsed ``items``, or None.

    A run of literal characters must appear as it is; a group, a repeat of at least one, a
    lookaround must match somewhere inside the line, so their pieces are required as well; a
    branch needs one piece from each of its alternatives. Case-insensitive pieces keep only
    ASCII characters: their lower case is then exactly what str.lower() makes of the line.
    """
    options: list[frozenset[Piece]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            text = "".join(run)
            options.append(frozenset({(text.lower() if ci else text, ci)}))
            run.clear()

    for op, av in items:
        if op is _sre.LITERAL:
            ch = chr(av)
            if ci and not ch.isascii():
                flush()
            else:
                run.append(ch)
            continue
        flush()
        found: frozenset[Piece] | None = None
        if op is _sre.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            found = _pieces(sub, _ignore_case(ci, add_flags, del_flags))
        elif op is _sre.BRANCH:
            alternatives = [_pieces(alt, ci) for alt in av[1]]
            if all(alternatives):
                found = frozenset().union(*alternatives)  # type: ignore[arg-type]
        elif op in _REPEATS:
            low, _high, sub = av
            if low >= 1:
                found = _pieces(sub, ci)
        elif op is _sre.ASSERT:
            found = _pieces(av[1], ci)
        elif op is _ATOMIC:
            found = _pieces(av, ci)
        elif op is _sre.IN and all(item is _sre.LITERAL for item, _code in av):
            chars = [chr(code) for _item, code in av]  # a class of a few characters: "[\[(]"
            if not ci or all(ch.isascii() for ch in chars):
                found = frozenset((ch.lower() if ci else ch, ci) for ch in chars)
        if found:
            options.append(found)
    flush()
    return min(options, key=_piece_rate) if options else None


def _first_chars(items: Sequence[tuple[Any, Any]], ci: bool) -> tuple[set[tuple[str, bool]] | None, bool]:
    """The characters a match of ``items`` can start with (None: unknown), and whether it can be empty."""
    chars: set[tuple[str, bool]] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue  # a lookaround or an anchor consumes nothing: the next item starts the match
        if op is _sre.LITERAL:
            chars.add((chr(av), ci))
            return chars, False
        if op is _sre.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            found, empty = _first_chars(sub, _ignore_case(ci, add_flags, del_flags))
        elif op is _sre.BRANCH:
            found, empty = set(), False
            for alt in av[1]:
                alt_found, alt_empty = _first_chars(alt, ci)
                if alt_found is None:
                    return None, False
                found |= alt_found
                empty = empty or alt_empty
        elif op in _REPEATS:
            low, _high, sub = av
            found, empty = _first_chars(sub, ci)
            empty = empty or low == 0
        else:
            return None, False
        if found is None:
            return None, False
        chars |= found
        if not empty:
            return chars, False
    return chars, True


if _sre is not None:
    _REPEATS = frozenset({_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", _sre.MAX_REPEAT)})
    _ATOMIC = getattr(_sre, "ATOMIC_GROUP", None)
    _ZERO_WIDTH = frozenset({_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT})
    _ANCHORS = ((_sre.AT, _sre.AT_BEGINNING), (_sre.AT, _sre.AT_BEGINNING_STRING))


@dataclass(frozen=True)
class Shape:
    """What a rule's regex needs of a line before it can match (None: nothing known)."""

    first: re.Pattern[str] | None = None  # anchored: matches each character a match can start with
    pieces: frozenset[Piece] | None = None  # else: one of these is in every match


def shape_of(pattern: str, ignore_case: bool) -> Shape:
    """The cheap test for one rule's regex.

    >>> shape_of(r"^(?:Impressum|Kontakt)\\s*$", False).first.pattern
    '(?:I|K)'
    >>> sorted(shape_of(r"(?:Wir nutzen Cookies|Cookie-Einstellungen)", True).pieces)
    [('cookie-einstellungen', True), ('wir nutzen cookies', True)]
    >>> shape_of(r"^\\d+$", False)
    Shape(first=None, pieces=None)
    """
    if _sre is None:
        return Shape()
    try:
        parsed = _sre_parse.parse(pattern, re.IGNORECASE if ignore_case else 0)
        flags = parsed.state.flags
        ci = bool(flags & re.IGNORECASE)
        data = list(parsed)
        if data and data[0] in _ANCHORS and not flags & re.MULTILINE:
            chars, empty = _first_chars(data[1:], ci)
            if chars and not empty:
                return Shape(first=_char_test(chars))
        pieces = _pieces(data, ci)
    except Exception:  # noqa: BLE001 - a parse tree of another shape: no shortcut for this rule
        return Shape()
    if pieces and _piece_rate(pieces) <= MAX_PIECE_RATE:
        return Shape(pieces=pieces)
    return Shape()


def _char_test(chars: set[tuple[str, bool]]) -> re.Pattern[str]:
    # the engine decides whether a character matches case-insensitively, as in the rule itself
    plain = sorted(re.escape(ch) for ch, ci in chars if not ci)
    folded = sorted(re.escape(ch) for ch, ci in chars if ci)
    alternatives = plain + ([f"(?i:{'|'.join(folded)})"] if folded else [])
    return re.compile(f"(?:{'|'.join(alternatives)})")


def trie_regex(words: Iterable[str]) -> str:
    """One regex for a set of literal strings that finds, at the leftmost place one starts,
    the longest of them starting there.

    >>> rx = re.compile(trie_regex(["cookie", "cookies", "abo"]))
    >>> rx.search("Wir nutzen Cookies und cookies").group()
    'cookies'
    """
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict[str, Any]) -> str:
        alternatives = []
        for ch, child in sorted(node.items()):
            if not ch:
                continue
            chain = [ch]
            while len(child) == 1 and "" not in child:  # a run of single children: one literal
                (ch, child), = child.items()
                chain.append(ch)
            alternatives.append(re.escape("".join(chain)) + render(child))
        if not alternatives:
            return ""
        if "" in node:  # a word ends here: a longer one is tried first
            return f"(?:{'|'.join(alternatives)})?"
        return alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"

    return render(root)


class _PieceScan:
    """The rules a text can match by the pieces it holds: one regex of all pieces, rerun one
    character after each hit so that overlapping pieces are all seen."""

    def __init__(self, pieces: dict[str, set[int]]) -> None:
        self._search = re.compile(trie_regex(pieces)).search
        # a hit is the longest piece at its place; the shorter ones there are its prefixes
        self._rules = {
            text: frozenset().union(*(pieces[text[:end]] for end in range(1, len(text) + 1) if text[:end] in pieces))
            for text in pieces
        }
        self.all_rules: frozenset[int] = frozenset().union(*pieces.values())

    def rules_in(self, text: str) -> frozenset[int] | None:
        found: frozenset[int] | None = None
        search, rules = self._search, self._rules
        pos = 0
        while (hit := search(text, pos)) is not None:
            found = rules[hit.group()] if found is None else found | rules[hit.group()]
            pos = hit.start() + 1
        return found


class _Band:
    """The rules open to lines of one range of word counts, with their shortcuts."""

    def __init__(self, indices: Sequence[int], shapes: Sequence[Shape]) -> None:
        self._always = tuple(i for i in indices if shapes[i].first is None and shapes[i].pieces is None)
        self._led = tuple((i, shapes[i].first.match) for i in indices if shapes[i].first is not None)  # type: ignore[union-attr]
        self._by_char: dict[str, tuple[int, ...]] = {}
        exact: dict[str, set[int]] = {}
        folded: dict[str, set[int]] = {}
        for i in indices:
            for text, ci in shapes[i].pieces or ():
                (folded if ci else exact).setdefault(text, set()).add(i)
        self._exact = _PieceScan(exact) if exact else None
        self._folded = _PieceScan(folded) if folded else None

    def _for_char(self, ch: str) -> tuple[int, ...]:
        found = tuple(sorted({i for i, test in self._led if ch and test(ch)}.union(self._always)))
        self._by_char[ch] = found
        return found

    def candidates(self, line: str) -> Sequence[int]:
        """The indices of the rules that may match ``line``, in rule order."""
        ch = line[:1]
        base = self._by_char.get(ch)
        if base is None:
            base = self._for_char(ch)
        hits: frozenset[int] | None = None
        if self._exact is not None:
            hits = self._exact.rules_in(line)
        if self._folded is not None:
            if line.isascii() or _ASCII_TWIN.search(line) is None:
                more = self._folded.rules_in(line.lower())
            else:
                more = self._folded.all_rules
            if more:
                hits = more if hits is None else hits | more
        if not hits:
            return base
        return sorted(hits.union(base))


def first_by_loop(rules: Sequence[Rule], line: str, words: int) -> Rule | None:
    """The first rule allowing ``words`` words whose regex matches: what RuleMatcher.first answers."""
    for rule in rules:
        if rule.max_words and words > rule.max_words:
            continue
        if rule.regex.search(line):
            return rule
    return None


class RuleMatcher:
    """First-match-in-order over ``rules``: the plain loop's answer, with most regexes skipped.

    >>> from pipeline.config import load_config
    >>> rules = [r for r in load_config().rules if r.kind in ("block_start", "credit", "line_regex")]
    >>> matcher = RuleMatcher(rules)
    >>> matcher.first("Werbung", 1).name, matcher.first("Der Rat tagte am Montag.", 5)
    ('de.ad_label', None)
    >>> lines = ["", " ", "WERBUNG", "Cookies akzeptieren", "COOKıES AKZEPTıEREN", "Newſletter abonnieren",
    ...          "Foto: dpa", "Lesen Sie auch: Die Brücke", "| Impressum |  |", "İmpressum", "13. Juli 2024",
    ...          "Newſletter", "WE USE COOKİES"]  # 'ſ' and 'İ' match 's' and 'i' when case is ignored
    >>> matcher.first("WE USE COOKİES", 3).name
    'en.cookie_notice'
    >>> all(matcher.first(line, words) is first_by_loop(rules, line, words)
    ...     for line in lines for words in (0, 1, 2, 5, 9, 30, 81))
    True
    """

    def __init__(self, rules: Sequence[Rule]) -> None:
        self._rules = tuple(rules)
        self._search: tuple[Callable[[str], re.Match[str] | None], ...] = tuple(r.regex.search for r in self._rules)
        self._max_words = tuple(r.max_words for r in self._rules)
        self._shapes = tuple(shape_of(r.pattern, r.ignore_case) for r in self._rules)
        # lines are grouped by word count, each group with the scans of the rules it may meet
        self._limits = _some_limits(sorted({r.max_words for r in self._rules if r.max_words}), MAX_BANDS - 1)
        self._bands: dict[int, _Band] = {}

    def _band(self, key: int) -> _Band:
        # lines of more words than limit[key - 1] meet the rules without a limit and those
        # allowing more words than that (the exact max_words is checked before each regex)
        floor = self._limits[key - 1] if key > 0 else -1
        indices = [i for i, most in enumerate(self._max_words) if not most or most > floor]
        band = self._bands[key] = _Band(indices, self._shapes)
        return band

    def prepare(self) -> "RuleMatcher":
        """Build every group's scans now (before worker processes fork) instead of on first use."""
        for key in range(len(self._limits) + 1):
            if key not in self._bands:
                self._band(key)
        return self

    def may_match(self, line: str) -> Sequence[int]:
        """The positions in ``rules`` of those whose regex may match ``line`` (any length), in order.

        >>> from pipeline.config import load_config
        >>> rules = [r for r in load_config().rules if r.kind == "inline_regex"]
        >>> RuleMatcher(rules).may_match("Der Rat tagte am Montag.")
        ()
        """
        band = self._bands.get(0) or self._band(0)  # the group of the shortest lines has every rule
        return band.candidates(line)

    def first(self, line: str, words: int) -> Rule | None:
        """The first rule that allows ``words`` words and whose regex matches ``line``."""
        key = bisect_left(self._limits, words)
        band = self._bands.get(key) or self._band(key)
        search, max_words = self._search, self._max_words
        for i in band.candidates(line):
            if (not max_words[i] or words <= max_words[i]) and search[i](line):
                return self._rules[i]
        return None


def _some_limits(limits: list[int], count: int) -> list[int]:
    """At most ``count`` of the sorted ``limits``, spread out, the largest always kept.

    >>> _some_limits([2, 6, 8, 10, 16, 25, 30, 40, 80], 3)
    [8, 25, 80]
    >>> _some_limits([5, 10], 3)
    [5, 10]
    """
    if len(limits) <= count:
        return limits
    if count <= 0:
        return []
    step = len(limits) / count
    return sorted({limits[min(len(limits), round((k + 1) * step)) - 1] for k in range(count)})
