"""The Papers screen, driven as a secretary would (textual pilot): pick a board, see the
paper for its next meeting, switch template, write it out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from papers_helpers import SFB
from textual.widgets import Input, Markdown, Select, Static

from tracker.config import Settings
from tracker.services.context import Tracker
from tracker.services.papers.issued import issued_papers
from tracker.ui.app import create_app
from tracker.ui.papers.screen import PapersScreen
from tracker.ui.registry import SCREENS
from tracker.ui.tasks.form import TaskScreen


def status(screen: PapersScreen) -> str:
    return str(screen.query_one("#papers-status", Static).render())


async def wait_for(pilot: object, check: object, what: str) -> None:
    for _ in range(600):  # up to 30 s: a loaded CI machine runs browsers beside these
        await pilot.pause(0.05)  # type: ignore[attr-defined]
        if check():  # type: ignore[operator]
            return
    raise AssertionError(f"the screen did not show {what}")


async def open_papers(pilot: Any) -> PapersScreen:
    """The app starts on the dashboard; `p` goes to the Papers screen, as a user does."""
    await pilot.pause()
    await pilot.press("p")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, PapersScreen), "the screen")
    return pilot.app.screen


@pytest.mark.asyncio
async def test_preview_and_write_a_paper(term: Tracker, settings: Settings) -> None:
    app = create_app(settings)
    async with app.run_test(size=(140, 50)) as pilot:
        screen = await open_papers(pilot)
        await wait_for(pilot, lambda: "Pick a board" in status(screen), "the choices")
        assert screen.query_one("#paper-template", Select).value == "highlight"

        screen.query_one("#paper-board", Select).value = SFB
        await wait_for(pilot, lambda: screen.paper is not None, "the preview")
        # the board's next meeting is chosen, and the preview is that meeting's paper
        assert screen.query_one("#paper-meeting", Select).value == "2026-03-10"
        assert "Supporting Families Board, meeting of 10 Mar 2026" in status(screen)
        assert screen.paper.text.startswith("# Highlight report: Supporting Families Board")
        markdown = screen.query_one("#papers-markdown", Markdown)
        assert "Highlight report: Supporting Families Board" in str(markdown.source)

        screen.query_one("#paper-template", Select).value = "matters-arising"
        await wait_for(pilot, lambda: screen.paper.template == "matters-arising", "the switch")
        assert "Collate the locality action plans" in screen.paper.text

        await pilot.press("m")
        await wait_for(pilot, lambda: "Written:" in status(screen), "the paper written")
        written = Path(status(screen).split("Written: ", 1)[1].strip())
        assert written.name == "2026-03-10-supporting-families-board-matters-arising.md"
        assert written.read_text(encoding="utf-8") == screen.paper.text

        await pilot.press("t")
        await wait_for(pilot, lambda: status(screen).endswith(".html"), "the HTML written")
        page = Path(status(screen).split("Written: ", 1)[1].strip())
        assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.asyncio
async def test_the_previewed_paper_is_issued_to_its_meeting_with_I(
    term: Tracker, settings: Settings
) -> None:
    """I opens the issue window with the paper, board and meeting on screen filled in (the
    meeting as a UK date), so ctrl+s issues what was previewed."""
    app = create_app(settings)
    async with app.run_test(size=(140, 50)) as pilot:
        screen = await open_papers(pilot)
        await wait_for(pilot, lambda: "Pick a board" in status(screen), "the choices")
        screen.query_one("#paper-board", Select).value = SFB
        await wait_for(pilot, lambda: screen.paper is not None, "the preview")
        await pilot.press("I")
        await wait_for(pilot, lambda: isinstance(app.screen, TaskScreen), "the issue window")
        window = app.screen
        await wait_for(pilot, lambda: window.ready, "the window's choices")
        assert window.query_one("#ask-template", Input).value == "highlight"
        assert window.query_one("#ask-board", Select).value == SFB
        assert window.query_one("#ask-meeting", Input).value == "10 Mar 2026"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "Issued highlight version 1" in
                       str(window.query_one("#task-result", Static).render()), "the issue")  # fmt: skip
    (paper,) = issued_papers(term, SFB)
    assert (paper.template, paper.paper_date) == ("highlight", dt.date(2026, 3, 10))


@pytest.mark.asyncio
async def test_a_broken_template_is_shown_inline(term: Tracker, settings: Settings) -> None:
    folder = settings.templates
    assert folder is not None
    folder.mkdir()
    (folder / "highlight.md.j2").write_text("{# paper: highlight #}\n{{ nope }}\n",
                                            encoding="utf-8")  # fmt: skip
    app = create_app(settings)
    async with app.run_test(size=(140, 50)) as pilot:
        screen = await open_papers(pilot)
        await wait_for(pilot, lambda: "Pick a board" in status(screen), "the choices")
        screen.query_one("#paper-board", Select).value = SFB
        await wait_for(pilot, lambda: "Cannot render" in status(screen), "the error")
        assert "highlight.md.j2:2: template: undefined variable 'nope'" in status(screen)
        await pilot.press("m")
        await wait_for(pilot, lambda: "Cannot render" in status(screen), "the error again")
        assert not Path(settings.output).exists()


def test_registered_as_papers_on_p() -> None:
    assert ("p", "Papers", "tracker.ui.papers.screen:PapersScreen") in SCREENS


def test_a_long_paper_is_previewed_in_part_and_says_so() -> None:
    from tracker.ui.papers.screen import preview_text

    short = "# Paper\n\nshort\n"
    assert preview_text(short) == short
    long = "# Paper\n\n" + "\n\n".join(f"paragraph {i}" for i in range(3000)) + "\n"
    shown = preview_text(long, limit=1000)
    assert len(shown) < 1200 and shown.startswith("# Paper\n\nparagraph 0")
    assert shown.endswith("lines): m writes the whole paper.*\n")
    assert "The preview stops here (" in shown
