"""Precision and recall of the deduplication rule on the project's labelled pairs.

    .venv/bin/python benchmarks/dedup.py [tests/data/dedup_pairs.jsonl]

Each line of the labelled file is a pair of reports (shorthand event records) with
``same`` (true when a careful reader says they report one event) and ``same_article``. Prints
precision and recall of "merge" decisions, overall and within / across articles, and lists the
pairs the rule gets wrong.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from thucydides.dedup import report, same_event
from thucydides.ontology import cameo_code

DEFAULT = Path(__file__).resolve().parent.parent / "tests" / "data" / "dedup_pairs.jsonl"


def actor(code: str) -> dict[str, Any]:
    country = code[:3] if code[:3].isalpha() and code[:3] not in ("IGO", "NGO") else None
    rest = code[3:]
    sectors = [rest[i : i + 3] for i in range(0, len(rest), 3)]
    return {"code": code, "country": country, "sectors": sectors, "name": None, "text": code}


def expand(short: dict[str, Any]) -> dict[str, Any]:
    """A full event record from the shorthand of the labelled file."""
    code = cameo_code(short["cameo"])
    place = short.get("place")
    return {
        "event_id": "x",
        "article_id": "x",
        "cameo": short["cameo"],
        "plover": short.get("plover"),
        "plover_mode": short.get("plover_mode"),
        "goldstein": code.goldstein,
        "quad_class": code.quad_class,
        "actors": [actor(c) for c in short.get("actors", [])],
        "recipients": [actor(c) for c in short.get("recipients", [])],
        "factual": short.get("factual", True),
        "date": short.get("date"),
        "date_precision": short.get("precision", "day") if short.get("date") else None,
        "location": None
        if not place
        else {"name": place[0], "country": place[1], "precision": place[2]},
    }


def score(path: Path = DEFAULT) -> dict[str, Any]:
    pairs = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    counts = {scope: {"tp": 0, "fp": 0, "fn": 0, "tn": 0} for scope in ("all", "within", "across")}
    wrong = []
    for p in pairs:
        merged = same_event(
            report(expand(p["a"])), report(expand(p["b"])), same_article=p["same_article"]
        )
        key = {(True, True): "tp", (True, False): "fp", (False, True): "fn", (False, False): "tn"}[
            (merged, p["same"])
        ]
        for scope in ("all", "within" if p["same_article"] else "across"):
            counts[scope][key] += 1
        if merged != p["same"]:
            wrong.append(f"{p['id']}: rule says {'same' if merged else 'different'} ({p['note']})")
    result: dict[str, Any] = {"pairs": len(pairs), "wrong": wrong}
    for scope, c in counts.items():
        result[scope] = {
            "precision": c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0,
            "recall": c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0,
            **c,
        }
    return result


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    result = score(path)
    print(f"{result['pairs']} labelled pairs in {path}")
    for scope in ("all", "within", "across"):
        r = result[scope]
        print(
            f"{scope:>7}: precision {r['precision']:.3f}  recall {r['recall']:.3f}  "
            f"(tp {r['tp']}, fp {r['fp']}, fn {r['fn']}, tn {r['tn']})"
        )
    for line in result["wrong"]:
        print("  wrong:", line)


if __name__ == "__main__":
    main()
