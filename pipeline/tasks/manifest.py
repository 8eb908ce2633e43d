"""Which pages a run covers, which shard each page belongs to, and what fingerprints them.

Walking the folder is cheap (stat only), so every task process computes the manifest itself
instead of reading a manifest file, and caches it for the life of the process. A page's shard
is a stable hash of its source path, so adding pages never moves the others (until the shard
count doubles), and a shard's fingerprint changes only when one of its own pages does.
"""

from __future__ import annotations

import hashlib
import math
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pipeline.read import find_pages
from pipeline.records import PageFile


@dataclass(frozen=True)
class Manifest:
    input_dir: str
    pages: tuple[PageFile, ...]
    skipped: tuple[tuple[str, int], ...]
    shard_count: int
    shards: tuple[tuple[PageFile, ...], ...]
    # fingerprints computed so far: Luigi asks every task's complete() several times, and
    # the run fingerprint hashes every page key (0.1 s at 100k pages, asked once per shard)
    _memo: dict[tuple[object, ...], str] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def fingerprint(self, shard: int, config_digest: str) -> str:
        key = ("shard", shard, config_digest)
        found = self._memo.get(key)
        if found is None:
            digest = hashlib.sha256(f"{config_digest}\x00{self.shard_count}\x00{shard}".encode())
            for page in self.shards[shard]:
                digest.update(page.key.encode("utf-8", "surrogateescape") + b"\x01")
            found = self._memo[key] = digest.hexdigest()[:20]
        return found

    def run_fingerprint(self, config_digest: str) -> str:
        key = ("run", config_digest)
        found = self._memo.get(key)
        if found is None:
            digest = hashlib.sha256(f"{config_digest}\x00{self.shard_count}".encode())
            for shard in range(self.shard_count):
                digest.update(self.fingerprint(shard, config_digest).encode())
            found = self._memo[key] = digest.hexdigest()[:20]
        return found


def shard_count_for(pages: int, shard_size: int, min_shards: int = 1) -> int:
    """Powers of two, so a growing folder rarely changes the count.

    At least ``min_shards`` (but never more shards than pages), so a small folder still
    keeps every worker busy; the count never depends on the machine, only on the folder.

    >>> shard_count_for(0, 500, 8), shard_count_for(5, 500, 8), shard_count_for(396, 500, 8)
    (1, 8, 8)
    >>> shard_count_for(100_000, 500, 8), shard_count_for(1_000_000, 2000, 8)
    (256, 512)
    """
    needed = max(1, math.ceil(pages / max(1, shard_size)), min(min_shards, pages))
    return 1 << (needed - 1).bit_length()


def shard_of(source: str, shard_count: int) -> int:
    digest = hashlib.blake2b(source.encode("utf-8", "surrogateescape"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % shard_count


@lru_cache(maxsize=4)
def build_manifest(input_dir: str, only: str, shard_size: int, min_shards: int = 1,
                   jsonl_fields: tuple[str, str] = ("", "")) -> Manifest:
    """The manifest of ``input_dir``, or of the one page ``only`` (a debugging run).

    ``jsonl_fields``: (HTML field, URL field) to read JSON Lines files as pages (read/warc.py).
    """
    if only:
        path = Path(only)
        stat = path.stat()
        base = Path(input_dir) if input_dir else path.parent
        try:
            source = path.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            source = path.name
        page = PageFile(source=source, path=str(path.resolve()), size=stat.st_size, mtime_ns=stat.st_mtime_ns)
        return Manifest(str(base), (page,), (), 1, ((page,),))
    pages, skipped = find_pages(input_dir, jsonl_fields)
    count = shard_count_for(len(pages), shard_size, min_shards)
    buckets: list[list[PageFile]] = [[] for _ in range(count)]
    for page in pages:
        buckets[shard_of(page.source, count)].append(page)
    return Manifest(
        input_dir=os.path.abspath(input_dir),
        pages=tuple(pages),
        skipped=tuple(sorted(skipped.items())),
        shard_count=count,
        shards=tuple(tuple(sorted(b, key=lambda p: p.source)) for b in buckets),
    )
