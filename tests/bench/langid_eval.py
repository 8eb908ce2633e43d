#!/usr/bin/env python3
"""Language identification benchmark on the shared langid dev sets.

    python tests/bench/langid_eval.py               # score both sets, check the goals
    python tests/bench/langid_eval.py --calibrate   # also refit the Platt calibration

Runs pipeline.language.detect_language over ../shared/eval/langid-dev/{sentences,short}.jsonl,
writes the predictions ({"text", "lang"} per line) to a temporary folder, runs
../shared/eval/score.py langid on each and prints its report, then prints
ms per call, RSS and the goals:

    sentences: accuracy >= 0.99
    short:     right >= 0.70 and wrong <= 0.10 (null is neither)

It also times detect_language and detect_paragraphs on 1-3 KB "articles" made of
dev sentences.  Exit status 1 when a goal is missed; 0 with a note when the
sets are not there (no ../shared).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

DEFAULT_EVAL = REPO.parent / "shared" / "eval"
SETS = ("sentences", "short")
GOALS = {"sentences": {"right": 0.99}, "short": {"right": 0.70, "wrong": 0.10}}


def rss_mb() -> tuple[float, float]:
    """(current RSS, peak RSS) of this process in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    current = peak
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    current = int(line.split()[1]) / 1024
    except OSError:
        pass
    return current, peak


def read_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def right_wrong(rows: list[dict], preds: list[str | None]) -> tuple[float, float, float]:
    n = len(rows)
    right = sum(1 for r, p in zip(rows, preds) if p is not None and p == r["lang"])
    wrong = sum(1 for r, p in zip(rows, preds) if p is not None and p != r["lang"])
    return right / n, wrong / n, (n - right - wrong) / n


def fit_platt(raw: list[float], ok: list[int]) -> tuple[float, float]:
    """Logistic regression of correctness on logit(raw)."""
    xs = []
    for p in raw:
        p = min(max(p, 1e-9), 1 - 1e-9)
        xs.append(math.log(p / (1 - p)))
    a, b = 1.0, 0.0
    for _ in range(4000):  # plain gradient descent: 2 parameters, convex
        ga = gb = 0.0
        for x, y in zip(xs, ok):
            s = 1.0 / (1.0 + math.exp(-(a * x + b)))
            ga += (s - y) * x
            gb += s - y
        a -= 0.5 * ga / len(xs)
        b -= 0.5 * gb / len(xs)
    return a, b


