"""Inputs crawlers write (WARC, WARC.gz, JSON Lines) and Parquet output, through the real CLI run."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.read import find_pages
from pipeline.read.warc import read_member

PARAS_DE = [
    "Der Stadtrat von Ellernbrook hat am Donnerstag beschlossen, die alte Markthalle am Hafen für rund drei Millionen Euro zu sanieren und im kommenden Jahr wieder zu öffnen.",
    "Die Halle war vor zwei Jahren wegen Schäden an der Dachkonstruktion geschlossen worden. Seitdem fand der Wochenmarkt auf dem Parkplatz hinter dem Rathaus statt.",
    "Die Händler begrüßten die Entscheidung. Die Arbeiten sollen im Frühjahr beginnen und bis zum Spätsommer abgeschlossen sein, teilte die Verwaltung mit.",
]
PARAS_EN = [
    "The council of Westerby agreed on Tuesday to reopen the old swimming baths on Mill Lane after a two-year closure caused by a leaking roof and failing pumps.",
    "Residents had campaigned for the baths since they shut, collecting more than four thousand signatures and raising money for a feasibility study of their own.",
    "The repairs are expected to cost about two million pounds and to take a year, the council said, with the pool reopening in time for the summer holidays.",
]


def article_html(title: str, paragraphs: list[str], lang: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    # deliberately no canonical URL and no date: the container's headers must fill them in
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head>'
            f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{body}</article></body></html>")


def write_warc(path: Path, gz: bool) -> dict[str, str]:
    """A WARC like wget --warc-file writes: warcinfo, request/response pairs, a PNG. Returns uri -> record id."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    ids = {}
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        pages = [
            ("https://ellernbrook.example/markthalle", "Markthalle wird saniert", PARAS_DE, "de", "2024-07-13T06:30:00Z"),
            ("https://westerby.example/baths", "Baths to reopen", PARAS_EN, "en", "2024-07-12T22:10:05Z"),
        ]
        for uri, title, paras, lang, date in pages:
            request = writer.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            writer.write_record(request)
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(article_html(title, paras, lang).encode()),
                                               http_headers=http, warc_headers_dict={"WARC-Date": date})
            writer.write_record(record)
            ids[uri] = record.rec_headers.get_header("WARC-Record-ID").strip("<>")
        png = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://westerby.example/logo.png", "response",
                                                      payload=io.BytesIO(b"\x89PNG\r\n\x1a\n" + b"\0" * 64), http_headers=png))
    return ids


