"""The secretary's verdicts on waiting updates, and the reporting of noted updates up the chain.

These work inside the caller's transaction (holding a meeting, or reviewing at a held one), so a
refusal anywhere leaves the database as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Select, exists, func, insert, select
from sqlalchemy.orm import Session, aliased

from tracker.domain import audit as trail
from tracker.errors import Problem
from tracker.models import Action, Board, Meeting, StatusUpdate, UpdateReview, utcnow
from tracker.services.governance.common import Tree, children_of, day, day_end

OUTCOMES = ("noted", "challenged")


@dataclass(frozen=True)
class Verdict:
    """The secretary's verdict on an update: `update` is its id, or an action ref meaning every
    update of that action waiting for the board."""

    update: int | str
    outcome: str  # noted | challenged
    comment: str | None = None


@dataclass(frozen=True)
class ReviewedUpdate:
    update_id: int
    ref: str
    title: str
    recorded_at: dt.datetime
    outcome: str  # noted | challenged | reported
    comment: str | None
    board: str  # the board whose meeting recorded it
    child: str | None = None  # reported: the child board that noted (or reported) it


def waiting_query(board_id: int, until: dt.date | None = None) -> Select[StatusUpdate, str, str]:
    """Updates of the board's actions with no review at the board (optionally: recorded on or
    before `until`), oldest first within each action."""
    reviewed = exists().where(
        UpdateReview.update_id == StatusUpdate.id, UpdateReview.board_id == board_id
    )
    query = (
        select(StatusUpdate, Action.ref, Action.title)
        .join(Action, Action.id == StatusUpdate.action_id)
        .where(Action.board_id == board_id, ~reviewed)
        .order_by(Action.ref, StatusUpdate.recorded_at, StatusUpdate.id)
    )
    if until is not None:
        query = query.where(StatusUpdate.recorded_at < day_end(until))
    return query


def apply_verdicts(
    s: Session,
    actor: str,
    board: Board,
    meeting: Meeting,
    verdicts: Sequence[Verdict],
    *,
    note_all: bool = False,
) -> tuple[list[ReviewedUpdate], list[Problem]]:
    """Record each verdict at the meeting. Returns what was recorded, or the problems (and then
    the caller must not commit)."""
    assert meeting.date is not None
    waiting = {
        u.id: (u, ref, title) for u, ref, title in s.execute(waiting_query(board.id, meeting.date))
    }
    by_ref: dict[str, list[int]] = {}
    for uid, (_, ref, _) in waiting.items():
        by_ref.setdefault(ref, []).append(uid)
    chosen: dict[int, Verdict] = {}
    problems: list[Problem] = []
    for v in verdicts:
        fld = "challenge" if v.outcome == "challenged" else "note"
        if v.outcome not in OUTCOMES:
            problems.append(Problem(fld, f"unknown verdict {v.outcome!r}", ", ".join(OUTCOMES)))
            continue
        if v.outcome == "challenged" and not (v.comment and v.comment.strip()):
            problems.append(
                Problem(fld, f"{v.update}: a challenge needs a comment saying what to resubmit")
            )
            continue
        ids = (
            by_ref.get(v.update, [])
            if isinstance(v.update, str)
            else ([v.update] if v.update in waiting else [])
        )
        if not ids:
            problems.append(Problem(fld, _why_not_waiting(s, board, meeting, v.update)))
            continue
        for uid in ids:
            earlier = chosen.get(uid)
            if earlier is not None and earlier.outcome != v.outcome:
                ref = waiting[uid][1]
                problems.append(
                    Problem(fld, f"{ref}: an update cannot be both noted and challenged")
                )
            chosen[uid] = v
    if note_all:
        for uid in waiting:
            chosen.setdefault(uid, Verdict(uid, "noted"))
    if problems:
        return [], problems
    done: list[ReviewedUpdate] = []
    now = utcnow()
    rows: list[dict[str, object]] = []
    entries: list[dict[str, object]] = []
    for uid, v in sorted(chosen.items(), key=lambda kv: (waiting[kv[0]][1], kv[0])):
        update, ref, title = waiting[uid]
        comment = v.comment.strip() if v.comment and v.comment.strip() else None
        rows.append({
            "update_id": uid, "board_id": board.id, "meeting_id": meeting.id,
            "outcome": v.outcome, "comment": comment, "recorded_by": actor, "recorded_at": now,
        })  # fmt: skip
        entries += _audit(s, actor, ref, update, v.outcome, board, meeting, comment)
        done.append(
            ReviewedUpdate(
                update_id=uid,
                ref=ref,
                title=title,
                recorded_at=update.recorded_at,
                outcome=v.outcome,
                comment=comment,
                board=board.code,
            )
        )
    _write(s, rows, entries)
    return done, []


def _write(s: Session, rows: list[dict[str, object]], entries: list[dict[str, object]]) -> None:
    """The reviews and their audit entries, each in one executemany INSERT (500 verdicts are
    two statements, not a thousand)."""
    if rows:
        s.execute(insert(UpdateReview.__table__), rows)
    trail.write(s, entries)


def _why_not_waiting(s: Session, board: Board, meeting: Meeting, item: int | str) -> str:
    """Why an update (or an action's updates) cannot be reviewed at this meeting."""
    assert meeting.date is not None
    if isinstance(item, str):
        action = s.scalars(select(Action).where(Action.ref == item)).one_or_none()
        if action is None:
            return f"no action with ref {item!r}"
        label = item
        updates = select(StatusUpdate).where(StatusUpdate.action_id == action.id)
    else:
        update = s.get(StatusUpdate, item)
        if update is None:
            return f"no status update with id {item}"
        action = s.get(Action, update.action_id)
        assert action is not None
        label = f"update {item} of {action.ref}"
        updates = select(StatusUpdate).where(StatusUpdate.id == item)
    if action.board_id != board.id:
        owner = s.get(Board, action.board_id) if action.board_id else None
        where = f"accountable to {owner.name}" if owner else "not assigned to a board"
        return (
            f"{label}: {action.ref} is {where}; an update can only be noted at the board that "
            "owns its action"
        )
    later = s.scalars(
        updates.where(
            StatusUpdate.recorded_at >= day_end(meeting.date),
            ~exists().where(
                UpdateReview.update_id == StatusUpdate.id, UpdateReview.board_id == board.id
            ),
        ).limit(1)
    ).first()
    if later is not None:
        return (
            f"{label}: recorded {day(later.recorded_at)}, after this meeting of "
            f"{day(meeting.date)}; it waits for the next meeting"
        )
    later_review = s.execute(
        select(UpdateReview.outcome, Meeting.date)
        .join(Meeting, Meeting.id == UpdateReview.meeting_id)
        .where(
            UpdateReview.update_id.in_(updates.with_only_columns(StatusUpdate.id)),
            UpdateReview.board_id == board.id,
            Meeting.date > meeting.date,
        )
        .order_by(Meeting.date)
        .limit(1)
    ).first()
    if later_review is not None:
        return (
            f"{label}: already {later_review[0]} at the later meeting of {board.name} on "
            f"{day(later_review[1])}; a past meeting cannot change what a later meeting decided"
        )
    if not isinstance(item, str):
        review = s.scalars(
            select(UpdateReview).where(
                UpdateReview.update_id == item, UpdateReview.board_id == board.id
            )
        ).first()
        if review is not None:
            return f"{label} was already {review.outcome} at {board.name}"
    return f"{label}: nothing is waiting for {board.name}"


def report_from_children(
    s: Session, actor: str, board: Board, meeting: Meeting, tree: Tree
) -> list[ReviewedUpdate]:
    """Updates noted (or reported) at a child board's meeting on or before this meeting's date
    and not yet at this board: record them as reported here."""
    assert meeting.date is not None
    child_ids = [n.id for n in children_of(tree, board.id)]
    if not child_ids:
        return []
    at_child = aliased(UpdateReview)
    child_meeting = aliased(Meeting)
    already = exists().where(
        UpdateReview.update_id == at_child.update_id, UpdateReview.board_id == board.id
    )
    rows = s.execute(
        select(at_child.update_id, at_child.board_id, StatusUpdate, Action.ref, Action.title)
        .join(child_meeting, child_meeting.id == at_child.meeting_id)
        .join(StatusUpdate, StatusUpdate.id == at_child.update_id)
        .join(Action, Action.id == StatusUpdate.action_id)
        .where(
            at_child.board_id.in_(child_ids),
            at_child.outcome.in_(("noted", "reported")),
            child_meeting.date <= meeting.date,
            ~already,
        )
        .order_by(Action.ref, StatusUpdate.recorded_at, StatusUpdate.id)
    ).all()
    now = utcnow()
    done: list[ReviewedUpdate] = []
    seen: set[int] = set()
    reviews: list[dict[str, object]] = []
    entries: list[dict[str, object]] = []
    for uid, child_id, update, ref, title in rows:
        if uid in seen:
            continue
        seen.add(uid)
        reviews.append({
            "update_id": uid, "board_id": board.id, "meeting_id": meeting.id,
            "outcome": "reported", "recorded_by": actor, "recorded_at": now,
        })  # fmt: skip
        child = tree[child_id].code
        entries += _audit(s, actor, ref, update, "reported", board, meeting, f"from {child}")
        done.append(
            ReviewedUpdate(
                update_id=uid,
                ref=ref,
                title=title,
                recorded_at=update.recorded_at,
                outcome="reported",
                comment=None,
                board=board.code,
                child=child,
            )
        )
    _write(s, reviews, entries)
    return done


def _audit(
    s: Session,
    actor: str,
    ref: str,
    update: StatusUpdate,
    outcome: str,
    board: Board,
    meeting: Meeting,
    comment: str | None,
) -> list[dict[str, object]]:
    """The audit entries of one verdict (written with the others by `_write`)."""
    assert meeting.date is not None
    text = (
        f"update of {update.recorded_at:%Y-%m-%d %H:%M} {outcome} at {board.code} "
        f"meeting {meeting.date.isoformat()}" + (f": {comment}" if comment else "")
    )
    return trail.rows(s, actor, outcome, "action", ref, {"governance": (None, text)})


def count_waiting(s: Session, board_ids: Iterable[int]) -> dict[int, int]:
    """How many updates wait for each board (one grouped query)."""
    ids = list(board_ids)
    if not ids:
        return {}
    reviewed = exists().where(
        UpdateReview.update_id == StatusUpdate.id, UpdateReview.board_id == Action.board_id
    )
    rows = s.execute(
        select(Action.board_id, func.count())
        .select_from(StatusUpdate)
        .join(Action, Action.id == StatusUpdate.action_id)
        .where(Action.board_id.in_(ids), ~reviewed)
        .group_by(Action.board_id)
    )
    return {board: int(n) for board, n in rows if board is not None}  # in_() leaves no None


def count_to_report(s: Session, board_id: int, child_ids: Iterable[int]) -> dict[int, int]:
    """How many updates each child board has noted (or had reported to it) that are not yet
    reported to this board: its reported position at this board's next meeting."""
    ids = list(child_ids)
    if not ids:
        return {}
    at_child = aliased(UpdateReview)
    already = exists().where(
        UpdateReview.update_id == at_child.update_id, UpdateReview.board_id == board_id
    )
    rows = s.execute(
        select(at_child.board_id, func.count(at_child.update_id))
        .where(at_child.board_id.in_(ids), at_child.outcome.in_(("noted", "reported")), ~already)
        .group_by(at_child.board_id)
    )
    return {r[0]: int(r[1]) for r in rows}
