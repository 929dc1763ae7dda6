"""A meeting's agenda as the acting account may read it: an escalation item about an exempt
action it may not read in full (tracker.services.reading), unless its board is the one the
escalation is raised to, keeps its place and number, the
action's title withheld ("exempt item (paragraph N)") and the reason and decision sought (the
item's notes) left out. Items held meetings stored name the escalation ("Escalation #12 from
...: P1-01 ..."); the next meeting's waiting items carry its id."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from tracker.services.plain_sql import Params, SessionReader
from tracker.services.reading import exempt_reader, hidden_actions
from tracker.vocabulary import exempt_label

if TYPE_CHECKING:  # meetings.py reads its agendas through this module
    from sqlalchemy.orm import Session

    from tracker.services.context import Tracker
    from tracker.services.governance.meetings import AgendaEntry, MeetingView

_ESCALATION = re.compile(r"Escalation #(\d+) from ")


def _escalation_of(item: AgendaEntry) -> int | None:
    if item.escalation_id is not None:
        return item.escalation_id
    found = _ESCALATION.match(item.title)
    return int(found.group(1)) if found else None


def withhold_agendas(
    t: Tracker, s: Session, meetings: Sequence[MeetingView]
) -> tuple[MeetingView, ...]:
    """The meetings with their agendas' escalation items withheld where they must be."""
    if t.unrestricted:
        return tuple(meetings)
    ids = {e for m in meetings for a in m.agenda if (e := _escalation_of(a)) is not None}
    if not ids:
        return tuple(meetings)
    reader = SessionReader(s)
    p = Params(reader.dialect)
    found = reader.rows(
        "SELECT escalation.id, action.ref, board.code FROM escalation JOIN action ON action.id = "
        "escalation.action_id JOIN board ON board.id = escalation.to_board_id WHERE "
        f"action.exempt_paragraph IS NOT NULL AND escalation.id IN ({p.each(sorted(ids))})",
        p.values,
    )
    refs: dict[int, str] = {r[0]: r[1] for r in found}
    hidden = hidden_actions(t, reader, tuple(set(refs.values()))) if refs else {}
    if not hidden:
        return tuple(meetings)
    scope = exempt_reader(t, reader)  # the board an escalation is raised to reads it in full
    deciding = {r[0] for r in found if scope is not None and scope.reads_body(r[2])}

    def shown(item: AgendaEntry) -> AgendaEntry:
        escalation = _escalation_of(item) or 0
        ref = refs.get(escalation)
        if ref not in hidden or escalation in deciding:
            return item
        head, sep, _ = item.title.partition(f": {ref} ")
        title = f"{head}{sep}{exempt_label(hidden[ref])}" if sep else exempt_label(hidden[ref])
        return replace(item, title=title, notes=None)

    return tuple(replace(m, agenda=tuple(shown(a) for a in m.agenda)) for m in meetings)
