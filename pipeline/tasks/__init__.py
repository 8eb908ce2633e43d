"""Luigi tasks: they only wire the step code to parameters and targets.

The grain is a shard of pages, never one task per page per step (Luigi's scheduler grows
quadratically past a few thousand tasks). The graph of a run::

    ExtractShard[k] ──► SiteStats ──► CleanShard[k] ──► WriteOutputs
    (read, decode,      (count line    (rules, repeated     (merge sorted shards:
     extract, fix        hashes per     lines, repairs,      articles.jsonl,
     encoding)           site)          language, articles/) rejects.jsonl, report.json)

``WriteOutputs`` requires ``SiteStats`` and yields the ``CleanShard`` tasks once the site
counts exist, so a clean shard's completeness is judged against fresh counts. Every target is
written atomically, and a ``.done`` file holding the fingerprint of the shard's inputs is
written last: a shard is complete when its ``.done`` matches the current fingerprint.

Debugging one page: every task takes ``--only PATH``, which makes the manifest that one page
(one shard, number 0).
"""

from __future__ import annotations

import hashlib
import heapq
import json
import os
import time
from array import array
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import luigi

from pipeline import __version__
from pipeline.boilerplate.repeated import repeated_hashes
from pipeline.config import Config, load_config_cached
from pipeline.errors import REJECT_REASONS
from pipeline.process import STEPS, clean_record, extract_page, reject, warm_caches
from pipeline.read.load import PREFETCH_PAGES, prefetch
from pipeline.records import PageFile
from pipeline.report import try_build_report_html
from pipeline.report.runlog import log_shard
from pipeline.tasks.manifest import Manifest, build_manifest
from pipeline.write import (
    ARTICLES_DIR,
    ARTICLES_JSONL,
    REJECTS_JSONL,
    REPORT_JSON,
    article_file,
    atomic_open,
    atomic_write,
    dumps_line,
    dumps_pretty,
    sync_filesystem,
)

WORK_DIR = ".work"
# A page that was in flight when its shard died this many times is rejected as "crashed".
CRASH_ATTEMPTS = 2
# Rejects that say more about the run than the page (load, a killed worker): never reused
# from an earlier run's cache, the page is tried again.
RETRY_REASONS = frozenset({"crashed", "timeout"})


class RunParameters(luigi.Task):
    """Parameters every step task shares."""

    input_dir = luigi.Parameter(description="the scrape folder to clean")
    output_dir = luigi.Parameter(description="where the outputs go")
    config_file = luigi.Parameter(default="", description="a user config merged over config/")
    only = luigi.Parameter(default="", description="debugging: run over this one page only")
    jsonl_html_field = luigi.Parameter(default="", description="read *.jsonl files as pages: the field with the HTML")
    jsonl_url_field = luigi.Parameter(default="", description="... and the field with the page's URL")

    @property
    def config(self) -> Config:
        return load_config_cached(self.config_file or None)

    @property
    def manifest(self) -> Manifest:
        return build_manifest(
            os.path.abspath(self.input_dir) if self.input_dir else "",
            os.path.abspath(self.only) if self.only else "",
            self.config.get("run", "shard_size"),
            self.config.get("run", "min_shards"),
            (self.jsonl_html_field, self.jsonl_url_field),
        )

    def work(self, *parts: str) -> Path:
        return Path(self.output_dir) / WORK_DIR / Path(*parts)

    def common(self) -> dict[str, str]:
        return {"input_dir": self.input_dir, "output_dir": self.output_dir, "config_file": self.config_file, "only": self.only,
                "jsonl_html_field": self.jsonl_html_field, "jsonl_url_field": self.jsonl_url_field}

    def _progress(self, done: int, total: int, what: str) -> None:
        if total and (done % 50 == 0 or done == total):
            self.set_progress_percentage(int(100 * done / total))
            self.set_status_message(f"{what}: {done}/{total} pages")


