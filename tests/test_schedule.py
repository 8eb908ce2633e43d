"""Dated scrape folders on a schedule: `reinschrift schedule` and `luigi --module pipeline.tasks RangeDaily`."""

from __future__ import annotations

import datetime as dt
import functools
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli import EXIT_MISSING_INPUT, main
from pipeline.tasks import DayTask
from test_inputs import PARAS_DE, article_html

ROOT = Path(__file__).resolve().parent.parent
D1, D2, D3, D4 = (dt.date(2024, 7, d) for d in (1, 2, 3, 4))


def _day(scrapes: Path, day: dt.date, title: str) -> None:
    folder = scrapes / day.isoformat() / "site"
    folder.mkdir(parents=True)
    (folder / "page.html").write_text(article_html(title, PARAS_DE, "de"), encoding="utf-8")


def test_schedule_runs_missing_days_and_reports_missing_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scrapes, out = tmp_path / "scrapes", tmp_path / "out"
    _day(scrapes, D1, "Erster Tag")
    _day(scrapes, D2, "Zweiter Tag")
    template = str(scrapes / "{date:%Y-%m-%d}")
    # D3 has no folder yet: missing input (exit 4), not a failure; D1 and D2 are cleaned
    code = main(["schedule", template, "--output", str(out), "--start", "2024-07-01", "--stop", "2024-07-04", "--workers", "1"])
    assert code == EXIT_MISSING_INPUT
    for day, title in ((D1, "Erster Tag"), (D2, "Zweiter Tag")):
        folder = out / day.isoformat()
        assert title in (folder / "articles.jsonl").read_text(encoding="utf-8")
        assert (folder / "report.html").is_file() and (folder / ".work" / "day.done").is_file()
    assert not (out / D3.isoformat() / "articles.jsonl").exists()

    # bulk completeness: the finished days, from one stat each
    bound = functools.partial(DayTask, input_template=template, output_root=str(out))
    assert DayTask.bulk_complete.__func__(bound, [D1, D2, D3]) == [D1, D2]

    # the next night: D3 has arrived; D1, D2 are skipped, D3 is cleaned
    done_before = (out / D1.isoformat() / ".work" / "day.done").stat().st_mtime_ns
    _day(scrapes, D3, "Dritter Tag")
    capsys.readouterr()
    code = main(["schedule", template, "--output", str(out), "--start", "2024-07-01", "--stop", "2024-07-04", "--workers", "1"])
    assert code == 0
    assert "1 to do, 2 done" in capsys.readouterr().err
    assert "Dritter Tag" in (out / D3.isoformat() / "articles.jsonl").read_text(encoding="utf-8")
    assert (out / D1.isoformat() / ".work" / "day.done").stat().st_mtime_ns == done_before


def test_luigi_range_daily_over_day_task(tmp_path: Path) -> None:
    """The crontab's command: Luigi's own RangeDaily, its [retcode] exit codes, report.html from WriteOutputs."""
    scrapes, out = tmp_path / "scrapes", tmp_path / "out"
    _day(scrapes, D1, "Erster Tag")
    of_params = '{"input_template": "%s", "output_root": "%s"}' % (scrapes / "{date:%Y-%m-%d}", out)
    env = dict(os.environ, LUIGI_CONFIG_PATH=str(ROOT / "config" / "luigi.cfg"))
    command = [sys.executable, "-m", "luigi", "--module", "pipeline.tasks", "RangeDaily", "--of", "DayTask",
               "--of-params", of_params, "--start", "2024-07-01", "--stop", "2024-07-03",
               # RangeDaily looks --days-back (default 100) days back from --now: 2024 is long ago
               "--now", str(int(dt.datetime(2024, 7, 10, tzinfo=dt.timezone.utc).timestamp())),
               "--local-scheduler", "--lock-pid-dir", str(tmp_path / "locks")]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=240, cwd=tmp_path)
    # D2 is missing: Luigi's missing_data code from config/luigi.cfg [retcode]
    assert result.returncode == 4, result.stderr[-3000:]
    assert (out / D1.isoformat() / "report.html").is_file(), [l for l in result.stderr.splitlines() if "report" in l][-5:]
    assert "Erster Tag" in (out / D1.isoformat() / "articles.jsonl").read_text(encoding="utf-8")
    # (a range with every folder present exits 0: see the `reinschrift schedule` test, same RangeDaily)


def test_schedule_twice_in_the_same_second_sees_the_second_state(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Luigi caches task instances by parameters, RangeDaily its missing days on the instance;
    # RangeDaily's `now` is in whole seconds, so a second call within the same second (a test, a
    # notebook) used to get the first call's answer: "2 to do" again, with day 1 done
    import time
    from unittest import mock

    scrapes, out = tmp_path / "scrapes", tmp_path / "out"
    _day(scrapes, D1, "Erster Tag")
    args = ["schedule", str(scrapes / "{date:%Y-%m-%d}"), "--output", str(out),
            "--start", "2024-07-01", "--stop", "2024-07-03", "--workers", "1"]
    with mock.patch("time.time", return_value=time.time()):  # both calls in one second
        assert main(args) == EXIT_MISSING_INPUT
        assert "2 to do, 0 done" in capsys.readouterr().err
        _day(scrapes, D2, "Zweiter Tag")
        assert main(args) == 0
        assert "1 to do, 1 done" in capsys.readouterr().err
    assert "Zweiter Tag" in (out / D2.isoformat() / "articles.jsonl").read_text(encoding="utf-8")
