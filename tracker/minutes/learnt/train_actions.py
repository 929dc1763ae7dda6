"""Train the learnt action model on the corpus's development pages, and check it.

    python -m tracker.minutes.learnt.train_actions tests/data/minutes            # retrain
    python -m tracker.minutes.learnt.train_actions tests/data/minutes --crossval # the CV table

Only pages whose judgement says `"split": "dev"` are read; a held-out page in the folder is
never opened, so it cannot change the weights (their digest covers the dev pages' names, texts
and judgements only).

Labels come from the judged actions. A sentence holds an action when a judged action's task
overlaps it as the scorer matches tasks (Dice of the words >= 0.6) or lies inside it. Among
the owners read in and around such a sentence, the right one is the judged owner (the same
words, "the" aside). Each page is also read flattened onto one line, the layout in which the
rules read least well, so the model learns from both.

`--crossval` reads the whole pipeline, leave bodies out: the bodies are split into folds by
the SHA-256 of their names (as `crossval` splits them); for each fold the model is trained on
the other bodies' pages and the fold's pages are read with it and scored as `evaluate` scores
them. The rules alone are scored on the same pages. The rules were tuned on all of these pages,
so they look better here than on pages nobody tuned on: what the model adds is the signal.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tracker.text import clean_document

from ..crossval import Example
from ..evaluate import TASK_MATCH, Counts, dice, same_owner, score_page, words
from ..markup import html_to_text, looks_like_html
from ..parser import parse_minutes
from ..people import first_names
from ..row_numbers import segment_page
from ..segment import Segmented
from ..text import markdown_unescape
from . import UNTUNED_BATCHES
from .action_features import owner_candidates, span_features, spans
from .actions import WEIGHTS, Model, model_in_use
from .layouts import as_published, flatten, wrapped_at_60
from .logistic import train

ROUNDS = 800
THRESHOLDS = (0.6, 0.7, 0.8)
TAKE_ON = ("all pages", "flattened pages")


@dataclass(frozen=True)
class Page:
    name: str
    body: str
    text: str
    judged: dict[str, Any]


LAYOUTS: dict[str, Callable[[str], str]] = {
    "as published": as_published,
    "flattened": flatten,
    "wrapped at 60": wrapped_at_60,
}


def dev_pages(folder: Path) -> list[Page]:
    """The development pages, in name order, but the untuned samples; held-out pages are not
    opened."""
    files = json.loads((folder / "expected.json").read_text(encoding="utf-8"))["files"]
    return [
        Page(name, j["body"], (folder / "pages" / name).read_text(encoding="utf-8"), j)
        for name, j in sorted(files.items())
        if j["split"] == "dev" and j.get("batch") not in UNTUNED_BATCHES
    ]


def digest(pages: Sequence[Page]) -> str:
    h = hashlib.sha256()
    for p in pages:
        h.update(p.name.encode())
        h.update(hashlib.sha256(p.text.encode()).digest())
        h.update(json.dumps(p.judged, sort_keys=True).encode())
    return h.hexdigest()


def segmented(text: str) -> Segmented:
    """The units `parse_minutes` reads, from the same cleaning."""
    if looks_like_html(text):
        text = html_to_text(text)
    return segment_page(markdown_unescape(clean_document(text)))


def _holds(task: list[str], sent: list[str]) -> bool:
    if dice(task, sent) >= TASK_MATCH:
        return True
    return bool(task) and f" {' '.join(task)} " in f" {' '.join(sent)} "


def examples(pages: Sequence[Page]) -> tuple[list[Example], list[Example]]:
    """Unit examples (every sentence) and owner examples (every owner read around a sentence
    that holds a judged action), from each page as published and flattened."""
    units: list[Example] = []
    owners: list[Example] = []
    for page in pages:
        acts = [(a, words(a["task"])) for a in page.judged["actions"]]
        for layout in ("as published", "flattened"):
            seg = segmented(LAYOUTS[layout](page.text))
            firsts = first_names([ln.text for ln in seg.lines])
            for sp in spans(seg, list(range(len(seg.lines)))):
                sw = words(sp.text)
                held = next((a for a, tw in acts if _holds(tw, sw)), None)
                names = span_features(seg, sp, firsts)
                units.append(Example(page.body, page.name, "unit", names, False, held is not None))
                if held is None:
                    continue
                for c in owner_candidates(seg, sp, firsts):
                    right = same_owner(held["owner"], c.owner)
                    owners.append(Example(page.body, page.name, "owner", c.names, False, right))
    return units, owners


def fit(pages: Sequence[Page], threshold: float = 0.7, review_from: float = 0.5) -> Model:
    units, owners = examples(pages)
    return Model(train(units, rounds=ROUNDS), train(owners, rounds=ROUNDS), threshold, review_from)


def fold_of(body: str, folds: int) -> int:
    return int(hashlib.sha256(body.encode("utf-8")).hexdigest(), 16) % folds


def read_actions(pages: Sequence[Page], layout: str, model: Model | None) -> Counts:
    c = Counts()
    with model_in_use(model):
        for p in pages:
            c.add(
                score_page(p.name, p.judged, parse_minutes(LAYOUTS[layout](p.text))).score.actions
            )
    return c


def crossval(pages: Sequence[Page], folds: int = 10) -> dict[str, Any]:
    """Actions P/R/F1 of the rules alone and of rules + model, leave bodies out, per layout and
    threshold."""
    models = []
    for k in range(folds):
        fold = [p for p in pages if fold_of(p.body, folds) == k]
        if fold:
            models.append((fold, fit([p for p in pages if fold_of(p.body, folds) != k])))
    out: dict[str, Any] = {"pages": len(pages), "bodies": len({p.body for p in pages})}
    out["folds"] = folds
    for layout in LAYOUTS:
        row: dict[str, Any] = {"rules": Counts()}
        for fold, m in models:
            row["rules"].add(read_actions(fold, layout, None))
            for t in THRESHOLDS:
                for take in TAKE_ON:
                    tuned = Model(m.unit, m.owner, t, min(t, m.review_from), True, take)
                    row.setdefault(f"{t} {take}", Counts()).add(read_actions(fold, layout, tuned))
        out[layout] = {str(k): v.to_json_dict() for k, v in row.items()}
    return out


def table(result: dict[str, Any]) -> str:
    """The CV result as lines: actions TP / FP / FN, P, R, F1 per layout and setting."""
    out = [
        f"actions, leave bodies out: {result['pages']} dev pages of {result['bodies']} bodies, "
        f"{result['folds']} folds"
    ]
    for layout in LAYOUTS:
        out.append(layout)
        for setting, c in result[layout].items():
            label = "rules alone" if setting == "rules" else f"rules + model {setting}"
            n = Counts(c["tp"], c["fp"], c["fn"])
            out.append(
                f"  {label:<36} {n.tp:>4} / {n.fp:>3} / {n.fn:>3}  "
                f"P {n.precision:.3f} R {n.recall:.3f} F1 {n.f1:.3f}"
            )
    return "\n".join(out)


def write_weights(folder: Path, path: Path = WEIGHTS, **settings: Any) -> dict[str, Any]:
    pages = dev_pages(folder)
    m = fit(pages)
    data = {
        "about": "learnt action model (issue 17); retrain: python -m "
        "tracker.minutes.learnt.train_actions tests/data/minutes",
        "digest": digest(pages),
        "pages": len(pages),
        "bodies": len({p.body for p in pages}),
        "threshold": settings.get("threshold", m.threshold),
        "review_from": settings.get("review_from", m.review_from),
        "enabled": settings.get("enabled", True),
        "take_on": settings.get("take_on", m.take_on),
        "unit": {k: round(v, 4) for k, v in sorted(m.unit.items())},
        "owner": {k: round(v, 4) for k, v in sorted(m.owner.items())},
    }
    path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return data


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m tracker.minutes.learnt.train_actions", description=__doc__
    )
    ap.add_argument("folder", type=Path, help="the corpus folder (pages/ and expected.json)")
    ap.add_argument("--crossval", action="store_true", help="print the leave-bodies-out table")
    ap.add_argument("--folds", type=int, default=10)
    ap.add_argument("--json", action="store_true", help="print the CV result as JSON")
    ap.add_argument("--out", type=Path, default=WEIGHTS, help="where to write the weights")
    args = ap.parse_args(argv)
    if not (args.folder / "expected.json").is_file():
        print(f"{args.folder}: no expected.json here", file=sys.stderr)
        return 2
    if args.crossval:
        result = crossval(dev_pages(args.folder), args.folds)
        print(json.dumps(result, indent=1) if args.json else table(result))
        return 0
    old = json.loads(args.out.read_text(encoding="utf-8")) if args.out.is_file() else {}
    keep = {k: old[k] for k in ("threshold", "review_from", "enabled", "take_on") if k in old}
    data = write_weights(args.folder, args.out, **keep)
    print(f"trained on {data['pages']} dev pages of {data['bodies']} bodies: {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
