"""The nightly run over a hostile scrape folder: it completes, loses nothing, touches nothing else.

Every hostile file is built at test time (nothing big is stored). One subprocess run goes over
normal pages plus all of them; each hostile file must end as its documented reject, skip or
article, the normal pages' outputs must be byte-identical to a run without the hostile files,
and the run's peak RSS must stay under ``limits.max_rss_mb``.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import resource
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.config import load_config
from pipeline.errors import REJECT_REASONS
from pipeline.read.walk import SKIP_REASONS

ROOT = Path(__file__).resolve().parent.parent
LIMITS = load_config().settings["limits"]

THINGS = ["Turnhalle", "Stadthalle", "Bücherei", "Feuerwache", "Grundschule", "Markthalle", "Musikschule",
          "Eishalle", "Jugendherberge", "Sternwarte", "Kunsthalle", "Reithalle", "Festhalle", "Badeanstalt"]
TOWNS = ["Lindenau", "Eichstett", "Birkenfeld", "Waldhausen", "Rosenthal", "Steinbach"]
THINGS_EN = ["ferry pier", "town hall", "library", "fire station", "market hall", "lighthouse", "boat yard"]


def de_paragraphs(n: int) -> list[str]:
    """Three German paragraphs no other ``n`` shares a line with (repeated lines are boilerplate)."""
    thing, town, amount = THINGS[n % len(THINGS)], TOWNS[n // len(THINGS) % len(TOWNS)], n + 2
    return [
        f"Der Gemeinderat von {town} hat am Dienstagabend nach einer langen Debatte beschlossen, die alte {thing} "
        f"an der Schulstraße für rund {amount} Millionen Euro zu sanieren.",
        f"Die {thing} in {town} war im vergangenen Winter wegen Schäden am Dach gesperrt worden. Seitdem mussten "
        f"die {amount} Vereine auf Räume in den Nachbarorten ausweichen, was viele Eltern verärgert hatte.",
        f"Bürgermeisterin Petra Hainbuch sagte, die Sanierung der {thing} sei „die wichtigste Investition des "
        f"Jahres“ für {town}. Die Arbeiten sollen im Frühjahr beginnen und {amount} Monate dauern.",
    ]


def en_paragraphs(n: int) -> list[str]:
    thing, amount = THINGS_EN[n % len(THINGS_EN)], n + 2
    return [
        f"The harbour board of Eastmere voted on Monday to rebuild the old {thing}, which has been closed "
        f"since a storm damaged it {amount} winters ago.",
        f"Board chair Linda Okafor said the new {thing} would be larger and able to take the {amount} new "
        f"ferries that the regional operator plans to buy next year.",
        f"Work on the {thing} is expected to start in the spring and to take about {amount} months, during "
        f"which the ferry will dock at the fishing harbour instead.",
    ]


def article_html(n: int, lang: str = "de", charset: str = "utf-8", head: str = "") -> str:
    """An ordinary article page, unique by ``n``."""
    paragraphs = de_paragraphs(n) if lang == "de" else en_paragraphs(n)
    title = f"{THINGS[n % len(THINGS)]} wird saniert ({n})" if lang == "de" else f"Eastmere to rebuild {THINGS_EN[n % len(THINGS_EN)]} ({n})"
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="{charset}">{head}<title>{title}</title>'
            f'<meta property="og:title" content="{title}"><meta property="og:type" content="article"></head>'
            f"<body><article><h1>{title}</h1>\n{body}\n</article></body></html>\n")


def article_dump(n: int) -> str:
    return f"Eastmere to rebuild {THINGS_EN[n % len(THINGS_EN)]} ({n})\n\n" + "\n\n".join(en_paragraphs(n)) + "\n"


def make_normal(root: Path) -> list[str]:
    """A few ordinary pages in their own site folders; returns their sources."""
    pages = {
        "bote/turnhalle.html": article_html(0).encode(),
        "bote/schwimmbad.html": article_html(1).encode(),
        "bote/bad.html.gz": gzip.compress(article_html(2).encode(), mtime=0),
        "eastmere/pier.html": article_html(3, "en").encode(),
        "eastmere/notes.txt": article_dump(4).encode(),
    }
    for source, data in pages.items():
        path = root / source
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return sorted(pages)


def gzip_bomb(path: Path, megabytes: int = 1100) -> None:
    """A valid gzip file of ~1 MB that inflates to ``megabytes`` MiB (as tests/test_read.py)."""
    chunk = bytes(1 << 20)
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    first = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    again = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(megabytes):
        crc = zlib.crc32(chunk, crc)
    trailer = struct.pack("<II", crc, (megabytes << 20) & 0xFFFFFFFF)
    path.write_bytes(first + again * (megabytes - 1) + b"\x03\x00" + trailer)


def png_bytes() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


ARTICLE = "article"
# The ways a hostile file can end: ("article",), ("reject", reason) or ("skip", reason).
Outcome = tuple[str, ...]
SECRET = "root:x:0:0:hostile-secret"


def make_hostile(root: Path, outside: Path) -> tuple[dict[str, Outcome], dict[str, int]]:
    """Every hostile file under ``root/h/``; returns the expected outcome per source and skip counts.

    ``outside`` is a folder next to the input folder, for symlink targets and external entities.
    Article pages are numbered from 100, so no two share a line with each other or the normal pages.
    """
    h = root / "h"
    h.mkdir(parents=True)
    expected: dict[str, Outcome] = {}
    numbers = iter(range(100, 1000))

    def put(name: str, data: bytes | str, outcome: Outcome) -> Path:
        path = h / name
        path.write_bytes(data.encode() if isinstance(data, str) else data)
        expected["h/" + name] = outcome
        return path

    # nothing, or nothing but white space
    put("empty.html", b"", ("reject", "empty"))
    put("blank.txt", b" \n\t\r\n   \n", ("reject", "empty"))
    # binary files under page names
    put("image.html", png_bytes(), ("reject", "binary"))
    put("doc.html", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", ("reject", "binary"))
    put("prog.html", b"\x7fELF\x02\x01\x01\x00" + bytes(56) + bytes(range(256)) * 4, ("reject", "binary"))
    put("noise.txt", random.Random(6).randbytes(100_000), ("reject", "binary"))
    # compression: a bomb over the bound, a cut stream
    gzip_bomb(h / "bomb.html.gz")
    expected["h/bomb.html.gz"] = ("reject", "too_large")
    put("cut.html.gz", gzip.compress(article_html(next(numbers)).encode())[:300], ("reject", "undecodable"))
    # size: over max_file_bytes on disk; one line just under it (HTML is cut to max_html_chars,
    # a text dump over max_html_chars is too large to be an article)
    line = " ".join(de_paragraphs(next(numbers))).encode()
    put("huge.html", b"<html><body><p>" + line * (50_000_000 // len(line)) + b"</p></body></html>", ("reject", "too_large"))
    under = LIMITS["max_file_bytes"] - 1000
    put("oneline.txt", line * (under // len(line)), ("reject", "too_large"))
    line = " ".join(en_paragraphs(next(numbers))).encode()
    put("oneline.html", b"<html><body><p>" + line * (under // len(line) - 1) + b"</p></body></html>", (ARTICLE,))
    # nesting 100,000 deep, with and without closing tags: libxml2 stops at its depth limit
    deep = "<div>" * 100_000 + "<p>" + " ".join(de_paragraphs(next(numbers))) + "</p>"
    put("deep.html", f"<html><body>{deep}{'</div>' * 100_000}</body></html>", ("reject", "no_article"))
    put("deep-open.html", f"<html><body>{deep}", ("reject", "no_article"))
    # UTF-16 in both byte orders, with and without BOM
    put("u16le-bom.html", b"\xff\xfe" + article_html(next(numbers)).encode("utf-16-le"), (ARTICLE,))
    put("u16be-bom.html", b"\xfe\xff" + article_html(next(numbers)).encode("utf-16-be"), (ARTICLE,))
    put("u16le.html", article_html(next(numbers)).encode("utf-16-le"), (ARTICLE,))
    put("u16be.html", article_html(next(numbers)).encode("utf-16-be"), (ARTICLE,))
    # a charset declaration that lies (windows-1252 bytes declared UTF-8, and the reverse)
    put("lie-utf8.html", article_html(next(numbers), charset="utf-8").encode("cp1252"), (ARTICLE,))
    put("lie-latin1.html", article_html(next(numbers), charset="iso-8859-1").encode(), (ARTICLE,))
    # NUL bytes and invalid UTF-8 inside good text
    damaged = bytearray(article_html(next(numbers)).encode())
    damaged[damaged.index(b"<p>") + 10:damaged.index(b"<p>") + 10] = b"\x00\x00\xff\xfe\x00"
    put("damaged.html", bytes(damaged), (ARTICLE,))
    # one tag with 200,000 attributes: libxml2 checks them pairwise, over a minute in one C call
    bomb = "<p " + " ".join(f'a{i}="v>"' for i in range(200_000)) + ">x</p>"
    put("attributes.html", article_html(next(numbers)).replace("<article>", "<article>" + bomb), (ARTICLE,))
    # only scripts
    put("script.html", "<html><head><script>var a = 1;</script></head><body>"
        + "<script>document.write('x');</script>" * 200 + "</body></html>", ("reject", "no_article"))
    # billion laughs, and an external entity pointing outside
    lol = "".join(f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    paragraphs = "".join(f"<p>{p}</p>" for p in de_paragraphs(next(numbers)))
    laughs = (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY lol0 "lol">{lol}]>'
              f'<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Lachen</title></head>'
              f"<body><article><h1>Lachen</h1><p>&lol9;</p>{paragraphs}</article></body></html>")
    put("laughs.xhtml", laughs, (ARTICLE,))
    secret = outside / "passwd"
    secret.write_text(SECRET + "\n", encoding="utf-8")
    paragraphs = "".join(f"<p>{p}</p>" for p in en_paragraphs(next(numbers)))
    xxe = (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
           f'<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Extern</title></head>'
           f"<body><article><h1>Extern</h1><p>&xxe;</p>{paragraphs}</article></body></html>")
    put("xxe.xhtml", xxe, (ARTICLE,))
    # odd file names
    for name in ("with space.html", "ümlaut-ß.html", "new\nline.html", "-leading-dash.html"):
        put(name, article_html(next(numbers)), (ARTICLE,))
    # an unreadable file (made so by the run's wrapper, see run_cli: tests run as root)
    put("locked.html", article_html(next(numbers)), ("reject", "unreadable"))
    # a folder named like a page is walked into
    (h / "folder.html").mkdir()
    put("folder.html/inner.html", article_html(next(numbers)), (ARTICLE,))
    # entries that are skipped and counted
    (outside / "elsewhere.html").write_text(article_html(next(numbers)), encoding="utf-8")
    (h / "escape.html").symlink_to(outside / "elsewhere.html")
    (h / "loop.html").symlink_to(h / "loop.html")
    os.mkfifo(h / "pipe.html")
    skips = {"symlink_outside": 1, "broken_symlink": 1, "not_a_regular_file": 1}
    return expected, skips


# The wrapper a subprocess run goes through: one file is unreadable (root reads through chmod).
WRAPPER = """
import os, sys
locked = os.environ["REINSCHRIFT_TEST_LOCKED"]
real_open = os.open
def denying_open(path, *args, **kwargs):
    if os.fspath(path) == locked:
        raise PermissionError(13, "Permission denied", locked)
    return real_open(path, *args, **kwargs)
