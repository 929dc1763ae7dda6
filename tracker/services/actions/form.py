"""Checking a form's values for an action against the database: every problem at once, named
by field (dates, the strategy period, 0-100, known phases/boards/people/outcomes, unique refs,
dependency cycles), with codes resolved to rows for the writer in action_edit."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any, TypedDict, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from tracker import input_rules
from tracker.errors import Problem
from tracker.models import (
    Action,
    ActionDependency,
    Board,
    Organisation,
    Outcome,
    Person,
    Phase,
    Stage,
    Strategy,
)
from tracker.services.actions.implied_due import phase_end
from tracker.services.actions.pace import thresholds_in
from tracker.services.actions.updates import check_update
from tracker.services.context import Tracker
from tracker.services.plain_sql import SessionReader
from tracker.text import ALLOWED as TEXT_ALLOWED
from tracker.text import control_problem
from tracker.vocabulary import RAGS, STATUSES

REF_RE = re.compile(r"[A-Z0-9][A-Z0-9-]*\Z")
FIELDS = (
    "ref", "title", "description", "phase", "stage", "board", "owner", "lead_organisation",
    "start", "due", "status", "rag", "progress", "outcomes", "depends_on", "note",
)  # fmt: skip
POSITION = ("status", "rag", "progress")

_Coded = TypeVar("_Coded", Board, Person, Organisation)  # rows a form names by code
_Shown = TypeVar("_Shown", int, str)


class Resolved(TypedDict, total=False):
    """A form's values, checked, with codes resolved to rows: only the fields it gave."""

    ref: str
    title: str | None
    description: str | None
    phase: Phase | None
    stage: Stage | None
    board: Board | None
    owner: Person | None
    lead_organisation: Organisation | None
    start: dt.date | None
    due: dt.date | None
    status: str | None
    rag: str | None
    progress: int | None
    outcomes: list[Outcome]
    depends_on: list[Action]
    note: str | None


