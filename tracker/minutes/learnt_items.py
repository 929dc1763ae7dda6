"""Retrain or check the item-number ranking (`item_ranking`) on the judged corpus.

    python -m tracker.minutes.learnt_items tests/data/minutes [--crossval] [--json] [--check]

With no option it retrains the weights on the development pages (less the untuned samples) and
writes `item_weights.json` with two digests: of the pages and judgements, and of the examples
the reader made of them. Training is deterministic (fixed order, no random start): the same
examples give the same weights. The examples also depend on the reader's rules, so a change to
the rules changes them even when the corpus is the same. `--check` says whether the shipped
weights are still what a retrain would write. `--crossval` prints the leave-bodies-out table
(folds by the SHA-256 of the body's name) of items right by the rules and by the ranking, as
published and re-laid out.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from . import item_training
from .item_ranking import WEIGHTS


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tracker.minutes.learnt_items", description=__doc__)
    ap.add_argument("folder", type=Path, help="the corpus folder (pages/ and expected.json)")
    ap.add_argument("--crossval", action="store_true", help="print the leave-bodies-out table")
    ap.add_argument("--folds", type=int, default=10, help="folds of bodies (default 10)")
    ap.add_argument("--json", action="store_true", help="print the table as JSON")
    ap.add_argument(
        "--check", action="store_true", help="exit 1 unless a retrain would write the same weights"
    )
    ap.add_argument("--out", type=Path, default=WEIGHTS, help="where to write the weights")
    args = ap.parse_args(argv)
    if not (args.folder / "expected.json").is_file():
        print(f"{args.folder}: no expected.json here", file=sys.stderr)
        return 2
    groups = item_training.groups(args.folder)
    if args.check:
        return _check(args.folder, groups, args.out)
    if args.crossval:
        table = item_training.crossval(groups, args.folds)
        print(json.dumps(table, indent=1) if args.json else item_training.table_text(table))
        return 0
    table = item_training.crossval(groups, args.folds)
    print(item_training.table_text(table))
    model = item_training.model(args.folder, groups, table)
    args.out.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    state = f"on at margin {model['margin']}" if model["switched_on"] else "off"
    print(
        f"wrote {args.out}: {len(model['weights'])} weights from {model['resolutions']} "
        f"resolutions on {model['pages']} pages, digest {model['digest'][:12]}, examples digest "
        f"{model['examples_digest'][:12]}, switched {state}"
    )
    return 0


def _check(folder: Path, groups: list[item_training.Group], shipped_at: Path) -> int:
    """0 when the shipped weights are what a retrain would write; says which part differs."""
    shipped = json.loads(shipped_at.read_text(encoding="utf-8")) if shipped_at.is_file() else {}
    same_pages = shipped.get("digest") == item_training.digest(folder)
    same_examples = shipped.get("examples_digest") == item_training.examples_digest(groups)
    same_weights = shipped.get("weights") == item_training.fit(groups)
    print(
        f"pages and judgements {'unchanged' if same_pages else 'changed'}; examples the reader "
        f"makes of them {'unchanged' if same_examples else 'changed'}; weights "
        f"{'reproduced' if same_weights else 'not reproduced (a retrain would write others)'}"
    )
    return 0 if same_pages and same_examples and same_weights else 1


if __name__ == "__main__":
    raise SystemExit(main())
