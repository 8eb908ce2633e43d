"""Score the encoding repairs on ftfy's test cases (the encoding-dev set).

    python tests/bench/encoding_eval.py [CASES] [--verbose]

CASES defaults to ../shared/eval/encoding-dev/cases.jsonl (next to the repo).
Runs pipeline.repair.fix_encoding_with_log on each case's "in", writes the
predictions to a temporary JSONL file, runs ../shared/eval/score.py encoding on
it and prints its figures, plus a check that no curly quote was straightened.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from pipeline.repair import fix_encoding_with_log  # noqa: E402

DEFAULT_CASES = ROOT.parent / "shared" / "eval" / "encoding-dev" / "cases.jsonl"
CURLY = "„“”‚‘’»«"


def predict(cases: list[dict]) -> list[dict]:
    return [{"in": case["in"], "out": fix_encoding_with_log(case["in"])[0]} for case in cases]


def straightened(cases: list[dict], predictions: list[dict]) -> int:
    """Cases where a curly quote of the expected encoding fix came out straight."""
    count = 0
    for case, pred in zip(cases, predictions):
        expected = case.get("out_encoding", case["out"])
        if sum(expected.count(q) for q in CURLY) > sum(pred["out"].count(q) for q in CURLY):
            count += 1
    return count


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    verbose = "--verbose" in argv
    cases_path = Path(args[0]) if args else DEFAULT_CASES
    if not cases_path.exists():
        print(f"no cases file at {cases_path}", file=sys.stderr)
        return 2
    scorer = cases_path.resolve().parents[1] / "score.py"
    cases = [json.loads(line) for line in cases_path.read_text(encoding="utf-8").split("\n") if line.strip()]
    predictions = predict(cases)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as handle:
        for pred in predictions:
            handle.write(json.dumps(pred, ensure_ascii=False) + "\n")
        pred_path = handle.name
    print(f"cases {cases_path} ({len(cases)}), predictions {pred_path}")
    if scorer.exists():
        command = [sys.executable, str(scorer), "encoding", "--set", str(cases_path), "--predictions", pred_path]
        if verbose:
            command.append("--verbose")
        subprocess.run(command, check=True)
    else:
        print(f"(no scorer at {scorer}; scoring here)")
    either = sum(
        p["out"] in (c["out"], c.get("out_encoding", c["out"])) for c, p in zip(cases, predictions)
    ) / len(cases)
    print(f"either {either:.3f}; curly quotes straightened in {straightened(cases, predictions)} cases")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
