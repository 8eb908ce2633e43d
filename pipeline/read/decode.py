"""Turning a page's bytes into text: binary refusal, encoding choice, clean-up.

Scraped pages arrive in every encoding, often with a declaration that lies,
and some are not text at all. The order of the checks mirrors what a browser
does, with two additions for scraped data:

1. nothing but white space (or zero padding): ``empty``;
2. known file signatures, or a high share of control bytes: ``binary``;
3. byte-order marks (UTF-8, UTF-16, UTF-32);
4. UTF-16 without a BOM, seen in the pattern of NUL bytes;
5. bytes that are valid UTF-8: UTF-8, the fast path for nearly every page
   (one strict decode, no detector). A declaration of a legacy charset on
   valid non-ASCII UTF-8 lost: legacy text is practically never valid UTF-8,
   while templates declaring iso-8859-1 over UTF-8 bodies are common;
6. bytes that are UTF-8 with a few broken sequences (more valid multi-byte
   characters than broken ones): UTF-8 with the broken ones replaced;
7. the declared charset (``<meta charset>``, ``http-equiv``, XML declaration,
   first 4 KB), only when it decodes the bytes strictly;
8. charset_normalizer on a bounded sample, preferring windows-1252 when it
   reads the same or when there are too few non-ASCII bytes for a statistical
   guess; nothing sensible: ``undecodable``.

Like browsers, iso-8859-1, latin-1 and us-ascii mean windows-1252 (their
0x80-0x9F bytes are curly quotes and the euro sign, never C1 controls).
"""

from __future__ import annotations

import codecs
import re

from pipeline.errors import PageRejected
from pipeline.records import Decoded

HTML_SUFFIXES: tuple[str, ...] = (".html", ".htm", ".xhtml")

# File signatures of things scrapers save by mistake under page names.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"\x7fELF", "ELF executable"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"PK\x07\x08", "ZIP archive"),
    (b"\x1f\x8b", "gzip data (compressed twice?)"),
    (b"BZh91AY&SY", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x28\xb5\x2f\xfd", "zstd data"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\x00\x00\x01\x00", "ICO image"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
    (b"OTTO\x00", "OpenType font"),  # the NUL: "OTTO Versand ..." is a fine text start
    (b"\x00\x01\x00\x00\x00", "TrueType font"),
    (b"OggS", "Ogg media"),
    (b"fLaC", "FLAC audio"),
    (b"ID3\x02\x00", "MP3 audio"),  # version bytes: "ID3 tags ..." is a fine text start
    (b"ID3\x03\x00", "MP3 audio"),
    (b"ID3\x04\x00", "MP3 audio"),
    (b"\x1aE\xdf\xa3", "Matroska/WebM media"),
    (b"\x00asm", "WebAssembly module"),
    (b"\xca\xfe\xba\xbe", "Java class / Mach-O binary"),
    (b"\xcf\xfa\xed\xfe", "Mach-O binary"),
    (b"\xce\xfa\xed\xfe", "Mach-O binary"),
    (b"\xfe\xed\xfa\xcf", "Mach-O binary"),
    (b"\xfe\xed\xfa\xce", "Mach-O binary"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office (OLE) document"),
)
_MAGIC_PREFIXES = tuple(m for m, _ in _MAGIC)
_RIFF_KINDS = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}

# C0 controls that never occur in text (TAB, LF, VT, FF, CR and ESC are excluded).
_CONTROL_BYTES = bytes([*range(0x01, 0x09), 0x0E, 0x0F, *range(0x10, 0x1B), *range(0x1C, 0x20), 0x7F])
_SAMPLE = 8192  # bytes looked at for control and NUL shares
_MAX_CONTROL_SHARE = 0.05  # random bytes have ~11 %, text a handful at most
_MAX_NUL_SHARE = 0.25  # scattered NULs are cleaned away, a quarter of the bytes is not text
_HIGH_BYTES = bytes(range(0x80, 0x100))
_THIN_EVIDENCE = 0.01  # share of non-ASCII bytes below which the detector is not asked
_DECL_WINDOW = 4096
_DETECT_WINDOW = 64 * 1024

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # UTF-32 first: its LE BOM begins with the UTF-16 LE BOM.
    (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8", "utf-8"),
    (b"\xff\xfe", "utf-16-le", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be", "utf-16-be"),
)

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.()+-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:()+-]+)["']""", re.IGNORECASE)

# Names browsers remap (WHATWG Encoding Standard) or Python spells differently.
_CHARSET_ALIASES: dict[str, str] = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "iso_8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "latin5": "cp1254",
    "iso-8859-11": "cp874",
    "tis-620": "cp874",
    "windows-874": "cp874",
    "gb2312": "gbk",
    "x-sjis": "shift_jis",
    "iso-8859-8-i": "iso8859-8",
    "x-mac-roman": "mac-roman",
}
# Codecs that exist in Python but are no page encoding (or are refused by browsers
# for safety, like UTF-7); a page declaring them is decoded as if it declared nothing.
_REFUSED_CODECS = frozenset(
    {"idna", "punycode", "unicode-escape", "raw-unicode-escape", "undefined", "utf-7", "palmos"}
)
# A meta tag readable as ASCII cannot be in UTF-16/32: browsers read such a
# declaration as UTF-8, and so do we (by ignoring it).
_WIDE_CODECS = frozenset({"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"})

