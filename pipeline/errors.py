"""Errors that end a page's journey as a documented reject, and config errors."""

from __future__ import annotations

# The fixed, documented list of reject reasons (README "Output format").
REJECT_REASONS: dict[str, str] = {
    "empty": "the file has no content, or only white space",
    "binary": "the bytes are not text (image, PDF, executable, random data)",
    "undecodable": "no encoding turns the bytes into sensible text, or the compressed stream is broken",
    "too_large": "the page is over the size bound in config, before or after decompression, or a text dump over limits.max_html_chars",
    "no_article": "no article: index, category or tag page, 404 page, cookie wall, script-only page",
    "too_short": "the clean text is shorter than article.min_chars in config",
    "language_not_allowed": "the detected language is not in article.allowed_languages",
    "timeout": "cleaning the page took longer than limits.page_timeout_seconds",
    "crashed": "the page crashed its worker process twice (or was stuck in C code past twice the time budget)",
    "unreadable": "the file could not be opened or read (permissions, vanished, not a regular file)",
}


class PageRejected(Exception):
    """A page that cannot become an article, with one of :data:`REJECT_REASONS`."""

    def __init__(self, reason: str, detail: str = "") -> None:
        if reason not in REJECT_REASONS:
            raise ValueError(f"unknown reject reason {reason!r}")
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


class ConfigError(Exception):
    """A configuration that is refused at start: names the file, the key and the problem."""

    def __init__(self, file: str, key: str, problem: str) -> None:
        super().__init__(f"{file}: {key}: {problem}")
        self.file = file
        self.key = key
        self.problem = problem
