"""The committee officer's journey in the CLI: import two meetings' minutes, give follow-ups an
owner and a date, record progress, close one with a response and see it leave the matters
arising; plus resolutions list, conflicts and refusals. Today is 2026-03-01."""

from __future__ import annotations

import json

import pytest
from committee_helpers import COMMISSION, FIRST, SECOND, Runner, counts
from sqlalchemy import select

from tracker.models import AuditEntry, FollowUp, FollowUpResponse, Person
from tracker.services.context import Tracker


def ids_in(text: str) -> list[int]:
    """The ID column of a table printed by the CLI."""
    out = []
    for line in text.splitlines()[1:]:
        first = line.split()[0] if line.split() else ""
        if first.isdigit():
            out.append(int(first))
    return out


@pytest.fixture
def two_meetings(committees: Tracker, run: Runner) -> Tracker:
    for path, date in ((FIRST, "2026-01-20"), (SECOND, "2026-02-24")):
        result = run("minutes", "import", path, "--committee", COMMISSION, "--date", date)
        assert result.exit_code == 0, result.output
    return committees


def test_whole_journey(two_meetings: Tracker, run: Runner) -> None:
    t = two_meetings
    # 1, 2 from January (resolution 2 and the ACTION line), 3 from February
    listed = run("followups", "list", "--open")
    assert listed.exit_code == 0
    assert ids_in(listed.stdout) == [1, 2, 3]
    assert "3 follow-ups, 0 overdue" in listed.stderr

    # matters arising at the February meeting: January's two, not February's own
    arising = run("followups", "arising", "--committee", COMMISSION, "--meeting", "2026-02-24")
    assert arising.exit_code == 0, arising.output
    assert "Previous meeting: 2026-01-20" in arising.stdout
    assert "Still open from earlier meetings (2, 0 overdue)" in arising.stdout
    open_part = arising.stdout.split("Closed since")[0]
    assert ids_in(open_part.split("Still open")[1]) == [1, 2]

    # assign an owner and a due date (already past: it is flagged overdue)
    upd = run("followups", "update", "1", "--owner", "kelly-white", "--due", "2026-02-15")
    assert upd.exit_code == 0, upd.output
    assert "owner Kelly White" in upd.stdout and "(overdue)" in upd.stdout
    overdue = run("followups", "list", "--overdue")
    assert ids_in(overdue.stdout) == [1]
    assert "2026-02-15 OVERDUE" in overdue.stdout
    res = run("resolutions", "list", "--overdue")
    assert "That the Assistant Director for Early Help" in res.stdout
    assert "1 resolution" in res.stderr
    with t.db.reading() as s:
        fu = s.get(FollowUp, 1)
        assert fu is not None and fu.due.isoformat() == "2026-02-15"
        assert s.get(Person, fu.owner_id).code == "kelly-white"  # type: ignore[union-attr]
        assert fu.owner_text == "Assistant Director for Early Help"  # as minuted, kept

    # progress with a response, then a free-text owner for the other one
    prog = run("followups", "update", "2", "--status", "in progress", "--response",
               "Timetable drafted; going to members next week", "--owner", "Head of Service")  # fmt: skip
    assert prog.exit_code == 0, prog.output
    assert "in progress" in prog.stdout and "owner Head of Service" in prog.stdout

    # closing needs a response: refused without one, nothing changed
    before = counts(t)
    bare = run("followups", "update", "1", "--status", "done")
    assert bare.exit_code == 2
    assert "needs a response" in bare.stderr
    missing = run("followups", "close", "1")
    assert missing.exit_code == 2 and "--response" in missing.stderr
    assert counts(t) == before

    closed = run("followups", "close", "1", "--response", "Breakdown sent to members 27 Feb")
    assert closed.exit_code == 0, closed.output
    assert "follow-up 1: done on 2026-03-01" in closed.stdout

    # the next meeting (none scheduled: as of today): 1 has left the open list
    nxt = run("followups", "arising", "--committee", COMMISSION)
    assert nxt.exit_code == 0, nxt.output
    assert "2026-03-01 (no meeting recorded on that date)" in nxt.stdout
    assert "Previous meeting: 2026-02-24" in nxt.stdout
    still_open, closed_since = nxt.stdout.split("Closed since the previous meeting")
    assert ids_in(still_open.split("Still open")[1]) == [2, 3]
    assert ids_in(closed_since) == [1]
    assert "Breakdown sent to members 27 Feb" in closed_since

    # resolution 2 has nothing open any more
    open_res = run("resolutions", "list", "--open", "--format", "json")
    assert json.loads(open_res.stdout) == []

    shown = run("followups", "show", "1")
    assert "done on 2026-03-01" in shown.stdout
    assert "Breakdown sent to members 27 Feb" in shown.stdout
    with t.db.reading() as s:
        fu = s.get(FollowUp, 1)
        assert fu is not None and (fu.status, fu.closed_on.isoformat()) == ("done", "2026-03-01")
        responses = s.scalars(
            select(FollowUpResponse).where(FollowUpResponse.followup_id == 1)
        ).all()
        assert [(r.status, r.text, r.recorded_by) for r in responses] == [
            ("done", "Breakdown sent to members 27 Feb", "Test User")
        ]
        audited = s.scalars(
            select(AuditEntry.field).where(
                AuditEntry.entity == "followup", AuditEntry.entity_key == "1",
                AuditEntry.operation == "update",
            )
        ).all()  # fmt: skip
        assert set(audited) >= {"owner", "due", "status", "response"}


