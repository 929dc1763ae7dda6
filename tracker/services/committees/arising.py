"""Matters arising: at each meeting of a committee, every follow-up from its earlier meetings
that is still open, until it is closed with a response. Read in plain SQL
(committees/followup_read.py), here in a session."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from tracker.services.committees.followup_read import MattersArising, arising_read
from tracker.services.context import Tracker
from tracker.services.lookup import find_board
from tracker.services.plain_sql import SessionReader

__all__ = ["MattersArising", "arising_in", "matters_arising"]


def matters_arising(t: Tracker, committee: str, date: dt.date | None = None) -> MattersArising:
    """What arises at a committee's meeting on `date` (default: its next meeting, else today):
    every follow-up from its earlier meetings that is still open, and those closed since its
    previous meeting. Meetings without a date count as earlier."""
    with t.db.reading() as s:
        return arising_in(s, committee, date, t.today())


def arising_in(s: Session, committee: str, date: dt.date | None, today: dt.date) -> MattersArising:
    """`matters_arising` inside an open session (a paper's)."""
    return arising_read(SessionReader(s), find_board(s, committee).id, date, today)
