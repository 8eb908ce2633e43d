"""Reinschrift: raw scraped pages in, clean article JSON out.

The steps live in one sub-package each (read, extract, boilerplate, repair,
language, write); :mod:`pipeline.process` composes them per page, and
:mod:`pipeline.tasks` wires them into Luigi at shard grain.
"""

__version__ = "0.1.0"


def clean_page(page, *, source: str | None = None, config=None) -> dict:
    """Clean one page (a path or raw bytes) exactly as a batch run would.

    Returns the article dict, or the reject dict ``{"source", "reason", "detail"}``.
    """
    from pipeline.process import clean_single_page

    return clean_single_page(page, source=source, config=config)
