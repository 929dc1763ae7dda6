"""Train the action labeller over all units (`unit_actions`), and check it.

    python -m tracker.minutes.learnt.unit_actions_train tests/data/minutes --crossval  # CV grid
    python -m tracker.minutes.learnt.unit_actions_train tests/data/minutes \\
        --check 33,34,35,36 --settings settings.json                                  # the check

Only dev pages are opened. Training pages are the dev pages outside batches 33-42 (written out
here, not read from `UNTUNED_BATCHES`, so the check runs the same inside older readers; 41 and
42 were judged after the seventh session's check, which trained on the same 408 pages), plus
the pages of each `--extra FOLDER` (e.g. tests/data/minutes_synthetic): every entry, whatever
its split, read as the dev pages are (same labels, same layouts), each page a body of its own.

Labels: a piece holds an action when a judged action's task overlaps it as the scorer matches
tasks (Dice >= 0.6) or lies inside it; a reported undertaking likewise. The right owner among
a positive piece's owner candidates is the judged one. Each page is read as published and
flattened onto one line.

`--crossval`: 10 folds by the SHA-256 of the body's name; each fold is read by a labeller
trained on the other folds' bodies, beside today's reader, and every setting of the grid is
scored as `evaluate` scores actions. `--check`: trained on all training pages, the given
batches' dev pages read by the reader this code runs in (a), the labeller alone (b) and the
reader with the labeller's additions and vetoes under each written setting (c).

Trained with 300 synthetic pages as well (`--extra tests/data/minutes_synthetic`, eighth
session), c1 moved (a) by +0.044 / -0.021 / -0.013 F1 on 33-36 / 37-39 / 40-42 against the
+0.02 on each written beforehand (tests/data/minutes/README.md, "Synthetic training pages for
the labellers over all units"): not wired in.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tracker.text import clean_document

from ..evaluate import TASK_MATCH, Counts, _pair, dice, same_owner, words
from ..markup import html_to_text, looks_like_html
from ..parser import parse_minutes
from ..people import first_names
from ..segment import Segmented, segment
from ..text import markdown_unescape
from .action_features import owner_candidates, spans
from .logistic import train_sparse
from .train_actions import Page
from .unit_actions import (
    Found,
    Labeller,
    Reading,
    Setting,
    actions_read,
    combine,
    read_page,
    sequence_features,
)

# batches 33-42: rules were tuned on 33-39 later; 40-42 untuned (41-42 judged after seqact)
KEPT_OUT = frozenset(range(33, 43))
ALONE = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
ADD = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
VETO = (None, 0.02, 0.05, 0.1, 0.2)


@dataclass(frozen=True)
class Ex:
    names: frozenset[str]
    right: bool


def pages(folder: Path, batches: frozenset[int] | None = None) -> list[Page]:
    """Dev pages only: of the given batches, or (None) the training pages."""
    files = json.loads((folder / "expected.json").read_text(encoding="utf-8"))["files"]
    out = []
    for name, j in sorted(files.items()):
        if j["split"] != "dev":
            continue
        b = j.get("batch")
        if (b in batches) if batches is not None else (b not in KEPT_OUT):
            out.append(Page(name, j["body"], (folder / "pages" / name).read_text("utf-8"), j))
    return out


def extra_pages(folder: Path) -> list[Page]:
    """More training pages: every entry of the folder, whatever its split; each page its own
    body (its folder and name)."""
    files = json.loads((folder / "expected.json").read_text(encoding="utf-8"))["files"]
    return [
        Page(name, f"extra:{folder.name}/{name}", (folder / "pages" / name).read_text("utf-8"), j)
        for name, j in sorted(files.items())
    ]


def flatten(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


LAYOUTS = {"as published": lambda t: t, "flattened": flatten}


def segmented(text: str) -> Segmented:
    if looks_like_html(text):
        text = html_to_text(text)
    return segment(markdown_unescape(clean_document(text)))


def _holds(task: list[str], sent: list[str]) -> bool:
    if dice(task, sent) >= TASK_MATCH:
        return True
    return bool(task) and f" {' '.join(task)} " in f" {' '.join(sent)} "


def examples(ps: Sequence[Page]) -> tuple[list[Ex], list[Ex], list[Ex]]:
    """Action, undertaking and owner examples from every piece of every page and layout."""
    act: list[Ex] = []
    und: list[Ex] = []
    own: list[Ex] = []
    for p in ps:
        acts = [(a, words(a["task"])) for a in p.judged["actions"]]
        unds = [
            words(u if isinstance(u, str) else str(u)) for u in p.judged.get("undertakings", [])
        ]
        for layout in LAYOUTS.values():
            seg = segmented(layout(p.text))
            firsts = first_names([ln.text for ln in seg.lines])
            sps = spans(seg, list(range(len(seg.lines))))
            for sp, names in zip(sps, sequence_features(seg, sps), strict=True):
                sw = words(sp.text)
                held = next((a for a, tw in acts if _holds(tw, sw)), None)
                act.append(Ex(names, held is not None))
                und.append(Ex(names, any(_holds(tw, sw) for tw in unds if tw)))
                if held is None:
                    continue
                for c in owner_candidates(seg, sp, firsts):
                    own.append(Ex(c.names, same_owner(held["owner"], c.owner)))
    return act, und, own


# chosen on a 3-fold split of the training pages (detection of judged actions' pieces and the
# labeller alone's F1): stronger L2 than the default and a right piece counted three times
L2 = 1e-2
POSITIVE_WEIGHT = 3.0


def fit(ps: Sequence[Page]) -> Labeller:
    act, und, own = examples(ps)
    return Labeller(
        train_sparse(act, l2=L2, positive_weight=POSITIVE_WEIGHT),
        train_sparse(und, l2=L2, positive_weight=POSITIVE_WEIGHT),
        train_sparse(own),
    )


def fold_of(body: str, folds: int) -> int:
    return int(hashlib.sha256(body.encode("utf-8")).hexdigest(), 16) % folds


def score(judged: Sequence[dict[str, Any]], found: Sequence[Found]) -> Counts:
    """Actions matched on owner and task, as `evaluate.score_page` matches them."""

    def sim(i: int, j: int) -> float | None:
        e, f = judged[i], found[j]
        if not same_owner(e["owner"], f.owner):
            return None
        s = dice(words(e["task"]), words(f.text))
        return s if s >= TASK_MATCH else None

    pairs, lost, extra = _pair(range(len(judged)), range(len(found)), sim)
    return Counts(len(pairs), len(extra), len(lost))


@dataclass
class Read:
    """One page read in one layout: the reader's actions and resolutions, the labeller's
    readings."""

    page: Page
    layout: str
    reader: list[Found]
    resolutions: list[str]
    readings: list[Reading]


def read(model: Labeller, p: Page, layout: str) -> Read:
    text = LAYOUTS[layout](p.text)
    ex = parse_minutes(text)
    reader = [Found(f.owner, f.text, f.line) for f in ex.followups if f.source != "resolution"]
    return Read(
        p, layout, reader, [r.text for r in ex.resolutions], read_page(model, segmented(text))
    )


def settings_grid() -> list[Setting]:
    return [Setting(a, v) for a in ADD for v in VETO]


def tally(reads: Sequence[Read], settings: Sequence[Setting]) -> dict[str, Counts]:
    """(a) the reader, (b) the labeller alone at each threshold, (c) each setting."""
    out: dict[str, Counts] = {"(a) reader": Counts()}
    for t in ALONE:
        out[f"(b) labeller alone from {t}"] = Counts()
    for s in settings:
        out[f"(c) reader + labeller, {s.label()}"] = Counts()
    for r in reads:
        judged = r.page.judged["actions"]
        out["(a) reader"].add(score(judged, r.reader))
        for t in ALONE:
            alone = [Found(x.owner, x.task, x.line) for x in actions_read(r.readings, t)]
            out[f"(b) labeller alone from {t}"].add(score(judged, alone))
        for s in settings:
            found, _, _ = combine(r.reader, r.resolutions, r.readings, s)
            out[f"(c) reader + labeller, {s.label()}"].add(score(judged, found))
    return out


def crossval(
    ps: Sequence[Page], folds: int = 10, extra: Sequence[Page] = ()
) -> dict[str, dict[str, Counts]]:
    """`extra` pages join every fold's training, never its reading."""
    reads: dict[str, list[Read]] = {k: [] for k in LAYOUTS}
    for k in range(folds):
        fold = [p for p in ps if fold_of(p.body, folds) == k]
        if not fold:
            continue
        m = fit([p for p in ps if fold_of(p.body, folds) != k] + list(extra))
        for layout in LAYOUTS:
            reads[layout] += [read(m, p, layout) for p in fold]
        print(f"fold {k}: {len(fold)} pages", file=sys.stderr)
    grid = settings_grid()
    out = {layout: tally(rs, grid) for layout, rs in reads.items()}
    out["both layouts"] = tally(reads["as published"] + reads["flattened"], grid)
    return out


