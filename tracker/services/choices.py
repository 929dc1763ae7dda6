"""What a form may pick from: phases, stages, boards, people, organisations, outcomes and action
refs, as (value, label) pairs in the order a person expects to see them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.models import (
    Action,
    Board,
    Organisation,
    Outcome,
    Person,
    Phase,
    Stage,
)
from tracker.services.actions.register import owner_label
from tracker.services.context import Tracker
from tracker.services.plain_sql import SessionReader
from tracker.services.reading import hidden_actions
from tracker.vocabulary import STATUSES, exempt_label

RAG_CHOICES = (("green", "green"), ("amber", "amber"), ("red", "red"))


def phase_label(number: int, name: str | None, start: int | None, end: int | None) -> str:
    """'Phase 2 Implement and deliver (2025-2026)'; unknowns say "to be confirmed"."""
    years = (
        f"{start}-{end}" if start and end and start != end else str(start or end)
    ) if (start or end) else "dates to be confirmed"  # fmt: skip
    return f"Phase {number} {name or '(name to be confirmed)'} ({years})"


@dataclass(frozen=True)
class Choices:
    phases: tuple[tuple[int, str], ...]
    stages: tuple[tuple[int, str], ...]
    boards: tuple[tuple[str, str], ...]  # (code, name)
    people: tuple[tuple[str, str], ...]  # (code, "Name (Role)")
    organisations: tuple[tuple[str, str], ...]
    outcomes: tuple[tuple[str, str], ...]
    actions: tuple[tuple[str, str], ...]  # (ref, title)
    statuses: tuple[str, ...] = STATUSES
    rags: tuple[tuple[str, str], ...] = RAG_CHOICES


def phases(t: Tracker) -> tuple[tuple[int, str], ...]:
    with t.db.reading() as s:
        return _phases(s)


def _phases(s: Session) -> tuple[tuple[int, str], ...]:
    rows = s.execute(
        select(Phase.number, Phase.name, Phase.start_year, Phase.end_year)
        .distinct()
        .order_by(Phase.number)
    )
    seen: dict[int, str] = {}
    for number, name, start, end in rows:
        seen.setdefault(number, phase_label(number, name, start, end))
    return tuple(seen.items())


def load_choices(t: Tracker, *, with_actions: bool = True) -> Choices:
    """Every list a form offers, read in one transaction."""
    with t.db.reading() as s:
        stages: dict[int, str] = {}
        for number, name in s.execute(
            select(Stage.number, Stage.name).order_by(Stage.number, Stage.id)
        ):
            stages.setdefault(number, f"Stage {number} {name}")
        boards = tuple(
            (code, name)
            for code, name in s.execute(select(Board.code, Board.name).order_by(Board.name))
        )
        people = tuple(
            (code, owner_label(name, role) or code)
            for code, name, role in s.execute(
                select(Person.code, Person.name, Person.role).order_by(
                    Person.name.is_(None), Person.name, Person.role
                )
            )
        )
        organisations = tuple(
            (code, name)
            for code, name in s.execute(
                select(Organisation.code, Organisation.name).order_by(Organisation.name)
            )
        )
        outcomes = tuple(
            (code, name)
            for code, name in s.execute(
                select(Outcome.code, Outcome.name).order_by(Outcome.position, Outcome.code)
            )
        )
        actions: tuple[tuple[str, str], ...] = ()
        if with_actions:
            # an exempt action the account may not read in full: its title withheld
            hidden = hidden_actions(t, SessionReader(s))
            actions = tuple(
                (ref, exempt_label(hidden[ref]) if ref in hidden else title)
                for ref, title in s.execute(select(Action.ref, Action.title).order_by(Action.ref))
            )
        return Choices(
            phases=_phases(s),
            stages=tuple(stages.items()),
            boards=boards,
            people=people,
            organisations=organisations,
            outcomes=outcomes,
            actions=actions,
        )
