"""The Resolutions screen driven as an officer would (textual pilot): import minutes, review
(assign owner and due date, drop an item), save; import the next meeting; update and close a
follow-up with a response and watch it leave the matters arising. Screen and database are both
checked. Today is 2026-03-01."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from committee_helpers import COMMISSION, FIRST, SECOND, counts
from sqlalchemy import select
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Button, DataTable, Input, OptionList, Select, Static

from tracker.config import Settings, load_settings
from tracker.models import Board, FollowUp, FollowUpResponse, Person, Resolution
from tracker.services.committees.followup_updates import update_followup
from tracker.services.committees.minutes_draft import draft_minutes, read_minutes
from tracker.services.committees.minutes_import import save_import
from tracker.services.context import Tracker, open_tracker
from tracker.ui.app import create_app
from tracker.ui.registry import SCREENS
from tracker.ui.resolutions.followup import FollowUpScreen
from tracker.ui.resolutions.import_minutes import ImportMinutesScreen
from tracker.ui.resolutions.review import ReviewScreen
from tracker.ui.resolutions.screen import ResolutionsScreen


async def until(pilot: Pilot[Any], check: Callable[[], object], what: str) -> None:
    for _ in range(600):  # up to 30 s: a loaded CI machine runs browsers beside these
        await pilot.pause(0.05)
        if check():
            await pilot.app.workers.wait_for_complete()
            await pilot.pause(0.05)
            return
    raise AssertionError(f"timed out waiting for {what}")


async def open_resolutions(pilot: Pilot[Any]) -> ResolutionsScreen:
    """The app starts on the dashboard; `r` goes to the Resolutions screen, as a user does."""
    await pilot.pause()
    await pilot.press("r")
    await until(pilot, lambda: isinstance(pilot.app.screen, ResolutionsScreen), "the screen")
    return pilot.app.screen  # type: ignore[return-value]


async def type_into(pilot: Pilot[Any], selector: str, text: str) -> None:
    await pilot.click(selector)
    await pilot.press(*text)


async def paste_into(pilot: Pilot[Any], selector: str, text: str) -> None:
    """Long text is pasted, not typed (typing costs ~65 ms a key under the pilot)."""
    await pilot.click(selector)
    widget = pilot.app.screen.query_one(selector)
    if isinstance(widget, Input):
        widget.value = text
    else:
        widget.text = text  # type: ignore[attr-defined]
    await pilot.pause()


def rows(table: DataTable[Any]) -> list[str]:
    """Each row's cells joined, as the officer reads them."""
    return [" | ".join(str(c) for c in table.get_row_at(i)) for i in range(table.row_count)]


def arising_rows(app: App[None]) -> list[str]:
    return rows(app.screen.query_one("#res-arising", DataTable))


async def loaded_meeting(pilot: Pilot[Any], date: str) -> None:
    screen = pilot.app.screen
    await until(pilot, lambda: date in str(screen.query_one("#res-meeting", Static).render()),
                f"the meeting of {date}")  # fmt: skip


async def import_through_dialog(pilot: Pilot[Any], date: str, path: Path) -> ReviewScreen:
    app = pilot.app
    await pilot.press("i")
    await until(pilot, lambda: isinstance(app.screen, ImportMinutesScreen), "the import dialog")
    assert app.screen.query_one("#imp-committee", Input).value == COMMISSION
    await type_into(pilot, "#imp-date", date)
    await paste_into(pilot, "#imp-path", str(path))
    await pilot.click("#imp-read")
    await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review step")
    return app.screen  # type: ignore[return-value]