def check(train: Sequence[Page], ps: Sequence[Page], settings: Sequence[Setting]) -> dict[str, Any]:
    """The labeller trained on `train`, the reader this runs in and the settings, on `ps` as
    published; with each page's additions and vetoes."""
    m = fit(train)
    reads = [read(m, p, "as published") for p in ps]
    result: dict[str, Any] = {
        "training pages": len(train),
        "training actions": sum(len(p.judged["actions"]) for p in train),
        "pages": len(ps),
        "judged actions": sum(len(p.judged["actions"]) for p in ps),
        "totals": {k: v.to_json_dict() for k, v in tally(reads, settings).items()},
    }
    changes: list[str] = []
    for r in reads:
        for s in settings:
            _, added, vetoed = combine(r.reader, r.resolutions, r.readings, s)
            judged = r.page.judged["actions"]
            for f in added:
                ok = score(judged, [f]).tp
                changes.append(
                    f"{r.page.name} [{s.label()}] added {'right' if ok else 'WRONG'}: "
                    f"{f.owner!r} / {f.text[:80]!r}"
                )
            for f in vetoed:
                ok = score(judged, [f]).tp
                changes.append(
                    f"{r.page.name} [{s.label()}] vetoed {'a right' if ok else 'a wrong'}:"
                    f" {f.owner!r} / {f.text[:80]!r}"
                )
    result["changes"] = changes
    return result


