"""Recording a status update on an action: validated, versioned, audited, never lost.

Written in plain SQL (`tracker.services.plain_write`), so `tracker actions update` does not load
SQLAlchemy; the position still moves only by `tracker.domain.position.move`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tracker import input_rules
from tracker.domain import position
from tracker.domain.pace import Thresholds, greener, pace_of
from tracker.errors import Conflict, InvalidInput, Problem
from tracker.services import plain_write
from tracker.services.actions import implied_due, position_sql
from tracker.services.actions.pace import thresholds_in
from tracker.services.actions.register import no_action
from tracker.services.context import Tracker
from tracker.services.plain_sql import Params, as_date, as_utc
from tracker.services.plain_write import Writer
from tracker.services.unset import UNSET, Unset
from tracker.text import ALLOWED as TEXT_ALLOWED
from tracker.text import control_problem
from tracker.vocabulary import COMMENTARY_RAGS, OPEN_STATUSES, RAGS, STATUSES

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

AUTHOR_MAX = 200  # StatusUpdate.recorded_by and AuditEntry.actor are String(200)


@dataclass(frozen=True)
class UpdateResult:
    ref: str
    version: int  # the action's version after the update
    status: str
    rag: str | None
    progress: int
    recorded_at: dt.datetime
    recorded_by: str


def check_update(
    *,
    current_status: str,
    due: dt.date | None,
    today: dt.date,
    status: str,
    rag: str | None,
    progress: int,
    note: str | None,
    start: dt.date | None = None,
    thresholds: Thresholds | None = None,
    phase_end: dt.date | None = None,
) -> list[Problem]:
    """The rules for a status update, shared by the CLI, the app and sheet imports. With the
    plan's thresholds, a RAG greener than the one its progress suggests needs commentary. An
    action without a due date is due by its phase's end (`phase_end`), as the register says."""
    problems: list[Problem] = []
    if status not in STATUSES:
        problems.append(Problem("status", f"unknown status {status!r}", ", ".join(STATUSES)))
    if rag is not None and rag not in RAGS:
        problems.append(Problem("rag", f"unknown RAG {rag!r}", ", ".join(RAGS)))
    if not isinstance(progress, int) or isinstance(progress, bool) or not 0 <= progress <= 100:
        problems.append(Problem("progress", f"{progress!r} is not a whole percentage", "0-100"))
    elif disagree := input_rules.progress_problem(status, progress):
        problems.append(Problem("progress", disagree))
    wrong = control_problem(note) if isinstance(note, str) else None
    if wrong:
        problems.append(Problem("note", wrong, TEXT_ALLOWED))
    has_note = bool(note and note.strip())
    if not has_note:
        if rag in COMMENTARY_RAGS:
            problems.append(Problem("note", f"commentary is required when the RAG is {rag}"))
        elif status == "cancelled":
            problems.append(Problem("note", "a cancellation needs the reason as commentary"))
        elif (late := late_by(due, phase_end)) and late < today and status in OPEN_STATUSES:
            problems.append(Problem("note", past_due_words(due, late)))
        elif thresholds is not None and isinstance(progress, int) and status in STATUSES:
            pace = pace_of(start=start, due=due, status=status, progress=progress, today=today,
                           per_day=None, th=thresholds)  # fmt: skip
            if greener(rag, pace.suggested) and pace.expected is not None:
                problems.append(Problem(
                    "note",
                    f"commentary is required: {rag} is greener than the {pace.suggested} that "
                    f"{progress}% done of an expected {pace.expected * 100:.0f}% suggests; "
                    "say why the owner's RAG differs",
                    thresholds.describe(),
                ))  # fmt: skip
    if current_status == "cancelled" and status != "cancelled":
        problems.append(
            Problem("status", "the action is cancelled; reopen it by editing the action first")
        )
    return problems


def late_by(due: dt.date | None, phase_end: dt.date | None) -> dt.date | None:
    """The date after which an open action is late: its own, else its phase's end."""
    return due if due is not None else phase_end


def past_due_words(due: dt.date | None, late: dt.date) -> str:
    """Which date made commentary required, as the register shows it ('31 Mar 2025')."""
    day = f"{late.day} {late:%b %Y}"
    if due is None:
        return f"past its phase's end, {day}: commentary required"
    return f"past its due date, {day}: commentary required"


def record_update(
    t: Tracker,
    ref: str,
    *,
    status: str | None = None,
    rag: str | None | Unset = UNSET,
    progress: int | None = None,
    note: str | None = None,
    by: str | None = None,
    expected_version: int | None = None,
) -> UpdateResult:
    """Record a StatusUpdate and move the action's current position to it.

    Fields left out keep their current value. With `expected_version`, the update is refused
    as a Conflict if the action changed since that version was read.
    """
    ref = input_rules.ref(ref)
    author = (by or t.user).strip() or t.user
    if len(author) > AUTHOR_MAX:  # the column's size: PostgreSQL would refuse it mid-write
        raise InvalidInput(
            Problem("by", f"a name of {len(author)} characters", f"at most {AUTHOR_MAX}")
        )
    wrong = control_problem(author)
    if wrong:  # refused here in the form's words, before PostgreSQL meets a NUL
        raise InvalidInput(Problem("by", wrong, TEXT_ALLOWED))
    try:
        return _record(t, ref, by, author, status, rag, progress, note, expected_version)
    except Raced as raced:
        raise changed_meanwhile(t, raced) from None


