#!/usr/bin/env python3
"""Scale benchmark: 10k and 100k generated pages through ``reinschrift run``.

    python tests/bench/scale.py [--sizes 10000 100000] [--workers 2] [--work DIR] [--keep]

For each size it prints: wall time, pages/s, Luigi's scheduling overhead, the peak RSS of every
process of the run (the scheduling process and each forked task process), the time of a no-op
rerun, and the time of a rerun after adding 100 pages. The smallest size also checks that the
rerun after adding pages is byte-identical to a clean run over the new folder
(articles.jsonl, rejects.jsonl and every file under articles/, cross-page rules included);
that check is skipped at the larger sizes to save an extra full run (it is the same code path).

Scheduling overhead is measured from Luigi's own task events: the run logs at INFO, and every
"running"/"done" line is time-stamped as it arrives, so the sum of task run times is known;
overhead = 1 - sum(task times) / (wall of the Luigi part × workers). It includes the idle time
of a worker while a lone task (SiteStats, WriteOutputs) runs. The time before the first task
starts (walking the folder, warming caches) is printed separately.

Peak RSS is read from /proc/PID/status (VmHWM) of every descendant process, polled every
0.1 s. Figures go to stdout; the corpora are built with make_corpus.py and deleted unless
--keep.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REINSCHRIFT = ROOT / ".venv" / "bin" / "reinschrift"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import make_corpus  # noqa: E402

_EVENT = re.compile(r"\[pid (\d+)\] Worker .*? (running|done) +(\w+)\(")


def _children(pid: int) -> list[int]:
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/task/{current}/children") as handle:
                kids = [int(k) for k in handle.read().split()]
        except OSError:
            kids = []
        found.extend(kids)
        stack.extend(kids)
    return found


def _hwm_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_pipeline(folder: Path, out: Path, workers: int) -> dict:
    """One ``reinschrift run``; returns wall, task times, peak RSS per process, stdout."""
    cmd = [str(REINSCHRIFT), "run", str(folder), "--output", str(out), "--workers", str(workers), "--log-level", "INFO"]
    started = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, errors="replace")
    peaks: dict[int, int] = {}
    events: list[tuple[float, str, str, str]] = []
    stop = threading.Event()

    def poll() -> None:
        while not stop.is_set():
            for pid in [proc.pid, *_children(proc.pid)]:
                kb = _hwm_kb(pid)
                if kb:
                    peaks[pid] = max(peaks.get(pid, 0), kb)
            stop.wait(0.1)

    def read_err() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            match = _EVENT.search(line)
            if match:
                events.append((time.monotonic(), match[1], match[2], match[3]))

    threads = [threading.Thread(target=poll, daemon=True), threading.Thread(target=read_err, daemon=True)]
    for thread in threads:
        thread.start()
    stdout = proc.stdout.read() if proc.stdout else ""
    code = proc.wait()
    wall = time.monotonic() - started
    stop.set()
    for thread in threads:
        thread.join(timeout=5)
    if code != 0:
        raise SystemExit(f"reinschrift exited {code}: {stdout}")
    begun: dict[str, float] = {}
    task_seconds = 0.0
    tasks = 0
    for stamp, pid, kind, _family in events:
        if kind == "running":
            begun[pid] = stamp
        elif pid in begun:
            task_seconds += stamp - begun.pop(pid)
            tasks += 1
    first = min((e[0] for e in events), default=started) - started
    last = max((e[0] for e in events), default=started) - started
    return {"wall": wall, "task_seconds": task_seconds, "tasks": tasks, "first_task": first,
            "luigi_wall": max(last - first, 1e-9), "peaks_mb": sorted((kb / 1024 for kb in peaks.values()), reverse=True),
            "parent_mb": peaks.get(proc.pid, 0) / 1024, "stdout": stdout.strip()}


def same_outputs(a: Path, b: Path) -> list[str]:
    """Differences between two output folders' article files (empty = byte-identical)."""
    diffs = [name for name in ("articles.jsonl", "rejects.jsonl")
             if not filecmp.cmp(a / name, b / name, shallow=False)]
    files_a = sorted(p.relative_to(a) for p in (a / "articles").rglob("*.json"))
    files_b = sorted(p.relative_to(b) for p in (b / "articles").rglob("*.json"))
    if files_a != files_b:
        diffs.append(f"articles/ file lists differ ({len(files_a)} vs {len(files_b)})")
    else:
        diffs += [str(p) for p in files_a if not filecmp.cmp(a / p, b / p, shallow=False)][:5]
    return diffs


