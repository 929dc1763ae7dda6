"""Changing follow-ups: owner, due date, status, text and linked action, each change audited, and
closing with the response that closes it. Reading them is in followups.py."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from tracker import input_rules
from tracker.errors import Conflict, InvalidInput, NotFound, Problem, invalid
from tracker.models import FOLLOWUP_STATUSES, Action, FollowUp, FollowUpResponse, Person
from tracker.services import audit
from tracker.services.accounts.permissions import require
from tracker.services.committees.followups import CLOSED_FOLLOWUP_STATUSES, FollowUpRow, get_row
from tracker.services.context import Tracker
from tracker.services.lookup import match_people
from tracker.services.plain_sql import fits_integer
from tracker.services.unset import UNSET, Unset
from tracker.text import ALLOWED, control_problem

CODE_SHAPED = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")


def _owner(s: Session, value: str) -> tuple[Person | None, str | None]:
    """An owner given by person code, or as free text (a role or name), matched when exact."""
    value = value.strip()
    if not value:
        return None, None
    person = s.scalars(select(Person).where(Person.code == value)).first()
    if person is not None:
        return person, None
    matched = match_people(s, [value]).get(value)
    if matched is None:  # free text is allowed, but not a near miss of somebody's name
        known = [x for row in s.execute(select(Person.code, Person.name, Person.role))
                 for x in row if x]  # fmt: skip
        close = input_rules.did_you_mean(value, known)
        # nor a person's code that is no one's (kely-white): a role or name has spaces
        if close or CODE_SHAPED.fullmatch(value):
            raise invalid(
                "owner", f"no person {value!r}{close}",
                "a person's code, or the owner's name or role exactly as minuted",
            )  # fmt: skip
    return matched, value


def update_followup(
    t: Tracker,
    followup_id: int,
    *,
    owner: str | None | Unset = UNSET,
    due: dt.date | None | Unset = UNSET,
    status: str | None = None,
    text: str | None = None,
    response: str | None = None,
    action: str | None | Unset = UNSET,
    by: str | None = None,
    expected_version: int | None = None,
) -> FollowUpRow:
    """Change a follow-up. Fields left out keep their value; `owner`/`due`/`action` given as
    None (or "") clear it. Closing (done, dropped) needs a response; reopening clears the
    closing date. Every change is audited; a response or status change joins its history."""
    given = {"owner": owner, "text": text, "response": response, "by": by}
    wrong = [Problem(k, p, ALLOWED) for k, v in given.items() if isinstance(v, str)
             for p in [control_problem(v)] if p]  # fmt: skip
    if wrong:  # refused here in the form's words, before PostgreSQL meets a NUL
        raise InvalidInput(wrong)
    author = (by or t.user).strip() or t.user
    note = response.strip() if response and response.strip() else None
    with t.db.writing() as s:
        fu = s.get(FollowUp, followup_id) if fits_integer(followup_id) else None
        if fu is None:
            raise NotFound(f"no follow-up with id {followup_id}")
        require(t, s, "chase follow-ups", committee=fu.meeting.board.code)
        author = author if by else t.user  # the acting account's name, once known
        if expected_version is not None and fu.version != expected_version:
            raise Conflict(
                f"follow-up {followup_id} changed since you read it: version {expected_version} "
                f"is now {fu.version}"
            )
        problems: list[Problem] = []
        changes: dict[str, tuple[object, object]] = {}
        new_status = fu.status if status is None else status
        if new_status not in FOLLOWUP_STATUSES:
            problems.append(
                Problem("status", f"unknown status {status!r}", ", ".join(FOLLOWUP_STATUSES))
            )
        closing = new_status in CLOSED_FOLLOWUP_STATUSES and fu.status != new_status
        if closing and note is None:
            problems.append(
                Problem(
                    "response",
                    f"closing a follow-up as {new_status} needs a response "
                    "saying what was done or why it was dropped",
                )
            )
        if text is not None and not text.strip():
            problems.append(Problem("text", "a follow-up needs its text"))
        if due is not UNSET and due is not None and not isinstance(due, dt.date):
            problems.append(Problem("due", f"{due!r} is not a date", "YYYY-MM-DD"))
        linked: Action | None = None
        if action is not UNSET and action:
            linked = s.scalars(select(Action).where(Action.ref == input_rules.ref(action))).first()
            if linked is None:
                problems.append(Problem("action", f"no plan action with ref {action!r}"))
        if problems:
            raise InvalidInput(problems)
        if owner is not UNSET:
            person, owner_text = _owner(s, str(owner or ""))
            old = fu.owner.label if fu.owner else fu.owner_text
            if person is None and owner_text is None:
                fu.owner_id, fu.owner_text = None, None
            elif person is not None and owner_text is None:  # a code: keep the owner as minuted
                fu.owner_id = person.id
            else:
                fu.owner_id, fu.owner_text = (person.id if person else None), owner_text
            new = person.label if person else owner_text
            if old != new:
                changes["owner"] = (old, new)
        if due is not UNSET and due != fu.due:
            changes["due"] = (fu.due, due)
            fu.due = due
        if text is not None and text.strip() != fu.text:
            changes["text"] = (fu.text, text.strip())
            fu.text = text.strip()
        if action is not UNSET:
            old_ref = s.scalars(select(Action.ref).where(Action.id == fu.action_id)).first()
            new_ref = linked.ref if linked else None
            if old_ref != new_ref:
                changes["action"] = (old_ref, new_ref)
                fu.action_id = linked.id if linked else None
        if new_status != fu.status:
            changes["status"] = (fu.status, new_status)
            if new_status in CLOSED_FOLLOWUP_STATUSES:
                fu.closed_on = t.today()
            else:
                fu.closed_on = None
            fu.status = new_status
        if note is not None or "status" in changes:
            s.add(
                FollowUpResponse(
                    followup_id=fu.id,
                    recorded_by=author,
                    status=new_status,
                    text=note,
                )
            )
            if note is not None:
                changes.setdefault("response", (None, note))
        if not changes:
            raise invalid("followup", "nothing to change: give a new value or a response")
        if not s.is_modified(fu):
            flag_modified(fu, "status")  # a response alone is still a change: bump the version
        audit.record(s, author, "update", "followup", str(fu.id), changes)
        try:
            s.flush()
        except StaleDataError:
            raise Conflict(
                f"follow-up {followup_id} was changed by someone else while you saved"
            ) from None
        return get_row(s, t, fu.id)


def close_followup(
    t: Tracker,
    followup_id: int,
    response: str,
    *,
    dropped: bool = False,
    by: str | None = None,
    expected_version: int | None = None,
) -> FollowUpRow:
    """Close a follow-up as done (or dropped) with the response that closes it."""
    return update_followup(
        t,
        followup_id,
        status="dropped" if dropped else "done",
        response=response,
        by=by,
        expected_version=expected_version,
    )
