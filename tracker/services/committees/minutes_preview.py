"""Previewing a minutes import: what a draft (see minutes_draft) would record against a committee's
meeting, item by item, and which items are already recorded. minutes_import.py saves it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.errors import InvalidInput, Problem, invalid
from tracker.models import RESOLUTION_KINDS, Board, FollowUp, Meeting, Person, Resolution
from tracker.services.committees.minutes_draft import (
    ORIGINS,
    DraftFollowUp,
    DraftResolution,
    MinutesDraft,
    followup_fingerprint,
    resolution_fingerprint,
)
from tracker.services.context import Tracker
from tracker.services.lookup import board_clause, known_committees, match_people, parse_date
from tracker.text import ALLOWED as TEXT_ALLOWED
from tracker.text import control_problem


@dataclass(frozen=True)
class PlannedResolution:
    item: DraftResolution
    recorded: bool  # already recorded for this meeting: re-import skips it


@dataclass(frozen=True)
class PlannedFollowUp:
    item: DraftFollowUp
    recorded: bool
    person: str | None  # the person the owner was matched to (label), if any
    person_code: str | None


@dataclass(frozen=True)
class NearDuplicate:
    """Another meeting of the committee whose resolutions have the draft's texts."""

    meeting_id: int
    date: dt.date
    same: int  # how many of the draft's resolutions it holds word for word


@dataclass(frozen=True)
class ImportPreview:
    draft: MinutesDraft
    committee: str  # code ("" when it would be created)
    committee_name: str
    create_committee: bool  # the committee does not exist and would be created
    date: dt.date
    meeting_id: int | None  # None: the meeting would be created
    resolutions: tuple[PlannedResolution, ...]
    followups: tuple[PlannedFollowUp, ...]
    merge_undated: bool = False  # the meeting found is undated: it takes the date
    near_duplicates: tuple[NearDuplicate, ...] = ()
    meeting_title: str | None = None  # what the meeting would be called, when it is created

    @property
    def new_resolutions(self) -> int:
        return sum(not r.recorded for r in self.resolutions)

    @property
    def new_followups(self) -> int:
        return sum(not f.recorded for f in self.followups)


def _slug(text: str) -> str:
    text = re.sub(r"['\u2019]", "", text.lower())  # "Children's" -> "childrens"
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:80]


def _committee(s: Session, name: str, create: bool) -> tuple[Board | None, str]:
    """The board called `name`, or (None, code) when it may be created."""
    name = " ".join((name or "").split())
    if not name:
        raise invalid("committee", "give the committee's code or name", known_committees(s))
    board = s.scalars(select(Board).where(board_clause(name)).order_by(Board.id)).first()
    if board is None and create:
        code = _slug(name)
        if not code:
            raise invalid("committee", f"{name!r} cannot be made into a committee code")
        if len(name) > 300:
            raise invalid("committee", "a committee name is at most 300 characters")
        board = s.scalars(select(Board).where(Board.code == code)).first()
        return board, code
    if board is None:
        raise InvalidInput(
            Problem(
                "committee",
                f"no committee called {name!r}; add --create-committee to create it",
                known_committees(s),
            )
        )
    return board, board.code


def check_draft(s: Session, draft: MinutesDraft) -> list[Problem]:
    problems: list[Problem] = []
    if draft.title and len(draft.title) > 500:
        problems.append(Problem("title", "the item title is longer than 500 characters"))
    for i, r in enumerate(draft.resolutions, start=1):
        # named as the officer finds it: its number, else its agenda item, else its place
        named = r.number or (f"under item {r.item}" if r.item else str(i))
        where = f"resolution {named}" + _origin(r)
        problems += _officers(where, r)
        if r.kind not in RESOLUTION_KINDS:
            problems.append(Problem(where, f"unknown kind {r.kind!r}", ", ".join(RESOLUTION_KINDS)))
        if not r.text.strip():
            problems.append(Problem(where, "the text is empty"))
        if len(r.number) > 40:
            problems.append(Problem(where, "the number is longer than 40 characters"))
        problems += _item(where, r.item)
    codes = {f.owner_code for f in draft.followups if f.owner_code}
    known = set(s.scalars(select(Person.code).where(Person.code.in_(codes)))) if codes else set()
    for i, f in enumerate(draft.followups, start=1):
        where = f"follow-up {i}" + _origin(f)
        problems += _officers(where, f)
        problems += _item(where, f.item)
        if not f.text.strip():
            problems.append(Problem(where, "the text is empty"))
        if f.owner_code and f.owner_code not in known:
            problems.append(Problem(where, f"no person with code {f.owner_code!r}"))
        if f.owner and len(f.owner) > 300:
            problems.append(Problem(where, "the owner is longer than 300 characters"))
        if f.resolution_index is not None and not 0 <= f.resolution_index < len(draft.resolutions):
            problems.append(Problem(where, "it arises from no resolution of these minutes"))
        if f.due is not None and not isinstance(f.due, dt.date):
            problems.append(Problem(where, f"due {f.due!r} is not a date", "YYYY-MM-DD"))
    return problems


