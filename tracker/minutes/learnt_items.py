"""Retrain or check the item-number ranking (`item_ranking`) on the judged corpus.

    python -m tracker.minutes.learnt_items tests/data/minutes [--crossval] [--json]

With no option it retrains the weights on the development pages (less the untuned samples) and
writes `item_weights.json` with a digest of what they were trained on; the same corpus gives
the same weights. `--crossval` prints the leave-bodies-out table (folds by the SHA-256 of the
body's name) of items right by the rules and by the ranking, as published and re-laid out.
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
    ap.add_argument("--out", type=Path, default=WEIGHTS, help="where to write the weights")
    args = ap.parse_args(argv)
    if not (args.folder / "expected.json").is_file():
        print(f"{args.folder}: no expected.json here", file=sys.stderr)
        return 2
    groups = item_training.groups(args.folder)
    if args.crossval:
        table = item_training.crossval(groups, args.folds)
        print(json.dumps(table, indent=1) if args.json else item_training.table_text(table))
        return 0
    table = item_training.crossval(groups, args.folds)
    print(item_training.table_text(table))
    model = item_training.model(args.folder, groups, table)
    args.out.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(
        f"wrote {args.out}: {len(model['weights'])} weights from {model['resolutions']} "
        f"resolutions on {model['pages']} pages, digest {model['digest'][:12]}, "
        f"switched {'on' if model['switched_on'] else 'off'}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
