"""``OUT/report.html``: the run report people open in a browser the next morning.

One self-contained file: styles inline, plots inline SVG drawn with matplotlib (no JavaScript
library, no network; a few lines of plain script filter the tables). Built from the run's own
files, so ``reinschrift report OUT`` rebuilds it at any time:

* ``report.json``: pages read, kept, rejected by reason, skipped, rule and repair counts, times;
* ``articles.jsonl``: languages, text lengths, rules and repairs per language (a seeked sample
  of :data:`SAMPLE_ARTICLES` lines when the file is large, so big runs pay milliseconds);
* ``rejects.jsonl``: the reject table (first :data:`MAX_ROWS` rows);
* ``.work/clean/*.jsonl``: per-page CPU times for the slowest pages (only the ``timings`` tail of
  each line is parsed).

Why matplotlib: static SVG is a few kB per plot, needs no script to show, prints, and renders
the same in every browser; plotly inline would add ~3.5 MB of JavaScript to every report.
"""

from __future__ import annotations

import heapq
import html
import io
import json
import random
import re
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import quote

from pipeline.write import ARTICLES_JSONL, REJECTS_JSONL, REPORT_JSON, article_relpath, atomic_write

REPORT_HTML = "report.html"
SAMPLE_ARTICLES = 5000  # articles read for the distributions when articles.jsonl is large
FULL_READ_BYTES = 64 << 20  # articles.jsonl up to this size is read whole
MAX_ROWS = 500  # rows per table
SLOWEST = 25
_SHARD_FILE = re.compile(r"shard-\d+-of-\d+\.jsonl")


