"""Security: nothing is fetched, no path escapes the output folder, no entity is expanded,
and a configuration is data that is checked before any page is touched."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.cli import main
from pipeline.config import load_config
from pipeline.process import run_single_page
from pipeline.write import article_file
from test_hostile import article_html, de_paragraphs, en_paragraphs, read_jsonl
from test_kill import run

CONFIG = load_config()


# --------------------------------------------------------------------------- no network


def pages_that_point_outside(root: Path, secret: Path) -> Path:
    """Pages full of references a fetching library would follow."""
    root.mkdir(parents=True)
    paragraphs = "".join(f"<p>{p}</p>" for p in de_paragraphs(40))
    (root / "links.html").write_text(
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">'
        '<html><head><meta http-equiv="refresh" content="0; url=http://192.0.2.1/next">'
        '<link rel="stylesheet" href="http://192.0.2.1/s.css"><script src="http://192.0.2.1/a.js"></script>'
        '<link rel="canonical" href="http://192.0.2.1/links"><base href="http://192.0.2.1/">'
        '<title>Verweise</title></head><body><article><h1>Verweise</h1>'
        f'<img src="http://192.0.2.1/i.png"><iframe src="http://192.0.2.1/f"></iframe>{paragraphs}'
        '</article></body></html>', encoding="utf-8")
    paragraphs = "".join(f"<p>{p}</p>" for p in en_paragraphs(41))
    (root / "entities.xhtml").write_text(
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY web SYSTEM "http://192.0.2.1/e.txt">'
        f'<!ENTITY file SYSTEM "file://{secret}"><!ENTITY % p SYSTEM "http://192.0.2.1/p.dtd"> %p;]>'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:xi="http://www.w3.org/2001/XInclude">'
        '<head><title>Entities</title></head><body><article><h1>Entities</h1><p>&web;&file;</p>'
        f'<xi:include href="file://{secret}" parse="text"/>{paragraphs}</article></body></html>', encoding="utf-8")
    (root / "plain.txt").write_text("Eastmere harbour\n\n" + "\n\n".join(en_paragraphs(42)) + "\n", encoding="utf-8")
    return root


def test_nothing_is_ever_fetched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-7f3a\n", encoding="utf-8")
    folder = pages_that_point_outside(tmp_path / "in", secret)
    attempts = tmp_path / "attempts.log"  # the forked task processes report here

    def blocked(*args: object, **kwargs: object) -> None:
        with attempts.open("a", encoding="utf-8") as log:
            log.write(f"{args!r}\n")
        raise OSError("network access is blocked in this test")

    monkeypatch.setattr(socket, "socket", blocked)
    monkeypatch.setattr(socket, "create_connection", blocked)
    monkeypatch.setattr(socket, "getaddrinfo", blocked)
    out = tmp_path / "out"
    assert run(folder, out) == 0
    assert not attempts.exists(), attempts.read_text(encoding="utf-8")
    articles = {a["source"]: a for a in read_jsonl(out / "articles.jsonl")}
    assert set(articles) == {"links.html", "entities.xhtml", "plain.txt"}
    assert "TOP-SECRET" not in (out / "articles.jsonl").read_text(encoding="utf-8")
    # the single-page path too
    result = run_single_page(folder / "entities.xhtml", config=CONFIG)[0]
    assert "TOP-SECRET" not in result["text"] and not attempts.exists()


# --------------------------------------------------------------------------- entities


def test_billion_laughs_is_not_expanded_and_is_fast() -> None:
    levels = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 12))
    page = (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY l0 "ha">{levels}]>'
            '<html xmlns="http://www.w3.org/1999/xhtml"><body><article><h1>Lachen</h1><p>&l11;</p>'
            + "".join(f"<p>{p}</p>" for p in de_paragraphs(43)) + "</article></body></html>")
    for name in ("laughs.xhtml", "laughs.html", "laughs.txt"):
        started = time.perf_counter()
        result = run_single_page(page.encode(), source=name, config=CONFIG)[0]
        assert time.perf_counter() - started < 5
        assert "haha" not in result.get("text", "") and len(result.get("text", "")) < 5000


@pytest.mark.parametrize("target", ["/etc/passwd", "SECRET"])
def test_external_entities_are_never_resolved(tmp_path: Path, target: str) -> None:
    if target == "SECRET":
        target = str(tmp_path / "secret.txt")
        Path(target).write_text("TOP-SECRET-7f3a\n", encoding="utf-8")
    body = "".join(f"<p>{p}</p>" for p in en_paragraphs(44))
    for doctype in (f'<!DOCTYPE html [<!ENTITY x SYSTEM "file://{target}">]>',
                    f'<!DOCTYPE html SYSTEM "file://{target}">',
                    f'<!DOCTYPE html [<!ENTITY % x SYSTEM "file://{target}"> %x;]>'):
        page = (f'<?xml version="1.0"?>{doctype}<html xmlns="http://www.w3.org/1999/xhtml"><head><title>X</title>'
                f"</head><body><article><h1>X</h1><p>&x;</p>{body}</article></body></html>")
        result = run_single_page(page.encode(), source="x.xhtml", config=CONFIG)[0]
        text = result.get("text", "") + str(result.get("title"))
        assert "root:" not in text and "TOP-SECRET" not in text


# --------------------------------------------------------------------------- output paths


HOSTILE_SOURCES = ["../../etc/passwd", "/etc/cron.d/job.html", "a/../../../b.html", "..", ".", "",
                   "a/./b/../../..", "x\x00y.html", "..\\..\\win.html", "-rf.html", "a//b.html",
                   "~/.bashrc.html", "a" * 300 + ".html", "/".join(["d" * 200] * 10) + ".html"]


@pytest.mark.parametrize("source", HOSTILE_SOURCES)
def test_article_paths_stay_inside_the_output_folder(tmp_path: Path, source: str) -> None:
    base = (tmp_path / "out" / "articles").resolve()
    path = article_file(tmp_path / "out", source, "0123456789abcdef")
    assert base in path.parents


@settings(max_examples=300, deadline=None)
@given(source=st.lists(st.text(st.characters(blacklist_categories=["Cs"]), max_size=8)
                       | st.sampled_from(["/", "..", ".", "\\", "\x00", "~", "-"]), max_size=20).map("".join))
def test_any_source_maps_inside_the_output_folder(source: str) -> None:
    out = Path("/tmp/reinschrift-never-written")
    path = article_file(out, source, "0123456789abcdef")
    assert (out / "articles").resolve() in path.parents
    assert path.name.endswith(".json")


def test_a_symlink_planted_in_the_articles_folder_is_not_followed(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "evil").mkdir(parents=True)
    (folder / "evil" / "page.html").write_text(article_html(45), encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    (out / "articles").mkdir(parents=True)
    (out / "articles" / "evil").symlink_to(outside)  # an absolute symlink to elsewhere
    assert run(folder, out) == 0
    assert list(outside.iterdir()) == []
    written = [p for p in (out / "articles").rglob("*.json") if not p.is_symlink()]
    assert len(written) == 1 and (out / "articles").resolve() in written[0].resolve().parents


# --------------------------------------------------------------------------- configuration


@pytest.mark.parametrize("body, key, problem", [
    ('[[rule]]\nname = "x"\nlanguage = "de"\nkind = "exec"\npattern = "a"\ndescription = "d"\n', "kind", "unknown rule kind"),
    ('[[rule]]\nname = "x"\nlanguage = "de"\nkind = "line_regex"\npattern = "[a-"\ndescription = "d"\n', "pattern", "invalid regular expression"),
    ('[limits]\npage_timeout_seconds = "__import__(\'os\').system(\'touch PWNED\')"\n', "limits.page_timeout_seconds", "must be"),
])
def test_a_bad_config_is_refused_before_any_page(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 body: str, key: str, problem: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "p.html").write_text(article_html(46), encoding="utf-8")
    user = tmp_path / "bad.toml"
    user.write_text(body, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(folder), "--output", str(out), "--config", str(user)]) == 2
    err = capsys.readouterr().err
    assert str(user) in err and key in err and problem in err
    assert not out.exists()
    assert not (tmp_path / "PWNED").exists() and not Path("PWNED").exists()


def test_config_values_are_data_never_code(tmp_path: Path) -> None:
    marker = tmp_path / "PWNED"
    user = tmp_path / "site.toml"
    user.write_text(
        '[[rule]]\nname = "code"\nlanguage = "de"\nkind = "line_regex"\n'
        f"pattern = '__import__\\(\"os\"\\).system\\(\"touch {marker}\"\\)'\ndescription = \"looks like code\"\n",
        encoding="utf-8")
    config = load_config(user)
    assert any(r.name == "de.code" for r in config.rules)
    run_single_page(article_html(47).encode(), source="p.html", config=config)
    assert not marker.exists()


def test_a_catastrophic_rule_regex_ends_pages_as_timeout_not_a_hung_run(tmp_path: Path) -> None:
    """A user rule can backtrack exponentially; Python's regex engine honours the page timer,
    so the page ends as "timeout" within the budget and the run goes on."""
    user = tmp_path / "slow.toml"
    user.write_text('[limits]\npage_timeout_seconds = 1\n'
                    '[[rule]]\nname = "slow"\nlanguage = "de"\nkind = "line_regex"\n'
                    "pattern = '^(W+\\s?)*$'\ndescription = \"nested quantifiers\"\n", encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    trap = "W" * 40 + "!"  # 2**40 ways to split the Ws before the match fails
    (folder / "trap.txt").write_text("Eine Falle\n\n" + trap + "\n\n" + "\n\n".join(de_paragraphs(48)) + "\n",
                                     encoding="utf-8")
    (folder / "fine.html").write_text(article_html(49), encoding="utf-8")
    started = time.monotonic()
    assert run(folder, tmp_path / "out", "--config", str(user)) == 0
    assert time.monotonic() - started < 60
    rejects = {r["source"]: r["reason"] for r in read_jsonl(tmp_path / "out" / "rejects.jsonl")}
    assert rejects == {"trap.txt": "timeout"}
    assert [a["source"] for a in read_jsonl(tmp_path / "out" / "articles.jsonl")] == ["fine.html"]
