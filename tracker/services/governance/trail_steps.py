"""Where a status update has been (recorded, noted or challenged at its board, reported up the
chain, and where it waits now), read in plain SQL: `tracker actions show` reads it without
SQLAlchemy, and the services that hold a session read it through `SessionReader`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

from tracker.services.context import Tracker
from tracker.services.governance.tree import Tree, TreeNode, chunks, day
from tracker.services.plain_sql import Params, Reader, as_date, as_utc
from tracker.services.reading import hidden_updates


@dataclass(frozen=True)
class TrailStep:
    step: str  # recorded | noted | challenged | answered | reported | waiting
    board: str | None  # board code (None for "recorded")
    board_name: str | None
    on: dt.date | None  # the day recorded, or the meeting's date (None while waiting)
    comment: str | None = None  # a challenge's comment
    by: str | None = None  # who recorded the update, or the review

    def describe(self) -> str:
        if self.step == "recorded":
            return f"recorded {day(self.on)}"
        if self.step == "waiting":
            return f"waiting for {self.board_name}"
        if self.step == "reported":
            return f"reported to {self.board_name} {day(self.on)}"
        if self.step == "answered":
            return f"answered {day(self.on)}" + (f" ({self.comment})" if self.comment else "")
        text = f"{self.step} at {self.board_name} {day(self.on)}"
        return f"{text} ({self.comment})" if self.comment else text

    def as_dict(self) -> dict[str, object]:
        return {
            "step": self.step,
            "board": self.board,
            "on": self.on.isoformat() if self.on else None,
            "comment": self.comment,
            "text": self.describe(),
        }


def describe_trail(steps: Iterable[TrailStep]) -> str:
    """'recorded 3 Feb 2026, noted at Locality Partnership Board 10 Feb 2026, reported to ...'"""
    return ", ".join(step.describe() for step in steps)


def trail_for_updates(t: Tracker, update_ids: Iterable[int]) -> dict[int, tuple[TrailStep, ...]]:
    """Each update's trail, oldest step first, ending with where it waits (if anywhere).
    Two queries per 900 updates plus one for the board table, however many updates."""
    ids = list(dict.fromkeys(update_ids))
    if not ids:
        return {}
    with t.reading_sql() as reader:
        return trails_in(t, reader, ids)


def trails_in(
    t: Tracker, reader: Reader, update_ids: Iterable[int]
) -> dict[int, tuple[TrailStep, ...]]:
    """`trail_for_updates` in an open read transaction."""
    ids = list(dict.fromkeys(update_ids))
    if not ids:
        return {}
    return withhold_trails(t, reader, read_trails(reader, ids, read_tree(reader)))


def withhold_trails(
    t: Tracker, reader: Reader, trails: dict[int, tuple[TrailStep, ...]]
) -> dict[int, tuple[TrailStep, ...]]:
    """The trails with the boards' comments (a challenge's words) left out of those about an
    exempt action the acting account may not read in full (tracker.services.reading)."""
    hidden = hidden_updates(t, reader, list(trails))
    if not hidden:
        return trails
    return {
        uid: tuple(replace(step, comment=None) for step in steps) if uid in hidden else steps
        for uid, steps in trails.items()
    }


# a review of an update: (meeting date, review id, outcome, board id, comment, recorded by)
Review = tuple[dt.date | None, int, str, int, str | None, str]


def read_tree(reader: Reader) -> Tree:
    """Every board (a small table): id -> node."""
    rows = reader.rows("SELECT id, code, name, parent_id FROM board", {})
    return {r[0]: TreeNode(id=r[0], code=r[1], name=r[2], parent_id=r[3]) for r in rows}


def read_trails(reader: Reader, ids: list[int], tree: Tree) -> dict[int, tuple[TrailStep, ...]]:
    """The trails of these updates, in plain SQL (any reader: a session's, or sqlite3's)."""
    updates: dict[int, tuple[dt.datetime, str, int | None]] = {}
    reviews: dict[int, list[Review]] = {}
    answered: dict[int, int] = {}  # challenge (review id) -> the update that answered it
    for batch in chunks(ids):
        p = Params(reader.dialect)
        listed = p.each(batch)
        for uid, at, by, board_id in reader.rows(
            "SELECT status_update.id, status_update.recorded_at, status_update.recorded_by, "
            "action.board_id FROM status_update JOIN action ON action.id = status_update.action_id "
            f"WHERE status_update.id IN ({listed})",
            p.values,
        ):
            stamp = as_utc(at)
            assert stamp is not None  # recorded_at is NOT NULL
            updates[uid] = (stamp, by, board_id)
        for uid, on, rid, outcome, rb, comment, rby, answer in reader.rows(
            "SELECT update_review.update_id, meeting.date, update_review.id, "
            "update_review.outcome, update_review.board_id, update_review.comment, "
            "update_review.recorded_by, update_review.answered_by_id FROM update_review "
            "JOIN meeting ON meeting.id = update_review.meeting_id "
            f"WHERE update_review.update_id IN ({listed})",
            p.values,
        ):
            reviews.setdefault(uid, []).append((as_date(on), rid, outcome, rb, comment, rby))
            if answer is not None:
                answered[rid] = answer
    answers: dict[int, tuple[dt.datetime, str]] = {}
    for batch in chunks(list(answered.values())):
        p = Params(reader.dialect)
        for aid, at, by in reader.rows(
            f"SELECT id, recorded_at, recorded_by FROM status_update WHERE id IN ({p.each(batch)})",
            p.values,
        ):
            stamp = as_utc(at)
            assert stamp is not None  # recorded_at is NOT NULL
            answers[aid] = (stamp, by)
    out: dict[int, tuple[TrailStep, ...]] = {}
    for uid in ids:
        if uid not in updates:
            continue
        at, by, board_id = updates[uid]
        steps = [TrailStep("recorded", None, None, at.date(), by=by)]
        mine = sorted(reviews.get(uid, []), key=lambda r: (r[0] or dt.date.min, r[1]))
        for on, rid, outcome, rb, comment, rby in mine:
            node = tree.get(rb)
            steps.append(
                TrailStep(outcome, node.code if node else None, node.name if node else None,
                          on, comment, rby)
            )  # fmt: skip
            if rid in answered and answered[rid] in answers:
                at_, by_ = answers[answered[rid]]
                steps.append(TrailStep("answered", node.code if node else None,
                                       node.name if node else None, at_.date(), None, by_))  # fmt: skip
        waiting = _waiting_at(tree, board_id, mine)
        if waiting is not None:
            steps.append(TrailStep("waiting", waiting.code, waiting.name, None))
        out[uid] = tuple(steps)
    return out


def _waiting_at(tree: Tree, board_id: int | None, reviews: list[Review]) -> TreeNode | None:
    """Where the update waits next: its board's meeting, then each parent's in turn; nowhere
    once challenged (the owner resubmits) or once it reached the top."""
    if board_id is None or board_id not in tree:
        return None
    by_board: dict[int, str] = {r[3]: r[2] for r in reviews}
    if board_id not in by_board:
        return tree[board_id]
    if by_board[board_id] == "challenged":
        return None
    current = board_id
    while True:
        parent = tree[current].parent_id
        if parent is None or parent not in tree:
            return None
        if parent not in by_board:
            return tree[parent]
        current = parent
        if current == board_id:  # a cycle: cannot happen through the services
            return None
