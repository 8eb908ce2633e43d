"""``reinschrift evaluate``: score a run's output against a set folder's ``gold.json``.

The method is trafilatura's evaluation (as ../shared/eval/score.py implements it), written here
so the project needs nothing outside itself: whitespace runs become one space, each ``with``
segment found in the article text is a true positive, each ``without`` found a false positive;
a page with no article counts its ``with`` as missed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

_WS = re.compile(r"\s+")


def norm(text: str | None) -> str:
    return _WS.sub(" ", text or "").strip()


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _match(source: str, keys: set[str]) -> str | None:
    """The gold key a source names: exact, or the unique key it ends with / that ends with it."""
    if source in keys:
        return source
    parts = source.split("/")
    for i in range(1, len(parts)):
        if "/".join(parts[i:]) in keys:
            return "/".join(parts[i:])
    found = [k for k in keys if k.endswith("/" + source)]
    return found[0] if len(found) == 1 else None


def score(gold: dict[str, dict[str, Any]], articles: list[dict[str, Any]], rejects: list[dict[str, Any]]) -> dict[str, Any]:
    """Segment precision/recall/F1, language and title accuracy, reject accuracy, per page."""
    keys = set(gold)
    got = {k: a for a in articles if (k := _match(a["source"], keys))}
    refused = {k for r in rejects if (k := _match(r["source"], keys))}
    tp = fp = fn = tn = 0
    lang_n = lang_ok = title_n = title_ok = rej_ok = 0
    pages = []
    for key in sorted(gold):
        item, article = gold[key], got.get(key)
        text = norm(article["text"]) if article else None
        withs, withouts = item.get("with") or [], item.get("without") or []
        missed = withs if text is None else [w for w in withs if norm(w) not in text]
        leaked = [] if text is None else [w for w in withouts if norm(w) in text]
        tp += len(withs) - len(missed)
        fn += len(missed)
        fp += len(leaked)
        tn += len(withouts) - len(leaked)
        page: dict[str, Any] = {"source": key, "missed": missed, "leaked": leaked}
        if item.get("lang"):
            lang_n += 1
            predicted = (article or {}).get("language")
            lang_ok += predicted == item["lang"]
            if predicted != item["lang"]:
                page["language"] = [item["lang"], predicted]
        if item.get("title"):
            title_n += 1
            predicted = (article or {}).get("title")
            ok = isinstance(predicted, str) and norm(predicted) == norm(item["title"])
            title_ok += ok
            if not ok:
                page["title"] = [item["title"], predicted]
        expect = item.get("expect", "article")
        rej_ok += (key in refused and key not in got) if expect == "reject" else key in got
        pages.append(page)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {
        "f1": 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0,
        "precision": precision,
        "recall": recall,
        "language_accuracy": lang_ok / lang_n if lang_n else None,
        "title_exact": title_ok / title_n if title_n else None,
        "reject_accuracy": rej_ok / len(gold) if gold else None,
        "pages": len(gold),
        "missing": sum(1 for k in gold if k not in got and k not in refused),
        "per_page": pages,
    }


def evaluate_set(set_dir: Path, out_dir: Path, *, verbose: bool = False) -> str:
    gold = json.loads((set_dir / "gold.json").read_text(encoding="utf-8"))
    result = score(gold, _read_jsonl(out_dir / "articles.jsonl"), _read_jsonl(out_dir / "rejects.jsonl"))
    lines = []
    if verbose:
        for page in result["per_page"]:
            if len(page) > 1 and any(page[k] for k in page if k != "source"):
                lines.append(f"{page['source']}:")
                lines += [f"  missed:  {m}" for m in page["missed"]]
                lines += [f"  leaked:  {m}" for m in page["leaked"]]
                if "language" in page:
                    lines.append(f"  language: gold {page['language'][0]}, got {page['language'][1]}")
                if "title" in page:
                    lines.append(f"  title: gold {page['title'][0]!r}, got {page['title'][1]!r}")

    def fmt(value: float | None) -> str:
        return "-" if value is None else f"{value:.3f}"

    lines.append(
        f"F1 {fmt(result['f1'])} P {fmt(result['precision'])} R {fmt(result['recall'])} "
        f"lang {fmt(result['language_accuracy'])} title {fmt(result['title_exact'])} "
        f"rejects {fmt(result['reject_accuracy'])} pages {result['pages']} missing {result['missing']}"
    )
    return "\n".join(lines)
