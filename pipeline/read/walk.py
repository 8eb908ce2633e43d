"""Finding the page files under the input folder.

Scraped dumps are hostile: they hold FIFOs, device nodes, symlinks that point
out of the dump or at themselves, directories named like pages and names with
newlines in them. The walk therefore only *looks* at entries (``lstat`` /
``stat``, never ``open``: opening a FIFO blocks until a writer appears), never
follows directory symlinks (no loops, no escaping the input folder) and is
iterative (a deep tree cannot hit the recursion limit). Whatever it skips is
counted by reason, so a run can report what it left out and why.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from pipeline.read.warc import CONTAINER_SKIP_REASONS, container_pages
from pipeline.records import PageFile

# Lower-case name endings that make a file a page; each may also be gzipped.
PAGE_SUFFIXES: tuple[str, ...] = (".html", ".htm", ".xhtml", ".txt")
_ALL_SUFFIXES: tuple[str, ...] = PAGE_SUFFIXES + tuple(s + ".gz" for s in PAGE_SUFFIXES)

# The reasons an entry is skipped, as counted in find_pages' second result.
SKIP_REASONS: dict[str, str] = {
    "not_a_page": "a file whose name does not end in a page extension",
    "symlink_outside": "a symlink that resolves outside the input folder",
    "symlink_dir": "a symlink to a directory (never followed: loops, duplicates)",
    "broken_symlink": "a symlink whose target is missing, or a symlink loop",
    "not_a_regular_file": "a FIFO, socket or device node",
    "unreadable_dir": "a directory that could not be listed (permissions, vanished)",
    "vanished": "an entry that disappeared between listing and stat",
    **CONTAINER_SKIP_REASONS,  # records of WARC files, lines of JSON Lines exports (read/warc.py)
}


def is_page_name(name: str) -> bool:
    """True when ``name`` ends (in any case) in a page extension, optionally + ``.gz``."""
    return name.lower().endswith(_ALL_SUFFIXES)


def _inside(real: str, root_real: str) -> bool:
    return real == root_real or real.startswith(root_real.rstrip(os.sep) + os.sep)


def find_pages(input_dir: str | Path, jsonl_fields: tuple[str, str] = ("", "")) -> tuple[list[PageFile], dict[str, int]]:
    """Walk ``input_dir`` and return its page files, sorted by ``source``, and skip counts.

    A page is a regular file (or a symlink to one inside ``input_dir``) whose name
    ends in .html, .htm, .xhtml or .txt, each optionally followed by .gz, in any
    case. Directories are walked into whatever their name (``x.html/`` is a
    folder, not a page). Skipped entries are counted by reason, see
    :data:`SKIP_REASONS`; reasons that did not occur are absent.

    WARC files (``.warc``, ``.warc.gz``) give one page per HTML response record, and with
    ``jsonl_fields`` = (html field, url field) JSON Lines files one page per line
    (:mod:`pipeline.read.warc`).

    Raises :class:`NotADirectoryError` / :class:`FileNotFoundError` when
    ``input_dir`` is not a directory.
    """
    root_abs = os.path.abspath(os.fspath(input_dir))
    if not os.path.isdir(root_abs):
        if os.path.exists(root_abs):
            raise NotADirectoryError(f"input folder is not a directory: {root_abs}")
        raise FileNotFoundError(f"input folder not found: {root_abs}")
    root_real = os.path.realpath(root_abs)

    pages: list[PageFile] = []
    skipped: dict[str, int] = {}

    def skip(reason: str) -> None:
        skipped[reason] = skipped.get(reason, 0) + 1

    # (absolute directory path, its source prefix with a trailing "/" or "")
    stack: list[tuple[str, str]] = [(root_abs, "")]
    while stack:
        directory, prefix = stack.pop()
        try:
            with os.scandir(directory) as entries:
                listing = list(entries)
        except OSError:
            # The root itself must be listable; below it, one bad folder must not end the run.
            if directory == root_abs:
                raise
            skip("unreadable_dir")
            continue
        for entry in listing:
            source = prefix + entry.name
            try:
                if entry.is_symlink():
                    page = _symlink_page(entry, source, root_real, skip)
                    if page is not None:
                        pages.append(page)
                    continue
                st = entry.stat(follow_symlinks=False)
            except OSError:
                # Vanished between listing and stat: nothing to read later either.
                skip("broken_symlink" if _is_link(entry) else "vanished")
                continue
            if stat.S_ISDIR(st.st_mode):
                stack.append((entry.path, source + "/"))
            elif not stat.S_ISREG(st.st_mode):
                skip("not_a_regular_file")
            elif (inner := container_pages(entry.path, source, st.st_size, st.st_mtime_ns, jsonl_fields)) is not None:
                pages.extend(inner[0])
                for reason, count in inner[1].items():
                    skipped[reason] = skipped.get(reason, 0) + count
            elif not is_page_name(entry.name):
                skip("not_a_page")
            else:
                pages.append(PageFile(source=source, path=entry.path, size=st.st_size, mtime_ns=st.st_mtime_ns))

    pages.sort(key=lambda p: p.source)
    return pages, skipped


def _is_link(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_symlink()
    except OSError:
        return False


def _symlink_page(
    entry: os.DirEntry[str], source: str, root_real: str, skip: Callable[[str], None]
) -> PageFile | None:
    """The page a symlink stands for, or None after counting why it is skipped."""
    try:
        # Following the link here is safe: stat does not open, and ELOOP ends loops.
        st = os.stat(entry.path)
    except OSError:
        skip("broken_symlink")
        return None
    if not _inside(os.path.realpath(entry.path), root_real):
        skip("symlink_outside")
        return None
    if stat.S_ISDIR(st.st_mode):
        skip("symlink_dir")
        return None
    if not stat.S_ISREG(st.st_mode):
        skip("not_a_regular_file")
        return None
    if not is_page_name(entry.name):
        skip("not_a_page")
        return None
    return PageFile(source=source, path=entry.path, size=st.st_size, mtime_ns=st.st_mtime_ns)
