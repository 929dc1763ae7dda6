"""Chasers: for each owner with returns outstanding, a message from the `chaser` template
(board_reports/chaser.txt.j2, or the user's own) with their actions, the deadline and their
return sheet attached. Always written as .eml drafts; sent by SMTP only when asked (the face
calls `deliver`, then `record_chasers_sent` with what the server accepted). An owner already
chased for a meeting is not chased again unless asked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from tracker.errors import InvalidInput, Problem
from tracker.models import Chaser
from tracker.papers.messages import render_message
from tracker.papers.templates import TemplateProblem, TemplateSet
from tracker.services.accounts.permissions import require
from tracker.services.context import Tracker
from tracker.services.governance.common import day, find_board
from tracker.services.returns.ledger import OwnerReturns, ledger_in
from tracker.services.returns.mail import Outgoing, Sent, build_message, save_draft
from tracker.services.returns.period import ReportingPeriod, period_in
from tracker.services.returns.sheets import output_folder, sheet_plans_in, write_sheet

TEMPLATE = "chaser"


@dataclass(frozen=True)
class ChaserAction:
    ref: str
    title: str
    due: dt.date | None
    overdue: bool
    status: str
    rag: str | None
    progress: int
    last_update: dt.datetime | None


@dataclass(frozen=True)
class ChaserDraft:
    owner: str  # as the ledger names them
    name: str
    organisation: str
    to: str | None  # their e-mail address (None: none known; address the draft by hand)
    actions: tuple[str, ...]
    subject: str
    draft: str  # the .eml file
    sheet: str  # the attached sheet
    chased: tuple[dt.datetime, ...]  # when they were chased before for this meeting
    goes: bool  # would be sent by `--send`: an address, and not chased already (or `again`)
    why_not: str  # when it would not go


@dataclass(frozen=True)
class Chasers:
    period: ReportingPeriod
    folder: str
    template: str  # the template file used
    drafts: tuple[ChaserDraft, ...]
    outgoing: tuple[Outgoing, ...]  # the messages that would go (for `deliver`)


def draft_chasers(
    t: Tracker, board: str, folder: str | Path | None = None, *, again: bool = False
) -> Chasers:
    """A chaser for each owner owing BOARD a return, written as an .eml draft with their
    sheet beside it in `folder` (default: the papers output folder's `chasers/`)."""
    out = output_folder(folder if folder is not None else t.settings.output / "chasers")
    with t.db.reading() as s:
        b = find_board(s, board)
        ledger = ledger_in(s, b, period_in(s, b, t.today(), t.settings.returns_days_before))
        period = ledger.period
        chased: dict[str, list[dt.datetime]] = {}
        for who, at in s.execute(
            select(Chaser.owner, Chaser.sent_at)
            .where(Chaser.board_id == b.id, Chaser.meeting_date == period.meeting)
            .order_by(Chaser.sent_at)
        ):
            chased.setdefault(who, []).append(at)
        plans = sheet_plans_in(s, ledger, "owner", t)
    owners = {o.owner: o for o in ledger.owing()}
    templates = TemplateSet(t.settings.templates)
    sender = t.settings.mail.sender if t.settings.mail else t.user
    drafts: list[ChaserDraft] = []
    outgoing: list[Outgoing] = []
    template = ""
    for plan in plans:
        owner = owners[plan.key]
        sheet = Path(write_sheet(plan, period, out).file)
        try:
            message = render_message(templates, TEMPLATE, _context(period, owner, sheet, t.user))
        except TemplateProblem as exc:
            raise InvalidInput(
                Problem(field="template", message=exc.message, file=str(exc.path or exc.template),
                        line=exc.line)
            ) from None  # fmt: skip
        template = str(message.template)
        msg = build_message(
            sender=sender, to=owner.email, subject=message.subject, body=message.body,
            attachment=sheet,
        )  # fmt: skip
        draft = sheet.with_suffix(".eml")
        save_draft(msg, draft)
        before = tuple(chased.get(owner.owner, ()))
        why_not = ""
        if not owner.email:
            why_not = "no e-mail address (add one to the person in the plan)"
        elif before and not again:
            why_not = f"already chased on {day(before[-1])} for this meeting"
        goes = not why_not
        drafts.append(
            ChaserDraft(
                owner=owner.owner,
                name=owner.name,
                organisation=owner.organisation,
                to=owner.email,
                actions=tuple(a.ref for a in owner.owed),
                subject=message.subject,
                draft=str(draft),
                sheet=str(sheet),
                chased=before,
                goes=goes,
                why_not=why_not,
            )
        )
        if goes:
            outgoing.append(Outgoing(owner.owner, owner.email, msg))
    return Chasers(period, str(out), template, tuple(drafts), tuple(outgoing))


def _context(
    period: ReportingPeriod, owner: OwnerReturns, sheet: Path, sender: str
) -> dict[str, object]:
    actions = [
        ChaserAction(
            ref=a.ref,
            title=a.title,
            due=a.due_or_implied,  # without a date of its own: its phase's end
            overdue=a.overdue(period.today),
            status=a.status,
            rag=a.rag,
            progress=a.progress,
            last_update=a.last_update,
        )
        for a in owner.owed
    ]
    return {
        "board": {"name": period.board_name, "code": period.board},
        "meeting": period.meeting,
        "deadline": period.deadline,
        "days_left": period.days_to_deadline,
        "period_start": period.start,
        "owner": {
            "name": owner.name,
            "label": owner.owner,
            "organisation": owner.organisation,
            "email": owner.email,
        },
        "actions": actions,
        "sheet": sheet.name,
        "sender": sender,
    }


def record_chasers_sent(
    t: Tracker, board: str, meeting: dt.date, sent: Sequence[Sent], counts: dict[str, int]
) -> int:
    """Log the chasers the mail server accepted (only those), so that they are not sent twice
    for the same meeting. `counts`: owner -> returns outstanding when chased."""
    if not sent:
        return 0
    with t.db.writing() as s:
        b = find_board(s, board)
        require(t, s, "chase returns", board=b.code)
        now = t.now()
        for x in sent:
            s.add(
                Chaser(
                    board_id=b.id,
                    meeting_date=meeting,
                    owner=x.owner[:300],
                    address=x.to[:320],
                    actions=counts.get(x.owner, 0),
                    message_id=x.message_id[:300],
                    sent_at=now,
                    sent_by=t.user,
                )
            )
    return len(sent)
