"""The extract step: from decoded page text to body paragraphs and metadata.

HTML goes through trafilatura (:mod:`pipeline.extract.html`); plain-text dumps through
their own path (:mod:`pipeline.extract.text_dump`).
"""

from pipeline.extract.dates import parse_date
from pipeline.extract.html import extract_html
from pipeline.extract.text_dump import extract_text_dump, split_paragraphs

__all__ = ["extract_html", "extract_text_dump", "parse_date", "split_paragraphs"]