os.open = denying_open
from pipeline.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


def run_cli(*args: str, locked: Path | None = None, timeout: float = 240) -> tuple[subprocess.CompletedProcess, float, int]:
    """Run ``reinschrift`` in a subprocess: (result, wall seconds, peak RSS in MB of its processes)."""
    env = dict(os.environ, LUIGI_CONFIG_PATH=str(ROOT / "config" / "luigi.cfg"),
               REINSCHRIFT_TEST_LOCKED=str(locked or ""))
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", WRAPPER, *args], env=env, capture_output=True, text=True,
                            timeout=timeout, cwd=ROOT)
    wall = time.monotonic() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the largest of any child so far: only a rise is this run's
    return result, wall, (peak if peak > before else before) // 1024


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory):
    base = tmp_path_factory.mktemp("hostile")
    outside = base / "outside"
    outside.mkdir()
    clean_in, dirty_in = base / "clean", base / "dirty"
    normal = make_normal(clean_in)
    make_normal(dirty_in)
    expected, skips = make_hostile(dirty_in, outside)
    for source in normal:  # same mtimes: the normal pages are the same pages
        st = (clean_in / source).stat()
        os.utime(dirty_in / source, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert main(["run", str(clean_in), "--output", str(base / "out-clean"), "--workers", "1"]) == 0
    before = snapshot(base)
    result, wall, peak_mb = run_cli("run", str(dirty_in), "--output", str(base / "out"), "--workers", "1",
                                    locked=dirty_in / "h" / "locked.html")
    print(f"hostile run: {wall:.1f} s wall, peak RSS {peak_mb} MB", file=sys.stderr)
    return {"base": base, "out": base / "out", "clean": base / "out-clean", "outside": outside, "normal": normal,
            "expected": expected, "skips": skips, "result": result, "wall": wall, "peak_mb": peak_mb,
            "before": before, "after": snapshot(base)}


def snapshot(base: Path) -> dict[str, tuple[int, int, int]]:
    """Every entry outside the output folders: (mode, size, mtime), without following links."""
    entries = {}
    for path in base.rglob("*"):
        if not path.relative_to(base).parts[0].startswith("out"):
            st = path.lstat()
            entries[str(path)] = (st.st_mode, st.st_size, st.st_mtime_ns)
    return entries


def test_hostile_run_completes_with_exit_0(hostile_run):
    result = hostile_run["result"]
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr


def test_every_hostile_file_ends_as_its_documented_outcome(hostile_run):
    out, expected = hostile_run["out"], hostile_run["expected"]
    articles = {a["source"]: a for a in read_jsonl(out / "articles.jsonl")}
    rejects = {r["source"]: r for r in read_jsonl(out / "rejects.jsonl")}
    got = {}
    for source in expected:
        if source in articles:
            got[source] = (ARTICLE,)
        elif source in rejects:
            got[source] = ("reject", rejects[source]["reason"])
    assert got == expected
    for reject in rejects.values():
        assert reject["reason"] in REJECT_REASONS and reject["detail"]
    # every page found is an article or a reject, each once; skipped entries are counted
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["pages_read"] == len(articles) + len(rejects) == len(expected) + len(hostile_run["normal"])
    assert report["skipped"] == hostile_run["skips"]
    assert set(report["skipped"]) <= set(SKIP_REASONS)


def test_normal_pages_are_byte_identical_to_a_run_without_hostile_files(hostile_run):
    out, clean = hostile_run["out"], hostile_run["clean"]
    lines = {json.loads(line)["source"]: line for line in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()}
    clean_lines = (clean / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(clean_lines) == len(hostile_run["normal"])
    for line in clean_lines:
        source = json.loads(line)["source"]
        assert lines[source] == line
        name = Path("articles") / (source + ".json")
        assert (out / name).read_bytes() == (clean / name).read_bytes()


def test_nothing_outside_is_read_or_written(hostile_run):
    out, outside = hostile_run["out"], hostile_run["outside"]
    assert hostile_run["after"] == hostile_run["before"]  # the input folder and its neighbours are untouched
    text = (out / "articles.jsonl").read_text(encoding="utf-8")
    assert SECRET not in text and "lollol" not in text
    # nothing was written next to the output folder or into the linked-to folder
    assert sorted(p.name for p in outside.iterdir()) == ["elsewhere.html", "passwd"]
    assert sorted(p.name for p in hostile_run["base"].iterdir()) == ["clean", "dirty", "out", "out-clean", "outside"]
    articles = (out / "articles").resolve()
    for path in articles.rglob("*"):
        assert articles in path.resolve().parents
    names = {str(p.relative_to(articles)) for p in articles.rglob("*.json")}
    assert {"h/new_line.html.json", "h/_leading-dash.html.json", "h/with space.html.json",
            "h/ümlaut-ß.html.json", "h/folder.html/inner.html.json"} <= names


def test_hostile_run_stays_within_memory_and_time_bounds(hostile_run):
    assert hostile_run["peak_mb"] < LIMITS["max_rss_mb"]
    # every page's CPU time through the steps is under the per-page budget
    for path in (hostile_run["out"] / ".work" / "clean").glob("*.jsonl"):
        for entry in read_jsonl(path):
            assert sum(entry["timings"].values()) < LIMITS["page_timeout_seconds"], entry["source"]


def test_a_page_over_the_budget_is_a_timeout_reject_within_the_budget(tmp_path: Path) -> None:
    """The timer fires while the page is inside lxml and trafilatura: 10 MB of HTML take them
    about ten seconds, the page ends as a timeout after the 0.3 s budget (plus, at worst, one
    garbage collection of this big test process: the slack)."""
    import gc

    from pipeline.process import run_single_page

    user = tmp_path / "fast.toml"
    user.write_text("[limits]\npage_timeout_seconds = 0.3\nmax_html_chars = 12_000_000\n", encoding="utf-8")
    config = load_config(user)
    line = " ".join(en_paragraphs(7))
    page = ("<html><body>" + "".join(f"<div><p>{line}</p></div>" for _ in range(10_000_000 // (len(line) + 20)))
            + "</body></html>").encode()
    gc.collect()
    started = time.perf_counter()
    result = run_single_page(page, source="slow.html", config=config)[0]
    elapsed = time.perf_counter() - started
    assert (result["reason"], result["detail"]) == ("timeout", "over 0.3 s")
    assert elapsed < 0.3 + 2.5


def test_a_page_stuck_in_c_code_is_ended_by_the_watchdog() -> None:
    """Python's SIGALRM handler cannot run inside one long C call; faulthandler's watchdog
    (no GIL needed) ends the process after 2 x budget + 1 s: the shard fails, the retry
    rejects the page as "crashed". pbkdf2 stands in for a C call that never checks signals."""
    code = ("import hashlib\nfrom pipeline.process import deadline, enable_watchdog\n"
            "enable_watchdog()  # as in a batch run's task process\n"
            "with deadline(0.2):\n    hashlib.pbkdf2_hmac('sha256', b'x', b'salt', 200_000_000)\n"
            "print('not stopped')\n")
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    elapsed = time.monotonic() - started
    assert result.returncode == 1 and "not stopped" not in result.stdout
    assert "Timeout (0:00:01.400000)!" in result.stderr
    assert elapsed < 10


def test_an_attribute_bomb_parses_in_well_under_a_second() -> None:
    from pipeline.extract.html import parse_html

    for bomb in (" ".join(f'a{i}="v>"' for i in range(200_000)), " ".join(f"a{i}" for i in range(200_000))):
        started = time.perf_counter()
        tree = parse_html(f"<html><body><p {bomb}>kept</p></body></html>", max_chars=LIMITS["max_html_chars"])
        assert time.perf_counter() - started < 1.0
        assert tree.text_content() == "kept" and tree.find(".//p").attrib == {}
