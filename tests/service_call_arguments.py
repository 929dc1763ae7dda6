"""The arguments tests/service_calls.py's table gives the calls it makes: values built (a filter,
a draft of minutes, a verdict, a return's sheet filled in) and ids and versions found in the term
(a follow-up, an escalation, a challenge made for the call to answer). Finding them opens
transactions of its own, before the call's are counted.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent / "papers"))
from papers_helpers import CFB, SFB  # noqa: E402

from tracker.services.context import Tracker  # noqa: E402

HERE = Path(__file__).parent
MINUTES = HERE / "committees" / "data" / "select-commission-2026-01-20.txt"


def _svc(path: str) -> Any:
    module, name = path.rsplit(".", 1)
    return getattr(importlib.import_module(f"tracker.services.{module}"), name)


def _followup(t: Tracker, text: str) -> int:
    from tracker.services.committees.followups import FollowUpFilter, list_followups

    return next(f.id for f in list_followups(t, FollowUpFilter(committee=SFB)) if f.text == text)


def _version(t: Tracker, ref: str) -> int:
    return _svc("actions.detail.get_action")(t, ref).row.version


def _draft() -> Any:
    from tracker.services.committees.minutes_draft import draft_minutes, read_minutes

    return draft_minutes(read_minutes(MINUTES))


def _unsure() -> Any:
    """A line the reader left, as an officer takes it in review."""
    from tracker.services.committees.minutes_draft import UnsureItem

    return UnsureItem(12, "Kelly White to circulate the hub timetable.", "unsure: a directive", "5")


def _exception(t: Tracker) -> str:
    """An exception no board has escalated yet."""
    escalated = {
        e.ref for e in _svc("governance.escalations.list_escalations")(t) if e.status == "open"
    }
    for board in (CFB, SFB):
        for x in _svc("governance.exceptions.list_exceptions")(t, board).exceptions:
            if x.ref not in escalated:
                return str(x.ref)
    raise AssertionError("the test data holds no exception left to escalate")


def _escalation(t: Tracker, ref: str) -> int:
    return next(e.id for e in _svc("governance.escalations.list_escalations")(t) if e.ref == ref)


def _meeting_id(t: Tracker) -> int:
    return next(m.id for m in _svc("committees.resolutions.list_meetings")(t, SFB) if m.resolutions)


def _update_ids(t: Tracker) -> list[int]:
    return [u.id for u in _svc("actions.detail.get_action")(t, "P1-03", history=None).updates]


def _filter(**kw: Any) -> Any:
    from tracker.services.actions.register import ActionFilter

    return ActionFilter(**kw)


def _sent() -> Any:
    from tracker.services.returns.mail import Sent

    return Sent("Kelly White", "kelly.white@rotherham.gov.uk", "<1@rotherham.gov.uk>")


def _challenge(t: Tracker) -> int:
    """A challenge to answer: made here (finding it is not counted)."""
    from sqlalchemy import select

    from tracker.models import Action, Meeting, StatusUpdate, UpdateReview

    with t.db.writing() as s:
        updates = s.scalars(select(StatusUpdate).join(Action).where(Action.ref == "P1-03")
                            .order_by(StatusUpdate.id)).all()  # fmt: skip
        meetings = s.scalars(select(Meeting).order_by(Meeting.status != "held", Meeting.id)).all()
        reviewed = {
            tuple(r) for r in s.execute(select(UpdateReview.update_id, UpdateReview.board_id))
        }
        # an update not yet reviewed at that meeting's board (earlier calls record verdicts)
        update, meeting = next(
            (u, m) for u in updates for m in meetings if (u.id, m.board_id) not in reviewed
        )
        review = UpdateReview(update_id=update.id, board_id=meeting.board_id,
                              meeting_id=meeting.id, outcome="challenged", comment="Why?",
                              recorded_by="test")  # fmt: skip
        s.add(review)
        s.flush()
        return review.id


def _verdict(ref: str) -> Any:
    from tracker.services.governance.reviews import Verdict

    return Verdict(ref, "noted")


def _review(board: str, on: dt.date) -> Any:
    from tracker.services.demo import MeetingReview

    return MeetingReview(board, on)


def _sheet_filled_in(folder: Path) -> Path:
    """The exported return with one row filled in by its owner."""
    path = folder / "return.csv"
    with path.open(newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        if row["Ref"] == "P1-05":
            row.update(
                {
                    "New status": "in progress",
                    "New RAG": "green",
                    "New % complete": "75",
                    "Commentary": "Posts agreed in principle",
                }
            )
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.DictWriter(fh, fieldnames=list(rows[0]))
        out.writeheader()
        out.writerows(rows)
    return path


def _latest_batch(t: Tracker) -> int:
    from tracker.services.actions.bulk import list_batches

    return list_batches(t, limit=1)[0].batch


def _limits() -> Any:
    from tracker.services.accounts import SessionLimits

    return SessionLimits(idle_seconds=60, max_seconds=600, max_sessions=1000)


def _browser(t: Tracker) -> Any:
    """A browser session of the unit-of-work admin (its own transaction, before counting)."""
    return _svc("accounts.websessions.start_web_session")(
        t, "uow-admin", "another long password", source="127.0.0.1", limits=_limits()
    )


def _role(text: str) -> Any:
    from tracker.services.accounts import parse_role

    return parse_role(text)


def _database_login(t: Tracker) -> str | None:
    """The PostgreSQL login the test connects as (so that it acts as the new admin)."""
    if t.settings.is_sqlite:
        return None
    with t.db.engine.connect() as conn:
        return str(conn.exec_driver_sql("SELECT current_user").scalar())


def _account_id(t: Tracker) -> int:
    from tracker.services.accounts import list_accounts

    return next(a.id for a in list_accounts(t) if a.login == "uow-admin")


def _reading_id(t: Tracker) -> int:
    from tracker.services.indicators import get_indicator

    return get_indicator(t, "uow-indicator").readings[-1].id