# Characters no sensible decoding produces in bulk: replacement, C0 and C1 controls.
_GARBAGE = re.compile("[\ufffd\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")

_HTML_STARTS = ("<!doctype", "<html", "<?xml", "<head", "<body")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>")
_MIN_TAGS = 3  # "several tags" in the first KB make a .txt page HTML


def decode_page(data: bytes, name: str) -> Decoded:
    """Decode a page's ``data`` into clean text and tell whether it is HTML.

    ``name`` is the page's file name or source path (``.gz`` is ignored); it
    decides the kind together with the text itself. The text has LF line ends
    and no NUL characters. ``Decoded.encoding`` names the encoding and how it was
    chosen, e.g. ``"utf-8"``, ``"utf-16-le (bom)"``, ``"windows-1252 (declared)"``.

    Raises :class:`PageRejected` with ``"empty"``, ``"binary"`` or ``"undecodable"``.

    >>> decode_page(b"<p>Gr\\xc3\\xbc\\xc3\\x9fe</p>\\r\\n", "a.html")
    Decoded(text='<p>Grüße</p>\\n', kind='html', encoding='utf-8')
    """
    # Trailing zero padding (pre-allocated or crash-truncated downloads) is no content.
    if not data.rstrip(b"\x00").strip():
        raise PageRejected("empty", "no bytes" if not data else "only white space or NUL padding")
    text, encoding = _decode(data)
    text = clean_text(text)
    if not text.strip():
        raise PageRejected("empty", "only white space")
    return Decoded(text=text, kind=page_kind(text, name), encoding=encoding)


