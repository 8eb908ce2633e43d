"""dateparser's compiled locale patterns, kept on disk between runs.

htmldate hands the date strings its own patterns cannot read to dateparser, which on its first
string that no locale reads compiles, for each of its ~200 locales, three alternations of all
the locale's words with the ``regex`` module (whose compiler is pure Python): ~1.6 s of every
run's start, in the scheduling process, before any task (see :func:`pipeline.process.warm_caches`).
The compiled patterns are the same on every run of the same package versions, and a compiled
``regex`` pattern pickles as its compiled code, so they are kept in the cache folder
(:func:`pipeline.cache.cache_dir`) and loaded in ~30 ms.

The file's name carries the versions of dateparser, regex and Python; its body is checked
against a digest in its header, and unpickled with only the two callables such a file holds
(``regex``'s pattern constructor and dateparser's dictionary classes), so a damaged or foreign
file is ignored and built again. Loading fills exactly the class-level caches dateparser fills
itself (entries it would have computed from the same data), so dates come out the same
with or without the file (tests/test_date_cache.py).
"""

from __future__ import annotations

import io
import pickle
import sys
from pathlib import Path
from typing import Any

from pipeline.cache import cache_dir, read_cache_file, write_cache_file

# bump when what is stored changes: an old file is then ignored
CACHE_FORMAT = 1
# Dictionary's class-level caches, keyed (dictionary class, settings key) -> locale -> value
CACHE_NAMES = (
    "_split_regex_cache",
    "_sorted_words_cache",
    "_split_relative_regex_cache",
    "_sorted_relative_strings_cache",
    "_match_relative_regex_cache",
)
# A string no locale reads: dateparser then tries (and compiles) every locale.
WARM_STRING = "0 warm 1 up 2"


def cache_path() -> Path | None:
    """The cache file for the installed dateparser, regex and Python; None without a folder."""
    base = cache_dir()
    if base is None:
        return None
    import dateparser
    import regex

    python = f"{sys.version_info[0]}.{sys.version_info[1]}"
    return base / f"dateparser-v{CACHE_FORMAT}-{dateparser.__version__}-regex-{regex.__version__}-py{python}.pickle"


class _Unpickler(pickle.Unpickler):
    """Only what a pattern cache holds: regex's constructor and dateparser's dictionary classes."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("regex._regex", "compile") or (
            module == "dateparser.languages.dictionary" and name in {"Dictionary", "NormalizedDictionary"}
        ):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a date pattern cache")


def _dictionary() -> Any:
    from dateparser.languages.dictionary import Dictionary

    return Dictionary


def load_patterns(path: Path | None) -> bool:
    """Fill dateparser's pattern caches from ``path``; False (nothing changed) when the file
    is missing, damaged, or not one this module wrote."""
    found = read_cache_file(path, CACHE_FORMAT)
    if found is None:
        return False
    try:
        caches = _Unpickler(io.BytesIO(found[1])).load()
    except (ValueError, TypeError, KeyError, EOFError, AttributeError, ImportError, pickle.UnpicklingError):
        return False
    if not isinstance(caches, dict) or set(caches) != set(CACHE_NAMES):
        return False
    if not all(isinstance(v, dict) and all(isinstance(e, dict) for e in v.values()) for v in caches.values()):
        return False
    dictionary = _dictionary()
    with dictionary._cache_lock:
        for name in CACHE_NAMES:
            target = getattr(dictionary, name)
            for key, entries in caches[name].items():
                target.setdefault(key, {}).update(entries)
    return True


def save_patterns(path: Path | None) -> None:
    """Write dateparser's current pattern caches to ``path`` (atomically; no error if it cannot)."""
    if path is None:
        return
    dictionary = _dictionary()
    with dictionary._cache_lock:
        caches = {name: {key: dict(entries) for key, entries in getattr(dictionary, name).items()}
                  for name in CACHE_NAMES}
    write_cache_file(path, {"format": CACHE_FORMAT}, pickle.dumps(caches, protocol=5))


_looked = False  # this process has looked for the cache file


def _read_every_locale() -> None:
    from htmldate.extractors import get_external_parser

    get_external_parser().get_date_data(WARM_STRING)


def ensure_patterns() -> None:
    """Load the cache file once per process, before dateparser's first use: a one-page run
    (``reinschrift page``) that meets a date only dateparser reads then does not compile
    every locale. Without the file (once per machine and package versions) every locale is
    compiled now and the file written. Cheap after the first call."""
    global _looked
    if not _looked:
        _looked = True
        path = cache_path()
        if path is not None and not load_patterns(path):
            _read_every_locale()
            save_patterns(path)


def warm_date_parser(*, use_cache: bool = True) -> None:
    """Have htmldate's dateparser instance read every locale once, from the cache file when
    there is one; write the file when there was none."""
    global _looked
    path = cache_path() if use_cache else None
    loaded = load_patterns(path)
    _looked = _looked or use_cache
    _read_every_locale()
    if not loaded:
        save_patterns(path)
