"""``reinschrift diff OUT_A OUT_B``: what changed between two runs (after editing a rule).

Pages kept in B but not A (added), kept in A but not B (removed, with B's reject reason), kept in
both with another text or title (a unified diff per page), and the lines removed per rule in
each run. Reads ``articles.jsonl``, ``rejects.jsonl`` and ``report.json`` of both folders.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.write import ARTICLES_JSONL, REJECTS_JSONL, REPORT_JSON


def _by_source(path: Path) -> dict[str, dict[str, Any]]:
    out = {}
    try:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    item = json.loads(line)
                    out[item["source"]] = item
    except FileNotFoundError:
        pass
    return out


@dataclass
class RunDiff:
    added: list[str] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)  # (source, B's reject reason or "absent")
    changed: list[tuple[str, list[str]]] = field(default_factory=list)  # (source, unified diff lines)
    rules: list[tuple[str, int, int]] = field(default_factory=list)  # (rule, count in A, count in B)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.rules)


def diff_runs(out_a: str | Path, out_b: str | Path, context: int = 3) -> RunDiff:
    a, b = Path(out_a), Path(out_b)
    articles_a, articles_b = _by_source(a / ARTICLES_JSONL), _by_source(b / ARTICLES_JSONL)
    rejects_b = _by_source(b / REJECTS_JSONL)
    result = RunDiff()
    result.added = sorted(articles_b.keys() - articles_a.keys())
    result.removed = [(s, rejects_b[s]["reason"] if s in rejects_b else "absent")
                      for s in sorted(articles_a.keys() - articles_b.keys())]
    for source in sorted(articles_a.keys() & articles_b.keys()):
        old, new = articles_a[source], articles_b[source]
        if old.get("text") == new.get("text") and old.get("title") == new.get("title"):
            continue
        before = [f"# {old.get('title')}"] + old.get("text", "").split("\n")
        after = [f"# {new.get('title')}"] + new.get("text", "").split("\n")
        lines = list(difflib.unified_diff(before, after, f"a/{source}", f"b/{source}", n=context, lineterm=""))
        result.changed.append((source, lines))
    counts_a = _rule_counts(a)
    counts_b = _rule_counts(b)
    result.rules = [(rule, counts_a.get(rule, 0), counts_b.get(rule, 0))
                    for rule in sorted(counts_a.keys() | counts_b.keys())
                    if counts_a.get(rule, 0) != counts_b.get(rule, 0)]
    return result


def _rule_counts(out: Path) -> dict[str, int]:
    try:
        return json.loads((out / REPORT_JSON).read_text(encoding="utf-8")).get("removed_by_rule", {})
    except FileNotFoundError:
        return {}


def format_diff(diff: RunDiff, *, max_pages: int = 0) -> str:
    """The diff as text: a summary, the rule counts, then each page (``max_pages`` > 0 limits)."""
    out = [f"{len(diff.added)} pages added, {len(diff.removed)} removed, {len(diff.changed)} changed, "
           f"{len(diff.rules)} rules fired a different number of times"]
    if diff.rules:
        out.append("\n== lines removed per rule (A -> B)")
        out += [f"  {rule}: {old} -> {new} ({new - old:+d})" for rule, old, new in diff.rules]
    if diff.added:
        out.append("\n== added (kept in B only)")
        out += [f"+ {source}" for source in diff.added]
    if diff.removed:
        out.append("\n== removed (kept in A only; B's reason)")
        out += [f"- {source} ({reason})" for source, reason in diff.removed]
    shown = diff.changed[:max_pages] if max_pages > 0 else diff.changed
    for _source, lines in shown:
        out.append("")
        out += lines
    if len(shown) < len(diff.changed):
        out.append(f"\n... {len(diff.changed) - len(shown)} more changed pages (raise --max-pages)")
    return "\n".join(out) + "\n"
