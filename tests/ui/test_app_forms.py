"""The register's windows as a programme manager uses them: a status update (refused without
commentary, then saved), editing a due date, validation errors (progress 150, a dependency
cycle), a new action, cancelling one. Each test checks the screen and the database."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList, TextArea
from ui_helpers import choose, register, row_text, screen_text, select_row, settle, type_text

from tracker.services.actions.detail import count_updates, get_action
from tracker.services.audit import history
from tracker.services.context import open_tracker
from tracker.ui.app import create_app
from tracker.ui.register.detail import ActionDetailPane
from tracker.ui.register.edit import ActionFormScreen
from tracker.ui.register.modals import CancelActionScreen, StatusUpdateScreen

SIZE = (120, 40)
pytestmark = pytest.mark.asyncio


async def open_register_at(pilot, ref: str) -> None:
    await settle(pilot)
    await pilot.press("a")
    await settle(pilot)
    await select_row(pilot, ref)


def errors(screen) -> str:
    return "\n".join(str(w.render()) for w in screen.query(".field-error.-shown"))


async def test_record_an_amber_update_with_commentary(app_settings, services) -> None:
    before = get_action(services, "P2-01")
    updates = count_updates(services, "P2-01")
    app = create_app(app_settings)
    async with app.run_test(size=SIZE) as pilot:
        await open_register_at(pilot, "P2-01")
        await pilot.press("u")
        await settle(pilot)
        window = app.screen
        assert isinstance(window, StatusUpdateScreen)
        assert "P2-01  Open family hubs in every locality" in screen_text(window)
        await choose(pilot, "rag", "amber")
        await pilot.press("ctrl+s")
        await settle(pilot)
        # refused: the commentary is missing; nothing saved
        assert app.screen is window
        assert "commentary is required when the RAG is amber" in errors(window)
        assert "Commentary  (required: the RAG is amber)" in screen_text(window)
        assert get_action(services, "P2-01").version == before.version
        assert count_updates(services, "P2-01") == updates
        window.query_one("#note", TextArea).focus()
        await type_text(pilot, "Third hub delayed by building works.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is register(app)
        assert "amber" in row_text(app, "P2-01")
        detail = screen_text(register(app).query_one(ActionDetailPane))
        assert "Third hub delayed by building works." in detail
        assert "Pat Manager" in detail
        # the dashboard reflects it at once
        await pilot.press("d")
        await settle(pilot)
        latest = app.screen.query_one("#updates", OptionList).get_option_at_index(0)
        assert "P2-01" in str(latest.prompt) and "amber" in str(latest.prompt)
    after = get_action(services, "P2-01")
    assert (after.row.rag, after.row.status, after.row.progress) == ("amber", "in progress", 45)
    assert after.version == before.version + 1
    assert after.updates[0].recorded_by == "Pat Manager"
    assert after.updates[0].commentary == "Third hub delayed by building works."
    assert count_updates(services, "P2-01") == updates + 1


async def test_the_saved_update_is_said_back_with_its_rag(app_settings, services) -> None:
    """The note after saving said the status and % only: the RAG chosen (the figure a board
    reads first) was not said back."""
    app = create_app(app_settings)
    async with app.run_test(size=SIZE) as pilot:
        await open_register_at(pilot, "P2-01")
        await pilot.press("u")
        await settle(pilot)
        await choose(pilot, "rag", "red")
        app.screen.query_one("#note", TextArea).focus()
        await type_text(pilot, "Hub lease fell through.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is register(app)
        said = [n.message for n in app._notifications]
        assert "Status update recorded for P2-01: in progress, red, 45%." in said, said


async def test_edit_a_due_date(app_settings, services) -> None:
    app = create_app(app_settings)
    async with app.run_test(size=SIZE) as pilot:
        await open_register_at(pilot, "P2-04")
        await pilot.press("e")
        await settle(pilot)
        window = app.screen
        assert isinstance(window, ActionFormScreen)
        due = window.query_one("#due", Input)
        assert due.value == "30 Jun 2026"  # dates shown and asked for as the rest of the app does
        assert due.placeholder == "31/03/2027 or 31 Mar 2027"
        assert window.query_one("#start", Input).placeholder == "31/03/2027 or 31 Mar 2027"
        due.focus()
        due.value = ""
        await type_text(pilot, "31/07/2026")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is register(app)
        assert "31 Jul 26" in row_text(app, "P2-04")
    after = get_action(services, "P2-04")
    assert after.row.due.isoformat() == "2026-07-31"
    assert after.version == 2
    changes = [(h.field, h.old, h.new, h.actor) for h in history(services, "action", "P2-04")]
    assert ("due", "2026-06-30", "2026-07-31", "Pat Manager") in changes


async def test_validation_errors_are_shown_and_nothing_is_saved(app_settings, services) -> None:
    before = get_action(services, "P1-01")
    app = create_app(app_settings)
    async with app.run_test(size=SIZE) as pilot:
        await open_register_at(pilot, "P1-01")
        await pilot.press("e")
        await settle(pilot)
        window = app.screen
        progress = window.query_one("#progress", Input)
        progress.value = "150"
        deps = window.query_one("#depends_on", Input)
        deps.focus()
        await type_text(pilot, "P3-02")
        await settle(pilot)
        assert "Review the locality action plans" in screen_text(window)  # the ref's title
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is window
        shown = errors(window)
        assert "150% is not a percentage (allowed: 0-100)" in shown
        assert "P3-02 would make a cycle: P1-01 → P3-02 → P3-01 → P2-01 → P1-02 → P1-01" in shown
        assert "Nothing was saved" in screen_text(window)
        # put right: the errors go, and it saves
        progress.value = "100"
        deps.value = ""
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is register(app)
    after = get_action(services, "P1-01")
    assert after.version == before.version  # progress was already 100: nothing changed
    assert after.depends_on == ()


async def test_new_action(app_settings, services) -> None:
    app = create_app(app_settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        window = app.screen
        assert isinstance(window, ActionFormScreen) and window.creating
        await pilot.press("ctrl+s")  # empty: ref, title and phase are needed
        await settle(pilot)
        shown = errors(window)
        assert "required: what the action delivers" in shown  # under the title
        assert "Nothing was saved" in screen_text(window)
        window.query_one("#ref", Input).focus()
        await type_text(pilot, "p2-06")
        window.query_one("#title", Input).focus()
        await type_text(pilot, "Launch the family help phone line")
        await choose(pilot, "phase", "Phase 2")
        await choose(pilot, "owner", "Ben Brown")
        window.query_one("#due", Input).focus()
        await type_text(pilot, "30 Sep 2026")
        window.query_one("#depends_on", Input).focus()
        await type_text(pilot, "P2-01")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is register(app)
        assert "P2-06" in [r for r in register(app).rows]
        assert "Launch the family help" in row_text(app, "P2-06")
    new = get_action(services, "P2-06")
    assert new.row.title == "Launch the family help phone line"
    assert (new.row.phase, new.owner_code, new.row.due.isoformat()) == (
        2,
        "ben-brown",
        "2026-09-30",
    )
    assert [x.ref for x in new.depends_on] == ["P2-01"]
    assert new.row.status == "not started"
    assert history(services, "action", "P2-06")[0].operation == "create"


async def test_cancel_an_action_with_a_reason(app_settings, services) -> None:
    app = create_app(app_settings)
    async with app.run_test(size=SIZE) as pilot:
        await open_register_at(pilot, "P2-04")
        await pilot.press("x")
        await settle(pilot)
        window = app.screen
        assert isinstance(window, CancelActionScreen)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "required: say why the action is cancelled" in errors(window)
        assert get_action(services, "P2-04").row.status == "not started"
        window.query_one("#reason", TextArea).focus()
        await type_text(pilot, "Merged into P3-01.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is register(app)
        assert "cancelled" in row_text(app, "P2-04")  # still in the register
        assert "Cancelled because Merged into P3-01." in screen_text(
            register(app).query_one(ActionDetailPane)
        )
    after = get_action(services, "P2-04")
    assert after.row.status == "cancelled"
    assert after.cancelled_reason == "Merged into P3-01."
    assert after.updates[0].commentary == "Merged into P3-01."
    assert history(services, "action", "P2-04")[0].operation == "cancel"


async def test_closing_a_window_before_it_has_read_the_action(app_settings, services) -> None:
    app = create_app(app_settings)
    async with app.run_test(size=SIZE) as pilot:
        await open_register_at(pilot, "P2-01")
        for window in (StatusUpdateScreen, ActionFormScreen, CancelActionScreen):
            app.push_screen(window(app.services, "P2-01"))  # as the command palette opens it
            await pilot.press("escape")  # at once: the read comes back to a closed window
            await settle(pilot)
            assert app.screen is register(app)
    assert get_action(services, "P2-01").version == 1


async def test_nothing_is_preselected_and_esc_asks_before_losing_changes(
    app_settings_any, monkeypatch
) -> None:
    from tracker.ui.register.changes import DiscardScreen

    t = open_tracker(app_settings_any)
    try:
        before = get_action(t, "P2-01")
    finally:
        t.close()
    app = create_app(app_settings_any)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_register_at(pilot, "P2-01")
        await pilot.press("e")
        await settle(pilot)
        window = app.screen
        assert isinstance(window, ActionFormScreen)
        title = window.query_one("#title", Input)
        assert title.has_focus and title.selected_text == ""  # nothing selected to overwrite
        await pilot.press("Z")  # one keystroke adds to the title, it does not replace it
        assert title.value == before.row.title + "Z"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DiscardScreen)  # asked first
        assert "You changed title" in screen_text(app.screen)
        await pilot.press("escape")  # keep editing: the change is still there
        await settle(pilot)
        assert app.screen is window and title.value.endswith("Z")
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("d")  # discard
        await settle(pilot)
        assert app.screen is register(app)
    t = open_tracker(app_settings_any)
    try:
        after = get_action(t, "P2-01")
        assert (after.row.title, after.version) == (before.row.title, before.version)
    finally:
        t.close()


async def test_forms_have_one_column_at_80_and_two_where_there_is_room(app_settings) -> None:
    for size, columns in (((80, 24), 1), ((160, 50), 2)):
        app = create_app(app_settings)
        async with app.run_test(size=size) as pilot:
            await open_register_at(pilot, "P2-01")
            await pilot.press("e")
            await settle(pilot)
            window = app.screen
            xs = {c.region.x for c in window.query(".column")}
            assert len(xs) == columns, size
            save = window.query_one("#save")
            assert save.region.bottom <= size[1] and save.region.right <= size[0]  # in sight


async def test_a_list_field_opens_its_list_and_typing_jumps_to_a_name(
    app_settings, services
) -> None:
    """The edit window's lists (owner, board, phase...) are one line each: enter opens the list,
    typing the first letters of a name highlights it, enter picks it, escape leaves the value as
    it was, and a click opens the list too."""
    from tracker.ui.widgets.choice import ChoiceScreen

    app = create_app(app_settings)
    async with app.run_test(size=SIZE) as pilot:
        await open_register_at(pilot, "P2-01")
        await pilot.press("e")
        await settle(pilot)
        window = app.screen
        owner = window.query_one("#owner")
        assert "Cara Cole" in str(owner.render())
        owner.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("escape")  # left as it was
        await pilot.pause()
        assert app.screen is window and owner.value == "cara-cole"
        await pilot.press("enter")
        await pilot.pause()
        await type_text(pilot, "be")  # Ben Brown
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is window
        assert "Ben Brown" in str(owner.render())
        assert window.unsaved() == {"owner": "ben-brown"}
        await pilot.click("#board")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is register(app)
    assert get_action(services, "P2-01").owner_code == "ben-brown"


async def test_commentary_is_marked_required_where_saving_asks_for_it(
    app_settings, services
) -> None:
    """Past its own due date (P1-03, 31 Dec 2025) an update needs commentary and the label
    says so; without a due date, past its phase's end (phase 1 ended 31 Mar 2025, the date
    the register shows) it needs one too, and the label and the refusal name that date."""

    def label() -> str:
        return str(app.screen.query_one("#field-note Label").render())

    app = create_app(app_settings)
    async with app.run_test(size=SIZE) as pilot:
        await open_register_at(pilot, "P1-03")
        await pilot.press("u")
        await settle(pilot)
        await choose(pilot, "rag", "not assessed")  # amber asks for commentary of its own
        await settle(pilot)
        assert label() == "Commentary  (required: past its due date, 31 Dec 2025)"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "past its due date, 31 Dec 2025: commentary required" in errors(app.screen)
        await pilot.press("escape")
        await settle(pilot)
    from tracker.services.actions.edit import edit_action

    edit_action(services, "P1-03", get_action(services, "P1-03").version, {"due": None})
    updates = count_updates(services, "P1-03")
    app = create_app(app_settings)
    async with app.run_test(size=SIZE) as pilot:
        await open_register_at(pilot, "P1-03")
        await pilot.press("u")
        await settle(pilot)
        await choose(pilot, "rag", "not assessed")
        await settle(pilot)
        assert "by the end of phase 1" in screen_text(app.screen)
        assert label() == "Commentary  (required: past its phase's end, 31 Mar 2025)"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "past its phase's end, 31 Mar 2025: commentary required" in errors(app.screen)
        app.screen.query_one("#note", TextArea).text = "Waiting on the health partners"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is register(app)  # saved, once it says why
    assert count_updates(services, "P1-03") == updates + 1


async def test_a_refused_field_and_the_commentary_box_stay_in_sight_at_80x24(
    app_settings,
) -> None:
    """At 80x24 the pace rule above the fields took the room: a refused % complete scrolled the
    commentary box out of sight, and a refused commentary the fields. Each refused field shows
    with its error, and with the commentary box (the rule is under the fields now)."""

    def in_sight(*selectors: str) -> bool:
        body = app.screen.query_one(".window-body")
        return all(body.region.contains_region(app.screen.query_one(s).region) for s in selectors)

    app = create_app(app_settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_register_at(pilot, "P2-01")
        await pilot.press("u")
        await settle(pilot)
        app.screen.query_one("#progress", Input).value = "150"
        app.screen.query_one("#note", TextArea).text = "On track"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "150 is not a whole percentage" in errors(app.screen)
        assert in_sight("#progress", "#error-progress", "#note")
        app.screen.query_one("#progress", Input).value = "50"
        await choose(pilot, "rag", "red")
        app.screen.query_one("#note", TextArea).text = ""
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "commentary is required when the RAG is red" in errors(app.screen)
        assert in_sight("#note", "#error-note", "#progress")
        assert "Suggested RAG: expected progress" in screen_text(app.screen)  # the rule, kept
