"""The record of a held meeting, read from one snapshot: attendance, each update noted or
challenged (and the comment), what child boards reported, escalations received and decided,
the decisions taken (numbered as minuted) and the actions arising (owner, due, status)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from tracker.models import (
    Action,
    Escalation,
    FollowUp,
    IssuedPaper,
    Person,
    Resolution,
    StatusUpdate,
    UpdateReview,
)
from tracker.services.actions.register import owner_label
from tracker.services.context import Tracker
from tracker.services.governance.agenda_words import withhold_agendas
from tracker.services.governance.common import Tree, find_board, find_meeting, load_tree
from tracker.services.governance.escalation_read import WORDS as ESCALATION_WORDS
from tracker.services.governance.escalation_read import EscalationView
from tracker.services.governance.escalations import escalation_views
from tracker.services.governance.meetings import MeetingView, meeting_views
from tracker.services.plain_sql import SessionReader
from tracker.services.reading import exempt_reader, withhold_actions
from tracker.vocabulary import exempt_label


@dataclass(frozen=True)
class VerdictLine:
    update_id: int
    ref: str
    title: str
    recorded_at: dt.datetime  # when the update was recorded
    status: str
    rag: str | None
    progress: int
    commentary: str | None
    outcome: str  # noted | challenged | reported
    comment: str | None  # a challenge's comment
    answered: bool = False  # a challenge answered by the owner's new update
    child: str | None = None  # reported: the child board's name


@dataclass(frozen=True)
class DecisionLine:
    number: str  # as minuted: "1", "2", "B2.1"
    kind: str  # resolved | recommended | agreed | noted
    text: str


@dataclass(frozen=True)
class ActionLine:
    id: int  # the follow-up's id (tracker followups show ID)
    owner: str | None  # as minuted
    person: str | None  # the person it was matched to (name and role), if any
    text: str
    due: dt.date | None
    status: str  # open | in progress | done | dropped
    decision: str | None  # the number of the decision it arises from
    escalation_id: int | None  # the escalation whose decision it carries out
    source: str = "unrecorded"  # where it came from: vocabulary.FOLLOWUP_SOURCES


@dataclass(frozen=True)
class PaperLine:
    """A paper issued for the meeting (`tracker paper show ID` prints it as the board saw it)."""

    id: int
    template: str
    format: str
    version: int
    issued_at: dt.datetime
    issued_by: str


@dataclass(frozen=True)
class MeetingRecord:
    meeting: MeetingView
    verdicts: tuple[VerdictLine, ...]  # noted or challenged here, by ref
    reported: tuple[VerdictLine, ...]  # reported here from child boards
    escalations: tuple[EscalationView, ...]  # received: to this board, raised by its date
    decisions: tuple[DecisionLine, ...]
    actions: tuple[ActionLine, ...]
    papers: tuple[PaperLine, ...] = ()  # issued for it, oldest first

    @property
    def decided(self) -> tuple[EscalationView, ...]:
        """The escalations decided at this meeting."""
        return tuple(e for e in self.escalations if e.decided_at_meeting == self.meeting.date)

    def as_dict(self) -> dict[str, object]:
        return {
            "meeting": self.meeting.as_dict(),
            "verdicts": [_verdict(v) for v in self.verdicts],
            "reported": [_verdict(v) for v in self.reported],
            "escalations": [e.as_dict() for e in self.escalations],
            "decisions": [{"number": d.number, "kind": d.kind, "text": d.text}
                          for d in self.decisions],
            "actions": [
                {"id": a.id, "owner": a.owner, "person": a.person, "text": a.text,
                 "due": a.due.isoformat() if a.due else None, "status": a.status,
                 "decision": a.decision, "escalation": a.escalation_id, "source": a.source}
                for a in self.actions
            ],
            "papers": [{"id": p.id, "template": p.template, "format": p.format,
                        "version": p.version, "issued_at": p.issued_at.isoformat(),
                        "issued_by": p.issued_by} for p in self.papers],
        }  # fmt: skip


def _verdict(v: VerdictLine) -> dict[str, object]:
    return {
        "update": v.update_id, "ref": v.ref, "recorded_at": v.recorded_at.isoformat(),
        "status": v.status, "rag": v.rag, "progress": v.progress, "outcome": v.outcome,
        "comment": v.comment, "answered": v.answered, "child": v.child,
    }  # fmt: skip


def meeting_record(t: Tracker, board: str, on: dt.date) -> MeetingRecord:
    """What happened at the board's meeting on `on` (for a scheduled meeting: what it has)."""
    with t.db.reading() as s:
        return withhold_record(t, s, record_in(s, board, on), on)


VERDICT_WORDS = {"title": True, "commentary": False, "comment": False}


