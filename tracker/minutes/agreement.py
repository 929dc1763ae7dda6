"""How far independent judgements of the same pages agree, by the scorer's own matching.

    python -m tracker.minutes.agreement tests/data/minutes SECOND.json [THIRD.json ...]
        [--list] [--json] [--majority OUT.json]

Each SECOND.json holds another judge's judgements of some corpus pages, made under the same
written rules without seeing the corpus's ({"files": {name: {"resolutions": [{"text", "item",
"number"}], "actions": [{"owner", "task", "due"}], "undertakings": [...]}}}). For the pages
every judge judged it prints the agreement of each pair of judges (F1 by evaluate's matching:
symmetric, while precision and recall swap with the roles), the reader's score against each
judge, and, with three or more judges, against the majority: a resolution or action that more
than half the judges wrote (matched as the scorer matches), its words and item those of the
first judge who wrote it, the corpus first. `--majority` writes that judgement to a file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .evaluate import (
    RESOLUTION_MATCH,
    TASK_MATCH,
    Score,
    _pair,
    dice,
    norm_item,
    same_owner,
    score_page,
    words,
)
from .models import ExtractedFollowUp, ExtractedResolution, Extraction
from .parser import parse_minutes

Judgement = dict[str, Any]
CORPUS = "corpus"


class JudgementError(ValueError):
    """A judgement file that is not judgements of this corpus's pages."""


