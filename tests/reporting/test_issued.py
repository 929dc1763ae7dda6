"""Issued papers: stored frozen with their data and hash, tied to the meeting; re-issuing adds
a version; `show` prints what the board saw after the data moved on; nobody can change one."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest
from reporting_helpers import run
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from tracker.errors import NotFound
from tracker.models import IssuedPaper
from tracker.services.actions.updates import record_update
from tracker.services.context import Tracker
from tracker.services.papers.issued import issue_paper, issued_papers, show_issued
from tracker.services.papers.render import preview_paper

MEETING = dt.date(2026, 3, 24)


def test_a_reissue_keeps_what_the_board_saw(rep: Tracker) -> None:
    first = issue_paper(rep, "highlight", "cfb", MEETING)
    assert (first.version, first.paper_date, first.template) == (1, MEETING, "highlight")
    as_issued = preview_paper(rep, "highlight", "cfb", MEETING).text
    record_update(rep, "R-05", progress=60, rag="green", note="Framework agreed early")
    second = issue_paper(rep, "highlight", "cfb", MEETING, note="After the framework")
    assert second.version == 2
    old, new = show_issued(rep, first.id), show_issued(rep, second.id)
    assert old.text == as_issued and old.intact
    # R-05 was at amber (a risk) when first issued; now green, the new version has no risk
    assert "| R-05 | Agree the outcomes framework" in old.text
    assert "| R-05 |" not in new.text and "No open action is at amber." in new.text
    data = json.loads(old.data)
    assert data["board"]["code"] == "cfb" and data["paper"]["as_of"] == "2026-03-01"
    assert old.sha256 == hashlib.sha256(old.text.encode() + b"\0" + old.data.encode()).hexdigest()
    assert [(p.id, p.version) for p in issued_papers(rep, "cfb")] == [(first.id, 1),
                                                                       (second.id, 2)]  # fmt: skip
    assert issued_papers(rep, "cfb", dt.date(2026, 6, 1)) == ()


def test_an_issued_paper_cannot_be_changed_even_with_sql(rep: Tracker) -> None:
    p = issue_paper(rep, "highlight", "sfb", dt.date(2026, 3, 10))
    edit = text("UPDATE issued_paper SET text = 'edited' WHERE id = :id")
    with (
        pytest.raises(DBAPIError, match="an issued paper cannot be changed"),
        rep.db.engine.begin() as conn,
    ):
        conn.execute(edit, {"id": p.id})
    assert show_issued(rep, p.id).intact


def test_no_paper_is_issued_for_a_meeting_the_board_does_not_have(rep: Tracker) -> None:
    with pytest.raises(NotFound, match="has no meeting on 2026-04-01"):
        issue_paper(rep, "highlight", "cfb", dt.date(2026, 4, 1))
    with rep.db.reading() as s:
        assert s.scalar(select(func.count()).select_from(IssuedPaper)) == 0


def test_the_cli_issues_lists_and_shows(rep: Tracker) -> None:
    done = run("paper", "issue", "highlight", "--board", "cfb", "--meeting", "2026-03-24",
               "--format", "html")  # fmt: skip
    assert done.exit_code == 0, done.output
    assert "version 1" in done.output
    listed = run("paper", "issued", "cfb")
    assert listed.exit_code == 0 and "#1" in listed.output and "html" in listed.output
    shown = run("paper", "show", "1")
    assert shown.exit_code == 0
    assert shown.stdout.startswith("<!DOCTYPE html>") and "<svg" in shown.stdout
    assert run("paper", "show", "9").exit_code == 2


def test_the_meeting_record_links_the_papers_issued_for_it(rep: Tracker) -> None:
    from tracker.services.governance.meeting_record import meeting_record

    assert meeting_record(rep, "cfb", MEETING).papers == ()
    first = issue_paper(rep, "highlight", "cfb", MEETING)
    second = issue_paper(rep, "highlight", "cfb", MEETING, note="After the framework")
    linked = meeting_record(rep, "cfb", MEETING).papers
    assert [(p.id, p.template, p.version) for p in linked] == [
        (first.id, "highlight", 1), (second.id, "highlight", 2)]  # fmt: skip
    shown = run("meetings", "show", "cfb", MEETING.isoformat())
    assert shown.exit_code == 0, shown.output
    assert f"#{second.id} highlight (md) version 2" in shown.output
    assert f"tracker paper show {second.id}" in shown.output
