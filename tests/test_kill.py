"""Kills, crashing pages, concurrent runs, full and read-only disks: nothing written is lost.

A run killed with SIGKILL at any moment leaves only complete files under final names, and the
rerun's outputs are byte-identical to a clean run's. A page that kills its worker process ends
as the reject ``crashed``, the rest of its shard is kept. A second run on the same output folder
refuses (exit 3) or waits. A write that fails (disk full, read-only) ends the run with a clear
error and exit 1, and the outputs of the run before stay intact.
"""

from __future__ import annotations

import errno
import fcntl
import gzip
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import pipeline.process
from pipeline.cli import LOCK_NAME, main
from test_hostile import ROOT, article_dump, article_html, read_jsonl


def make_pages(root: Path, count: int = 60) -> Path:
    """``count`` ordinary pages over three sites: HTML, gzip and text dumps, all different."""
    for n in range(count):
        site = ("rheinpost", "eastmere", "dumps")[n % 3]
        folder = root / site / f"2024-{n % 4}"
        folder.mkdir(parents=True, exist_ok=True)
        if site == "dumps":
            (folder / f"page-{n}.txt").write_text(article_dump(n), encoding="utf-8")
        elif n % 5 == 0:
            (folder / f"page-{n}.html.gz").write_bytes(gzip.compress(article_html(n, "de").encode(), mtime=0))
        else:
            (folder / f"page-{n}.html").write_text(article_html(n, "de" if site == "rheinpost" else "en"), encoding="utf-8")
    return root


def run(input_dir: Path, out: Path, *extra: str) -> int:
    return main(["run", str(input_dir), "--output", str(out), "--workers", "1", *extra])


def output_files(out: Path) -> dict[str, bytes]:
    """The output contract's files (report.json holds times: compared apart)."""
    files = {name: (out / name).read_bytes() for name in ("articles.jsonl", "rejects.jsonl")}
    for path in sorted((out / "articles").rglob("*")):
        if path.is_file():
            files[str(path.relative_to(out))] = path.read_bytes()
    return files


def stable_report(out: Path) -> dict:
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    for key in ("time_seconds", "cpu_seconds_by_step", "incremental"):
        report.pop(key, None)
    return report


def assert_no_partial_file(out: Path) -> int:
    """Every file under a final name is complete: JSON parses, each JSON Lines line parses,
    each .done holds a fingerprint. Temporary files (.NAME.*.tmp) may exist after a kill."""
    checked = 0
    for path in out.rglob("*"):
        name = path.name
        if not path.is_file() or (name.startswith(".") and name.endswith(".tmp")) or name == LOCK_NAME:
            continue
        data = path.read_bytes()
        if name.endswith(".jsonl"):
            assert data == b"" or data.endswith(b"\n"), path
            for line in data.decode("utf-8").splitlines():
                json.loads(line)
        elif name.endswith(".json"):
            json.loads(data.decode("utf-8"))
        elif name.endswith(".done"):
            assert data.decode().strip().isalnum() and data.endswith(b"\n"), path
        elif name.endswith(".hashes"):
            assert len(data) % 8 == 0, path
        checked += 1
    return checked


def alive_in_group(pgid: int) -> list[int]:
    """Processes of a process group that are still running (zombies do not count)."""
    alive = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid and fields[0] != "Z":
                alive.append(int(entry.name))
    return alive


def wait_for_lock(out: Path, seconds: float = 10.0) -> None:
    """Until no process of a killed run holds the output folder's lock."""
    lock = out / LOCK_NAME
    end = time.monotonic() + seconds
    while lock.exists() and time.monotonic() < end:
        with lock.open("a") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                time.sleep(0.02)
    assert not lock.exists(), f"{lock} still locked {seconds} s after the kill"


def spawn(input_dir: Path, out: Path, *extra: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "reinschrift"), "run", str(input_dir), "--output", str(out), *extra],
        env=dict(os.environ, LUIGI_CONFIG_PATH=str(ROOT / "config" / "luigi.cfg"), **(env or {})),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )


def new_file(out: Path, pattern: str) -> Callable[[set[str]], bool]:
    """A kill point: a file matching ``pattern`` that was not there when the run started."""
    def ready(before: set[str]) -> bool:
        return any(str(p) not in before for p in out.glob(pattern))
    ready.__name__ = pattern
    return ready


