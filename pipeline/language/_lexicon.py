"""Word-frequency evidence for short texts, from wordfreq's "small" word lists.

Character n-gram detectors (langdetect, fastText) are weak on one or two words:
``kostenlose`` or ``undervisere`` has n-grams shared by many related languages.
A frequency lexicon answers a different question, "how common is this exact
word in language L?", which is what tells Danish from Norwegian or Portuguese
from Spanish on a single word.  wordfreq ships its lists inside the package
(no download), with every word of frequency >= 1e-6 for 39 alphabetic
languages (the Chinese, Japanese and Korean lists need word segmentation and are
left out; their scripts are told apart by the n-gram detectors anyway).

Memory: a Python dict of the 1.6 million (word, language) pairs takes ~190 MB,
far over a worker's budget.  We keep only a 48-bit hash of each word packed with
the language index and the frequency in centibels into one unsigned 64-bit
integer, in 256 sorted ``array('Q')`` shards (~13 MB in all), and look words up
by binary search.  The hash is the first 6 bytes of BLAKE2b of the word's UTF-8,
the same in every process, so the packed table is built once per machine and kept
in a cache file (:func:`cache_path`, ~13 MB): reading it takes milliseconds where
building it from wordfreq's lists takes about a second, which every run and every
``reinschrift page`` would otherwise pay before its first page.
A false hit needs a 48-bit collision: about 6e-9 per word looked up.
"""

from __future__ import annotations

import hashlib
import math
import sys
import unicodedata
from array import array
from pathlib import Path
from bisect import bisect_left
from functools import lru_cache
from itertools import islice
from operator import methodcaller

import numpy as np

from pipeline.cache import cache_dir, read_cache_file, write_cache_file

# wordfreq lists that are not used (need word segmentation, see above)
_SKIPPED_LISTS = frozenset({"zh", "ja", "ko"})
# wordfreq list -> the detector codes it speaks for
_LIST_ALIASES = {
    "nb": ("no",),  # Norwegian (Bokmal list; Nynorsk is merged into "no" too)
    # Serbo-Croatian in Latin script; not "sr": Serbian is mostly written in Cyrillic,
    # where this list would only count against it
    "sh": ("sh", "hr", "bs"),
    "fil": ("tl",),  # Filipino / Tagalog
}

_LANG_BITS = 6  # up to 64 lists
_CB_BITS = 10  # centibels 0..1023 (the small lists stop at 600 cB = 1e-6)
_CB_MAX = (1 << _CB_BITS) - 1
_TAG_BITS = _LANG_BITS + _CB_BITS
_TAG_SPAN = 1 << _TAG_BITS
_TAG_MASK = _TAG_SPAN - 1
_CB_NONE = _CB_MAX + 1
_SHARD_SHIFT = 64 - 8
# tokens whose scores are remembered: article text repeats its function words ("the",
# "und", "de") on every page, and a cached token costs ~0.2 us instead of ~10 us of
# case folding and binary searches; 16 K tokens take ~6 MB
TOKEN_CACHE_SIZE = 1 << 14

# score of a word found at frequency f: ln(f / FLOOR); words not in a list score 0
FLOOR_LOG10 = -8.0
_LN10 = math.log(10.0)
_VALUES = tuple(_LN10 * (-cb / 100.0 - FLOOR_LOG10) for cb in range(_CB_MAX + 1))  # by centibels
_POSITIVE_CB = round(-100 * FLOOR_LOG10)  # scores of words more frequent than 1e-8 are > 0

# letters with their combining marks (Devanagari vowel signs are marks, not letters)
_TOKEN_PATTERN = r"[\p{L}\p{M}]+(?:['\u2019][\p{L}\p{M}]+)*"
_COMMA_CEDILLA = str.maketrans("șțşţ", "şţșț")
_COMMA_CEDILLA_CHARS = frozenset("șțşţ")


_group = methodcaller("group")


def _word_key(word: str) -> int:
    # stable across processes (unlike hash(str)): the table can be cached on disk
    digest = hashlib.blake2b(word.encode("utf-8", "surrogatepass"), digest_size=6).digest()
    return int.from_bytes(digest, "big") << _TAG_BITS


