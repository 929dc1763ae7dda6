"""A meeting's agenda as the acting account may read it: an escalation item about an exempt
action it may not read in full (tracker.services.reading) keeps its place and number, the
action's title withheld ("exempt item (paragraph N)") and the reason and decision sought (the
item's notes) left out. Items held meetings stored name the escalation ("Escalation #12 from
...: P1-01 ..."); the next meeting's waiting items carry its id."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from tracker.services.plain_sql import Params, SessionReader
from tracker.services.reading import hidden_actions
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
    refs: dict[int, str] = {r[0]: r[1] for r in reader.rows(
        "SELECT escalation.id, action.ref FROM escalation JOIN action ON action.id = "
        "escalation.action_id WHERE action.exempt_paragraph IS NOT NULL AND escalation.id IN "
        f"({p.each(sorted(ids))})", p.values,
    )}  # fmt: skip
    hidden = hidden_actions(t, reader, tuple(set(refs.values()))) if refs else {}
    if not hidden:
        return tuple(meetings)

    def shown(item: AgendaEntry) -> AgendaEntry:
        ref = refs.get(_escalation_of(item) or 0)
        if ref not in hidden:
            return item
        head, sep, _ = item.title.partition(f": {ref} ")
        title = f"{head}{sep}{exempt_label(hidden[ref])}" if sep else exempt_label(hidden[ref])
        return replace(item, title=title, notes=None)

    return tuple(replace(m, agenda=tuple(shown(a) for a in m.agenda)) for m in meetings)