def _record(
    t: Tracker, ref: str, by: str | None, author: str, status: str | None,
    rag: str | None | Unset, progress: int | None, note: str | None,
    expected_version: int | None,
) -> UpdateResult:  # fmt: skip
    if t.unrestricted or (t.acting is None and not t.settings.auth_required):
        # No permission check can refuse: a SQLite file's local user, or a tracker with no
        # accounts yet (seen in the same transaction). Plain SQL: no SQLAlchemy to load.
        with t.writing_sql() as w:
            if t.unrestricted or not w.rows("SELECT 1 FROM account LIMIT 1", {}):
                return record_with(w, t, ref, author, status, rag, progress, note, expected_version)
    from tracker.services.accounts.permissions import require

    with t.db.writing() as s:
        require(t, s, "record updates", action=ref)
        author = author if by else t.user  # the acting account's name, once known
        return record_in(s, t, ref, author, status, rag, progress, note, expected_version)


def record_in(
    s: Session, t: Tracker, ref: str, author: str, status: str | None,
    rag: str | None | Unset, progress: int | None, note: str | None,
    expected_version: int | None,
) -> UpdateResult:  # fmt: skip
    """`record_update` inside an open session (answering a challenge composes it)."""
    writer = plain_write.SessionWriter(s)
    return record_with(writer, t, ref, author, status, rag, progress, note, expected_version)


def record_with(
    w: Writer, t: Tracker, ref: str, author: str, status: str | None,
    rag: str | None | Unset, progress: int | None, note: str | None,
    expected_version: int | None,
) -> UpdateResult:  # fmt: skip
    """`record_update` in a write transaction, on any writer."""
    p = Params(w.dialect)
    found = w.rows(
        "SELECT a.id, a.version, a.status, a.rag, a.progress, a.latest_commentary, "
        "a.latest_update_at, a.due, a.start, a.cancelled_reason, phase.end_year FROM action a "
        f"JOIN phase ON a.phase_id = phase.id WHERE a.ref = {p(ref)}",
        p.values,
    )
    if not found:
        raise no_action(w, ref)
    row = found[0]
    aid, version, now_status, now_rag, now_progress, commentary, latest, due, start, reason = row[
        :10
    ]
    if expected_version is not None and expected_version > version:
        raise InvalidInput(
            Problem(
                "expected version",
                f"action {ref} is at version {version}; there is no version {expected_version}",
            )
        )
    if expected_version is not None and version != expected_version:
        raise position_sql.stale(w, aid, ref, version, expected_version)
    new_status, new_progress = input_rules.settle(status, progress, now_status, now_progress)
    new_rag = now_rag if rag is UNSET else rag
    problems = check_update(
        current_status=now_status, due=as_date(due), today=t.today(), status=new_status,
        rag=new_rag, progress=new_progress, note=note, start=as_date(start),
        thresholds=thresholds_in(w), phase_end=implied_due.phase_end(row[10]),
    )  # fmt: skip
    if problems:
        raise InvalidInput(problems)
    before = position.Position(now_status, now_rag, now_progress, commentary, as_utc(latest))
    at = position.stamp_after(before.at, t.now())
    step = position.move(
        ref, aid, version, before, status=new_status, rag=new_rag, progress=new_progress,
        commentary=note.strip() if note and note.strip() else None, at=at, by=author,
        operation="update", reason=reason,
    )  # fmt: skip
    if not position_sql.store(w, step):
        raise Raced(ref, version)
    return UpdateResult(
        ref=ref, version=version + 1, status=new_status, rag=new_rag,
        progress=new_progress, recorded_at=at, recorded_by=author,
    )  # fmt: skip


class Raced(Exception):
    """Another writer committed between our read and our write (PostgreSQL): the transaction
    is rolled back, then `changed_meanwhile` explains it from a fresh read."""

    def __init__(self, ref: str, read: int) -> None:
        self.ref, self.read = ref, read
        super().__init__(ref)


def flush_or_race(s: Session, ref: str, read: int) -> None:
    from sqlalchemy.orm.exc import StaleDataError

    try:
        s.flush()
    except StaleDataError:
        raise Raced(ref, read) from None


def changed_meanwhile(t: Tracker, raced: Raced) -> Conflict:
    with t.reading_sql() as reader:
        p = Params(reader.dialect)
        found = reader.rows(f"SELECT id, version FROM action WHERE ref = {p(raced.ref)}", p.values)
        if not found:
            return Conflict(f"action {raced.ref} was removed by someone else while you saved")
        aid, version = found[0]
        return position_sql.stale(
            reader, aid, raced.ref, version, raced.read,
            "was changed by someone else while you saved",
        )  # fmt: skip
