"""The write step: the output contract's files, written atomically and deterministically.

Every file is written to a temporary name in the same folder and renamed into place, so a
killed run never leaves half a file under a final name, and readers see old or new, never a mix.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

ARTICLES_JSONL = "articles.jsonl"
REJECTS_JSONL = "rejects.jsonl"
REPORT_JSON = "report.json"
ARTICLES_DIR = "articles"

# mkstemp creates 0600 files; outputs get the usual permissions, as open() would give them.
_UMASK = os.umask(0)
os.umask(_UMASK)
FILE_MODE = 0o666 & ~_UMASK

_UNSAFE_PART = re.compile(r"[\x00-\x1f\x7f\\:*?\"<>|]")


def dumps_line(obj: dict[str, Any]) -> str:
    """One JSON Lines line: UTF-8 text kept as is, key order as built, no trailing spaces."""
    return json.dumps(obj, ensure_ascii=False, separators=(", ", ": ")) + "\n"


def dumps_pretty(obj: dict[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


@contextlib.contextmanager
def atomic_open(path: str | Path, mode: str = "w", *, fsync: bool = True) -> Iterator[IO[Any]]:
    """Open a temporary file next to ``path``; rename it over ``path`` only on success.

    ``fsync=False`` skips the per-file flush for callers that flush many files at once
    (a shard's article files: one :func:`sync_filesystem` costs less than an fsync per article).
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:60]}.", suffix=".tmp", dir=target.parent)
    try:
        encoding = None if "b" in mode else "utf-8"
        with os.fdopen(fd, mode, encoding=encoding, newline=None if "b" in mode else "\n") as handle:
            yield handle
            handle.flush()
            if fsync:
                os.fsync(handle.fileno())
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def sync_filesystem(path: str | Path) -> None:
    """Flush the file system that holds ``path`` to disk (``syncfs``), else every file system.

    A shard's article files are written without an fsync each (one fsync per file costs a
    journal commit each); this one flush makes them durable before the shard's ``.done``.
    ``syncfs`` leaves other file systems' dirty data (other jobs', the scrape being
    written) alone, which a plain ``sync`` would wait for.
    """
    libc_syncfs = _libc_syncfs()
    if libc_syncfs is not None:
        fd = os.open(path, os.O_RDONLY)
        try:
            if libc_syncfs(fd) == 0:
                return
        finally:
            os.close(fd)
    os.sync()


@functools.lru_cache(maxsize=1)
def _libc_syncfs() -> Any:
    try:
        import ctypes
        import ctypes.util

        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        function = libc.syncfs
    except (OSError, AttributeError):  # not Linux (or no glibc): os.sync() instead
        return None
    function.argtypes = [ctypes.c_int]
    function.restype = ctypes.c_int
    return function


def atomic_write(path: str | Path, data: str | bytes, *, fsync: bool = True) -> None:
    with atomic_open(path, "wb" if isinstance(data, bytes) else "w", fsync=fsync) as handle:
        handle.write(data)


def write_if_changed(path: str | Path, data: str) -> bool:
    """Write only when the content differs (incremental runs touch few files)."""
    target = Path(path)
    try:
        if target.read_text(encoding="utf-8") == data:
            return False
    except (FileNotFoundError, UnicodeDecodeError, IsADirectoryError):
        pass
    atomic_write(target, data)
    return True


def article_relpath(source: str, article_id: str) -> str:
    """Where an article's JSON goes under ``OUT/articles/``, never outside it.

    >>> article_relpath("site/2024/page.html", "ab12")
    'site/2024/page.html.json'
    >>> article_relpath("../../etc/passwd", "ab12")
    '_/_/etc/passwd.json'
    >>> article_relpath("odd\\nname.txt", "ab12")
    'odd_name.txt.json'
    """
    parts = []
    for part in source.replace("\\", "/").split("/"):
        if part in ("", ".", ".."):
            part = "_"
        part = _UNSAFE_PART.sub("_", part)
        if part.startswith("-"):
            part = "_" + part[1:]
        parts.append(part[:200])
    rel = "/".join(parts) + ".json"
    if len(rel.encode("utf-8", "surrogateescape")) > 1000:
        rel = f"_long/{article_id}.json"
    return rel


def article_file(out_dir: str | Path, source: str, article_id: str) -> Path:
    """The article's file under ``OUT/articles/``; a path that a symlink would lead outside
    the folder goes to ``_unsafe/<id>.json`` instead. (os.path, not pathlib: called for every
    page of a shard on each run.)
    """
    base = os.path.realpath(os.path.join(out_dir, ARTICLES_DIR))
    path = os.path.realpath(os.path.join(base, article_relpath(source, article_id)))
    if not path.startswith(base + os.sep):
        path = os.path.join(base, "_unsafe", f"{article_id}.json")
    return Path(path)
