"""Reads follow the roles, exempt items included (more reads than test_reads_exempt.py), on both
databases: the meeting-holding window's waiting updates and escalations, a meeting's verdicts,
the governance trail in an action's detail, the status sheet (and its coming back), the plan
sheet (refused), and the return ledger. P1-01 (Supporting Families Board's, Kirsty's) is exempt;
a viewer, a member of another board and another action's owner read it as "exempt item
(paragraph 1)"; an admin, a programme manager, a member of its board and its owner in full."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.accounts.test_reads_exempt import (  # noqa: F401
    SECRET,
    SFB,
    WITHHELD,
    exempt,
    title_in_register,
)
from tracker.errors import NotPermitted
from tracker.services.context import Tracker

NOT_ENTITLED = ("vera", "lee", "other-owner")
ENTITLED = ("admin", "pat", "mia", "kirsty-woodhead")
ASKED = "Which families, and who told the police?"
REASON = "The police will not share names"
NOTE = "Names three families"
PARENT = "children-first-board"


@pytest.fixture
def governed(exempt: dict[str, Tracker]) -> dict[str, Tracker]:  # noqa: F811
    """P1-01's update challenged at SFB's meeting of 1 June 2024 (held); a second update
    waiting for SFB's meeting of 20 February 2026 (scheduled, due to be held: today is
    1 March 2026); P1-01 escalated to the Children First Board, with a meeting scheduled
    on 25 February 2026 and another on 20 March 2026 (the returns' next meeting)."""
    from tracker.models import Board, Meeting, StatusUpdate, UpdateReview
    from tracker.services.actions.updates import record_update
    from tracker.services.governance.escalations import raise_escalation

    admin = exempt["admin"]
    with admin.db.writing() as s:
        sfb = s.query(Board).filter_by(code=SFB).one()
        parent = s.query(Board).filter_by(code=PARENT).one()
        held = Meeting(board_id=sfb.id, date=dt.date(2024, 6, 1), title="June", status="held")
        s.add(held)
        s.add(Meeting(board_id=sfb.id, date=dt.date(2026, 2, 20), status="scheduled"))
        s.add(Meeting(board_id=parent.id, date=dt.date(2026, 2, 25), status="scheduled"))
        s.add(Meeting(board_id=sfb.id, date=dt.date(2026, 3, 20), status="scheduled"))
        s.flush()
        update = s.query(StatusUpdate).order_by(StatusUpdate.id.desc()).first()
        assert update is not None
        s.add(UpdateReview(update_id=update.id, board_id=sfb.id, meeting_id=held.id,
                           outcome="challenged", comment=ASKED, recorded_by="chief"))  # fmt: skip
    record_update(admin, "P1-01", progress=50, note="Names a fourth family")
    with admin.db.engine.begin() as conn:  # the second update before SFB's February meeting
        conn.execute(text("UPDATE status_update SET recorded_at = '2026-02-10 10:00:00' WHERE "
                          "id = (SELECT max(id) FROM status_update)"))  # fmt: skip
        conn.execute(text("UPDATE action SET latest_update_at = '2026-02-10 10:00:00' "
                          "WHERE ref = 'P1-01'"))  # fmt: skip
    raise_escalation(admin, "P1-01", SFB, reason=REASON, decision_sought="Ask the police again")
    with admin.db.engine.begin() as conn:
        conn.execute(text("UPDATE escalation SET raised_on = '2026-02-11'"))
    return exempt


def check(people: dict[str, Tracker], words: object) -> None:
    """`words(t)` shows P1-01 withheld to those not entitled and in full to the others."""
    for who in NOT_ENTITLED:
        seen = words(people[who])  # type: ignore[operator]
        for secret in (SECRET, ASKED, REASON, NOTE, "fourth family"):
            assert secret not in seen, (who, secret)
        assert WITHHELD in seen, who
    for who in ENTITLED:
        seen = words(people[who])  # type: ignore[operator]
        assert SECRET in seen and WITHHELD not in seen, who


def test_the_meeting_holding_window_withholds_waiting_updates_and_escalations(
    governed: dict[str, Tracker],
) -> None:
    from tracker.services.governance.holding import meeting_to_hold
    from tracker.services.governance.meetings import meeting_agenda
    from tracker.services.governance.trail import waiting_updates

    def words(t: Tracker) -> str:
        sfb, parent = meeting_to_hold(t, SFB), meeting_to_hold(t, PARENT)
        assert sfb.waiting and parent.escalations
        assert parent.meeting is not None
        agenda = [*parent.meeting.agenda, *meeting_agenda(t, PARENT).agenda]
        assert [a for a in agenda if a.kind == "escalation"]
        return " | ".join([
            *(u.title + (u.commentary or "") + (u.challenged_before or "") for u in sfb.waiting),
            *(e.title + e.reason + e.decision_sought for e in parent.escalations),
            *(a.title + (a.notes or "") for a in agenda),
            *(u.title + (u.commentary or "") for u in waiting_updates(t, SFB)),
        ])  # fmt: skip

    check(governed, words)


def test_a_meeting_s_verdicts_and_an_action_s_trail_withhold_an_exempt_action(
    governed: dict[str, Tracker],
) -> None:
    from tracker.services.actions.detail import get_action
    from tracker.services.governance.detail_governance import action_governance
    from tracker.services.governance.meeting_record import meeting_record
    from tracker.services.governance.trail_steps import trail_for_updates

    def words(t: Tracker) -> str:
        rec = meeting_record(t, SFB, dt.date(2024, 6, 1))
        assert rec.verdicts
        ids = [u.id for u in get_action(governed["admin"], "P1-01").updates]
        trails = [*action_governance(t, "P1-01", ids).trails.values(),
                  *trail_for_updates(t, ids).values()]  # fmt: skip
        assert any(step.step == "challenged" for steps in trails for step in steps)
        return " | ".join([
            *(v.title + (v.commentary or "") + (v.comment or "") for v in rec.verdicts),
            *(step.describe() for steps in trails for step in steps),
        ])  # fmt: skip

    check(governed, words)
    # the entitled read the board's words in the trail too
    for who in ENTITLED:
        assert ASKED in words(governed[who]), who


def test_the_status_sheet_withholds_an_exempt_action_and_comes_back_without_changing_it(
    governed: dict[str, Tracker], tmp_path: Path
) -> None:
    from tracker.services.actions.detail import get_action
    from tracker.services.actions.register import ActionFilter
    from tracker.services.sheets.export import export_sheet
    from tracker.services.sheets.importer import import_sheet

    def words(t: Tracker) -> str:
        target = tmp_path / f"{id(t)}.csv"
        export_sheet(t, target, ActionFilter(board=SFB))
        return target.read_text(encoding="utf-8-sig")

    check(governed, words)
    # a viewer's sheet, filled in and imported by the programme manager: the withheld title is
    # not taken for an edit, and the action keeps its title
    sheet = tmp_path / "vera.csv"
    export_sheet(governed["vera"], sheet, ActionFilter(board=SFB))
    with sheet.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        if row["Ref"] == "P1-01":
            assert row["Title"] == WITHHELD and not row["Latest commentary"]
            row.update({"New status": "in progress", "New % complete": "60",
                        "Commentary": "Met the families"})  # fmt: skip
    with sheet.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    result = import_sheet(governed["pat"], sheet, partial=True)
    [mine] = [r for r in result.rows if r.ref == "P1-01"]
    assert mine.outcome == "recorded" and mine.notes == (), mine
    detail = get_action(governed["pat"], "P1-01")
    assert detail.row.title == SECRET and detail.updates[0].commentary == "Met the families"


def test_the_plan_sheet_is_refused_to_those_who_may_not_read_its_exempt_actions(
    governed: dict[str, Tracker], tmp_path: Path
) -> None:
    from tracker.services.actions.register import ActionFilter
    from tracker.services.sheets.plan_sheet import export_plan_sheet

    for who in NOT_ENTITLED:
        target = tmp_path / f"{who}.csv"
        with pytest.raises(NotPermitted, match=r"exempt items .*\(action P1-01\)"):
            export_plan_sheet(governed[who], target)
        with pytest.raises(NotPermitted):
            export_plan_sheet(governed[who], target, ActionFilter(board=SFB))
        assert not target.exists(), who
        # a sheet without exempt actions is theirs to export
        assert export_plan_sheet(governed[who], target, ActionFilter(refs=("P1-02",))) == 1
    with governed["pat"].db.engine.begin() as conn:  # the refusals are audited
        refused = conn.execute(text(
            "SELECT count(*) FROM audit_entry WHERE operation = 'refused' "
            "AND entity_key = 'export the plan sheet plan'")).scalar()  # fmt: skip
    assert refused == 2 * len(NOT_ENTITLED)
    for who in ENTITLED:
        target = tmp_path / f"{who}.csv"
        export_plan_sheet(governed[who], target, ActionFilter(board=SFB))
        assert SECRET in target.read_text(encoding="utf-8-sig"), who


def test_the_return_ledger_withholds_an_exempt_action(governed: dict[str, Tracker]) -> None:
    from tracker.services.returns.ledger import return_ledger

    with governed["admin"].db.engine.begin() as conn:  # SFB's February meeting is held
        conn.execute(text("UPDATE meeting SET status = 'held' WHERE date = '2026-02-20'"))

    def words(t: Tracker) -> str:
        ledger = return_ledger(t, SFB)
        owed = [a for o in ledger.owners for a in o.owed]
        assert "P1-01" in [a.ref for a in owed]
        return " | ".join(a.title + (a.commentary or "") for a in owed)

    check(governed, words)


def test_a_meeting_s_exempt_decisions_and_actions_arising_are_for_its_board(
    governed: dict[str, Tracker],
) -> None:
    from tracker.models import Board, FollowUp, Meeting, Resolution
    from tracker.services.governance.meeting_record import meeting_record

    decided, arising = "Share the names with the police", "Kirsty to visit the families"
    with governed["admin"].db.writing() as s:  # minuted at SFB's June meeting, exempt
        sfb = s.query(Board).filter_by(code=SFB).one()
        june = s.query(Meeting).filter_by(board_id=sfb.id, date=dt.date(2024, 6, 1)).one()
        s.add(Resolution(meeting_id=june.id, number="1", position=1, kind="resolved",
                         text=decided, fingerprint="d1", exempt_paragraph=2))  # fmt: skip
        s.add(Resolution(meeting_id=june.id, number="2", position=2, kind="noted",
                         text="The report was noted", fingerprint="d2"))  # fmt: skip
        s.add(FollowUp(meeting_id=june.id, position=1, text=arising, fingerprint="f1",
                       exempt_paragraph=2))  # fmt: skip

    def minuted(t: Tracker) -> list[str]:
        rec = meeting_record(t, SFB, dt.date(2024, 6, 1))
        return [*(d.text for d in rec.decisions), *(a.text for a in rec.actions)]

    label = "exempt item (paragraph 2)"
    for who in NOT_ENTITLED + ("kirsty-woodhead",):  # the board's business, not the owner's
        assert minuted(governed[who]) == [label, "The report was noted", label], who
    for who in ("admin", "pat", "mia"):
        assert minuted(governed[who]) == [decided, "The report was noted", arising], who


def test_a_held_meeting_s_agenda_withholds_the_escalation_it_considered(
    governed: dict[str, Tracker],
) -> None:
    from tracker.services.governance.holding import hold_meeting
    from tracker.services.governance.meeting_record import meeting_record
    from tracker.services.governance.meetings import list_meetings
    from tracker.services.governance.overview import board_overview

    feb = dt.date(2026, 2, 25)
    hold_meeting(governed["admin"], PARENT, feb)  # the open escalation goes on its agenda

    def words(t: Tracker) -> str:
        held = [m for m in list_meetings(t, PARENT) if m.date == feb]
        agenda = [*held[0].agenda, *meeting_record(t, PARENT, feb).meeting.agenda,
                  *(a for m in board_overview(t, PARENT).meetings if m.date == feb
                    for a in m.agenda)]  # fmt: skip
        assert len([a for a in agenda if a.title.startswith("Escalation #")]) == 3
        return " | ".join(a.title + (a.notes or "") for a in agenda)

    check(governed, words)


def test_the_cli_refuses_the_plan_sheet_and_withholds_the_trail_as_it_reads(
    governed: dict[str, Tracker], tmp_path: Path
) -> None:
    """The CLI: a SQLite file's local user reads everything, as before accounts; a PostgreSQL
    login with no account reads as a viewer: the plan sheet refused (exit 4, nothing written),
    the board's comment left out of the trail in `actions show`, `meetings waiting` withheld."""
    from click.testing import CliRunner

    from tracker.cli import cli

    target = tmp_path / "plan.csv"
    run = CliRunner().invoke(cli, ["actions", "export-plan-sheet", str(target)])
    shown = CliRunner().invoke(cli, ["actions", "show", "P1-01"])
    waiting = CliRunner().invoke(cli, ["meetings", "waiting", SFB])
    assert shown.exit_code == 0 and waiting.exit_code == 0, shown.output + waiting.output
    trail, listed = " ".join(shown.output.split()), " ".join(waiting.output.split())
    assert "challenged at Supporting Families Board 1 Jun 2024" in trail, trail
    if governed["pat"].settings.is_sqlite:
        assert run.exit_code == 0 and SECRET in target.read_text(encoding="utf-8-sig")
        assert ASKED in trail and "Names a fourth family" in listed
    else:
        assert run.exit_code == 4 and not target.exists(), run.output
        assert "exempt items you may not read in full (action P1-01)" in run.output
        assert ASKED not in trail and "fourth family" not in listed, (trail, listed)


def test_the_lists_a_window_chooses_an_action_from_withhold_its_title(
    governed: dict[str, Tracker],
) -> None:
    from tracker.services.choices import load_choices

    def words(t: Tracker) -> str:
        return " | ".join(title for ref, title in load_choices(t).actions if ref == "P1-01")

    check(governed, words)


def test_holding_a_meeting_shows_its_secretary_only_what_they_may_read(
    governed: dict[str, Tracker],
) -> None:
    """The parent board's secretary holds its meeting and decides the escalation of a child
    board's exempt action: she reads the escalation in full (it is her board's to decide), in
    what the hold returns and in the escalations list, but not the child board's action
    elsewhere; a secretary of a third board reads it withheld."""
    from tracker.services.accounts import add_account, parse_role
    from tracker.services.governance.escalations import Decision, list_escalations
    from tracker.services.governance.holding import hold_meeting

    account = add_account(governed["admin"], "cass", "Cass", "a long enough password",
                          [parse_role(f"board_secretary:{PARENT}")])  # fmt: skip
    cass = Tracker(governed["admin"].settings, db=governed["admin"].db, account=account)
    [raised] = list_escalations(governed["admin"])
    held = hold_meeting(cass, PARENT, dt.date(2026, 2, 25),
                        decisions=[Decision(raised.id, "accept", "Agreed")])  # fmt: skip
    seen = " | ".join([*(a.title + (a.notes or "") for a in held.meeting.agenda),
                       *(e.title + e.reason for e in held.decided)])  # fmt: skip
    assert held.decided and SECRET in seen and REASON in seen, seen
    assert WITHHELD not in seen
    listed = list_escalations(cass, PARENT)
    assert [(e.title, e.reason) for e in listed] == [(raised.title, REASON)]
    assert SECRET in raised.title
    assert WITHHELD in title_in_register(cass)  # the action itself stays the child board's
    lpb = add_account(governed["admin"], "lyn", "Lyn", "a long enough password",
                      [parse_role("board_secretary:locality-partnership-board")])  # fmt: skip
    lyn = Tracker(governed["admin"].settings, db=governed["admin"].db, account=lpb)
    [elsewhere] = list_escalations(lyn)
    assert SECRET not in elsewhere.title and REASON not in elsewhere.reason
    assert elsewhere.title == WITHHELD
