"""Lines repeated on many pages of one site: the order-free second pass.

Each page contributes the set of its line keys, hashed with its site into 64-bit integers;
counts are summed over the whole run (in any order, in any number of shards), and a line
is boilerplate for a page when its count crosses the thresholds of ``[repeated_lines]``.
Like cc_net's two-pass deduplication, the counting pass never needs page order.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from urllib.parse import urlsplit

from pipeline.boilerplate import line_key, word_count

# Lines this short carry no signal ("Facebook" is handled by rules; "1" is noise).
MIN_KEY_CHARS = 4


def site_of(url: str | None, source: str) -> str:
    """The site a page belongs to: the host of its URL, else its top folder in the input.

    >>> site_of("https://www.example.org/a/b.html", "x/y.html")
    'example.org'
    >>> site_of(None, "rheinpost/2024/a.html")
    'rheinpost'
    >>> site_of(None, "a.txt")
    '.'
    """
    if url:
        try:
            host = urlsplit(url).hostname or ""
        except ValueError:
            host = ""
        if host:
            return host.removeprefix("www.")
    head, sep, _ = source.partition("/")
    return head if sep else "."


def line_hash(site: str, key: str, short: bool) -> int:
    """A 64-bit hash of a site's line; its lowest bit says whether the line is short.

    Carrying the bit in the hash lets the threshold be decided from hashes alone, so a
    shard can tell which of its lines are repeated without reading its pages again.
    """
    digest = hashlib.blake2b(f"{site}\x00{key}".encode("utf-8"), digest_size=8).digest()
    return (int.from_bytes(digest, "big") & ~1) | int(short)


def _keyed_lines(site: str, paragraphs: Iterable[str], short_words: int) -> dict[str, int]:
    """Each distinct line key of a page and its hash."""
    found: dict[str, int] = {}
    for line in paragraphs:
        key = line_key(line)
        if len(key) >= MIN_KEY_CHARS and key not in found:
            found[key] = line_hash(site, key, word_count(line) <= short_words)
    return found


def page_line_hashes(site: str, paragraphs: Iterable[str], short_words: int) -> list[int]:
    """The distinct line hashes one page contributes to its site's counts, sorted."""
    return sorted(_keyed_lines(site, paragraphs, short_words).values())


def is_repeated(line_hash_value: int, count: int, site_pages: int, settings: dict) -> bool:
    """Whether a line on ``count`` of its site's ``site_pages`` pages is boilerplate."""
    fraction = settings["short_min_fraction"] if line_hash_value & 1 else settings["min_fraction"]
    return count >= max(settings["min_pages"], fraction * site_pages)


def repeated_hashes(hashes: Iterable[int], counts: dict[int, int], site_pages: int, settings: dict) -> list[int]:
    """Those of ``hashes`` (one site's) that cross the thresholds, sorted."""
    if not settings["enabled"] or not counts:
        return []
    return sorted(h for h in set(hashes) if is_repeated(h, counts.get(h, 0), site_pages, settings))


def repeated_keys(
    site: str,
    paragraphs: Iterable[str],
    counts: dict[int, int],
    site_pages: int,
    settings: dict,
) -> frozenset[str]:
    """The keys of this page's lines that are repeated on enough pages of its site."""
    if not settings["enabled"] or not counts:
        return frozenset()
    keyed = _keyed_lines(site, paragraphs, settings["short_line_words"])
    return frozenset(
        key for key, value in keyed.items() if is_repeated(value, counts.get(value, 0), site_pages, settings)
    )
