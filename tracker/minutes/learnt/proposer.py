"""The learnt proposer: resolution candidates in sentences no rule read.

After the keyword reader and the rule generators, every sentence of a unit they left is scored
by a logistic regression (`features`, weights in `resolutions.json`, trained on the corpus's
development pages only by `python -m tracker.minutes.learnt.train`). A sentence scoring at
least the model's threshold becomes a candidate from generator "learnt", taken; one scoring
between `review_from` and the threshold goes to the review list as unsure. Either way its `why`
names the features that weighed most ("model 0.91: 'it was <decided>', the line before is
'resolved'"). The weights are read on the first page that needs them, not at import.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..scoring import Candidate
from ..segment import Segmented
from .features import bare, flat, unit_sentences
from .logistic import predict

WEIGHTS = Path(__file__).with_name("resolutions.json")
NEVER = 1.01  # a threshold no probability reaches: proposals go to review only
_WORD_RE = re.compile(r"[a-z0-9]+")
# a sentence this short or long is not one resolution (a label; a page flattened into one unit)
_MIN_WORDS, _MAX_WORDS = 3, 120


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    threshold: float  # taken at or above
    review_from: float  # listed as unsure at or above, below the threshold
    # used on flattened pages only (`features.flat`): the leave-bodies-out check found its
    # proposals right there and wrong elsewhere (README)
    flat_only: bool = False

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Model:
        return cls(
            dict(data["weights"]),
            float(data["threshold"]),
            float(data["review_from"]),
            bool(data.get("flat_only", False)),
        )

    def reads(self, seg: Segmented) -> bool:
        return flat(seg) or not self.flat_only


@lru_cache(maxsize=1)
def shipped() -> Model | None:
    """The weights shipped in the package (None if the file is missing)."""
    if not WEIGHTS.is_file():
        return None
    return Model.from_json(json.loads(WEIGHTS.read_text(encoding="utf-8")))


_override: list[Model | None] = []


@contextmanager
def using(model: Model | None) -> Iterator[None]:
    """Read pages with `model` (None: the rules alone) instead of the shipped weights."""
    _override.append(model)
    try:
        yield
    finally:
        _override.pop()


_recorders: list[list[tuple[Segmented, list[int]]]] = []


@contextmanager
def recording() -> Iterator[list[tuple[Segmented, list[int]]]]:
    """Collect the units each page read leaves to the proposer (for training: the examples)."""
    seen: list[tuple[Segmented, list[int]]] = []
    _recorders.append(seen)
    try:
        yield seen
    finally:
        _recorders.pop()


def current() -> Model | None:
    return _override[-1] if _override else shipped()


def explain(weights: dict[str, float], names: frozenset[str], top: int = 3) -> str:
    """The features that pushed the score up most, strongest first."""
    up = sorted((n for n in names if weights.get(n, 0.0) > 0), key=lambda n: -weights[n])
    return ", ".join(up[:top]) or "no feature for it"


def _words(text: str) -> str:
    return " ".join(_WORD_RE.findall(text.lower()))


def propose(seg: Segmented, units: Sequence[int], known: Sequence[Candidate]) -> list[Candidate]:
    """Candidates in the sentences of `units` that no candidate in `known` already holds."""
    for seen in _recorders:
        seen.append((seg, list(units)))
    model = current()
    if model is None or not units or not model.reads(seg):
        return []
    held = [(c.index, _words(c.sentence or c.text)) for c in known]
    out: list[Candidate] = []
    for i in units:
        if not seg.lines[i].text:
            continue
        for text, names in unit_sentences(seg, i):
            body = bare(text)
            n = len(body.split())
            if n < _MIN_WORDS or n > _MAX_WORDS:
                continue
            p = predict(model.weights, names)
            if p < min(model.review_from, model.threshold):
                continue
            w = _words(body)
            if any(abs(k - i) <= 30 and w in h for k, h in held):
                continue  # a rule's candidate (a list, a motion) already holds it
            why = f"model {p:.2f}: {explain(model.weights, names)}"
            c = Candidate("resolution", "learnt", body, i, seg.lines[i].no, base=p)
            c.cutoff = model.threshold
            c.sentence = text
            c.feature(why, 0.0)
            out.append(c)
    return out
