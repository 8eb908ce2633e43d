"""Pages inside container files: WARC / WARC.gz records and JSON Lines exports.

Crawlers rarely write one file per page. wget ``--warc-file``, Heritrix and Common Crawl write
WARC files (each HTTP response a record, gzipped one by one in ``.warc.gz``); Scrapy and
similar write JSON Lines, one page per line. Here each HTML response record, or each line, is a
page (:class:`pipeline.records.PageFile` with the byte ``offset`` of its record or line), so a
container's pages are sharded, cached and rejected one by one like page files.

* WARC: ``source`` = ``<file>#<WARC-Record-ID without <>>``; ``url`` and ``date`` come from the
  record's ``WARC-Target-URI`` and ``WARC-Date`` where the page itself has none. Records that
  are not HTML responses (requests, metadata, warcinfo, revisits, images, PDFs) are counted as
  skipped ``warc_not_html``; a broken WARC ends its listing at the break (``warc_unreadable``).
* JSON Lines (``.jsonl``, ``.jl``, ``.ndjson``; only when an HTML field is given): ``source`` =
  ``<file>#<line number>`` (1-based); the HTML is the line's ``html_field``, the URL its
  ``url_field``. A line that is no JSON object with an HTML string is a reject at extract time.

Listing a WARC reads it through once (warcio); the listing is cached per process by the
file's path, size and mtime. Reading one page seeks to its record: no other record is read.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from typing import Any

from pipeline.errors import PageRejected
from pipeline.records import PageFile

WARC_SUFFIXES = (".warc", ".warc.gz")
JSONL_SUFFIXES = (".jsonl", ".jl", ".ndjson")

CONTAINER_SKIP_REASONS: dict[str, str] = {
    "warc_not_html": "a WARC record that is no HTML response (request, metadata, revisit, image, ...)",
    "warc_unreadable": "a WARC file (or its rest) that could not be parsed",
    "jsonl_blank": "an empty line in a JSON Lines export",
    "jsonl_unreadable": "a JSON Lines file that could not be read",
}


def is_warc_name(name: str) -> bool:
    return name.lower().endswith(WARC_SUFFIXES)


def is_jsonl_name(name: str) -> bool:
    return name.lower().endswith(JSONL_SUFFIXES)


def jsonl_member(html_field: str, url_field: str) -> str:
    """How a JSON Lines page is read, kept in the page's cache key."""
    return f"jsonl:{html_field}:{url_field}"


def _is_html_record(record: Any) -> bool:
    if record.rec_type == "response":
        if record.http_headers is None:
            return False
        content_type = record.http_headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return False
    content_type = content_type.lower()
    # no Content-Type at all: let the decode step sniff it
    return not content_type or "html" in content_type


@lru_cache(maxsize=64)
def _warc_index(path: str, size: int, mtime_ns: int) -> tuple[tuple[tuple[int, str], ...], tuple[tuple[str, int], ...]]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    records: list[tuple[int, str]] = []
    skipped: dict[str, int] = {}
    try:
        with open(path, "rb") as handle:
            iterator = ArchiveIterator(handle)
            for record in iterator:
                offset = iterator.get_record_offset()
                if not _is_html_record(record):
                    skipped["warc_not_html"] = skipped.get("warc_not_html", 0) + 1
                    continue
                record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<> ") or f"offset-{offset}"
                records.append((offset, record_id))
    except (ArchiveLoadFailed, OSError, ValueError, EOFError):
        skipped["warc_unreadable"] = skipped.get("warc_unreadable", 0) + 1
    return tuple(records), tuple(sorted(skipped.items()))


def warc_pages(path: str, source: str, size: int, mtime_ns: int) -> tuple[list[PageFile], dict[str, int]]:
    """The HTML response records of the WARC file at ``path`` as pages, and skip counts."""
    records, skipped = _warc_index(path, size, mtime_ns)
    seen: set[str] = set()
    pages = []
    for offset, record_id in records:
        # a record id is unique by the standard; a broken writer's duplicate gets its offset
        name = record_id if record_id not in seen else f"{record_id}@{offset}"
        seen.add(name)
        pages.append(PageFile(source=f"{source}#{name}", path=path, size=size, mtime_ns=mtime_ns,
                              offset=offset, member="warc"))
    return pages, dict(skipped)


@lru_cache(maxsize=64)
def _jsonl_index(path: str, size: int, mtime_ns: int) -> tuple[tuple[tuple[int, int], ...], int]:
    lines: list[tuple[int, int]] = []
    blank = 0
    offset = 0
    with open(path, "rb") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                lines.append((number, offset))
            else:
                blank += 1
            offset += len(line)
    return tuple(lines), blank