def withhold_record(t: Tracker, s: Session, rec: MeetingRecord, on: dt.date) -> MeetingRecord:
    """The record with the words of the exempt items the acting account may not read in full
    withheld (tracker.services.reading): verdicts, reports and escalations about an exempt
    action; the meeting's exempt decisions (resolutions) and actions arising (follow-ups)."""
    if t.unrestricted:
        return rec
    reader = SessionReader(s)
    scope = exempt_reader(t, reader)
    if scope is None:
        return rec
    decisions, actions = rec.decisions, rec.actions
    if not scope.reads_body(rec.meeting.board):
        m = find_meeting(s, find_board(s, rec.meeting.board), on)
        exempt = s.execute(select(Resolution.position, Resolution.exempt_paragraph)
                           .where(Resolution.meeting_id == m.id)
                           .order_by(Resolution.position)).all()  # fmt: skip
        decisions = tuple(
            replace(d, text=exempt_label(paragraph)) if paragraph is not None else d
            for d, (_, paragraph) in zip(decisions, exempt, strict=False)
        )
        paragraphs = dict(s.execute(select(FollowUp.id, FollowUp.exempt_paragraph)
                                    .where(FollowUp.meeting_id == m.id)).all())  # fmt: skip
        actions = tuple(
            replace(a, text=exempt_label(paragraph))
            if (paragraph := paragraphs.get(a.id)) is not None
            else a
            for a in actions
        )
    return replace(
        rec,
        meeting=withhold_agendas(t, s, [rec.meeting])[0],
        verdicts=withhold_actions(t, reader, rec.verdicts, VERDICT_WORDS),
        reported=withhold_actions(t, reader, rec.reported, VERDICT_WORDS),
        escalations=withhold_actions(
            t, reader, rec.escalations, ESCALATION_WORDS, read_by="to_board"
        ),
        decisions=decisions,
        actions=actions,
    )


def record_in(s: Session, board: str, on: dt.date) -> MeetingRecord:
    """`meeting_record` inside an open session (the draft minutes read it)."""
    b = find_board(s, board)
    m = find_meeting(s, b, on)
    view = meeting_views(s, [m], None)[0]
    tree = load_tree(s)
    # plain columns, not ORM objects: a meeting may have hundreds of verdicts
    rows = s.execute(
        select(UpdateReview.outcome, UpdateReview.comment, UpdateReview.answered_by_id,
               StatusUpdate.id, StatusUpdate.recorded_at, StatusUpdate.status, StatusUpdate.rag,
               StatusUpdate.progress, StatusUpdate.commentary, Action.ref, Action.title,
               Action.board_id)
        .join(StatusUpdate, StatusUpdate.id == UpdateReview.update_id)
        .join(Action, Action.id == StatusUpdate.action_id)
        .where(UpdateReview.meeting_id == m.id)
        .order_by(Action.ref, StatusUpdate.recorded_at, StatusUpdate.id)
    ).all()  # fmt: skip
    verdicts: list[VerdictLine] = []
    reported: list[VerdictLine] = []
    for (outcome, comment, answered, uid, at, status, rag, progress, commentary, ref, title,
         owner_board) in rows:  # fmt: skip
        child = None
        if outcome == "reported" and owner_board in tree:
            child = _child_towards(tree, b.id, owner_board)
        line = VerdictLine(
            update_id=uid, ref=ref, title=title, recorded_at=at, status=status, rag=rag,
            progress=progress, commentary=commentary, outcome=outcome, comment=comment,
            answered=answered is not None, child=child,
        )  # fmt: skip
        (reported if outcome == "reported" else verdicts).append(line)
    received = s.scalars(
        select(Escalation)
        .where(
            Escalation.to_board_id == b.id,
            or_(
                Escalation.decided_meeting_id == m.id,
                (Escalation.raised_on <= on) & (Escalation.status == "open"),
            ),
        )
        .order_by(Escalation.raised_on, Escalation.id)
    ).all()
    decisions = tuple(
        DecisionLine(r.number, r.kind, r.text)
        for r in s.scalars(
            select(Resolution).where(Resolution.meeting_id == m.id).order_by(Resolution.position)
        )
    )
    actions = tuple(
        ActionLine(
            id=f.id,
            owner=f.owner_text or owner_label(name, role),
            person=owner_label(name, role),
            text=f.text,
            due=f.due,
            status=f.status,
            decision=number,
            escalation_id=f.escalation_id,
            source=f.source,
        )
        for f, name, role, number in s.execute(
            select(FollowUp, Person.name, Person.role, Resolution.number)
            .outerjoin(Person, Person.id == FollowUp.owner_id)
            .outerjoin(Resolution, Resolution.id == FollowUp.resolution_id)
            .where(FollowUp.meeting_id == m.id)
            .order_by(FollowUp.position, FollowUp.id)
        )
    )
    papers = tuple(
        PaperLine(*row)
        for row in s.execute(
            select(IssuedPaper.id, IssuedPaper.template, IssuedPaper.format, IssuedPaper.version,
                   IssuedPaper.issued_at, IssuedPaper.issued_by)
            .where(IssuedPaper.board_id == b.id, IssuedPaper.paper_date == on)
            .order_by(IssuedPaper.issued_at, IssuedPaper.id)
        )
    )  # fmt: skip
    return MeetingRecord(
        meeting=view, verdicts=tuple(verdicts), reported=tuple(reported),
        escalations=tuple(escalation_views(s, received)), decisions=decisions, actions=actions,
        papers=papers,
    )  # fmt: skip


def _child_towards(tree: Tree, board_id: int, owner: int) -> str | None:
    """The child of `board_id` on the way down to the board that owns the action."""
    current = owner
    seen: set[int] = set()
    while current not in seen:
        seen.add(current)
        node = tree.get(current)
        if node is None:
            return None
        if node.parent_id == board_id:
            return node.name
        if node.parent_id is None:
            return None
        current = node.parent_id
    return None
