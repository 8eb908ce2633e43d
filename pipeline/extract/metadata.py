"""Page metadata (author, date, URL, site name) from one parsed tree, without the parts we drop.

``bare_extraction(with_metadata=True)`` runs trafilatura's ``extract_metadata``, which also
looks for categories, tags, a licence and a title: half of its cost (~10 ms a page on
trafilatura-dev), for fields an article here does not carry (the title is chosen by
:func:`pipeline.extract.html.choose_title`). This runs the same trafilatura functions in the
same order for the fields we keep, so those come out identical (checked on every dev page),
and asks for trafilatura's own title search only when our choice found none.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from htmldate import find_date
from trafilatura.metadata import (
    META_URL,
    examine_meta,
    extract_author,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.settings import set_date_params


@dataclass
class PageMeta:
    title: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    sitename: str | None = None


def read_metadata(tree: Any, *, want_title: bool) -> PageMeta:
    """Author, date, URL and site name as trafilatura's ``extract_metadata`` finds them.

    ``want_title``: also find a title (meta tags, JSON-LD, then trafilatura's search of the
    page) for a page where :func:`~pipeline.extract.html.choose_title` found none.
    The tree is not changed.
    """
    found = examine_meta(tree)
    if found.author and " " not in found.author:  # a user name, not a person's name
        found.author = None
    try:
        found = extract_meta_json(tree, found)
    except Exception:  # noqa: BLE001 - malformed JSON-LD: keep what the meta tags gave
        pass
    if want_title and not found.title:
        found.title = extract_title(tree)
    if not found.author:
        found.author = extract_author(tree)
    if not found.url:
        found.url = extract_url(tree, None)
    date_params = set_date_params(True)
    date_params["url"] = found.url
    found.date = find_date(tree, **date_params)
    if not found.sitename:
        found.sitename = extract_sitename(tree)
    if found.sitename:
        found.sitename = found.sitename.lstrip("@")
        if found.sitename and "." not in found.sitename and not found.sitename[0].isupper():
            found.sitename = found.sitename.title()
    elif found.url:
        match = META_URL.match(found.url)
        if match:
            found.sitename = match[1]
    found.clean_and_trim()  # trafilatura's own: entities, spaces, control characters, length
    return PageMeta(
        title=(found.title or None) if want_title else None,
        author=found.author or None,
        date=found.date or None,
        url=found.url or None,
        sitename=found.sitename or None,
    )
