"""Importing a committee's minutes: save the meeting, its resolutions and the proposed follow-ups
of a draft (see minutes_draft, previewed by minutes_preview) in one transaction. Re-importing the
same minutes adds nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tracker.errors import Conflict, InvalidInput, Problem
from tracker.models import Board, FollowUp, Meeting, Person, Resolution
from tracker.services import audit
from tracker.services.accounts.permissions import require
from tracker.services.committees.minutes_draft import (
    DraftFollowUp,
    DraftResolution,
    MinutesDraft,
    Origin,
)
from tracker.services.committees.minutes_preview import (
    PlannedFollowUp,
    PlannedResolution,
    check_draft,
    item_fingerprint,
    plan_import,
)
from tracker.services.committees.minutes_taking import taken_from
from tracker.services.context import Tracker
from tracker.services.lookup import parse_date


@dataclass(frozen=True)
class ImportResult:
    committee: str
    committee_name: str
    created_committee: bool
    meeting_id: int | None  # None: nothing to record, no meeting was created
    date: dt.date
    created_meeting: bool
    resolutions_added: int
    resolutions_already: int
    followups_added: tuple[int, ...]  # ids of the follow-ups created
    followups_already: int
    unsure: int = 0
    notes: tuple[str, ...] = field(default=())
    taken: int = 0  # of those added, taken in review (from the page, a line left, a resolution)
    taken_from_page: int = 0  # of those taken, from a unit of the whole page
    made_from_resolutions: int = 0  # of those taken, follow-ups made from a resolution
    added_by_hand: int = 0  # of those added, added in review by hand

    @property
    def nothing_new(self) -> bool:
        return self.resolutions_added == 0 and not self.followups_added


def _fit(text: str | None, limit: int) -> str | None:
    if not text:
        return None
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _origins(res: list[PlannedResolution], fus: list[PlannedFollowUp]) -> list[Origin]:
    return [p.item.origin for p in res] + [p.item.origin for p in fus]


def _taken(res: list[PlannedResolution], fus: list[PlannedFollowUp]) -> list[str]:
    """Where each item the officer took came from (minutes_taking.taken_from)."""
    items = [p.item for p in res] + [p.item for p in fus]
    return [taken_from(i) for i in items if i.origin == "taken"]


def came_from(item: DraftResolution | DraftFollowUp) -> str:
    """Where an imported item came from, as its audit entry records it."""
    if item.origin == "added":
        return "added in review"
    where = f"minutes line {item.line}" if item.line else "minutes"
    return f"{where}, taken in review" if item.origin == "taken" else where


def made_from(f: DraftFollowUp, resolution_id: int | None) -> str:
    """A follow-up's source (vocabulary.FOLLOWUP_SOURCES) as the import stores it: linked to a
    resolution; else read by the reader, taken in review from a line, or added by hand."""
    if resolution_id is not None:
        return "resolution"
    return {"taken": "review", "added": "hand"}.get(f.origin, "minuted")


def _arising(f: DraftFollowUp, by_index: list[int | None], by_number: dict[str, int]) -> int | None:
    """The stored resolution a follow-up arises from: the one the officer made it from, else
    the resolution of its number."""
    if f.resolution_index is not None:
        return by_index[f.resolution_index]
    return by_number.get(f.resolution) if f.resolution is not None else None


def save_import(
    t: Tracker,
    draft: MinutesDraft,
    *,
    committee: str,
    date: str | dt.date,
    create_committee: bool = False,
    meeting_title: str | None = None,
    merge: bool = True,
    not_a_duplicate: bool = False,
) -> ImportResult:
    """Record the meeting (found by committee and date, else an undated meeting of the
    committee with the same resolutions, which takes the date when `merge`; else created), its
    new resolutions and follow-ups, all or nothing. Items already recorded for that meeting are
    left as they are. Minutes whose resolutions a meeting on another date already holds word for
    word are refused unless `not_a_duplicate` says they are another meeting."""
    day = parse_date(date)
    try:
        with t.db.writing() as s:
            require(t, s, "record resolutions", committee=committee)
            return _save(s, t.user, draft, committee, day, create_committee, meeting_title,
                         merge, not_a_duplicate)  # fmt: skip
    except IntegrityError:
        # PostgreSQL: another import of the same minutes committed first
        raise Conflict(
            "these minutes were being imported by someone else at the same moment; nothing of "
            "yours was stored: import again and what is already recorded will be skipped"
        ) from None


def _save(
    s: Session,
    actor: str,
    draft: MinutesDraft,
    committee: str,
    day: dt.date,
    create_committee: bool,
    meeting_title: str | None,
    merge: bool = True,
    not_a_duplicate: bool = False,
) -> ImportResult:
    problems = check_draft(s, draft)
    if problems:
        raise InvalidInput(problems)
    where, res, fus = plan_import(s, draft, committee, day, create_committee, merge)
    board, code, meeting = where.board, where.code, where.meeting
    if where.near and not not_a_duplicate and any(not p.recorded for p in res):
        dates = ", ".join(n.date.isoformat() for n in where.near)
        raise InvalidInput(Problem(
            "date", f"the meeting of {dates} already holds these resolutions word for word: "
            f"these minutes look like that meeting's, not {day.isoformat()}'s; nothing "
            "was stored",
        ), remedy="confirm another meeting")  # fmt: skip
    new_res = [p for p in res if not p.recorded]
    new_fus = [p for p in fus if not p.recorded]
    created_committee = created_meeting = False
    name = board.name if board else " ".join(committee.split())
    if meeting is not None and board is not None and where.merge_undated:
        audit.record(s, actor, "merge", "meeting", f"{board.code}/undated",
                     {"date": (None, day)})  # fmt: skip
        meeting.date = day
    if not new_res and not new_fus:
        return ImportResult(
            committee=code,
            committee_name=name,
            created_committee=False,
            meeting_id=meeting.id if meeting else None,
            date=day,
            created_meeting=False,
            resolutions_added=0,
            resolutions_already=len(res),
            followups_added=(),
            followups_already=len(fus),
            unsure=len(draft.unsure),
        )
    if board is None:
        board = Board(code=code, name=name, kind="committee")
        s.add(board)
        s.flush()
        audit.record(s, actor, "create", "board", code, {"name": (None, name)})
        created_committee = True
    if meeting is None:
        meeting = Meeting(
            board_id=board.id,
            date=day,
            title=_fit(meeting_title or draft.meeting_title(name, day), 300),
            status="held",
        )
        s.add(meeting)
        s.flush()
        created_meeting = True
        audit.record(
            s,
            actor,
            "import",
            "meeting",
            f"{board.code}/{day.isoformat()}",
            {"title": (None, meeting.title)},
        )
    key = f"{board.code}/{day.isoformat()}"
    res_pos = s.execute(
        select(func.coalesce(func.max(Resolution.position), -1)).where(
            Resolution.meeting_id == meeting.id
        )
    ).scalar_one()
    by_number: dict[str, int] = {}
    existing: dict[str, int] = {
        fp: rid
        for fp, rid in s.execute(
            select(Resolution.fingerprint, Resolution.id).where(Resolution.meeting_id == meeting.id)
        )
    }
    by_index: list[int | None] = []  # each of the draft's resolutions: its row, when it has one
    for i, p in enumerate(res):
        fp = item_fingerprint(p.item, draft.title, i)
        if p.recorded:
            by_index.append(existing.get(fp))
            if fp in existing:
                by_number.setdefault(p.item.number, existing[fp])
            continue
        res_pos += 1
        row = Resolution(
            meeting_id=meeting.id,
            item_title=_fit(draft.title_of(p.item.item), 500),  # its own item's heading
            number=p.item.number,
            position=res_pos,
            kind=p.item.kind,
            text=p.item.text.strip(),
            fingerprint=fp,
        )
        s.add(row)
        s.flush()
        existing[fp] = row.id
        by_index.append(row.id)
        by_number.setdefault(p.item.number, row.id)
        audit.record(
            s,
            actor,
            "import",
            "resolution",
            f"{key}#{p.item.number}",
            {
                "text": (None, row.text),
                "from": (None, came_from(p.item)),
                **({"item": (None, p.item.item)} if p.item.item else {}),
            },  # fmt: skip
        )
    fu_pos = s.execute(
        select(func.coalesce(func.max(FollowUp.position), -1)).where(
            FollowUp.meeting_id == meeting.id
        )
    ).scalar_one()
    people = {
        p.code: p.id
        for p in s.scalars(
            select(Person).where(Person.code.in_({f.person_code for f in fus if f.person_code}))
        )
    }
    added: list[int] = []
    for i, planned in enumerate(fus):
        if planned.recorded:
            continue
        fu_pos += 1
        f = planned.item
        arising = _arising(f, by_index, by_number)
        fu_row = FollowUp(
            meeting_id=meeting.id,
            resolution_id=arising,
            source=made_from(f, arising),
            position=fu_pos,
            owner_id=people.get(planned.person_code or ""),
            owner_text=(f.owner or "").strip() or None,
            text=f.text.strip(),
            due=f.due,
            status="open",
            fingerprint=item_fingerprint(f, draft.title, i),
        )
        s.add(fu_row)
        s.flush()
        added.append(fu_row.id)
        audit.record(
            s,
            actor,
            "import",
            "followup",
            str(fu_row.id),
            {
                "owner": (None, planned.person or fu_row.owner_text),
                "text": (None, fu_row.text),
                "due": (None, fu_row.due),
                "from": (None, came_from(f)),
                **({"item": (None, f.item)} if f.item else {}),  # the item it was minuted under
            },
        )
    return ImportResult(
        committee=board.code,
        committee_name=board.name,
        created_committee=created_committee,
        meeting_id=meeting.id,
        date=day,
        created_meeting=created_meeting,
        resolutions_added=len(new_res),
        resolutions_already=len(res) - len(new_res),
        followups_added=tuple(added),
        followups_already=len(fus) - len(new_fus),
        unsure=len(draft.unsure),
        taken=_origins(new_res, new_fus).count("taken"),
        taken_from_page=_taken(new_res, new_fus).count("page"),
        made_from_resolutions=_taken(new_res, new_fus).count("resolution"),
        added_by_hand=_origins(new_res, new_fus).count("added"),
    )