# bump when the packing or the key changes: an old cache file is then ignored
CACHE_FORMAT = 1


def cache_path() -> Path | None:
    """Where the packed table is kept (:func:`pipeline.cache.cache_dir`); None when no such
    folder can be named."""
    base = cache_dir()
    if base is None:
        return None
    import wordfreq

    version = getattr(wordfreq, "__version__", None) or _distribution_version("wordfreq")
    return base / f"lexicon-v{CACHE_FORMAT}-wordfreq-{version}.bin"


def _distribution_version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "unknown"


def _load_cache(path: Path | None) -> tuple[dict, list[array]] | None:
    """(header, shards) from a cache file, or None when it is missing or not whole."""
    found = read_cache_file(path, CACHE_FORMAT)  # cut short or damaged: rebuilt and written again
    if found is None:
        return None
    header, body = found
    try:
        if header.get("byteorder") != sys.byteorder:
            return None
        shards, offset = [], 0
        for length in header["lengths"]:
            shard = array("Q")
            shard.frombytes(body[offset:offset + 8 * length])
            shards.append(shard)
            offset += 8 * length
        if offset != len(body) or len(shards) != 256:
            return None
        return header, shards
    except (ValueError, KeyError, TypeError):
        return None


def _save_cache(path: Path | None, header: dict, shards: list[array]) -> None:
    """Write the cache file atomically; a cache that cannot be written is no error."""
    header = dict(header, format=CACHE_FORMAT, byteorder=sys.byteorder, lengths=[len(s) for s in shards])
    write_cache_file(path, header, b"".join(shard.tobytes() for shard in shards))


