"""Minutes whose resolutions a meeting on another date already holds word for word are refused
as that meeting's: the refusal says what the officer can do. In the app the review asks: y
records them as another meeting, Esc goes back with nothing stored (Esc again reaches the date);
the CLI names the date to use and --not-a-duplicate."""

from __future__ import annotations

import pytest
from committee_helpers import COMMISSION, FIRST, Runner, counts
from resolutions_pilot import until
from review_pilot import reviewing, said
from textual.widgets import Static

from tracker.config import Settings
from tracker.services.committees.minutes_draft import draft_minutes, read_minutes
from tracker.services.committees.minutes_import import save_import
from tracker.services.context import Tracker
from tracker.ui.resolutions.review_duplicate import AnotherMeetingScreen
from tracker.ui.resolutions.screen import ResolutionsScreen


def _recorded(t: Tracker) -> None:
    save_import(t, draft_minutes(read_minutes(FIRST)), committee=COMMISSION, date="2026-01-20")


@pytest.mark.asyncio
async def test_the_officer_records_them_as_another_meeting_from_the_refusal(
    committees: Tracker, settings: Settings
) -> None:
    _recorded(committees)
    # the minutes of 20 Jan 2026, already recorded, imported again under 10 Feb 2026
    async with reviewing(settings, FIRST.read_text(encoding="utf-8"), size=(80, 24)) as r:
        app, pilot, review = r.app, r.pilot, r.screen
        before = counts(committees)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, AnotherMeetingScreen), "the question")
        question = said(app.screen.query_one("#dup-text", Static))
        assert "the meeting of 2026-01-20 already holds these resolutions word for word" in question
        assert "y records them as another meeting" in question
        await pilot.press("escape")  # back: nothing stored, the review as it was
        assert app.screen is review and counts(committees) == before
        assert "y records them as another meeting" in said(r.error)
        await pilot.press("ctrl+s")  # asked again
        await until(pilot, lambda: isinstance(app.screen, AnotherMeetingScreen), "the question")
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, ResolutionsScreen), "the save")
        told = [n.message for n in app._notifications]
        assert any("Recorded for Improving Lives Select Commission, 10 Feb 2026" in m
                   for m in told), told  # fmt: skip
    assert counts(committees)["meeting"] == before["meeting"] + 1


def test_the_cli_names_the_flag_that_records_them(committees: Tracker, run: Runner) -> None:
    _recorded(committees)
    result = run("minutes", "import", FIRST, "--committee", COMMISSION, "--date", "2026-02-10")
    assert result.exit_code == 2
    assert "already holds these resolutions word for word" in result.stderr
    assert "run the same command with --not-a-duplicate" in result.stderr
    again = run("minutes", "import", FIRST, "--committee", COMMISSION, "--date", "2026-02-10",
                "--not-a-duplicate")  # fmt: skip
    assert again.exit_code == 0, again.stderr
    assert "Recorded for Improving Lives Select Commission, 2026-02-10" in again.stdout


def test_help_and_the_palette_offer_the_answer() -> None:
    from types import SimpleNamespace

    from tracker.ui.catalogue import catalogue

    sections = {s.title: s for s in catalogue(SimpleNamespace(registered=[]))}
    keys = {c.key: c.description for c in sections["Another meeting's minutes? window"].commands}
    assert keys["y"] == "Record as another meeting"
