"""The lists a task's fields choose from, read from the database (in the window's worker)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from tracker.ui.widgets.text import day

if TYPE_CHECKING:
    from tracker.services.context import Tracker

Options = list[tuple[str, Any]]


def boards(t: Tracker, kind: str | None = "board") -> Options:
    from tracker.services.governance.boards import list_boards

    return [
        (("  " * b.depth) + b.name, b.code)
        for b in list_boards(t)
        if kind is None or b.kind == kind
    ]


def people(t: Tracker) -> Options:
    from tracker.services.choices import load_choices

    return [(label, code) for code, label in load_choices(t, with_actions=False).people]


def outcomes(t: Tracker) -> Options:
    from tracker.services.choices import load_choices

    return [(name, code) for code, name in load_choices(t, with_actions=False).outcomes]


def phases(t: Tracker) -> Options:
    from tracker.services.choices import phases as read_phases

    return [(label, number) for number, label in read_phases(t)]


def actions(t: Tracker) -> Options:
    from tracker.services.choices import load_choices

    return [(f"{ref}  {title}", ref) for ref, title in load_choices(t).actions]


def indicators(t: Tracker) -> Options:
    from tracker.services.indicators import list_indicators

    return [(f"{r.name} ({r.code})", r.code) for r in list_indicators(t)]


def open_escalations(t: Tracker) -> Options:
    from tracker.services.governance.escalations import list_escalations

    return [
        (f"#{e.id} {e.ref}: {e.from_board_name} → {e.to_board_name} ({day(e.raised_on)})", e.id)
        for e in list_escalations(t, open_only=True)
    ]


def scheduled_meetings(t: Tracker) -> Options:
    from tracker.services.governance.meetings import list_meetings

    return [
        (f"{day(m.date)}  {m.board_name}" + (f" ({m.title})" if m.title else ""),
         f"{m.board}|{m.date.isoformat()}")
        for m in list_meetings(t, date_from=t.today(), status="scheduled")
        if m.date is not None
    ]  # fmt: skip


def held_meetings(t: Tracker) -> Options:
    from tracker.services.governance.meetings import list_meetings

    return [
        (f"{day(m.date)}  {m.board_name}" + (f" ({m.title})" if m.title else ""),
         f"{m.board}|{m.date.isoformat()}")
        for m in reversed(list_meetings(t, status="held"))
        if m.date is not None
    ]  # fmt: skip


def accounts(t: Tracker) -> Options:
    from tracker.services.accounts import list_accounts

    return [(f"{a.display_name} ({a.login})", a.login) for a in list_accounts(t)]


SOURCES: dict[str, Callable[[Tracker], Options]] = {
    "boards": boards,
    "committees": lambda t: boards(t, "committee"),
    "boards and committees": lambda t: boards(t, None),
    "people": people,
    "outcomes": outcomes,
    "phases": phases,
    "actions": actions,
    "indicators": indicators,
    "open escalations": open_escalations,
    "scheduled meetings": scheduled_meetings,
    "held meetings": held_meetings,
    "accounts": accounts,
}


def read_options(t: Tracker, sources: dict[str, str]) -> dict[str, Options]:
    """Each field's options, each list read once."""
    read: dict[str, Options] = {}
    out: dict[str, Options] = {}
    for name, source in sources.items():
        if source not in read:
            read[source] = SOURCES[source](t)
        out[name] = read[source]
    return out
