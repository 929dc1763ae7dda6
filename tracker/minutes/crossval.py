"""Does a learnt scorer generalise better than the hand-set weights? A leave-bodies-out check.

    python -m tracker.minutes.crossval tests/data/minutes [--folds 10] [--json]

Only the corpus's development pages are read (never the held-out ones). Every candidate the
generators make on them (prose decisions, motions, lists, directives, action-log rows ...) is
labelled by the judged corpus: a resolution candidate is right when it matches a judged
resolution (as `evaluate` matches them), an action candidate when it matches a judged action on
owner and task. Each candidate is described by what explains it on the review screen: its
generator and the names of its features (quoted words and numbers left out, so "subject is the
Board" and "subject is the Panel" are one feature).

The bodies are split into folds (by the SHA-256 of the body's name); for each fold a logistic
regression is trained on the candidates of the other bodies' pages and judged on this fold's.
The hand-set rule (score = base + weights, taken at `THRESHOLD`) is judged on the same
candidates. Both are reported as precision, recall and F1 over the candidates, with the number
of folds in which each did better. The hand-set weights were tuned on all of these pages, so
the comparison favours them; a learnt scorer that still does better generalises better.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

from .candidates import Candidate, generate
from .evaluate import RESOLUTION_MATCH, TASK_MATCH, Counts, dice, same_owner, words
from .learnt.logistic import predict, train
from .parser import parse_minutes


@dataclass(frozen=True)
class Example:
    body: str
    page: str
    kind: str
    names: frozenset[str]
    rule_taken: bool
    right: bool


_QUOTED_RE = re.compile(r"\([^)]*\)|'[^']*'|\u2018[^\u2019]*\u2019|\d+(?:\.\d+)?")
_SUBJECT_RE = re.compile(r"\bsubject (?:of the sentence )?is (?:the )?\w+")


def feature_name(name: str) -> str:
    """ "subject is the Board" -> "subject is the body"; quoted words and numbers dropped."""
    n = _SUBJECT_RE.sub("subject is the body", name.lower())
    return " ".join(_QUOTED_RE.sub(" ", n).split())


def _names(c: Candidate) -> frozenset[str]:
    return frozenset(
        [f"generator: {c.generator}", f"kind: {c.kind}"] + [feature_name(f) for f, _ in c.features]
    )


def _right(c: Candidate, judged: dict[str, Any]) -> bool:
    if c.kind == "resolution":
        cw = words(c.text)
        return any(dice(words(r["text"]), cw) >= RESOLUTION_MATCH for r in judged["resolutions"])
    return any(
        same_owner(a["owner"], c.owner) and dice(words(a["task"]), words(c.text)) >= TASK_MATCH
        for a in judged["actions"]
    )


def examples(folder: Path) -> list[Example]:
    """Every candidate on the development pages, labelled by the judged corpus."""
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))["files"]
    out: list[Example] = []
    made: list[Candidate] = []

    def recording(*args: Any, **kwargs: Any) -> list[Candidate]:
        cands = generate(*args, **kwargs)
        made.extend(cands)
        return cands

    with mock.patch("tracker.minutes.review.generate", recording):
        for name in sorted(expected):
            judged = expected[name]
            if judged["split"] != "dev":
                continue
            made.clear()
            parse_minutes((folder / "pages" / name).read_text(encoding="utf-8"))
            for c in made:
                if c.kind == "undertaking":
                    continue  # listed for review, never taken: nothing to score
                out.append(
                    Example(judged["body"], name, c.kind, _names(c), c.taken, _right(c, judged))
                )
    return out


def _fold(body: str, folds: int) -> int:
    return int(hashlib.sha256(body.encode("utf-8")).hexdigest(), 16) % folds


def _counts(pairs: Sequence[tuple[bool, bool]]) -> Counts:
    c = Counts()
    for taken, right in pairs:
        c.tp += taken and right
        c.fp += taken and not right
        c.fn += right and not taken
    return c


def crossval(data: Sequence[Example], folds: int = 10) -> dict[str, Any]:
    learnt: list[tuple[bool, bool]] = []
    rules: list[tuple[bool, bool]] = []
    wins = {"learnt": 0, "rules": 0, "tie": 0}
    for k in range(folds):
        test = [ex for ex in data if _fold(ex.body, folds) == k]
        if not test:
            continue
        w = train([ex for ex in data if _fold(ex.body, folds) != k])
        lf = [(predict(w, ex.names) >= 0.5, ex.right) for ex in test]
        rf = [(ex.rule_taken, ex.right) for ex in test]
        learnt += lf
        rules += rf
        a, b = _counts(lf).f1, _counts(rf).f1
        wins["learnt" if a > b else "rules" if b > a else "tie"] += 1
    return {
        "candidates": len(data),
        "right": sum(ex.right for ex in data),
        "bodies": len({ex.body for ex in data}),
        "folds": folds,
        "learnt": _counts(learnt).to_json_dict(),
        "rules": _counts(rules).to_json_dict(),
        "fold_wins": wins,
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tracker.minutes.crossval", description=__doc__)
    ap.add_argument("folder", type=Path, help="the corpus folder (pages/ and expected.json)")
    ap.add_argument("--folds", type=int, default=10, help="folds of bodies (default 10)")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    args = ap.parse_args(argv)
    if not (args.folder / "expected.json").is_file():
        print(f"{args.folder}: no expected.json here", file=sys.stderr)
        return 2
    result = crossval(examples(args.folder), args.folds)
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    print(
        f"{result['candidates']} candidates ({result['right']} right) on the development pages "
        f"of {result['bodies']} bodies, {result['folds']} folds of bodies"
    )
    for label in ("rules", "learnt"):
        c = result[label]
        print(f"  {label:<7} P {c['precision']:.2f} R {c['recall']:.2f} F1 {c['f1']:.2f}")
    print(f"  folds won: {result['fold_wins']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
