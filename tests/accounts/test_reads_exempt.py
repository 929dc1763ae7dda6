"""Reads follow the roles, exempt items included, on both databases: an exempt action is read
in full only by an admin, a programme manager, its board's secretary, members or committee
officer, or its owner; anyone else sees it in its place as "exempt item (paragraph N)", in the
register and in its detail (its description, and its updates' commentary, left out), as the
CLI and the app show them. A SQLite file's local user reads everything, as before accounts."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from tracker.cli import cli
from tracker.services.accounts import add_account, parse_role
from tracker.services.actions.detail import get_action
from tracker.services.actions.register import ActionFilter, list_actions
from tracker.services.actions.updates import record_update
from tracker.services.context import Tracker

PASSWORD = "a long enough password"
SFB = "supporting-families-board"
SECRET = "Map the families known to the police"
WITHHELD = "exempt item (paragraph 1)"


@pytest.fixture
def exempt(loaded: Tracker) -> dict[str, Tracker]:
    """P1-01 (SFB's, owned by kirsty-woodhead, with a commented update) exempt under paragraph
    1; an account for each role."""
    record_update(loaded, "P1-01", progress=40, note="Names three families")
    with loaded.db.engine.begin() as conn:  # as the tables' owner
        conn.execute(
            text(
                "UPDATE action SET exempt_paragraph = 1, title = :t, description = 'who they are', "
                "board_id = (SELECT id FROM board WHERE code = :b), owner_id = (SELECT id FROM "
                "person WHERE code = 'kirsty-woodhead') WHERE ref = 'P1-01'"
            ),
            {"t": SECRET, "b": SFB},
        )
    admin = add_account(loaded, "chief", "Chief", PASSWORD, [parse_role("admin")])
    as_admin = Tracker(loaded.settings, db=loaded.db, account=admin)
    people = {"admin": admin}
    for login, role in (("vera", "viewer"), ("mia", f"board_member:{SFB}"),
                        ("lee", "board_member:locality-partnership-board"),
                        ("pat", "programme_manager"), ("kirsty-woodhead", "action_owner"),
                        ("other-owner", "action_owner")):  # fmt: skip
        people[login] = add_account(as_admin, login, login.title(), PASSWORD, [parse_role(role)])
    return {who: Tracker(loaded.settings, db=loaded.db, account=a) for who, a in people.items()}


def title_in_register(t: Tracker) -> str:
    [row] = list_actions(t, ActionFilter(refs=("P1-01",))).rows
    return row.title


def test_an_exempt_action_is_withheld_from_those_its_board_s_business_is_not_for(
    exempt: dict[str, Tracker],
) -> None:
    for who in ("vera", "lee", "other-owner"):
        assert title_in_register(exempt[who]) == WITHHELD, who
        whole = list_actions(exempt[who]).rows  # the whole register too
        assert [r.title for r in whole if r.ref == "P1-01"] == [WITHHELD]
        detail = get_action(exempt[who], "P1-01")
        assert detail.row.title == WITHHELD and detail.description is None
        assert detail.updates and all(u.commentary is None for u in detail.updates)
    for who in ("admin", "pat", "mia", "kirsty-woodhead"):
        assert title_in_register(exempt[who]) == SECRET, who
        detail = get_action(exempt[who], "P1-01")
        assert detail.description == "who they are"
        assert detail.updates[0].commentary == "Names three families"
    assert title_in_register(exempt["vera"]) != title_in_register(exempt["pat"])
    # a search cannot find it by the words withheld, only by what is shown (its ref)
    guess = ActionFilter(search="police families")
    assert [r.ref for r in list_actions(exempt["vera"], guess).rows] == []
    assert [r.ref for r in list_actions(exempt["pat"], guess).rows] == ["P1-01"]
    assert [r.title for r in list_actions(exempt["vera"], ActionFilter(search="p1-01")).rows
            ] == [WITHHELD]  # fmt: skip
    # a public action reads the same for everyone
    assert get_action(exempt["vera"], "P1-02").row.title == get_action(
        exempt["pat"], "P1-02").row.title  # fmt: skip


def test_the_cli_shows_what_the_acting_login_may_read(
    exempt: dict[str, Tracker], loaded: Tracker
) -> None:
    shown = CliRunner().invoke(cli, ["actions", "show", "P1-01"])
    listed = CliRunner().invoke(cli, ["actions", "list", "--format", "json"])
    assert shown.exit_code == 0 and listed.exit_code == 0
    if loaded.settings.is_sqlite:  # the local user reads everything, as before accounts
        assert SECRET in shown.output and "Names three families" in shown.output
        assert SECRET in listed.output
    else:  # PostgreSQL: current_user has no account here, so it reads as a viewer
        assert SECRET not in shown.output and "Names three families" not in shown.output
        assert WITHHELD in shown.output
        assert SECRET not in listed.output and WITHHELD in listed.output


def test_exempt_resolutions_and_follow_ups_are_for_their_committee(loaded: Tracker) -> None:
    from tracker.services.committees.followups import get_followup, list_followups
    from tracker.services.committees.resolutions import list_resolutions

    ilsc = "improving-lives-select-commission"
    with loaded.db.engine.begin() as conn:
        rid, text_ = conn.execute(text(
            "SELECT resolution.id, resolution.text FROM resolution JOIN meeting ON meeting.id = "
            "resolution.meeting_id JOIN board ON board.id = meeting.board_id WHERE board.code = "
            ":c AND EXISTS (SELECT 1 FROM followup WHERE followup.resolution_id = resolution.id) "
            "ORDER BY resolution.id LIMIT 1"), {"c": ilsc}).one()  # fmt: skip
        conn.execute(text("UPDATE resolution SET exempt_paragraph = 2 WHERE id = :i"), {"i": rid})
        conn.execute(text("UPDATE followup SET exempt_paragraph = 2 WHERE resolution_id = :i"),
                     {"i": rid})  # fmt: skip
        followup = conn.execute(text("SELECT id, text FROM followup WHERE resolution_id = :i "
                                     "ORDER BY id LIMIT 1"), {"i": rid}).first()  # fmt: skip
    admin = add_account(loaded, "chief", "Chief", PASSWORD, [parse_role("admin")])
    as_admin = Tracker(loaded.settings, db=loaded.db, account=admin)

    def as_(login: str, role: str) -> Tracker:
        account = add_account(as_admin, login, login.title(), PASSWORD, [parse_role(role)])
        return Tracker(loaded.settings, db=loaded.db, account=account)

    cora, vera, mia = (as_("cora", f"committee_officer:{ilsc}"), as_("vera", "viewer"),
                       as_("mia", f"board_member:{SFB}"))  # fmt: skip

    def resolution(t: Tracker) -> str:
        return next(r.text for r in list_resolutions(t, committee=ilsc) if r.id == rid)

    assert resolution(cora) == text_ and resolution(as_admin) == text_
    assert resolution(vera) == "exempt item (paragraph 2)" == resolution(mia)
    assert followup is not None
    fid, words = followup

    def followup_text(t: Tracker) -> str:
        return next(f.text for f in list_followups(t) if f.id == fid)

    assert followup_text(cora) == words
    assert followup_text(vera) == "exempt item (paragraph 2)"
    detail = get_followup(vera, fid)
    assert detail.row.text == "exempt item (paragraph 2)" and detail.resolution_text is None
    assert get_followup(cora, fid).row.text == words
    # the dashboard's open follow-ups too
    from tracker.services.dashboard import get_dashboard

    with loaded.db.engine.begin() as conn:
        conn.execute(text("UPDATE followup SET status = 'open' WHERE id = :i"), {"i": fid})

    def on_dashboard(t: Tracker) -> str:
        return next(f.text for f in get_dashboard(t, limit=10_000).open_followups if f.id == fid)

    assert on_dashboard(vera) == "exempt item (paragraph 2)" == on_dashboard(mia)
    assert on_dashboard(cora) == words == on_dashboard(as_admin)


def test_an_exempt_action_s_change_log_withholds_its_words(
    exempt: dict[str, Tracker], loaded: Tracker
) -> None:
    from tracker.services.actions.changes import action_log
    from tracker.services.actions.edit import edit_action

    admin = exempt["admin"]
    renamed = "Visit the families the police named"
    edit_action(admin, "P1-01", get_action(admin, "P1-01").version,
                {"title": renamed, "due": "2029-03-31"})  # fmt: skip

    def logged(t: Tracker) -> str:
        return " | ".join(e.describe() for e in action_log(t, "P1-01"))

    for who in ("vera", "lee", "other-owner"):
        seen = logged(exempt[who])
        assert SECRET not in seen and renamed not in seen, who
        assert "Names three families" not in seen
        assert f"title {WITHHELD} → {WITHHELD}" in seen
        assert "due" in seen and "31 Mar 2029" in seen  # the register shows its due date anyway
    for who in ("admin", "pat", "mia", "kirsty-woodhead"):
        seen = logged(exempt[who])
        assert f"title {SECRET} → {renamed}" in seen, who
        assert "Names three families" in seen
    # the CLI: the local user of a SQLite file reads it all; a PostgreSQL login with no account
    # reads as a viewer
    for args in (["actions", "log", "P1-01"], ["actions", "show", "P1-01"]):
        shown = CliRunner().invoke(cli, args)
        assert shown.exit_code == 0, shown.output
        assert (renamed in shown.output) is loaded.settings.is_sqlite, args


def test_challenges_escalations_and_the_board_position_withhold_an_exempt_action(
    exempt: dict[str, Tracker], loaded: Tracker
) -> None:
    import datetime as dt

    from tracker.models import Board, Meeting, StatusUpdate, UpdateReview
    from tracker.services.dashboard import get_dashboard
    from tracker.services.governance.challenges import list_challenges
    from tracker.services.governance.escalations import get_escalation, list_escalations
    from tracker.services.governance.overview import board_overview
    from tracker.services.governance.position import board_position

    asked, reason = "Which families, and who told the police?", "The police will not share names"
    with loaded.db.writing() as s:  # SFB challenged P1-01's update at a meeting
        sfb = s.query(Board).filter_by(code=SFB).one()
        meeting = Meeting(board_id=sfb.id, date=dt.date(2024, 6, 1), title="June", status="held")
        s.add(meeting)
        s.flush()
        update = s.query(StatusUpdate).order_by(StatusUpdate.id.desc()).first()
        assert update is not None
        s.add(UpdateReview(update_id=update.id, board_id=sfb.id, meeting_id=meeting.id,
                           outcome="challenged", comment=asked, recorded_by="chief"))  # fmt: skip
    with loaded.db.engine.begin() as conn:  # and it is overdue
        conn.execute(text("UPDATE action SET due = '2020-03-31' WHERE ref = 'P1-01'"))
    from tracker.services.governance.escalations import raise_escalation

    raised = raise_escalation(exempt["admin"], "P1-01", SFB, reason=reason,
                              decision_sought="Ask the police again")  # fmt: skip

    def words(t: Tracker) -> str:
        board = board_position(t, SFB)
        parent = board_position(t, "children-first-board")
        shown = [
            *(c.title + (c.comment or "") for c in get_dashboard(t, limit=50).challenges),
            *(r.title for r in get_dashboard(t, limit=50).overdue),
            *(u.title + (u.commentary or "") for u in get_dashboard(t, limit=50).latest_updates),
            *(c.title + (c.comment or "") for c in list_challenges(t, open_only=False)),
            *(e.title + e.reason for e in list_escalations(t)),
            get_escalation(t, raised.id).title + get_escalation(t, raised.id).reason,
            *(r.title for r in board.overdue),
            *(e.title + e.reason for e in parent.escalations_open),
            *(e.title + e.reason for e in board_overview(t, "children-first-board").escalations),
        ]
        return " | ".join(shown)

    for who in ("vera", "lee", "other-owner"):
        seen = words(exempt[who])
        for secret in (SECRET, asked, reason, "Names three families"):
            assert secret not in seen, (who, secret)
        assert seen.count(WITHHELD) >= 9, who  # each list shows it, in its place
    for who in ("admin", "pat", "mia", "kirsty-woodhead"):
        seen = words(exempt[who])
        for secret in (SECRET, asked, reason):
            assert secret in seen, (who, secret)
        assert WITHHELD not in seen


def test_the_plan_is_exported_only_by_those_who_read_every_exempt_item(
    exempt: dict[str, Tracker], tmp_path: Path
) -> None:
    from tracker.errors import NotPermitted
    from tracker.services.plans import export_plan

    for who in ("vera", "lee", "other-owner"):
        target = tmp_path / f"{who}.yaml"
        with pytest.raises(NotPermitted, match=r"exempt items .*action P1-01"):
            export_plan(exempt[who], target)
        assert not target.exists(), who
    with exempt["pat"].db.engine.begin() as conn:  # the refusal is audited
        refused = conn.execute(text(
            "SELECT actor FROM audit_entry WHERE operation = 'refused' "
            "AND entity_key = 'export the plan plan' ORDER BY id")).scalars().all()  # fmt: skip
    assert refused == ["Vera", "Lee", "Other-Owner"]
    # the CLI: a SQLite file's local user exports it all; a PostgreSQL login with no account
    # reads as a viewer, and is refused (exit 4) with nothing written
    target = tmp_path / "cli.yaml"
    run = CliRunner().invoke(cli, ["plan", "export", str(target)])
    if exempt["pat"].settings.is_sqlite:
        assert run.exit_code == 0 and SECRET in target.read_text(), run.output
    else:
        assert run.exit_code == 4 and not target.exists(), run.output
        assert "exempt items you may not read in full (action P1-01)" in run.output
    # those who read every exempt item export it whole: P1-01 is SFB's, and Kirsty's
    for who in ("admin", "pat", "mia", "kirsty-woodhead"):
        summary = export_plan(exempt[who], tmp_path / f"{who}.yaml")
        assert SECRET in summary.text and WITHHELD not in summary.text


def test_the_public_exports_withhold_exempt_words_from_everyone(
    exempt: dict[str, Tracker], tmp_path: Path
) -> None:
    """Open data and the calendar are published: an exempt action's, resolution's and (dated,
    so in the calendar) follow-up's words are withheld in them whoever exports them, an admin included."""
    from tracker.services.calendar import export_calendar
    from tracker.services.opendata import export_opendata

    with exempt["admin"].db.engine.begin() as conn:  # an open follow-up made exempt
        fid, words = conn.execute(text("SELECT id, text FROM followup ORDER BY id LIMIT 1")).one()
        conn.execute(text("UPDATE followup SET exempt_paragraph = 3, due = '2026-04-30', "
                          "status = 'open' WHERE id = :i"), {"i": fid})  # fmt: skip
        conn.execute(text("UPDATE resolution SET exempt_paragraph = 3 WHERE id = (SELECT "
                          "resolution_id FROM followup WHERE id = :i)"), {"i": fid})  # fmt: skip
    for who in ("admin", "pat", "vera"):
        folder = tmp_path / who
        folder.mkdir()
        export_opendata(exempt[who], folder)
        published = (folder / "popolo.json").read_text(encoding="utf-8") + (
            folder / "accountability.csv").read_text(encoding="utf-8")  # fmt: skip
        assert SECRET not in published and "who they are" not in published, who
        assert WITHHELD in published, who
        calendar = export_calendar(exempt[who], folder / "meetings.ics").data.decode()
        flat = calendar.replace("\r\n ", "")  # iCalendar folds long lines
        assert words[:40] not in flat, who
        assert "exempt item (paragraph 3)" in flat, who


def test_the_position_read_without_sqlalchemy_withholds_as_in_a_session(
    exempt: dict[str, Tracker], loaded: Tracker
) -> None:
    """`tracker board position` reads through sqlite3 or psycopg alone (a tracker that has not
    opened SQLAlchemy's pool): the same withholding as the services in a session."""
    from tracker.services.governance.escalations import raise_escalation
    from tracker.services.governance.position import board_position

    with loaded.db.engine.begin() as conn:  # P1-01 overdue
        conn.execute(text("UPDATE action SET due = '2020-03-31' WHERE ref = 'P1-01'"))
    raise_escalation(exempt["admin"], "P1-01", SFB, reason="The police will not share names",
                     decision_sought="Ask the police again")  # fmt: skip
    for who, secret_shown in (("vera", False), ("lee", False), ("mia", True), ("pat", True)):
        fresh = Tracker(loaded.settings, account=exempt[who].acting)
        try:
            board = board_position(fresh, SFB)
            parent = board_position(fresh, "children-first-board")
            assert fresh._db is None  # read without SQLAlchemy
        finally:
            fresh.close()
        in_session = Tracker(loaded.settings, db=loaded.db, account=exempt[who].acting)
        assert board_position(in_session, SFB) == board
        titles = [r.title for r in board.overdue if r.ref == "P1-01"]
        escalated = [e.title + e.reason for e in parent.escalations_open if e.ref == "P1-01"]
        assert titles and escalated, who
        if secret_shown:
            assert titles == [SECRET] and SECRET in escalated[0], who
        else:
            assert titles == [WITHHELD] and escalated == [WITHHELD + WITHHELD], who
