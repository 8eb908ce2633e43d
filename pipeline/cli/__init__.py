"""The ``reinschrift`` command: batch runs through Luigi, and one page for debugging."""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pipeline.config import CONFIG_DIR, Config, load_config_cached
from pipeline.errors import ConfigError

LUIGI_CONFIG = CONFIG_DIR / "luigi.cfg"
LOCK_NAME = ".reinschrift.lock"

# Exit codes (also in README and config/luigi.cfg [retcode]).
EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_LOCKED = 3
EXIT_MISSING_INPUT = 4


def _use_luigi_config() -> None:
    # Luigi reads LUIGI_CONFIG_PATH when its config is first needed: point it at config/.
    os.environ.setdefault("LUIGI_CONFIG_PATH", str(LUIGI_CONFIG))


class RunLocked(Exception):
    pass


@contextlib.contextmanager
def output_lock(out_dir: Path, wait: bool, shared: bool = False) -> Iterator[None]:
    """One run per output folder: a second run refuses (or waits, as configured).

    ``shared``: runs coordinated by one central scheduler (``--scheduler-url``) share the
    folder (luigid hands each shard to one of them); a local-scheduler run still excludes them.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    handle = (out_dir / LOCK_NAME).open("a+")
    try:
        try:
            fcntl.flock(handle, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip()
            raise RunLocked(f"another run is writing to {out_dir} ({holder or 'pid unknown'}); "
                            f"wait for it or set run.lock = \"wait\"") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}\n")
        handle.flush()
        yield
    finally:
        # forked task processes share the lock: it is free once the last of them has exited
        _join_task_processes()
        handle.close()


def _join_task_processes(timeout: float = 30.0) -> None:
    """Wait for the run's Luigi task processes that are still exiting (they sent their result)."""
    import multiprocessing

    from luigi.worker import TaskProcess

    for child in multiprocessing.active_children():
        if isinstance(child, TaskProcess):
            child.join(timeout)


# Failed rounds of luigi.build that each found a new page in flight, before a run gives up.
MAX_CRASH_ROUNDS = 100
_RUN_PID = 0


def _isolate_tasks() -> None:
    """Run every task in a forked child process, also with one worker.

    A page that kills its process (a crash in C code, the OOM killer) then fails its shard
    only, never the run; the retry rejects it as "crashed". The cost is one fork per task (a
    shard, not a page). Set here rather than in config/luigi.cfg, so ``luigi --module
    pipeline.tasks ...`` with one worker still runs in-process, for breakpoints.
    """
    import luigi
    from luigi.configuration import get_config

    global _RUN_PID
    if not _RUN_PID:
        luigi.Task.event_handler(luigi.Event.FAILURE)(_report_failure)
    _RUN_PID = os.getpid()
    config = get_config()
    if not config.has_section("worker"):
        config.add_section("worker")
    config.set("worker", "force_multiprocessing", "true")
    config.set("worker", "task_process_context", f"{__name__}.DieWithRun")


def _report_failure(task: Any, exception: BaseException) -> None:
    """One clear line for a failed task (a full disk, a read-only folder), above Luigi's log."""
    print(f"reinschrift: {task.task_family} failed: {type(exception).__name__}: {exception}",
          file=sys.stderr, flush=True)


class DieWithRun:
    """Luigi's task_process_context: a forked task process dies with the run.

    Linux PR_SET_PDEATHSIG: when the run is killed (SIGKILL, OOM), its task processes get
    SIGKILL too, instead of running on as orphans that hold the output lock. Also arms the
    page watchdog (pipeline.process.enable_watchdog), which may only end a task process.
    """

    def __init__(self, task_process: Any) -> None:
        self.forked = bool(getattr(task_process, "use_multiprocessing", False))

    def __enter__(self) -> "DieWithRun":
        if not self.forked:
            return self
        from pipeline.process import enable_watchdog

        enable_watchdog()  # a page stuck in C code ends this process, not the run
        if _RUN_PID:
            try:
                import ctypes
                import signal

                ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
            except (OSError, AttributeError):  # not Linux
                return self
            if os.getppid() != _RUN_PID:  # the run died before prctl took effect
                os._exit(1)
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def _inflight_files(out_dir: Path) -> list[Path]:
    from pipeline.tasks import WORK_DIR

    return sorted((out_dir / WORK_DIR).glob("*/*.inflight"))


def _clear_leftovers(out_dir: Path) -> None:
    """What a killed run left: its pages in flight are no crash evidence for this run, and its
    temporary files (atomic_open's ``.NAME.*.tmp``) were never renamed into place. Under
    ``articles/`` the merge step removes them (it walks that folder anyway)."""
    from pipeline.tasks import WORK_DIR

    for path in _inflight_files(out_dir):
        path.unlink(missing_ok=True)
    for path in [*out_dir.glob(".*.tmp"), *(out_dir / WORK_DIR).rglob(".*.tmp")]:
        path.unlink(missing_ok=True)


