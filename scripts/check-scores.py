#!/usr/bin/env python3
"""Compares a score.py --json result with scripts/score-floors.json.

usage: check-scores.py TASK SCORE_JSON   (TASK: ner | quotes | timex)
Prints each metric against its target and floor; exits 1 when one falls below its floor.
"""
import json
import sys
from pathlib import Path


def lookup(result, dotted):
    for part in dotted.split("."):
        result = result[part]
    return result


def main():
    task, score_path = sys.argv[1], sys.argv[2]
    floors = json.loads((Path(__file__).parent / "score-floors.json").read_text())[task]
    result = json.loads(Path(score_path).read_text())
    failed = False
    for metric, bounds in floors.items():
        value = lookup(result, metric) or 0.0
        status = "ok" if value >= bounds["target"] else "below target"
        if value < bounds["floor"]:
            status, failed = "REGRESSION (below floor)", True
        print(f"{task:7} {metric:36} {value:.4f}  target {bounds['target']:.2f}  floor {bounds['floor']:.2f}  {status}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
