"""The import dialog refused (a date that reads two ways, a committee it does not know) puts
the focus in the field refused, so the officer puts it right there (seen in tmux: the focus
stayed in the file's field and keys typed for the date went elsewhere)."""

from __future__ import annotations

import pytest
from committee_helpers import COMMISSION
from resolutions_pilot import open_resolutions, until
from test_minutes_keyboard import leave
from textual.widgets import Input, Static

from tracker.config import Settings
from tracker.services.context import Tracker
from tracker.ui.app import create_app
from tracker.ui.resolutions.import_minutes import ImportMinutesScreen
from tracker.ui.resolutions.review import ReviewScreen

PAGE = "4. Moorings\nRESOLVED: That the mooring fees be kept as they are.\n"


@pytest.mark.asyncio
async def test_the_refused_field_has_the_focus(committees: Tracker, settings: Settings) -> None:
    app = create_app(settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_resolutions(pilot)
        await pilot.press("i")
        await until(pilot, lambda: isinstance(app.screen, ImportMinutesScreen), "the dialog")
        dialog = app.screen
        error = dialog.query_one("#imp-error", Static)
        date = dialog.query_one("#imp-date", Input)
        path = dialog.query_one("#imp-path", Input)
        dialog.query_one("#imp-text").text = PAGE  # type: ignore[attr-defined]
        date.value = "09/04/2025"  # 9 April or 4 September
        path.focus()
        await pilot.press("enter")
        await until(pilot, lambda: "ambiguous" in str(error.render()), "the refusal")
        assert app.focused is date
        date.value = ""
        await pilot.press(*"9 Apr 2025")
        committee = dialog.query_one("#imp-committee", Input)
        committee.value = "No Such Panel"
        await pilot.press("enter")
        await until(pilot, lambda: "No Such Panel" in str(error.render()), "the refusal")
        assert app.focused is committee
        committee.value = COMMISSION
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review")
        await leave(pilot)
