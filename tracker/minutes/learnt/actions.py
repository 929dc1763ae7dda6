"""The learnt action model at reading time: actions in the units no rule read.

`learnt_actions(seg, free, cands)` looks at each sentence of the units the keyword reader and
the generators left (no action or undertaking candidate there, no decision taken there). The
unit model gives the chance that the sentence holds an action; the owner model picks who owns
it among the owners read in and around it (a leading name before " to <verb>", initials ending
the row, "Action: X", a column cell, an owner label on the next line ... or nobody). A sentence
above the model's threshold becomes an action candidate of generator "learnt", taken; one
between the review bound and the threshold goes to review. Either way its `why` says what the
model saw ("model 0.88: 'to' and a task verb inside; owner 'JS' read from the row's end").

The weights (`actions.json`) are trained on the judged corpus's development pages only by
`python -m tracker.minutes.learnt.train_actions tests/data/minutes`; they are read the first
time a page needs them, so importing the reader costs nothing.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..people import first_names
from ..scoring import THRESHOLD, Candidate
from ..segment import Segmented
from .action_features import LONG, OwnerCandidate, owner_candidates, span_features, spans

WEIGHTS = Path(__file__).with_name("actions.json")

_WHERE = {
    "lead": "named before the task",
    "trail": "ends the row",
    "bracket": "in brackets",
    "label": "after an owner label",
    "cell": "a column cell",
    "next": "on the next line",
    "previous": "on the line before",
    "none": "nobody named",
}


@dataclass(frozen=True)
class Model:
    unit: dict[str, float]
    owner: dict[str, float]
    threshold: float  # taken at or above
    review_from: float  # to review at or above, below the threshold
    enabled: bool = True
    # "all pages", or "flattened pages": elsewhere what the model reads goes to review only
    take_on: str = "all pages"

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Model:
        return cls(
            dict(data["unit"]),
            dict(data["owner"]),
            float(data["threshold"]),
            float(data["review_from"]),
            bool(data.get("enabled", True)),
            str(data.get("take_on", "all pages")),
        )


def predict(w: dict[str, float], names: frozenset[str]) -> float:
    """The logistic regression's chance (as `crossval.predict`, which trains the weights; not
    imported from there, since `crossval` reads the corpus through the parser, which calls us)."""
    z = w.get("", 0.0) + sum(w.get(f, 0.0) for f in names)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


_WORD_RE = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    return _WORD_RE.findall(text.lower())


_loaded: list[Model | None] = []
_override: list[Model | None] = []


def current() -> Model | None:
    """The model in use: one set by `model_in_use`, else the shipped weights (read once)."""
    if _override:
        return _override[-1]
    if not _loaded:
        data = json.loads(WEIGHTS.read_text(encoding="utf-8")) if WEIGHTS.is_file() else None
        _loaded.append(Model.from_json(data) if data else None)
    return _loaded[0]


@contextmanager
def model_in_use(model: Model | None) -> Iterator[None]:
    """Read with this model (None: the rules alone), e.g. one trained without a fold's bodies."""
    _override.append(model)
    try:
        yield
    finally:
        _override.pop()


def best_owner(model: Model, cands: Sequence[OwnerCandidate]) -> tuple[OwnerCandidate, float]:
    scored = [(predict(model.owner, c.names), -k, c) for k, c in enumerate(cands)]
    p, _, c = max(scored, key=lambda s: (s[0], s[1]))
    return c, p


def _score(p: float, threshold: float) -> float:
    """The model's chance on the scorer's scale: THRESHOLD where the model's threshold is."""
    if p >= threshold:
        return THRESHOLD + (1 - THRESHOLD) * (p - threshold) / max(1e-9, 1 - threshold)
    return THRESHOLD * p / max(1e-9, threshold)


def _reasons(model: Model, names: frozenset[str]) -> str:
    top = sorted((n for n in names if model.unit.get(n, 0.0) > 0), key=lambda n: -model.unit[n])
    return "; ".join(top[:3]) or "no single sign"


# a page whose text runs on for hundreds of characters a line (a table or a page flattened
# when it was published): the layout in which the model adds to the rules on the dev split
FLAT_LINE = 450


def flattened(seg: Segmented) -> bool:
    nos = {ln.no for ln in seg.lines if ln.text}
    return sum(len(ln.text) for ln in seg.lines) >= FLAT_LINE * max(1, len(nos))


def _covered(text: str, read: Sequence[Counter[str]]) -> bool:
    """Half or more of the piece's words are in a candidate the rules made at its unit."""
    if not read:
        return False
    w = Counter(words(text))
    n = max(1, sum(w.values()))
    return any(sum((w & r).values()) * 2 >= n for r in read)


def learnt_actions(
    seg: Segmented, free: Sequence[int], cands: Sequence[Candidate]
) -> list[Candidate]:
    """Action candidates the model reads in units no rule read as an action or a decision."""
    model = current()
    if model is None or not model.enabled:
        return []
    read: dict[int, list[Counter[str]]] = {}
    for c in cands:  # what the rules read: an action, an undertaking, a decision taken
        if c.kind != "resolution" or c.taken:
            read.setdefault(c.index, []).append(Counter(words(c.text)))
    firsts = first_names([ln.text for ln in seg.lines])
    takes = model.take_on == "all pages" or flattened(seg)
    out: list[Candidate] = []
    for sp in spans(seg, list(free)):
        if len(sp.text.split()) > LONG or _covered(sp.text, read.get(sp.index, [])):
            continue
        names = span_features(seg, sp, firsts)
        p = predict(model.unit, names)
        if p < model.review_from:
            continue
        owner, _ = best_owner(model, owner_candidates(seg, sp, firsts))
        who = f"owner '{owner.owner}' {_WHERE[owner.where]}" if owner.owner else "no owner read"
        why = f"model {p:.2f}: {_reasons(model, names)}; {who}"
        c = Candidate("action", "learnt", owner.task, sp.index, seg.lines[sp.index].no, owner.owner)
        c.base = _score(p, model.threshold)
        if not takes and c.base >= THRESHOLD:
            c.base = THRESHOLD - 0.01
            why += "; taken only on a page printed as long runs of text"
        c.features.append((why, 0.0))
        c.sentence = sp.text
        out.append(c)
    return out