def bench_size(size: int, work: Path, workers: int, check_identity: bool) -> dict:
    folder, out = work / f"in-{size}", work / f"out-{size}"
    started = time.monotonic()
    make_corpus(size, str(folder))
    print(f"[{size}] corpus written in {time.monotonic() - started:.1f} s", flush=True)
    full = run_pipeline(folder, out, workers)
    overhead = 1 - full["task_seconds"] / (full["luigi_wall"] * workers)
    print(f"[{size}] full run: {full['wall']:.1f} s wall, {size / full['wall']:.1f} pages/s; "
          f"{full['tasks']} tasks, {full['first_task']:.1f} s before the first task; "
          f"Luigi scheduling overhead {overhead * 100:.1f}% of {full['luigi_wall']:.1f} s × {workers} workers", flush=True)
    print(f"[{size}] peak RSS: scheduling process {full['parent_mb']:.0f} MB; largest task processes "
          + ", ".join(f"{mb:.0f}" for mb in full["peaks_mb"][:5]) + " MB", flush=True)
    noop = run_pipeline(folder, out, workers)
    print(f"[{size}] no-op rerun: {noop['wall']:.2f} s ({noop['stdout'][:60]})", flush=True)
    make_corpus(100, str(folder), start=size)
    added = run_pipeline(folder, out, workers)
    print(f"[{size}] rerun after adding 100 pages: {added['wall']:.1f} s = {added['wall'] / full['wall'] * 100:.1f}% of the full run; "
          f"peak RSS {max(added['peaks_mb'], default=0):.0f} MB", flush=True)
    result = {"size": size, "full": full["wall"], "overhead": overhead, "noop": noop["wall"], "added": added["wall"],
              "peak_mb": max(full["peaks_mb"] + added["peaks_mb"])}
    if check_identity:
        clean = work / f"clean-{size}"
        run_pipeline(folder, clean, workers)
        diffs = same_outputs(out, clean)
        result["identical"] = not diffs
        print(f"[{size}] incremental rerun vs clean run over the new folder: "
              + ("byte-identical" if not diffs else f"DIFFERENT: {diffs}"), flush=True)
        shutil.rmtree(clean, ignore_errors=True)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--work", help="folder for corpora and outputs (default: a temp folder)")
    parser.add_argument("--keep", action="store_true", help="keep corpora and outputs")
    args = parser.parse_args()
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="reinschrift-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    results = []
    try:
        for number, size in enumerate(sorted(args.sizes)):
            # the identity check costs one more full run: at the smallest size only, and never past 20k
            results.append(bench_size(size, work, args.workers, check_identity=number == 0 and size <= 20_000))
            if not args.keep:
                for name in (f"in-{size}", f"out-{size}"):
                    shutil.rmtree(work / name, ignore_errors=True)
    finally:
        if not args.keep and not args.work:
            shutil.rmtree(work, ignore_errors=True)
    print("\nsummary")
    for r in results:
        print(f"  {r['size']:>7} pages: {r['full']:.1f} s ({r['size'] / r['full']:.1f} pages/s), overhead {r['overhead'] * 100:.1f}%, "
              f"peak RSS {r['peak_mb']:.0f} MB, no-op {r['noop']:.2f} s, +100 pages {r['added']:.1f} s "
              f"({r['added'] / r['full'] * 100:.1f}%)" + (f", identical to a clean run: {r['identical']}" if "identical" in r else ""))
    if len(results) >= 2:
        small, big = results[0], results[-1]
        print(f"  time({big['size']}) / time({small['size']}) = {big['full'] / small['full']:.2f} "
              f"(pages ratio {big['size'] / small['size']:.0f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
