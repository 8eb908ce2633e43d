"""Loading, validating and fingerprinting the configuration.

Configuration is data only: TOML read with :mod:`tomllib` (no code runs from a
config file). The defaults live in the project's ``config/`` folder; a user's
file given with ``--config`` is merged over them: its tables update the
defaults key by key, its ``[[rule]]`` entries are added (a rule with the same
full name replaces the default one) and ``[rules] disable = [...]`` switches
default rules off by full name (``de.ad_label``).

A bad configuration is refused before any page is touched, with the file, the
key and what is wrong (:class:`pipeline.errors.ConfigError`).
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.errors import ConfigError

CONFIG_DIR = Path(__file__).resolve().parent.parent / "config"
MAIN_FILE = "reinschrift.toml"
RULES_DIR = "rules"

RULE_KINDS = {
    # drop a line the pattern matches
    "line_regex": "drop each line the pattern matches",
    # drop a heading line and what follows it (`until`: end, teaser, or a number of lines)
    "block_start": "drop a heading line and the block after it",
    # drop a photo-credit line and the caption next to it (`caption`: next, previous, none)
    "credit": "drop a photo credit line and the caption next to it",
    # cut the matching span out of a line and keep the rest
    "inline_regex": "remove the matching span inside a line",
    # prune HTML elements whose class or id holds one of these tokens, before extraction
    "dom_tokens": "prune HTML containers by class/id token (or *word* part of one) before extraction",
}
BLOCK_UNTIL = {"end", "teaser"}
CAPTION_SIDES = {"next", "previous", "none"}

# The expected type of every setting in reinschrift.toml: table -> key -> type.
SETTINGS_TYPES: dict[str, dict[str, type | tuple[type, ...]]] = {
    "run": {"shard_size": int, "min_shards": int, "workers": int, "lock": str},
    "limits": {
        "max_file_bytes": int,
        "max_decompressed_bytes": int,
        "max_html_chars": int,
        "max_tree_depth": int,
        "page_timeout_seconds": (int, float),
        "max_rss_mb": int,
    },
    "article": {"min_chars": int, "allowed_languages": list},
    "extract": {
        "include_tables": bool,
        "favor_precision": bool,
        "favor_recall": bool,
        "fast": bool,
    },
    "repeated_lines": {
        "enabled": bool,
        "min_pages": int,
        "min_fraction": (int, float),
        "short_line_words": int,
        "short_min_fraction": (int, float),
    },
    "language": {"min_chars": int, "min_probability": (int, float)},
    "repair": {"enabled": list, "disabled": list},
    "rules": {"disable": list, "languages": list},
    "logging": {"folder": str, "level": str},
}


@dataclass(frozen=True)
class Rule:
    """One named boilerplate rule, as listed in ``config/rules/<lang>.toml``."""

    name: str  # full name, "<lang>.<name>", the key in an article's `removed` counts
    kind: str
    language: str
    description: str
    pattern: str = ""
    tokens: tuple[str, ...] = ()
    ignore_case: bool = False
    max_words: int = 0  # 0: no limit; else only lines with at most this many words
    until: str | int = "teaser"  # block_start: "end", "teaser" or a line count
    caption: str = "next"  # credit: which neighbour is the caption
    source_file: str = ""

    @property
    def regex(self) -> re.Pattern[str]:
        return _compile(self.pattern, self.ignore_case)


@lru_cache(maxsize=None)
def _compile(pattern: str, ignore_case: bool) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE if ignore_case else 0)


@dataclass(frozen=True, eq=False)
class Config:
    """The merged, validated configuration of one run (hashed by identity: load it once)."""

    settings: dict[str, dict[str, Any]]
    rules: tuple[Rule, ...]
    files: tuple[str, ...] = field(default_factory=tuple)

    def get(self, table: str, key: str) -> Any:
        return self.settings[table][key]

    def rules_of_kind(self, kind: str) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if r.kind == kind)

    @cached_property
    def digest(self) -> str:
        """:func:`config_digest`, computed once: every page's record and cache key carries it,
        and it serialises the whole config (~0.7 ms a call). A Config is never changed after
        loading (it is frozen; its settings and rules are only read).
        """
        return config_digest(self)


_NOT_OUTPUT_TABLES = frozenset({"run", "logging"})


def config_digest(config: Config) -> str:
    """A short digest of everything that decides the output: settings, rules, version.

    ``[run]`` and ``[logging]`` decide how a run is scheduled and logged, never a byte of
    its output (shard size, workers, the lock): they are left out, so changing them does not
    change the articles' ``pipeline.config``.
    """
    payload = {
        "version": __version__,
        "settings": {table: values for table, values in config.settings.items() if table not in _NOT_OUTPUT_TABLES},
        "rules": [r.__dict__ | {"source_file": ""} for r in config.rules],
    }
    blob = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(str(path), "-", "file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), "-", f"not valid TOML: {exc}") from None


def _check_settings(data: dict[str, Any], file: str, *, partial: bool) -> None:
    for table, values in data.items():
        if table == "rule" or (table == "language" and isinstance(values, str) and not partial):
            continue
        if table not in SETTINGS_TYPES:
            raise ConfigError(file, table, f"unknown table (known: {', '.join(SETTINGS_TYPES)})")
        if not isinstance(values, dict):
            raise ConfigError(file, table, "must be a table")
        for key, value in values.items():
            expected = SETTINGS_TYPES[table].get(key)
            if expected is None:
                raise ConfigError(file, f"{table}.{key}", "unknown key")
            if isinstance(value, bool) and expected is not bool and bool not in (
                expected if isinstance(expected, tuple) else (expected,)
            ):
                raise ConfigError(file, f"{table}.{key}", f"must be {_type_name(expected)}, not a boolean")
            if not isinstance(value, expected):
                raise ConfigError(
                    file, f"{table}.{key}", f"must be {_type_name(expected)}, got {type(value).__name__}"
                )
    if not partial:
        for table, keys in SETTINGS_TYPES.items():
            for key in keys:
                if key not in data.get(table, {}):
                    raise ConfigError(file, f"{table}.{key}", "missing from the default configuration")


def _type_name(expected: type | tuple[type, ...]) -> str:
    if isinstance(expected, tuple):
        return " or ".join(t.__name__ for t in expected)
    return expected.__name__


def _parse_rule(raw: Any, language: str, file: str, index: int) -> Rule:
    where = f"rule[{index}]"
    if not isinstance(raw, dict):
        raise ConfigError(file, where, "must be a table")
    name = raw.get("name")
    if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9_]+", name):
        raise ConfigError(file, f"{where}.name", "must be a lower-case name of letters, digits and _")
    where = f"rule {name!r}"
    # a user's file lists rules of several languages: each rule may name its own
    language = raw.get("language", language)
    if not isinstance(language, str) or not re.fullmatch(r"[a-z]{2,8}", language):
        raise ConfigError(file, f"{where}.language", "must be a language code such as \"de\"")
    kind = raw.get("kind")
    if kind not in RULE_KINDS:
        raise ConfigError(file, f"{where}.kind", f"unknown rule kind {kind!r} (known: {', '.join(RULE_KINDS)})")
    allowed = {"name", "kind", "description", "pattern", "tokens", "ignore_case", "max_words", "until", "caption", "language"}
    for key in raw:
        if key not in allowed:
            raise ConfigError(file, f"{where}.{key}", "unknown key")
    description = raw.get("description", "")
    if not isinstance(description, str) or not description:
        raise ConfigError(file, f"{where}.description", "a one-line description is required")
    ignore_case = raw.get("ignore_case", False)
    if not isinstance(ignore_case, bool):
        raise ConfigError(file, f"{where}.ignore_case", "must be true or false")
    max_words = raw.get("max_words", 0)
    if not isinstance(max_words, int) or isinstance(max_words, bool) or max_words < 0:
        raise ConfigError(file, f"{where}.max_words", "must be a whole number >= 0")
    pattern = raw.get("pattern", "")
    tokens: tuple[str, ...] = ()
    if kind == "dom_tokens":
        toks = raw.get("tokens")
        if not isinstance(toks, list) or not toks or not all(isinstance(t, str) and t for t in toks):
            raise ConfigError(file, f"{where}.tokens", "must be a non-empty list of strings")
        tokens = tuple(toks)
    else:
        if not isinstance(pattern, str) or not pattern:
            raise ConfigError(file, f"{where}.pattern", "a regular expression is required")
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ConfigError(file, f"{where}.pattern", f"invalid regular expression: {exc}") from None
    until = raw.get("until", "teaser")
    if kind == "block_start":
        if isinstance(until, bool) or not (
            (isinstance(until, str) and until in BLOCK_UNTIL) or (isinstance(until, int) and until > 0)
        ):
            raise ConfigError(file, f"{where}.until", f"must be one of {sorted(BLOCK_UNTIL)} or a line count > 0")
    caption = raw.get("caption", "next")
    if kind == "credit" and caption not in CAPTION_SIDES:
        raise ConfigError(file, f"{where}.caption", f"must be one of {sorted(CAPTION_SIDES)}")
    return Rule(
        name=f"{language}.{name}",
        kind=kind,
        language=language,
        description=description,
        pattern=pattern,
        tokens=tokens,
        ignore_case=ignore_case,
        max_words=max_words,
        until=until,
        caption=caption,
        source_file=file,
    )


def _rules_from(data: dict[str, Any], file: str, default_language: str | None) -> list[Rule]:
    language = data.get("language", default_language)
    if not isinstance(language, str):  # a user's file: [language] is the settings table
        language = default_language
    raw_rules = data.get("rule", [])
    if raw_rules and not isinstance(language, str):
        raise ConfigError(file, "language", "a rule file needs language = \"<code>\" (or \"common\")")
    if not isinstance(raw_rules, list):
        raise ConfigError(file, "rule", "must be an array of tables ([[rule]])")
    return [_parse_rule(raw, language, file, i) for i, raw in enumerate(raw_rules)]


def load_config(user_file: str | Path | None = None, config_dir: str | Path | None = None) -> Config:
    """Load the defaults from ``config/``, merge ``user_file`` over them, validate."""
    base = Path(config_dir) if config_dir else CONFIG_DIR
    main_path = base / MAIN_FILE
    settings = _read_toml(main_path)
    _check_settings(settings, str(main_path), partial=False)
    settings = {k: v for k, v in settings.items() if k in SETTINGS_TYPES}
    files = [str(main_path)]

    rules: dict[str, Rule] = {}
    for rule_file in sorted((base / RULES_DIR).glob("*.toml")):
        data = _read_toml(rule_file)
        for rule in _rules_from(data, str(rule_file), rule_file.stem):
            if rule.name in rules:
                raise ConfigError(str(rule_file), rule.name, "a rule of this name is defined twice")
            rules[rule.name] = rule
        files.append(str(rule_file))

    if user_file is not None:
        user_path = Path(user_file)
        data = _read_toml(user_path)
        _check_settings(data, str(user_path), partial=True)
        merged = copy.deepcopy(settings)
        for table, values in data.items():
            if table in SETTINGS_TYPES:
                merged[table].update(values)
        settings = merged
        for rule in _rules_from(data, str(user_path), "user"):
            rules[rule.name] = rule
        files.append(str(user_path))

    for name in settings["rules"]["disable"]:
        if name not in rules:
            raise ConfigError(files[-1], "rules.disable", f"no rule named {name!r}")
        del rules[name]
    ordered = tuple(sorted(rules.values(), key=lambda r: r.name))
    return Config(settings=settings, rules=ordered, files=tuple(files))


@lru_cache(maxsize=8)
def load_config_cached(user_file: str | None = None) -> Config:
    """Load once per process (tasks ask for it per shard)."""
    return load_config(user_file)