def article_texts(rows: list[dict], size: int) -> list[list[str]]:
    """Per language, paragraphs of 1-3 dev sentences making ~`size` characters."""
    by_lang: dict[str, list[str]] = {}
    for r in rows:
        by_lang.setdefault(r["lang"], []).append(r["text"])
    articles = []
    for lang in sorted(by_lang):
        texts = by_lang[lang]
        for start in range(0, 60, 20):
            paragraphs, para, total, i = [], [], 0, start
            while total < size and i < len(texts):
                para.append(texts[i])
                total += len(texts[i]) + 1
                if len(para) == 1 + len(paragraphs) % 3:  # paragraphs of 1, 2, 3, 1, ... sentences
                    paragraphs.append(" ".join(para))
                    para = []
                i += 1
            if para:
                paragraphs.append(" ".join(para))
            articles.append(paragraphs)
    return articles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL, help="shared/eval folder")
    parser.add_argument("--calibrate", action="store_true", help="refit the Platt calibration on both sets")
    parser.add_argument("--keep", type=Path, help="write the prediction files here instead of a temp folder")
    parser.add_argument("--verbose", action="store_true", help="pass --verbose to score.py (lists every error)")
    args = parser.parse_args(argv)

    set_dir = args.eval_dir / "langid-dev"
    score_py = args.eval_dir / "score.py"
    if not set_dir.is_dir() or not score_py.is_file():
        print(f"langid dev sets not found under {args.eval_dir}: nothing to measure (skipped)")
        return 0

    rss_start, _ = rss_mb()
    t0 = time.perf_counter()
    import pipeline.language as language

    language.preload()
    load_s = time.perf_counter() - t0
    rss_loaded, _ = rss_mb()
    print(f"models loaded in {load_s:.2f} s; RSS {rss_start:.0f} MB -> {rss_loaded:.0f} MB")

    out_dir = args.keep or Path(tempfile.mkdtemp(prefix="langid-eval-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    failed = False
    raw_all: list[float] = []
    ok_all: list[int] = []
    for name in SETS:
        rows = read_rows(set_dir / f"{name}.jsonl")
        preds: list[str | None] = []
        answers: list[tuple[str | None, float]] = []
        times = []
        for r in rows:
            t = time.perf_counter()
            lang, _ = language.detect_language(r["text"])
            times.append(time.perf_counter() - t)
            preds.append(lang)
            answers.append(language.detect_language(r["text"], min_probability=0.0))
        pred_path = out_dir / f"{name}.pred.jsonl"
        with open(pred_path, "w", encoding="utf-8") as f:
            for r, p in zip(rows, preds):
                f.write(json.dumps({"text": r["text"], "lang": p}, ensure_ascii=False) + "\n")
        cmd = [sys.executable, str(score_py), "langid", "--set", str(set_dir / f"{name}.jsonl"),
               "--predictions", str(pred_path)] + (["--verbose"] if args.verbose else [])
        print(f"\n=== {name}: {' '.join(cmd[1:])}")
        sys.stdout.flush()
        subprocess.run(cmd, check=True)
        right, wrong, null = right_wrong(rows, preds)
        ms = [1000 * t for t in times]
        print(f"{name}: right {right:.3f}  wrong {wrong:.3f}  null {null:.3f}  "
              f"ms/call mean {statistics.fmean(ms):.2f} p50 {statistics.median(ms):.2f} "
              f"p95 {sorted(ms)[int(0.95 * len(ms))]:.2f}")
        table = []
        for th in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
            r_, w_, _ = right_wrong(rows, [lang if p >= th else None for lang, p in answers])
            table.append(f"{th:.1f}: {r_:.3f}/{w_:.3f}")
        print(f"{name}: right/wrong by min_probability  " + "  ".join(table))
        goal = GOALS[name]
        ok = right >= goal["right"] and wrong <= goal.get("wrong", 1.0)
        failed |= not ok
        print(f"{name}: goal right >= {goal['right']}" + (f", wrong <= {goal['wrong']}" if "wrong" in goal else "")
              + f": {'PASS' if ok else 'FAIL'}")
        if args.calibrate:
            for r in rows:
                sample = language._prepare(r["text"])
                if language._letters(sample) < language.MIN_CHARS:
                    continue
                label, p1, p2 = language._posterior(sample).top()
                raw_all.append(p1 / (p1 + p2))  # logit of this is ln(p1 / p2)
                ok_all.append(int(label == r["lang"]))

    # speed on article-sized text
    rows = read_rows(set_dir / "sentences.jsonl")
    print()
    for size in (1000, 3000):
        articles = article_texts(rows, size)
        t = time.perf_counter()
        for paragraphs in articles:
            language.detect_language("\n".join(paragraphs))
        single = 1000 * (time.perf_counter() - t) / len(articles)
        t = time.perf_counter()
        for paragraphs in articles:
            language.detect_paragraphs(paragraphs)
        para = 1000 * (time.perf_counter() - t) / len(articles)
        chars = statistics.fmean(sum(len(p) + 1 for p in a) for a in articles)
        print(f"~{chars:.0f}-char articles ({len(articles)}): detect_language {single:.2f} ms/call, "
              f"detect_paragraphs {para:.2f} ms/call")
    big = ["Dies ist ein langer deutscher Absatz über das Wetter, die Politik und das Leben. " * 8] * 60
    t = time.perf_counter()
    for _ in range(20):
        language.detect_paragraphs(big)
    print(f"{sum(map(len, big)) // 1000} KB article (60 paragraphs): detect_paragraphs "
          f"{1000 * (time.perf_counter() - t) / 20:.2f} ms/call")

    current, peak = rss_mb()
    print(f"\nRSS now {current:.0f} MB, peak {peak:.0f} MB (ru_maxrss; whole process, incl. Python)")
    print(f"predictions in {out_dir}")
    if args.calibrate:
        a, b = fit_platt(raw_all, ok_all)
        print(f"Platt calibration over {len(raw_all)} texts: CALIBRATION_A = {a:.3f}, CALIBRATION_B = {b:.3f} "
              f"(in use: {language.CALIBRATION_A}, {language.CALIBRATION_B})")
    print("ALL GOALS MET" if not failed else "GOAL MISSED")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
