"""Tests of the read step: walking the input folder, bounded reading, decoding.

Every hostile input is built here at test time (tmp_path); nothing big is stored.
"""

from __future__ import annotations

import gzip
import os
import stat
import struct
import threading
import time
import tracemalloc
import zlib
from pathlib import Path

import pytest

from pipeline.errors import REJECT_REASONS, PageRejected
from pipeline.read import decode_page, find_pages, load_and_decode, read_page_bytes
from pipeline.read import load as load_module
from pipeline.records import PageFile

GERMAN = "Die Müllerstraße in München: Größere Änderungen für Bürger, schöne Grüße aus Köln."
LIMITS = {"max_file_bytes": 1_000_000, "max_decompressed_bytes": 1_000_000}


def _reject_reason(func, *args, **kwargs) -> PageRejected:
    with pytest.raises(PageRejected) as info:
        func(*args, **kwargs)
    assert info.value.reason in REJECT_REASONS
    return info.value


def _run_with_timeout(func, seconds: float = 5.0):
    """Run func in a daemon thread; fail (instead of hanging) when it blocks."""
    result: dict[str, object] = {}

    def target() -> None:
        try:
            result["value"] = func()
        except BaseException as exc:  # handed back to the test thread
            result["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"{func} blocked for more than {seconds} s"
    if "error" in result:
        raise result["error"]  # type: ignore[misc]
    return result["value"]


def _html(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}<title>T</title></head><body><p>{body}</p></body></html>\n"


# --------------------------------------------------------------------------- walk


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """An input folder with every kind of entry the walk must handle."""
    root = tmp_path / "in"
    outside = tmp_path / "outside"
    root.mkdir()
    outside.mkdir()
    (outside / "secret.html").write_text("<p>outside</p>")
    page = "<p>x</p>"
    for name in [
        "a.html",
        "B.HTML",
        "c.htm",
        "d.xhtml",
        "e.txt",
        "with space.html",
        "ümlaut.html",
        "new\nline.html",
        "-dash.html",
    ]:
        (root / name).write_text(page)
    (root / "f.txt.gz").write_bytes(gzip.compress(b"text"))
    (root / "g.HTML.GZ").write_bytes(gzip.compress(page.encode()))
    for name in ["gold.json", "README.md", "image.png", "archive.gz"]:
        (root / name).write_text("not a page")
    (root / "x.html").mkdir()  # a folder named like a page: walked into
    (root / "x.html" / "inner.html").write_text(page)
    (root / "sub" / "deep").mkdir(parents=True)
    (root / "sub" / "deep" / "z.htm").write_text(page)
    os.symlink(outside / "secret.html", root / "out_link.html")
    os.symlink(root / "a.html", root / "in_link.html")
    os.symlink("loop.html", root / "loop.html")  # points at itself: ELOOP
    os.symlink("nowhere.html", root / "dead.html")
    os.symlink(root / "sub", root / "sub_link.html")
    os.mkfifo(root / "pipe.html")
    return root


def test_find_pages_returns_pages_sorted_with_odd_names(tree: Path) -> None:
    pages, _ = _run_with_timeout(lambda: find_pages(tree))
    sources = [p.source for p in pages]
    assert sources == sorted(sources)
    assert set(sources) == {
        "-dash.html",
        "B.HTML",
        "a.html",
        "c.htm",
        "d.xhtml",
        "e.txt",
        "f.txt.gz",
        "g.HTML.GZ",
        "in_link.html",
        "new\nline.html",
        "sub/deep/z.htm",
        "with space.html",
        "x.html/inner.html",
        "ümlaut.html",
    }


def test_find_pages_counts_skips_by_reason(tree: Path) -> None:
    _, skipped = _run_with_timeout(lambda: find_pages(tree))
    assert skipped == {
        "not_a_page": 4,  # gold.json, README.md, image.png, archive.gz
        "symlink_outside": 1,
        "broken_symlink": 2,  # dead link and self loop
        "symlink_dir": 1,
        "not_a_regular_file": 1,  # the FIFO
    }


def test_find_pages_fills_absolute_path_size_and_mtime(tree: Path) -> None:
    pages, _ = find_pages(str(tree))
    by_source = {p.source: p for p in pages}
    page = by_source["x.html/inner.html"]
    st = os.stat(tree / "x.html" / "inner.html")
    assert os.path.isabs(page.path)
    assert page.path == str(tree / "x.html" / "inner.html")
    assert (page.size, page.mtime_ns) == (st.st_size, st.st_mtime_ns)
    assert Path(by_source["new\nline.html"].path).read_text() == "<p>x</p>"


def test_find_pages_does_not_follow_directory_symlinks_into_loops(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "p.html").write_text("x")
    os.symlink(tmp_path, tmp_path / "a" / "up")  # a cycle if followed
    pages, skipped = find_pages(tmp_path)
    assert [p.source for p in pages] == ["a/p.html"]
    assert skipped == {"symlink_dir": 1}


def test_find_pages_is_iterative_on_deep_trees(tmp_path: Path) -> None:
    depth = 1100  # deeper than the default recursion limit
    deep = str(tmp_path)
    for _ in range(depth):  # Path.mkdir(parents=True) itself recurses too deep here
        deep += "/d"
        os.mkdir(deep)
    Path(deep, "p.html").write_text("x")
    try:
        pages, _ = find_pages(tmp_path)
        assert [p.source for p in pages] == ["d/" * depth + "p.html"]
    finally:
        # pytest's recursive temp cleanup cannot remove a tree this deep: undo it bottom-up
        os.unlink(os.path.join(deep, "p.html"))
        while deep != str(tmp_path):
            os.rmdir(deep)
            deep = os.path.dirname(deep)


def test_find_pages_refuses_a_missing_input_folder(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        find_pages(tmp_path / "nope")
    (tmp_path / "file.html").write_text("x")
    with pytest.raises(NotADirectoryError):
        find_pages(tmp_path / "file.html")


# --------------------------------------------------------------------------- load


def _gzip_bomb(path: Path, megabytes: int = 1100) -> None:
    """A valid gzip file that inflates to ``megabytes`` MiB of zeros, built in ~0.2 s.

    After a full flush deflate restarts without history, so compressing the same
    MiB again gives the same bytes: one compressed MiB repeated is a valid stream.
    """
    chunk = bytes(1 << 20)
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    first = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    again = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(megabytes):
        crc = zlib.crc32(chunk, crc)
    final_empty_block = b"\x03\x00"
    trailer = struct.pack("<II", crc, (megabytes << 20) & 0xFFFFFFFF)
    path.write_bytes(first + again * (megabytes - 1) + final_empty_block + trailer)


def test_read_plain_file(tmp_path: Path) -> None:
    path = tmp_path / "p.html"
    path.write_bytes(b"<p>hello</p>")
    assert read_page_bytes(str(path), max_file_bytes=100, max_decompressed_bytes=100) == b"<p>hello</p>"


def test_read_refuses_file_over_bound(tmp_path: Path) -> None:
    path = tmp_path / "p.html"
    path.write_bytes(b"x" * 100)
    assert len(read_page_bytes(str(path), max_file_bytes=100, max_decompressed_bytes=10)) == 100
    path.write_bytes(b"x" * 101)
    err = _reject_reason(read_page_bytes, str(path), max_file_bytes=100, max_decompressed_bytes=10)
    assert err.reason == "too_large"


def test_read_gzip_page_decodes(tmp_path: Path) -> None:
    path = tmp_path / "p.html.gz"
    path.write_bytes(gzip.compress(_html(GERMAN).encode("utf-8")))
    page = PageFile(source="p.html.gz", path=str(path), size=path.stat().st_size, mtime_ns=0)
    decoded = load_and_decode(page, LIMITS)
    assert GERMAN in decoded.text
    assert (decoded.kind, decoded.encoding) == ("html", "utf-8")


def test_read_txt_gz_is_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.TXT.gz"
    path.write_bytes(gzip.compress("Zeile eins\r\nZeile zwei über\r\n".encode()))
    page = PageFile(source="notes.TXT.gz", path=str(path), size=0, mtime_ns=0)
    decoded = load_and_decode(page, LIMITS)
    assert decoded == decoded.__class__(text="Zeile eins\nZeile zwei über\n", kind="text", encoding="utf-8")


def test_read_gzip_by_magic_without_gz_name(tmp_path: Path) -> None:
    path = tmp_path / "p.html"
    path.write_bytes(gzip.compress(b"<p>packed</p>"))
    assert read_page_bytes(str(path), max_file_bytes=1000, max_decompressed_bytes=1000) == b"<p>packed</p>"


def test_read_gz_name_over_plain_bytes_passes_them_through(tmp_path: Path) -> None:
    path = tmp_path / "p.html.gz"
    path.write_bytes(b"<p>already inflated</p>")
    assert read_page_bytes(str(path), max_file_bytes=1000, max_decompressed_bytes=1000) == b"<p>already inflated</p>"


def test_read_concatenated_gzip_members(tmp_path: Path) -> None:
    path = tmp_path / "p.txt.gz"
    path.write_bytes(gzip.compress(b"one ") + gzip.compress(b"two"))
    assert read_page_bytes(str(path), max_file_bytes=1000, max_decompressed_bytes=1000) == b"one two"


def test_read_gzip_bound_is_exact(tmp_path: Path) -> None:
    path = tmp_path / "p.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 5000))
    assert len(read_page_bytes(str(path), max_file_bytes=10_000, max_decompressed_bytes=5000)) == 5000
    err = _reject_reason(read_page_bytes, str(path), max_file_bytes=10_000, max_decompressed_bytes=4999)
    assert err.reason == "too_large"


def test_gzip_bomb_is_refused_fast_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "bomb.html.gz"
    _gzip_bomb(path)
    assert path.stat().st_size < 2_000_000  # small on disk, 1.1 GiB inflated
    limit = 20_000_000
    tracemalloc.start()
    started = time.perf_counter()
    try:
        err = _reject_reason(read_page_bytes, str(path), max_file_bytes=limit, max_decompressed_bytes=limit)
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert err.reason == "too_large"
    assert "decompressed over 20000000 bytes" in err.detail
    assert elapsed < 3.0  # inflating all 1.1 GiB takes several seconds
    assert peak < 3 * limit


def test_truncated_gzip_is_undecodable(tmp_path: Path) -> None:
    blob = gzip.compress(_html(GERMAN * 50).encode())
    path = tmp_path / "p.html.gz"
    for cut in (len(blob) // 2, 12, 2, 1):
        path.write_bytes(blob[:cut])
        err = _reject_reason(read_page_bytes, str(path), max_file_bytes=10**6, max_decompressed_bytes=10**6)
        assert (err.reason, err.detail) == ("undecodable", "truncated gzip stream"), cut


def test_corrupt_gzip_is_undecodable(tmp_path: Path) -> None:
    blob = bytearray(gzip.compress(_html(GERMAN * 50).encode()))
    blob[20:40] = b"\xff" * 20
    path = tmp_path / "p.html.gz"
    path.write_bytes(bytes(blob))
    err = _reject_reason(read_page_bytes, str(path), max_file_bytes=10**6, max_decompressed_bytes=10**6)
    assert err.reason == "undecodable"
    assert "gzip" in err.detail


def test_read_fifo_is_unreadable_and_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    err = _run_with_timeout(
        lambda: _reject_reason(read_page_bytes, str(fifo), max_file_bytes=100, max_decompressed_bytes=100)
    )
    assert (err.reason, err.detail) == ("unreadable", "not a regular file")


def test_read_directory_and_missing_file_are_unreadable(tmp_path: Path) -> None:
    (tmp_path / "d.html").mkdir()
    for path in (tmp_path / "d.html", tmp_path / "gone.html"):
        err = _reject_reason(read_page_bytes, str(path), max_file_bytes=100, max_decompressed_bytes=100)
        assert err.reason == "unreadable"


def test_read_permission_denied_is_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.html"
    path.write_bytes(b"<p>secret</p>")
    if os.geteuid() != 0:  # root reads through chmod 000, so only check it as a user
        path.chmod(0)
        try:
            err = _reject_reason(read_page_bytes, str(path), max_file_bytes=100, max_decompressed_bytes=100)
            assert err.reason == "unreadable"
        finally:
            path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    real_open = os.open

    def denying_open(p, *args, **kwargs):
        if os.fspath(p) == str(path):
            raise PermissionError(13, "Permission denied", str(p))
        return real_open(p, *args, **kwargs)

    monkeypatch.setattr(load_module.os, "open", denying_open)
    err = _reject_reason(read_page_bytes, str(path), max_file_bytes=100, max_decompressed_bytes=100)
    assert err.reason == "unreadable"
    assert "Permission denied" in err.detail


def test_load_and_decode_uses_the_config_limits(tmp_path: Path) -> None:
    from pipeline.config import load_config

    limits = dict(load_config().settings["limits"])
    path = tmp_path / "p.html"
    path.write_bytes(_html(GERMAN).encode())
    page = PageFile(source="p.html", path=str(path), size=0, mtime_ns=0)
    assert GERMAN in load_and_decode(page, limits).text
    limits["max_file_bytes"] = 10
    assert _reject_reason(load_and_decode, page, limits).reason == "too_large"


# --------------------------------------------------------------------------- decode: rejects


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", b"\x00" * 64, "\u3000 \n".encode("utf-8")])
def test_empty_and_whitespace_only_are_empty(data: bytes) -> None:
    assert _reject_reason(decode_page, data, "a.html").reason == "empty"


def test_utf16_whitespace_only_is_empty() -> None:
    assert _reject_reason(decode_page, b"\xff\xfe" + " \n \t ".encode("utf-16-le"), "a.html").reason == "empty"


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF document"),
        (b"\x7fELF\x02\x01\x01" + bytes(300), "ELF executable"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG image"),
        (b"GIF89a\x01\x00\x01\x00", "GIF image"),
        (b"PK\x03\x04\x14\x00\x00\x00", "ZIP archive"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "WebP image"),
        (gzip.compress(b"<p>twice</p>"), "gzip data (compressed twice?)"),
    ],
)
def test_known_binary_formats_are_binary(data: bytes, what: str) -> None:
    err = _reject_reason(decode_page, data, "page.html")
    assert (err.reason, err.detail) == ("binary", what)


def test_random_bytes_are_binary() -> None:
    import random

    rng = random.Random(1234)
    for size in (300, 5000, 100_000):
        data = bytes(rng.getrandbits(8) for _ in range(min(size, 20_000))) * max(1, size // 20_000)
        assert _reject_reason(decode_page, data, "page.html").reason == "binary", size


def test_nul_heavy_data_not_explained_by_utf16_is_binary() -> None:
    data = b"".join(bytes([65 + i % 26, 0, 0, 66]) for i in range(500))  # NULs on both positions
    err = _reject_reason(decode_page, data, "page.html")
    assert err.reason == "binary" and "NUL" in err.detail


def test_garbage_no_encoding_reads_is_undecodable(monkeypatch: pytest.MonkeyPatch) -> None:
    import charset_normalizer

    class NoMatch:
        def best(self) -> None:
            return None

    monkeypatch.setattr(charset_normalizer, "from_bytes", lambda *a, **k: NoMatch())
    data = bytes(range(0x80, 0x100)) * 20  # high bytes only, no control bytes
    assert _reject_reason(decode_page, data, "page.html").reason == "undecodable"


# --------------------------------------------------------------------------- decode: encodings


def test_utf8_fast_path_never_calls_the_detector(monkeypatch: pytest.MonkeyPatch) -> None:
    import charset_normalizer

    def boom(*args, **kwargs):
        raise AssertionError("detector called on valid UTF-8")

    monkeypatch.setattr(charset_normalizer, "from_bytes", boom)
    decoded = decode_page(_html(GERMAN).encode("utf-8"), "a.html")
    assert GERMAN in decoded.text
    assert decoded.encoding == "utf-8"


def test_utf8_bom() -> None:
    decoded = decode_page(b"\xef\xbb\xbf" + _html(GERMAN).encode("utf-8"), "a.html")
    assert decoded.encoding == "utf-8 (bom)"
    assert decoded.text.startswith("<!DOCTYPE html>")  # the BOM character is gone
    assert GERMAN in decoded.text


@pytest.mark.parametrize(
    ("codec", "bom", "label"),
    [
        ("utf-16-le", b"\xff\xfe", "utf-16-le (bom)"),
        ("utf-16-be", b"\xfe\xff", "utf-16-be (bom)"),
        ("utf-16-le", b"", "utf-16-le (no bom)"),
        ("utf-16-be", b"", "utf-16-be (no bom)"),
    ],
)
def test_utf16_with_and_without_bom(codec: str, bom: bytes, label: str) -> None:
    text = _html(GERMAN).replace("\n", "\r\n")
    decoded = decode_page(bom + text.encode(codec), "a.html")
    assert decoded.encoding == label
    assert decoded.text == _html(GERMAN)  # CRLF normalised, no NUL, no BOM
    assert decoded.kind == "html"


def test_utf16_odd_trailing_byte_is_replaced_not_rejected() -> None:
    decoded = decode_page(b"\xff\xfe" + "Hallo Welt".encode("utf-16-le") + b"A", "a.txt")
    assert decoded.text.startswith("Hallo Welt")


def test_lying_meta_utf8_over_latin1_bytes_is_windows_1252() -> None:
    page = _html(GERMAN + " Preis: 5 \u20ac, \u201egut\u201c.", '<meta charset="utf-8">')
    decoded = decode_page(page.encode("cp1252"), "a.html")
    assert decoded.encoding == "windows-1252 (detected)"
    assert GERMAN in decoded.text
    assert "5 \u20ac, \u201egut\u201c" in decoded.text


def test_lying_meta_with_few_umlauts_is_windows_1252() -> None:
    body = "Ein langer Text ohne viel Besonderes. " * 10 + "Nur ein Wort: Bär."
    page = _html(body, '<meta charset="utf-8">')
    decoded = decode_page(page.encode("cp1252"), "a.html")
    assert decoded.encoding == "windows-1252 (detected)"
    assert "Bär." in decoded.text


def test_windows_1252_with_correct_meta_is_declared() -> None:
    page = _html(GERMAN + " \u201eZitat\u201c \u2013 5 \u20ac", '<meta charset="windows-1252">')
    decoded = decode_page(page.encode("cp1252"), "a.html")
    assert decoded.encoding == "windows-1252 (declared)"
    assert GERMAN + " \u201eZitat\u201c \u2013 5 \u20ac" in decoded.text


@pytest.mark.parametrize("name", ["iso-8859-1", "ISO-8859-1", "latin-1", "us-ascii"])
def test_latin1_and_ascii_declarations_mean_windows_1252(name: str) -> None:
    head = f'<meta http-equiv="Content-Type" content="text/html; charset={name}">'
    decoded = decode_page(_html("Preis 5 \u20ac f\u00fcr \u201eBrot\u201c", head).encode("cp1252"), "a.html")
    assert decoded.encoding == "windows-1252 (declared)"
    assert "Preis 5 \u20ac f\u00fcr \u201eBrot\u201c" in decoded.text  # 0x80 is the euro, not a C1 control


def test_xml_declaration_encoding() -> None:
    page = '<?xml version="1.0" encoding="ISO-8859-15"?>\n<html><body><p>Gr\u00fc\u00dfe 5 \u20ac</p></body></html>'
    decoded = decode_page(page.encode("iso8859-15"), "feed.xhtml")
    assert decoded.encoding == "iso-8859-15 (declared)"
    assert "Gr\u00fc\u00dfe 5 \u20ac" in decoded.text


def test_other_declared_charset_is_honoured() -> None:
    text = "Съешь же ещё этих мягких французских булок"
    decoded = decode_page(_html(text, "<meta charset=koi8-r>").encode("koi8-r"), "a.html")
    assert decoded.encoding == "koi8-r (declared)"
    assert text in decoded.text


def test_unknown_charset_name_is_ignored() -> None:
    decoded = decode_page(_html(GERMAN, '<meta charset="klingon-8">').encode("utf-8"), "a.html")
    assert (decoded.encoding, GERMAN in decoded.text) == ("utf-8", True)


def test_declaration_after_4kb_is_ignored() -> None:
    page = "<html><head>" + "<!-- padding -->" * 400 + '<meta charset="koi8-r"></head><body>Bär</body></html>'
    decoded = decode_page(page.encode("cp1252"), "a.html")
    assert decoded.encoding == "windows-1252 (detected)"
    assert "Bär" in decoded.text


def test_valid_utf8_beats_a_legacy_declaration() -> None:
    decoded = decode_page(_html(GERMAN, '<meta charset="iso-8859-1">').encode("utf-8"), "a.html")
    assert decoded.encoding == "utf-8 (declared charset iso-8859-1 failed)"
    assert GERMAN in decoded.text


def test_undeclared_cyrillic_is_detected() -> None:
    text = "Съешь же ещё этих мягких французских булок, да выпей чаю. Широкая электрификация южных губерний.\n" * 5
    decoded = decode_page(text.encode("cp1251"), "a.txt")
    assert decoded.encoding == "windows-1251 (detected)"
    assert decoded.text == text


def test_undeclared_german_is_windows_1252() -> None:
    text = (GERMAN + " \u201eSo ist es\u201c, sagt er.\n") * 5
    decoded = decode_page(text.encode("cp1252"), "a.txt")
    assert decoded.encoding == "windows-1252 (detected)"
    assert decoded.text == text


def test_nul_bytes_and_invalid_utf8_in_good_text_are_cleaned_and_kept() -> None:
    good = _html(GERMAN * 3)
    raw = good.encode("utf-8")
    middle = len(raw) // 2
    data = raw[:middle] + b"\x00\x00\xff\xc3(" + raw[middle:] + b"\x00" * 100
    decoded = decode_page(data, "a.html")
    assert "\x00" not in decoded.text
    assert decoded.text.count("\ufffd") == 2  # \xff and the cut-off \xc3
    assert decoded.text.replace("\ufffd", "").replace("(", "", 1) == good
    assert decoded.encoding == "utf-8 (2 invalid sequences replaced)"


def test_scattered_nuls_in_valid_utf8_are_removed() -> None:
    decoded = decode_page("Grü\x00ße\x00 aus\x00 Köln".encode("utf-8"), "a.txt")
    assert (decoded.text, decoded.encoding) == ("Grüße aus Köln", "utf-8")


def test_line_ends_are_normalised() -> None:
    decoded = decode_page(b"eins\r\nzwei\rdrei\n\r\nvier", "a.txt")
    assert decoded.text == "eins\nzwei\ndrei\n\nvier"


# --------------------------------------------------------------------------- decode: kind


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("page.HTML", b"just words", "html"),
        ("page.Htm", b"just words", "html"),
        ("page.xhtml.gz", b"just words", "html"),
        ("dir/notes.txt", b"just words, no markup < here", "text"),
        ("notes.txt.gz", b"just words", "text"),
        ("notes.txt", b"\n  <!DOCTYPE html><p>x</p>", "html"),
        ("notes.txt", b"<html><body>x</body></html>", "html"),
        ("notes.txt", b"<?xml version='1.0'?><rss/>", "html"),
        ("notes.txt", b"Intro <div class='a'><p>one</p><p>two</p></div>", "html"),
        ("notes.txt", b"a <b>bold</b> word", "text"),
    ],
)
def test_kind(name: str, data: bytes, kind: str) -> None:
    assert decode_page(data, name).kind == kind


def test_prefetch_reads_ahead_regular_files_only_and_never_raises(tmp_path: Path) -> None:
    import os
    import stat

    from pipeline.read.load import prefetch

    page = tmp_path / "a.html"
    page.write_bytes(b"<html><body><p>Hallo</p></body></html>")
    prefetch(str(page), 1_000_000)  # a regular file: read ahead, nothing to see but no error
    prefetch(str(tmp_path / "missing.html"), 1_000_000)  # reported when read, not here
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    prefetch(str(fifo), 1_000_000)  # opened non-blocking and skipped: must not hang
    prefetch(str(tmp_path), 1_000_000)  # a folder
    assert page.read_bytes().startswith(b"<html>")


def test_a_shard_asks_each_page_file_once_a_window_ahead(monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.tasks as tasks
    from pipeline.records import PageFile

    asked: list[str] = []
    monkeypatch.setattr(tasks, "prefetch", lambda path, limit: asked.append(path))
    pages = [PageFile(source=f"p{i}", path=f"/x/p{i}", size=1, mtime_ns=0) for i in range(40)]
    ahead = tasks._Prefetcher(pages, 100)
    ahead.reached(pages[0])
    assert asked == [p.path for p in pages[: 1 + tasks.PREFETCH_PAGES]]
    for page in pages:
        ahead.reached(page)
    assert asked == [p.path for p in pages]  # each once, in order
