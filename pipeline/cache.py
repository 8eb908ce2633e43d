"""The per-user folder where files built from installed packages are kept between runs.

Two things are built once per machine instead of once per run: the language lexicon
(:mod:`pipeline.language._lexicon`) and dateparser's compiled locale patterns
(:mod:`pipeline.extract.date_cache`). Each file's name carries the versions it was built
from; each file is one JSON header line, holding a digest of the body, then the body, so a file
cut short or damaged is never trusted. A file that cannot be written is no error.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path


def cache_dir() -> Path | None:
    """``$REINSCHRIFT_CACHE``, else ``$XDG_CACHE_HOME/reinschrift`` (``~/.cache/reinschrift``);
    None when no such folder can be named."""
    base = os.environ.get("REINSCHRIFT_CACHE")
    if not base:
        home = os.path.expanduser("~")
        xdg = os.environ.get("XDG_CACHE_HOME") or (os.path.join(home, ".cache") if home != "~" else "")
        base = os.path.join(xdg, "reinschrift") if xdg else ""
    return Path(base) if base else None


def _digest(body: bytes | memoryview) -> str:
    return hashlib.blake2b(body, digest_size=16).hexdigest()


def write_cache_file(path: Path | None, header: dict, body: bytes) -> None:
    """Write ``header`` (plus the body's digest) and ``body`` to ``path``, whole or not at all
    (temp file, then rename); errors are swallowed. Concurrent builders each write a whole file
    and the last rename wins."""
    if path is None:
        return
    data = json.dumps(dict(header, digest=_digest(body)), sort_keys=True).encode() + b"\n" + body
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except OSError:
        try:
            tmp.unlink()
        except OSError:
            pass


def read_cache_file(path: Path | None, fmt: int) -> tuple[dict, memoryview] | None:
    """(header, body) of a file :func:`write_cache_file` wrote with ``header["format"] == fmt``;
    None when it is missing, of another format, cut short or damaged."""
    if path is None:
        return None
    try:
        data = path.read_bytes()
        end = data.index(b"\n")
        header = json.loads(data[:end])
    except (OSError, ValueError):
        return None
    body = memoryview(data)[end + 1:]  # no copy of a 13 MB table
    if not isinstance(header, dict) or header.get("format") != fmt or header.get("digest") != _digest(body):
        return None
    return header, body