@pytest.fixture(scope="module")
def crawl_run(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """One run over a folder holding a WARC.gz, a JSON Lines export and a plain page, with --format parquet."""
    root = tmp_path_factory.mktemp("inputs")
    scrape = root / "scrape"
    scrape.mkdir()
    ids = write_warc(scrape / "crawl.warc.gz", gz=True)
    lines = [
        json.dumps({"url": "https://ellernbrook.example/jsonl-1", "html": article_html("Hafenfest", PARAS_DE, "de")}),
        json.dumps({"url": "https://westerby.example/jsonl-2", "body": "no html field here"}),
        "",
        json.dumps({"url": "https://westerby.example/jsonl-4", "html": article_html("Pool news", PARAS_EN, "en")}),
    ]
    (scrape / "export.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (scrape / "plain.html").write_text(article_html("Schwimmbad", PARAS_DE, "de"), encoding="utf-8")
    out = root / "out"
    code = main(["run", str(scrape), "--output", str(out), "--workers", "1", "--format", "parquet",
                 "--jsonl-html-field", "html", "--jsonl-url-field", "url"])
    assert code == 0
    articles = [json.loads(line) for line in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    rejects = [json.loads(line) for line in (out / "rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return {"scrape": scrape, "out": out, "ids": ids, "articles": {a["source"]: a for a in articles},
            "article_list": articles, "rejects": {r["source"]: r for r in rejects}, "report": report}


def test_warc_records_are_pages_with_url_and_date_from_headers(crawl_run: dict) -> None:
    articles, ids = crawl_run["articles"], crawl_run["ids"]
    de = articles[f"crawl.warc.gz#{ids['https://ellernbrook.example/markthalle']}"]
    en = articles[f"crawl.warc.gz#{ids['https://westerby.example/baths']}"]
    assert (de["url"], de["date"], de["language"]) == ("https://ellernbrook.example/markthalle", "2024-07-13", "de")
    assert (en["url"], en["date"], en["language"]) == ("https://westerby.example/baths", "2024-07-12", "en")
    assert PARAS_DE[1] in de["text"] and PARAS_EN[2] in en["text"]
    # warcinfo, two requests and the PNG response: counted, not read as pages
    assert crawl_run["report"]["skipped"]["warc_not_html"] == 4
    # each record's article file exists under OUT/articles/
    assert len(list((crawl_run["out"] / "articles").rglob("crawl.warc.gz#*.json"))) == 2


def test_jsonl_lines_are_pages_and_bad_lines_are_rejects(crawl_run: dict) -> None:
    articles, rejects = crawl_run["articles"], crawl_run["rejects"]
    assert articles["export.jsonl#1"]["url"] == "https://ellernbrook.example/jsonl-1"
    assert articles["export.jsonl#4"]["title"] == "Pool news"
    assert rejects["export.jsonl#2"]["reason"] == "empty"
    assert crawl_run["report"]["skipped"]["jsonl_blank"] == 1
    assert "plain.html" in articles and articles["plain.html"]["url"] is None


def test_jsonl_files_are_not_pages_without_the_flag(tmp_path: Path) -> None:
    (tmp_path / "export.jsonl").write_text('{"html": "<p>x</p>"}\n', encoding="utf-8")
    pages, skipped = find_pages(tmp_path)
    assert pages == [] and skipped == {"not_a_page": 1}
    pages, _ = find_pages(tmp_path, ("html", ""))
    assert [p.source for p in pages] == ["export.jsonl#1"]


def test_uncompressed_warc_record_is_read_at_its_offset(tmp_path: Path) -> None:
    write_warc(tmp_path / "crawl.warc", gz=False)
    pages, skipped = find_pages(tmp_path)
    assert len(pages) == 2 and skipped == {"warc_not_html": 4}
    assert len({p.key for p in pages}) == 2 and all(p.offset > 0 for p in pages)
    data, meta = read_member(pages[1], max_file_bytes=1 << 20, max_decompressed_bytes=1 << 20)
    assert data.startswith(b"<!DOCTYPE html>") and meta["url"].startswith("https://")
    # the bound on the record's size holds
    from pipeline.errors import PageRejected

    with pytest.raises(PageRejected) as info:
        read_member(pages[0], max_file_bytes=100, max_decompressed_bytes=1 << 20)
    assert info.value.reason == "too_large"


def test_parquet_holds_the_articles_in_order(crawl_run: dict) -> None:
    import pyarrow.parquet as pq

    table = pq.read_table(crawl_run["out"] / "articles.parquet")
    rows = table.to_pylist()
    expected = crawl_run["article_list"]
    assert [r["id"] for r in rows] == [a["id"] for a in expected]
    assert [r["text"] for r in rows] == [a["text"] for a in expected]
    first = rows[0]
    assert {d["name"]: d["count"] for d in first["removed"]} == expected[0]["removed"]
    assert first["pipeline_config"] == expected[0]["pipeline"]["config"]


def test_parquet_loads_with_datasets(crawl_run: dict) -> None:
    datasets = pytest.importorskip("datasets")  # heavy: only where installed
    os.environ["HF_DATASETS_OFFLINE"] = "1"
    data = datasets.load_dataset("parquet", data_files=str(crawl_run["out"] / "articles.parquet"),
                                 split="train", cache_dir=str(crawl_run["out"].parent / "hf-cache"))
    assert data.num_rows == len(crawl_run["article_list"])
    assert data[0]["source"] == crawl_run["article_list"][0]["source"]
