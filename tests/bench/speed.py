#!/usr/bin/env python3
"""Speed benchmark: Reinschrift's full pipeline against trafilatura's own CLI, same folder, same cores.

    python tests/bench/speed.py FOLDER [FOLDER ...] [--repeats 3] [--workers 2] [--generate N]

For each folder, in one run, on the same CPUs (the process and its children are pinned to the
first ``--workers`` CPUs), it alternates ``reinschrift run FOLDER --workers 2`` (a fresh output
folder each time) and ``trafilatura --input-dir FOLDER --output-dir X --parallel 2`` (its CLI,
default options) ``--repeats`` times each, then prints:

* pages/s of each (pages = the pages Reinschrift reads in the folder, the same count for both),
* the ratio Reinschrift ÷ trafilatura (the median of the per-pair ratios),
* CPU ms per page of each step (from OUT/report.json ``cpu_seconds_by_step``),
* the floor: parsing every page with lxml alone (read, gunzip, ``lxml.html`` parse) in a pool
  of the same number of processes.

``../shared/eval/trafilatura-dev`` is added when it exists. ``--generate N`` adds a folder of N
pages made by make_corpus.py (in a temp folder, deleted afterwards).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".venv" / "bin"
SHARED_DEV = ROOT.parent / "shared" / "eval" / "trafilatura-dev"
sys.path.insert(0, str(Path(__file__).resolve().parent))


def _timed(cmd: list[str]) -> float:
    started = time.monotonic()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, errors="replace")
    wall = time.monotonic() - started
    if done.returncode != 0:
        raise SystemExit(f"{cmd[0]} exited {done.returncode}: {done.stderr[-2000:]}")
    return wall


def _parse_one(path: str) -> int:
    import lxml.html

    with open(path, "rb") as handle:
        data = handle.read()
    if path.endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError):
            return 0
    if not data.strip():
        return 0
    try:
        lxml.html.document_fromstring(data)
    except Exception:  # noqa: BLE001 - the floor only counts the parse cost
        return 0
    return 1


def lxml_floor(folder: Path, processes: int) -> tuple[float, int]:
    paths = [os.path.join(root, name) for root, _dirs, files in os.walk(folder) for name in files
             if not name.startswith(".") and name != "gold.json"]
    started = time.monotonic()
    with Pool(processes) as pool:
        parsed = sum(pool.imap_unordered(_parse_one, paths, chunksize=64))
    return time.monotonic() - started, len(paths) if parsed else 0


def bench_folder(folder: Path, repeats: int, workers: int, tmp: Path) -> dict:
    ours, theirs, report = [], [], {}
    for attempt in range(repeats):
        out = tmp / f"ours-{attempt}"
        ours.append(_timed([str(BIN / "reinschrift"), "run", str(folder), "--output", str(out), "--workers", str(workers)]))
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        shutil.rmtree(out, ignore_errors=True)
        out = tmp / f"trafilatura-{attempt}"
        theirs.append(_timed([str(BIN / "trafilatura"), "--input-dir", str(folder), "--output-dir", str(out),
                              "--parallel", str(workers)]))
        shutil.rmtree(out, ignore_errors=True)
    pages = report["pages_read"]
    floor_wall, floor_pages = lxml_floor(folder, workers)
    ratios = [t / o for o, t in zip(ours, theirs)]
    return {"folder": str(folder), "pages": pages, "ours": ours, "theirs": theirs, "ratio": statistics.median(ratios),
            "cpu_ms": {step: 1000 * seconds / max(pages, 1) for step, seconds in report["cpu_seconds_by_step"].items()},
            "floor": floor_pages / floor_wall if floor_wall else 0.0}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--generate", type=int, default=0, help="also bench a generated folder of N pages")
    args = parser.parse_args()
    cpus = sorted(os.sched_getaffinity(0))[: args.workers]
    os.sched_setaffinity(0, cpus)  # children inherit: both tools get the same CPUs
    folders = [Path(f) for f in args.folders]
    if SHARED_DEV.is_dir() and SHARED_DEV.resolve() not in [f.resolve() for f in folders]:
        folders.insert(0, SHARED_DEV)
    tmp = Path(tempfile.mkdtemp(prefix="reinschrift-speed-"))
    try:
        if args.generate:
            from make_corpus import make_corpus

            generated = tmp / f"generated-{args.generate}"
            make_corpus(args.generate, str(generated))
            folders.append(generated)
        print(f"CPUs {cpus}, {args.repeats} alternating runs of each tool per folder")
        for folder in folders:
            r = bench_folder(folder, args.repeats, args.workers, tmp)
            ours = statistics.median(r["ours"])
            theirs = statistics.median(r["theirs"])
            print(f"\n{r['folder']}: {r['pages']} pages")
            print(f"  reinschrift run --workers {args.workers}: {r['pages'] / ours:7.1f} pages/s  (walls "
                  + ", ".join(f"{w:.1f}" for w in r["ours"]) + " s)")
            print(f"  trafilatura CLI --parallel {args.workers}: {r['pages'] / theirs:7.1f} pages/s  (walls "
                  + ", ".join(f"{w:.1f}" for w in r["theirs"]) + " s)")
            print(f"  ratio reinschrift / trafilatura (median of pairs): {r['ratio']:.2f}")
            print("  CPU ms per page: " + ", ".join(f"{k} {v:.1f}" for k, v in r["cpu_ms"].items())
                  + f" (total {sum(r['cpu_ms'].values()):.1f})")
            print(f"  floor, lxml parse alone on {args.workers} processes: {r['floor']:.0f} pages/s")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
