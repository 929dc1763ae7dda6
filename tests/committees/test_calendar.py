"""`tracker calendar export`: the file parses back with icalendar, holds the meetings and the
follow-up due dates as all-day events, and a later export keeps every UID (so a calendar
updates its events instead of duplicating them)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from committee_helpers import COMMISSION, FIRST, SECOND, Runner, counts
from icalendar import Calendar

from tracker.models import FollowUp
from tracker.services.context import Tracker


def events(path: Path) -> dict[str, dict[str, object]]:
    cal = Calendar.from_ical(path.read_bytes())
    out = {}
    for ev in cal.walk("VEVENT"):
        out[str(ev["UID"])] = {
            "summary": str(ev["SUMMARY"]),
            "start": ev.decoded("DTSTART"),
            "end": ev.decoded("DTEND"),
            "sequence": int(ev["SEQUENCE"]),
            "status": str(ev["STATUS"]),
            "description": str(ev.get("DESCRIPTION", "")),
            "categories": [str(c) for c in ev["CATEGORIES"].cats],
        }
    return out


@pytest.fixture
def imported(committees: Tracker, run: Runner) -> Tracker:
    for path, date in ((FIRST, "2026-01-20"), (SECOND, "2026-02-24")):
        assert run("minutes", "import", path, "--committee", COMMISSION, "--date",
                   date).exit_code == 0  # fmt: skip
    assert run("followups", "update", "1", "--due", "2026-02-15", "--owner",
               "kelly-white").exit_code == 0  # fmt: skip
    assert run("followups", "update", "2", "--due", "2026-03-20").exit_code == 0
    return committees


def test_export_parses_back_with_the_right_events(
    imported: Tracker, run: Runner, tmp_path: Path
) -> None:
    path = tmp_path / "governance.ics"
    result = run("calendar", "export", path)
    assert result.exit_code == 0, result.output
    assert "2 meetings, 2 follow-up due dates" in result.stdout
    cal = Calendar.from_ical(path.read_bytes())
    assert str(cal["VERSION"]) == "2.0" and "tracker" in str(cal["PRODID"])
    evs = events(path)
    meetings = {u: e for u, e in evs.items() if e["categories"] == ["Meeting"]}
    dues = {u: e for u, e in evs.items() if e["categories"] == ["Follow-up"]}
    assert sorted(e["start"] for e in meetings.values()) == [
        dt.date(2026, 1, 20), dt.date(2026, 2, 24)
    ]  # fmt: skip
    assert all(e["end"] - e["start"] == dt.timedelta(days=1) for e in evs.values())  # all-day
    # agenda-item pages name no meeting: each is the committee's meeting of its date
    assert {e["summary"] for e in meetings.values()} == {
        "Improving Lives Select Commission, 20 January 2026",
        "Improving Lives Select Commission, 24 February 2026",
    }
    by_day = {e["start"]: e for e in dues.values()}
    assert set(by_day) == {dt.date(2026, 2, 15), dt.date(2026, 3, 20)}
    first = by_day[dt.date(2026, 2, 15)]
    assert str(first["summary"]).startswith("Follow-up due - Kelly White")
    assert "Resolution 2" in str(first["description"])
    assert "Follow-up 1 from Improving Lives Select Commission" in str(first["description"])
    assert "Locality Manager" in str(by_day[dt.date(2026, 3, 20)]["summary"])
    assert "Minuted action line" in str(by_day[dt.date(2026, 3, 20)]["description"])


def test_reexport_keeps_uids_and_bumps_sequence(
    imported: Tracker, run: Runner, tmp_path: Path
) -> None:
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    assert run("calendar", "export", first).exit_code == 0
    assert run("followups", "close", "1", "--response", "Sent").exit_code == 0
    assert run("followups", "update", "2", "--due", "2026-03-27").exit_code == 0
    assert run("calendar", "export", second).exit_code == 0
    a, b = events(first), events(second)
    assert set(a) == set(b)  # same events, same identities
    moved = [u for u in a if a[u]["start"] != b[u]["start"]]
    assert len(moved) == 1 and b[moved[0]]["start"] == dt.date(2026, 3, 27)
    assert b[moved[0]]["sequence"] > a[moved[0]]["sequence"]
    done = [u for u in b if str(b[u]["summary"]).startswith("Done - ")]
    assert len(done) == 1 and b[done[0]]["sequence"] > a[done[0]]["sequence"]


def test_filters_and_refusals(imported: Tracker, run: Runner, tmp_path: Path) -> None:
    other = run("calendar", "export", tmp_path / "cabinet.ics", "--committee", "cabinet")
    assert other.exit_code == 0 and "0 meetings, 0 follow-up due dates" in other.stdout
    assert events(tmp_path / "cabinet.ics") == {}
    mine = run("calendar", "export", tmp_path / "c.ics", "--board", COMMISSION)
    assert mine.exit_code == 0 and "2 meetings, 2 follow-up due dates" in mine.stdout
    before = counts(imported)
    unknown = run("calendar", "export", tmp_path / "x.ics", "--committee", "nobody")
    assert unknown.exit_code == 2 and "no committee or board called 'nobody'" in unknown.stderr
    wrong = run("calendar", "export", tmp_path / "x.txt")
    assert wrong.exit_code == 2 and f"FILE: {tmp_path / 'x.txt'} should end in .ics" in wrong.stderr
    nowhere = run("calendar", "export", tmp_path / "missing" / "x.ics")
    assert nowhere.exit_code == 2 and "the folder does not exist" in nowhere.stderr
    assert not (tmp_path / "x.ics").exists()
    assert counts(imported) == before


def test_long_closed_follow_ups_are_left_out_unless_all(
    imported: Tracker, run: Runner, tmp_path: Path
) -> None:
    assert run("followups", "close", "1", "--response", "Sent").exit_code == 0
    assert run("followups", "close", "2", "--response", "Circulated").exit_code == 0
    with imported.db.writing() as s:
        old = s.get(FollowUp, 1)
        assert old is not None
        old.closed_on = dt.date(2025, 11, 1)  # closed four months before today (2026-03-01)
    recent = run("calendar", "export", tmp_path / "recent.ics")
    assert "2 meetings, 1 follow-up due date" in recent.stdout
    (kept,) = [e for e in events(tmp_path / "recent.ics").values() if e["categories"] == [
        "Follow-up"]]  # fmt: skip
    assert str(kept["summary"]).startswith("Done - ")
    everything = run("calendar", "export", tmp_path / "all.ics", "--all")
    assert "2 meetings, 2 follow-up due dates" in everything.stdout
