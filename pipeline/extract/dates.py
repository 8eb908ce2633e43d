"""Turn the date lines news pages print ("Juli 13, 2024", "13. Juli 2024") into ISO 8601."""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {}
for number, names in enumerate(
    [
        "januar january jan jän jänner janvier enero gennaio januari stycznia",
        "februar february feb février febrero febbraio februari lutego",
        "märz march mar mär mars marzo maart marca",
        "april apr avril abril aprile kwietnia",
        "mai may mayo maggio mei maja",
        "juni june jun juin junio giugno juni czerwca",
        "juli july jul juillet julio luglio lipca",
        "august aug août agosto augustus sierpnia",
        "september sep sept septembre septiembre settembre września",
        "oktober october okt oct octobre octubre ottobre października",
        "november nov novembre noviembre listopada",
        "dezember december dez dec décembre diciembre dicembre grudnia",
    ],
    start=1,
):
    for name in names.split():
        MONTHS[name] = number

_MONTH = r"([^\W\d_]{3,10})\.?"
_PATTERNS = [
    # 13. Juli 2024 / 13 July 2024
    (re.compile(rf"\b(\d{{1,2}})\.?\s+{_MONTH}\s+(\d{{4}})\b"), ("d", "m", "y")),
    # Juli 13, 2024 / July 13th, 2024
    (re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"), ("m", "d", "y")),
    # 13.07.2024
    (re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b"), ("d", "mn", "y")),
    # 2024-07-13
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), ("y", "mn", "d")),
]


def parse_date(line: str) -> str | None:
    """The first date in ``line`` as ``YYYY-MM-DD``, or None.

    >>> parse_date("Juli 13, 2024")
    '2024-07-13'
    >>> parse_date("Dienstag, 9. April 2024, 14:05 Uhr")
    '2024-04-09'
    >>> parse_date("March 17, 2024")
    '2024-03-17'
    >>> parse_date("Kein Datum hier") is None
    True
    """
    for pattern, order in _PATTERNS:
        for match in pattern.finditer(line):
            parts = dict(zip(order, match.groups()))
            if "m" in parts:
                month = MONTHS.get(parts["m"].casefold())
                if month is None:
                    continue
            else:
                month = int(parts["mn"])
            day, year = int(parts["d"]), int(parts["y"])
            if 1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2100:
                return f"{year:04d}-{month:02d}-{day:02d}"
    return None
