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
def output_lock(out_dir: Path, wait: bool) -> Iterator[None]:
    """One run per output folder: a second run refuses (or waits, as configured)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    handle = (out_dir / LOCK_NAME).open("a+")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
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
        handle.close()


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
    from pipeline.language import preload

    preload()
    RuleSet.from_config(config)
    config.digest  # noqa: B018 - computed once


def _pending_pages(out_dir: Path, manifest: Any) -> tuple[int, int]:
    """(new or changed pages, pages already done) against the previous run's extract shards."""
    from pipeline.tasks import WORK_DIR

    known: set[str] = set()
    folder = out_dir / WORK_DIR / "extract"
    suffix = f"-of-{manifest.shard_count:05d}.jsonl"
    if folder.is_dir():
        for path in folder.glob(f"shard-*{suffix}"):
            with path.open(encoding="utf-8") as handle:
                for line in handle:
                    start = line.find('"key": ')
                    if start >= 0:
                        known.add(json.loads(line)["key"])
    new = sum(1 for page in manifest.pages if page.key not in known)
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
        with output_lock(out_dir, wait=config.get("run", "lock") == "wait"):
            return _run_locked(args, config, input_dir, out_dir, workers)
    except RunLocked as exc:
        print(f"reinschrift: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    except OSError as exc:
        print(f"reinschrift: cannot write the outputs: {exc}", file=sys.stderr)
        return EXIT_FAILED


def _run_locked(args: argparse.Namespace, config: Config, input_dir: Path, out_dir: Path, workers: int) -> int:
    import luigi

    from pipeline.tasks import WriteOutputs
    from pipeline.tasks.manifest import build_manifest

    started = time.monotonic()
    warm_up(config)
    manifest = build_manifest(str(input_dir.resolve()), "", config.get("run", "shard_size"), config.get("run", "min_shards"))
    new, done = _pending_pages(out_dir, manifest)
    task = WriteOutputs(input_dir=str(input_dir.resolve()), output_dir=str(out_dir.resolve()),
                        config_file=str(Path(args.config).resolve()) if args.config else "")
    if task.complete():
        print(f"reinschrift: nothing to do: {len(manifest.pages)} pages, outputs in {out_dir} are up to date")
        return EXIT_OK
    print(f"reinschrift: {len(manifest.pages)} pages in {manifest.shard_count} shards: "
          f"{new} new or changed, {done} unchanged (reused)", file=sys.stderr)
    build_args: dict[str, Any] = {"workers": workers, "detailed_summary": False, "log_level": args.log_level}
    if args.scheduler_url:
        build_args["scheduler_url"] = args.scheduler_url
    else:
        build_args["local_scheduler"] = True
    # A page that kills its worker fails the shard; the retry finds it in flight and rejects it.
    for _attempt in range(1 + 2):
        result = luigi.build([task], **build_args)
        if result:
            break
    else:
        print("reinschrift: the run failed; see the log above", file=sys.stderr)
        return EXIT_FAILED
    report_path = out_dir / "report.json"
    report = json.loads(report_path.read_text(encoding="utf-8"))
    report["time_seconds"]["wall"] = round(time.monotonic() - started, 3)
    report["incremental"] = {"new_or_changed": new, "reused": done}
    from pipeline.write import atomic_write, dumps_pretty

    atomic_write(report_path, dumps_pretty(report))
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
                    language, probability = detect_paragraphs(repaired)
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
EXTRA_COMMANDS: tuple[str, ...] = ()


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


if __name__ == "__main__":
    raise SystemExit(main())
