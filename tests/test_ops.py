"""Rules users extend (`reinschrift rules`, `rules test`, README's config example), the notebook API,
the run log and the progress bar."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import clean_page
from pipeline.cli import main
from test_inputs import PARAS_DE, article_html

ROOT = Path(__file__).resolve().parent.parent
SHOP_LINE = "Jetzt im Shop bestellen: die Chronik der Stadt als Buch"
# the README's example ("Configuration and rules"), word for word
README_CONFIG = '''[[rule]]
name = "shop_teaser"
language = "de"
kind = "line_regex"
pattern = '^Jetzt im Shop bestellen'
description = "the shop teaser under every article of one site"

[rules]
disable = ["de.byline"]    # switch a default rule off
'''


@pytest.fixture(scope="module")
def ops_run(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("ops")
    scrape = root / "scrape"
    scrape.mkdir()
    page = scrape / "markthalle.html"
    page.write_text(article_html("Markthalle", PARAS_DE + [SHOP_LINE, "Von Anna Beispiel"], "de"), encoding="utf-8")
    (scrape / "broken.html.gz").write_bytes(b"\x1f\x8b\x08\x00broken")
    config = root / "my.toml"
    config.write_text(README_CONFIG, encoding="utf-8")
    out = root / "out"
    assert main(["run", str(scrape), "--output", str(out), "--workers", "1", "--config", str(config)]) == 0
    return {"root": root, "scrape": scrape, "page": page, "config": config, "out": out}


def test_readme_config_adds_a_quirk_and_disables_a_default_rule(ops_run: dict) -> None:
    article = json.loads((ops_run["out"] / "articles.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert SHOP_LINE not in article["text"] and article["removed"]["de.shop_teaser"] == 1
    # de.byline is off: the byline line stays (the default run removes it)
    assert "Von Anna Beispiel" in article["text"]
    default = clean_page(ops_run["page"].read_bytes(), source="markthalle.html")
    assert "Von Anna Beispiel" not in default["text"] and default["removed"].get("de.byline") == 1


def test_rules_lists_every_rule_with_counts_from_a_run(ops_run: dict, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--lang", "de", "--config", str(ops_run["config"]), "--output", str(ops_run["out"])]) == 0
    lines = capsys.readouterr().out.splitlines()
    rows = {line.split()[0]: line for line in lines}
    assert "de.see_also" in rows and "common.photo_credit" in rows and not any(n.startswith("en.") for n in rows)
    assert "de.byline" not in rows  # disabled by the user's file
    assert rows["de.shop_teaser"].split()[:4] == ["de.shop_teaser", "line_regex", "de", "1"]
    assert "the shop teaser under every article" in rows["de.shop_teaser"]
    assert rows["de.see_also"].split()[3] == "0"
    assert "site.repeated_line" in rows


def test_rules_test_shows_the_lines_one_rule_removes(ops_run: dict, capsys: pytest.CaptureFixture[str]) -> None:
    page = str(ops_run["page"])
    assert main(["rules", "test", "de.shop_teaser", page, "--config", str(ops_run["config"])]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [f"- {SHOP_LINE}"]
    assert "1 line(s) removed" in captured.err
    assert main(["rules", "test", "de.byline", page]) == 0  # the default config
    assert capsys.readouterr().out.splitlines() == ["- Von Anna Beispiel"]
    assert main(["rules", "test", "de.no_such_rule", page]) == 2


def test_clean_page_returns_what_the_batch_run_writes(tmp_path: Path) -> None:
    scrape = tmp_path / "scrape"
    scrape.mkdir()
    page = scrape / "page.html"
    page.write_text(article_html("Markthalle", PARAS_DE + ["Siehe auch: Der Hafen wird größer"], "de"), encoding="utf-8")
    assert main(["run", str(scrape), "--output", str(tmp_path / "out"), "--workers", "1"]) == 0
    batch = json.loads((tmp_path / "out" / "articles.jsonl").read_text(encoding="utf-8"))
    assert clean_page(page, source="page.html") == batch
    assert clean_page(page.read_bytes(), source="page.html") == batch
    assert batch["removed"]["de.see_also"] == 1
    assert clean_page(b"", source="empty.html") == {"source": "empty.html", "reason": "empty", "detail": "no bytes"}


def test_run_log_has_a_line_per_shard_and_errors_with_paths(ops_run: dict) -> None:
    logs = list((ops_run["out"] / "logs").glob("reinschrift-*.log"))
    assert len(logs) == 1
    text = logs[0].read_text(encoding="utf-8")
    shard_lines = [line for line in text.splitlines() if " clean shard " in line]
    assert len(shard_lines) == 2 and sum(" 1 kept" in line for line in shard_lines) == 1
    assert f"page {ops_run['scrape'] / 'broken.html.gz'}: undecodable" in text


def test_progress_bar_on_a_terminal_and_log_lines_under_cron(ops_run: dict, tmp_path: Path) -> None:
    env = dict(os.environ, COLUMNS="100", LINES="24")
    command = [str(Path(sys.executable).parent / "reinschrift"), "run", str(ops_run["scrape"]), "--output", str(tmp_path / "tty"),
               "--workers", "1"]
    leader, follower = pty.openpty()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=follower, env=env, cwd=ROOT)
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    assert process.wait(timeout=120) == 0
    os.close(leader)
    terminal = b"".join(chunks).decode("utf-8", "replace")
    assert "2/2 [" in terminal and "page/s" in terminal  # tqdm: pages done, rate
    assert " clean shard " not in terminal
    cron = subprocess.run([*command[:-3], str(tmp_path / "cron"), "--workers", "1"], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120)
    assert cron.returncode == 0 and "page/s" not in cron.stderr
    assert cron.stderr.count(" clean shard ") == 2
