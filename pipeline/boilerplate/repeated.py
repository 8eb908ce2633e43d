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


def line_hash(site: str, key: str) -> int:
    digest = hashlib.blake2b(f"{site}\x00{key}".encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def page_line_hashes(site: str, paragraphs: Iterable[str]) -> list[int]:
    """The distinct line hashes one page contributes to its site's counts, sorted."""
    keys = {line_key(p) for p in paragraphs}
    return sorted(line_hash(site, k) for k in keys if len(k) >= MIN_KEY_CHARS)


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
    floor = settings["min_pages"]
    any_need = max(floor, settings["min_fraction"] * site_pages)
    short_need = max(floor, settings["short_min_fraction"] * site_pages)
    short_words = settings["short_line_words"]
    found = set()
    for line in paragraphs:
        key = line_key(line)
        if len(key) < MIN_KEY_CHARS:
            continue
        count = counts.get(line_hash(site, key), 0)
        need = short_need if word_count(line) <= short_words else any_need
        if count >= need:
            found.add(key)
    return frozenset(found)