def fork_run(input_dir: Path, out: Path) -> int:
    """Start a run in a forked copy of this (warmed-up) process, as the leader of its own
    process group; its task processes are forked from it in turn. Returns its pid."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 70
        try:
            os.setpgid(0, 0)
            code = main(["run", str(input_dir), "--output", str(out), "--workers", "2"])
        finally:
            os._exit(code)
    return pid


def test_sigkill_at_many_points_then_rerun_equals_a_clean_run(tmp_path: Path) -> None:
    folder = make_pages(tmp_path / "in", 30)
    clean = tmp_path / "clean"
    assert run(folder, clean) == 0
    out = tmp_path / "out"
    points = [
        new_file(out, ".work/extract/*.done"),   # the first extract shard is written
        new_file(out, ".work/extract/*.done"),   # the next one, after the rerun reused the first
        new_file(out, ".work/sitestats.json"),    # between the two passes
        new_file(out, ".work/clean/*.jsonl"),     # the first clean shard, its articles written
        new_file(out, "articles/*/*/*.json"),     # while the clean shards write article files
        new_file(out, ".articles.jsonl.*.tmp"),   # during the merge into the final files
        new_file(out, "report.json"),             # after the merge, before the CLI's report update
    ]
    killed = []
    for number, point in enumerate(points):
        before = {str(p) for p in out.rglob("*")} if out.exists() else set()
        # the first run is the real command in a new process; the others fork this process
        # (already warmed up: each saves the seconds of loading the language models)
        proc = spawn(folder, out, "--workers", "2") if number == 0 else None
        pid = proc.pid if proc else fork_run(folder, out)

        def running() -> bool:
            if proc:
                return proc.poll() is None
            return os.waitpid(pid, os.WNOHANG) == (0, 0)

        alive = True
        while (alive := running()) and not point(before):
            time.sleep(0.002)
        if alive:
            # the run's main process only (as a timeout or the OOM killer would), or its whole group
            if number % 2:
                os.killpg(pid, signal.SIGKILL)
            else:
                os.kill(pid, signal.SIGKILL)
            killed.append(point.__name__)
            if proc:
                proc.communicate()
            else:
                os.waitpid(pid, 0)
        # its task processes die with it (PR_SET_PDEATHSIG): nothing runs on, nothing holds the lock
        deadline = time.monotonic() + 5
        while alive_in_group(pid) and time.monotonic() < deadline:
            time.sleep(0.01)
        assert not alive_in_group(pid), f"task processes outlived the killed run ({point.__name__})"
        wait_for_lock(out)
        assert_no_partial_file(out)
    print(f"killed at: {', '.join(killed)}", file=sys.stderr)
    assert len(killed) >= 5, killed
    assert run(folder, out) == 0
    assert output_files(out) == output_files(clean)
    assert stable_report(out) == stable_report(clean)
    assert not list(out.rglob(".*.tmp")), "temporary files of the killed runs are left"
    assert not list(out.rglob("*.inflight"))


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A small folder and its clean run."""
    base = tmp_path_factory.mktemp("small")
    folder = make_pages(base / "in", 12)
    assert run(folder, base / "clean") == 0
    return folder, base / "clean"


FEW_SHARDS = "[run]\nmin_shards = 2\n"  # fewer tasks, faster; the outputs do not depend on it


# extract with one worker: test_two_pages_crashing_in_one_shard_are_both_rejected
@pytest.mark.parametrize("phase, workers", [("clean", "2")])
def test_a_page_that_kills_its_worker_is_rejected_as_crashed(small, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             phase: str, workers: str) -> None:
    folder, clean = small
    crashing = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html"))[3]
    monkeypatch.setenv("REINSCHRIFT_TEST_CRASH_ON", f"{phase}:{crashing}")
    out = tmp_path / "out"
    config = str(_config(tmp_path, FEW_SHARDS))
    # with one worker too, the page kills a forked task process, never the run itself
    assert main(["run", str(folder), "--output", str(out), "--workers", workers, "--config", config]) == 0
    rejects = {r["source"]: r for r in read_jsonl(out / "rejects.jsonl")}
    assert rejects[crashing]["reason"] == "crashed"
    # every other page is as in a run without the crash, its shard-mates included
    expected = [line for line in (clean / "articles.jsonl").read_text(encoding="utf-8").splitlines()
                if json.loads(line)["source"] != crashing]
    assert (out / "articles.jsonl").read_text(encoding="utf-8").splitlines() == expected
    assert not (out / "articles" / (crashing + ".json")).exists()
    monkeypatch.delenv("REINSCHRIFT_TEST_CRASH_ON")
    # once the page changes (or anything else in its shard), the next run tries it again
    (folder / crashing).touch()
    assert run(folder, out, "--config", config) == 0
    assert output_files(out) == output_files(clean)


