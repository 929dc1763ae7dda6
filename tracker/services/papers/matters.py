"""The matters-arising paper's context (the committee's action log), read in plain SQL
(committees/followup_read.py) on the paper's one read transaction: sqlite3 or psycopg alone for
a public `tracker paper render matters-arising`, a session's `SessionReader` otherwise."""

from __future__ import annotations

import datetime as dt

from tracker.services.committees.followup_read import FollowUpRow, arising_read
from tracker.services.governance.board_read import find_board_id
from tracker.services.meeting_titles import own_title
from tracker.services.papers.context import Frame
from tracker.services.papers.data.matters import ArisingContext, FollowUpItem
from tracker.services.plain_sql import Reader


def followup_item(f: FollowUpRow, when: dt.date) -> FollowUpItem:
    overdue = f.is_open and f.due is not None and f.due < when
    return FollowUpItem(
        id=f.id, meeting_date=f.meeting_date,
        meeting_title=own_title(f.meeting_title, f.committee_name),  # not "<committee>, <date>"
        resolution=f.resolution, item_title=f.item_title, text=f.text, owner=f.owner, due=f.due,
        status=f.status, overdue=overdue, days_overdue=(when - f.due).days if overdue and f.due
        else None, closed_on=f.closed_on, last_response=f.last_response, action=f.action,
        source=f.source, came_from=f.came_from,
    )  # fmt: skip


def matters(reader: Reader, fr: Frame) -> ArisingContext:
    """Every follow-up from the board's earlier meetings still open, and those closed since its
    previous meeting."""
    m = arising_read(reader, find_board_id(reader, fr.board.code), fr.paper.date, fr.paper.today)
    when = fr.paper.as_of
    return ArisingContext(
        **fr.common(),
        arising=tuple(followup_item(f, when) for f in m.open),
        closed=tuple(followup_item(f, when) for f in m.closed_since),
        previous_meeting=m.previous_date,
    )
