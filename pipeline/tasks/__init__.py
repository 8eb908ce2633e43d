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
from pipeline.config import Config, load_config_cached
from pipeline.errors import REJECT_REASONS
from pipeline.process import STEPS, clean_record, extract_page, reject
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
)

WORK_DIR = ".work"
# A page that was in flight when its shard died this many times is rejected as "crashed".
CRASH_ATTEMPTS = 2


class RunParameters(luigi.Task):
    """Parameters every step task shares."""

    input_dir = luigi.Parameter(description="the scrape folder to clean")
    output_dir = luigi.Parameter(description="where the outputs go")
    config_file = luigi.Parameter(default="", description="a user config merged over config/")
    only = luigi.Parameter(default="", description="debugging: run over this one page only")

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
        )

    def work(self, *parts: str) -> Path:
        return Path(self.output_dir) / WORK_DIR / Path(*parts)

    def common(self) -> dict[str, str]:
        return {"input_dir": self.input_dir, "output_dir": self.output_dir, "config_file": self.config_file, "only": self.only}

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
    """Remembers the page being processed, so a page that kills its worker is found on retry."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.previous: tuple[str, int] | None = None
        try:
            source, _, attempts = path.read_text(encoding="utf-8", errors="surrogateescape").rpartition("\t")
            self.previous = (source, int(attempts))
        except (FileNotFoundError, ValueError):
            pass
        path.parent.mkdir(parents=True, exist_ok=True)

    def crashed(self, source: str) -> bool:
        return self.previous is not None and self.previous[0] == source and self.previous[1] >= CRASH_ATTEMPTS

    def start(self, source: str) -> None:
        attempts = self.previous[1] + 1 if self.previous and self.previous[0] == source else 1
        with self.path.open("w", encoding="utf-8", errors="surrogateescape") as handle:
            handle.write(f"{source}\t{attempts}")

    def finish(self) -> None:
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass


class ExtractShard(RunParameters):
    """Step 1-2 for one shard: read, decode, extract, fix encoding. Per-page results are cached."""

    shard = luigi.IntParameter(default=0, description="shard number (0 with --only)")

    def requires(self) -> list[luigi.Task]:
        return []

    def output(self) -> luigi.LocalTarget:
        return luigi.LocalTarget(str(self.base.with_suffix(".done")))

    def run(self) -> None:
        config, manifest = self.config, self.manifest
        pages = manifest.shards[self.shard]
        previous = {r["key"]: r for r in _read_jsonl(self.base.with_suffix(".jsonl"))}
        inflight = _Inflight(self.base.with_suffix(".inflight"))
        records = []
        for done, page in enumerate(pages, 1):
            record = previous.get(page.key)
            if record is None:
                if inflight.crashed(page.source):
                    record = {"source": page.source, "key": page.key,
                              "reject": reject(page.source, "crashed", "the page crashed its worker process twice")}
                else:
                    inflight.start(page.source)
                    record = extract_page(page, config)
            records.append(record)
            self._progress(done, len(pages), f"extract shard {self.shard}")
        _write_extract_outputs(self.base, records)
        inflight.finish()
        atomic_write(self.output().path, self.fingerprint + "\n")

    # --- targets -------------------------------------------------------------------------
    @property
    def base(self) -> Path:
        return self.work("extract", f"shard-{self.shard:05d}-of-{self.manifest.shard_count:05d}")

    @property
    def fingerprint(self) -> str:
        return self.manifest.fingerprint(self.shard, self.config.digest)

    def complete(self) -> bool:
        return _read_done(Path(self.output().path)) == self.fingerprint


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


class SiteStats(RunParameters):
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

    @property
    def fingerprint(self) -> str:
        return self.manifest.run_fingerprint(self.config.digest)

    def complete(self) -> bool:
        return _read_done(Path(self.output().path)) == self.fingerprint


@lru_cache(maxsize=2)
def _load_stats(path: str, fingerprint: str) -> tuple[dict[str, int], dict[int, int]]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return data["sites"], {int(k): v for k, v in data["counts"].items()}


class CleanShard(RunParameters):
    """Steps 3-5 for one shard: boilerplate rules and repeated lines, repairs, language.

    Writes the shard's results and each article's ``OUT/articles/<source>.json``. A page is
    recomputed only when its extract record or its set of repeated lines changed.
    """

    shard = luigi.IntParameter(default=0, description="shard number (0 with --only)")

    def requires(self) -> SiteStats:
        return SiteStats(**self.common())

    def output(self) -> luigi.LocalTarget:
        return luigi.LocalTarget(str(self.base.with_suffix(".done")))

    def run(self) -> None:
        config = self.config
        stats = self.requires()
        site_pages, counts = _load_stats(str(stats.work("sitestats.json")), stats.fingerprint)
        extract = ExtractShard(shard=self.shard, **self.common())
        previous = {r["cache_key"]: r for r in _read_jsonl(self.base.with_suffix(".jsonl"))}
        inflight = _Inflight(self.base.with_suffix(".inflight"))
        records = list(_read_jsonl(extract.base.with_suffix(".jsonl")))
        settings = config.settings["repeated_lines"]
        out = []
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
            if entry["article"]:
                atomic_write(article_file(self.output_dir, result["source"], result["id"]), dumps_pretty(result))
            out.append(entry)
            self._progress(done, len(records), f"clean shard {self.shard}")
        with atomic_open(self.base.with_suffix(".jsonl")) as handle:
            for entry in out:
                handle.write(dumps_line(entry))
        inflight.finish()
        atomic_write(self.output().path, self.fingerprint + "\n")

    @property
    def base(self) -> Path:
        return self.work("clean", f"shard-{self.shard:05d}-of-{self.manifest.shard_count:05d}")

    @property
    def fingerprint(self) -> str:
        extract_fp = self.manifest.fingerprint(self.shard, self.config.digest)
        return hashlib.sha256(f"{extract_fp}\x00{self.requires().fingerprint}".encode()).hexdigest()[:20]

    def complete(self) -> bool:
        return self.requires().complete() and _read_done(Path(self.output().path)) == self.fingerprint


def _clean_cache_key(record: dict[str, Any], counts: dict[int, int], site_pages: dict[str, int],
                     settings: dict[str, Any], config_digest: str) -> str:
    """What decides a page's clean result: its bytes, the config, and its repeated lines."""
    from pipeline.boilerplate.repeated import repeated_keys

    digest = hashlib.sha256(f"{record['key']}\x00{config_digest}".encode("utf-8", "surrogateescape"))
    if "site" in record:
        repeated = repeated_keys(record["site"], record["paragraphs"], counts, site_pages.get(record["site"], 1), settings)
        for key in sorted(repeated):
            digest.update(key.encode("utf-8", "surrogateescape") + b"\x01")
    return digest.hexdigest()[:24]


