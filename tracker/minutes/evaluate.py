"""Score the importer against a judged corpus of minutes.

    python -m tracker.minutes.evaluate tests/data/minutes [--split dev|held-out] [--json]

The folder holds `pages/*.txt` and `expected.json` (rules in its README.md). For every page it
prints precision, recall and F1 for resolutions, for actions (matched on owner and task) and
the share of found resolutions whose item number is right; then the totals for the dev pages,
the held-out pages and all pages, the totals per layout kind, and every miss and false find.

Matching is by words, not characters: a found resolution matches a judged one when their words
overlap (Dice coefficient of the word lists) by at least 0.7, an action when the owners are the
same words and the tasks overlap by at least 0.6. Each judged item matches at most one found.
Follow-ups the importer derives from a resolution are part of that resolution, not actions.

A judged resolution or action the importer missed is "offered in review" when one of the lines it
lists as unsure holds it (Dice of the words >= 0.5), so an officer takes it in the import review
with one key; otherwise it is "dropped". The totals say how many of each, and how many unsure
lines the officer has to read for it.

A dropped one is "takeable from the page" when a unit of the whole page (the review's page view,
`parser.read_page`) gives it when the officer takes that unit: as a resolution, its text; as a
follow-up, the task the reader's own reading of the unit proposes (`taking.read_taken_line`);
Dice of the words >= 0.5 again. The totals say how many of the dropped ones are.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .models import Extraction, PageUnit
from .parser import read_page
from .taking import read_taken_line

RESOLUTION_MATCH = 0.7
TASK_MATCH = 0.6
OFFERED_MATCH = 0.5
_WORD_RE = re.compile(r"[a-z0-9]+")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def words(text: str) -> list[str]:
    t = text.translate(_QUOTES).lower()
    t = re.sub(r"\bt h a t\b", "that", t)
    return _WORD_RE.findall(t)


def dice(a: Sequence[str], b: Sequence[str]) -> float:
    if not a and not b:
        return 1.0
    common = sum((Counter(a) & Counter(b)).values())
    return 2 * common / (len(a) + len(b))


def same_owner(a: str, b: str) -> bool:
    wa = [w for w in words(a) if w != "the"]
    wb = [w for w in words(b) if w != "the"]
    return wa == wb


def norm_item(item: str) -> str:
    return item.strip().rstrip(".").strip().lower()


@dataclass
class Counts:
    """True positives, false positives and false negatives of one measure."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Score:
    """The three measures over one page or a group of pages."""

    resolutions: Counts = field(default_factory=Counts)
    actions: Counts = field(default_factory=Counts)
    items_right: int = 0
    items_checked: int = 0
    # judged items the reader did not take but listed as unsure (an officer takes them in
    # review), and the unsure lines listed: what a miss costs a user, and what review costs
    resolutions_offered: int = 0
    actions_offered: int = 0
    unsure_lines: int = 0
    # of the judged items neither taken nor offered, those a unit of the whole page gives when
    # the officer takes it (the page view of the review); and the page's units
    resolutions_takeable: int = 0
    actions_takeable: int = 0
    page_units: int = 0

    def add(self, other: Score) -> None:
        self.resolutions.add(other.resolutions)
        self.actions.add(other.actions)
        self.items_right += other.items_right
        self.items_checked += other.items_checked
        self.resolutions_offered += other.resolutions_offered
        self.actions_offered += other.actions_offered
        self.unsure_lines += other.unsure_lines
        self.resolutions_takeable += other.resolutions_takeable
        self.actions_takeable += other.actions_takeable
        self.page_units += other.page_units

    @property
    def item_accuracy(self) -> float:
        return self.items_right / self.items_checked if self.items_checked else 1.0

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "resolutions": self.resolutions.to_json_dict(),
            "actions": self.actions.to_json_dict(),
            "items": {
                "right": self.items_right,
                "checked": self.items_checked,
                "accuracy": round(self.item_accuracy, 4),
            },
            "review": {
                "resolutions_offered": self.resolutions_offered,
                "resolutions_dropped": self.resolutions.fn - self.resolutions_offered,
                "actions_offered": self.actions_offered,
                "actions_dropped": self.actions.fn - self.actions_offered,
                "unsure_lines": self.unsure_lines,
                "resolutions_takeable": self.resolutions_takeable,
                "actions_takeable": self.actions_takeable,
                "page_units": self.page_units,
            },
        }


@dataclass
class PageResult:
    name: str
    split: str
    layouts: list[str]
    score: Score
    misses: list[str]
    false_finds: list[str]


