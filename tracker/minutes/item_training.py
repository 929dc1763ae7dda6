"""Training and checking the item-number ranking (`item_ranking`) on the judged corpus.

Only development pages are read, less the untuned samples (`UNTUNED`: the batches kept as the
fresh check of whether the reader generalises). Each found resolution that matches a judged
one (as the scorer matches them) gives a group of candidates, each labelled right when it is
the judged item number. Folds are by the SHA-256 of the body's name, as in `crossval`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .crossval import Example
from .evaluate import RESOLUTION_MATCH, _pair, dice, words
from .item_candidates import Candidate, contested, norm
from .item_ranking import choose, ranked
from .learnt import UNTUNED_BATCHES
from .learnt.layouts import as_published, flatten, pdf_pages, wrapped_at_60
from .learnt.logistic import predict, train
from .models import ExtractedResolution, Uncertainty
from .parser import parse_with
from .segment import Segmented

# the batches kept as fresh, untuned samples (one list for every learnt model)
UNTUNED = UNTUNED_BATCHES
# how much more likely the model must find its number than the rules' before it overrules them
MARGINS = (0.0, 0.3, 0.5, 0.7)
ROUNDS = 3000


# The same judged minutes laid out as fresh pages come (the layouts of
# tests/minutes/test_corpus_layouts.py): the ranking trains and is checked on all of them, as
# flattened and wrapped pages are where the rules lose numbers.
LAYOUTS: dict[str, Callable[[str], str]] = {
    "as published": as_published,
    "wrapped at 60": wrapped_at_60,
    "PDF pages": pdf_pages,
    "flattened": flatten,
}


@dataclass(frozen=True)
class Group:
    """One found resolution's candidates: (names, right, value) each."""

    body: str
    page: str
    layout: str
    rules: str
    cands: tuple[tuple[frozenset[str], bool, str], ...]

    @property
    def contested(self) -> bool:
        return contested([Candidate(v, v, set(names)) for names, _, v in self.cands])

    @property
    def rules_right(self) -> bool:
        return any(right for names, right, _ in self.cands if "rules chose it" in names)


def training_pages(folder: Path) -> dict[str, dict[str, Any]]:
    files: dict[str, dict[str, Any]] = json.loads(
        (folder / "expected.json").read_text(encoding="utf-8")
    )["files"]
    return {
        name: judged
        for name, judged in sorted(files.items())
        if judged["split"] == "dev" and judged.get("batch") not in UNTUNED
    }


def digest(folder: Path) -> str:
    """The SHA-256 of the training pages' text and judgements (stale weights show a change)."""
    h = hashlib.sha256()
    for name, judged in training_pages(folder).items():
        h.update(name.encode("utf-8") + b"\0")
        h.update((folder / "pages" / name).read_bytes() + b"\0")
        h.update(json.dumps(judged, sort_keys=True).encode("utf-8") + b"\0")
    return h.hexdigest()


def page_groups(name: str, judged: dict[str, Any], text: str, layout: str) -> list[Group]:
    seen: list[tuple[Segmented, list[ExtractedResolution]]] = []

    def record(
        seg: Segmented, res: list[ExtractedResolution]
    ) -> tuple[list[ExtractedResolution], list[Uncertainty]]:
        seen.append((seg, list(res)))
        return res, []

    parse_with(text, record)
    seg, found = seen[0]
    exp = judged["resolutions"]
    ew = [words(r["text"]) for r in exp]
    fw = [words(r.text) for r in found]

    def sim(i: int, j: int) -> float | None:
        s = dice(ew[i], fw[j])
        return s if s >= RESOLUTION_MATCH else None

    pairs, _, _ = _pair(range(len(exp)), range(len(found)), sim)
    want = {j: norm(exp[i]["item"]) for i, j in pairs}
    out = []
    for j, (res, cands) in enumerate(ranked(seg, found)):
        if j in want:
            labelled = tuple((frozenset(c.names), c.value == want[j], c.value) for c in cands)
            out.append(Group(judged["body"], name, layout, norm(res.item), labelled))
    return out


def groups(folder: Path, layouts: tuple[str, ...] = tuple(LAYOUTS)) -> list[Group]:
    out: list[Group] = []
    for name, judged in training_pages(folder).items():
        text = (folder / "pages" / name).read_text(encoding="utf-8")
        for layout in layouts:
            out += page_groups(name, judged, LAYOUTS[layout](text), layout)
    return out


def examples(gs: list[Group]) -> list[Example]:
    """The candidates of the resolutions the model is asked about (contested ones)."""
    return [
        Example(g.body, g.page, "item", names, "rules chose it" in names, right)
        for g in gs
        if g.contested
        for names, right, _ in g.cands
    ]


def fit(gs: list[Group]) -> dict[str, float]:
    w = train(examples(gs), rounds=ROUNDS)
    return {k: round(v, 6) for k, v in sorted(w.items())}


def right_with(w: dict[str, float], g: Group, margin: float) -> bool:
    """Is the number taken right, when the model overrules the rules by `margin` or more?"""
    cands = [Candidate(v, v, set(names)) for names, _, v in g.cands]
    top, _, _ = choose(w, cands, margin)
    if top is None:
        return g.rules_right
    return any(right for names, right, v in g.cands if v == top.value)


