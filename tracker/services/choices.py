"""What a form may pick from: phases, stages, boards, people, organisations, outcomes and action
refs, as (value, label) pairs in the order a person expects to see them.

Read in plain SQL (tracker.services.plain_sql): the register reads its filters' lists as its
first page shows, which may be before the app has loaded SQLAlchemy in idle time; that import
(about 0.4 s of CPU) then held up the register's first frame."""

from __future__ import annotations

from dataclasses import dataclass

from tracker.services.actions.register import owner_label
from tracker.services.context import Tracker
from tracker.services.plain_sql import Reader
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
    with t.reading_sql() as reader:
        return _phases(reader)


def _phases(reader: Reader) -> tuple[tuple[int, str], ...]:
    rows = reader.rows(
        "SELECT DISTINCT number, name, start_year, end_year FROM phase ORDER BY number", {}
    )
    seen: dict[int, str] = {}
    for number, name, start, end in rows:
        seen.setdefault(number, phase_label(number, name, start, end))
    return tuple(seen.items())


def load_choices(t: Tracker, *, with_actions: bool = True) -> Choices:
    """Every list a form offers, read in one transaction."""
    with t.reading_sql() as reader:
        return _read_choices(t, reader, with_actions=with_actions)


def _read_choices(t: Tracker, reader: Reader, *, with_actions: bool = True) -> Choices:
    """`load_choices` on an open reader."""
    stages: dict[int, str] = {}
    for number, name in reader.rows("SELECT number, name FROM stage ORDER BY number, id", {}):
        stages.setdefault(number, f"Stage {number} {name}")
    boards = tuple(
        (code, name) for code, name in reader.rows("SELECT code, name FROM board ORDER BY name", {})
    )
    people = tuple(
        (code, owner_label(name, role) or code)
        for code, name, role in reader.rows(
            "SELECT code, name, role FROM person ORDER BY name IS NULL, name, role", {}
        )
    )
    organisations = tuple(
        (code, name)
        for code, name in reader.rows("SELECT code, name FROM organisation ORDER BY name", {})
    )
    outcomes = tuple(
        (code, name)
        for code, name in reader.rows("SELECT code, name FROM outcome ORDER BY position, code", {})
    )
    actions: tuple[tuple[str, str], ...] = ()
    if with_actions:
        # an exempt action the account may not read in full: its title withheld
        hidden = hidden_actions(t, reader)
        actions = tuple(
            (ref, exempt_label(hidden[ref]) if ref in hidden else title)
            for ref, title in reader.rows("SELECT ref, title FROM action ORDER BY ref", {})
        )
    return Choices(
        phases=_phases(reader),
        stages=tuple(stages.items()),
        boards=boards,
        people=people,
        organisations=organisations,
        outcomes=outcomes,
        actions=actions,
    )
