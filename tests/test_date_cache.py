"""dateparser's compiled locale patterns kept on disk (pipeline/extract/date_cache.py)."""

import json
import os
import pickle
import subprocess
import sys

from pipeline.cache import write_cache_file
from pipeline.extract import date_cache

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# dates in several languages, and strings no locale reads (those try every locale)
STRINGS = [
    "Publicado: Jueves, 21 Abril 2022 04:45",
    "15 августа 2016, 13:43",
    "opublikowano: 7 kwietnia 2021",
    "mercredi 3 mars 2021",
    "3 de mayo de 2022",
    "Feb. 19 2020",
    "Dienstag, 9. April 2024",
    "Von Deutscher Tennis Bund 4. 2. 2022",
    "MuP Verlag GmbH Nymphenburgerstraße 20b 80335",
]
_PROBE = """
import json, sys
from pipeline.cache import write_cache_file
from pipeline.extract import date_cache
from dateparser.languages.dictionary import Dictionary
if sys.argv[1] == "lazy":  # a one-page run: the file is read before the first date, no warm-up
    date_cache.ensure_patterns()
    loaded = sum(len(v) for v in Dictionary._split_regex_cache.values()) > 100
else:
    loaded = date_cache.load_patterns(date_cache.cache_path()) if sys.argv[1] == "cache" else False
    date_cache.warm_date_parser(use_cache=sys.argv[1] == "cache")
from htmldate.extractors import get_external_parser
parser = get_external_parser()
out = []
for s in json.loads(sys.argv[2]):
    d = parser.get_date_data(s)
    out.append([d.date_obj.isoformat() if d.date_obj else None, d.locale])
print(json.dumps({"loaded": loaded, "dates": out}))
"""


def _probe(mode: str, cache: str) -> dict:
    env = dict(os.environ, REINSCHRIFT_CACHE=cache, PYTHONPATH=ROOT)
    done = subprocess.run([sys.executable, "-c", _PROBE, mode, json.dumps(STRINGS)], env=env,
                          capture_output=True, text=True, timeout=120, check=True)
    return json.loads(done.stdout)


def test_cached_patterns_give_the_same_dates_as_compiled_ones(tmp_path):
    first = _probe("cache", str(tmp_path))  # no file yet: compiled, then written
    path = next(tmp_path.glob("dateparser-*.pickle"))
    assert not first["loaded"] and path.stat().st_size > 100_000
    second = _probe("cache", str(tmp_path))  # read from the file
    plain = _probe("plain", str(tmp_path / "unused"))  # never touches a file
    lazy = _probe("lazy", str(tmp_path))
    fresh = tmp_path / "fresh"
    first_lazy = _probe("lazy", str(fresh))  # no file yet: compiled once, and written for the next run
    assert first_lazy["loaded"] and next(fresh.glob("dateparser-*.pickle")).stat().st_size > 100_000
    assert second["loaded"] and lazy["loaded"]
    assert second["dates"] == first["dates"] == plain["dates"] == lazy["dates"] == first_lazy["dates"]
    read = [locale for date, locale in plain["dates"] if date]
    assert {"ru", "fr", "es", "de"} <= set(read)  # the probe reads real dates in their locales
    assert not (tmp_path / "unused").exists()


def _write(path, body: bytes) -> None:
    write_cache_file(path, {"format": date_cache.CACHE_FORMAT}, body)


def test_a_damaged_or_foreign_file_is_not_loaded(tmp_path):
    path = tmp_path / "patterns.pickle"
    assert not date_cache.load_patterns(path)  # missing
    assert not date_cache.load_patterns(None)  # no cache folder
    _write(path, pickle.dumps({name: {} for name in date_cache.CACHE_NAMES}))
    assert date_cache.load_patterns(path)  # a whole file of this format loads (nothing to add)
    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF  # one flipped byte in the body: it no longer matches its digest
    path.write_bytes(bytes(data))
    assert not date_cache.load_patterns(path)
    _write(path, pickle.dumps({name: {} for name in date_cache.CACHE_NAMES[:2]}))  # not all caches
    assert not date_cache.load_patterns(path)
    # a pickle that would call anything but regex's constructor is refused before it runs
    marker = tmp_path / "ran"

    class Evil:
        def __reduce__(self):
            return (os.mkdir, (str(marker),))

    _write(path, pickle.dumps({name: Evil() for name in date_cache.CACHE_NAMES}))
    assert not date_cache.load_patterns(path)
    assert not marker.exists()
    path.write_bytes(b"not a cache file")
    assert not date_cache.load_patterns(path)


def test_a_cache_folder_that_cannot_be_written_is_no_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("REINSCHRIFT_CACHE", str(blocker / "sub"))  # parent is a file: mkdir fails
    path = date_cache.cache_path()
    date_cache.save_patterns(path)
    assert not path.exists()
