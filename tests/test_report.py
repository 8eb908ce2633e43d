"""OUT/report.html (self-contained, opened in real headless Chromium), `reinschrift report`, `reinschrift diff`."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest

from pipeline.cli import main
from pipeline.process import page_id
from pipeline.report import _BORDER, _RC, _barh_figure, _histogram_figure, build_report_html, slowest_pages
from test_inputs import PARAS_DE, PARAS_EN, article_html

CHROMIUM = shutil.which("chromium")
SCREENSHOT_COPY = Path("/tmp/reinschrift-report.png")


def _page(title: str, paragraphs: list[str], lang: str, extra: str = "") -> str:
    return article_html(title, paragraphs + ([extra] if extra else []), lang)


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("report")
    scrape = root / "scrape"
    (scrape / "de").mkdir(parents=True)
    (scrape / "en").mkdir()
    (scrape / "de" / "markthalle.html").write_text(_page("Markthalle", PARAS_DE, "de", "Siehe auch: Der Hafen wird größer"), encoding="utf-8")
    (scrape / "en" / "baths.html").write_text(_page("Baths", PARAS_EN, "en"), encoding="utf-8")
    (scrape / "en" / "short.html").write_text("<html><body><p>Too short.</p></body></html>", encoding="utf-8")
    (scrape / "empty.html").write_bytes(b"")
    out = root / "out"
    assert main(["run", str(scrape), "--output", str(out), "--workers", "1"]) == 0
    return out


def test_report_is_self_contained_and_links_resolve(run_dir: Path) -> None:
    text = (run_dir / "report.html").read_text(encoding="utf-8")
    assert text.count("<svg") >= 5  # outcome, languages, lengths, rules, repairs/time
    # nothing loaded from anywhere: no external script, style, image or font
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", text)
    assert "<link" not in text
    links = re.findall(r'href="(articles/[^"]+)"', text)
    assert len(set(links)) == 2
    for link in links:
        assert (run_dir / unquote(link)).is_file()
    # the reject table names each reject and its reason
    rejects = [json.loads(line) for line in (run_dir / "rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["reason"] for r in rejects} == {"empty", "too_short"}
    for reject in rejects:
        assert f"<td>{reject['source']}</td><td>{reject['reason']}</td>" in text
    assert "de.see_also" in text


def test_report_is_the_same_bytes_every_build_and_loads_no_pyplot(run_dir: Path) -> None:
    first = build_report_html(run_dir).read_bytes()
    assert build_report_html(run_dir).read_bytes() == first  # no build time, no SVG dates
    # another process (other hash seeds, fresh matplotlib) gives the same bytes; and building
    # the report loads neither pyplot nor the pipeline's page code (both cost time at the end of a run)
    script = ("import sys; from pipeline.report import build_report_html; build_report_html(sys.argv[1]); "
              "print(sorted({'matplotlib.pyplot', 'pipeline.process'} & set(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", script, str(run_dir)], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
    assert (run_dir / "report.html").read_bytes() == first


def test_slowest_pages_link_the_ids_the_run_wrote(run_dir: Path) -> None:
    slow = slowest_pages(run_dir / ".work" / "clean")
    kept = {json.loads(line)["source"] for line in (run_dir / "articles.jsonl").read_text(encoding="utf-8").splitlines()}
    assert slow and {source for _, source, _, article_id in slow if article_id} == kept
    for _, source, _, article_id in slow:
        assert article_id == (page_id(source) if source in kept else None)


_BARS = {
    "one": [("kept", 1)],
    "zeros": [("a", 0), ("b", 0)],
    "long label, huge value": [("common." + "x" * 60, 123456789), ("y", 5)],
    "seconds": [("read (cpu)", 0.001), ("wall (wall)", 13.428)],
    "tick near the end": [("a", 970), ("b", 3)],
    "twenty rules": [(f"de.rule_{i}_" + "x" * i, 1000 - 37 * i) for i in range(20)],
    "accents": [("Ünïcödé → ✓", 3), ("ÄÖÜ", 7)],
}
_LENGTHS = {
    "one length": [500],
    "within a decade": [800, 950, 3000, 3100, 3200],
    "many decades": [1, 10, 10_000, 1_000_000] * 50,
    "big counts": [1000] * 4000 + [2000] * 300,
}


@pytest.mark.parametrize("case", list(_BARS) + list(_LENGTHS))
def test_plot_layout_fits_its_texts(case: str) -> None:
    # the figures are sized by hand around their texts (not bbox_inches="tight"): nothing may
    # stick out of the figure, and the blank border stays the one "tight" would leave
    import matplotlib

    with matplotlib.rc_context(_RC):
        if case in _BARS:
            fig = _barh_figure(_BARS[case], f"Title: {case}", "pages", "#4c72b0")
        else:
            fig = _histogram_figure(_LENGTHS[case], f"Text length: {case}")
        drawn = fig.get_tightbbox()
    width, height = fig.get_size_inches()
    borders = {"left": drawn.x0 * 72, "right": (width - drawn.x1) * 72,
               "bottom": drawn.y0 * 72, "top": (height - drawn.y1) * 72}
    for side, border in borders.items():
        assert _BORDER - 0.05 <= border <= _BORDER + 4, (side, border)


def _chromium(url: str, screenshot: Path, profile: Path) -> str:
    result = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", "--window-size=1200,2600",
         f"--screenshot={screenshot}", url],
        capture_output=True, text=True, timeout=120,
    )
    return result.stderr


def _console_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (README: apt-get install -y chromium)")
def test_report_opens_in_headless_chromium_without_console_errors(run_dir: Path, tmp_path: Path) -> None:
    # the detector itself: a page with a script error must be caught
    broken = tmp_path / "broken.html"
    broken.write_text("<html><body><script>notDefinedAnywhere();</script></body></html>", encoding="utf-8")
    stderr = _chromium(broken.as_uri(), tmp_path / "broken.png", tmp_path / "profile-broken")
    assert any("notDefinedAnywhere" in line for line in _console_lines(stderr)), stderr[-2000:]

    shot = tmp_path / "report.png"
    stderr = _chromium((run_dir / "report.html").as_uri(), shot, tmp_path / "profile")
    assert _console_lines(stderr) == []
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000  # a rendered page, not a blank one
    shutil.copyfile(shot, SCREENSHOT_COPY)


def test_report_command_rebuilds_the_report(run_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (run_dir / "report.html").unlink()
    assert main(["report", str(run_dir)]) == 0
    assert (run_dir / "report.html").is_file()
    assert "report.html" in capsys.readouterr().out
    assert main(["report", str(run_dir / "nowhere")]) == 2


def test_diff_shows_what_a_rule_change_did(run_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scrape = tmp_path / "scrape"
    shutil.copytree(run_dir.parent / "scrape", scrape)
    config = tmp_path / "my.toml"
    config.write_text('[rules]\ndisable = ["de.see_also"]\n', encoding="utf-8")
    out_b = tmp_path / "out-b"
    assert main(["run", str(scrape), "--output", str(out_b), "--workers", "1", "--config", str(config)]) == 0
    capsys.readouterr()
    assert main(["diff", str(run_dir), str(out_b)]) == 1
    text = capsys.readouterr().out
    assert "de.see_also: 1 -> 0 (-1)" in text
    assert "--- a/de/markthalle.html" in text and "+Siehe auch: Der Hafen wird größer" in text
    assert "0 pages added, 0 removed, 1 changed" in text
    assert main(["diff", str(run_dir), str(run_dir)]) == 0
