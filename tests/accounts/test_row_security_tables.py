"""Row security on every table a write use case changes, and on reads of exempt rows: each role
connects to PostgreSQL as its own login and writes (or reads) SQL directly, as someone with
psql would; and a use case run through that login still does what its role allows."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from row_security_helpers import changed, connect, ids, refused, secured, seen  # noqa: E402

from tracker.errors import NotPermitted  # noqa: E402
from tracker.services.context import Tracker, open_tracker  # noqa: E402

__all__ = ["secured"]  # the fixture
pytestmark = pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)


def test_actions_plan_and_indicators_change_only_for_their_roles(
    secured: tuple[Tracker, dict[str, str]],
) -> None:
    term, who = secured
    n = ids(term)
    title = "UPDATE action SET title = 'changed in psql' WHERE id = %s"
    assert changed(term, who["vera"], title, n["P1-04"]) == 0
    assert changed(term, who["mia"], title, n["P1-04"]) == 0  # a board member reads only
    assert changed(term, who["kirsty"], title, n["P1-04"]) == 0  # Kelly White's action
    assert changed(term, who["kirsty"], title, n["P1-01"]) == 1  # her own (its position moves)
    assert changed(term, who["pat"], title, n["P1-04"]) == 1  # a programme manager: any
    assert changed(term, who["vera"], "DELETE FROM action_dependency") == 0
    assert changed(term, who["lee"], "UPDATE person SET name = 'x'") == 0
    assert changed(term, who["pat"], "UPDATE person SET name = 'x'") > 0
    reading = "UPDATE indicator_reading SET value = 1"
    assert changed(term, who["sam"], reading) == 0 and changed(term, who["pat"], reading) > 0
    assert refused(term, who["vera"], "INSERT INTO outcome (code, name, position) "
                   "VALUES ('psql', 'Added in psql', 99)")  # fmt: skip
    assert changed(term, who["pat"], "UPDATE board SET name = 'renamed'") == 0  # admin's
    assert changed(term, who["vera"], "UPDATE strategy SET title = 'renamed'") == 0


def test_escalations_papers_resolutions_and_follow_ups_belong_to_their_board(
    secured: tuple[Tracker, dict[str, str]],
) -> None:
    term, who = secured
    n = ids(term)
    raised = "UPDATE escalation SET reason = 'changed in psql' WHERE from_board_id = %s"
    assert changed(term, who["lee"], raised, n["sfb"]) == 0  # SFB's, to the Children First Board
    assert changed(term, who["vera"], raised, n["sfb"]) == 0
    assert changed(term, who["cora"], raised, n["lpb"]) == 0
    assert changed(term, who["sam"], raised, n["sfb"]) == 1  # the board that raised it
    assert changed(term, who["sam"], raised, n["lpb"]) == 1  # the board that decides it
    sfb = f"meeting_id IN (SELECT id FROM meeting WHERE board_id = {n['sfb']})"
    resolution = f"UPDATE resolution SET text = 'changed in psql' WHERE {sfb}"
    followups = f"UPDATE followup SET status = 'dropped' WHERE {sfb}"
    for login in ("lee", "cora", "vera", "pat", "kirsty"):  # none of them runs SFB
        assert changed(term, who[login], resolution) == 0, login
        assert changed(term, who[login], followups) == 0, login
        assert changed(term, who[login], "DELETE FROM followup_response") == 0, login
    assert changed(term, who["sam"], resolution) > 0 and changed(term, who["sam"], followups) > 0
    ilsc = (
        f"UPDATE resolution SET text = 'x' WHERE meeting_id IN (SELECT id FROM meeting WHERE "
        f"board_id = {n['ilsc']})"
    )
    assert changed(term, who["cora"], ilsc) > 0  # her committee's minutes
    assert changed(term, who["sam"], ilsc) == 0
    agenda = (
        "DELETE FROM meeting_attendee WHERE meeting_id IN (SELECT id FROM meeting WHERE "
        "board_id = %s)"
    )
    assert changed(term, who["sam"], agenda, n["lpb"]) == 0
    assert changed(term, who["lee"], agenda, n["lpb"]) > 0


def test_no_login_can_give_itself_a_role_or_rewrite_the_audit_trail(
    secured: tuple[Tracker, dict[str, str]],
) -> None:
    term, who = secured
    n = ids(term)
    with connect(term, who["vera"]) as conn:
        mine = conn.execute("SELECT id FROM account WHERE database_login = %s",
                            (who["vera"],)).fetchone()  # fmt: skip
        assert mine is not None
        # only her own account is there to read: no other's password hash
        assert conn.execute("SELECT count(*) FROM account").fetchone() == (1,)
    grant = "INSERT INTO account_role (account_id, role) VALUES (%s, 'admin')"
    assert refused(term, who["vera"], grant, mine[0])
    assert refused(term, who["pat"], grant, mine[0])
    assert refused(term, who["sam"], "INSERT INTO account_role (account_id, role, board_id) "
                   "VALUES (%s, 'board_secretary', %s)", mine[0], n["lpb"])  # fmt: skip
    assert changed(term, who["pat"], "UPDATE account_role SET role = 'admin'") == 0
    assert changed(term, who["vera"], "UPDATE account SET disabled = true") == 1  # her own only
    for sql in ("DELETE FROM audit_entry", "UPDATE audit_entry SET actor = 'nobody'"):
        for login in ("vera", "pat", "sam"):
            assert changed(term, who[login], sql) == 0, (login, sql)
    assert changed(term, who["vera"], "DELETE FROM sign_in_failure") == 0
    assert refused(term, who["vera"], "INSERT INTO saved_view (name, created_by, filters, sort, "
                   "descending) VALUES ('psql', 'vera', '{}', 'ref', false)")  # fmt: skip
    assert not refused(term, who["mia"], "INSERT INTO saved_view (name, created_by, filters, "
                       "sort, descending) VALUES ('psql', 'mia', '{}', 'ref', false)")  # fmt: skip


def test_exempt_rows_are_read_only_by_those_their_board_s_business_is_for(
    secured: tuple[Tracker, dict[str, str]],
) -> None:
    term, who = secured
    n = ids(term)
    with term.db.engine.begin() as conn:  # as the tables' owner (`tracker exempt` does this)
        conn.exec_driver_sql(
            "UPDATE action SET exempt_paragraph = 1 WHERE id = %s", (n["P1-01"],)
        )  # LPB's action, owned by Kirsty Woodhead
        conn.exec_driver_sql("UPDATE resolution SET exempt_paragraph = 3 WHERE id = %s",
                             (n["resolution"],))  # an SFB minute's  # fmt: skip
    action = "SELECT count(*) FROM action WHERE id = %s"
    updates = "SELECT count(*) FROM status_update WHERE action_id = %s"
    for login in ("vera", "sam", "cora"):
        assert seen(term, who[login], action, n["P1-01"]) == 0, login
        assert seen(term, who[login], updates, n["P1-01"]) == 0, login
    for login in ("lee", "mia", "pat", "kirsty"):  # its board's secretary and member, a PM,
        assert seen(term, who[login], action, n["P1-01"]) == 1, login  # and its owner
        assert seen(term, who[login], updates, n["P1-01"]) > 0, login
    assert seen(term, who["vera"], action, n["P1-04"]) == 1  # a public action: everyone
    resolution = "SELECT count(*) FROM resolution WHERE id = %s"
    assert seen(term, who["vera"], resolution, n["resolution"]) == 0
    assert seen(term, who["lee"], resolution, n["resolution"]) == 0
    assert seen(term, who["sam"], resolution, n["resolution"]) == 1
    assert seen(term, who["pat"], resolution, n["resolution"]) == 1


def test_a_use_case_run_as_a_login_does_what_its_role_allows_and_no_more(
    secured: tuple[Tracker, dict[str, str]],
) -> None:
    from tracker.services.actions.updates import record_update

    term, who = secured
    url = term.db.engine.url.set(username=who["kirsty"], password=None)
    settings = dataclasses.replace(
        term.settings, database_url=url.render_as_string(hide_password=False)
    )
    as_kirsty = open_tracker(settings)
    try:
        done = record_update(as_kirsty, "P1-03", progress=90, note="Through her own login")
        assert done.progress == 90
        with pytest.raises(NotPermitted, match="only the owner of P1-04"):
            record_update(as_kirsty, "P1-04", progress=10)
    finally:
        as_kirsty.close()
    with connect(term, who["vera"]) as conn:
        row = conn.execute("SELECT progress, recorded_by FROM status_update WHERE action_id = "
                           "(SELECT id FROM action WHERE ref = 'P1-03') ORDER BY id DESC "
                           "LIMIT 1").fetchone()  # fmt: skip
    assert row == (90, "Kirsty")


def test_a_secretary_runs_her_board_s_meeting_through_her_own_login(
    secured: tuple[Tracker, dict[str, str]],
) -> None:
    """Scheduling and holding a meeting writes meetings, attendees, agenda items, verdicts and
    the audit trail: every policy on the way lets the board's own secretary through."""
    import datetime as dt

    from tracker.services.governance.holding import hold_meeting
    from tracker.services.governance.meetings import schedule_meeting

    term, who = secured
    day = dt.date(2026, 3, 5)

    def as_login(login: str, today: dt.date) -> Tracker:
        url = term.db.engine.url.set(username=login, password=None)
        return open_tracker(
            dataclasses.replace(
                term.settings, database_url=url.render_as_string(hide_password=False), today=today
            )
        )

    lee = as_login(who["lee"], dt.date(2026, 3, 1))
    try:
        schedule_meeting(lee, "locality-partnership-board", day, title="March meeting")
    finally:
        lee.close()
    lee = as_login(who["lee"], day)
    try:
        held = hold_meeting(lee, "locality-partnership-board", day, attendees=["Lee"],
                            agenda=["Progress"], note_all=True)  # fmt: skip
    finally:
        lee.close()
    assert held is not None
    sam = as_login(who["sam"], day)
    try:
        with pytest.raises(NotPermitted, match="Locality Partnership Board's secretary"):
            schedule_meeting(sam, "locality-partnership-board", dt.date(2026, 4, 2))
    finally:
        sam.close()
    with term.db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT status, (SELECT count(*) FROM meeting_attendee a WHERE a.meeting_id = m.id),"
            " (SELECT count(*) FROM audit_entry WHERE actor = 'Lee') FROM meeting m "
            "WHERE m.date = %s", (day,)).all()  # fmt: skip
    assert rows == [("held", 1, rows[0][2])] and rows[0][2] > 0