def jsonl_pages(path: str, source: str, size: int, mtime_ns: int,
                html_field: str, url_field: str) -> tuple[list[PageFile], dict[str, int]]:
    """Each non-empty line of the JSON Lines file at ``path`` as a page, and skip counts."""
    try:
        lines, blank = _jsonl_index(path, size, mtime_ns)
    except OSError:
        return [], {"jsonl_unreadable": 1}
    member = jsonl_member(html_field, url_field)
    pages = [PageFile(source=f"{source}#{number}", path=path, size=size, mtime_ns=mtime_ns, offset=offset, member=member)
             for number, offset in lines]
    return pages, ({"jsonl_blank": blank} if blank else {})


def read_member(page: PageFile, *, max_file_bytes: int, max_decompressed_bytes: int) -> tuple[bytes, dict[str, str]]:
    """The bytes of a page inside a container, and what the container says about it.

    Returns ``(html bytes, {"url": ..., "date": ..., "name": ...})``; raises
    :class:`PageRejected` like :func:`pipeline.read.read_page_bytes`.
    """
    if page.member == "warc":
        return _read_warc_record(page, max_file_bytes, max_decompressed_bytes)
    if page.member.startswith("jsonl:"):
        _, html_field, url_field = page.member.split(":", 2)
        return _read_jsonl_line(page, html_field, url_field, max_file_bytes)
    raise PageRejected("unreadable", f"unknown container kind {page.member!r}")


def _read_warc_record(page: PageFile, max_file_bytes: int, max_decompressed_bytes: int) -> tuple[bytes, dict[str, str]]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with open(page.path, "rb") as handle:
            handle.seek(page.offset)
            record = next(iter(ArchiveIterator(handle)))
            length = int(record.rec_headers.get_header("Content-Length") or 0)
            if length > max_file_bytes:
                raise PageRejected("too_large", f"WARC record is {length} bytes, over {max_file_bytes}")
            data = record.content_stream().read(max_decompressed_bytes + 1)
            meta = {"name": "record.html"}
            url = record.rec_headers.get_header("WARC-Target-URI")
            date = record.rec_headers.get_header("WARC-Date")
    except PageRejected:
        raise
    except StopIteration:
        raise PageRejected("unreadable", f"no WARC record at offset {page.offset}") from None
    except (ArchiveLoadFailed, OSError, ValueError, EOFError) as exc:
        raise PageRejected("unreadable", f"WARC record at offset {page.offset}: {type(exc).__name__}: {exc}") from None
    if len(data) > max_decompressed_bytes:
        raise PageRejected("too_large", f"WARC payload over {max_decompressed_bytes} bytes")
    if url:
        meta["url"] = url.strip("<> ")
    if date and len(date) >= 10:
        meta["date"] = date[:10]
    return data, meta


def _read_jsonl_line(page: PageFile, html_field: str, url_field: str, max_file_bytes: int) -> tuple[bytes, dict[str, str]]:
    try:
        with open(page.path, "rb") as handle:
            handle.seek(page.offset)
            line = handle.readline(max_file_bytes + 1)
    except OSError as exc:
        raise PageRejected("unreadable", f"{type(exc).__name__}: {exc.strerror or exc}") from None
    if len(line) > max_file_bytes:
        raise PageRejected("too_large", f"JSON Lines line over {max_file_bytes} bytes")
    try:
        item = json.loads(line)
    except ValueError as exc:
        raise PageRejected("undecodable", f"line is not valid JSON: {exc}") from None
    if not isinstance(item, dict):
        raise PageRejected("undecodable", "line is not a JSON object")
    html = item.get(html_field)
    if not isinstance(html, str) or not html.strip():
        raise PageRejected("empty", f"no HTML in field {html_field!r}")
    meta = {"name": "line.html"}
    url = item.get(url_field) if url_field else None
    if isinstance(url, str) and url.strip():
        meta["url"] = url.strip()
    return html.encode("utf-8", "surrogatepass"), meta


def container_pages(path: str, source: str, size: int, mtime_ns: int,
                    jsonl_fields: tuple[str, str] = ("", "")) -> tuple[list[PageFile], dict[str, int]] | None:
    """The pages of a container file, or None when ``path`` is no container (a plain page)."""
    name = os.path.basename(path)
    if is_warc_name(name):
        return warc_pages(path, source, size, mtime_ns)
    if jsonl_fields[0] and is_jsonl_name(name):
        return jsonl_pages(path, source, size, mtime_ns, *jsonl_fields)
    return None