class Lexicon:
    """Packed word -> (language, frequency) table; build once per process."""

    def __init__(self, *, use_cache: bool = True) -> None:
        import regex  # a wordfreq dependency; re has no \p{M}
        import wordfreq  # imported here: only needed when the lexicon is built

        self._token = regex.compile(_TOKEN_PATTERN)

        available = wordfreq.available_languages("small")
        lists = sorted(lang for lang in available if lang not in _SKIPPED_LISTS)
        if len(lists) > (1 << _LANG_BITS):
            raise RuntimeError(f"wordfreq has {len(lists)} lists, more than the lexicon packs")
        self.lists: tuple[str, ...] = tuple(lists)
        self.codes: tuple[tuple[str, ...], ...] = tuple(_LIST_ALIASES.get(lang, (lang,)) for lang in lists)
        self.covered: frozenset[str] = frozenset(code for codes in self.codes for code in codes)
        path = cache_path() if use_cache else None
        cached = _load_cache(path)
        if cached is not None and cached[0].get("lists") == list(lists):
            self._shards = cached[1]
            self.entries = int(cached[0].get("entries", 0))
        else:
            self._shards, self.entries = self._build(wordfreq, available, lists)
            _save_cache(path, {"lists": list(lists), "entries": self.entries}, self._shards)
        self._token_rows = lru_cache(maxsize=TOKEN_CACHE_SIZE)(self._uncached_token_rows)

    @staticmethod
    def _build(wordfreq, available: dict[str, str], lists: list[str]) -> tuple[list[array], int]:
        """The 256 sorted shards of packed (word hash, list, centibels) keys, from wordfreq."""
        shards = [array("Q") for _ in range(256)]
        entries = 0
        for index, lang in enumerate(lists):
            buckets = wordfreq.read_cBpack(available[lang])
            for centibels, words in enumerate(buckets):
                if not words:
                    continue
                tag = (index << _CB_BITS) | min(centibels, _CB_MAX)
                for word in words:
                    key = _word_key(word) | tag
                    shards[key >> _SHARD_SHIFT].append(key)
                entries += len(words)
            if len(buckets) > _POSITIVE_CB:
                # list_vectors() tells a hit by its score > 0
                raise RuntimeError(f"wordfreq list {lang} goes under 1e-8, where scores are <= 0")
            del buckets
        # sort shard by shard: a transient list of ~6k ints at a time, not 1.6 M
        return [array("Q", sorted(shard)) for shard in shards], entries

    def lookup(self, word: str, best: dict[int, int] | None = None) -> dict[int, int]:
        """{list index: centibels} for an already case-folded word, merged into
        `best` (keeping the more frequent spelling) when given."""
        if best is None:
            best = {}
        base = _word_key(word)
        shard = self._shards[base >> _SHARD_SHIFT]
        end = base + _TAG_SPAN
        n = len(shard)
        i = bisect_left(shard, base)
        while i < n:
            key = shard[i]
            if key >= end:
                break
            index = (key & _TAG_MASK) >> _CB_BITS
            centibels = key & _CB_MAX
            if centibels < best.get(index, _CB_NONE):
                best[index] = centibels
            i += 1
        return best

    def _variant_hits(self, folded: str, token: str) -> dict[int, int]:
        """{list index: centibels} for one word, trying its spelling variants."""
        best = self.lookup(folded)
        if "I" in token or "\u0130" in token:  # Turkish dotted/dotless i
            self.lookup(token.replace("\u0130", "i").replace("I", "\u0131").casefold().replace("\u2019", "'"), best)
        if _COMMA_CEDILLA_CHARS.intersection(folded):  # Romanian commas vs Turkish cedillas
            self.lookup(folded.translate(_COMMA_CEDILLA), best)
        return best

    def word_hits(self, token: str) -> list[dict[int, int]]:
        """One {list index: centibels} per word of the token.

        A token with an apostrophe that no list knows as a whole is split into
        its parts, the way wordfreq splits French and Italian elisions
        (``l'homme`` -> ``l``, ``homme``; ``don't`` stays whole).
        """
        folded = token.casefold().replace("\u2019", "'")
        hits = self._variant_hits(folded, token)
        if hits or "'" not in folded:
            return [hits]
        return [self._variant_hits(part, part) for part in folded.split("'") if part]

    def _uncached_token_rows(self, token: str) -> np.ndarray | None:
        """One row per word of the token that some list knows (see :meth:`word_hits`),
        with that word's score in each list that has it and 0 in the others; None
        when no list knows any of its words."""
        parts = [hits for hits in self.word_hits(token) if hits]
        if not parts:
            return None
        rows = np.zeros((len(parts), len(self.lists)))
        for row, hits in zip(rows, parts):
            row[list(hits)] = [_VALUES[cb] for cb in hits.values()]
        rows.flags.writeable = False  # shared through the cache
        return rows

    def list_vectors(self, texts: list[str], max_words: int = 64) -> np.ndarray:
        """Per text (rows) and word list (columns, as :attr:`lists`): the sum over
        its first ``max_words`` tokens of ln(frequency / 1e-8); 0 where no word hit
        the list (a hit scores > 0).

        The sums add the words up one after the other (numpy's accumulate is
        sequential by definition, and adding the 0 of a miss changes nothing), so
        they are the same to the last bit as a loop over the words would give.
        """
        sums = np.zeros((len(texts), len(self.lists)))
        token_rows = self._token_rows
        for index, text in enumerate(texts):
            tokens = islice(self._token.finditer(unicodedata.normalize("NFC", text)), max_words)
            blocks = [rows for rows in map(token_rows, map(_group, tokens)) if rows is not None]
            if blocks:
                block = np.concatenate(blocks) if len(blocks) > 1 else blocks[0]
                sums[index] = np.add.accumulate(block, axis=0)[-1]
        return sums

    def list_scores(self, text: str, max_words: int = 64) -> dict[int, float]:
        """Sum over the words of ln(frequency / 1e-8), per word list (index into
        :attr:`lists`); lists without a hit are absent.  At most ``max_words``
        tokens are read."""
        sums = self.list_vectors([text], max_words)[0].tolist()
        return {index: value for index, value in enumerate(sums) if value > 0.0}

    def scores(self, text: str, max_words: int = 64) -> dict[str, float]:
        """Sum over the words of ln(frequency / 1e-8), per detector language code.

        Only languages in :attr:`covered` can get a score; a word missing from a
        list adds 0 for that language.  At most ``max_words`` tokens are read.
        """
        by_list = self.list_scores(text, max_words)
        totals: dict[str, float] = {}
        for index, value in by_list.items():
            for code in self.codes[index]:
                totals[code] = totals.get(code, 0.0) + value
        return totals
