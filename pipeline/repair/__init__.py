"""Text repairs: encoding and character fixes, then punctuation fixes.

Modelled on ftfy: each repair is a small pure function ``str -> str`` (in
:mod:`pipeline.repair.encoding` and :mod:`pipeline.repair.fixes`) with a
doctest showing its broken form, and :data:`REPAIRS` lists them in the order
they run. The names are the keys of an article's ``repairs`` counts and of the
``[repair]`` table in ``config/reinschrift.toml``::

    [repair]
    enabled = []     # empty = every repair, in the default order
    disabled = []    # repair names to switch off

The pipeline runs :func:`fix_encoding_with_log` right after extraction (so
the boilerplate rules see clean text) and :func:`repair_punctuation_with_log`
after the rules; :func:`repair_with_log` and :func:`repair_text` run both.

>>> repair_text("Sie sagte, sie sei â€žsehr zufriedenâ€œ. .â€œ Danach ging sie .")
'Sie sagte, sie sei „sehr zufrieden“. Danach ging sie.'
>>> text, log = repair_with_log("Das Ergebnis stand fest . Der Rat tagt am MontagDie Sitzung")
>>> [r.name for r in log]
['remove_space_before_punctuation', 'split_glued_words']
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pipeline.errors import ConfigError
from pipeline.records import Repair
from pipeline.repair.encoding import (
    expand_ligatures,
    fix_mojibake,
    normalize_nfc,
    remove_control_characters,
    remove_soft_hyphens,
    remove_zero_width,
)
from pipeline.repair.fixes import (
    add_space_after_full_stop,
    collecting,
    fix_doubled_full_stop,
    remove_duplicated_fragment,
    remove_link_debris,
    remove_space_before_punctuation,
    split_glued_words,
)

__all__ = [
    "ENCODING_REPAIRS",
    "PUNCTUATION_REPAIRS",
    "REPAIRS",
    "REPAIR_NAMES",
    "RepairConfig",
    "fix_encoding_with_log",
    "repair_punctuation_with_log",
    "repair_text",
    "repair_with_log",
]

#: Encoding and character repairs, in the order they run (``str -> str``).
ENCODING_REPAIRS: list[tuple[str, Callable[[str], str]]] = [
    ("fix_mojibake", fix_mojibake),
    ("remove_control_characters", remove_control_characters),
    ("remove_soft_hyphens", remove_soft_hyphens),
    ("remove_zero_width", remove_zero_width),
    ("expand_ligatures", expand_ligatures),
    ("normalize_nfc", normalize_nfc),
]

#: Punctuation repairs, in the order they run (``(text, language=None) -> str``).
PUNCTUATION_REPAIRS: list[tuple[str, Callable[..., str]]] = [
    ("remove_link_debris", remove_link_debris),
    ("remove_duplicated_fragment", remove_duplicated_fragment),
    ("remove_space_before_punctuation", remove_space_before_punctuation),
    ("fix_doubled_full_stop", fix_doubled_full_stop),
    ("add_space_after_full_stop", add_space_after_full_stop),
    ("split_glued_words", split_glued_words),
]

#: Every repair as (name, function), in the default order: encoding first, then punctuation.
REPAIRS: list[tuple[str, Callable[..., str]]] = ENCODING_REPAIRS + PUNCTUATION_REPAIRS
REPAIR_NAMES: tuple[str, ...] = tuple(name for name, _ in REPAIRS)


@dataclass(frozen=True)
class RepairConfig:
    """Which repairs run. ``enabled`` empty means all; ``disabled`` switches names off.

    Repairs always run in the default order of :data:`REPAIRS`, whatever the
    order of ``enabled``. ``language`` (ISO 639-1) is the default language for
    the punctuation repairs (only French spacing depends on it).

    >>> RepairConfig(disabled=("split_glued_words",)).active[-1]
    'add_space_after_full_stop'
    """

    enabled: tuple[str, ...] = ()
    disabled: tuple[str, ...] = ()
    language: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "enabled", tuple(self.enabled))
        object.__setattr__(self, "disabled", tuple(self.disabled))
        for key, names in (("enabled", self.enabled), ("disabled", self.disabled)):
            for name in names:
                if name not in REPAIR_NAMES:
                    raise ValueError(f"repair.{key}: unknown repair {name!r} (known: {', '.join(REPAIR_NAMES)})")

    @classmethod
    def from_settings(
        cls, settings: Mapping[str, Any] | None, language: str | None = None, file: str = "config"
    ) -> RepairConfig:
        """Build from the ``[repair]`` table (or from the whole settings dict holding it).

        Unknown repair names are refused with a :class:`~pipeline.errors.ConfigError`.
        """
        table: Mapping[str, Any] = settings or {}
        if isinstance(table.get("repair"), Mapping):
            table = table["repair"]
        values = {}
        for key in ("enabled", "disabled"):
            names = table.get(key) or []
            if isinstance(names, str) or not all(isinstance(n, str) for n in names):
                raise ConfigError(file, f"repair.{key}", "must be a list of repair names")
            for name in names:
                if name not in REPAIR_NAMES:
                    raise ConfigError(
                        file, f"repair.{key}", f"unknown repair {name!r} (known: {', '.join(REPAIR_NAMES)})"
                    )
            values[key] = tuple(names)
        return cls(enabled=values["enabled"], disabled=values["disabled"], language=language)

    @property
    def active(self) -> tuple[str, ...]:
        """The names that run, in order."""
        chosen = set(self.enabled) if self.enabled else set(REPAIR_NAMES)
        return tuple(n for n in REPAIR_NAMES if n in chosen and n not in self.disabled)


_DEFAULT = RepairConfig()


@lru_cache(maxsize=64)
def _plan(encoding: bool, config: RepairConfig) -> tuple[Callable[..., str], ...]:
    """The active repairs of one family, in order (worked out once per config, not per paragraph)."""
    active = set(config.active)
    family = ENCODING_REPAIRS if encoding else PUNCTUATION_REPAIRS
    return tuple(function for name, function in family if name in active)


def _run(encoding: bool, text: str, config: RepairConfig | None, language: str | None) -> tuple[str, list[Repair]]:
    with collecting() as log:
        for function in _plan(encoding, config or _DEFAULT):
            # encoding repairs take the text alone; punctuation repairs also the language
            text = function(text) if encoding else function(text, language=language)
    return text, list(log)


#: At most this many passes: removing a control character or a space can expose
#: mojibake for ftfy (``Ü\x1b¯``), so the repairs run again until nothing changes.
MAX_PASSES = 4


def _until_stable(step: Callable[[str], tuple[str, list[Repair]]], text: str) -> tuple[str, list[Repair]]:
    log: list[Repair] = []
    for _ in range(MAX_PASSES):
        new, records = step(text)
        log.extend(records)
        if new == text:
            break
        text = new
    return text, log


def fix_encoding_with_log(text: str, config: RepairConfig | None = None) -> tuple[str, list[Repair]]:
    """Run the encoding and character repairs; return the text and one record per change."""
    return _until_stable(lambda t: _run(True, t, config, None), text)


def repair_punctuation_with_log(
    text: str, language: str | None = None, config: RepairConfig | None = None
) -> tuple[str, list[Repair]]:
    """Run the punctuation repairs; return the text and one record per change."""
    language = language if language is not None else (config.language if config else None)
    return _until_stable(lambda t: _run(False, t, config, language), text)


def repair_with_log(
    text: str, config: RepairConfig | None = None, language: str | None = None
) -> tuple[str, list[Repair]]:
    """Run every active repair (encoding first); return the text and one record per change."""

    def both(current: str) -> tuple[str, list[Repair]]:
        current, encoding_log = fix_encoding_with_log(current, config)
        current, punctuation_log = repair_punctuation_with_log(current, language, config)
        return current, encoding_log + punctuation_log

    return _until_stable(both, text)


def repair_text(text: str, config: RepairConfig | None = None, language: str | None = None) -> str:
    """Run every active repair on ``text`` (one paragraph per line) and return the result."""
    return repair_with_log(text, config, language)[0]