def _pair(
    expected: Sequence[Any], found: Sequence[Any], similar: Any
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Greedy best-first pairing by similarity; returns pairs, unmatched expected, unmatched
    found."""
    options = []
    for i, e in enumerate(expected):
        for j, f in enumerate(found):
            s = similar(e, f)
            if s is not None:
                options.append((s, i, j))
    options.sort(key=lambda o: (-o[0], o[1], o[2]))
    used_e: set[int] = set()
    used_f: set[int] = set()
    pairs = []
    for _s, i, j in options:
        if i in used_e or j in used_f:
            continue
        used_e.add(i)
        used_f.add(j)
        pairs.append((i, j))
    return (
        pairs,
        [i for i in range(len(expected)) if i not in used_e],
        [j for j in range(len(found)) if j not in used_f],
    )


def _offered(judged_words: list[str], unsure: Sequence[list[str]]) -> bool:
    """A judged text the reader left is offered in review when an unsure line holds it: their
    words overlap by Dice >= OFFERED_MATCH (so a line many times longer offers nothing)."""
    return any(dice(judged_words, u) >= OFFERED_MATCH for u in unsure)


class _Page:
    """The page's units as the officer takes them: each one's words as a resolution, and (read
    only when asked, once) the task it proposes as a follow-up."""

    def __init__(self, page: Sequence[PageUnit]) -> None:
        self.units = list(page)
        self.words = [words(u.text) for u in self.units]
        self._tasks: dict[int, list[str]] = {}

    def as_resolution(self, judged: list[str]) -> bool:
        return any(dice(judged, w) >= OFFERED_MATCH for w in self.words)

    def as_followup(self, judged: list[str]) -> bool:
        want = Counter(judged)
        for k, w in enumerate(self.words):
            # the task is read from the unit's words: fewer than a quarter of the judged task's
            # words in the unit cannot give Dice >= 0.5
            if 4 * sum((want & Counter(w)).values()) < len(judged):
                continue
            if k not in self._tasks:
                u = self.units[k]
                self._tasks[k] = words(read_taken_line(u.text, u.line).task)
            if dice(judged, self._tasks[k]) >= OFFERED_MATCH:
                return True
        return False


def score_page(
    name: str, judged: dict[str, Any], ex: Extraction, page: Sequence[PageUnit] = ()
) -> PageResult:
    """The page's scores; with its units (`page`), how many of the judged items dropped could be
    taken from the whole page."""
    score = Score()
    units = _Page(page)
    score.page_units = len(page)
    misses: list[str] = []
    false_finds: list[str] = []
    unsure = [words(u.text) for u in ex.unsure]
    score.unsure_lines = len(ex.unsure)

    exp_res = judged["resolutions"]
    ew = [words(r["text"]) for r in exp_res]
    fw = [words(r.text) for r in ex.resolutions]

    def res_sim(i: int, j: int) -> float | None:
        s = dice(ew[i], fw[j])
        return s if s >= RESOLUTION_MATCH else None

    pairs, lost, extra = _pair(range(len(exp_res)), range(len(ex.resolutions)), res_sim)
    score.resolutions = Counts(len(pairs), len(extra), len(lost))
    for i, j in pairs:
        score.items_checked += 1
        want, got = norm_item(exp_res[i]["item"]), norm_item(ex.resolutions[j].item)
        if want == got:
            score.items_right += 1
        else:
            misses.append(
                f"item number: {got or '(none)'!r} for {want or '(none)'!r}: "
                f"{exp_res[i]['text'][:70]!r}"
            )
    offered = {i for i in lost if _offered(ew[i], unsure)}
    score.resolutions_offered = len(offered)
    takeable = {i for i in lost if i not in offered and units.as_resolution(ew[i])}
    score.resolutions_takeable = len(takeable)
    misses += [
        f"resolution{_offer(i, offered, takeable)}: {exp_res[i]['text'][:100]!r}" for i in lost
    ]
    false_finds += [
        f"resolution (line {ex.resolutions[j].line}): {ex.resolutions[j].text[:100]!r}"
        for j in extra
    ]

    exp_act = judged["actions"]
    found_act = [f for f in ex.followups if f.source != "resolution"]

    def act_sim(i: int, j: int) -> float | None:
        e, f = exp_act[i], found_act[j]
        if not same_owner(e["owner"], f.owner):
            return None
        s = dice(words(e["task"]), words(f.text))
        return s if s >= TASK_MATCH else None

    pairs, lost, extra = _pair(range(len(exp_act)), range(len(found_act)), act_sim)
    score.actions = Counts(len(pairs), len(extra), len(lost))
    offered = {i for i in lost if _offered(words(exp_act[i]["task"]), unsure)}
    score.actions_offered = len(offered)
    takeable = {
        i for i in lost if i not in offered and units.as_followup(words(exp_act[i]["task"]))
    }
    score.actions_takeable = len(takeable)
    misses += [
        f"action{_offer(i, offered, takeable)}: "
        f"{exp_act[i]['owner']!r} / {exp_act[i]['task'][:90]!r}"
        for i in lost
    ]
    false_finds += [
        f"action (line {found_act[j].line}): {found_act[j].owner!r} / {found_act[j].text[:90]!r}"
        for j in extra
    ]
    return PageResult(name, judged["split"], list(judged["layouts"]), score, misses, false_finds)


def _offer(i: int, offered: set[int], takeable: set[int]) -> str:
    if i in offered:
        return " (offered in review)"
    return " (takeable from the page)" if i in takeable else ""


def evaluate(folder: Path, split: str | None = None) -> list[PageResult]:
    """Parse every page of the corpus and score it against its judgement."""
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))["files"]
    results = []
    for name in sorted(expected):
        judged = expected[name]
        if split is not None and judged["split"] != split:
            continue
        text = (folder / "pages" / name).read_text(encoding="utf-8")
        results.append(score_page(name, judged, *read_page(text)))
    return results


def total(results: Iterable[PageResult]) -> Score:
    s = Score()
    for r in results:
        s.add(r.score)
    return s


def summary(results: Sequence[PageResult]) -> dict[str, Any]:
    """Totals for dev, held-out and all pages, and for each layout kind (all pages)."""
    kinds = sorted({k for r in results for k in r.layouts})
    return {
        "dev": total(r for r in results if r.split == "dev").to_json_dict(),
        "held-out": total(r for r in results if r.split == "held-out").to_json_dict(),
        "all": total(results).to_json_dict(),
        "kinds": {k: total(r for r in results if k in r.layouts).to_json_dict() for k in kinds},
        "pages": {r.name: r.score.to_json_dict() for r in results},
    }


def _line(label: str, s: Score) -> str:
    r, a = s.resolutions, s.actions
    return (
        f"{label:<46} res P {r.precision:.2f} R {r.recall:.2f} F1 {r.f1:.2f}  "
        f"act P {a.precision:.2f} R {a.recall:.2f} F1 {a.f1:.2f}  "
        f"items {s.items_right}/{s.items_checked}"
    )


def _review_line(label: str, s: Score) -> str:
    r, a = s.resolutions, s.actions
    res_dropped, act_dropped = r.fn - s.resolutions_offered, a.fn - s.actions_offered
    judged_r, judged_a = r.tp + r.fn, a.tp + a.fn
    return (
        f"{label:<46} missed and offered in review: res {s.resolutions_offered}, "
        f"act {s.actions_offered}; dropped: res {res_dropped} of {judged_r}, "
        f"act {act_dropped} of {judged_a}; unsure lines {s.unsure_lines}; "
        f"takeable from the page: res {s.resolutions_takeable} of {res_dropped}, "
        f"act {s.actions_takeable} of {act_dropped} ({s.page_units} units)"
    )


def report(results: Sequence[PageResult]) -> str:
    out = ["per page (resolutions, actions matched on owner and task, item numbers)"]
    for r in results:
        out.append(_line(f"{r.name[:-4]} [{r.split}]", r.score))
    out.append("")
    for label in ("dev", "held-out"):
        out.append(_line(f"TOTAL {label}", total(x for x in results if x.split == label)))
    out.append(_line("TOTAL all", total(results)))
    for label in ("dev", "held-out"):
        out.append(_review_line(f"REVIEW {label}", total(x for x in results if x.split == label)))
    out.append("")
    out.append("per layout kind (all pages)")
    for k in sorted({k for r in results for k in r.layouts}):
        out.append(_line(f"  {k}", total(r for r in results if k in r.layouts)))
    out.append("")
    out.append("misses and false finds")
    for r in results:
        for m in r.misses:
            out.append(f"  {r.name}: MISS {m}")
        for f in r.false_finds:
            out.append(f"  {r.name}: FALSE {f}")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tracker.minutes.evaluate", description=__doc__)
    ap.add_argument("folder", type=Path, help="the corpus folder (pages/ and expected.json)")
    ap.add_argument("--split", choices=("dev", "held-out"), help="score one split only")
    ap.add_argument("--json", action="store_true", help="print the totals as JSON")
    args = ap.parse_args(argv)
    if not (args.folder / "expected.json").is_file():
        print(f"{args.folder}: no expected.json here", file=sys.stderr)
        return 2
    results = evaluate(args.folder, args.split)
    if args.json:
        print(json.dumps(summary(results), indent=1))
    else:
        print(report(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
