"""Draft minutes from a meeting's record, and the round trip: the tracker's own minutes importer,
run on the rendered Markdown, finds exactly the record's decisions and actions, and importing
them into the same meeting adds nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from governance_helpers import NORTH, SFB, rows, run, snapshot

from tracker.errors import InvalidInput
from tracker.services.committees.minutes_draft import draft_minutes
from tracker.services.committees.minutes_import import save_import
from tracker.services.context import Tracker
from tracker.services.governance.holding import Minuted, record_meeting
from tracker.services.governance.meeting_record import meeting_record
from tracker.services.governance.minuted import ActionArising, MeetingDetails
from tracker.services.governance.reviews import Verdict
from tracker.services.papers.render import preview_paper

ON = dt.date(2025, 11, 12)

DECISIONS = (
    "the refreshed local action plan be approved",
    "the North hubs open on Saturdays from January 2026",
    "the Board's terms of reference be reviewed in six months",  # asks for work, names nobody
    "officers report back on the *Family Hubs* pilot [draft] - costs < £25,000 (2026/27)",
)
ACTIONS = (
    ActionArising("Jo Bell", "circulate the approved plan to partners", dt.date(2025, 11, 28), "1"),
    ActionArising("Head of Early Help", "write to schools about the Saturday hubs",
                  dt.date(2025, 12, 12), "2"),
    ActionArising("Clerk", "publish the terms of reference"),
)  # fmt: skip


@pytest.mark.parametrize("n_decisions, n_actions", [(0, 0), (1, 1), (4, 3), (0, 2), (3, 0)])
def test_round_trip_through_the_minutes_importer(
    gov: Tracker, n_decisions: int, n_actions: int
) -> None:
    record_meeting(
        gov, NORTH, ON, attendees=["Sam Lee"], verdicts=[Verdict("N-01", "noted")],
        minuted=Minuted(
            details=MeetingDetails(starts=dt.time(10), ends=dt.time(11, 30), location="Hub 1"),
            apologies=("Ann Kay",), decisions=DECISIONS[:n_decisions],
            actions=tuple(a if a.decision and int(a.decision) <= n_decisions
                          else dataclasses.replace(a, decision=None) for a in ACTIONS[:n_actions]),
        ),
    )  # fmt: skip
    rec = meeting_record(gov, NORTH, ON)
    assert (len(rec.decisions), len(rec.actions)) == (n_decisions, n_actions)
    paper = preview_paper(gov, "minutes", NORTH, ON)
    assert paper.filename == f"{ON.isoformat()}-{NORTH}-minutes.md"
    draft = draft_minutes(paper.text, source=paper.filename)
    assert [(r.number, r.kind, r.text) for r in draft.resolutions] == [
        (d.number, "resolved", d.text) for d in rec.decisions
    ]
    actions = [f for f in draft.followups if f.source == "action-line"]
    assert [(f.owner, f.text, f.due) for f in actions] == [
        (a.owner, f"{a.text} by {a.due.day} {a.due:%b %Y}" if a.due else a.text, a.due)
        for a in rec.actions
    ]
    # nothing else in the minutes reads as a decision or an action
    assert [f for f in draft.followups if f.source != "action-line"] == []
    # importing them into the same meeting finds it all recorded already
    before = snapshot(gov)
    result = save_import(gov, draft, committee=NORTH, date=ON)
    assert (result.resolutions_added, result.followups_added) == (0, ())
    assert result.created_meeting is False
    assert snapshot(gov) == before


def test_draft_minutes_edited_and_imported_back_add_only_the_edit(gov: Tracker) -> None:
    """The secretary drafts the minutes, adds an ACTION line by hand and imports them: the one
    new action is all that is added. Decisions that ask for work ("be reviewed", "officers
    report back") are the record's decisions, not extra follow-ups without an owner, and a
    challenge comment that reads like an instruction stays a comment."""
    record_meeting(
        gov, NORTH, ON, attendees=["Sam Lee"],
        verdicts=[Verdict("N-01", "challenged", "Head of Service to give the milestone dates")],
        minuted=Minuted(decisions=DECISIONS[2:], actions=(
            ActionArising("Jo Bell", "circulate the [draft] costings", dt.date(2025, 11, 28), "2"),
        )),
    )  # fmt: skip
    text = preview_paper(gov, "minutes", NORTH, ON).text
    assert "the *Family Hubs*" not in text  # inert: no emphasis
    assert "[draft] - costs < £25,000 (2026/27)" in text  # but written as typed
    html = preview_paper(gov, "minutes", NORTH, ON, fmt="html").text
    assert "<em>" not in html and "the *Family Hubs* pilot [draft] - costs &lt; £25,000" in html
    assert "<p>ACTION – Jo Bell to circulate the [draft] costings by 28 Nov 2025</p>" in html
    draft = draft_minutes(text, source="minutes.md")
    assert [r.text for r in draft.resolutions] == list(DECISIONS[2:])
    assert [(f.owner, f.source) for f in draft.followups] == [("Jo Bell", "action-line")]
    edited = text.rstrip("\n") + "\n\nACTION – Clerk to book the hub for March by 1 Dec 2025\n"
    result = save_import(gov, draft_minutes(edited, source="minutes.md"), committee=NORTH, date=ON)
    assert (result.resolutions_added, len(result.followups_added)) == (0, 1)
    assert rows(gov, "SELECT f.owner_text, f.text FROM followup f JOIN meeting m ON "
                     "m.id = f.meeting_id WHERE m.date = :d ORDER BY f.position", d=ON) == [
        ("Jo Bell", "circulate the [draft] costings"),
        ("Clerk", "book the hub for March by 1 Dec 2025"),
    ]  # fmt: skip


def test_minutes_show_the_attendance_updates_and_html(gov: Tracker) -> None:
    record_meeting(
        gov, NORTH, ON, attendees=["Sam Lee", "Jo Bell"],
        verdicts=[Verdict("N-01", "challenged", "Give the hub opening dates")],
        minuted=Minuted(details=MeetingDetails(starts=dt.time(10), ends=dt.time(12),
                                               location="Hub 1", chair="Jo Bell"),
                        apologies=("Ann Kay",), decisions=(DECISIONS[0],)),
    )  # fmt: skip
    text = preview_paper(gov, "minutes", NORTH, ON).text
    assert "| Meeting | 12 Nov 2025, 10:00 to 12:00" in text
    assert "| Present | Sam Lee, Jo Bell |" in text and "| Apologies | Ann Kay |" in text
    assert "| challenged | Give the hub opening dates |" in text
    assert "RESOLVED – That:\n\n1. the refreshed local action plan be approved" in text
    html = preview_paper(gov, "minutes", NORTH, ON, fmt="html").text
    assert "Draft minutes: Locality Partnership Board North, 12 Nov 2025</h1>" in html
    assert "<li>the refreshed local action plan be approved</li>" in html


def test_a_decision_typed_with_its_that_is_minuted_once(gov: Tracker) -> None:
    """The app's hold and record windows pass a decision as typed, "That ..." as councils write
    it: the minutes print "RESOLVED – That:" above it, so its own "That" is not printed again,
    and importing the minutes back finds it recorded."""
    record_meeting(
        gov, NORTH, ON, attendees=["Sam Lee"], verdicts=[Verdict("N-01", "noted")],
        minuted=Minuted(decisions=("That the hub rota be agreed", "THAT  the fees stay as they are",
                                   "Thatcham's bid be supported")),
    )  # fmt: skip
    text = preview_paper(gov, "minutes", NORTH, ON).text
    assert "RESOLVED – That:\n\n1. the hub rota be agreed\n2. the fees stay as they are\n" in text
    assert "3. Thatcham's bid be supported" in text
    assert [d.text for d in meeting_record(gov, NORTH, ON).decisions] == [
        "the hub rota be agreed", "the fees stay as they are", "Thatcham's bid be supported"
    ]  # fmt: skip
    draft = draft_minutes(text, source="minutes.md")
    result = save_import(gov, draft, committee=NORTH, date=ON)
    assert (result.resolutions_added, result.followups_added) == (0, ())


@pytest.mark.parametrize(
    ("attendees", "chair"),
    [
        (["Sam Lee", "Jo Bell (Chair)"], "Jo Bell"),
        (["Cllr Ann Kay (the chairman)", "Sam Lee"], "Cllr Ann Kay"),
        (["Sam Lee", "Jo Bell"], None),  # nobody marked: still to be confirmed
        (["Sam Lee (Chair)", "Jo Bell (Chair)"], None),  # two marked: not guessed
        (["Sam Lee (Vice-Chair)"], None),
    ],
)
def test_the_attendee_marked_chair_chaired_the_meeting(
    gov: Tracker, attendees: list[str], chair: str | None
) -> None:
    """The app's hold window asks for the attendees only; a secretary writes the chair into the
    list as attendance lists do ("Jo Bell (Chair)"). The minutes said "Chair: to be confirmed"."""
    record_meeting(gov, NORTH, ON, attendees=attendees, verdicts=[Verdict("N-01", "noted")])
    assert meeting_record(gov, NORTH, ON).meeting.chair == chair
    text = preview_paper(gov, "minutes", NORTH, ON).text
    assert f"| Chair | {chair} |" in text if chair else "to be confirmed" in text
    assert f"| Present | {', '.join(attendees)} |" in text  # as written


def test_minutes_of_a_meeting_not_held_are_refused(gov: Tracker) -> None:
    with pytest.raises(InvalidInput) as caught:
        preview_paper(gov, "minutes", NORTH, dt.date(2026, 2, 10))
    assert "is scheduled: minutes are written once it is held" in str(caught.value)
    with pytest.raises(InvalidInput) as caught:
        preview_paper(gov, "minutes", NORTH)
    assert caught.value.problems[0].field == "meeting"


@pytest.fixture
def cli_gov(gov: Tracker, settings_file: Path) -> Tracker:
    return gov


def test_cli_paper_render_minutes(cli_gov: Tracker, tmp_path: Path) -> None:
    result = run(
        "meetings",
        "record",
        SFB,
        "2025-12-09",
        "--decision",
        "That the plan be approved",
        "--action",
        "Clerk: book the room by 2026-01-05",
    )
    assert result.exit_code == 0, result.output
    out = tmp_path / "minutes.md"
    result = run(
        "paper", "render", "minutes", "--board", SFB, "--meeting", "2025-12-09", "--out", str(out)
    )
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "1. the plan be approved" in text
    assert "ACTION – Clerk to book the room by 5 Jan 2026" in text
    result = run(
        "paper",
        "render",
        "minutes",
        "--board",
        SFB,
        "--meeting",
        "2026-02-24",
        "--out",
        str(tmp_path / "x.md"),
    )
    assert result.exit_code == 2 and "minutes are written once it is held" in result.stderr
    assert not (tmp_path / "x.md").exists()