@pytest.mark.asyncio
async def test_import_review_update_close_journey(committees: Tracker, settings: Settings) -> None:
    t = committees
    app = create_app(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_resolutions(pilot)
        options = screen.query_one("#res-committees", OptionList)
        await until(pilot, lambda: options.option_count == 2, "the committees")
        await pilot.press("down")  # Cabinet -> Improving Lives Select Commission
        await until(pilot, lambda: "No meetings recorded yet" in
                    str(screen.query_one("#res-meeting", Static).render()), "no meetings")  # fmt: skip

        # -- import the January minutes and review them
        review = await import_through_dialog(pilot, "2026-01-20", FIRST)
        table = review.query_one("#rev-items", DataTable)
        assert len(rows(table)) == 4
        # the page prints no item number: each resolution's own number says where it is
        assert rows(table)[0].startswith("yes | (1) |") and rows(table)[1].startswith("yes | (2) |")
        assert "↳ (2) | Assistant Director for …" in rows(table)[2]  # matched
        assert review.entries[2].person_code == "assistant-director-early-help"
        assert "↳ action line | Kirsty Woodhead (Locali…" in rows(table)[3]
        assert "read with confidence" in str(review.query_one("#rev-unsure-title", Static).render())
        await pilot.press("down", "down")  # the follow-up of resolution 2
        assert review.query_one("#rev-owner", Input).value == "Assistant Director for Early Help"
        review.query_one("#rev-person", Select).value = "kelly-white"  # picked from the list
        await type_into(pilot, "#rev-due", "2026-02-15")
        await pilot.click("#rev-apply")
        await pilot.pause(0.1)
        assert "Kelly White" in rows(table)[2] and "15 Feb 2026" in rows(table)[2]
        table.focus()
        table.move_cursor(row=3)
        await pilot.pause(0.05)
        await pilot.press("d")  # drop the ACTION line
        await pilot.pause(0.05)
        assert rows(table)[3].startswith("drop")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ResolutionsScreen), "the save")
        await loaded_meeting(pilot, "20 Jan 2026")
        with t.db.reading() as s:
            assert len(s.scalars(select(Resolution)).all()) == 2
            (fu,) = s.scalars(select(FollowUp)).all()  # the dropped one was not stored
            assert fu.due == dt.date(2026, 2, 15)
            assert s.get(Person, fu.owner_id).code == "kelly-white"  # type: ignore[union-attr]
        items = rows(screen.query_one("#res-items", DataTable))
        assert any("↳ Kelly White" in r and "OVERDUE" in r for r in items)

        # -- the February meeting: January's follow-up is a matter arising, flagged overdue
        review = await import_through_dialog(pilot, "2026-02-24", SECOND)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ResolutionsScreen), "the save")
        await loaded_meeting(pilot, "24 Feb 2026")
        arising = arising_rows(app)
        assert len(arising) == 1 and arising[0].startswith("#1 | 20 Jan 26 | Kelly White")
        assert "open OVERDUE" in arising[0]

        # -- update it: in progress, with a response
        screen.query_one("#res-arising", DataTable).focus()
        await pilot.press("u")
        await until(pilot, lambda: isinstance(app.screen, FollowUpScreen), "the follow-up dialog")
        dialog = app.screen
        await until(pilot, lambda: dialog.query_one("#fu-person", Select).value == "kelly-white",
                    "the people")  # fmt: skip
        dialog.query_one("#fu-status", Select).value = "in progress"
        await paste_into(pilot, "#fu-response", "Chased; data promised for next week")
        await pilot.click("#fu-save")
        await until(pilot, lambda: isinstance(app.screen, ResolutionsScreen), "the update")
        await until(pilot, lambda: "in progress OVERDUE" in " ".join(arising_rows(app)),
                    "the refreshed matters arising")  # fmt: skip

        # -- close it: a response is required, then it leaves the open matters arising
        screen.query_one("#res-arising", DataTable).focus()
        await pilot.press("x")
        await until(pilot, lambda: isinstance(app.screen, FollowUpScreen), "the close dialog")
        dialog = app.screen
        before = counts(t)
        await pilot.click("#fu-done")
        await until(pilot, lambda: "needs a response" in
                    str(dialog.query_one("#fu-error", Static).render()), "the refusal")  # fmt: skip
        assert counts(t) == before
        await type_into(pilot, "#fu-response", "Sent to members")
        done = dialog.query_one("#fu-done", Button)  # a click within its 0.2 s press effect is lost
        await until(pilot, lambda: not done.has_class("-active"), "the last press to end")
        await pilot.click("#fu-done")
        await until(pilot, lambda: isinstance(app.screen, ResolutionsScreen), "the close")
        await until(pilot, lambda: "closed since the last meeting" in " ".join(arising_rows(app)),
                    "it to leave the open matters arising")  # fmt: skip
        arising = arising_rows(app)
        assert len(arising) == 1 and "done 01 Mar 26" in arising[0]
        assert "OVERDUE" not in arising[0]
        with t.db.reading() as s:
            fu = s.get(FollowUp, 1)
            assert fu is not None and (fu.status, fu.closed_on) == ("done", dt.date(2026, 3, 1))
            responses = s.scalars(select(FollowUpResponse).order_by(FollowUpResponse.id)).all()
            assert [(r.status, r.text) for r in responses] == [
                ("in progress", "Chased; data promised for next week"),
                ("done", "Sent to members"),
            ]


