"""One page through the steps: the code batch runs and single-page runs share.

Two phases, because lines repeated across a site's pages can only be judged once every page
has been extracted:

1. :func:`extract_page`: read, decode, extract, fix encoding. Gives a JSON-able record with the
   page's paragraphs, metadata and the hashes of its lines (for the site counts).
2. :func:`clean_record`: boilerplate rules and repeated lines, punctuation repairs, language,
   article JSON. Gives the article dict or a reject dict.

Both are pure functions of their arguments (plus the files they read), so the shard tasks, the
single-page CLI and the notebook API produce identical results.
"""

from __future__ import annotations

import contextlib
import faulthandler
import functools
import hashlib
import os
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.boilerplate import RuleSet, strip_boilerplate
from pipeline.boilerplate.repeated import page_line_hashes, repeated_keys, site_of
from pipeline.config import Config, load_config_cached
from pipeline.errors import PageRejected
from pipeline.extract import extract_html, extract_text_dump
from pipeline.language import detect_paragraphs
from pipeline.read import decode_page, read_page_bytes
from pipeline.read.warc import read_member
from pipeline.records import Extracted, PageFile, Removal, Repair
from pipeline.repair import RepairConfig, fix_encoding_with_log, repair_punctuation_with_log

STEPS = ("read", "extract", "boilerplate", "repair", "language")


class PageTimeout(BaseException):
    """A page over ``limits.page_timeout_seconds``.

    A BaseException, so the ``except Exception`` blocks inside trafilatura and its helpers
    cannot swallow it and let the page run on without a limit.
    """


# Test hook, for tests/test_kill.py only: REINSCHRIFT_TEST_CRASH_ON=<substring> makes the worker
# process die of SIGSEGV on a page whose source holds it (in extract; "clean:<substring>" in
# clean), as a page that crashes lxml would. Unset in every real run.
def _test_crash_hook(source: str, phase: str) -> None:
    crash_on = os.environ.get("REINSCHRIFT_TEST_CRASH_ON")
    if crash_on:
        want_phase, _, needle = crash_on.rpartition(":")
        if needle and needle in source and (want_phase or "extract") == phase:
            faulthandler.disable()  # no traceback dump: die as a crash in C code would
            os.kill(os.getpid(), signal.SIGSEGV)


_WATCHDOG = False


