"""Plain-text dumps (a browser's innerText saved as .txt): paragraphs, headline, dateline, site.

trafilatura only reads HTML, so dumps get their own path. A dump starts with the site's
header (date line, site name, tagline, byline) above the headline; the headline is often
printed twice. Everything above the headline is page header, not article.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.extract.dates import parse_date
from pipeline.records import Extracted, Removal

HEADER_RULE = "page.header"
# A body paragraph: enough words and a sentence end.
BODY_MIN_WORDS = 18
_SENTENCE_END = re.compile(r"[.!?…][\"“”»’)]*$")
_WORD = re.compile(r"\S+")
# Hard-wrapped paragraphs: lines cut near a fixed width.
WRAP_MIN = 50
HEADER_SEARCH = 12


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of a dump: one per line, or hard-wrapped blocks separated by blank lines.

    >>> split_paragraphs("Titel\\n\\nErster Absatz.\\r\\nZweiter Absatz.\\n")
    ['Titel', 'Erster Absatz.', 'Zweiter Absatz.']
    >>> wrapped = "Ein langer Absatz, der bei etwa sechzig Zeichen umbrochen\\nwurde und hier weitergeht.\\n\\nNeu."
    >>> split_paragraphs(wrapped)
    ['Ein langer Absatz, der bei etwa sechzig Zeichen umbrochen wurde und hier weitergeht.', 'Neu.']
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs: list[str] = []
    for block in re.split(r"\n[ \t]*\n", text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if len(lines) > 1 and _is_hard_wrapped(lines):
            paragraphs.append(" ".join(lines))
        else:
            paragraphs.extend(lines)
    return paragraphs


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Every line but the last is long and none but the last ends a sentence's paragraph."""
    body = lines[:-1]
    return all(len(line) >= WRAP_MIN for line in body) and max(len(line) for line in body) <= 100


def _words(line: str) -> int:
    return len(_WORD.findall(line))


def _is_body(line: str) -> bool:
    return _words(line) >= BODY_MIN_WORDS and bool(_SENTENCE_END.search(line))


def _is_headline(line: str) -> bool:
    words = _words(line)
    return 3 <= words <= 40 and not line.endswith(":")


def extract_text_dump(text: str, is_noise: Callable[[str], bool] = lambda line: False) -> Extracted:
    """Headline, date, site name and body paragraphs of a text dump.

    ``is_noise`` tells boilerplate lines (ad labels, datelines, bylines) apart from a headline.

    >>> dump = "März 3, 2024\\n\\nSeeblick Zeitung\\n\\nFähre fällt aus\\n\\nFähre fällt aus\\n\\n" + \\
    ...     "Die Fähre zwischen den beiden Ufern fällt wegen Sturm am Montag und am Dienstag " + \\
    ...     "ganz aus, teilte die Reederei mit.\\n"
    >>> page = extract_text_dump(dump)
    >>> page.title, page.date, page.sitename
    ('Fähre fällt aus', '2024-03-03', 'Seeblick Zeitung')
    >>> page.paragraphs[0][:18]
    'Die Fähre zwischen'
    """
    paragraphs = split_paragraphs(text)
    title_index: int | None = None
    body_start = 0

    # 1. A headline printed twice near the top.
    for i in range(min(HEADER_SEARCH, len(paragraphs) - 1)):
        if paragraphs[i] == paragraphs[i + 1] and _is_headline(paragraphs[i]) and not is_noise(paragraphs[i]):
            title_index, body_start = i, i + 2
            break

    # 2. Else the last headline-like line above the first body paragraph.
    if title_index is None:
        first_body = next((i for i, p in enumerate(paragraphs[:HEADER_SEARCH + 5]) if _is_body(p) and not is_noise(p)), None)
        if first_body is not None:
            for i in range(first_body - 1, -1, -1):
                line = paragraphs[i]
                if _is_headline(line) and not is_noise(line) and parse_date(line) is None:
                    title_index, body_start = i, i + 1
                    break

    header = paragraphs[:title_index] if title_index is not None else []
    title = paragraphs[title_index] if title_index is not None else None
    body = paragraphs[body_start:] if title_index is not None else paragraphs

    date = None
    sitename = None
    for line in header + body[:3]:
        if date is None and _words(line) <= 8:
            date = parse_date(line)
    for line in header:
        if sitename is None and 1 <= _words(line) <= 4 and parse_date(line) is None and not is_noise(line) \
                and not _SENTENCE_END.search(line):
            sitename = line
    removed = [Removal(HEADER_RULE, line) for line in header]
    if title_index is not None and body_start == title_index + 2:
        removed.append(Removal("page.title_repeated", paragraphs[title_index + 1]))
    return Extracted(
        paragraphs=body,
        title=title,
        date=date,
        sitename=sitename,
        kind="text",
        removed=removed,
    )
