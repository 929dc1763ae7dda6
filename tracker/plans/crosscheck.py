"""Checks across a plan file: unique codes and refs, references that resolve, dates inside the
strategy's period, and no cycles among boards or action dependencies.

Items that failed their own checks are None here (their problems are already reported) and are
skipped, so every remaining problem is still found in one pass.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Sequence
from operator import attrgetter
from typing import Any, TypeVar

from tracker.plans.drafts import PlanDraft, StrategyDraft
from tracker.plans.fields import Checker, allowed
from tracker.plans.issues import Path, field_name

Item = TypeVar("Item")
Key = TypeVar("Key", bound=Hashable)
Code = TypeVar("Code", str, int)  # a code, ref or number other items refer to


def _unique(
    c: Checker, items: Sequence[Item | None], path: Path, key: Callable[[Item], Key | None],
    field: str | None, what: str,
) -> set[Key]:  # fmt: skip
    seen: dict[Key, int] = {}
    for i, item in enumerate(items):
        if item is None:
            continue
        k = key(item)
        if k is None:
            continue
        if k in seen:
            where = (*path, i, field) if field else (*path, i)
            shown = (
                ", ".join("-" if x is None else str(x) for x in k) if isinstance(k, tuple) else k
            )
            c.add(where, f"duplicate {what} {shown!r} (first at {field_name(path)}[{seen[k]}])")
        else:
            seen[k] = i
    return set(seen)


def _known(
    c: Checker, value: Code | None, path: Path, known: set[Code], what: str,
    choices: Iterable[object] | None = None,
) -> None:  # fmt: skip
    if value is not None and value not in known:
        c.add(
            path,
            f"unknown {what} {value!r}",
            allowed(sorted(known) if choices is None else choices),
        )


class _Period:
    def __init__(self, c: Checker, strategy: StrategyDraft | None) -> None:
        self.c = c
        self.years: tuple[int, int] | None = None
        start = strategy.start_year if strategy is not None else None
        end = strategy.end_year if strategy is not None else None
        if start is not None and end is not None and start <= end:
            self.years = (start, end)

    def _span(self) -> str:
        assert self.years is not None
        return f"{self.years[0]}-01-01..{self.years[1]}-12-31"

    def year(self, value: int | None, path: Path) -> None:
        if value is not None and self.years and not self.years[0] <= value <= self.years[1]:
            self.c.add(
                path,
                f"{value} is outside the strategy period",
                f"{self.years[0]}..{self.years[1]}",
            )

    def date(self, value: dt.date | None, path: Path) -> None:
        if value is not None and self.years and not self.years[0] <= value.year <= self.years[1]:
            shown = value.isoformat()
            self.c.add(path, f"{shown} is outside the strategy period", self._span())


def _cycles(order: Sequence[str], edges: dict[str, Sequence[str]]) -> list[list[str]]:
    """Cycles in a directed graph (iterative depth-first search, so long chains are fine)."""
    rank = {node: i for i, node in enumerate(order)}
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    found: list[list[str]] = []
    seen: set[tuple[str, ...]] = set()
    for start in order:
        if start in state:
            continue
        state[start] = 1
        path = [start]
        where = {start: 0}
        stack = [iter(edges.get(start, ()))]
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                stack.pop()
                done = path.pop()
                del where[done]
                state[done] = 2
                continue
            if nxt not in edges:
                continue  # an unknown node: reported on its own
            mark = state.get(nxt)
            if mark is None:
                state[nxt] = 1
                where[nxt] = len(path)
                path.append(nxt)
                stack.append(iter(edges[nxt]))
            elif mark == 1:
                cycle = path[where[nxt] :]
                first = min(range(len(cycle)), key=lambda i: rank[cycle[i]])
                cycle = cycle[first:] + cycle[:first]
                if tuple(cycle) not in seen:
                    seen.add(tuple(cycle))
                    found.append([*cycle, cycle[0]])
    return found


def cross_check(c: Checker, doc: PlanDraft) -> None:
    period = _Period(c, doc.strategy)
    orgs = _unique(c, doc.organisations, ("organisations",), lambda o: o.code, "code", "code")
    people = _unique(c, doc.people, ("people",), lambda p: p.code, "code", "code")
    boards = _unique(c, doc.boards, ("boards",), lambda b: b.code, "code", "code")
    phases = _unique(c, doc.phases, ("phases",), lambda p: p.number, "number", "phase number")
    stages = _unique(c, doc.stages, ("stages",), lambda s: s.number, "number", "stage number")
    outcomes = _unique(c, doc.outcomes, ("outcomes",), lambda o: o.code, "code", "code")
    _unique(c, doc.indicators, ("indicators",), lambda i: i.code, "code", "code")
    refs = _unique(c, doc.actions, ("actions",), attrgetter("ref"), "ref", "ref")
    _unique(
        c, doc.meetings, ("meetings",), lambda m: m.key if m.board else None, None,
        "meeting (board, date, title)",
    )  # fmt: skip

    for i, p in enumerate(doc.people):
        if p is not None:
            _known(c, p.organisation, ("people", i, "organisation"), orgs, "organisation")

    parents: dict[str, Sequence[str]] = {}
    for i, b in enumerate(doc.boards):
        if b is None:
            continue
        _known(c, b.parent, ("boards", i, "parent"), boards, "board")
        _known(c, b.chair, ("boards", i, "chair"), people, "person")
        if b.code is not None:
            parents[b.code] = (b.parent,) if b.parent else ()
    board_order = [b.code for b in doc.boards if b is not None and b.code is not None]
    board_index: dict[str, int] = {}
    for i, b in enumerate(doc.boards):
        if b is not None and b.code is not None:
            board_index.setdefault(b.code, i)
    for cycle in _cycles(board_order, parents):
        c.add(
            ("boards", board_index[cycle[0]], "parent"), "board parent cycle: " + " -> ".join(cycle)
        )

    for i, ph in enumerate(doc.phases):
        if ph is None:
            continue
        period.year(ph.start, ("phases", i, "start"))
        period.year(ph.end, ("phases", i, "end"))
        if ph.start is not None and ph.end is not None and ph.end < ph.start:
            c.add(("phases", i, "end"), f"the phase ends ({ph.end}) before it starts ({ph.start})")

    for i, ind in enumerate(doc.indicators):
        if ind is None:
            continue
        path: Path = ("indicators", i)
        _known(c, ind.outcome, (*path, "outcome"), outcomes, "outcome")
        _known(c, ind.board, (*path, "board"), boards, "board")
        _unique(
            c,
            ind.readings,
            (*path, "readings"),
            lambda r: (r.date, r.period),
            None,
            "reading (date, period)",
        )
        for j, r in enumerate(ind.readings):
            if r is not None:
                period.date(r.date, (*path, "readings", j, "date"))

    _check_actions(c, doc, period, refs, phases, stages, outcomes, boards, people, orgs)

    for i, m in enumerate(doc.meetings):
        if m is None:
            continue
        path = ("meetings", i)
        _known(c, m.board, (*path, "board"), boards, "board")
        period.date(m.date, (*path, "date"))
        _unique(
            c,
            m.resolutions,
            (*path, "resolutions"),
            lambda r: r.number,
            "number",
            "resolution number",
        )
        for j, res in enumerate(m.resolutions):
            if res is None:
                continue
            for k, f in enumerate(res.followups):
                if f is None:
                    continue
                fpath = (*path, "resolutions", j, "followups", k)
                _known(c, f.owner, (*fpath, "owner"), people, "person")
                period.date(f.due, (*fpath, "due"))


_AT, _BY = attrgetter("at"), attrgetter("by")


def _updates_fine(updates: Sequence[Any], low: int, high: int) -> bool:
    """True when the loop that words each update's problem would find none: every update has a
    time, all inside the period's years, and no (time, author) repeats. Checked with a few calls
    over the whole list (a large plan has 100,000 updates); anything else goes to the loop."""
    if not updates or None in updates:
        return not updates
    ats = list(map(_AT, updates))
    if None in ats:
        return False
    try:
        inside = low <= min(ats).year and max(ats).year <= high
    except TypeError:  # aware and naive times mixed: the loop words it
        return False
    if not inside:
        return False
    # no time given twice: no (time, author) either (the pairs are made only if one is)
    return len(set(ats)) == len(ats) or (
        len(set(zip(ats, map(_BY, updates), strict=True))) == len(updates)
    )


def _check_actions(
    c: Checker, doc: PlanDraft, period: _Period, refs: set[str], phases: set[int],
    stages: set[int], outcomes: set[str], boards: set[str], people: set[str], orgs: set[str],
) -> None:  # fmt: skip
    edges: dict[str, Sequence[str]] = {}
    action_index: dict[str, int] = {}
    low, high = period.years or (dt.MINYEAR, dt.MAXYEAR)
    for i, a in enumerate(doc.actions):
        if a is None:
            continue
        path: Path = ("actions", i)
        if not (  # every code known (the usual case): no path built for each
            (a.phase is None or a.phase in phases) and (a.stage is None or a.stage in stages)
            and (a.board is None or a.board in boards) and (a.owner is None or a.owner in people)
            and (a.lead_organisation is None or a.lead_organisation in orgs)
            and outcomes.issuperset(a.outcomes)
        ):  # fmt: skip
            _known(c, a.phase, (*path, "phase"), phases, "phase")
            _known(c, a.stage, (*path, "stage"), stages, "stage")
            for j, code in enumerate(a.outcomes):
                _known(c, code, (*path, "outcomes", j), outcomes, "outcome")
            _known(c, a.board, (*path, "board"), boards, "board")
            _known(c, a.owner, (*path, "owner"), people, "person")
            _known(c, a.lead_organisation, (*path, "lead_organisation"), orgs, "organisation")
        start, due = a.start, a.due
        if start is not None and not low <= start.year <= high:  # the path only for a refusal
            period.date(start, (*path, "start"))
        if due is not None and not low <= due.year <= high:
            period.date(due, (*path, "due"))
        if a.start is not None and a.due is not None and a.due < a.start:
            c.add(
                (*path, "due"),
                f"due {a.due.isoformat()} is before the start {a.start.isoformat()}",
            )
        listed: set[str] = set()
        for j, ref in enumerate(a.depends_on):
            if ref is None:
                continue
            if ref not in refs:
                c.add(
                    (*path, "depends_on", j),
                    f"depends on an unknown action {ref!r}",
                    "refs of the actions in this file",
                )
            if ref in listed:
                c.add((*path, "depends_on", j), f"{ref} is listed twice")
            listed.add(ref)
        if len(set(a.outcomes)) != len(a.outcomes):  # a repeat (or two nulls): words it
            dup_out = [
                code for j, code in enumerate(a.outcomes)
                if code is not None and code in a.outcomes[:j]
            ]  # fmt: skip
            for code in dup_out:
                c.add((*path, "outcomes"), f"outcome {code} is listed twice")
        if a.ref is not None:
            edges[a.ref] = [r for r in a.depends_on if r is not None]
            action_index.setdefault(a.ref, i)
        if _updates_fine(a.updates, low, high):
            continue
        seen: dict[tuple[dt.datetime, str | None], int] = {}
        for j, u in enumerate(a.updates):
            if u is None:
                continue
            if u.at is not None:
                if not low <= u.at.year <= high:  # the path is built only for a refusal
                    period.date(u.at.date(), (*path, "updates", j, "at"))
                key = (u.at, u.by)
                if key in seen:
                    c.add(
                        (*path, "updates", j),
                        f"duplicate update at {u.at.isoformat()} by {u.by} "
                        f"(first at {field_name(path)}.updates[{seen[key]}])",
                    )
                else:
                    seen[key] = j
    order = [a.ref for a in doc.actions if a is not None and a.ref is not None]
    for cycle in _cycles(order, edges):
        c.add(
            ("actions", action_index[cycle[0]], "depends_on"),
            "dependency cycle: " + " -> ".join(cycle),
        )
