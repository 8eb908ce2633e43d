"""Properties: any bytes end as an article or a reject; order, shards and workers change no byte.

The repairs' own properties (idempotent, never remove a letter or digit outside the broken
form) are in tests/test_repair.py.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.config import load_config
from pipeline.errors import REJECT_REASONS
from pipeline.process import run_single_page
from test_hostile import de_paragraphs, en_paragraphs
from test_kill import output_files, run, stable_report

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "config" / "article.schema.json").read_text(encoding="utf-8"))
CONFIG = load_config()
NAMES = ["page.html", "page.txt", "page.xhtml", "page.html.gz", "page.htm", "PAGE.TXT.GZ"]

# Pieces pages are made of, and pieces that break them: tags, entities, declarations, BOMs,
# NULs, invalid UTF-8, legacy bytes, deep nesting, scripts, DOCTYPE subsets.
FRAGMENTS = [
    b"<!DOCTYPE html>", b"<html>", b"</html>", b"<head>", b"<body>", b"<p>", b"</p>", b"<div class='ad'>",
    b"</div>", b"<article>", b"<h1>", b"</h1>", b"<script>", b"</script>", b"<style>", b"<!--", b"-->",
    b"<meta charset='utf-8'>", b"<meta charset='iso-8859-1'>", b"<meta charset='shift_jis'>",
    b"<meta property='og:title' content='T'>", b"<?xml version='1.0' encoding='utf-16'?>",
    b"<!DOCTYPE x [<!ENTITY a 'aaaa'>]>", b"&a;", b"&amp;", b"&#0;", b"&#x110000;", b"&#1114111;",
    b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00", b"\xff", b"\xc3", b"\xc3\xa4", b"\xe2\x80",
    b"\x1f\x8b\x08", b"\xe4\xf6\xfc", b"\r\n", b"\n\n", b"\t", b" ", b"<", b">", b"\"", b"'", b"=",
    b"<a href='http://example.org/x'>", b"</a>", b"<table><tr><td>", b"<br>", b"<img src=x>",
    b"Siehe auch:", b"Werbung", b"Foto: dpa", b"Der Rat hat am Dienstag beschlossen.",
    b"The board voted on Monday.", b"heben\xe2\x80\x9c. .\xe2\x80\x9c", b"UkraineDies",
    "Gr\u00fc\u00dfe aus K\u00f6ln".encode(), "Gr\u00fc\u00dfe".encode("cp1252"),
]
pages = st.one_of(
    st.binary(max_size=3000),
    st.lists(st.sampled_from(FRAGMENTS), max_size=120).map(b"".join),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.binary(max_size=20)), max_size=60).map(b"".join),
)


def assert_article_or_reject(result: dict) -> None:
    if "reason" in result:
        assert set(result) == {"source", "reason", "detail"}
        assert result["reason"] in REJECT_REASONS and isinstance(result["detail"], str)
    else:
        jsonschema.validate(result, SCHEMA)
        assert result["text"].strip()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=pages, name=st.sampled_from(NAMES), compress=st.booleans())
def test_any_bytes_give_an_article_or_a_reject(data: bytes, name: str, compress: bool) -> None:
    if compress:
        data = gzip.compress(data, mtime=0)
    result, details, record = run_single_page(data, source=name, config=CONFIG)
    assert_article_or_reject(result)
    assert result["source"] == name
    # the same bytes give the same result (no state carried between pages)
    assert run_single_page(data, source=name, config=CONFIG)[0] == result


@settings(max_examples=60, deadline=None)
@given(paragraphs=st.lists(st.sampled_from(de_paragraphs(1) + en_paragraphs(2)), min_size=1, max_size=6),
       noise=st.lists(st.sampled_from(FRAGMENTS), max_size=30))
def test_articles_with_noise_inside_stay_articles_or_rejects(paragraphs: list[str], noise: list[bytes]) -> None:
    body = b"".join(f"<p>{p}</p>".encode() + n for p, n in zip(paragraphs, noise + [b""] * len(paragraphs)))
    data = b"<html><body><article><h1>Titel</h1>" + body + b"</article></body></html>"
    assert_article_or_reject(run_single_page(data, source="p.html", config=CONFIG)[0])


# --------------------------------------------------------------------------- order, shards, workers


FOOTER = "Die Rheinpost erscheint an sechs Tagen in der Woche im Tal der Lind und auf den Höhen."


def make_site(root: Path, order: list[int]) -> Path:
    """Ten pages; the rheinpost ones share a footer line that only the site counts remove."""
    for n in order:
        site = "rheinpost" if n % 2 else "eastmere"
        folder = root / site
        folder.mkdir(parents=True, exist_ok=True)
        paragraphs = de_paragraphs(n) + [FOOTER] if n % 2 else en_paragraphs(n)
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        (folder / f"p{n}.html").write_text(
            f"<html><head><title>Seite {n}</title></head><body><article><h1>Seite {n}</h1>{body}"
            f"</article></body></html>", encoding="utf-8")
    (root / "leer.txt").write_text(" \n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("order")
    folder = make_site(base / "in", list(range(10)))
    assert run(folder, base / "out") == 0
    articles = [json.loads(line) for line in (base / "out" / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(articles) == 10
    # the footer is a repeated line of the site, removed only thanks to the counts over all shards
    assert all(FOOTER not in a["text"] for a in articles)
    assert sum(a["removed"].get("site.repeated_line", 0) for a in articles) == 5
    return base / "out"


@pytest.mark.parametrize("config, workers", [
    ("[run]\nshard_size = 1\nmin_shards = 1\n", "2"),   # one page per shard (16 shards)
    ("[run]\nshard_size = 500\nmin_shards = 1\n", "1"),  # every page in one shard
])
def test_shard_size_and_workers_change_no_byte(reference: Path, tmp_path: Path, config: str, workers: str) -> None:
    folder = make_site(tmp_path / "in", list(range(10)))
    user = tmp_path / "run.toml"
    user.write_text(config, encoding="utf-8")
    out = tmp_path / "out"
    assert run(folder, out, "--config", str(user), "--workers", workers) == 0
    assert output_files(out) == output_files(reference)
    assert stable_report(out) == stable_report(reference)


def test_file_order_and_mtimes_change_no_byte(reference: Path, tmp_path: Path) -> None:
    folder = make_site(tmp_path / "in", [7, 2, 9, 0, 4, 1, 8, 3, 6, 5])
    for n, path in enumerate(sorted(folder.rglob("*"), reverse=True)):
        os.utime(path, ns=(10**18 - n * 10**9, 10**18 - n * 10**9))
    out = tmp_path / "out"
    assert run(folder, out) == 0
    assert output_files(out) == output_files(reference)
    # moved elsewhere (other absolute paths), same bytes again
    moved = tmp_path / "elsewhere" / "in"
    shutil.copytree(folder, moved)
    assert run(moved, tmp_path / "out2") == 0
    assert output_files(tmp_path / "out2") == output_files(reference)