def _read_lines(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if line.strip():
                    out.append(json.loads(line))
                    if limit is not None and len(out) >= limit:
                        break
    except FileNotFoundError:
        pass
    return out


def sample_articles(path: Path, n: int = SAMPLE_ARTICLES, seed: int = 0) -> tuple[list[dict[str, Any]], bool]:
    """The articles (all of them, or ``n`` lines at random byte offsets), and whether sampled."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return [], False
    if size <= FULL_READ_BYTES:
        return _read_lines(path), False
    rng = random.Random(seed)
    seen: set[int] = set()
    out = []
    with path.open("rb") as handle:
        for _ in range(n * 2):
            handle.seek(rng.randrange(size))
            handle.readline()  # the rest of the line the offset fell into
            start = handle.tell()
            line = handle.readline()
            if not line.strip() or start in seen:
                continue
            seen.add(start)
            out.append(json.loads(line))
            if len(out) >= n:
                break
    return out, True


def slowest_pages(clean_dir: Path, n: int = SLOWEST) -> list[tuple[float, str, dict[str, float], str | None]]:
    """``(cpu seconds, source, timings, article id or None)`` of the ``n`` slowest pages in the clean shards.

    The id is read from the page's own record (only for the pages that make the list), so the
    links point at the files the run wrote, without importing the pipeline to recompute it.
    """
    marker = '"timings": '
    heap: list[tuple[float, str, dict[str, float], str | None]] = []
    decoder = json.JSONDecoder()
    for path in sorted(clean_dir.glob("shard-*.jsonl")):
        if not _SHARD_FILE.fullmatch(path.name):  # shard-k-of-n.jsonl only, not its .articles/.rejects
            continue
        with path.open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                at = line.rfind(marker)
                try:
                    if at < 0:
                        raise ValueError("no timings at the end")
                    timings, _ = decoder.raw_decode(line, at + len(marker))
                    source, _ = decoder.raw_decode(line, line.index(":") + 2)
                    kept = '"article": true' in line[: line.find('"result"')]
                    if not isinstance(timings, dict) or not isinstance(source, str):
                        raise ValueError("unexpected layout")
                except (ValueError, IndexError):
                    entry = json.loads(line)
                    timings, source, kept = entry.get("timings", {}), entry.get("source", "?"), bool(entry.get("article"))
                    if not isinstance(timings, dict):
                        continue
                total = sum(v for v in timings.values() if isinstance(v, (int, float)))
                if len(heap) >= n and total <= heap[0][0]:
                    continue
                item = (total, source, timings, _article_id(line, decoder) if kept else None)
                if len(heap) < n:
                    heapq.heappush(heap, item)
                else:
                    heapq.heapreplace(heap, item)
    return sorted(heap, key=lambda t: (-t[0], t[1]))


def _article_id(line: str, decoder: json.JSONDecoder) -> str | None:
    """The ``id`` of a kept page's clean record (``"result": {"id": ...`` comes first when written)."""
    marker = '"result": {"id": '
    at = line.find(marker)
    if at >= 0:
        try:
            value, _ = decoder.raw_decode(line, at + len(marker))
        except ValueError:
            value = None
        if isinstance(value, str):
            return value
    result = json.loads(line).get("result")
    value = result.get("id") if isinstance(result, dict) else None
    return value if isinstance(value, str) else None


# --- plots ---------------------------------------------------------------------------------
#
# Laid out by hand instead of savefig(bbox_inches="tight"): "tight" draws every figure twice
# (once to measure it, once to write it), and the figures here are simple enough to measure
# from their texts. Each plot area keeps the size it has on a 7.5 in matplotlib figure with
# the default margins, and the figure is sized around it: the labels' widths plus fixed parts
# (ticks, pads, one text line per title or axis label) plus a border as wide as "tight"'s.

_TITLE_SIZE, _LABEL_SIZE, _BAR_TEXT_SIZE = 11.0, 9.0, 8.0  # points; _LABEL_SIZE: axis and tick labels
# rcParams for the report's figures, set only while they are made (rc_context): text stays
# text in the SVG, and a fixed salt makes the clip-path ids the same in every build.
_RC = {"svg.fonttype": "none", "svg.hashsalt": "reinschrift", "font.size": _LABEL_SIZE}
_BORDER = 7.2  # points of blank border around a figure (savefig.pad_inches, 0.1 in)
_BAR_LABEL_PAD = 3.0  # points between a bar's end and its value
_POWER = re.compile(r"\$\\mathdefault\{(?:([\d.]+)\\times)?(\d+)\^\{(-?\d+)\}\}\$")
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _figure(height: float) -> tuple[Any, Any]:
    """A 7.5 in wide figure with one axes on the SVG canvas: the object API, so pyplot (its
    global figure registry and backend selection, ~0.1 s to import) is never loaded."""
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure

    fig = Figure(figsize=(7.5, height), dpi=72)  # 72: the dpi the SVG backend draws at
    FigureCanvasSVG(fig)
    return fig, fig.subplots()


def _text_width(text: str, size: float) -> float:
    """Width in points of one line of plain text in the figures' font, as matplotlib sets it."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    width, _, _ = text_to_path.get_text_width_height_descent(text, FontProperties(size=size), ismath=False)
    return float(width)


def _tick_room(axis: str) -> float:
    """Points from the plot area's edge to its tick labels (tick length and pad)."""
    import matplotlib

    return float(matplotlib.rcParams[f"{axis}tick.major.size"] + matplotlib.rcParams[f"{axis}tick.major.pad"])


def _plot_size(fig: Any, ax: Any) -> tuple[float, float]:
    box = ax.get_position()
    width, height = fig.get_size_inches()
    return box.width * width * 72, box.height * height * 72


def _x_tick_reach(ax: Any) -> float:
    """How far the x tick labels reach past the right end of the plot area, in points."""
    to_axes = ax.transScale + ax.transLimits
    width, _ = _plot_size(ax.figure, ax)
    reach = 0.0
    for locs, formatter in ((ax.xaxis.get_majorticklocs(), ax.xaxis.get_major_formatter()),
                            (ax.xaxis.get_minorticklocs(), ax.xaxis.get_minor_formatter())):
        for loc, label in zip(locs, formatter.format_ticks(locs)):
            at = to_axes.transform((loc, 0))[0]
            if label and -1e-9 <= at <= 1 + 1e-9:  # matplotlib draws the ticks in view only
                reach = max(reach, (at - 1) * width + _text_width(label, _LABEL_SIZE) / 2)
    return reach


def _fit(fig: Any, ax: Any, left: float, right: float) -> None:
    """Size the figure around its plot area: ``left``/``right`` are the points the axes'
    texts need beside it; below are the x tick labels and the x label, above the title."""
    import matplotlib

    width, height = _plot_size(fig, ax)
    bottom = _tick_room("x") + _LABEL_SIZE + float(ax.xaxis.labelpad) + _LABEL_SIZE
    top = float(matplotlib.rcParams["axes.titlepad"]) + _TITLE_SIZE  # one line of title
    left, right, bottom, top = (max(0.0, side) + _BORDER for side in (left, right, bottom, top))
    total_width, total_height = left + width + right, bottom + height + top
    fig.set_size_inches(total_width / 72, total_height / 72)
    ax.set_position((left / total_width, bottom / total_height, width / total_width, height / total_height))


def _svg(fig: Any) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None})  # no date: the same bytes every build
    text = buffer.getvalue()
    return text[text.find("<svg"):]