def load_judgements(path: Path, pages: Path) -> dict[str, Judgement]:
    """A judge's file, checked: each page is in the corpus, each text verbatim on its page."""
    try:
        files: dict[str, Judgement] = json.loads(path.read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise JudgementError(f"{path}: not a judgement file ({exc})") from exc
    if not isinstance(files, dict):
        raise JudgementError(f"{path}: not a judgement file ('files' is not a table of pages)")
    for name, j in files.items():
        page_file = pages / name
        if Path(name).name != name or not page_file.is_file():
            raise JudgementError(f"{path}: {name}: no such page in {pages}")
        if not isinstance(j, dict):
            raise JudgementError(f"{path}: {name}: not a judgement (resolutions, actions)")
        page = page_file.read_text(encoding="utf-8")
        for key, fields in (("resolutions", ("text",)), ("actions", ("owner", "task"))):
            for n, entry in enumerate(j.get(key, []), 1):
                for f in fields:
                    value = entry.get(f)
                    if (
                        not isinstance(value, str)
                        or value not in page
                        or (f != "owner" and not value)
                    ):
                        raise JudgementError(
                            f"{path}: {name}: {key[:-1]} {n}: {f} is not text copied from the page"
                        )
        j.setdefault("resolutions", [])
        j.setdefault("actions", [])
    return files


def as_extraction(j: Judgement) -> Extraction:
    """A judgement dressed as the reader's output, so that the scorer can compare two judges."""
    res = tuple(
        ExtractedResolution(r.get("number", ""), "resolved", r["text"], 0, r.get("item", ""))
        for r in j["resolutions"]
    )
    acts = tuple(
        ExtractedFollowUp(a["owner"], a["task"], None, 0, "action-line", a.get("due"))
        for a in j["actions"]
    )
    return Extraction(None, res, acts, ())


def _res_sim(a: dict[str, Any], b: dict[str, Any]) -> float | None:
    s = dice(words(a["text"]), words(b["text"]))
    return s if s >= RESOLUTION_MATCH else None


def _act_sim(a: dict[str, Any], b: dict[str, Any]) -> float | None:
    if not same_owner(a["owner"], b["owner"]):
        return None
    s = dice(words(a["task"]), words(b["task"]))
    return s if s >= TASK_MATCH else None


def _vote(
    lists: Sequence[list[dict[str, Any]]], similar: Callable[[Any, Any], float | None]
) -> list[dict[str, Any]]:
    """Entries more than half the judges wrote: each judge's entries join the groups of the
    earlier judges' entries they match (scorer's pairing against each group's first entry)."""
    groups: list[list[dict[str, Any]]] = []
    for entries in lists:
        firsts = [g[0] for g in groups]
        pairs, _lost, extra = _pair(firsts, entries, lambda a, b: similar(a, b))
        for i, j in pairs:
            groups[i].append(entries[j])
        groups += [[entries[j]] for j in extra]
    kept = []
    for g in groups:
        if 2 * len(g) > len(lists):
            entry = dict(g[0])
            if "item" in entry:  # the item most of the group's judges gave; ties to the first
                counts = Counter(norm_item(e.get("item", "")) for e in g)
                best = max(counts.values())
                entry["item"] = next(
                    e["item"] for e in g if counts[norm_item(e.get("item", ""))] == best
                )
            kept.append(entry)
    return kept


def majority(judgements: Sequence[Judgement]) -> Judgement:
    """One page's majority judgement of three or more judges."""
    return {
        "resolutions": _vote([j["resolutions"] for j in judgements], _res_sim),
        "actions": _vote([j["actions"] for j in judgements], _act_sim),
    }


def compare(
    reference: dict[str, Judgement], other: dict[str, Extraction], names: Sequence[str]
) -> tuple[Score, list[str]]:
    """The scorer's totals of `other` against `reference` over `names`, and the differences."""
    total = Score()
    lines: list[str] = []
    for name in names:
        judged = {"split": "dev", "layouts": [], **reference[name]}
        r = score_page(name, judged, other[name])
        total.add(r.score)
        lines += [f"{name}: only the first: {m}" for m in r.misses]
        lines += [f"{name}: only the second: {f}" for f in r.false_finds]
    return total, lines


def _line(label: str, s: Score) -> str:
    r, a = s.resolutions, s.actions
    return (
        f"{label:<28} res F1 {r.f1:.3f} (P {r.precision:.2f} R {r.recall:.2f}, "
        f"{r.tp}/{r.fp}/{r.fn})  act F1 {a.f1:.3f} (P {a.precision:.2f} R {a.recall:.2f}, "
        f"{a.tp}/{a.fp}/{a.fn})  items {s.items_right}/{s.items_checked}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tracker.minutes.agreement", description=__doc__)
    ap.add_argument("folder", type=Path, help="the corpus folder (pages/ and expected.json)")
    ap.add_argument("judges", type=Path, nargs="+", help="other judges' judgement files")
    ap.add_argument("--list", action="store_true", help="list every difference")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--majority", type=Path, help="write the majority judgement here")
    args = ap.parse_args(argv)
    pages = args.folder / "pages"
    try:
        corpus = json.loads((args.folder / "expected.json").read_text(encoding="utf-8"))["files"]
        judges: dict[str, dict[str, Judgement]] = {CORPUS: corpus}
        for path in args.judges:
            judges[path.stem] = load_judgements(path, pages)
    except (OSError, ValueError, KeyError) as exc:
        print(str(exc), file=sys.stderr)
        return 2
    if args.majority and len(judges) < 3:
        print("a majority needs three judges or more (the corpus and two others)", file=sys.stderr)
        return 2
    names = sorted(set.intersection(*(set(j) for j in judges.values())))
    if not names:
        print("no page was judged by every judge", file=sys.stderr)
        return 2
    if len(judges) >= 3:
        judges["majority"] = {n: majority([j[n] for j in judges.values()]) for n in names}
    reader = {n: parse_minutes((pages / n).read_text(encoding="utf-8")) for n in names}
    figures: dict[str, Any] = {"pages": len(names), "pairs": {}, "reader": {}}
    out = [f"{len(names)} pages judged by {', '.join(judges)}"]
    differences: list[str] = []
    labels = list(judges)
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            if "majority" in (a, b):
                continue
            extraction = {n: as_extraction(judges[b][n]) for n in names}
            score, diffs = compare(judges[a], extraction, names)
            figures["pairs"][f"{a} ~ {b}"] = score.to_json_dict()
            out.append(_line(f"{a} ~ {b}", score))
            differences += [f"[{a} ~ {b}] {d}" for d in diffs]
    for a in labels:
        score, diffs = compare(judges[a], reader, names)
        figures["reader"][a] = score.to_json_dict()
        out.append(_line(f"reader against {a}", score))
        if a == "majority":
            differences += [f"[majority ~ reader] {d}" for d in diffs]
    if args.majority:
        tmp = args.majority.with_name(args.majority.name + ".tmp")
        tmp.write_text(
            json.dumps({"files": judges.get("majority", {})}, indent=1, ensure_ascii=False) + "\n",
            encoding="utf-8",
        )
        tmp.replace(args.majority)
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        print("\n".join(out + ([""] + differences if args.list else [])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
