"""The reporting cycle's jobs from the app's task windows (the same services as the CLI): a
challenge answered, an item marked exempt, a paper issued and listed, open data exported, on
SQLite and PostgreSQL; refusals at the field, nothing stored."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from test_app_parity import SIZE, field_error, open_task
from textual.widgets import Input, Select, TextArea
from ui_helpers import settle

from tracker.services.context import open_tracker
from tracker.ui.app import create_app


def result(window: Any) -> str:
    return str(window.query_one("#task-result").render())


@pytest.mark.asyncio
async def test_a_challenge_is_answered_from_its_window(app_settings_any) -> None:
    from tracker.services.governance.challenges import list_challenges
    from tracker.services.governance.holding import hold_meeting
    from tracker.services.governance.meetings import schedule_meeting
    from tracker.services.governance.reviews import Verdict

    t = open_tracker(app_settings_any)
    try:
        schedule_meeting(t, "lpb-north", t.today())
        hold_meeting(t, "lpb-north", t.today(),
                     verdicts=[Verdict("P2-01", "challenged", "Give the hub's opening date")])  # fmt: skip
        (challenge,) = list_challenges(t)
    finally:
        t.close()
    app = create_app(app_settings_any)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # the window asks for the challenge's number: the dashboard's panel shows it
        painted = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
        assert f"#{challenge.id} P2-01" in painted
        window = await open_task(pilot, "answer-challenge")
        window.query_one("#ask-challenge", Input).value = str(challenge.id)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "required" in field_error(window, "note")  # no answer: nothing stored
        window.query_one("#ask-note", TextArea).text = "The third hub opens on 1 June."
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert f"Answered challenge {challenge.id}" in result(window)
    t = open_tracker(app_settings_any)
    try:
        assert list_challenges(t) == ()
    finally:
        t.close()


@pytest.mark.asyncio
async def test_exempt_issue_and_open_data_from_their_windows(
    app_settings_any, tmp_path: Path
) -> None:
    from tracker.services.actions.detail import get_action
    from tracker.services.papers.issued import issued_papers

    t = open_tracker(app_settings_any)
    try:
        title = get_action(t, "P3-02").row.title
        from tracker.services.governance.meetings import schedule_meeting

        schedule_meeting(t, "supporting-families-board", dt.date(2026, 3, 10))
    finally:
        t.close()
    app = create_app(app_settings_any)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        window = await open_task(pilot, "mark-exempt")
        window.query_one("#ask-kind", Select).value = "action"
        window.query_one("#ask-key", Input).value = "P3-02"
        window.query_one("#ask-paragraph", Input).value = "9"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "1-7" in field_error(window, "paragraph")
        window.query_one("#ask-paragraph", Input).value = "3"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "P3-02 is now exempt (paragraph 3)" in result(window)
        await pilot.press("escape")
        await settle(pilot)

        window = await open_task(pilot, "issue-paper")
        window.query_one("#ask-board", Select).value = "supporting-families-board"
        window.query_one("#ask-meeting", Input).value = "2026-03-10"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "version 1" in result(window) and "frozen" in result(window)
        await pilot.press("escape")
        await settle(pilot)

        folder = tmp_path / "opendata"
        window = await open_task(pilot, "export-opendata")
        window.query_one("#ask-folder", Input).value = str(folder)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "not a folder" in field_error(window, "folder")  # not made for you: refused
        folder.mkdir()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "exempt items left out" in result(window)
    t = open_tracker(app_settings_any)
    try:
        (paper,) = issued_papers(t, "supporting-families-board", dt.date(2026, 3, 10))
        assert paper.version == 1
    finally:
        t.close()
    json.loads((folder / "popolo.json").read_text(encoding="utf-8"))  # valid JSON
    actions = (folder / "accountability.csv").read_text(encoding="utf-8-sig")
    assert "P3-02" not in actions or "exempt item (paragraph 3)" in actions
    assert title not in actions  # the exempt action's words are not published
