"""Finding committees, boards and people by what a user types: codes or names in any case,
ISO dates, owners as minuted. Shared by the minutes import, follow-ups and the calendar."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from tracker import input_rules
from tracker.errors import invalid
from tracker.models import Board, Person
from tracker.services.actions.register import owner_label
from tracker.services.context import Tracker

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(value: str | dt.date | None, fld: str = "date") -> dt.date:
    """An ISO date (YYYY-MM-DD); anything else is refused naming the field."""
    if isinstance(value, dt.date):
        return value
    day, problem = input_rules.read_date(value)
    if day is None:
        raise invalid(fld, problem or "nothing is not a date", input_rules.DATE_ALLOWED)
    return day


def like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def board_clause(name: str) -> ColumnElement[bool]:
    """A board (or committee) named by its code or its name, in any case."""
    low = name.strip().lower()
    return or_(func.lower(Board.code) == low, func.lower(Board.name) == low)


def known_committees(s: Session) -> str:
    rows = s.execute(select(Board.code, Board.kind).order_by(Board.kind.desc(), Board.code)).all()
    committees = [c for c, k in rows if k == "committee"]
    boards = [c for c, k in rows if k != "committee"]
    text = ", ".join(committees) or "none yet"
    if boards:
        text += "; boards: " + ", ".join(boards)
    return text


def find_board(s: Session, name: str, field: str = "committee") -> Board:
    board = s.scalars(select(Board).where(board_clause(name)).order_by(Board.id)).first()
    if board is None:
        raise invalid(field, f"no committee or board called {name!r}", known_committees(s))
    return board


def _norm(text: str) -> str:
    words = text.lower().split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def match_people(s: Session, names: Iterable[str]) -> dict[str, Person]:
    """Owners as minuted -> the one Person whose code, name or role is exactly that text
    (ignoring case, spacing and a leading "the"). Ambiguous or unknown names are left out."""
    wanted = {n: _norm(n) for n in names if n and n.strip()}
    keys = set(wanted.values())
    if not keys:
        return {}
    people = s.scalars(
        select(Person).where(
            or_(
                func.lower(Person.code).in_(keys),
                func.lower(Person.name).in_(keys),
                func.lower(Person.role).in_(keys),
            )
        )
    ).all()
    found: dict[str, set[int]] = {}
    by_id = {p.id: p for p in people}
    for p in people:
        for value in (p.code, p.name, p.role):
            if value:
                found.setdefault(_norm(value), set()).add(p.id)
    out: dict[str, Person] = {}
    for name, key in wanted.items():
        ids = found.get(key, set())
        if len(ids) == 1:
            out[name] = by_id[next(iter(ids))]
    return out


def people_choices(t: Tracker) -> tuple[tuple[str, str], ...]:
    """Everyone who can own a follow-up, as (code, "Name (Role)"), names first."""
    with t.db.reading() as s:
        rows = s.execute(
            select(Person.code, Person.name, Person.role).order_by(
                Person.name.is_(None), Person.name, Person.role, Person.code
            )
        )
        return tuple((code, owner_label(name, role) or code) for code, name, role in rows)