def _item(where: str, item: str) -> list[Problem]:
    """An agenda item as the page numbers it: short, and free of control characters."""
    if len(item) > 40:
        return [Problem(f"{where}: item", "the item is longer than 40 characters")]
    wrong = control_problem(item) if item else None
    return [Problem(f"{where}: item", wrong, TEXT_ALLOWED)] if wrong else []


def _origin(item: DraftResolution | DraftFollowUp) -> str:
    if item.origin == "taken":
        return f" (taken in review from line {item.line})"
    return " (added in review)" if item.origin == "added" else ""


def _officers(where: str, item: DraftResolution | DraftFollowUp) -> list[Problem]:
    """What an item taken or added in review must be: from a line of the minutes when taken,
    from none when added; its text (and owner) free of control characters."""
    if item.origin not in ORIGINS:
        return [Problem(where, f"unknown origin {item.origin!r}", ", ".join(ORIGINS))]
    if item.origin == "read":
        return []
    problems = []
    if item.origin == "taken" and (item.line is None or item.line < 1):
        problems.append(Problem(where, "an item taken from the minutes names the line it was "
                                "taken from", "a line number, 1 or more"))  # fmt: skip
    if item.origin == "added" and item.line is not None:
        problems.append(Problem(where, "an item added by hand comes from no line of the minutes"))
    owner = item.owner if isinstance(item, DraftFollowUp) else None
    for field, value in (("text", item.text), ("owner", owner)):
        wrong = control_problem(value) if value else None
        if wrong:
            problems.append(Problem(f"{where}: {field}", wrong, TEXT_ALLOWED))
    return problems


def item_fingerprint(item: DraftResolution | DraftFollowUp, title: str | None, i: int) -> str:
    if item.fingerprint:
        return item.fingerprint
    if isinstance(item, DraftResolution):  # an item added by hand in review
        return resolution_fingerprint(title, item.number, item.text)
    return followup_fingerprint(item.resolution, 1000 + i, item.text)


_BY_DATE = re.compile(r"\s+(?:by|before)\s+[^,;]*\d{4}\W*$", re.IGNORECASE)


def _same(text: str | None) -> str:
    """Text compared word for word, ignoring case, spacing and end punctuation."""
    return " ".join((text or "").lower().split()).rstrip(" .;,")


def _task(owner: str | None, text: str, due: dt.date | None) -> tuple[str, str]:
    """A follow-up compared by owner and task (an ACTION line's 'by DATE' left out)."""
    return _same(owner), _same(_BY_DATE.sub("", text) if due else text)


@dataclass
class Placement:
    """Where a draft goes: the committee, its meeting (None: a new one) and what it holds."""

    board: Board | None
    code: str
    meeting: Meeting | None
    merge_undated: bool
    near: tuple[NearDuplicate, ...]


def _texts(s: Session, meeting_ids: list[int]) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {i: set() for i in meeting_ids}
    if meeting_ids:
        for mid, text in s.execute(
            select(Resolution.meeting_id, Resolution.text).where(
                Resolution.meeting_id.in_(meeting_ids)
            )
        ):
            out[mid].add(_same(text))
    return out


