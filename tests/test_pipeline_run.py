"""The whole pipeline through the CLI and Luigi: output contract, schema, determinism, reruns."""

from __future__ import annotations

import gzip
import json
import shutil
import struct
import zlib
from pathlib import Path

import jsonschema
import luigi
import pytest

from pipeline.cli import main
from pipeline.errors import REJECT_REASONS

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "config" / "article.schema.json").read_text(encoding="utf-8"))

PARAGRAPHS_DE = [
    "Der Gemeinderat von Lindenau hat am Dienstagabend nach einer langen Debatte beschlossen, die alte Turnhalle an der Schulstraße für rund zwei Millionen Euro zu sanieren.",
    "Die Halle war im vergangenen Winter wegen Schäden am Dach gesperrt worden. Seitdem mussten die Vereine auf Hallen in den Nachbarorten ausweichen, was viele Eltern verärgert hatte.",
    "Bürgermeisterin Petra Hainbuch sagte, die Sanierung sei „die wichtigste Investition des Jahres“. Die Arbeiten sollen im Frühjahr beginnen und bis zum Herbst abgeschlossen sein.",
]
PARAGRAPHS_EN = [
    "The harbour board of Eastmere voted on Monday to rebuild the old ferry pier, which has been closed since a storm damaged its pilings two winters ago.",
    "Board chair Linda Okafor said the new pier would be wider and able to take the larger ferries that the regional operator plans to buy next year.",
    "Work is expected to start in the spring and to take about eighteen months, during which the ferry will dock at the fishing harbour instead.",
]


