"""Operations sub-commands: ``schedule``, ``report``, ``diff``, ``rules``; and what ``run`` adds
for people who run it every night: a run log, a progress bar on a terminal, Parquet output.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import logging
import os
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from pipeline.write import ARTICLES_JSONL, REPORT_JSON

ARTICLES_PARQUET = "articles.parquet"
FORMATS = ("jsonl", "parquet")

# rule names the code itself records (not in config/rules): shown by `reinschrift rules`
BUILTIN_RULES: tuple[tuple[str, str], ...] = (
    ("site.repeated_line", "a line repeated on many pages of the same site in this run ([repeated_lines])"),
    ("page.title_repeated", "the headline repeated as the first line of the body"),
    ("page.header", "a text dump's header block (site name, navigation) above the headline"),
)


def register(sub: argparse._SubParsersAction) -> None:
    schedule = sub.add_parser("schedule", help="clean every dated scrape folder still missing (Luigi RangeDaily)")
    schedule.add_argument("template", help="the day's folder, e.g. 'scrapes/{date:%%Y-%%m-%%d}'")
    schedule.add_argument("--output", "-o", required=True, help="outputs go to OUTPUT/<YYYY-MM-DD>/")
    schedule.add_argument("--start", required=True, type=dt.date.fromisoformat, help="first day, YYYY-MM-DD")
    schedule.add_argument("--stop", type=dt.date.fromisoformat,
                          help="the day after the last one, YYYY-MM-DD (exclusive, as in RangeDaily; default: today)")
    schedule.add_argument("--workers", type=int, default=0)
    schedule.add_argument("--config", help="a TOML file merged over config/")
    schedule.add_argument("--jsonl-html-field", default="")
    schedule.add_argument("--jsonl-url-field", default="")
    schedule.add_argument("--log-level", default="WARNING", help="Luigi's log level")
    schedule.set_defaults(func=cmd_schedule)

    report = sub.add_parser("report", help="rebuild OUT/report.html from a run's files")
    report.add_argument("output")
    report.set_defaults(func=cmd_report)

    diff = sub.add_parser("diff", help="what changed between two runs: pages, texts, rule counts")
    diff.add_argument("out_a")
    diff.add_argument("out_b")
    diff.add_argument("--max-pages", type=int, default=0, help="show at most this many page diffs (0 = all)")
    diff.add_argument("--context", type=int, default=3, help="lines of context in each page's diff")
    diff.set_defaults(func=cmd_diff)

    rules = sub.add_parser("rules", help="list the rules (`rules test RULE PAGE`: what one rule removes on a page)",
                           usage="reinschrift rules [--lang LANG] [--output OUT] [--config FILE]\n"
                                 "       reinschrift rules test RULE PAGE [--config FILE]")
    rules.add_argument("words", nargs="*", help=argparse.SUPPRESS)
    rules.add_argument("--lang", help="only this language's rules (and common)")
    rules.add_argument("--output", "-o", help="a run's output folder: how often each rule fired there")
    rules.add_argument("--config", help="a TOML file merged over config/")
    rules.set_defaults(func=cmd_rules)


# --- run: log, progress, formats ----------------------------------------------------------------

def add_run_arguments(run: argparse.ArgumentParser) -> None:
    run.add_argument("--format", choices=FORMATS, default="jsonl",
                     help="parquet: also write OUT/articles.parquet (articles.jsonl is always written)")
    run.add_argument("--jsonl-html-field", default="", help="read *.jsonl/*.jl files as pages: the field with the HTML")
    run.add_argument("--jsonl-url-field", default="", help="... and the field with the page's URL")


@contextlib.contextmanager
def run_observer(out_dir: Path, config: Any, task: Any, manifest: Any) -> Iterator[None]:
    """Around a run: the log file, and a progress bar on a terminal or log lines on stderr."""
    from pipeline.report.runlog import FORMAT, LOGGER, run_logger

    run_logger(out_dir, config.settings["logging"])
    logger = logging.getLogger(LOGGER)  # the run loggers' parent: stderr under cron
    tty = sys.stderr.isatty()
    handler: logging.Handler | None = None
    if not tty:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter(FORMAT))
        logger.addHandler(handler)
    stop = threading.Event()
    thread = threading.Thread(target=_progress_bar, args=(task, manifest, stop), daemon=True) if tty else None
    if thread:
        thread.start()
    try:
        yield
    finally:
        stop.set()
        if thread:
            thread.join(timeout=5)
        if handler:
            logger.removeHandler(handler)


def observed_build(out_dir: Path, config: Any, task: Any, manifest: Any, build: Callable[[], bool]) -> bool:
    """One ``build()`` round of a run inside :func:`run_observer`."""
    with run_observer(out_dir, config, task, manifest):
        return build()


def shard_progress(task: Any, manifest: Any) -> Callable[[], int]:
    """A function giving the pages done so far: half a page per finished step (extract, clean).

    A shard's step is done when its ``.done`` holds the step's current fingerprint; a clean
    shard's fingerprint exists only once the site counts do, so it is asked for until then.
    """
    from pipeline.tasks import CleanShard, ExtractShard, SiteStats, _read_done

    common = task.common()
    extract = [ExtractShard(shard=k, **common) for k in range(len(manifest.shards))]
    clean = [CleanShard(shard=k, **common) for k in range(len(manifest.shards))]
    extract_fp = [t.fingerprint for t in extract]
    clean_fp: list[str | None] = [None] * len(clean)
    sizes = [len(pages) for pages in manifest.shards]
    stats = SiteStats(**common)

    def done() -> int:
        extracted = [_read_done(Path(t.output().path)) == fp for t, fp in zip(extract, extract_fp)]
        steps = 0
        for k, size in enumerate(sizes):
            if clean_fp[k] is None and all(extracted) and stats.complete():
                with contextlib.suppress(Exception):  # the site counts are being written
                    clean_fp[k] = clean[k].fingerprint
            steps += size * (extracted[k] + (clean_fp[k] is not None
                                             and _read_done(Path(clean[k].output().path)) == clean_fp[k]))
        return steps // 2

    return done


def _progress_bar(task: Any, manifest: Any, stop: threading.Event) -> None:
    from tqdm import tqdm

    try:
        done = shard_progress(task, manifest)
        start = done()
        # a pty that reports 0 x 0 (script(1), some CI runners) would hide tqdm's bar: fall back to 100 x 24
        size = shutil.get_terminal_size((100, 24))
        with tqdm(total=len(manifest.pages), initial=start, unit="page", file=sys.stderr,
                  ncols=size.columns, nrows=size.lines, desc="reinschrift") as bar:
            while not stop.wait(0.5):
                now = done()
                if now > bar.n:
                    bar.update(now - bar.n)
            bar.update(max(0, done() - bar.n))
    except Exception:  # noqa: BLE001 - a progress bar never stops a run
        return


def write_extra_formats(out_dir: Path, fmt: str) -> Path | None:
    """``--format parquet``: OUT/articles.parquet from articles.jsonl, when missing or older."""
    if fmt != "parquet":
        return None
    source, target = out_dir / ARTICLES_JSONL, out_dir / ARTICLES_PARQUET
    if target.exists() and target.stat().st_mtime_ns >= source.stat().st_mtime_ns:
        return target
    write_parquet(source, target)
    return target


def parquet_schema() -> Any:
    import pyarrow as pa

    counts = pa.list_(pa.struct([("name", pa.string()), ("count", pa.int64())]))
    return pa.schema([
        ("id", pa.string()), ("source", pa.string()), ("url", pa.string()), ("title", pa.string()),
        ("date", pa.string()), ("author", pa.string()), ("sitename", pa.string()), ("language", pa.string()),
        ("language_probability", pa.float64()), ("text", pa.string()), ("kind", pa.string()),
        ("encoding", pa.string()), ("removed", counts), ("repairs", counts),
        ("pipeline_version", pa.string()), ("pipeline_config", pa.string()),
    ])


def write_parquet(source: Path, target: Path, batch: int = 5000) -> None:
    """articles.jsonl as Parquet, in the same order, streamed in batches (flat memory).

    ``removed``/``repairs`` become lists of ``{name, count}``; ``pipeline`` becomes two columns.
    """
    import json

    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    rows: list[dict[str, Any]] = []
    try:
        with pq.ParquetWriter(tmp, schema, compression="zstd") as writer, source.open(encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                article = json.loads(line)
                pipeline = article.pop("pipeline", {})
                article["removed"] = [{"name": k, "count": v} for k, v in article.get("removed", {}).items()]
                article["repairs"] = [{"name": k, "count": v} for k, v in article.get("repairs", {}).items()]
                article["pipeline_version"], article["pipeline_config"] = pipeline.get("version"), pipeline.get("config")
                rows.append(article)
                if len(rows) >= batch:
                    writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                    rows = []
            if rows:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


# --- schedule ----------------------------------------------------------------------------------

def cmd_schedule(args: argparse.Namespace) -> int:
    import luigi
    from luigi.execution_summary import LuigiStatusCode
    from luigi.task_register import Register
    from luigi.tools.range import RangeDaily

    from pipeline.cli import EXIT_FAILED, EXIT_LOCKED, EXIT_MISSING_INPUT, EXIT_OK, EXIT_USAGE, RunLocked, \
        _isolate_tasks, _load_config, _use_luigi_config, output_lock, warm_up
    from pipeline.tasks.schedule import DayTask

    config = _load_config(args.config)
    today = dt.date.today()
    stop = args.stop or today
    if args.start >= stop:
        print(f"reinschrift: --start {args.start} must be before --stop {stop} (exclusive)", file=sys.stderr)
        return EXIT_USAGE
    out_root = Path(args.output).resolve()
    _use_luigi_config()
    of_params = {"input_template": args.template, "output_root": str(out_root),
                 "config_file": str(Path(args.config).resolve()) if args.config else "",
                 "jsonl_html_field": args.jsonl_html_field, "jsonl_url_field": args.jsonl_url_field}
    days = (stop - args.start).days
    # Luigi caches task instances by parameters, and RangeDaily caches its requires() on the
    # instance: a second call in the same process and second (a test, a notebook) would get the
    # first call's list of missing days. Each call starts from fresh instances.
    Register.clear_instance_cache()
    task = RangeDaily(of=DayTask, of_params=of_params, start=args.start, stop=stop,
                      days_back=max(100, (today - args.start).days + 1), task_limit=days,
                      now=int(time.time()))
    workers = args.workers or config.get("run", "workers") or os.cpu_count() or 1
    try:
        with output_lock(out_root, wait=config.get("run", "lock") == "wait" or _held_by_us(out_root)):
            missing = task.requires()
            print(f"reinschrift: {days} days from {args.start} to {stop - dt.timedelta(days=1)}: "
                  f"{len(missing)} to do, {days - len(missing)} done", file=sys.stderr)
            if not missing:
                return EXIT_OK
            warm_up(config)
            _isolate_tasks()
            result = luigi.build([task], workers=workers, local_scheduler=True, detailed_summary=True,
                                 log_level=args.log_level)
    except RunLocked as exc:
        print(f"reinschrift: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    status = result.status
    print(f"reinschrift: {status.name.lower()}: {result.one_line_summary}", file=sys.stderr)
    if status in (LuigiStatusCode.SUCCESS, LuigiStatusCode.SUCCESS_WITH_RETRY):
        return EXIT_OK
    if status == LuigiStatusCode.MISSING_EXT:
        return EXIT_MISSING_INPUT
    if status == LuigiStatusCode.SCHEDULING_FAILED:
        return EXIT_USAGE
    return EXIT_FAILED


def _held_by_us(out_root: Path) -> bool:
    """The lock was last taken by this very process (an earlier call, in a notebook or a test):
    its forked task processes may still be exiting with the lock's descriptor; wait for them."""
    from pipeline.cli import LOCK_NAME

    try:
        return (out_root / LOCK_NAME).read_text(encoding="utf-8").strip() == f"pid {os.getpid()}"
    except OSError:
        return False