@pytest.mark.asyncio
async def test_bad_input_is_shown_inline_and_stores_nothing(
    committees: Tracker, settings: Settings, tmp_path: Path
) -> None:
    binary = tmp_path / "scan.pdf"
    binary.write_bytes(b"%PDF-1.4\x00\x00\x01\x02" * 50)
    app = create_app(settings)
    before = counts(committees)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_resolutions(pilot)
        await pilot.press("i")
        await until(pilot, lambda: isinstance(app.screen, ImportMinutesScreen), "the dialog")
        dialog = app.screen
        error = dialog.query_one("#imp-error", Static)

        async def read_and_expect(text: str) -> None:
            # a button ignores clicks for 0.2 s after a press (its press effect): wait it out,
            # as a person would, or the click is lost when the last read came back quickly
            button = dialog.query_one("#imp-read", Button)
            await until(pilot, lambda: not button.has_class("-active"), "the last press to end")
            await pilot.click("#imp-read")
            await until(pilot, lambda: text in str(error.render()), repr(text))

        await type_into(pilot, "#imp-date", "03/04/2026")
        await paste_into(pilot, "#imp-path", str(FIRST))
        await read_and_expect("'03/04/2026' is ambiguous")
        dialog.query_one("#imp-date", Input).value = "2026-01-20"
        dialog.query_one("#imp-committee", Input).value = "Scrutiny Board"
        await read_and_expect("no committee called 'Scrutiny Board'")
        assert COMMISSION in str(error.render())
        dialog.query_one("#imp-committee", Input).value = COMMISSION
        dialog.query_one("#imp-path", Input).value = str(binary)
        await read_and_expect("binary")
        dialog.query_one("#imp-path", Input).value = ""
        await read_and_expect("empty")  # nothing pasted either
        assert isinstance(app.screen, ImportMinutesScreen)
        await pilot.click("#imp-cancel")
        await until(pilot, lambda: isinstance(app.screen, ResolutionsScreen), "cancel")
    assert counts(committees) == before


