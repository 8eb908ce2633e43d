"""The per-user folder where files built from installed packages are kept between runs.

Two things are built once per machine instead of once per run: the language lexicon
(:mod:`pipeline.language._lexicon`) and dateparser's compiled locale patterns
(:mod:`pipeline.extract.date_cache`). Each file's name carries the versions it was built
from, and each is checked when read; a file that cannot be written is no error.
"""

from __future__ import annotations

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


def write_cache_file(path: Path, data: bytes) -> None:
    """Write ``path`` whole or not at all (temp file, then rename); errors are swallowed.

    Concurrent builders each write a whole file and the last rename wins.
    """
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
