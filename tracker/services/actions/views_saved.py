"""Saved views of the register: a name for a set of filters and a sort, shared by everyone on
the tracker. "My actions" is always there: the actions whose owner matches user.name."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from tracker.domain import audit as trail
from tracker.errors import Conflict, NotFound, invalid
from tracker.models import SavedView
from tracker.services.accounts.permissions import require
from tracker.services.actions.register import SORT_COLUMNS, ActionFilter, check_filter
from tracker.services.context import Tracker
from tracker.text import control_problem

MY_ACTIONS = "My actions"
NAME_MAX = 80


@dataclass(frozen=True)
class View:
    name: str
    filter: ActionFilter
    sort: str = "ref"
    descending: bool = False
    built_in: bool = False

    def describe(self) -> str:
        parts = []
        for f in dataclasses.fields(ActionFilter):
            value = getattr(self.filter, f.name)
            if value not in (None, False, (), ""):
                shown = ", ".join(value) if isinstance(value, tuple) else value
                parts.append(f"{f.name.replace('_', ' ')} {shown}")
        order = f"sorted by {self.sort}{' descending' if self.descending else ''}"
        return "; ".join([*parts, order]) if parts else f"all actions; {order}"


def _to_json(f: ActionFilter) -> dict[str, object]:
    out: dict[str, object] = {}
    for field in dataclasses.fields(ActionFilter):
        value = getattr(f, field.name)
        if value in (None, False, (), ""):
            continue
        out[field.name] = value.isoformat() if isinstance(value, dt.date) else value
    return out


def _from_json(data: dict[str, object]) -> ActionFilter:
    kwargs: dict[str, Any] = {}
    names = {f.name for f in dataclasses.fields(ActionFilter)}
    for name, value in data.items():
        if name not in names:
            continue
        if name in ("due_before", "due_from") and isinstance(value, str):
            kwargs[name] = dt.date.fromisoformat(value)
        elif isinstance(value, list):
            kwargs[name] = tuple(value)
        else:
            kwargs[name] = value
    return dataclasses.replace(ActionFilter(), **kwargs)


def _my_actions(t: Tracker) -> View:
    return View(MY_ACTIONS, ActionFilter(owner=t.user, open_only=True), "due", built_in=True)


def list_views(t: Tracker) -> tuple[View, ...]:
    """ "My actions", then the saved views by name."""
    with t.db.reading() as s:
        rows = s.scalars(select(SavedView).order_by(SavedView.name)).all()
        saved = tuple(View(r.name, _from_json(dict(r.filters)), r.sort, r.descending) for r in rows)
    return (_my_actions(t), *saved)


def save_view(
    t: Tracker, name: str, f: ActionFilter, *, sort: str = "ref", descending: bool = False
) -> View:
    """Save (or replace) a named view of the register."""
    name = " ".join((name or "").split())
    if not name:
        raise invalid("name", "required: what to call the view")
    if len(name) > NAME_MAX:
        raise invalid("name", f"{len(name)} characters", f"at most {NAME_MAX}")
    wrong = control_problem(name)
    if wrong:
        raise invalid("name", wrong)
    if name.lower() == MY_ACTIONS.lower():
        raise Conflict(f"{MY_ACTIONS!r} is built in: choose another name")
    if sort not in SORT_COLUMNS:
        raise invalid("sort", f"unknown column {sort!r}", ", ".join(SORT_COLUMNS))
    check_filter(f)
    with t.db.writing() as s:
        require(t, s, "save views")
        row = s.scalars(select(SavedView).where(SavedView.name == name)).first()
        data = _to_json(f)
        old = json.dumps(row.filters, sort_keys=True) if row else None
        if row is None:
            row = SavedView(name=name, created_by=t.user, filters=data, sort=sort,
                            descending=descending)  # fmt: skip
            s.add(row)
        else:
            row.filters, row.sort, row.descending = data, sort, descending
        trail.record(s, t.user, "update" if old else "create", "view", name,
                     {"filters": (old, json.dumps(data, sort_keys=True))})  # fmt: skip
        return View(name, f, sort, descending)


def delete_view(t: Tracker, name: str) -> None:
    with t.db.writing() as s:
        require(t, s, "save views")
        row = s.scalars(select(SavedView).where(SavedView.name == name)).first()
        if row is None:
            raise NotFound(f"no saved view called {name!r}")
        s.delete(row)
        trail.record(s, t.user, "delete", "view", name)


def find_view(t: Tracker, name: str) -> View:
    for v in list_views(t):
        if v.name.lower() == name.strip().lower():
            return v
    raise NotFound(f"no saved view called {name!r} (`tracker actions views` lists them)")