@pytest.mark.asyncio
async def test_pasted_text_without_resolutions(committees: Tracker, settings: Settings) -> None:
    app = create_app(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_resolutions(pilot)
        await pilot.press("i")
        await until(pilot, lambda: isinstance(app.screen, ImportMinutesScreen), "the dialog")
        await type_into(pilot, "#imp-date", "2026-02-10")
        app.screen.query_one("#imp-text").text = (  # type: ignore[attr-defined]
            "Agenda item\n\nWork programme\n\nMinutes:\n\nMembers discussed topics.\n"
        )
        await pilot.click("#imp-read")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review")
        assert "nothing to record" in str(app.screen.query_one("#rev-error", Static).render())
        assert app.screen.query_one("#rev-items", DataTable).row_count == 0
        await pilot.click("#rev-cancel")
        await until(pilot, lambda: isinstance(app.screen, ImportMinutesScreen), "back")
    assert counts(committees)["meeting"] == 0


@pytest.mark.asyncio
async def test_review_says_why_each_item_of_an_unseen_layout_was_taken(
    committees: Tracker, settings: Settings
) -> None:
    app = create_app(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_resolutions(pilot)
        await pilot.press("i")
        await until(pilot, lambda: isinstance(app.screen, ImportMinutesScreen), "the dialog")
        await type_into(pilot, "#imp-date", "2026-02-10")
        app.screen.query_one("#imp-text").text = (  # type: ignore[attr-defined]
            "7.\n\nAnnual Scrutiny Report\n\nMembers discussed the report at length.\n\n"
            "It was moved by Councillor T Eynon, seconded by Councillor M Blair-Park, and\n\n\n"
            "1)    The report be received ahead of its submission to Council\n\n"
            "2)    Authority be delegated to the Chair to make final changes\n\n"
            "Members broadly agreed that the report should be shorter.\n"
        )
        await pilot.click("#imp-read")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review")
        review = app.screen
        table = review.query_one("#rev-items", DataTable)
        # the agenda item and each resolution's number under it, as the page prints them
        assert [r.split(" | ")[1] for r in rows(table)[:3]] == ["7 · (1)", "7 · (2)", "↳ 7 · (2)"]
        assert rows(table)[0].endswith(" | line 10, taken")  # whole: why is under the table
        why = str(review.query_one("#rev-why", Static).render())
        assert why.startswith(
            "Item 7, resolution (1), resolved; line 10, taken: unlabelled list; after 'moved"
        )
        assert why.endswith("(score 0.75)")
        await pilot.press("down", "down")  # the follow-up resolution 2 asks for
        why = str(review.query_one("#rev-why", Static).render())
        assert why.startswith("Item 7; line ") and "asked for by resolution 2" in why
        from tracker.ui.resolutions.unsure_list import UnsureList

        left = review.query_one("#rev-unsure", UnsureList)
        unsure = [str(left.get_option_at_index(i).prompt) for i in range(left.option_count)]
        assert any(
            u.startswith(("line 14:", "line 14 (item ")) and "Members broadly agreed" in u
            for u in unsure
        )
        await pilot.click("#rev-cancel")
        await until(pilot, lambda: isinstance(app.screen, ImportMinutesScreen), "back")
    assert counts(committees)["meeting"] == 0


def test_registered_as_resolutions_on_r() -> None:
    assert ("r", "Resolutions", "tracker.ui.resolutions.screen:ResolutionsScreen") in SCREENS


@pytest.mark.asyncio
async def test_the_app_opens_it_on_r(loaded: Tracker, settings: Settings) -> None:
    app = create_app(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_resolutions(pilot)
        # the shipped plan's commission and its (undated) meeting with an open follow-up
        await until(pilot, lambda: "Introduction to the Early Help Strategy" in
                    str(screen.query_one("#res-meeting", Static).render()), "the meeting")  # fmt: skip
        items = rows(screen.query_one("#res-items", DataTable))
        assert any("Assistant Director for Early Help" in r and "open" in r for r in items)


@pytest.fixture
def snapshot_settings(tmp_path: Path, sqlite_template: Path) -> Settings:
    """One SQLite database (a snapshot is one picture) with two meetings imported."""
    db = tmp_path / "tracker.db"
    shutil.copy(sqlite_template, db)
    path = tmp_path / "tracker.toml"
    path.write_text(
        f'[database]\nurl = "sqlite:///{db}"\n\n[user]\nname = "Test User"\n\n'
        '[clock]\ntoday = "2026-03-01"\n',
        encoding="utf-8",
    )
    settings = load_settings(path)
    t = open_tracker(settings)
    try:
        with t.db.writing() as s:
            s.add_all([
                Board(code=COMMISSION, name="Improving Lives Select Commission", kind="committee"),
                Board(code="cabinet", name="Cabinet", kind="committee"),
                Person(code="kelly-white", name="Kelly White", role="Interim Assistant Director"),
                Person(code="kirsty-woodhead", name="Kirsty Woodhead", role="Locality Manager"),
            ])  # fmt: skip
        for minutes, date in ((FIRST, "2026-01-20"), (SECOND, "2026-02-24")):
            save_import(t, draft_minutes(read_minutes(minutes)), committee=COMMISSION, date=date)
        update_followup(t, 1, owner="kelly-white", due=dt.date(2026, 2, 15))
        update_followup(t, 2, due=dt.date(2026, 3, 20), status="in progress",
                        response="Timetable drafted")  # fmt: skip
    finally:
        t.close()
    return settings


def test_snapshot(snap_compare: Any, snapshot_settings: Settings) -> None:
    """The February meeting: its resolution and ACTION line, and January's follow-ups as
    matters arising (one overdue, one in progress)."""

    async def settle(pilot: Pilot[Any]) -> None:
        screen = await open_resolutions(pilot)
        await until(pilot, lambda: "24 Feb 2026" in
                    str(screen.query_one("#res-meeting", Static).render()),
                    "the newest meeting")  # fmt: skip
        await until(pilot, lambda: screen.query_one("#res-arising", DataTable).row_count == 2,
                    "the matters arising")  # fmt: skip
        screen.query_one("#res-arising", DataTable).focus()
        await pilot.pause(0.1)

    assert snap_compare(create_app(snapshot_settings), terminal_size=(120, 40), run_before=settle)


@pytest.mark.asyncio
async def test_a_committee_without_meetings_shows_nothing_of_the_one_before(
    committees: Tracker, settings: Settings
) -> None:
    """Moving from a committee with follow-ups to one with no meetings leaves no follow-up, and no
    matters-arising count, of the committee shown before (seen in tmux: the detail line kept
    describing the last follow-up)."""
    app = create_app(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_resolutions(pilot)
        options = screen.query_one("#res-committees", OptionList)
        await until(pilot, lambda: options.option_count == 2, "the committees")
        await pilot.press("down")  # Cabinet -> Improving Lives Select Commission
        await import_through_dialog(pilot, "2026-01-20", FIRST)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ResolutionsScreen), "the save")
        await loaded_meeting(pilot, "20 Jan 2026")
        items = screen.query_one("#res-items", DataTable)
        items.focus()
        followup_row = next(i for i, r in enumerate(rows(items)) if "↳" in r)
        items.move_cursor(row=followup_row)
        detail = screen.query_one("#res-detail", Static)
        await until(pilot, lambda: "Follow-up #" in str(detail.render()), "the follow-up's detail")
        label = screen.query_one("#res-arising-label")
        await until(pilot, lambda: "still open" in str(label.render()), "the matters arising")

        options.focus()
        await pilot.press("up")  # back to Cabinet, which has no meetings
        await until(pilot, lambda: "No meetings recorded yet" in
                    str(screen.query_one("#res-meeting", Static).render()), "no meetings")  # fmt: skip
        assert "Follow-up #" not in str(detail.render())
        assert "Select a follow-up" in str(detail.render())
        assert "still open" not in str(label.render())
        assert items.row_count == 0


@pytest.mark.asyncio
async def test_an_undated_meeting_shows_no_matters_arising_count_of_the_one_before(
    committees: Tracker, settings: Settings
) -> None:
    """Moving from a dated meeting (its matters arising counted above the table) to an undated
    one, whose matters arising cannot be known, leaves no count of the meeting shown before."""
    from tracker.models import Meeting

    t = committees
    for minutes, date in ((FIRST, "2026-01-20"), (SECOND, "2026-02-24")):
        save_import(t, draft_minutes(read_minutes(minutes)), committee=COMMISSION, date=date)
    with t.db.writing() as s:
        board = s.scalars(select(Board).where(Board.code == COMMISSION)).one()
        s.add(Meeting(board_id=board.id, date=None, title="Introduction", status="held"))
    app = create_app(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_resolutions(pilot)
        await loaded_meeting(pilot, "24 Feb 2026")
        label = screen.query_one("#res-arising-label")
        await until(pilot, lambda: "still open" in str(label.render()), "the matters arising")

        meetings = screen.query_one("#res-meetings", OptionList)
        meetings.focus()
        await pilot.press("end")  # newest first: the undated meeting is last
        await until(pilot, lambda: "date not recorded" in
                    str(screen.query_one("#res-meeting", Static).render()), "the undated meeting")  # fmt: skip
        arising = rows(screen.query_one("#res-arising", DataTable))
        assert any("The meeting has no date." in r for r in arising)
        assert "still open" not in str(label.render())


@pytest.mark.asyncio
async def test_a_meeting_not_yet_held_says_so_rather_than_nothing_recorded(
    committees: Tracker, settings: Settings
) -> None:
    """A committee whose only meeting is scheduled: the officer is told it has not met yet,
    not that its record is empty."""
    from tracker.services.governance.meetings import schedule_meeting

    schedule_meeting(committees, COMMISSION, dt.date(2026, 4, 14), title="Spring meeting")
    app = create_app(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_resolutions(pilot)
        options = screen.query_one("#res-committees", OptionList)
        await until(pilot, lambda: options.option_count == 2, "the committees")
        # the committee with a meeting is the one shown first
        await loaded_meeting(pilot, "14 Apr 2026")
        items = rows(screen.query_one("#res-items", DataTable))
        assert any("Not held yet" in r and "press i once it has met" in r for r in items), items
        assert not any("Nothing recorded" in r for r in items)
