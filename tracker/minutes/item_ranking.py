"""Item numbers by a learnt ranking (issue 17, branch learntitems); retrained and checked by
`python -m tracker.minutes.learnt_items tests/data/minutes [--crossval]`.

For every resolution found, `item_candidates` lists the item numbers that could be its own (the
rules' choice, the headings above, numbers opening the units above and its own, minute
references in its text, none). A logistic regression (`crossval.train`) over the candidates'
features ranks them. The rules' number stands unless the model prefers another by at least
`margin` in probability; then the Uncertainty list says which number was taken and why ("item
number 5 from the heading two lines above (model 0.93); the rules read '3'").

The weights are trained on the corpus's development pages, leaving out the untuned samples
(`item_training.UNTUNED`), and stored in `item_weights.json` with a digest of the pages and
judgements they were trained on, and whether the leave-bodies-out check switched the ranking
on. They are read on the first page that needs them, not when `tracker` starts.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .item_candidates import Candidate, candidates, contested, describe, unit_of
from .models import ExtractedResolution, Uncertainty

if TYPE_CHECKING:
    from .segment import Segmented

WEIGHTS = Path(__file__).with_name("item_weights.json")


@cache
def load_weights(path: Path = WEIGHTS) -> dict[str, Any]:
    """The shipped weights, read once on the first page that needs them."""
    if not path.is_file():
        return {"switched_on": False, "weights": {}, "margin": 1.0}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def probability(weights: dict[str, float], names: frozenset[str] | set[str]) -> float:
    """`crossval.predict`'s logistic function (tested equal): importing `crossval`, which reads
    pages through the parser, from the parser would be an import cycle."""
    z = weights.get("", 0.0) + sum(weights.get(f, 0.0) for f in names)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def ranked(
    seg: Segmented, resolutions: Sequence[ExtractedResolution]
) -> list[tuple[ExtractedResolution, list[Candidate]]]:
    """Each resolution with its candidate item numbers."""
    starts = [ln.no for ln in seg.lines]
    units = [unit_of(seg.lines, starts, res) for res in resolutions]
    decided = frozenset(units)
    out = []
    previous = ""
    for res, unit in zip(resolutions, units, strict=True):
        out.append((res, candidates(seg, unit, res, previous, decided)))
        previous = res.item
    return out


def choose(
    weights: dict[str, float], cands: Sequence[Candidate], margin: float
) -> tuple[Candidate | None, float, float]:
    """The candidate the model would take over the rules' (None when the rules' stands), its
    probability and the rules' number's."""
    if not contested(cands):
        return None, 1.0, 1.0  # no other number printed close by: the rules' stands
    scored = [(probability(weights, c.names), c) for c in cands]
    rules_p = max((p for p, c in scored if "rules chose it" in c.names), default=0.0)
    p, top = max(scored, key=lambda pc: (pc[0], pc[1].value))
    if "rules chose it" in top.names or p - rules_p < margin:
        return None, p, rules_p
    return top, p, rules_p


def chosen_items(
    seg: Segmented, resolutions: list[ExtractedResolution], model: dict[str, Any] | None = None
) -> tuple[list[ExtractedResolution], list[Uncertainty]]:
    """The resolutions with the item numbers the ranking prefers (where it is switched on), and
    an Uncertainty for each number it changed, saying why."""
    model = model if model is not None else load_weights()
    if not model.get("switched_on") or not resolutions:
        return resolutions, []
    out: list[ExtractedResolution] = []
    why: list[Uncertainty] = []
    for res, cands in ranked(seg, resolutions):
        top, p, _ = choose(model["weights"], cands, float(model["margin"]))
        if top is None:
            out.append(res)
            continue
        out.append(replace(res, item=top.printed))
        why.append(Uncertainty(res.line, res.text, describe(top, p, res.item)))
    return out, why