class WriteOutputs(RunParameters):
    """Step 6: merge the clean shards into the output contract's files, sorted by source."""

    def requires(self) -> SiteStats:
        return SiteStats(**self.common())

    def output(self) -> luigi.LocalTarget:
        return luigi.LocalTarget(str(self.work("outputs.done")))

    def run(self):  # type: ignore[no-untyped-def]
        shards = [CleanShard(shard=k, **self.common()) for k in range(self.manifest.shard_count)]
        yield shards
        started = time.monotonic()
        report = _merge_outputs(Path(self.output_dir), [s.base.with_suffix(".jsonl") for s in shards], self.manifest)
        report["pipeline"] = {"version": __version__, "config": self.config.digest}
        report["time_seconds"]["write"] = round(time.monotonic() - started, 3)
        atomic_write(Path(self.output_dir) / REPORT_JSON, dumps_pretty(report))
        atomic_write(self.output().path, self.fingerprint + "\n")

    @property
    def fingerprint(self) -> str:
        return self.manifest.run_fingerprint(self.config.digest)

    def complete(self) -> bool:
        return _read_done(Path(self.output().path)) == self.fingerprint


def _merge_outputs(out_dir: Path, shard_files: list[Path], manifest: Manifest) -> dict[str, Any]:
    removed: Counter[str] = Counter()
    repairs: Counter[str] = Counter()
    languages: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    cpu: Counter[str] = Counter()
    kept_files: set[str] = set()
    kept = 0
    streams = [_read_jsonl(path) for path in shard_files]
    with atomic_open(out_dir / ARTICLES_JSONL) as articles, atomic_open(out_dir / REJECTS_JSONL) as rejects:
        for entry in heapq.merge(*streams, key=lambda e: e["source"]):
            result = entry["result"]
            cpu.update(entry.get("timings", {}))
            if entry["article"]:
                kept += 1
                articles.write(dumps_line(result))
                removed.update(result["removed"])
                repairs.update(result["repairs"])
                languages[result["language"] or "null"] += 1
                kept_files.add(str(article_file(out_dir, result["source"], result["id"])))
            else:
                reasons[result["reason"]] += 1
                rejects.write(dumps_line(result))
    _remove_stale_articles(out_dir / ARTICLES_DIR, kept_files)
    return {
        "pages_read": len(manifest.pages),
        "skipped": dict(manifest.skipped),
        "kept": kept,
        "rejected": dict(sorted(reasons.items())),
        "reject_reasons": {r: REJECT_REASONS[r] for r in sorted(reasons)},
        "removed_by_rule": dict(sorted(removed.items(), key=lambda kv: (-kv[1], kv[0]))),
        "repairs_by_name": dict(sorted(repairs.items(), key=lambda kv: (-kv[1], kv[0]))),
        "languages": dict(sorted(languages.items(), key=lambda kv: (-kv[1], kv[0]))),
        "cpu_seconds_by_step": {step: round(cpu.get(step, 0.0), 3) for step in STEPS},
        "time_seconds": {},
    }


def _remove_stale_articles(folder: Path, keep: set[str]) -> None:
    """Article files of pages no longer in the input go, so the folder matches articles.jsonl."""
    if not folder.is_dir():
        return
    for root, _dirs, files in os.walk(folder):
        for name in files:
            path = os.path.join(root, name)
            if name.endswith(".json") and not name.startswith(".") and str(Path(path).resolve()) not in keep:
                os.unlink(path)