def enable_watchdog() -> None:
    """Let :func:`deadline` end this process when a page is stuck in C code.

    Called in the forked task processes of a batch run (pipeline.cli.DieWithRun), where a
    dead process is a failed shard that the run retries; never in a process the user works
    in (``reinschrift page``, a notebook, pytest).
    """
    global _WATCHDOG
    _WATCHDOG = True


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise :class:`PageTimeout` in this thread after ``seconds`` (main thread only).

    Python runs the SIGALRM handler only between bytecodes, so a page stuck inside one C
    call (lxml, zlib) would not stop. The inputs are bounded so that no known C call takes
    long (parse_html), and as a last resort, in a batch run's task process
    (:func:`enable_watchdog`), a watchdog thread that needs no GIL (faulthandler) ends the
    process after ``2 * seconds + 1``: it prints where the page was stuck, the shard fails,
    and the retry rejects the page as ``crashed``.
    """
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _expire(signum: int, frame: Any) -> None:
        raise PageTimeout()

    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    watchdog = _WATCHDOG
    if watchdog:
        try:
            faulthandler.dump_traceback_later(2 * seconds + 1, exit=True, file=sys.__stderr__)
        except (AttributeError, OSError, RuntimeError, ValueError):  # no usable stderr
            watchdog = False
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        if watchdog:
            faulthandler.cancel_dump_traceback_later()
        signal.signal(signal.SIGALRM, previous)


def page_id(source: str) -> str:
    """A stable id: the same source gives the same id in every run."""
    return hashlib.sha1(source.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def reject(source: str, reason: str, detail: str = "") -> dict[str, Any]:
    return {"source": source, "reason": reason, "detail": detail}


@functools.lru_cache(maxsize=8)
def _prune_tokens(config: Config) -> frozenset[str]:
    # asked for every page: the rules do not change within a run
    return frozenset(t.lower() for r in config.rules_of_kind("dom_tokens") for t in r.tokens)


def _fix_encoding(extracted: Extracted) -> None:
    paragraphs, repairs = [], []
    for paragraph in extracted.paragraphs:
        fixed, log = fix_encoding_with_log(paragraph)
        repairs.extend(log)
        if fixed.strip():
            paragraphs.append(fixed.strip())
    extracted.paragraphs = paragraphs
    for field in ("title", "author", "sitename"):
        value = getattr(extracted, field)
        if value:
            fixed, log = fix_encoding_with_log(value)
            repairs.extend(log)
            setattr(extracted, field, fixed.strip() or None)
    extracted.repairs.extend(repairs)


def extract_page(page: PageFile, config: Config, data: bytes | None = None) -> dict[str, Any]:
    """Phase 1 for one page: an extract record, or a record holding a reject."""
    timings: dict[str, float] = {}
    base = {"source": page.source, "key": page.key}
    limits = config.settings["limits"]
    try:
        with deadline(limits["page_timeout_seconds"]):
            _test_crash_hook(page.source, "extract")
            started = time.process_time()
            member: dict[str, str] = {}  # a WARC record's / JSON Lines line's url, date (read/warc.py)
            if data is None and page.offset >= 0:
                data, member = read_member(page, max_file_bytes=limits["max_file_bytes"],
                                           max_decompressed_bytes=limits["max_decompressed_bytes"])
            elif data is None:
                data = read_page_bytes(
                    page.path,
                    max_file_bytes=limits["max_file_bytes"],
                    max_decompressed_bytes=limits["max_decompressed_bytes"],
                )
            decoded = decode_page(data, member.get("name", page.source))
            if decoded.kind == "text" and len(decoded.text) > limits["max_html_chars"]:
                # HTML over the bound is cut (the article is near the top); a dump that long
                # is no article, and its lines would cost the later steps seconds each
                raise PageRejected("too_large", f"text dump of {len(decoded.text)} characters, "
                                                f"over limits.max_html_chars {limits['max_html_chars']}")
            timings["read"] = time.process_time() - started

            started = time.process_time()
            if decoded.kind == "html":
                extracted = extract_html(
                    decoded.text,
                    prune=_prune_tokens(config),
                    max_chars=limits["max_html_chars"],
                    max_depth=limits["max_tree_depth"],
                    options=config.settings["extract"],
                )
                _fix_encoding(extracted)
            else:
                # dumps are fixed first: the headline search reads the lines
                fixed, log = fix_encoding_with_log(decoded.text)
                rules = RuleSet.from_config(config)
                extracted = extract_text_dump(fixed, is_noise=lambda line: rules.match(line, len(line.split())) is not None)
                extracted.repairs.extend(log)
            extracted.encoding = decoded.encoding
            timings["extract"] = time.process_time() - started
    except PageRejected as exc:
        return base | {"reject": reject(page.source, exc.reason, exc.detail), "timings": timings}
    except PageTimeout:
        return base | {
            "reject": reject(page.source, "timeout", f"over {limits['page_timeout_seconds']} s"),
            "timings": timings,
        }
    except RecursionError:
        return base | {"reject": reject(page.source, "no_article", "page structure too deep to parse"), "timings": timings}

    if not extracted.paragraphs:
        detail = "no text found in the page" if decoded.kind == "html" else "no paragraphs in the dump"
        return base | {"reject": reject(page.source, "no_article", detail), "timings": timings}
    if extracted.listing:
        return base | {"reject": reject(page.source, "no_article", f"index or category page: {extracted.listing}"),
                       "timings": timings}
    # the container's URL and crawl date stand in where the page names none
    extracted.url = extracted.url or member.get("url")
    extracted.date = extracted.date or member.get("date")
    site = site_of(extracted.url, page.source)
    return base | {
        "kind": extracted.kind,
        "encoding": extracted.encoding,
        "site": site,
        "title": extracted.title,
        "date": extracted.date,
        "author": extracted.author,
        "sitename": extracted.sitename,
        "url": extracted.url,
        "paragraphs": extracted.paragraphs,
        "removed": [[r.rule, r.line] for r in extracted.removed],
        "repairs": [[r.name, r.before, r.after] for r in extracted.repairs],
        "hashes": page_line_hashes(site, extracted.paragraphs, config.settings["repeated_lines"]["short_line_words"]),
        "timings": timings,
    }


def boilerplate_step(
    record: dict[str, Any], config: Config, *, counts: dict[int, int], site_pages: int
) -> tuple[list[str], list[Removal]]:
    """Rules and repeated lines over an extract record: kept paragraphs, and every removal."""
    rules = RuleSet.from_config(config)
    paragraphs = record["paragraphs"]
    repeated = repeated_keys(record["site"], paragraphs, counts, site_pages, config.settings["repeated_lines"])
    kept, removed = strip_boilerplate(paragraphs, rules, repeated=repeated, title=record["title"])
    return kept, [Removal(rule, line) for rule, line in record["removed"]] + removed


def repair_step(record: dict[str, Any], kept: list[str], config: Config) -> tuple[list[str], str | None, list[Repair]]:
    """Punctuation repairs over the kept paragraphs and the title; every repair is logged."""
    repair_config = RepairConfig.from_settings(config.settings["repair"])
    repairs = [Repair(*r) for r in record["repairs"]]
    repaired = []
    for paragraph in kept:
        fixed, log = repair_punctuation_with_log(paragraph, config=repair_config)
        repairs.extend(log)
        if fixed.strip():
            repaired.append(fixed.strip())
    title = record["title"]
    if title:
        title, log = repair_punctuation_with_log(title, config=repair_config)
        repairs.extend(log)
        title = title.strip() or None
    return repaired, title, repairs


def clean_record(
    record: dict[str, Any],
    config: Config,
    *,
    counts: dict[int, int] | None = None,
    site_pages: int = 1,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Phase 2 for one page: ``(article or reject, details)``.

    ``details`` holds what ``--explain`` prints and the report counts: every removed line with
    its rule, every repair with its before/after, and the time per step. The article itself
    only holds deterministic fields.
    """
    source = record["source"]
    timings = dict(record.get("timings", {}))
    if "reject" in record:
        return record["reject"], {"removed": [], "repairs": [], "timings": timings}

    # the page's budget is shared by both phases: what extract spent is gone
    budget = config.settings["limits"]["page_timeout_seconds"]
    try:
        with deadline(max(budget - sum(timings.values()), 0.001) if budget > 0 else 0):
            _test_crash_hook(source, "clean")
            started = time.process_time()
            kept, removed = boilerplate_step(record, config, counts=counts or {}, site_pages=site_pages)
            timings["boilerplate"] = time.process_time() - started

            started = time.process_time()
            repaired, title, repairs = repair_step(record, kept, config)
            timings["repair"] = time.process_time() - started

            started = time.process_time()
            language, probability = detect_paragraphs(repaired, **config.settings["language"])
            timings["language"] = time.process_time() - started
    except PageTimeout:
        return reject(source, "timeout", f"over {budget} s"), {"removed": [], "repairs": [], "timings": timings}

    details = {"removed": removed, "repairs": repairs, "timings": timings}
    text = "\n".join(repaired)
    article_settings = config.settings["article"]
    if not text.strip():
        return reject(source, "no_article", "nothing left after removing boilerplate"), details
    if len(text) < article_settings["min_chars"]:
        return reject(source, "too_short", f"{len(text)} characters, under {article_settings['min_chars']}"), details
    allowed = article_settings["allowed_languages"]
    if allowed and language not in allowed:
        return reject(source, "language_not_allowed", f"language {language}, allowed {', '.join(allowed)}"), details

    article = {
        "id": page_id(source),
        "source": source,
        "url": record["url"],
        "title": title,
        "date": record["date"],
        "author": record["author"],
        "sitename": record["sitename"],
        "language": language,
        "language_probability": round(probability, 4),
        "text": text,
        "kind": record["kind"],
        "encoding": record["encoding"],
        "removed": dict(sorted(Counter(r.rule for r in removed).items())),
        "repairs": dict(sorted(Counter(r.name for r in repairs).items())),
        "pipeline": {"version": __version__, "config": config.digest},
    }
    return article, details


