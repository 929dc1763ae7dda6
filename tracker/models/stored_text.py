"""No control character is stored, whichever face or service writes (tracker.text's rule).

Services check their own fields first, with the words of their forms; this is the guard
behind them all, run on every flush: a new or changed text column holding a control character
refuses the whole transaction, naming the record and field. A carriage return is stored as a
plain line break. The audit trail is exempt: it records old values exactly as they were (text
stored before the rule must still be correctable)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, sessionmaker

from tracker.errors import InvalidInput, Problem
from tracker.text import ALLOWED, control_problem, normalise_newlines

_EXEMPT = frozenset({"audit_entry"})


def field_name(table: str, column: str) -> str:
    """`followup_response.text` -> "follow-up response text"."""
    return f"{table} {column}".replace("_", " ").replace("followup", "follow-up")


def check_stored_text(session: Session, _context: Any, _instances: Any) -> None:
    problems = []
    for obj in (*session.new, *session.dirty):
        table = getattr(obj, "__tablename__", "")
        if table in _EXEMPT:
            continue
        state = inspect(obj)
        for attr in state.mapper.column_attrs:
            added = state.attrs[attr.key].history.added
            value = added[0] if added else None
            if not isinstance(value, str):
                continue
            if "\r" in value:
                value = normalise_newlines(value)
                setattr(obj, attr.key, value)
            wrong = control_problem(value)
            if wrong:
                problems.append(Problem(field_name(table, attr.key), wrong, ALLOWED))
    if problems:
        raise InvalidInput(problems)


def guard(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "before_flush", check_stored_text)
