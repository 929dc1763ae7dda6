"""The lists a task's fields choose from, read from the database (in the window's worker)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from tracker.ui.widgets.text import day

if TYPE_CHECKING:
    from tracker.services.context import Tracker

Options = list[tuple[str, Any]]
Scoped = list[tuple[str, Any, str]]  # (label, value, the code of its board or committee)


def boards(t: Tracker, kind: str | None = "board") -> Options:
    return [(label, code) for label, code, _ in _boards(t, kind)]


def _boards(t: Tracker, kind: str | None = "board") -> Scoped:
    from tracker.services.governance.boards import list_boards

    return [
        (("  " * b.depth) + b.name, b.code, b.code)
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


def open_escalations(t: Tracker) -> Scoped:
    """Each open escalation, with the board it is to (which decides it)."""
    from tracker.services.governance.escalations import list_escalations

    return [
        (f"#{e.id} {e.ref}: {e.from_board_name} → {e.to_board_name} ({day(e.raised_on)})", e.id,
         e.to_board)
        for e in list_escalations(t, open_only=True)
    ]  # fmt: skip


def scheduled_meetings(t: Tracker) -> Scoped:
    """Every meeting still scheduled, those whose date passed unrecorded too (to cancel one
    that did not take place, else holding the board's next meeting would minute its date)."""
    from tracker.services.governance.meetings import list_meetings

    return [
        (f"{day(m.date)}  {m.board_name}" + (f" ({m.own_title})" if m.own_title else ""),
         f"{m.board}|{m.date.isoformat()}", m.board)
        for m in list_meetings(t, status="scheduled")
        if m.date is not None
    ]  # fmt: skip


def held_meetings(t: Tracker) -> Scoped:
    from tracker.services.governance.meetings import list_meetings

    return [
        (f"{day(m.date)}  {m.board_name}" + (f" ({m.own_title})" if m.own_title else ""),
         f"{m.board}|{m.date.isoformat()}", m.board)
        for m in reversed(list_meetings(t, status="held"))
        if m.date is not None
    ]  # fmt: skip


def accounts(t: Tracker) -> Options:
    from tracker.services.accounts import list_accounts

    return [(f"{a.display_name} ({a.login})", a.login) for a in list_accounts(t)]


SOURCES: dict[str, Callable[[Tracker], Options]] = {
    "people": people,
    "outcomes": outcomes,
    "phases": phases,
    "actions": actions,
    "indicators": indicators,
    "accounts": accounts,
}
# the lists whose every entry belongs to a board or committee: a job that needs a right on
# one offers only those the acting account has it on
BY_BODY: dict[str, Callable[[Tracker], Scoped]] = {
    "boards": _boards,
    "committees": lambda t: _boards(t, "committee"),
    "boards and committees": lambda t: _boards(t, None),
    "open escalations": open_escalations,
    "scheduled meetings": scheduled_meetings,
    "held meetings": held_meetings,
}


def read_options(
    t: Tracker, sources: dict[str, str], keep: Callable[[str], bool] | None = None
) -> dict[str, Options]:
    """Each field's options, each list read once; `keep`: of the lists by board or committee
    (BY_BODY), only the entries of the boards and committees it keeps (by code)."""
    read: dict[str, Options] = {}
    out: dict[str, Options] = {}
    for name, source in sources.items():
        if source not in read:
            if source in BY_BODY:
                read[source] = [(label, value) for label, value, body in BY_BODY[source](t)
                                if keep is None or keep(body)]  # fmt: skip
            else:
                read[source] = SOURCES[source](t)
        out[name] = read[source]
    return out