def clean_text(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _date(value: object, name: str, problems: list[Problem]) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    day, problem = input_rules.read_date(value)
    if problem:
        problems.append(Problem(name, problem, input_rules.DATE_ALLOWED))
    return day


def _int(value: object, name: str, problems: list[Problem], allowed: str) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = str(value).strip().removesuffix("%").strip()
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        problems.append(Problem(name, f"{text!r} is not a whole number", allowed))
        return None


def _items(value: object) -> list[object]:
    """A list's items, or text split at commas or spaces."""
    if isinstance(value, str):
        return list(re.split(r"[,\s]+", value))
    if not value:
        return []
    if not isinstance(value, Iterable):
        raise TypeError(f"{value!r} is neither text nor a list")
    return list(value)


def _refs(value: object) -> tuple[str, ...]:
    """Refs from a list, or from text separated by commas or spaces; upper-cased, de-duplicated."""
    items = _items(value)
    out: list[str] = []
    for item in items:
        ref = str(item).strip().upper()
        if ref and ref not in out:
            out.append(ref)
    return tuple(out)


def _codes(value: object) -> tuple[str, ...]:
    items = _items(value)
    return tuple(dict.fromkeys(str(i).strip() for i in items if str(i).strip()))


def _lookup(s: Session, model: type[_Coded], code: str | None) -> _Coded | None:
    if code is None:
        return None
    return s.scalars(select(model).where(model.code == code)).one_or_none()


def _names(s: Session, model: type[_Coded]) -> list[str]:
    """The names a person, board or organisation is also known by (a person's role too)."""
    columns = [model.name, *([Person.role] if model is Person else [])]
    return [str(v) for c in columns for v in s.scalars(select(c).where(c.is_not(None)))]


def _by_name(s: Session, model: type[_Coded], text: str) -> _Coded | None:
    """The one row whose name (or, for a person, role or "name (role)") is `text` in any
    case; None when none or several are."""
    low = " ".join(text.lower().split())
    columns = [model.name, *([Person.role] if model is Person else [])]
    found: dict[int, Any] = {
        r.id: r for c in columns for r in s.scalars(select(model).where(func.lower(c) == low))
    }
    if not found and model is Person:  # as the app lists owners: "Cara Cole (Locality Manager)"
        found = {p.id: p for p in s.scalars(select(Person))
                 if " ".join((owner_text(p) or "").lower().split()) == low}  # fmt: skip
    return next(iter(found.values())) if len(found) == 1 else None


def owner_text(p: Person) -> str | None:
    return f"{p.name} ({p.role})" if p.name and p.role else p.name or p.role


def _allowed(s: Session, column: InstrumentedAttribute[_Shown], limit: int = 12) -> str:
    values = [str(v) for v in s.scalars(select(column).order_by(column).limit(limit + 1))]
    text = ", ".join(values[:limit])
    return text + (", ..." if len(values) > limit else "") if values else "none defined yet"


def _dependency_path(edges: dict[int, set[int]], start: int, goal: int) -> list[int] | None:
    """A path start -> ... -> goal following 'depends on' edges, or None."""
    parents: dict[int, int | None] = {start: None}
    frontier = [start]
    while frontier:
        nxt: list[int] = []
        for node in frontier:
            for dep in edges.get(node, ()):
                if dep in parents:
                    continue
                parents[dep] = node
                if dep == goal:
                    path = [dep]
                    parent = parents[dep]
                    while parent is not None:
                        path.append(parent)
                        parent = parents[parent]
                    return path[::-1]
                nxt.append(dep)
        frontier = nxt
    return None


class ActionForm:
    """Checks a set of values against the database and resolves codes to rows."""

    def __init__(self, s: Session, strategy: Strategy, action: Action | None) -> None:
        self.s = s
        self.strategy = strategy
        self.action = action
        self.problems: list[Problem] = []
        self.resolved: Resolved = {}

    def add(self, name: str, message: str, allowed: str | None = None) -> None:
        self.problems.append(Problem(name, message, allowed))

    def check(self, values: Mapping[str, object]) -> None:
        s, p = self.s, self.problems
        for name in values:
            if name not in FIELDS:
                self.add(name, "not a field of an action", ", ".join(FIELDS))
        for name, value in values.items():
            wrong = control_problem(value) if isinstance(value, str) else None
            if wrong:
                self.add(name, wrong, TEXT_ALLOWED)
        r = self.resolved
        if "ref" in values:
            ref = (clean_text(values["ref"]) or "").upper()
            if not ref:
                self.add("ref", "required")
            elif not REF_RE.match(ref) or len(ref) > 40:
                self.add("ref", f"{ref!r} is not an action ref", "capital letters, digits and -")
            elif s.scalars(select(Action.id).where(Action.ref == ref)).first() is not None:
                self.add("ref", f"{ref} is already used by another action")
            r["ref"] = ref
        if "title" in values:
            title = clean_text(values["title"])
            if not title:
                self.add("title", "required: what the action delivers")
            r["title"] = title
        if "description" in values:
            r["description"] = clean_text(values["description"])
        if "phase" in values:
            number = _int(values["phase"], "phase", p, "a phase number")
            phase = None
            if number is None:
                if not any(x.field == "phase" for x in p):
                    self.add("phase", "required")
            else:
                phase = s.scalars(
                    select(Phase).where(
                        Phase.strategy_id == self.strategy.id, Phase.number == number
                    )
                ).one_or_none()
                if phase is None:
                    allowed = _allowed(s, Phase.number)
                    self.add("phase", f"there is no phase {number}", allowed)
            r["phase"] = phase
        if "stage" in values:
            number = _int(values["stage"], "stage", p, "a stage number, or empty")
            stage = None
            if number is not None:
                stage = s.scalars(
                    select(Stage).where(
                        Stage.strategy_id == self.strategy.id, Stage.number == number
                    )
                ).one_or_none()
                if stage is None:
                    self.add("stage", f"there is no stage {number}", _allowed(s, Stage.number))
            r["stage"] = stage
        if "board" in values:
            r["board"] = self._coded(values["board"], "board", Board)
        if "owner" in values:
            r["owner"] = self._coded(values["owner"], "owner", Person)
        if "lead_organisation" in values:
            r["lead_organisation"] = self._coded(
                values["lead_organisation"], "lead_organisation", Organisation
            )
        if "start" in values:
            r["start"] = _date(values["start"], "start", p)
        if "due" in values:
            r["due"] = _date(values["due"], "due", p)
        if "status" in values:
            status, problem = input_rules.read_status(values["status"])
            if status is None:
                self.add("status", problem or "required", ", ".join(STATUSES))
            r["status"] = status
        if "rag" in values:
            rag, problem = input_rules.read_rag(values["rag"])
            if problem:
                self.add("rag", problem, ", ".join((*RAGS, "none")))
            r["rag"] = None if rag == input_rules.NO_RAG else rag
        if "progress" in values:
            progress = _int(values["progress"], "progress", p, "0-100")
            if progress is None and not any(x.field == "progress" for x in p):
                self.add("progress", "required", "0-100")
            elif progress is not None and not 0 <= progress <= 100:
                self.add("progress", f"{progress}% is not a percentage", "0-100")
            r["progress"] = progress
        if "outcomes" in values:
            codes = _codes(values["outcomes"])
            found = {o.code: o for o in s.scalars(select(Outcome).where(Outcome.code.in_(codes)))}
            for code in codes:
                if code not in found:
                    self.add("outcomes", f"unknown outcome {code!r}", _allowed(s, Outcome.code))
            r["outcomes"] = [found[c] for c in codes if c in found]
        if "depends_on" in values:
            self._check_dependencies(_refs(values["depends_on"]))
        if "note" in values:
            r["note"] = clean_text(values["note"])
        self._check_dates()

    def _coded(self, value: object, name: str, model: type[_Coded]) -> _Coded | None:
        """The row a code names, or a name (a person's name or role) in any case when only one
        row has it; anything else is a problem, with the closest codes and names."""
        code = clean_text(value)
        row = _lookup(self.s, model, code)
        if code is not None and row is None:
            row = _by_name(self.s, model, code)
        if code is not None and row is None:
            codes: list[str] = list(self.s.scalars(select(model.code)).all())
            codes += _names(self.s, model)
            close = input_rules.did_you_mean(code, codes)
            self.add(
                name, f"unknown {name.replace('_', ' ')} {code!r}{close}",
                _allowed(self.s, model.code),
            )  # fmt: skip
        return row

    def _check_dependencies(self, refs: tuple[str, ...]) -> None:
        s = self.s
        found = {a.ref: a for a in s.scalars(select(Action).where(Action.ref.in_(refs)))}
        mine = self.action.ref if self.action else self.resolved.get("ref")
        for ref in refs:
            if ref == mine:
                self.add("depends_on", f"{ref} cannot depend on itself")
            elif ref not in found:
                self.add("depends_on", f"no action with ref {ref!r}")
        deps = [found[ref] for ref in refs if ref in found and ref != mine]
        self.resolved["depends_on"] = deps
        if self.action is None or not deps:
            return  # nothing depends on a new action yet, so it cannot close a cycle
        edges: dict[int, set[int]] = {}
        for a, b in s.execute(select(ActionDependency.action_id, ActionDependency.depends_on_id)):
            edges.setdefault(a, set()).add(b)
        for dep in deps:
            path = _dependency_path(edges, dep.id, self.action.id)
            if path is not None:
                names = dict(
                    s.execute(select(Action.id, Action.ref).where(Action.id.in_(path))).all()
                )
                cycle = " → ".join([self.action.ref, *(names[i] for i in path)])
                self.add("depends_on", f"{dep.ref} would make a cycle: {cycle}")

    def _check_dates(self) -> None:
        a = self.action
        start = self.resolved.get("start", a.start if a else None)
        due = self.resolved.get("due", a.due if a else None)
        first = dt.date(self.strategy.start_year, 1, 1)
        last = dt.date(self.strategy.end_year, 12, 31)
        period = f"{first.isoformat()} to {last.isoformat()}"
        for name, day in (("start", start), ("due", due)):
            if day is not None and name in self.resolved and not first <= day <= last:
                self.add(name, f"{day.isoformat()} is outside the strategy period", period)
        if start is not None and due is not None and due < start:
            name = "due" if "due" in self.resolved else "start"
            self.add(name, f"due {due.isoformat()} is before start {start.isoformat()}")


def check_position(form: ActionForm, t: Tracker, current: Action | None) -> None:
    """The status-update rules, when a form moves the status, RAG or % complete."""
    r = form.resolved
    if not any(name in r for name in POSITION) or any(p.field in POSITION for p in form.problems):
        return
    if current is not None and "status" not in r and r.get("progress"):
        # a % above 0 on an action not started starts it (tracker.input_rules.settle)
        started, _ = input_rules.settle(None, r["progress"], current.status, current.progress)
        if started != current.status:
            r["status"] = started
    status = r.get("status", current.status if current else "not started")
    progress = r.get("progress", current.progress if current else 0)
    if status is None or progress is None:
        return  # a problem with either has returned above
    was = current.status if current else "not started"
    # an existing action's update: past its phase's end it needs commentary, as the register
    # shows it late; a new action is not an update (its own past due date still asks)
    phase = r.get("phase", current.phase) if current is not None else None
    problems = check_update(
        # reopening a cancelled action is what the editor is for
        current_status="in progress" if was == "cancelled" else was,
        due=r.get("due", current.due if current else None),
        today=t.today(),
        status=status,
        rag=r.get("rag", current.rag if current else None),
        progress=progress,
        note=r.get("note"),
        start=r.get("start", current.start if current else None),
        thresholds=thresholds_in(SessionReader(form.s)),
        phase_end=phase_end(phase.end_year) if phase is not None else None,
    )
    form.problems.extend(p for p in problems if p not in form.problems)
