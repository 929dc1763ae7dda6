"""A piece-level probe for actions (issue 17, branch embed): does the MiniLM embedding of a
piece help seqact's sparse features tell the pieces holding a judged action?

    python -m tracker.minutes.learnt.embed_actions tests/data/minutes    # after --encode

Not seqact's protocol (owner and task matched as `evaluate` matches them, two layouts, a check
on untuned batches): only its pieces (`action_features.spans`) and features
(`unit_actions.sequence_features`) of the 408 training pages as published, labelled as seqact
labels them, 10 folds leaving bodies out, the numpy regression of `embed_model`, and the F1 of
finding the right pieces at the best threshold. Pieces not in the cache are encoded (torch
needed then).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..evaluate import words
from . import UNTUNED_BATCHES
from . import unit_actions_train as uat
from .action_features import spans
from .embed_model import Cache, encode, fit_dense, load_encoder
from .unit_actions import sequence_features

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def pieces(folder: Path) -> list[tuple[str, str, frozenset[str], bool]]:
    """(body, text, features, holds a judged action) of every piece of the training pages
    (seqact's pages less the batches judged after it, 43 and 44)."""
    out = []
    for p in uat.pages(folder):
        if p.judged.get("batch") in UNTUNED_BATCHES:
            continue
        acts = [words(a["task"]) for a in p.judged["actions"]]
        seg = uat.segmented(p.text)
        sps = spans(seg, list(range(len(seg.lines))))
        for sp, names in zip(sps, sequence_features(seg, sps), strict=True):
            sw = words(sp.text)
            out.append((p.body, sp.text, names, any(uat._holds(t, sw) for t in acts)))
    return out


def sparse_columns(
    rows: Sequence[tuple[str, str, frozenset[str], bool]], train: np.ndarray
) -> np.ndarray:
    """0/1 columns of the features on at least 5 training bodies' pages."""
    bodies: dict[str, set[str]] = {}
    for r, t in zip(rows, train, strict=True):
        if t:
            for n in r[2]:
                bodies.setdefault(n, set()).add(r[0])
    col = {n: j for j, n in enumerate(sorted(n for n, b in bodies.items() if len(b) >= 5))}
    x = np.zeros((len(rows), len(col)), np.float32)
    for a, r in enumerate(rows):
        for n in r[2]:
            if n in col:
                x[a, col[n]] = 1.0
    return x


def best_f1(pred: np.ndarray, y: np.ndarray) -> dict[str, Any]:
    best: dict[str, Any] = {"f1": -1.0}
    for t in THRESHOLDS:
        tp = int(((pred >= t) & (y > 0)).sum())
        fp = int(((pred >= t) & (y == 0)).sum())
        fn = int(((pred < t) & (y > 0)).sum())
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best["f1"]:
            best = {"f1": round(f1, 3), "threshold": t, "tp": tp, "fp": fp, "fn": fn}
    return best


def probe(folder: Path, l2s: Sequence[float] = (0.01, 0.1)) -> dict[str, Any]:
    rows = pieces(folder)
    cache = Cache()
    todo = cache.missing([r[1] for r in rows])
    if todo:
        cache.add(todo, encode(load_encoder(1), todo))
        cache.save()
    emb = np.stack([cache.get(r[1]) for r in rows])
    y = np.array([1.0 if r[3] else 0.0 for r in rows])
    fold = np.array([uat.fold_of(r[0], 10) for r in rows])
    out: dict[str, Any] = {"pieces": len(rows), "right": int(y.sum())}
    for variant in ("sparse", "sparse+embedding"):
        for l2 in l2s:
            pred = np.zeros(len(rows))
            for k in range(10):
                test = fold == k
                sp = sparse_columns(rows, ~test)
                x = sp if variant == "sparse" else np.hstack([sp, emb])
                model = fit_dense(x[~test], y[~test], l2, positive_weight=uat.POSITIVE_WEIGHT)
                pred[test] = model.predict(x[test])
            out[f"{variant} l2 {l2:g}"] = best_f1(pred, y)
            print(variant, l2, out[f"{variant} l2 {l2:g}"], file=sys.stderr, flush=True)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m tracker.minutes.learnt.embed_actions", description=__doc__
    )
    ap.add_argument("folder", type=Path)
    args = ap.parse_args(argv)
    print(json.dumps(probe(args.folder), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
