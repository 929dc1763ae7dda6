"""The Resolutions screen driven as an officer would (textual pilot): import minutes, review
(assign owner and due date, drop an item), save; import the next meeting; update and close a
follow-up with a response and watch it leave the matters arising; bad input shown inline,
pasted text without resolutions, why each item of an unseen layout was taken. Screen and
database are both checked. Today is 2026-03-01."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from committee_helpers import COMMISSION, FIRST, SECOND, counts
from resolutions_pilot import (
    arising_rows,
    import_through_dialog,
    loaded_meeting,
    open_resolutions,
    paste_into,
    rows,
    type_into,
    until,
)
from sqlalchemy import select
from textual.widgets import Button, DataTable, Input, OptionList, Select, Static

from tracker.config import Settings
from tracker.models import FollowUp, FollowUpResponse, Person, Resolution
from tracker.services.context import Tracker
from tracker.ui.app import create_app
from tracker.ui.resolutions.followup import FollowUpScreen
from tracker.ui.resolutions.import_minutes import ImportMinutesScreen
from tracker.ui.resolutions.review import ReviewScreen
from tracker.ui.resolutions.screen import ResolutionsScreen


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
            "Item 7, resolution (1), recorded as 7 (1), resolved; line 10, taken: unlabelled list; "
            "after 'moved"
        )
        assert why.endswith("(score 0.75)")
        await pilot.press("down", "down")  # the follow-up resolution 7 (2) asks for
        why = str(review.query_one("#rev-why", Static).render())
        assert why.startswith("Item 7; line ") and "asked for by resolution 7 (2)" in why
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