def _fold(body: str, folds: int) -> int:
    return int(hashlib.sha256(body.encode("utf-8")).hexdigest(), 16) % folds


def crossval(gs: list[Group], folds: int = 10) -> dict[str, Any]:
    """Rules against the ranking on bodies left out of its training, fold by fold, in every
    layout (trained on all layouts of the other bodies' pages)."""
    choosers = ["rules", *(f"margin {m}" for m in MARGINS)]
    per_fold: list[dict[str, Any]] = []
    for k in range(folds):
        test = [g for g in gs if _fold(g.body, folds) == k]
        if not test:
            continue
        w = fit([g for g in gs if _fold(g.body, folds) != k])
        row: dict[str, Any] = {"fold": k}
        for layout in LAYOUTS:
            part = [g for g in test if g.layout == layout]
            cell = {"resolutions": len(part), "rules": sum(g.rules_right for g in part)}
            for m in MARGINS:
                cell[f"margin {m}"] = sum(right_with(w, g, m) for g in part)
            row[layout] = cell
        per_fold.append(row)
    table: dict[str, Any] = {}
    for layout in LAYOUTS:
        part = [g for g in gs if g.layout == layout]
        cells = [f[layout] for f in per_fold]
        table[layout] = {
            "resolutions": len(part),
            "reachable": sum(any(r for _, r, _ in g.cands) for g in part),
            **{c: sum(x[c] for x in cells) for c in choosers},
            "folds won": {c: sum(x[c] > x["rules"] for x in cells) for c in choosers[1:]},
            "folds lost": {c: sum(x[c] < x["rules"] for x in cells) for c in choosers[1:]},
        }
    return {
        "bodies": len({g.body for g in gs}),
        "folds": folds,
        "layouts": table,
    }


def table_text(t: dict[str, Any]) -> str:
    out = [
        f"found resolutions matched to judged ones on the development pages of {t['bodies']} "
        f"bodies (untuned batches {sorted(UNTUNED)} left out), {t['folds']} folds of bodies;",
        "items right by the rules, and by the model where it beats the rules' number by the "
        "margin (folds won/lost against the rules)",
    ]
    for layout, row in t["layouts"].items():
        n = row["resolutions"]
        out.append(
            f"  {layout:<14} {n:>4} found, right number among candidates {row['reachable']}: "
            f"rules {row['rules']} ({row['rules'] / max(1, n):.4f})"
        )
        for m in MARGINS:
            c = f"margin {m}"
            out.append(
                f"  {'':<14} model {c:<11} {row[c]:>4} ({row[c] / max(1, n):.4f})  "
                f"won {row['folds won'][c]} lost {row['folds lost'][c]}"
            )
    return "\n".join(out)


def examples_digest(gs: list[Group]) -> str:
    """The SHA-256 of what the regression learns from: every group's candidates, features and
    labels in training order. The corpus digest says the pages and judgements are the same; this
    one says the reader still turns them into the same candidates (a changed rule changes it, and
    then a retrain cannot reproduce the shipped weights)."""
    h = hashlib.sha256()
    for g in gs:
        h.update(f"{g.body}\0{g.page}\0{g.layout}\0{g.rules}\0".encode())
        for names, right, value in g.cands:
            h.update(f"{'|'.join(sorted(names))}\0{int(right)}\0{value}\0".encode())
        h.update(b"\1")
    return h.hexdigest()


def switch(table: dict[str, Any]) -> tuple[bool, float]:
    """Whether the ranking is switched on, and the margin it needs to beat the rules by.

    The check: on bodies left out of training, the ranking must get more item numbers right than
    the rules in total over the layouts, and no fewer in any one layout. The margin taken is the
    smallest in MARGINS that passes it (the model overrules the rules only where it is surer of
    its number by that much); when none does the ranking is off. A single resolution lost in one
    layout at margin 0 then raises the margin instead of switching the ranking off."""
    for m in MARGINS:
        gains = [row[f"margin {m}"] - row["rules"] for row in table["layouts"].values()]
        if sum(gains) > 0 and min(gains) >= 0:
            return True, m
    return False, MARGINS[-1]


def model(folder: Path, gs: list[Group], table: dict[str, Any]) -> dict[str, Any]:
    """The weights trained on every training page, with what they were trained on (the pages'
    digest and the examples'), switched on at the margin `switch` finds in the leave-bodies-out
    `table`."""
    on, margin = switch(table)
    return {
        "digest": digest(folder),
        "examples_digest": examples_digest(gs),
        "pages": len(training_pages(folder)),
        "resolutions": len(gs),
        "untuned_left_out": sorted(UNTUNED),
        "margin": margin,
        "switched_on": on,
        "crossval": {
            k: {c: v[c] for c in ("resolutions", "rules", *(f"margin {m}" for m in MARGINS))}
            for k, v in table["layouts"].items()
        },
        "weights": fit(gs),
    }


__all__ = [
    "Group",
    "crossval",
    "digest",
    "examples_digest",
    "fit",
    "groups",
    "model",
    "predict",
    "switch",
    "table_text",
]