def place_draft(
    s: Session, draft: MinutesDraft, committee: str, date: dt.date, create: bool,
    merge: bool = True,
) -> Placement:  # fmt: skip
    """The meeting on the date; else an undated meeting of the committee holding every one of
    the draft's resolutions (it takes the date, when `merge`); and the committee's meetings on
    other dates that hold them all (near-duplicates, to flag)."""
    board, code = _committee(s, committee, create)
    if board is None:
        return Placement(None, code, None, False, ())
    meetings = s.scalars(
        select(Meeting).where(Meeting.board_id == board.id, Meeting.status != "cancelled")
        .order_by(Meeting.id)
    ).all()  # fmt: skip
    meeting = next((m for m in meetings if m.date == date), None)
    wanted = {_same(r.text) for r in draft.resolutions if r.text.strip()}
    texts = _texts(s, [m.id for m in meetings if m.date != date]) if wanted else {}
    merge_undated = False
    if meeting is None and merge and wanted:  # no resolution read: nothing to merge by
        meeting = next((m for m in meetings if m.date is None and wanted <= texts[m.id]), None)
        merge_undated = meeting is not None
    near = tuple(
        NearDuplicate(m.id, m.date, len(wanted & texts[m.id]))
        for m in meetings
        if m.date is not None and m.date != date and wanted and wanted <= texts[m.id]
    )
    return Placement(board, code, meeting, merge_undated, near)


def plan_import(
    s: Session, draft: MinutesDraft, committee: str, date: dt.date, create: bool,
    merge: bool = True,
) -> tuple[Placement, list[PlannedResolution], list[PlannedFollowUp]]:  # fmt: skip
    where = place_draft(s, draft, committee, date, create, merge)
    meeting = where.meeting
    have_res: set[str] = set()
    have_fu: set[str] = set()
    have_res_text: set[str] = set()
    have_fu_task: set[tuple[str, str]] = set()
    if meeting is not None:
        for fp, text in s.execute(
            select(Resolution.fingerprint, Resolution.text).where(
                Resolution.meeting_id == meeting.id
            )
        ):
            have_res.add(fp)
            have_res_text.add(_same(text))
        for fp, owner, text in s.execute(
            select(FollowUp.fingerprint, FollowUp.owner_text, FollowUp.text).where(
                FollowUp.meeting_id == meeting.id
            )
        ):
            have_fu.add(fp)
            have_fu_task.add(_task(owner, text, None))
    res = []
    for i, r in enumerate(draft.resolutions):
        fp = item_fingerprint(r, draft.title, i)
        recorded = fp in have_res or _same(r.text) in have_res_text
        res.append(PlannedResolution(item=r, recorded=recorded))
        have_res.add(fp)  # the same resolution twice in one text is recorded once
    matched = match_people(s, [f.owner for f in draft.followups if f.owner])
    chosen = {
        p.code: p
        for p in s.scalars(
            select(Person).where(
                Person.code.in_({f.owner_code for f in draft.followups if f.owner_code})
            )
        )
    }
    fus = []
    for i, f in enumerate(draft.followups):
        fp = item_fingerprint(f, draft.title, i)
        person = chosen.get(f.owner_code or "") or (matched.get(f.owner) if f.owner else None)
        fus.append(
            PlannedFollowUp(
                item=f,
                recorded=fp in have_fu or _task(f.owner, f.text, f.due) in have_fu_task,
                person=person.label if person else None,
                person_code=person.code if person else None,
            )
        )
        have_fu.add(fp)
    return where, res, fus


def preview_import(
    t: Tracker,
    draft: MinutesDraft,
    *,
    committee: str,
    date: str | dt.date,
    create_committee: bool = False,
    merge: bool = True,
) -> ImportPreview:
    """What saving the draft would record, item by item: into the meeting on the date, or an
    undated meeting of the committee with the same resolutions (offered for merging); and any
    meeting on another date with the same resolutions, flagged. Stores nothing."""
    day = parse_date(date)
    with t.db.reading() as s:
        problems = check_draft(s, draft)
        if problems:
            raise InvalidInput(problems)
        where, res, fus = plan_import(s, draft, committee, day, create_committee, merge)
        board, code, meeting = where.board, where.code, where.meeting
        name = board.name if board else " ".join(committee.split())
        return ImportPreview(
            draft=draft,
            committee=board.code if board else code,
            committee_name=name,
            create_committee=board is None,
            date=day,
            meeting_id=meeting.id if meeting else None,
            resolutions=tuple(res),
            followups=tuple(fus),
            merge_undated=where.merge_undated,
            near_duplicates=where.near,
            meeting_title=None if meeting else draft.meeting_title(name, day),
        )