def lines(result: dict[str, Counts]) -> list[str]:
    return [
        f"  {k:<52} {c.tp:>4} / {c.fp:>4} / {c.fn:>4}  P {c.precision:.3f} R {c.recall:.3f} "
        f"F1 {c.f1:.3f}"
        for k, c in result.items()
    ]


def _setting(d: dict[str, Any]) -> Setting:
    return Setting(
        float(d["add_from"]), None if d.get("veto_below") is None else float(d["veto_below"])
    )


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m tracker.minutes.learnt.unit_actions_train", description=__doc__
    )
    ap.add_argument("folder", type=Path)
    ap.add_argument("--crossval", action="store_true")
    ap.add_argument("--folds", type=int, default=10)
    ap.add_argument("--check", help="comma-separated dev batches to read once")
    ap.add_argument("--settings", type=Path, help="JSON: alone, and a list of settings")
    ap.add_argument("--json", type=Path, help="write the result here too")
    ap.add_argument(
        "--extra",
        action="append",
        type=Path,
        default=[],
        metavar="FOLDER",
        help="more training pages (every entry, whatever its split); repeatable",
    )
    args = ap.parse_args(argv)
    extra = [p for f in args.extra for p in extra_pages(f)]
    if args.crossval:
        res = crossval(pages(args.folder), args.folds, extra)
        for layout, rows in res.items():
            print(layout)
            print("\n".join(lines(rows)))
        if args.json:
            dump = {
                lay: {k: c.to_json_dict() for k, c in rows.items()} for lay, rows in res.items()
            }
            args.json.write_text(json.dumps(dump, indent=1), encoding="utf-8")
        return 0
    if args.check:
        if args.settings is None:
            print("--check needs --settings (written down before the check)", file=sys.stderr)
            return 2
        written = json.loads(args.settings.read_text(encoding="utf-8"))
        batches = frozenset(int(b) for b in args.check.split(","))
        if not batches <= KEPT_OUT:
            print("--check reads only batches kept out of training (33-42)", file=sys.stderr)
            return 2
        out = check(
            pages(args.folder) + extra,
            pages(args.folder, batches),
            [_setting(s) for s in written["settings"]],
        )
        print(
            f"trained on {out['training pages']} pages ({len(extra)} extra), "
            f"{out['training actions']} judged actions"
        )
        print(
            f"batches {args.check}: {out['pages']} dev pages, {out['judged actions']} judged actions"
        )
        for k, row in out["totals"].items():
            if k.startswith("(b)") and not k.endswith(f" {written['alone']}"):
                continue
            print(f"  {k:<52} {row['tp']:>4} / {row['fp']:>4} / {row['fn']:>4}  F1 {row['f1']:.3f}")
        print("\n".join(out["changes"]))
        if args.json:
            args.json.write_text(json.dumps(out, indent=1), encoding="utf-8")
        return 0
    ap.print_usage(sys.stderr)
    print("give --crossval or --check (the labeller ships no weights)", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