def clean_text(text: str) -> str:
    """Remove NUL characters and a leading BOM, turn CRLF and lone CR into LF."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def page_kind(text: str, name: str) -> str:
    """``"html"`` for an HTML file name or text that looks like HTML, else ``"text"``."""
    base = name.lower()
    if base.endswith(".gz"):
        base = base[:-3]
    if base.endswith(HTML_SUFFIXES):
        return "html"
    head = text[:1024].lstrip(" \t\n\r\f\v\ufeff").lower()
    if head.startswith(_HTML_STARTS):
        return "html"
    if len(_TAG.findall(head)) >= _MIN_TAGS:
        return "html"
    return "text"


def binary_kind(data: bytes) -> str | None:
    """What binary format ``data`` is, by signature, or None when none is known."""
    if data.startswith(_MAGIC_PREFIXES):
        for magic, what in _MAGIC:
            if data.startswith(magic):
                return what
    if data.startswith(b"RIFF") and data[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[data[8:12]]
    if data[4:8] == b"ftyp":
        return "MP4/QuickTime media"
    if data.startswith(b"MZ") and (b"PE\x00\x00" in data[:1024] or b"DOS mode" in data[:1024]):
        return "Windows executable"
    return None


def _decode(data: bytes) -> tuple[str, str]:
    """The text of ``data`` and the encoding label, or PageRejected."""
    what = binary_kind(data)
    if what is not None:
        raise PageRejected("binary", what)

    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return _decode_lenient(data[len(bom) :], codec), f"{label} (bom)"

    sample = data[:_SAMPLE]
    if sample.count(0) * 8 >= len(sample):  # cheap gate: UTF-16 ASCII text is ~50 % NUL
        wide = _utf16_without_bom(sample)
        if wide is not None:
            return _decode_lenient(data, wide), f"{wide} (no bom)"
    # Not UTF-16, so trailing NULs are padding: they must not count against the text.
    data = data.rstrip(b"\x00")
    _refuse_control_bytes(data[:_SAMPLE])

    # Fast path: nearly every page is valid UTF-8.
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if data.isascii():
            return text, "utf-8"
        declared = declared_charset(data)
        if declared is None or declared[0] == "utf-8":
            return text, "utf-8"
        return text, f"utf-8 (declared charset {declared[1]} failed)"

    lenient = data.decode("utf-8", errors="replace")
    replaced = lenient.count("\ufffd")
    broken = replaced - data.count(b"\xef\xbf\xbd")  # a genuine U+FFFD is not breakage
    multibyte = len(lenient) - len(lenient.encode("ascii", "ignore")) - replaced
    # Legacy 8-bit text has (almost) no valid multi-byte sequences; damaged UTF-8 has
    # more of them than damage.
    if multibyte > broken:
        return lenient, f"utf-8 ({broken} invalid sequences replaced)"

    declared = declared_charset(data)
    if declared is not None and declared[0] != "utf-8":
        codec = declared[0]
        try:
            return data.decode(codec), f"{_label(codec)} (declared)"
        except UnicodeDecodeError:
            pass  # the declaration lies; let the detector judge the bytes

    return _detect(data)


def _decode_lenient(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        # A BOM or NUL pattern settles the encoding; a stray odd byte or lone
        # surrogate is damage to replace, not a reason to reject the page.
        return data.decode(codec, errors="replace")


def _utf16_without_bom(sample: bytes) -> str | None:
    """"utf-16-le" / "utf-16-be" when NULs sit on one byte position only."""
    half = len(sample) // 2
    if half < 2:
        return None
    even_nuls = sample[0 : 2 * half : 2].count(0)
    odd_nuls = sample[1 : 2 * half : 2].count(0)
    # Mostly-ASCII UTF-16 has a NUL in every high byte; ordinary text has none in either.
    if odd_nuls >= 0.3 * half and even_nuls <= 0.05 * half:
        return "utf-16-le"
    if even_nuls >= 0.3 * half and odd_nuls <= 0.05 * half:
        return "utf-16-be"
    return None


def _refuse_control_bytes(sample: bytes) -> None:
    size = len(sample)
    controls = size - len(sample.translate(None, _CONTROL_BYTES))
    if controls > _MAX_CONTROL_SHARE * size:
        raise PageRejected("binary", f"control bytes are {controls * 100 // size}% of the first {size} bytes")
    nuls = sample.count(0)
    if nuls > _MAX_NUL_SHARE * size:
        raise PageRejected("binary", f"NUL bytes are {nuls * 100 // size}% of the first {size} bytes")


def declared_charset(data: bytes) -> tuple[str, str] | None:
    """The charset the page declares in its first 4 KB: (Python codec, name as written).

    Browser remappings apply (iso-8859-1, latin-1 and us-ascii give cp1252);
    unknown, non-text and wide (UTF-16/32) names give None.
    """
    head = data[:_DECL_WINDOW]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if match is None:
        return None
    raw_name = match.group(1).decode("ascii").strip().lower()
    codec = normalise_charset(raw_name)
    return None if codec is None else (codec, raw_name)


def normalise_charset(name: str) -> str | None:
    """The Python codec for a declared charset name, or None when it is no usable page encoding."""
    name = name.strip().lower()
    name = _CHARSET_ALIASES.get(name, name)
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _REFUSED_CODECS:
        return None
    if info.name in _WIDE_CODECS:
        return None
    if info.name in ("iso8859-1", "ascii", "latin-1"):
        return "cp1252"
    return "utf-8" if info.name in ("utf-8", "utf-8-sig") else info.name


def _label(codec: str) -> str:
    """The WHATWG-style name of a Python codec, for ``Decoded.encoding``."""
    name = codecs.lookup(codec).name.replace("_", "-")
    if name.startswith("cp125") and len(name) == 6:
        return "windows-" + name[2:]
    if name == "cp874":
        return "windows-874"
    if name.startswith("iso8859-"):
        return "iso-8859-" + name[len("iso8859-") :]
    return name


def _detect(data: bytes) -> tuple[str, str]:
    """Decode with the encoding charset_normalizer finds on a bounded sample."""
    # Imported here: only pages that are neither UTF-8 nor honestly declared need it.
    from charset_normalizer import from_bytes

    sample = data[:_DETECT_WINDOW]
    if len(data) > _DETECT_WINDOW:
        # Cut at a line end: LF is one byte in every ASCII-compatible encoding and
        # never a trail byte of a multi-byte character, so no character is cut.
        cut = sample.rfind(b"\n")
        if cut > _DETECT_WINDOW // 2:
            sample = sample[: cut + 1]
    high = len(sample) - len(sample.translate(None, _HIGH_BYTES))
    if high < _THIN_EVIDENCE * len(sample):
        # A few high bytes in ASCII text are too little for a statistical guess
        # (it returns Urdu or Thai code pages); the most common legacy encoding wins.
        try:
            return data.decode("cp1252"), "windows-1252 (detected)"
        except UnicodeDecodeError:
            pass
    best = from_bytes(sample).best()
    if best is None:
        raise PageRejected("undecodable", "no encoding gives sensible text")
    codec = normalise_detected(best.encoding, sample, str(best))
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        # Only the sample was checked; damage further on is replaced, not fatal.
        text = data.decode(codec, errors="replace")
    if _garbage_share(text[:_DETECT_WINDOW]) > 0.10:
        raise PageRejected("undecodable", f"best guess {_label(codec)} gives garbage")
    return text, f"{_label(codec)} (detected)"


def normalise_detected(codec: str, sample: bytes, sample_text: str) -> str:
    """Prefer windows-1252 over a detected single-byte charset that reads the same.

    For short Western texts the detector often names a sibling (windows-1250,
    iso-8859-15, latin-1) that decodes the umlauts identically; windows-1252 is
    by far the most common of them on the web, and what browsers fall back to.
    """
    codec = codecs.lookup(codec).name
    if codec in ("utf-8", "utf-8-sig"):
        return "utf-8"
    if codec in ("cp1252",):
        return codec
    try:
        as_1252 = sample.decode("cp1252")
    except UnicodeDecodeError:
        return codec
    if codec in ("iso8859-1", "ascii") or as_1252 == sample_text:
        return "cp1252"
    return codec


def _garbage_share(text: str) -> float:
    if not text:
        return 0.0
    return len(_GARBAGE.findall(text)) / len(text)
