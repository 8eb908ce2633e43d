"""The plain records the steps hand to each other (no Luigi, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class PageFile:
    """One page file found under the input folder (slots: a 1M-page manifest is held by the
    scheduling process and shared by every task it forks, so each byte per page counts)."""

    source: str  # path relative to the input folder, "/"-separated: the article's `source`
    path: str  # absolute path on disk
    size: int
    mtime_ns: int
    # a page inside a container file (a WARC record, a JSON Lines line): its byte offset in
    # ``path`` and how to read it ("warc", or "jsonl:<html field>:<url field>"); -1 = a whole file
    offset: int = -1
    member: str = ""

    @property
    def key(self) -> str:
        """What decides whether a cached result for this page is still good."""
        if self.offset >= 0:
            return f"{self.source}\x00{self.size}\x00{self.mtime_ns}\x00{self.offset}\x00{self.member}"
        return f"{self.source}\x00{self.size}\x00{self.mtime_ns}"


@dataclass(frozen=True)
class Decoded:
    """A page's bytes turned into text."""

    text: str
    kind: str  # "html" or "text"
    encoding: str  # how it was decoded, e.g. "utf-8", "cp1252 (declared)", "utf-16-le (bom)"


@dataclass(frozen=True)
class Removal:
    """A line the cleaner removed, and the rule that removed it."""

    rule: str
    line: str


@dataclass(frozen=True)
class Repair:
    """A repair applied to the text: which one, and the text around it before and after."""

    name: str
    before: str
    after: str


@dataclass
class Extracted:
    """What extraction found on a page: metadata and body paragraphs, still uncleaned."""

    paragraphs: list[str]
    title: str | None = None
    date: str | None = None
    author: str | None = None
    sitename: str | None = None
    url: str | None = None
    kind: str = "html"
    encoding: str = ""
    listing: str = ""  # why the page looks like an index/category page, or "" for an article
    removed: list[Removal] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