# --- report, diff --------------------------------------------------------------------------------

def cmd_report(args: argparse.Namespace) -> int:
    from pipeline.report import build_report_html

    out = Path(args.output)
    if not (out / REPORT_JSON).is_file():
        print(f"reinschrift: {out} holds no run ({REPORT_JSON} missing)", file=sys.stderr)
        return 2
    print(build_report_html(out))
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    """Exit 0 when the runs are the same, 1 when they differ (like diff(1)), 2 on bad folders."""
    from pipeline.report.diff import diff_runs, format_diff

    for folder in (args.out_a, args.out_b):
        if not (Path(folder) / ARTICLES_JSONL).is_file():
            print(f"reinschrift: {folder} holds no run ({ARTICLES_JSONL} missing)", file=sys.stderr)
            return 2
    diff = diff_runs(args.out_a, args.out_b, context=args.context)
    sys.stdout.write(format_diff(diff, max_pages=args.max_pages))
    return 0 if diff.empty else 1


# --- rules ---------------------------------------------------------------------------------------

def rule_table(config: Any, lang: str | None = None, fired: dict[str, int] | None = None) -> list[dict[str, Any]]:
    """Every rule (configured and built in) as ``{name, kind, language, description, fired}``."""
    rows = [{"name": r.name, "kind": r.kind, "language": r.language, "description": r.description}
            for r in config.rules if lang is None or r.language in (lang, "common")]
    rows += [{"name": name, "kind": "built-in", "language": "any", "description": description}
             for name, description in BUILTIN_RULES]
    if fired is not None:
        for row in rows:
            row["fired"] = fired.get(row["name"], 0)
    return rows