def html_page(title: str, paragraphs: list[str], lang: str, site: str, extra: str = "") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">
<title>{title} – {site}</title><meta property="og:title" content="{title}">
<meta property="og:type" content="article"><meta property="og:site_name" content="{site}">
<link rel="canonical" href="https://{site.lower()}.example/{abs(hash(title)) % 1000}/">
<meta property="article:published_time" content="2024-05-02T08:00:00+00:00"></head>
<body><header><nav><a href="/">Start</a></nav></header><article><h1>{title}</h1>
{body}
<p>Werbung</p>{extra}
</article><footer><p>© 2024 {site}</p></footer></body></html>"""


def dump_page(title: str, paragraphs: list[str]) -> str:
    lines = ["Mai 2, 2024", "Lindenauer Bote", title, title, "dpa", *paragraphs[:2],
             "Siehe auch  Neue Buslinie fährt ab Montag durch die Altstadt", paragraphs[2],
             "About admin", "Check Also", "Brücke wird im Sommer gesperrt",
             "Die Brücke über die Lind wird im Juli für zwei Wochen gesperrt.",
             "Schreibe einen Kommentar",
             "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert"]
    return "\n\n".join(lines) + "\n"


def png_bytes() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = zlib.compress(b"\x00\xff\x00\x00" * 1)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def make_folder(root: Path) -> Path:
    site = root / "bote"
    site.mkdir(parents=True)
    (site / "turnhalle.html").write_text(html_page("Turnhalle wird saniert", PARAGRAPHS_DE, "de", "Bote"), encoding="utf-8")
    (site / "schwimmbad.html").write_text(
        html_page("Schwimmbad öffnet später", [p.replace("Turnhalle", "Schwimmbad") for p in PARAGRAPHS_DE], "de", "Bote",
                  extra="<p>Siehe auch: Neue Buslinie fährt ab Montag</p>"), encoding="utf-8")
    (root / "harbour.html.gz").write_bytes(gzip.compress(html_page("Ferry pier to be rebuilt", PARAGRAPHS_EN, "en", "Eastmere").encode(), mtime=0))
    (root / "dumps").mkdir()
    (root / "dumps" / "markt.txt").write_text(dump_page("Wochenmarkt zieht auf den Rathausplatz", PARAGRAPHS_DE), encoding="utf-8")
    (root / "dumps" / "leer.txt").write_text("   \n", encoding="utf-8")
    (root / "bild.html").write_bytes(png_bytes())
    (root / "logo.jpg").write_bytes(b"\xff\xd8\xff")
    return root


def run(input_dir: Path, out: Path, *extra: str) -> int:
    return main(["run", str(input_dir), "--output", str(out), "--workers", "1", *extra])


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def first_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("run")
    folder = make_folder(base / "in")
    out = base / "out"
    assert run(folder, out) == 0
    return folder, out


def test_output_contract(first_run):
    folder, out = first_run
    articles = read_jsonl(out / "articles.jsonl")
    rejects = read_jsonl(out / "rejects.jsonl")
    sources = [a["source"] for a in articles]
    assert sources == sorted(sources)
    assert set(sources) == {"bote/schwimmbad.html", "bote/turnhalle.html", "dumps/markt.txt", "harbour.html.gz"}
    assert {r["source"]: r["reason"] for r in rejects} == {"bild.html": "binary", "dumps/leer.txt": "empty"}
    for reject in rejects:
        assert set(reject) == {"source", "reason", "detail"} and reject["reason"] in REJECT_REASONS
    ids = [a["id"] for a in articles]
    assert len(set(ids)) == len(ids)
    for article in articles:
        jsonschema.validate(article, SCHEMA)
        on_disk = json.loads((out / "articles" / (article["source"] + ".json")).read_text(encoding="utf-8"))
        assert on_disk == article
        assert article["title"] not in article["text"]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["pages_read"] == 6 and report["kept"] == 4
    assert report["rejected"] == {"binary": 1, "empty": 1}
    assert report["skipped"] == {"not_a_page": 1}
    assert set(report["cpu_seconds_by_step"]) >= {"read", "extract", "boilerplate", "repair", "language"}


def test_cleaning_on_the_dump_and_the_html(first_run):
    _, out = first_run
    by_source = {a["source"]: a for a in read_jsonl(out / "articles.jsonl")}
    dump = by_source["dumps/markt.txt"]
    assert dump["title"] == "Wochenmarkt zieht auf den Rathausplatz"
    assert dump["date"] == "2024-05-02" and dump["language"] == "de"
    assert dump["text"].split("\n") == PARAGRAPHS_DE
    for rule in ("common.source_tag", "de.see_also", "en.author_box", "en.related_block", "de.comment_form", "page.header"):
        assert dump["removed"].get(rule), rule
    html = by_source["bote/schwimmbad.html"]
    assert "Siehe auch" not in html["text"] and "Werbung" not in html["text"]
    assert html["title"] == "Schwimmbad öffnet später" and html["language"] == "de"
    assert by_source["harbour.html.gz"]["language"] == "en"


def test_second_run_does_nothing_and_says_so(first_run, capsys):
    folder, out = first_run
    before = (out / "articles.jsonl").read_bytes()
    assert run(folder, out) == 0
    assert "nothing to do" in capsys.readouterr().out
    assert (out / "articles.jsonl").read_bytes() == before


def test_two_runs_are_byte_identical_and_incremental_equals_clean(first_run, tmp_path: Path, capsys):
    folder, out = first_run
    copy = tmp_path / "in"
    shutil.copytree(folder, copy)
    out_a, out_b = tmp_path / "a", tmp_path / "b"
    assert run(copy, out_a) == 0
    assert run(copy, out_b) == 0
    for name in ("articles.jsonl", "rejects.jsonl", "articles/dumps/markt.txt.json"):
        assert (out_a / name).read_bytes() == (out_b / name).read_bytes()
    # add a page and remove one: the rerun recomputes only what changed, and equals a clean run
    (copy / "bote" / "neu.html").write_text(html_page("Neue Bücherei eröffnet", PARAGRAPHS_DE[::-1], "de", "Bote"), encoding="utf-8")
    (copy / "bote" / "turnhalle.html").unlink()
    capsys.readouterr()
    assert run(copy, out_a) == 0
    assert "1 new or changed" in capsys.readouterr().err
    clean = tmp_path / "clean"
    assert run(copy, clean) == 0
    assert (out_a / "articles.jsonl").read_bytes() == (clean / "articles.jsonl").read_bytes()
    assert (out_a / "rejects.jsonl").read_bytes() == (clean / "rejects.jsonl").read_bytes()
    assert not (out_a / "articles" / "bote" / "turnhalle.html.json").exists()
    files_a = sorted(p.relative_to(out_a / "articles") for p in (out_a / "articles").rglob("*.json"))
    files_clean = sorted(p.relative_to(clean / "articles") for p in (clean / "articles").rglob("*.json"))
    assert files_a == files_clean


def test_page_command_prints_the_batch_article(first_run, capsys):
    folder, out = first_run
    batch = {a["source"]: a for a in read_jsonl(out / "articles.jsonl")}["dumps/markt.txt"]
    capsys.readouterr()
    assert main(["page", str(folder / "dumps" / "markt.txt"), "--explain"]) == 0
    captured = capsys.readouterr()
    single = json.loads(captured.out)
    assert {k: v for k, v in single.items() if k not in ("id", "source")} == \
        {k: v for k, v in batch.items() if k not in ("id", "source")}
    assert "-- removed [de.see_also] Siehe auch" in captured.err
    assert main(["page", str(folder / "dumps" / "markt.txt"), "--until", "boilerplate"]) == 0
    step = json.loads(capsys.readouterr().out)
    assert step["paragraphs"] == PARAGRAPHS_DE


def test_luigi_step_task_for_one_page(first_run, tmp_path: Path):
    from pipeline.tasks import CleanShard

    folder, out = first_run
    page = folder / "dumps" / "markt.txt"
    task = CleanShard(input_dir=str(folder), output_dir=str(tmp_path / "debug"), only=str(page))
    assert luigi.build([task], local_scheduler=True, workers=1, log_level="WARNING")
    entries = read_jsonl(Path(task.base.with_suffix(".jsonl")))
    assert len(entries) == 1 and entries[0]["source"] == "dumps/markt.txt"
    batch = {a["source"]: a for a in read_jsonl(out / "articles.jsonl")}["dumps/markt.txt"]
    assert entries[0]["result"] == batch


def test_bad_config_is_refused_before_any_page(first_run, tmp_path: Path, capsys):
    folder, _ = first_run
    bad = tmp_path / "bad.toml"
    bad.write_text('[[rule]]\nname = "x"\nlanguage = "de"\nkind = "line_regex"\npattern = "(("\ndescription = "d"\n', encoding="utf-8")
    out = tmp_path / "out"
    assert run(folder, out, "--config", str(bad)) == 2
    assert "invalid regular expression" in capsys.readouterr().err
    assert not (out / "articles.jsonl").exists()


def test_missing_input_folder_has_its_own_exit_code(tmp_path: Path):
    assert run(tmp_path / "nope", tmp_path / "out") == 4


def test_sync_filesystem_flushes_the_output_file_system_or_falls_back_to_sync(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipeline.write as write

    calls: list[str] = []
    monkeypatch.setattr(write.os, "sync", lambda: calls.append("sync"))
    write.sync_filesystem(tmp_path)  # syncfs on Linux: no global sync
    assert calls == ([] if write._libc_syncfs() is not None else ["sync"])
    monkeypatch.setattr(write, "_libc_syncfs", lambda: None)
    write.sync_filesystem(tmp_path)
    assert calls[-1] == "sync"
    monkeypatch.undo()
    if write._libc_syncfs() is not None:  # a missing folder is a clear error, not a silent sync
        with pytest.raises(FileNotFoundError):
            write.sync_filesystem(tmp_path / "missing")


def test_the_command_flushes_its_output_and_exit_code_before_ending_the_process(tmp_path: Path) -> None:
    # the console script ends with os._exit (no interpreter teardown): what it printed into a
    # pipe must still arrive, and its exit codes must still be main()'s
    import subprocess

    command = str(ROOT / ".venv" / "bin" / "reinschrift")
    if not Path(command).exists():
        pytest.skip("the reinschrift command is not installed in .venv")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.html").write_text(html_page("Turnhalle wird saniert", PARAGRAPHS_DE, "de", "Lindenau"), encoding="utf-8")
    done = subprocess.run([command, "run", str(folder), "--output", str(tmp_path / "out"), "--workers", "1"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "1 articles, 0 rejected" in done.stdout + done.stderr
    assert json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))["kept"] == 1
    missing = subprocess.run([command, "run", str(tmp_path / "nowhere"), "--output", str(tmp_path / "o2")],
                             capture_output=True, text=True, timeout=60)
    from pipeline.cli import EXIT_MISSING_INPUT

    assert missing.returncode == EXIT_MISSING_INPUT and "does not exist" in missing.stderr