def test_two_pages_crashing_in_one_shard_are_both_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Extract phase, one worker: the crash kills a forked task process, never the run."""
    folder = make_pages(tmp_path / "in", 4)  # page-0 .. page-3, one shard
    out = tmp_path / "out"
    monkeypatch.setenv("REINSCHRIFT_TEST_CRASH_ON", "extract:2024-")  # all four ...
    crashing = {"rheinpost/2024-0/page-0.html.gz", "dumps/2024-2/page-2.txt"}

    real_hook = pipeline.process._test_crash_hook

    def hook(source: str, phase: str) -> None:  # ... but only two of them crash
        if source in crashing:
            real_hook(source, phase)
    monkeypatch.setattr(pipeline.process, "_test_crash_hook", hook)
    assert run(folder, out, "--config", str(_config(tmp_path, "[run]\nmin_shards = 1\n"))) == 0
    rejects = read_jsonl(out / "rejects.jsonl")
    assert {r["source"]: r["reason"] for r in rejects} == dict.fromkeys(crashing, "crashed")
    assert len(read_jsonl(out / "articles.jsonl")) == 2


def _config(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "run.toml"
    path.write_text(body, encoding="utf-8")
    return path


def _wait_until_locked(proc: subprocess.Popen, out: Path) -> None:
    lock = out / LOCK_NAME
    while proc.poll() is None and not (lock.exists() and lock.read_text().startswith("pid")):
        time.sleep(0.005)
    assert proc.poll() is None, "the first run ended before the second started"


def test_a_second_run_on_the_same_output_refuses_or_waits(small, tmp_path: Path) -> None:
    big, clean = small
    out = tmp_path / "out"
    first = spawn(big, out, "--workers", "1")  # its warm-up alone lasts seconds
    _wait_until_locked(first, out)
    second = subprocess.run([str(ROOT / ".venv" / "bin" / "reinschrift"), "run", str(big), "--output", str(out)],
                            capture_output=True, text=True, timeout=60)
    assert second.returncode == 3
    assert f"another run is writing to {out}" in second.stderr
    # configured to wait: it starts when the first is done, and finds nothing left to do
    waiting = spawn(big, out, "--config", str(_config(tmp_path, '[run]\nlock = "wait"\n')))
    assert first.poll() is None  # still holding the folder when the waiting run started
    first_out, first_err = first.communicate(timeout=120)
    assert first.returncode == 0, first_err[-2000:]
    stdout, stderr = waiting.communicate(timeout=60)
    assert waiting.returncode == 0, stderr[-2000:]
    assert "nothing to do" in stdout
    assert output_files(out) == output_files(clean)


def test_a_failing_disk_ends_the_run_with_exit_1_and_keeps_the_earlier_outputs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]) -> None:
    import tempfile

    out = tmp_path / "out"
    copy = make_pages(tmp_path / "in", 12)
    config = str(_config(tmp_path, FEW_SHARDS))
    assert run(copy, out, "--config", config) == 0
    before = output_files(out)
    report = (out / "report.json").read_bytes()
    (copy / "rheinpost" / "2024-0" / "page-99.html").write_text(article_html(99), encoding="utf-8")
    # tests run as root, where chmod does not stop writes: the failing calls are simulated,
    # for files under the output folder only (in the forked task processes too)
    real_fsync, real_mkstemp = os.fsync, tempfile.mkstemp

    def full_fsync(fd: int) -> None:
        if os.readlink(f"/proc/self/fd/{fd}").startswith(str(out)):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    def read_only_mkstemp(*args: object, **kwargs: object) -> tuple[int, str]:
        if str(kwargs.get("dir", "")).startswith(str(out)):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        return real_mkstemp(*args, **kwargs)  # type: ignore[arg-type]

    for target, name, fake, message in ((os, "fsync", full_fsync, "No space left on device"),
                                        (tempfile, "mkstemp", read_only_mkstemp, "Read-only file system")):
        with monkeypatch.context() as patch:
            patch.setattr(target, name, fake)
            capfd.readouterr()
            assert run(copy, out, "--config", config) == 1
            err = capfd.readouterr().err
        assert message in err and "the run failed" in err
        assert output_files(out) == before
        assert (out / "report.json").read_bytes() == report
        assert not list(out.rglob(".*.tmp"))
    # with the disk back, the next run completes and equals a clean run
    assert run(copy, out, "--config", config) == 0
    reference = tmp_path / "reference"
    assert run(copy, reference, "--config", config) == 0
    assert output_files(out) == output_files(reference)
