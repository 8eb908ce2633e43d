"""The read step: find page files, read their bytes within bounds, decode them to text.

Plain functions (no Luigi, no global state) so the step can be tested on its
own and called from any worker. Everything a hostile input can do here ends as
a :class:`pipeline.errors.PageRejected` with one of the documented reasons
(``empty``, ``binary``, ``undecodable``, ``too_large``, ``unreadable``) or as a
skip count from :func:`find_pages`, never as a hang or an unbounded allocation.
"""

from __future__ import annotations

from typing import Any, Mapping

from pipeline.read.decode import decode_page
from pipeline.read.load import read_page_bytes
from pipeline.read.walk import find_pages
from pipeline.records import Decoded, PageFile

__all__ = ["decode_page", "find_pages", "load_and_decode", "read_page_bytes"]


def load_and_decode(page: PageFile, limits: Mapping[str, Any]) -> Decoded:
    """Read ``page`` from disk and decode it; ``limits`` is the config's ``[limits]`` table.

    Uses ``limits["max_file_bytes"]`` and ``limits["max_decompressed_bytes"]``.
    Raises :class:`pipeline.errors.PageRejected` like the two steps it joins.
    """
    data = read_page_bytes(
        page.path,
        max_file_bytes=int(limits["max_file_bytes"]),
        max_decompressed_bytes=int(limits["max_decompressed_bytes"]),
    )
    return decode_page(data, page.source)
