"""Several workers against one central scheduler (a real ``luigid``): each shard runs once, and
the outputs are byte-identical to a one-process run.

Two worker processes (``reinschrift run --scheduler-url``, as on two machines) start at once over
the same folder and output folder. Task runs are counted from Luigi's own "running"/"done" log
lines of both processes.
"""

from __future__ import annotations

import collections
import filecmp
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
sys.path.insert(0, str(ROOT / "tests" / "bench"))

from make_corpus import make_corpus  # noqa: E402

EVENT = re.compile(r"\[pid \d+\] Worker .*? (running|done) +(\w+)\((.*?)\)\s*$")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def luigid(tmp_path: Path):
    if not (BIN / "luigid").exists():
        pytest.skip("luigid not installed in .venv")
    port = free_port()
    state = tmp_path / "luigid"
    (state / "logs").mkdir(parents=True)
    proc = subprocess.Popen(
        [str(BIN / "luigid"), "--address", "127.0.0.1", "--port", str(port),
         "--state-path", str(state / "state.pickle"), "--logdir", str(state / "logs"), "--pidfile", str(state / "pid")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env(),
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail("luigid did not start")
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _env() -> dict[str, str]:
    return {**os.environ, "LUIGI_CONFIG_PATH": str(ROOT / "config" / "luigi.cfg")}


def _task_events(log: str) -> list[tuple[str, str, str]]:
    events = []
    for line in log.splitlines():
        match = EVENT.search(line)
        if match:
            params = dict(re.findall(r"(\w+)=([^,]*)", match[3]))
            events.append((match[1], match[2], params.get("shard", "")))
    return events


def _same_outputs(a: Path, b: Path) -> None:
    for name in ("articles.jsonl", "rejects.jsonl"):
        assert filecmp.cmp(a / name, b / name, shallow=False), name
    files_a = sorted(p.relative_to(a) for p in (a / "articles").rglob("*.json"))
    files_b = sorted(p.relative_to(b) for p in (b / "articles").rglob("*.json"))
    assert files_a == files_b and files_a
    for rel in files_a:
        assert filecmp.cmp(a / rel, b / rel, shallow=False), rel


def test_two_workers_share_a_run_through_luigid(luigid: str, tmp_path: Path):
    folder = tmp_path / "in"
    make_corpus(40, str(folder), processes=1)
    folder, shared_out = folder.resolve(), (tmp_path / "shared").resolve()

    by_cli = [str(BIN / "reinschrift"), "run", str(folder), "--output", str(shared_out), "--workers", "1",
              "--scheduler-url", luigid, "--log-level", "INFO"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=_env(), cwd=ROOT)
             for cmd in (by_cli, by_cli)]
    logs = []
    for proc in procs:
        out, _ = proc.communicate(timeout=120)
        logs.append(out)
        assert proc.returncode == 0, out[-3000:]

    runs = collections.Counter()
    done = collections.Counter()
    per_process = []
    for log in logs:
        events = _task_events(log)
        per_process.append(sum(1 for kind, _, _ in events if kind == "done"))
        for kind, family, shard in events:
            (runs if kind == "running" else done)[(family, shard)] += 1
    shards = {shard for family, shard in done if family == "ExtractShard"}
    assert len(shards) == 8  # 40 pages, min_shards 8
    for key in list(runs) + list(done):
        family, _ = key
        if family != "WriteOutputs":  # WriteOutputs runs again after its dynamic clean shards
            assert runs[key] == 1 and done[key] == 1, (key, runs[key], done[key], per_process)
    assert done[("WriteOutputs", "")] == 1
    assert {family for family, _ in done} == {"ExtractShard", "SiteStats", "CleanShard", "WriteOutputs"}
    assert sum(1 for family, _ in done if family == "CleanShard") == 8

    alone = tmp_path / "alone"
    solo = subprocess.run([str(BIN / "reinschrift"), "run", str(folder), "--output", str(alone), "--workers", "1"],
                          capture_output=True, text=True, env=_env(), cwd=ROOT, timeout=120)
    assert solo.returncode == 0, solo.stderr[-3000:]
    _same_outputs(shared_out, alone)