def _read_done(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8").strip()
    except (FileNotFoundError, IsADirectoryError, UnicodeDecodeError):
        return None


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    try:
        handle = path.open("r", encoding="utf-8")
    except FileNotFoundError:
        return
    with handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


class _Inflight:
    """Remembers the page being processed, so a page that kills its worker is found on retry.

    The file (JSON) holds the crash counts of the shard's earlier failed attempts and the page
    in flight now. An attempt that dies leaves it behind: on the retry, the page that was in
    flight gets one more crash, and a page with CRASH_ATTEMPTS crashes is rejected as
    "crashed". The counts stay until the shard completes, so several crashing pages in one
    shard are each rejected in turn. The CLI removes the files a killed run left.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.crashes: dict[str, int] = {}
        try:
            state = json.loads(path.read_text(encoding="utf-8"))
            self.crashes = {str(s): int(n) for s, n in state["crashes"].items()}
            if isinstance(state.get("inflight"), str):
                self.crashes[state["inflight"]] = self.crashes.get(state["inflight"], 0) + 1
        except (FileNotFoundError, ValueError, KeyError, TypeError, AttributeError):
            pass
        self._prefix = '{"crashes": ' + json.dumps(self.crashes, sort_keys=True) + ', "inflight": '
        path.parent.mkdir(parents=True, exist_ok=True)
        self._fd: int | None = None

    def crashed(self, source: str) -> bool:
        return self.crashes.get(source, 0) >= CRASH_ATTEMPTS

    def start(self, source: str) -> None:
        data = (self._prefix + json.dumps(source) + "}").encode("ascii")
        # one descriptor for the shard, rewritten in place: reopening with O_TRUNC once per
        # page makes ext4 flush the file on every close (auto_da_alloc), ms per page under load
        if self._fd is None:
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        os.pwrite(self._fd, data, 0)
        os.ftruncate(self._fd, len(data))

    def finish(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass


class _Prefetcher:
    """Keeps the kernel reading PREFETCH_PAGES page files ahead of the page being extracted."""

    def __init__(self, pages: list[PageFile], max_file_bytes: int) -> None:
        # a page inside a container file (offset >= 0) shares its file with its neighbours
        self.paths = list(dict.fromkeys(p.path for p in pages if p.path))
        self.position = {path: i for i, path in enumerate(self.paths)}
        self.max_file_bytes = max_file_bytes
        self.asked = 0

    def reached(self, page: PageFile) -> None:
        index = self.position.get(page.path)
        if index is None:
            return
        until = min(len(self.paths), index + 1 + PREFETCH_PAGES)
        while self.asked < until:
            prefetch(self.paths[self.asked], self.max_file_bytes)
            self.asked += 1


class _ShardTask(RunParameters):
    """A task over one shard of the pages."""

    shard = luigi.IntParameter(default=0, description="shard number (0 with --only)")

    @property
    def priority(self) -> int:  # type: ignore[override]
        """The shard's bytes: the biggest shards run first (longest first), so the workers
        finish together instead of one worker running the last big shard alone."""
        return sum(page.size for page in self.manifest.shards[self.shard])


class ExtractShard(_ShardTask):
    """Step 1-2 for one shard: read, decode, extract, fix encoding. Per-page results are cached."""

    def requires(self) -> list[luigi.Task]:
        return []

    def output(self) -> luigi.LocalTarget:
        return luigi.LocalTarget(str(self.base.with_suffix(".done")))

    def run(self) -> None:
        config, manifest = self.config, self.manifest
        pages = manifest.shards[self.shard]
        previous = {r["key"]: r for r in _read_jsonl(self.base.with_suffix(".jsonl"))
                    if r.get("reject", {}).get("reason") not in RETRY_REASONS}
        inflight = _Inflight(self.base.with_suffix(".inflight"))
        records = []
        todo = [page for page in pages if page.key not in previous]
        ahead = _Prefetcher(todo, int(config.get("limits", "max_file_bytes")))
        for done, page in enumerate(pages, 1):
            record = previous.get(page.key)
            if record is None:
                ahead.reached(page)
                if inflight.crashed(page.source):
                    record = {"source": page.source, "key": page.key,
                              "reject": reject(page.source, "crashed", "the page crashed its worker process twice")}
                else:
                    inflight.start(page.source)
                    record = extract_page(page, config)
            records.append(record)
            self._progress(done, len(pages), f"extract shard {self.shard}")
        # no page is in flight any more: a failed write below is no page's crash
        inflight.finish()
        _write_extract_outputs(self.base, records)
        atomic_write(self.output().path, self.fingerprint + "\n")

    # --- targets -------------------------------------------------------------------------
    @property
    def base(self) -> Path:
        return self.work("extract", f"shard-{self.shard:05d}-of-{self.manifest.shard_count:05d}")

    @property
    def fingerprint(self) -> str:
        return self.manifest.fingerprint(self.shard, self.config.digest)

    def complete(self) -> bool:
        done = _read_done(Path(self.output().path)) == self.fingerprint
        if not done:
            # asked by the scheduling process before it forks this task: fill the libraries'
            # caches there once, so no forked task pays for them again (pipeline.process)
            warm_caches(self.config)
        return done


def _write_extract_outputs(base: Path, records: list[dict[str, Any]]) -> None:
    hashes = array("Q")
    sites: Counter[str] = Counter()
    with atomic_open(base.with_suffix(".jsonl")) as handle:
        for record in records:
            handle.write(dumps_line(record))
            if "site" in record:
                sites[record["site"]] += 1
                hashes.extend(record["hashes"])
    hashes = array("Q", sorted(hashes))
    atomic_write(base.with_suffix(".hashes"), hashes.tobytes())
    atomic_write(base.with_suffix(".sites.json"), json.dumps(dict(sorted(sites.items()))))
    # per site, the distinct line hashes of this shard: what its clean fingerprint looks up
    by_site: dict[str, set[int]] = {}
    for record in records:
        if "site" in record:
            by_site.setdefault(record["site"], set()).update(record["hashes"])
    atomic_write(base.with_suffix(".sitehashes.json"),
                 json.dumps({site: sorted(values) for site, values in sorted(by_site.items())}))


class _RunWide(RunParameters):
    """A task over the whole run: done when its ``.done`` holds the run's fingerprint."""

    @property
    def fingerprint(self) -> str:
        return self.manifest.run_fingerprint(self.config.digest)

    def complete(self) -> bool:
        return _read_done(Path(self.output().path)) == self.fingerprint


class SiteStats(_RunWide):
    """The order-free second pass: how many pages of each site carry each line."""

    def requires(self) -> list[ExtractShard]:
        return [ExtractShard(shard=k, **self.common()) for k in range(self.manifest.shard_count)]

    def output(self) -> luigi.LocalTarget:
        return luigi.LocalTarget(str(self.work("sitestats.done")))

    def run(self) -> None:
        min_pages = self.config.get("repeated_lines", "min_pages")
        sites: Counter[str] = Counter()
        streams = []
        for task in self.requires():
            sites.update(json.loads(task.base.with_suffix(".sites.json").read_text(encoding="utf-8")))
            hashes = array("Q")
            hashes.frombytes(task.base.with_suffix(".hashes").read_bytes())
            streams.append(hashes)
        counts: dict[str, int] = {}
        run_value, run_length = None, 0
        # merge the sorted per-shard arrays: memory stays flat however many pages
        for value in heapq.merge(*streams):
            if value == run_value:
                run_length += 1
                continue
            if run_value is not None and run_length >= min_pages:
                counts[str(run_value)] = run_length
            run_value, run_length = value, 1
        if run_value is not None and run_length >= min_pages:
            counts[str(run_value)] = run_length
        atomic_write(self.work("sitestats.json"), json.dumps({"sites": dict(sorted(sites.items())), "counts": counts}, sort_keys=True))
        atomic_write(self.output().path, self.fingerprint + "\n")


@lru_cache(maxsize=2)
def _load_stats(path: str, fingerprint: str) -> tuple[dict[str, int], dict[int, int]]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return data["sites"], {int(k): v for k, v in data["counts"].items()}


class CleanShard(_ShardTask):
    """Steps 3-5 for one shard: boilerplate rules and repeated lines, repairs, language.

    Writes the shard's results and each article's ``OUT/articles/<source>.json``. A page is
    recomputed only when its extract record or its set of repeated lines changed.
    """

    def requires(self) -> SiteStats:
        return SiteStats(**self.common())

    def output(self) -> luigi.LocalTarget:
        return luigi.LocalTarget(str(self.base.with_suffix(".done")))

    def run(self) -> None:
        started = time.monotonic()
        config = self.config
        stats = self.requires()
        site_pages, counts = _load_stats(str(stats.work("sitestats.json")), stats.fingerprint)
        extract = ExtractShard(shard=self.shard, **self.common())
        previous = {r["cache_key"]: r for r in _read_jsonl(self.base.with_suffix(".jsonl"))
                    if r["article"] or r["result"]["reason"] not in RETRY_REASONS}
        inflight = _Inflight(self.base.with_suffix(".inflight"))
        records = list(_read_jsonl(extract.base.with_suffix(".jsonl")))
        settings = config.settings["repeated_lines"]
        out, fresh = [], []
        for done, record in enumerate(records, 1):
            cache_key = _clean_cache_key(record, counts, site_pages, settings, config.digest)
            cached = previous.get(cache_key)
            if cached is not None:
                out.append(cached)
                continue
            if inflight.crashed(record["source"]):
                result, details = reject(record["source"], "crashed", "the page crashed its worker process twice"), {"timings": {}}
            else:
                inflight.start(record["source"])
                result, details = clean_record(
                    record, config, counts=counts, site_pages=site_pages.get(record.get("site", ""), 1)
                )
            entry = {"source": record["source"], "cache_key": cache_key, "article": "id" in result,
                     "result": result, "timings": details["timings"]}
            out.append(entry)
            fresh.append(entry)
            self._progress(done, len(records), f"clean shard {self.shard}")
        # no page is in flight any more: a failed write below is no page's crash
        inflight.finish()
        written = 0
        articles_dir = os.path.realpath(os.path.join(self.output_dir, ARTICLES_DIR))
        for entry in fresh:
            if entry["article"]:
                result = entry["result"]
                path = article_file(self.output_dir, result["source"], result["id"])
                # flushed below with one sync of the file system for the shard, before its .jsonl and .done
                atomic_write(path, dumps_pretty(result), fsync=False)
                # kept with the entry: a later run lists the shard's files without resolving
                # every path again (WriteOutputs removes the files no page has any more)
                entry["file"] = os.path.relpath(path, articles_dir)
                written += 1
        if written:
            sync_filesystem(self.output_dir)  # one flush for the shard's article files, before its .jsonl and .done
        with atomic_open(self.base.with_suffix(".jsonl")) as handle:
            for entry in out:
                handle.write(dumps_line(entry))
        _write_clean_outputs(self.final_base, out, Path(self.output_dir))
        atomic_write(self.output().path, self.fingerprint + "\n")
        log_shard(self.output_dir, self.input_dir, config.settings["logging"], "clean", self.shard,
                  self.manifest.shard_count, out, time.monotonic() - started, len(fresh))

    @property
    def base(self) -> Path:
        return self.work("clean", f"shard-{self.shard:05d}-of-{self.manifest.shard_count:05d}")

    @property
    def final_base(self) -> Path:
        """The shard's final article/reject lines and counts, which WriteOutputs merges."""
        return self.work("final", f"shard-{self.shard:05d}-of-{self.manifest.shard_count:05d}")

    @property
    def fingerprint(self) -> str:
        """The shard's own pages, and which of their lines the site counts make boilerplate.

        Not the run-wide stats fingerprint: adding pages elsewhere moves counts, but a shard
        is redone only when a line of its own crosses a threshold.
        """
        extract_fp = self.manifest.fingerprint(self.shard, self.config.digest)
        stats = self.requires()
        extract = ExtractShard(shard=self.shard, **self.common())
        stats_path = str(stats.work("sitestats.json"))
        hashes_path = str(extract.base.with_suffix(".sitehashes.json"))
        # Luigi asks complete() of every shard several times: the answer is kept while
        # neither file it reads changes (their size and mtime are part of the key)
        return _clean_fingerprint(extract_fp, stats_path, stats.fingerprint, _stamp(stats_path), hashes_path,
                                  _stamp(hashes_path), self.config)

    def complete(self) -> bool:
        done = _read_done(Path(self.output().path))
        return done is not None and self.requires().complete() and done == self.fingerprint


def _stamp(path: str) -> tuple[int, int]:
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return (-1, -1)
    return (stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4096)
def _clean_fingerprint(extract_fp: str, stats_path: str, stats_fp: str, stats_stamp: tuple[int, int],
                       hashes_path: str, hashes_stamp: tuple[int, int], config: Config) -> str:
    """See CleanShard.fingerprint; the stamps only make the cache forget a changed file."""
    site_pages, counts = _load_stats(stats_path, stats_fp)
    settings = config.settings["repeated_lines"]
    digest = hashlib.sha256(extract_fp.encode())
    by_site = json.loads(Path(hashes_path).read_text(encoding="utf-8"))
    for site, hashes in by_site.items():
        repeated = repeated_hashes(hashes, counts, site_pages.get(site, 1), settings)
        if repeated:
            digest.update(site.encode("utf-8", "surrogateescape") + b"\x00" + json.dumps(repeated).encode())
    return digest.hexdigest()[:20]


def _clean_cache_key(record: dict[str, Any], counts: dict[int, int], site_pages: dict[str, int],
                     settings: dict[str, Any], config_digest: str) -> str:
    """What decides a page's clean result: its bytes, the config, and its repeated lines.

    The repeated lines are named by their hashes, which the extract record carries (a page's
    line keys and hashes correspond one to one), so a rerun does not normalise every line
    of every page in a touched shard again to find which of them are repeated.
    """
    digest = hashlib.sha256(f"v2\x00{record['key']}\x00{config_digest}".encode("utf-8", "surrogateescape"))
    if "site" in record:
        repeated = repeated_hashes(record["hashes"], counts, site_pages.get(record["site"], 1), settings)
        if repeated:
            digest.update(array("Q", repeated).tobytes())
    return digest.hexdigest()[:24]


class WriteOutputs(_RunWide):
    """Step 6: merge the clean shards into the output contract's files, sorted by source."""

    def requires(self) -> SiteStats:
        return SiteStats(**self.common())

    def output(self) -> luigi.LocalTarget:
        return luigi.LocalTarget(str(self.work("outputs.done")))

    def run(self):  # type: ignore[no-untyped-def]
        shards = [CleanShard(shard=k, **self.common()) for k in range(self.manifest.shard_count)]
        yield shards
        started = time.monotonic()
        report = _merge_outputs(Path(self.output_dir), [s.final_base for s in shards], self.manifest)
        report["pipeline"] = {"version": __version__, "config": self.config.digest}
        report["time_seconds"]["write"] = round(time.monotonic() - started, 3)
        atomic_write(Path(self.output_dir) / REPORT_JSON, dumps_pretty(report))
        try_build_report_html(self.output_dir)  # OUT/report.html (pipeline/report)
        atomic_write(self.output().path, self.fingerprint + "\n")


def _write_clean_outputs(base: Path, entries: list[dict[str, Any]], out_dir: Path) -> None:
    """The shard's final article and reject lines (sorted by source) and its counts.

    WriteOutputs then merges plain lines and adds small summaries: it never parses every
    article again, which keeps a rerun over a large folder cheap.
    """
    summary: dict[str, Counter[str]] = {k: Counter() for k in ("removed", "repairs", "languages", "reasons", "cpu")}
    articles_dir = (out_dir / ARTICLES_DIR).resolve()
    with atomic_open(base.with_suffix(".articles.jsonl")) as articles, \
            atomic_open(base.with_suffix(".rejects.jsonl")) as rejects, \
            atomic_open(base.with_suffix(".paths")) as paths:
        for entry in entries:
            result = entry["result"]
            summary["cpu"].update(entry.get("timings", {}))
            if entry["article"]:
                articles.write(dumps_line(result))
                summary["removed"].update(result["removed"])
                summary["repairs"].update(result["repairs"])
                summary["languages"][result["language"] or "null"] += 1
                file = entry.get("file")
                if file is None:  # an entry from before "file" was kept
                    file = str(article_file(out_dir, result["source"], result["id"]).relative_to(articles_dir))
                paths.write(json.dumps(file) + "\n")
            else:
                summary["reasons"][result["reason"]] += 1
                rejects.write(dumps_line(result))
    atomic_write(base.with_suffix(".summary.json"), json.dumps({k: dict(v) for k, v in summary.items()}, sort_keys=True))


_DECODER = json.JSONDecoder()


def _source_of(line: str) -> str:
    """The ``source`` of an article or reject line, without parsing the whole line."""
    start = line.index('"source": ') + len('"source": ')
    return _DECODER.raw_decode(line, start)[0]


def _lines(path: Path) -> Iterator[str]:
    with path.open("r", encoding="utf-8", newline="\n") as handle:
        yield from handle


def _merge_outputs(out_dir: Path, shard_bases: list[Path], manifest: Manifest) -> dict[str, Any]:
    totals: dict[str, Counter[str]] = {k: Counter() for k in ("removed", "repairs", "languages", "reasons", "cpu")}
    keep: set[str] = set()
    for base in shard_bases:
        for key, values in json.loads(base.with_suffix(".summary.json").read_text(encoding="utf-8")).items():
            totals[key].update(values)
        keep.update(json.loads(line) for line in _lines(base.with_suffix(".paths")))
    for name, suffix in ((ARTICLES_JSONL, ".articles.jsonl"), (REJECTS_JSONL, ".rejects.jsonl")):
        streams = [_lines(base.with_suffix(suffix)) for base in shard_bases]
        with atomic_open(out_dir / name) as handle:
            handle.writelines(heapq.merge(*streams, key=_source_of))
    _remove_stale_articles(out_dir / ARTICLES_DIR, keep)
    reasons, cpu = totals["reasons"], totals["cpu"]

    def ranked(counter: Counter[str]) -> dict[str, int]:
        return dict(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))

    return {
        "pages_read": len(manifest.pages),
        "skipped": dict(manifest.skipped),
        "kept": sum(totals["languages"].values()),
        "rejected": dict(sorted(reasons.items())),
        "reject_reasons": {r: REJECT_REASONS[r] for r in sorted(reasons)},
        "removed_by_rule": ranked(totals["removed"]),
        "repairs_by_name": ranked(totals["repairs"]),
        "languages": ranked(totals["languages"]),
        "cpu_seconds_by_step": {step: round(cpu.get(step, 0.0), 3) for step in STEPS},
        "time_seconds": {},
    }


def _remove_stale_articles(folder: Path, keep: set[str]) -> None:
    """Article files of pages no longer in the input go, so the folder matches articles.jsonl.

    ``keep`` holds paths relative to ``folder``.
    """
    if not folder.is_dir():
        return
    for root, _dirs, files in os.walk(folder):
        rel_root = os.path.relpath(root, folder)
        for name in files:
            path = os.path.join(root, name)
            rel = name if rel_root == "." else os.path.join(rel_root, name)
            if name.endswith(".json") and not name.startswith(".") and rel not in keep:
                os.unlink(path)
            elif name.startswith(".") and name.endswith(".tmp"):  # left by a killed run
                os.unlink(path)


# Dated scrape folders on a schedule (pipeline/tasks/schedule.py): `luigi --module pipeline.tasks RangeDaily --of DayTask`
from luigi.tools.range import RangeDaily  # noqa: E402,F401

from pipeline.tasks.schedule import DayFolder, DayTask  # noqa: E402,F401
