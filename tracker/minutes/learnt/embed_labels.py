"""Does a pretrained sentence embedding make the labeller over all units generalise? (issue 17,
branch embed). An experiment, not wired into the reader.

    python -m tracker.minutes.learnt.embed_labels tests/data/minutes --encode     # cache to /tmp
    python -m tracker.minutes.learnt.embed_labels tests/data/minutes --crossval
    python -m tracker.minutes.learnt.embed_labels tests/data/minutes --untuned --variant NAME
    python -m tracker.minutes.learnt.embed_labels tests/data/minutes --speed

The labeller over all units (`unit_labels`, `unit_train`) learnt from hand-named sparse
features and read 0.66 alone. Here each sentence is described by the all-MiniLM-L6-v2
embedding (384 numbers) of its text, optionally of its neighbours and its item heading too, and
optionally beside the sparse features; a plain logistic regression (numpy) reads it. The pages,
labels, folds, combination rule and the untuned readers are `unit_train`'s, so the figures
compare with seqres's. Only dev pages are read (`unit_train.load` refuses any other).

torch and sentence_transformers are needed only to encode (`--encode`, `--speed`); they are not
the project's dependencies: install them in a venv of your own (tests/data/minutes/README.md,
"A pretrained sentence embedding"). Encodings are cached under `CACHE`.

Result (that README section): the embedding alone read 0.48 in the crossval, beside the sparse
features 0.677 against the sparse features' own 0.688; with the untuned readers it gained
+0.013 / +0.004 on 33-36 / 37-39 against the +0.02 written beforehand, and it encodes 31 s per
100 KB on this machine against the import's 2 s. Not wired into the reader.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..parser import parse_minutes, prepared
from ..segment import segment
from . import UNTUNED_BATCHES
from . import unit_train as ut
from .embed_model import (
    L2S,
    PARTS,
    VARIANTS,
    Cache,
    best_alone,
    encode,
    f1_of,
    fit_dense,
    folds_of,
    labelled,
    load_encoder,
    matrix,
    model_dir,
    page_contexts,
    page_scores,
    sparse_vocab,
)
from .embed_numpy import NumpyMiniLM

# -- the runs ----------------------------------------------------------------------------------


def _contexts(folder: Path, pages: Sequence[ut.Page]) -> dict[str, list[dict[str, str]]]:
    return {p.name: page_contexts(folder, p) for p in pages}


def _check_pages(folder: Path) -> list[ut.Page]:
    names = ut.dev_names(folder, set(UNTUNED_BATCHES))
    return ut.load(folder, names)


def run_encode(folder: Path, threads: int) -> dict[str, Any]:
    pages = ut.load(folder, ut.dev_names(folder, None)) + _check_pages(folder)
    ctx = _contexts(folder, pages)
    cache = Cache()
    texts = [c[part] for p in pages for c in ctx[p.name] for part in PARTS]
    todo = cache.missing(texts)
    t0 = time.perf_counter()
    if todo:
        model = load_encoder(threads)
        for i in range(0, len(todo), 2048):
            cache.add(todo[i : i + 2048], encode(model, todo[i : i + 2048]))
            cache.save()
    return {"pages": len(pages), "encoded": len(todo), "seconds": time.perf_counter() - t0}


def crossval(
    folder: Path, variants: Sequence[str], l2s: Sequence[float] = L2S, cache_to: Path | None = None
) -> dict[str, Any]:
    """Each variant and L2 read alone, leaving bodies out; the combination grid is scored for
    the embedding variant with the best model-alone F1 only (the one the check takes)."""
    pages = ut.load(folder, ut.dev_names(folder, None))
    ctx = _contexts(folder, pages)
    cache = Cache()
    split = folds_of(pages)
    out: dict[str, Any] = {
        "pages": len(pages),
        "positives": sum(1 for p in pages for y in p.labels if y),
    }
    preds_of: dict[str, dict[str, list[float]]] = {}
    for name in variants:
        var = VARIANTS[name]
        for l2 in l2s:
            preds: dict[str, list[float]] = {}
            for test in split:
                if not test:
                    continue
                held = set(test)
                tr = [p for i, p in enumerate(pages) if i not in held]
                te = [pages[i] for i in test]
                vocab = sparse_vocab(tr) if var.sparse else []
                x, y = labelled(tr, matrix(tr, ctx, cache, var, vocab))
                m = fit_dense(x, y, l2)
                preds.update(page_scores(te, m, matrix(te, ctx, cache, var, vocab)))
            rows: dict[str, Any] = {}
            for t in ut.ALONE:
                rows[f"model alone {t:.2f}"] = ut._sum(
                    pages, {p.name: ut.alone(p, preds[p.name], t) for p in pages}
                ).to_json_dict()
            best, f1 = best_alone(rows)
            key = f"{name} l2 {l2:g}"
            preds_of[key] = preds
            out[key] = {"best alone": best, "best alone F1": f1, "rows": rows}
            print(f"{key}: {best} F1 {f1:.3f}", file=sys.stderr, flush=True)
            if cache_to:
                cache_to.write_text(json.dumps(out, indent=1))
    embedded = [k for k in preds_of if VARIANTS[k.split(" l2 ")[0]].parts]
    if embedded:
        chosen = max(embedded, key=lambda k: round(out[k]["best alone F1"], 4))
        preds = preds_of[chosen]
        for p in pages:
            p.reader = ut._as_dicts(
                parse_minutes((folder / "pages" / p.name).read_text(encoding="utf-8"))
            )
        grid: dict[str, Any] = {}
        for a, v in ut.GRID:
            grid[ut._lab(a, v)] = ut._sum(
                pages, {p.name: ut.combine(p, preds[p.name], p.reader, a, v) for p in pages}
            ).to_json_dict()
        best_a, best_v = max(
            ut.GRID, key=lambda av: (round(f1_of(grid[ut._lab(*av)]), 4), av[0], -av[1])
        )
        out["chosen"] = {"variant": chosen, "grid": grid, "best": ut._lab(best_a, best_v)}
    return out


UNTUNED: dict[str, tuple[frozenset[int], str | None]] = {
    "33-36 (reader 088bf7e)": (frozenset({33, 34, 35, 36}), "088bf7e"),
    "37-39 (reader e0549f4)": (frozenset({37, 38, 39}), "e0549f4"),
    "40-44 (today's reader)": (frozenset({40, 41, 42, 43, 44}), None),
}


def untuned(
    folder: Path,
    variant: str,
    l2: float,
    alone_at: float,
    settings: Sequence[tuple[float, float]],
    roots: str = "/tmp/embed-{}",
) -> dict[str, Any]:
    """One model on the training pages; each untuned group read by its reader alone, the model
    alone at `alone_at`, and the reader with the model (`unit_train.combine`) at `settings`."""
    var = VARIANTS[variant]
    train = ut.load(folder, ut.dev_names(folder, None))
    cache = Cache()
    tctx = _contexts(folder, train)
    vocab = sparse_vocab(train) if var.sparse else []
    x, y = labelled(train, matrix(train, tctx, cache, var, vocab))
    model = fit_dense(x, y, l2)
    out: dict[str, Any] = {"variant": variant, "l2": l2}
    for label, (batches, commit) in UNTUNED.items():
        pages = ut.load(folder, ut.dev_names(folder, set(batches)))
        names = [p.name for p in pages]
        if commit is None:
            found = {
                n: ut._as_dicts(parse_minutes((folder / "pages" / n).read_text(encoding="utf-8")))
                for n in names
            }
        else:
            found = ut.old_reader(Path(roots.format(commit)), folder, names)
        preds = page_scores(
            pages, model, matrix(pages, _contexts(folder, pages), cache, var, vocab)
        )
        rows = {
            "(a) reader alone": ut._sum(
                pages, {p.name: ut.combine(p, preds[p.name], found[p.name], 1.01, 0) for p in pages}
            ),
            f"(b) model alone {alone_at:.2f}": ut._sum(
                pages, {p.name: ut.alone(p, preds[p.name], alone_at) for p in pages}
            ),
        }
        for a, v in settings:
            rows[f"(c) {ut._lab(a, v)}"] = ut._sum(
                pages, {p.name: ut.combine(p, preds[p.name], found[p.name], a, v) for p in pages}
            )
        out[label] = {"pages": len(pages), "rows": {k: s.to_json_dict() for k, s in rows.items()}}
    return out


def speed(folder: Path, threads: int, kb: int = 100, numpy: bool = False) -> dict[str, Any]:
    """Encode speed: the training pages in name order until `kb` KB of text, segmented,
    split into sentences and every sentence encoded (no cache); `numpy`: by `embed_numpy`
    (its threads are numpy's: set OMP_NUM_THREADS), its vectors compared with the cache's."""
    from .unit_labels import page_sentences

    names = ut.dev_names(folder, None)
    texts: list[str] = []
    size = 0
    for n in names:
        t = (folder / "pages" / n).read_text(encoding="utf-8")
        texts.append(t)
        size += len(t.encode("utf-8"))
        if size >= kb * 1024:
            break
    model = NumpyMiniLM(model_dir()) if numpy else load_encoder(threads)
    encode(model, ["warm up the model"])
    t0 = time.perf_counter()
    sents = [s.text for t in texts for s in page_sentences(segment(prepared(t)))]
    t1 = time.perf_counter()
    vecs = encode(model, sents)
    t2 = time.perf_counter()
    per = 100 * 1024 / size
    cache = Cache()
    cached = [i for i, t in enumerate(sents) if t and not cache.missing([t])]
    cos = [float(vecs[i] @ cache.get(sents[i])) for i in cached]
    return {
        "encoder": "numpy" if numpy else "sentence-transformers",
        "lowest cosine with the cached vectors": min(cos) if cos else None,
        "threads": threads,
        "pages": len(texts),
        "bytes": size,
        "sentences": len(sents),
        "split seconds per 100 KB": (t1 - t0) * per,
        "encode seconds per 100 KB": (t2 - t1) * per,
        "sentences per second": len(sents) / (t2 - t1),
    }


def _table(rows: dict[str, Any]) -> str:
    out = []
    for lab, s in rows.items():
        r = s["resolutions"]
        tp, fp, fn = r["tp"], r["fp"], r["fn"]
        p = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        out.append(f"  {lab:<42} P {p:.3f} R {rc:.3f} F1 {f1_of(s):.3f}  (tp {tp} fp {fp} fn {fn})")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m tracker.minutes.learnt.embed_labels", description=__doc__
    )
    ap.add_argument("folder", type=Path)
    ap.add_argument("--encode", action="store_true")
    ap.add_argument("--crossval", action="store_true")
    ap.add_argument("--untuned", action="store_true")
    ap.add_argument("--speed", action="store_true")
    ap.add_argument("--variant", action="append", default=[], choices=sorted(VARIANTS))
    ap.add_argument("--l2", type=float, default=1e-2)
    ap.add_argument("--alone", type=float, default=0.5)
    ap.add_argument("--setting", action="append", default=[], metavar="ADD,VETO")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--numpy", action="store_true", help="with --speed: embed_numpy's encoder")
    ap.add_argument("--out", type=Path, help="with --crossval: write each variant's rows here")
    args = ap.parse_args(argv)
    if args.encode:
        print(json.dumps(run_encode(args.folder, args.threads)))
    elif args.speed:
        print(json.dumps(speed(args.folder, args.threads, numpy=args.numpy), indent=1))
    elif args.crossval:
        res = crossval(args.folder, args.variant or list(VARIANTS), cache_to=args.out)
        print(json.dumps(res, indent=1))
    elif args.untuned:
        settings = [(float(a), float(v)) for a, v in (s.split(",") for s in args.setting)]
        res = untuned(args.folder, (args.variant or ["context"])[0], args.l2, args.alone, settings)
        for lab, g in res.items():
            if isinstance(g, dict):
                print(f"dev pages of batches {lab}, {g['pages']} pages")
                print(_table(g["rows"]))
        print(json.dumps(res), file=sys.stderr)
    else:
        ap.print_help()
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