def _inflight_state(out_dir: Path) -> frozenset[tuple[str, str]]:
    state = set()
    for path in _inflight_files(out_dir):
        with contextlib.suppress(OSError):
            state.add((path.name, path.read_text(encoding="utf-8", errors="replace")))
    return frozenset(state)


def _load_config(path: str | None) -> Config:
    # the same cached object the tasks load, so what warm_up() builds is reused;
    # a ConfigError goes up to main(), which reports it before any page is touched
    return load_config_cached(str(Path(path).resolve()) if path else None)


def warm_up(config: Config) -> None:
    """Load what every page needs once, before Luigi forks its worker processes.

    Luigi runs each task in a forked process when workers > 1; models loaded here are
    shared copy-on-write instead of being loaded again by every shard.
    """
    from pipeline.boilerplate import RuleSet
    from pipeline.process import warm_caches

    RuleSet.from_config(config)
    config.digest  # noqa: B018 - computed once
    warm_caches(config)  # language models, dateparser's locales, trafilatura's and the repairs' caches


def _pending_pages(out_dir: Path, manifest: Any, config: Config) -> tuple[int, int]:
    """(new or changed pages, pages already done) against the previous run's extract shards.

    A shard whose ``.done`` holds its current fingerprint is done as a whole; only the other
    shards' files are read, and of each line only the ``key`` at its start (no full parse), so
    a rerun after adding a few pages to a big folder does not read the whole cache.
    """
    from pipeline.tasks import WORK_DIR

    folder = out_dir / WORK_DIR / "extract"
    prefix = '{"source": '
    new = 0
    for shard, pages in enumerate(manifest.shards):
        base = folder / f"shard-{shard:05d}-of-{manifest.shard_count:05d}"
        try:
            if base.with_suffix(".done").read_text(encoding="utf-8").strip() == manifest.fingerprint(shard, config.digest):
                continue
        except (OSError, UnicodeDecodeError):
            pass
        known: set[str] = set()
        try:
            with base.with_suffix(".jsonl").open(encoding="utf-8", errors="surrogateescape") as handle:
                for line in handle:
                    if line.startswith(prefix):
                        # {"source": S, "key": K, ...}: decode the two leading strings only
                        decoder = json.JSONDecoder()
                        _source, end = decoder.raw_decode(line, len(prefix))
                        if line.startswith(', "key": ', end):
                            key, _ = decoder.raw_decode(line, end + 9)
                            known.add(key)
        except OSError:
            pass
        new += sum(1 for page in pages if page.key not in known)
    return new, len(manifest.pages) - new