def test_filters_and_formats(two_meetings: Tracker, run: Runner) -> None:
    by_owner = run("followups", "list", "--owner", "locality")
    assert ids_in(by_owner.stdout) == [2]
    by_code = run("followups", "list", "--owner", "kelly-white", "--format", "json")
    assert [r["id"] for r in json.loads(by_code.stdout)] == [3]  # matched by name when imported
    csv_out = run("followups", "list", "--committee", "Improving Lives Select Commission",
                  "--format", "csv")  # fmt: skip
    assert (
        csv_out.stdout.splitlines()[0]
        == "id,committee,meeting,resolution,source,owner,due,status,text"
    )
    none = run("followups", "list", "--committee", "cabinet")
    assert ids_in(none.stdout) == []
    bad = run("followups", "list", "--committee", "nobody")
    assert bad.exit_code == 2 and "no committee or board called 'nobody'" in bad.stderr
    res = run("resolutions", "list", "--committee", COMMISSION)
    assert "1 open of 1" in res.stdout and "3 resolutions" in res.stderr


def test_stale_version_is_a_conflict(two_meetings: Tracker, run: Runner) -> None:
    assert run("followups", "update", "3", "--due", "2026-04-30").exit_code == 0
    before = counts(two_meetings)
    stale = run("followups", "update", "3", "--due", "2026-05-31", "--expect-version", "1")
    assert stale.exit_code == 3
    assert "changed since you read it" in stale.stderr
    assert counts(two_meetings) == before
    ok = run("followups", "update", "3", "--due", "2026-05-31", "--expect-version", "2")
    assert ok.exit_code == 0, ok.output


def test_link_to_plan_action_and_clear(two_meetings: Tracker, run: Runner) -> None:
    linked = run("followups", "update", "3", "--action", "P1-03")
    assert linked.exit_code == 0 and "plan action P1-03" in linked.stdout
    before = counts(two_meetings)
    unknown = run("followups", "update", "3", "--action", "P9-99")
    assert unknown.exit_code == 2 and "no plan action with ref 'P9-99'" in unknown.stderr
    assert counts(two_meetings) == before
    cleared = run("followups", "update", "3", "--action", "none", "--due", "none")
    assert cleared.exit_code == 0 and "plan action" not in cleared.stdout
    assert "no due date" in cleared.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("followups", "update", "99", "--due", "2026-04-01"), "no follow-up with id 99"),
        (("followups", "update", "1", "--due", "03/04/2026"), "--due: '03/04/2026' is ambiguous"),
        (("followups", "update", "1"), "nothing to change"),
        (("followups", "close", "99", "--response", "x"), "no follow-up with id 99"),
        (("followups", "arising", "--committee", COMMISSION, "--meeting", "March"), "--meeting"),
        (("followups", "arising", "--committee", "nobody"), "no committee or board called"),
    ],
)
def test_refusals_change_nothing(
    two_meetings: Tracker, run: Runner, args: tuple[str, ...], message: str
) -> None:
    before = counts(two_meetings)
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert counts(two_meetings) == before


def test_dropped_and_reopened(two_meetings: Tracker, run: Runner) -> None:
    dropped = run("followups", "close", "2", "--dropped", "--response", "Superseded")
    assert dropped.exit_code == 0 and "dropped on 2026-03-01" in dropped.stdout
    reopened = run("followups", "update", "2", "--status", "open", "--response", "Raised again")
    assert reopened.exit_code == 0
    with two_meetings.db.reading() as s:
        fu = s.get(FollowUp, 2)
        assert fu is not None and (fu.status, fu.closed_on) == ("open", None)


def test_an_owner_code_that_is_no_one_s_is_refused(two_meetings: Tracker, run: Runner) -> None:
    """A person's code that matches no one (and is close to no one's name) is a typo, not a
    role as minuted: refused, nothing changed. A role in words is still taken as written."""
    before = counts(two_meetings)
    typo = run("followups", "update", "2", "--owner", "zed-nobody")
    assert typo.exit_code == 2
    assert "owner: no person 'zed-nobody'" in typo.stderr
    assert counts(two_meetings) == before
    with two_meetings.db.reading() as s:
        fu = s.get(FollowUp, 2)
        assert fu is not None and fu.owner_text != "zed-nobody"
    role = run("followups", "update", "2", "--owner", "Head of Service")
    assert role.exit_code == 0 and "owner Head of Service" in role.stdout