_WARM_PAGES: tuple[tuple[str, bytes], ...] = (
    ("warm/page.html", (
        "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Probe – Warm</title>"
        "<meta property=\"og:title\" content=\"Probe\"><meta name=\"author\" content=\"Ada Probe\">"
        "<meta property=\"og:type\" content=\"article\"></head><body><nav><a href=\"/\">Start</a></nav>"
        "<article><h1>Probe</h1><p class=\"date\">Mittwoch, 3. März 2021</p>"
        + "".join(f"<p>Der {n}. Absatz erzählt, was am Rathausplatz geschah, und wie es weitergeht.</p>" for n in range(6))
        + "<p>Foto: Probe</p></article><footer>© 2021</footer></body></html>").encode()),
    ("warm/page.txt", ("3. März 2021\n\nProbe\n\n"
                       + "\n\n".join(f"The {n} paragraph tells what happened at the harbour and what comes next."
                                      for n in range(6)) + "\n").encode()),
)


@functools.lru_cache(maxsize=4)
def warm_caches(config: Config) -> None:
    """Fill the lazy caches of the step libraries once, in the process that forks the workers.

    Luigi runs every task in a process forked from its worker, so a cache filled inside a
    task dies with it: dateparser builds regexes for every locale on its first failed parse
    (over a second; read from the cache folder after the first run, see
    pipeline.extract.date_cache), trafilatura, htmldate and the repairs compile theirs on
    first use. Done here, before the fork, the tasks share them copy-on-write. Idempotent
    and cheap after the first call; the results are thrown away.
    """
    from pipeline.language import preload

    preload()
    try:  # htmldate's dateparser instance: one unparseable string loads every locale
        from pipeline.extract.date_cache import warm_date_parser

        warm_date_parser()  # its compiled patterns come from the cache folder after the first run
    except Exception:  # noqa: BLE001 - a warm-up must never stop a run
        pass
    for source, data in _WARM_PAGES:
        page = PageFile(source=source, path="", size=len(data), mtime_ns=0)
        clean_record(extract_page(page, config, data=data), config)


def clean_single_page(
    page: str | Path | bytes,
    *,
    source: str | None = None,
    config: Config | None = None,
) -> dict[str, Any]:
    """Clean one page (path or bytes) through both phases; site counts come from it alone."""
    config = config or load_config_cached()
    return run_single_page(page, source=source, config=config)[0]


def run_single_page(
    page: str | Path | bytes, *, source: str | None = None, config: Config
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """``(article or reject, details, extract record)`` for one page, for the CLI's ``page``."""
    if isinstance(page, (bytes, bytearray)):
        name = source or "page.html"
        page_file = PageFile(source=name, path="", size=len(page), mtime_ns=0)
        record = extract_page(page_file, config, data=bytes(page))
    else:
        path = Path(page)
        stat = path.stat()
        page_file = PageFile(source=source or path.name, path=str(path.resolve()), size=stat.st_size, mtime_ns=stat.st_mtime_ns)
        record = extract_page(page_file, config)
    result, details = clean_record(record, config)
    return result, details, record
