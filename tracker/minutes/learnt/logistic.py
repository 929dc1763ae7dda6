"""Logistic regression in pure Python over examples described by feature names.

Deterministic (a fixed example order, no random start), standard library only, so the reader
needs nothing beyond Python to apply a model. `train` is full-batch gradient descent, for a
few thousand examples (the scorer's candidates, `crossval`); `train_sparse` is stochastic
gradient descent with per-feature step sizes (AdaGrad), for tens of thousands (every unit of
every development page).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Sequence
from typing import Protocol


class Labelled(Protocol):
    """An example: the names of its features and whether the judged corpus says it is right."""

    @property
    def names(self) -> frozenset[str]: ...

    @property
    def right(self) -> bool: ...


def train(data: Sequence[Labelled], l2: float = 1.0, rounds: int = 400) -> dict[str, float]:
    """Logistic regression by gradient descent; the weights by feature name, "" the bias."""
    w: dict[str, float] = {"": 0.0}
    n = max(1, len(data))
    rate = 0.5
    for _ in range(rounds):
        grad: dict[str, float] = {}
        for ex in data:
            err = predict(w, ex.names) - (1.0 if ex.right else 0.0)
            grad[""] = grad.get("", 0.0) + err
            for f in ex.names:
                grad[f] = grad.get(f, 0.0) + err
        for f, g in grad.items():
            reg = l2 * w.get(f, 0.0) if f else 0.0
            w[f] = w.get(f, 0.0) - rate * (g + reg) / n
    return w


def _order(data: Sequence[Labelled]) -> list[int]:
    """A fixed order that mixes pages: by a digest of each example's features and position."""
    keys = []
    for k, ex in enumerate(data):
        h = hashlib.sha256(f"{k}|{'|'.join(sorted(ex.names))}".encode()).hexdigest()
        keys.append((h, k))
    return [k for _, k in sorted(keys)]


def train_sparse(
    data: Sequence[Labelled],
    l2: float = 1e-4,
    epochs: int = 8,
    rate: float = 0.3,
    positive_weight: float = 1.0,
) -> dict[str, float]:
    """Logistic regression by AdaGrad SGD; `positive_weight` counts a right example that many
    times (the units holding a decision are few among a page's lines)."""
    w: dict[str, float] = {"": 0.0}
    g2: dict[str, float] = {}
    order = _order(data)
    for _ in range(epochs):
        for k in order:
            ex = data[k]
            y = 1.0 if ex.right else 0.0
            err = (predict(w, ex.names) - y) * (positive_weight if ex.right else 1.0)
            for f in (*ex.names, ""):
                wf = w.get(f, 0.0)
                g = err + (l2 * wf if f else 0.0)
                acc = g2.get(f, 0.0) + g * g
                g2[f] = acc
                w[f] = wf - rate * g / (math.sqrt(acc) + 1e-8)
    return {f: round(v, 6) for f, v in w.items() if f == "" or abs(v) >= 1e-4}


def predict(w: dict[str, float], names: Iterable[str]) -> float:
    z = w.get("", 0.0) + sum(w.get(f, 0.0) for f in names)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
