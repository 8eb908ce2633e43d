"""Strip boilerplate lines from an article's paragraphs with the named rules of ``config/rules``.

The code implements the rule *kinds*; the rule files list the rules. Every removed line is
recorded with the full name of the rule that removed it, so ``--explain`` and the article's
``removed`` counts can say why each line went.

Cross-page repetition ("this line is on most pages of the site") is decided elsewhere, over
all pages of a run (:mod:`pipeline.boilerplate.repeated`); here it arrives as a set of line
keys, so this step stays a pure function of one page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import cached_property, lru_cache

from pipeline.boilerplate.prefilter import RuleMatcher
from pipeline.config import Config, Rule
from pipeline.records import Removal

REPEATED_RULE = "site.repeated_line"
TITLE_RULE = "page.title_repeated"

# A caption is one sentence: no sentence end followed by a capitalised word inside it.
_SENTENCE_BREAK = re.compile(r"[^\W\d_]{2,}[.!?][\"“”»’]?\s+[^\W\d_]")
_KEY_STRIP = re.compile(r"[\W_]+")

# Teaser blocks under a related/check-also heading: short headlines and teaser text.
TEASER_MAX_WORDS = 45
TEASER_MAX_LINES = 8
CAPTION_MAX_WORDS = 45
# a kicker, section or site name beside the headline on its line: at most this many words
HEADLINE_EXTRA_WORDS = 6


# A table row of one non-empty cell ("| Kommentare insgesamt: 0 |  |"): a layout table, whose
# cell is matched by the rules like any line.
_CELL_SPLIT = re.compile(r"(?<!\\)\|")


def rule_text(line: str) -> str:
    """The text the rules see: a layout-table row of one non-empty cell is that cell.

    >>> rule_text("| Kommentare insgesamt: 0 |  |")
    'Kommentare insgesamt: 0'
    >>> rule_text("| Jahr | Einwohner |")
    '| Jahr | Einwohner |'
    """
    if not line.startswith("|"):
        return line
    cells = [c.strip() for c in _CELL_SPLIT.split(line)]
    filled = [c for c in cells if c]
    return filled[0] if len(filled) == 1 else line


def word_count(line: str) -> int:
    """The number of whitespace-separated words (``\\S+`` runs; str.split counts the same, faster).

    >>> word_count("  Folgen Sie\\u00a0uns  ")
    3
    """
    return len(line.split())


def line_key(line: str) -> str:
    """The normalised form under which a line is counted across a site's pages.

    >>> line_key("  Folgen Sie uns auf   Facebook! ")
    'folgen sie uns auf facebook'
    """
    return _KEY_STRIP.sub(" ", line.casefold()).strip()


@dataclass(frozen=True)
class RuleSet:
    """The line rules of a configuration, grouped by kind in the order they are tried."""

    blocks: tuple[Rule, ...]
    credits: tuple[Rule, ...]
    lines: tuple[Rule, ...]
    inlines: tuple[Rule, ...]

    @classmethod
    def from_config(cls, config: Config) -> "RuleSet":
        return _ruleset_for(config)

    @cached_property
    def _matcher(self) -> RuleMatcher:
        # built by prepare() or on first use, kept on the instance (a cached_property writes
        # past frozen=True; it is no field, so equality and hashing stay those of the rules)
        return RuleMatcher(self.blocks + self.credits + self.lines)

    @cached_property
    def _inline_matcher(self) -> RuleMatcher:
        return RuleMatcher(self.inlines)

    @cached_property
    def _inline_regexes(self) -> tuple[re.Pattern[str], ...]:
        return tuple(rule.regex for rule in self.inlines)

    def cut_inline(self, line: str, removed: list[Removal]) -> str:
        """Cut what the inline rules match out of a stripped line, in rule order; record each cut.

        >>> from pipeline.config import load_config
        >>> rules, removed = RuleSet.from_config(load_config()), []
        >>> rules.cut_inline("Die Brücke ist wieder offen. [mehr]", removed), [r.rule for r in removed]
        ('Die Brücke ist wieder offen.', ['common.read_more_link'])
        """
        # a rule whose regex cannot match the line would leave it as it is: it is skipped
        possible = self._inline_matcher.may_match(line)
        for index, regex in enumerate(self._inline_regexes):
            if index not in possible:
                continue
            new = regex.sub("", line).strip()
            if new != line:
                removed.append(Removal(self.inlines[index].name, line))
                line = new
                possible = self._inline_matcher.may_match(line)
        return line

    def prepare(self) -> "RuleSet":
        """Build the matchers now rather than on first use.

        ``from_config`` does: the CLI's warm-up builds them before Luigi forks its task
        processes, which then share them instead of each building its own.
        """
        self._matcher.prepare()
        self._inline_matcher.prepare()
        self._inline_regexes  # noqa: B018 - a cached property, filled here
        return self

    def __getstate__(self) -> dict[str, object]:
        # the matcher and compiled regexes are caches: a pickled RuleSet rebuilds them
        return {name: value for name, value in self.__dict__.items() if name in _RULESET_FIELDS}

    def match(self, line: str, words: int) -> Rule | None:
        """The first whole-line rule (block, credit or line) that matches ``line``.

        A layout-table row of one cell is tried as it is, then as its cell's text.
        """
        found = self._match(line, words)
        if found is None and line.startswith("|"):
            cell = rule_text(line)
            if cell is not line:
                found = self._match(cell, word_count(cell))
        return found

    def _match(self, line: str, words: int) -> Rule | None:
        # the first block, credit or line rule allowing ``words`` words whose regex matches;
        # the matcher skips the regexes that cannot match (pipeline.boilerplate.prefilter)
        return self._matcher.first(line, words)


_RULESET_FIELDS = frozenset(f.name for f in fields(RuleSet))


@lru_cache(maxsize=8)
def _ruleset_for(config: Config) -> RuleSet:
    langs = set(config.get("rules", "languages"))

    def wanted(rule: Rule) -> bool:
        return not langs or rule.language in langs or rule.language in ("common", "user")

    rules = [r for r in config.rules if wanted(r)]
    return RuleSet(
        blocks=tuple(r for r in rules if r.kind == "block_start"),
        credits=tuple(r for r in rules if r.kind == "credit"),
        lines=tuple(r for r in rules if r.kind == "line_regex"),
        inlines=tuple(r for r in rules if r.kind == "inline_regex"),
    ).prepare()


def is_headline_line(line: str, title_key: str) -> bool:
    """Whether a line is the page's headline, alone or with a kicker or site name around it.

    >>> is_headline_line("Lokales | Turnhalle wird saniert", "turnhalle wird saniert")
    True
    >>> is_headline_line("Die Turnhalle wird saniert, sagte der Bürgermeister am Montag.", "turnhalle wird saniert")
    False
    """
    key = line_key(line)
    if key == title_key:
        return True
    if not title_key or f" {title_key} " not in f" {key} ":
        return False
    extra = len(key.split()) - len(title_key.split())
    return extra <= HEADLINE_EXTRA_WORDS and not _SENTENCE_BREAK.search(line) and not line.rstrip().endswith(".")


def is_caption(line: str, words: int) -> bool:
    """A photo caption is a single sentence of moderate length."""
    return 0 < words <= CAPTION_MAX_WORDS and not _SENTENCE_BREAK.search(line)


def strip_boilerplate(
    paragraphs: list[str],
    rules: RuleSet,
    *,
    repeated: frozenset[str] | set[str] = frozenset(),
    title: str | None = None,
) -> tuple[list[str], list[Removal]]:
    """Remove boilerplate paragraphs; return the kept ones and a record of each removal.

    >>> from pipeline.config import load_config
    >>> rules = RuleSet.from_config(load_config())
    >>> kept, removed = strip_boilerplate(
    ...     ["Werbung", "Der Rat tagte am Montag lange.", "Siehe auch  Neue Brücke eröffnet"], rules)
    >>> kept
    ['Der Rat tagte am Montag lange.']
    >>> [r.rule for r in removed]
    ['de.ad_label', 'de.see_also']
    """
    kept: list[str] = []
    removed: list[Removal] = []
    title_key = line_key(title) if title else None
    i, n = 0, len(paragraphs)
    while i < n:
        line = paragraphs[i].strip()
        if not line:
            i += 1
            continue
        words = word_count(line)
        if title_key and not kept and is_headline_line(line, title_key):
            removed.append(Removal(TITLE_RULE, line))
            i += 1
            continue
        rule = rules.match(line, words)
        # named rules first: a block heading that is also repeated must still take its block
        if rule is None and repeated and line_key(line) in repeated:
            removed.append(Removal(REPEATED_RULE, line))
            i += 1
            continue
        if rule is None:
            line = rules.cut_inline(line, removed)
            if line:
                kept.append(line)
            i += 1
            continue
        removed.append(Removal(rule.name, line))
        i += 1
        if rule.kind == "block_start":
            i = _drop_block(paragraphs, i, rule, rules, removed)
        elif rule.kind == "credit" and rule.caption != "none":
            if rule.caption == "next" and i < n:
                nxt = paragraphs[i].strip()
                nwords = word_count(nxt)
                if is_caption(nxt, nwords) and rules.match(nxt, nwords) is None:
                    removed.append(Removal(rule.name, nxt))
                    i += 1
            elif rule.caption == "previous" and kept:
                prev = kept[-1]
                if is_caption(prev, word_count(prev)):
                    removed.append(Removal(rule.name, kept.pop()))
    return kept, removed


def _drop_block(paragraphs: list[str], i: int, rule: Rule, rules: RuleSet, removed: list[Removal]) -> int:
    """Drop what follows a block heading; return the index of the first line kept."""
    n = len(paragraphs)
    if rule.until == "end":
        while i < n:
            if paragraphs[i].strip():
                removed.append(Removal(rule.name, paragraphs[i].strip()))
            i += 1
        return i
    limit = rule.until if isinstance(rule.until, int) else TEASER_MAX_LINES
    taken = 0
    while i < n and taken < limit:
        line = paragraphs[i].strip()
        if not line:
            i += 1
            continue
        words = word_count(line)
        other = rules.match(line, words)
        if other is not None:
            # a date or label line inside a teaser list goes under its own rule and the
            # block goes on; another block's heading (a comment form) ends this block
            if rule.until != "teaser" or other.kind == "block_start":
                break
            removed.append(Removal(other.name, line))
            i += 1
            continue
        if rule.until == "teaser" and words > TEASER_MAX_WORDS:
            break
        removed.append(Removal(rule.name, line))
        taken += 1
        i += 1
    return i
