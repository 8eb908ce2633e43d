"""The run log: one line per shard, and a line with the page's path for each page in error.

Lines go to the logger ``reinschrift``. Each process that logs attaches (once) a file handler
on ``[logging] folder`` (empty = ``OUT/logs``), file ``reinschrift-YYYY-MM-DD.log``, appended:
tasks forked by Luigi, the CLI and ``luigi --module`` runs all write to the same file, one
``write()`` per line. The CLI adds a plain stderr handler when it does not run on a terminal.
"""

from __future__ import annotations

import hashlib
import logging
import time
from pathlib import Path
from typing import Any

LOGGER = "reinschrift"
# reject reasons an operator should look at (the others are ordinary outcomes of cleaning)
ERROR_REASONS = frozenset({"timeout", "crashed", "unreadable", "undecodable", "too_large", "binary"})
FORMAT = "%(asctime)s %(levelname)s %(message)s"
_attached: set[str] = set()


def log_folder(out_dir: str | Path, configured: str) -> Path:
    return Path(configured).expanduser() if configured else Path(out_dir) / "logs"


def run_logger(out_dir: str | Path, logging_settings: dict[str, Any]) -> logging.Logger:
    """The run's logger: a child of ``reinschrift`` with this process's handler on the run's log file.

    One child logger per log file, so a long-lived process (tests, a notebook) that runs into
    several output folders never writes one run's lines into another run's file.
    """
    folder = log_folder(out_dir, logging_settings.get("folder", ""))
    path = folder / f"reinschrift-{time.strftime('%Y-%m-%d')}.log"
    key = str(path.absolute())
    logger = logging.getLogger(f"{LOGGER}.run.{hashlib.blake2b(key.encode('utf-8', 'surrogateescape'), digest_size=6).hexdigest()}")
    logger.setLevel(str(logging_settings.get("level", "INFO")).upper())
    if key not in _attached:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handler = logging.FileHandler(path, encoding="utf-8")
        except OSError:
            return logger  # an unwritable log folder never fails the run
        handler.setFormatter(logging.Formatter(FORMAT))
        logger.addHandler(handler)
        _attached.add(key)
    return logger


def log_shard(out_dir: str | Path, input_dir: str, logging_settings: dict[str, Any], step: str, shard: int,
              shard_count: int, entries: list[dict[str, Any]], seconds: float, fresh: int) -> None:
    """``clean shard 3/8: 500 pages (12 new), 480 kept, 20 rejected, 4.2 s`` and one line per error."""
    logger = run_logger(out_dir, logging_settings)
    kept = sum(1 for e in entries if e.get("article"))
    for entry in entries:
        result = entry.get("result", {})
        if not entry.get("article") and result.get("reason") in ERROR_REASONS:
            page = Path(input_dir) / result["source"] if input_dir else result["source"]
            logger.warning("page %s: %s: %s", page, result["reason"], result.get("detail", ""))
    logger.info("%s shard %d/%d: %d pages (%d new), %d kept, %d rejected, %.1f s",
                step, shard + 1, shard_count, len(entries), fresh, kept, len(entries) - kept, seconds)