def _barh_figure(items: list[tuple[str, float]], title: str, xlabel: str, color: str) -> Any:
    labels = [label for label, _ in items][::-1]
    values = [value for _, value in items][::-1]
    fig, ax = _figure(0.32 * len(items) + 0.9)
    bars = ax.barh(labels, values, color=color)
    ax.bar_label(bars, fmt="%g", padding=_BAR_LABEL_PAD, fontsize=_BAR_TEXT_SIZE)
    ax.set_title(title, fontsize=_TITLE_SIZE, loc="left")
    ax.set_xlabel(xlabel)
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(axis="y", labelsize=_BAR_TEXT_SIZE)
    width, _ = _plot_size(fig, ax)
    low, high = ax.get_xlim()
    ends = [((value - low) / (high - low) - 1) * width + _BAR_LABEL_PAD + _text_width(f"{value:g}", _BAR_TEXT_SIZE)
            for value in values]  # the value labels past the bars' ends
    left = max(_text_width(label, _BAR_TEXT_SIZE) for label in labels) + _tick_room("y")
    _fit(fig, ax, left, max(ends + [_x_tick_reach(ax)]))
    return fig


def _barh(items: list[tuple[str, float]], title: str, xlabel: str, color: str = "#4c72b0") -> str:
    if not items:
        return f"<p class=empty>{html.escape(title)}: nothing to show</p>"
    return _svg(_barh_figure(items, title, xlabel, color))


def _unicode_power(label: str) -> str:
    r"""A log-axis label of matplotlib's as plain text, other labels as they are.

    >>> _unicode_power(r"$\mathdefault{10^{3}}$"), _unicode_power(r"$\mathdefault{2\times10^{-1}}$")
    ('10³', '2\u2009×\u200910⁻¹')
    >>> _unicode_power("250")
    '250'
    """
    match = _POWER.fullmatch(label)
    if not match:
        return label
    coefficient, base, exponent = match.groups()
    times = f"{coefficient}\u2009×\u2009" if coefficient else ""  # thin spaces, as mathtext sets \times
    return times + base + exponent.translate(_SUPERSCRIPT)


def _plain_log_formatter() -> Any:
    """matplotlib's log-axis labels (10³, 2×10³) in plain text, not mathtext: the same labels,
    without mathtext's parser (half the cost of the histogram) and measurable as plain text."""
    from matplotlib.ticker import LogFormatterSciNotation

    class PlainLogFormatter(LogFormatterSciNotation):
        def __call__(self, x: float, pos: int | None = None) -> str:
            return _unicode_power(super().__call__(x, pos))

    return PlainLogFormatter()


def _histogram_figure(lengths: list[int], title: str) -> Any:
    import numpy as np

    fig, ax = _figure(2.8)
    low, high = max(1, min(lengths)), max(lengths)
    bins = np.geomspace(low, max(high, low * 1.01), 30)
    ax.hist(lengths, bins=bins, color="#55a868")
    ax.set_xscale("log")
    ax.xaxis.set_major_formatter(_plain_log_formatter())
    ax.xaxis.set_minor_formatter(_plain_log_formatter())
    ax.set_title(title, fontsize=_TITLE_SIZE, loc="left")
    ax.set_xlabel("characters of text (log scale)")
    ax.set_ylabel("articles")
    ax.spines[["top", "right"]].set_visible(False)
    y_ticks = ax.yaxis.get_majorticklocs()
    y_labels = ax.yaxis.get_major_formatter().format_ticks(y_ticks)
    y_low, y_high = ax.get_ylim()
    widest = max((_text_width(label, _LABEL_SIZE) for tick, label in zip(y_ticks, y_labels)
                  if y_low - 1e-9 <= tick <= y_high + 1e-9), default=0.0)
    _fit(fig, ax, widest + _tick_room("y") + float(ax.yaxis.labelpad) + _LABEL_SIZE, _x_tick_reach(ax))
    return fig


def _histogram(lengths: list[int], title: str) -> str:
    if not lengths:
        return f"<p class=empty>{html.escape(title)}: no articles</p>"
    return _svg(_histogram_figure(lengths, title))


# --- html ----------------------------------------------------------------------------------

_CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1em 1.5em;color:#222}
h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ddd}
.cards{display:flex;gap:1em;flex-wrap:wrap}.card{background:#f4f6f8;border-radius:6px;padding:.6em 1em;min-width:8em}
.card b{display:block;font-size:1.6em}.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(480px,1fr));gap:1em}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{text-align:left;padding:3px 6px;border-bottom:1px solid #eee;vertical-align:top}
th{background:#f4f6f8;position:sticky;top:0}td.num{text-align:right;font-variant-numeric:tabular-nums}
.muted,.empty{color:#777}input.filter{margin:.4em 0;padding:3px 6px;width:20em}svg{max-width:100%;height:auto}
code{font-size:12px}
"""

_SCRIPT = """
document.querySelectorAll("input.filter").forEach(function (box) {
  var rows = document.querySelectorAll("#" + box.dataset.table + " tbody tr");
  box.addEventListener("input", function () {
    var needle = box.value.toLowerCase();
    rows.forEach(function (row) {
      row.style.display = row.textContent.toLowerCase().indexOf(needle) >= 0 ? "" : "none";
    });
  });
});
"""


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def _link(source: str, article_id: str) -> str:
    return "articles/" + quote(article_relpath(source, article_id))


def _table(table_id: str, head: list[str], rows: list[list[str]], total: int, filterable: bool = True) -> str:
    parts = []
    if filterable and rows:
        parts.append(f'<input class=filter data-table="{table_id}" placeholder="filter rows…" aria-label="filter">')
    parts.append(f'<table id="{table_id}"><thead><tr>' + "".join(f"<th>{h}</th>" for h in head) + "</tr></thead><tbody>")
    parts.extend("<tr>" + "".join(row) + "</tr>" for row in rows)
    parts.append("</tbody></table>")
    if total > len(rows):
        parts.append(f"<p class=muted>{total - len(rows)} more not shown (see the JSON Lines files).</p>")
    return "".join(parts)


def build_report_html(out_dir: str | Path) -> Path:
    """Write ``OUT/report.html`` from the run's files; returns its path.

    The same run folder gives the same bytes (no build time, no SVG dates, fixed SVG ids).
    """
    import matplotlib

    out = Path(out_dir)
    with matplotlib.rc_context(_RC):
        text = _report_text(out)
    path = out / REPORT_HTML
    atomic_write(path, text)
    return path


def _report_text(out: Path) -> str:
    report_path = out / REPORT_JSON
    report = json.loads(report_path.read_text(encoding="utf-8"))
    # the run's time (report.json written), not the build's: a rebuild gives the same bytes
    written = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(report_path.stat().st_mtime))
    articles, sampled = sample_articles(out / ARTICLES_JSONL)
    rejects = _read_lines(out / REJECTS_JSONL, limit=MAX_ROWS)
    slow = slowest_pages(out / ".work" / "clean")

    kept, rejected = report.get("kept", 0), report.get("rejected", {})
    skipped = report.get("skipped", {})
    n_rejected, n_skipped = sum(rejected.values()), sum(skipped.values())
    outcome = [("kept", kept)] + [(f"rejected: {r}", c) for r, c in sorted(rejected.items(), key=lambda kv: -kv[1])]
    outcome += [(f"skipped: {r}", c) for r, c in sorted(skipped.items(), key=lambda kv: -kv[1])]

    times = report.get("time_seconds", {})
    steps = [(f"{step} (cpu)", round(v, 3)) for step, v in report.get("cpu_seconds_by_step", {}).items()]
    steps += [(f"{k} (wall)", v) for k, v in times.items() if isinstance(v, (int, float))]

    by_lang_rules: dict[str, Counter[str]] = defaultdict(Counter)
    by_lang_repairs: dict[str, Counter[str]] = defaultdict(Counter)
    for article in articles:
        lang = article.get("language") or "null"
        by_lang_rules[lang].update(article.get("removed", {}))
        by_lang_repairs[lang].update(article.get("repairs", {}))
    lengths = [len(a.get("text", "")) for a in articles]
    sample_note = f" (a sample of {len(articles)} articles)" if sampled else ""

    parts = [
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>",
        "<meta name=viewport content='width=device-width,initial-scale=1'>",
        f"<title>Reinschrift run report – {_e(out.name)}</title><style>{_CSS}</style></head><body>",
        f"<h1>Reinschrift run report</h1><p class=muted>{_e(out.resolve())} · run finished "
        f"{written} · pipeline {_e(report.get('pipeline', {}).get('version'))}, "
        f"config {_e(report.get('pipeline', {}).get('config'))}</p>",
        "<div class=cards>",
    ]
    for label, value in [("pages read", report.get("pages_read", 0)), ("kept", kept), ("rejected", n_rejected),
                         ("skipped", n_skipped),
                         ("wall seconds", times["wall"]) if "wall" in times else
                         ("CPU seconds", round(sum(report.get("cpu_seconds_by_step", {}).values()), 2))]:
        parts.append(f"<div class=card><b>{_e(value)}</b>{_e(label)}</div>")
    parts.append("</div>")

    parts.append("<h2>Pages</h2><div class=grid>")
    parts.append(_barh(outcome, "Pages kept, rejected by reason, skipped", "pages"))
    parts.append(_barh(list(report.get("languages", {}).items())[:20], "Languages of kept articles", "articles", "#8172b2"))
    parts.append("</div>")
    parts.append(_histogram(lengths, "Text length" + sample_note))

    parts.append("<h2>Rules and repairs</h2><div class=grid>")
    parts.append(_barh(list(report.get("removed_by_rule", {}).items())[:20], "Top removal rules (lines removed)", "lines", "#c44e52"))
    parts.append(_barh(list(report.get("repairs_by_name", {}).items())[:20], "Top repairs", "repairs", "#dd8452"))
    parts.append("</div>")
    rows = []
    for lang in sorted(by_lang_rules.keys() | by_lang_repairs.keys(), key=lambda l: (-sum(by_lang_rules[l].values()), l)):
        top_rules = ", ".join(f"{_e(r)} <span class=muted>{c}</span>" for r, c in by_lang_rules[lang].most_common(5))
        top_repairs = ", ".join(f"{_e(r)} <span class=muted>{c}</span>" for r, c in by_lang_repairs[lang].most_common(5))
        rows.append([f"<td>{_e(lang)}</td>", f"<td>{top_rules or '–'}</td>", f"<td>{top_repairs or '–'}</td>"])
    parts.append(f"<h3>Per language{_e(sample_note)}</h3>")
    parts.append(_table("per-language", ["language", "top removal rules", "top repairs"], rows, len(rows), filterable=False))

    parts.append("<h2>Time</h2>")
    parts.append(_barh(steps, "Time per step (seconds)", "seconds", "#937860"))
    rows = []
    for total, source, timings, article_id in slow:
        link = f'<a href="{_e(_link(source, article_id))}">{_e(source)}</a>' if article_id else _e(source)
        detail = ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in timings.items())
        rows.append([f"<td>{link}</td>", f"<td class=num>{total * 1000:.0f}</td>", f"<td>{_e(detail)}</td>"])
    parts.append("<h3>Slowest pages (CPU)</h3>")
    parts.append(_table("slowest", ["page", "ms", "per step"], rows, len(rows)))

    parts.append(f"<h2>Rejects ({n_rejected})</h2>")
    rows = [[f"<td>{_e(r['source'])}</td>", f"<td>{_e(r['reason'])}</td>", f"<td>{_e(r.get('detail'))}</td>"] for r in rejects]
    parts.append(_table("rejects", ["page", "reason", "detail"], rows, n_rejected))

    parts.append(f"<h2>Articles ({kept})</h2>")
    shown = _read_lines(out / ARTICLES_JSONL, limit=MAX_ROWS) if sampled else articles[:MAX_ROWS]
    rows = [[f'<td><a href="{_e(_link(a["source"], a["id"]))}">{_e(a["source"])}</a></td>', f"<td>{_e(a.get('title'))}</td>",
             f"<td>{_e(a.get('language'))}</td>", f"<td class=num>{len(a.get('text', ''))}</td>",
             f"<td class=num>{sum(a.get('removed', {}).values())}</td>"] for a in shown]
    parts.append(_table("articles", ["article JSON", "title", "language", "characters", "lines removed"], rows, kept))
    parts.append(f"<script>{_SCRIPT}</script></body></html>\n")
    return "".join(parts)


def try_build_report_html(out_dir: str | Path) -> Path | None:
    """:func:`build_report_html` for the end of a run: a report that fails never fails the run."""
    import logging

    try:
        return build_report_html(out_dir)
    except Exception as exc:  # noqa: BLE001 - the articles are written; the report is a view of them
        logging.getLogger("reinschrift").warning("report.html not written: %s: %s", type(exc).__name__, exc)
        return None


__all__ = ["REPORT_HTML", "build_report_html", "try_build_report_html", "sample_articles", "slowest_pages"]