def cmd_run(args: argparse.Namespace) -> int:
    from pipeline.tasks.manifest import build_manifest

    # a run sees the folder and the config as they are now, also in a long-lived process
    build_manifest.cache_clear()
    load_config_cached.cache_clear()
    config = _load_config(args.config)
    input_dir = Path(args.input_dir)
    if not input_dir.is_dir():
        print(f"reinschrift: input folder {input_dir} does not exist", file=sys.stderr)
        return EXIT_MISSING_INPUT
    out_dir = Path(args.output)
    workers = args.workers or config.get("run", "workers") or os.cpu_count() or 1
    _use_luigi_config()
    try:
        with output_lock(out_dir, wait=config.get("run", "lock") == "wait", shared=bool(args.scheduler_url)):
            return _run_locked(args, config, input_dir, out_dir, workers)
    except RunLocked as exc:
        print(f"reinschrift: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    except OSError as exc:
        print(f"reinschrift: cannot write the outputs: {exc}", file=sys.stderr)
        return EXIT_FAILED


def _build(task: Any, build_args: dict[str, Any], *, coordinated: bool) -> bool:
    """``luigi.build``; under a central scheduler, rejoin while other workers hold the rest.

    A worker finds nothing to do while another machine runs the last pending tasks (e.g.
    WriteOutputs before it yields the clean shards) and stops with "not granted run
    permission" (NOT_RUN): that is no failure, so build again until the graph is done.
    """
    import luigi
    from luigi.execution_summary import LuigiStatusCode

    while True:
        result = luigi.build([task], **build_args, detailed_summary=True)
        if coordinated and result.status == LuigiStatusCode.NOT_RUN and not task.complete():
            time.sleep(1)
            continue
        return result.status in (LuigiStatusCode.SUCCESS, LuigiStatusCode.SUCCESS_WITH_RETRY) or task.complete()


def _run_locked(args: argparse.Namespace, config: Config, input_dir: Path, out_dir: Path, workers: int) -> int:
    from pipeline.tasks import WriteOutputs
    from pipeline.tasks.manifest import build_manifest

    started = time.monotonic()
    from pipeline.cli.ops import observed_build, write_extra_formats

    jsonl_fields = (getattr(args, "jsonl_html_field", "") or "", getattr(args, "jsonl_url_field", "") or "")
    manifest = build_manifest(str(input_dir.resolve()), "", config.get("run", "shard_size"), config.get("run", "min_shards"),
                              jsonl_fields)
    task = WriteOutputs(input_dir=str(input_dir.resolve()), output_dir=str(out_dir.resolve()),
                        config_file=str(Path(args.config).resolve()) if args.config else "",
                        jsonl_html_field=jsonl_fields[0], jsonl_url_field=jsonl_fields[1])
    # the no-op rerun: a stat walk and a few fingerprints, no page or shard file is read
    if task.complete():
        write_extra_formats(out_dir, getattr(args, "format", "jsonl"))
        print(f"reinschrift: nothing to do: {len(manifest.pages)} pages, outputs in {out_dir} are up to date")
        return EXIT_OK
    new, done = _pending_pages(out_dir, manifest, config)
    warm_up(config)
    print(f"reinschrift: {len(manifest.pages)} pages in {manifest.shard_count} shards: "
          f"{new} new or changed, {done} unchanged (reused)", file=sys.stderr)
    build_args: dict[str, Any] = {"workers": workers, "log_level": args.log_level}
    if args.scheduler_url:
        build_args["scheduler_url"] = args.scheduler_url
        # stay while other machines' tasks are pending: WriteOutputs yields the clean shards
        # only once every extract shard is done, and this worker should take its share of them
        from luigi.configuration import get_config

        if not get_config().has_section("worker"):
            get_config().add_section("worker")
        get_config().set("worker", "keep_alive", "true")
        if not get_config().has_option("worker", "wait_jitter"):
            get_config().set("worker", "wait_jitter", "1.0")  # an idle worker polls within 2 s, not 6
    else:
        build_args["local_scheduler"] = True
    _isolate_tasks()
    # A page that kills its worker process fails its shard; the retry finds it in flight
    # (.inflight) and after CRASH_ATTEMPTS such failures rejects it as "crashed". Retry while
    # each failure leaves new crash evidence (several crashing pages take several rounds);
    # a failure that leaves none (a full disk, a bug outside the page loop) ends the run.
    if not args.scheduler_url:  # runs sharing the folder through luigid may be writing now
        _clear_leftovers(out_dir)
    seen: set[frozenset[tuple[str, str]]] = set()
    # observed_build (cli/ops.py): the run log, and a progress bar on a terminal
    while not observed_build(out_dir, config, task, manifest,
                             lambda: _build(task, build_args, coordinated=bool(args.scheduler_url))):
        evidence = _inflight_state(out_dir)
        if not evidence or evidence in seen or len(seen) >= MAX_CRASH_ROUNDS:
            print("reinschrift: the run failed; see the log above (outputs of earlier runs are intact)",
                  file=sys.stderr)
            return EXIT_FAILED
        seen.add(evidence)
    report_path = out_dir / "report.json"
    report = json.loads(report_path.read_text(encoding="utf-8"))
    report["time_seconds"]["wall"] = round(time.monotonic() - started, 3)
    report["incremental"] = {"new_or_changed": new, "reused": done}
    from pipeline.write import atomic_write, dumps_pretty

    atomic_write(report_path, dumps_pretty(report))
    write_extra_formats(out_dir, getattr(args, "format", "jsonl"))  # --format parquet
    rejected = sum(report["rejected"].values())
    print(f"reinschrift: {report['kept']} articles, {rejected} rejected, "
          f"{sum(report['skipped'].values())} skipped -> {out_dir}")
    return EXIT_OK


def _print_explain(details: dict[str, Any], record: dict[str, Any]) -> None:
    out = sys.stderr
    print(f"== {record['source']}: {record.get('kind', '?')}, {record.get('encoding', '?')}", file=out)
    for removal in details["removed"]:
        print(f"-- removed [{removal.rule}] {removal.line}", file=out)
    for repair in details["repairs"]:
        print(f"~~ repair [{repair.name}] {repair.before!r} -> {repair.after!r}", file=out)
    times = ", ".join(f"{k} {v * 1000:.1f} ms" for k, v in details["timings"].items())
    print(f"== cpu: {times}", file=out)


def cmd_page(args: argparse.Namespace) -> int:
    from pipeline.process import boilerplate_step, repair_step, run_single_page
    from pipeline.language import detect_paragraphs
    from pipeline.read import decode_page, read_page_bytes

    config = _load_config(args.config)
    path = Path(args.path)
    if not path.is_file():
        print(f"reinschrift: no such page file: {path}", file=sys.stderr)
        return EXIT_USAGE
    limits = config.settings["limits"]
    if args.until == "read":
        from pipeline.errors import PageRejected

        try:
            data = read_page_bytes(str(path), max_file_bytes=limits["max_file_bytes"],
                                   max_decompressed_bytes=limits["max_decompressed_bytes"])
            decoded = decode_page(data, path.name)
        except PageRejected as exc:
            print(json.dumps({"source": path.name, "reason": exc.reason, "detail": exc.detail}, ensure_ascii=False))
            return EXIT_OK
        print(json.dumps({"kind": decoded.kind, "encoding": decoded.encoding, "text": decoded.text}, ensure_ascii=False, indent=2))
        return EXIT_OK
    result, details, record = run_single_page(path, config=config)
    if args.until and args.until != "write" and "reject" not in record:
        step_output: dict[str, Any]
        if args.until == "extract":
            step_output = {k: v for k, v in record.items() if k not in ("hashes", "timings")}
        else:
            kept, removed = boilerplate_step(record, config, counts={}, site_pages=1)
            step_output = {"paragraphs": kept, "removed": [[r.rule, r.line] for r in removed]}
            if args.until in ("repair", "language"):
                repaired, title, repairs = repair_step(record, kept, config)
                step_output = {"title": title, "paragraphs": repaired,
                               "repairs": [[r.name, r.before, r.after] for r in repairs]}
                if args.until == "language":
                    language, probability = detect_paragraphs(repaired, **config.settings["language"])
                    step_output = {"language": language, "language_probability": probability}
        if args.explain:
            _print_explain(details, record)
        print(json.dumps(step_output, ensure_ascii=False, indent=2))
        return EXIT_OK
    if args.explain:
        _print_explain(details, record)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reinschrift", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="clean every page under INPUT_DIR (Luigi, shard tasks)")
    run.add_argument("input_dir")
    run.add_argument("--output", "-o", required=True, help="output folder")
    run.add_argument("--workers", type=int, default=0, help="Luigi worker processes (default: cores)")
    run.add_argument("--config", help="a TOML file merged over config/")
    run.add_argument("--scheduler-url", help="a central luigid, e.g. http://host:8082 (default: local scheduler)")
    run.add_argument("--log-level", default="WARNING", help="Luigi's log level")
    from pipeline.cli.ops import add_run_arguments

    add_run_arguments(run)  # --format, --jsonl-html-field, --jsonl-url-field
    run.set_defaults(func=cmd_run)

    page = sub.add_parser("page", help="clean one page and print its article JSON")
    page.add_argument("path")
    page.add_argument("--explain", action="store_true", help="show every removal and repair (on stderr)")
    page.add_argument("--until", choices=["read", "extract", "boilerplate", "repair", "language", "write"],
                      help="stop after this step and print its output")
    page.add_argument("--config", help="a TOML file merged over config/")
    page.set_defaults(func=cmd_page)

    evaluate = sub.add_parser("evaluate", help="run over a set folder with gold.json and print the scores")
    evaluate.add_argument("set_dir")
    evaluate.add_argument("--output", "-o", help="keep the run's outputs here (default: a temp folder)")
    evaluate.add_argument("--workers", type=int, default=0)
    evaluate.add_argument("--config")
    evaluate.add_argument("--verbose", action="store_true", help="list every page's misses and leaks")
    evaluate.set_defaults(func=cmd_evaluate)
    return parser


def cmd_evaluate(args: argparse.Namespace) -> int:
    import tempfile

    from pipeline.evaluate import evaluate_set

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.output) if args.output else Path(tmp)
        run_args = argparse.Namespace(input_dir=args.set_dir, output=str(out), workers=args.workers,
                                      config=args.config, scheduler_url=None, log_level="WARNING")
        code = cmd_run(run_args)
        if code != EXIT_OK:
            return code
        print(evaluate_set(Path(args.set_dir), out, verbose=args.verbose))
    return EXIT_OK


# Sub-command modules register themselves here: each has `register(subparsers)`.
EXTRA_COMMANDS: tuple[str, ...] = ("ops",)


def main(argv: list[str] | None = None) -> int:
    import importlib

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name in EXTRA_COMMANDS:
        importlib.import_module(f"pipeline.cli.{name}").register(sub)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except ConfigError as exc:
        print(f"reinschrift: bad configuration: {exc}", file=sys.stderr)
        return EXIT_USAGE


def console_main() -> None:
    """The ``reinschrift`` command: :func:`main`, then the process ends without tearing down
    the interpreter.

    By the time main() returns, every output is written, closed and renamed into place and
    Luigi has joined its task processes; what teardown would still do is free the language
    models, lexicon and caches one object at a time (~0.35 s after a run, a twentieth of a
    small run's wall time). Log handlers and the standard streams are flushed first. Tests and
    other callers of main() keep the normal exit.
    """
    import logging

    code = main()
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # a closed pipe: nothing more can be said
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    console_main()