def cmd_rules(args: argparse.Namespace) -> int:
    import json

    from pipeline.cli import _load_config

    config = _load_config(args.config)
    if args.words:
        if args.words[0] != "test" or len(args.words) != 3:
            print("usage: reinschrift rules test RULE PAGE", file=sys.stderr)
            return 2
        return _rule_test(config, args.words[1], Path(args.words[2]))
    fired = None
    if args.output:
        try:
            fired = json.loads((Path(args.output) / REPORT_JSON).read_text(encoding="utf-8"))["removed_by_rule"]
        except (OSError, ValueError, KeyError) as exc:
            print(f"reinschrift: no run report in {args.output}: {exc}", file=sys.stderr)
            return 2
    rows = rule_table(config, args.lang, fired)
    width = max(len(r["name"]) for r in rows)
    for row in rows:
        count = f"{row['fired']:>7}  " if fired is not None else ""
        print(f"{row['name']:<{width}}  {row['kind']:<12} {row['language']:<6} {count}{row['description']}")
    return 0


def _rule_test(config: Any, rule: str, page: Path) -> int:
    from pipeline.process import run_single_page

    known = {r.name for r in config.rules} | {name for name, _ in BUILTIN_RULES}
    if rule not in known:
        matches = sorted(n for n in known if n.endswith("." + rule))
        if len(matches) != 1:
            print(f"reinschrift: no rule named {rule!r}" + (f" (did you mean {', '.join(matches)}?)" if matches else
                  "; `reinschrift rules` lists them"), file=sys.stderr)
            return 2
        rule = matches[0]
    if not page.is_file():
        print(f"reinschrift: no such page file: {page}", file=sys.stderr)
        return 2
    result, details, _record = run_single_page(page, config=config)
    lines = [r.line for r in details["removed"] if r.rule == rule]
    for line in lines:
        print(f"- {line}")
    outcome = "kept" if "id" in result else f"rejected: {result['reason']}"
    print(f"{rule}: {len(lines)} line(s) removed on {page} (page {outcome})", file=sys.stderr)
    return 0
