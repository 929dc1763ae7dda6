"""The register makes its status-update and action windows once, in idle time, and reuses them
(so they open at once). A person opening them one action after another must see nothing of the
last opening: each shows the action it was opened on, empty commentary, no old errors, and the
new-action window is a new action's, not the last edited one."""

from __future__ import annotations

import pytest
from textual.widgets import Button, Input, Select, TextArea
from ui_helpers import register, screen_text, select_row, settle, type_text

from tracker.services.actions.detail import count_updates, get_action
from tracker.ui.app import create_app
from tracker.ui.register.changes import DiscardScreen
from tracker.ui.register.edit import ActionFormScreen
from tracker.ui.register.modals import StatusUpdateScreen
from tracker.ui.widgets.choice import Choice

pytestmark = pytest.mark.asyncio


async def made_ahead(pilot) -> None:
    """The register is shown and has made its windows (in idle time after the first page)."""
    await settle(pilot)
    await pilot.press("a")
    await settle(pilot)
    forms = register(pilot.app).forms
    for _ in range(600):  # up to 30 s: a loaded CI machine runs browsers beside these
        if len(forms.kept) == 2:
            break
        await pilot.pause(0.05)
    assert set(forms.kept) == {"status-update", "action"}


def errors(screen) -> str:
    return "\n".join(str(w.render()) for w in screen.query(".field-error.-shown"))


async def test_a_reused_status_window_shows_each_action_afresh(app_settings, services) -> None:
    app = create_app(app_settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await made_ahead(pilot)
        await select_row(pilot, "P2-01")
        await pilot.press("u")
        await settle(pilot)
        first = app.screen
        assert isinstance(first, StatusUpdateScreen)
        assert first is register(app).forms.kept["status-update"]  # the window made ahead
        assert "P2-01  Open family hubs in every locality" in screen_text(first)
        first.query_one("#progress", Input).value = "150"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "not a whole percentage" in errors(first)  # refused at the field
        first.query_one("#note", TextArea).focus()
        await type_text(pilot, "half typed")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DiscardScreen)
        await pilot.press("d")  # discard
        await settle(pilot)
        assert app.screen is register(app)

        await select_row(pilot, "P1-03")
        await pilot.press("u")
        await settle(pilot)
        again = app.screen
        assert again is first  # the same window, reused
        text = screen_text(again)
        assert "P1-03" in text and "P2-01" not in text
        assert errors(again) == ""  # the last opening's error is gone
        assert again.query_one("#note", TextArea).text == ""  # and its commentary
        p103 = get_action(services, "P1-03")
        assert again.query_one("#progress", Input).value == str(p103.row.progress)
        assert again.query_one("#status", Select).value == p103.row.status
        assert again.unsaved() == {}  # nothing to ask about on esc
        # saving through the reused window records against P1-03, not P2-01
        updates = count_updates(services, "P1-03")
        again.query_one("#note", TextArea).focus()
        await type_text(pilot, "Recovered after the restructure.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is register(app)
    assert count_updates(services, "P1-03") == updates + 1
    assert get_action(services, "P1-03").updates[0].commentary == "Recovered after the restructure."
    assert get_action(services, "P2-01").version == 1


async def test_one_action_window_edits_then_adds_then_edits(app_settings, services) -> None:
    app = create_app(app_settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await made_ahead(pilot)
        await select_row(pilot, "P2-04")
        await pilot.press("e")
        await settle(pilot)
        window = app.screen
        assert isinstance(window, ActionFormScreen) and window is register(app).forms.kept["action"]
        assert "Edit action" in screen_text(window)
        ref = window.query_one("#ref", Input)
        assert ref.value == "P2-04" and ref.disabled
        assert window.query_one("#title", Input).has_focus
        assert window.unsaved() == {}
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("n")
        await settle(pilot)
        assert app.screen is window  # the same window, now for a new action
        text = screen_text(window)
        assert "New action" in text and "Edit action" not in text
        assert "Add the action" in str(window.query_one("#save", Button).label)
        assert ref.value == "" and not ref.disabled and ref.has_focus
        assert window.query_one("#title", Input).value == ""
        assert window.query_one("#due", Input).value == ""
        assert window.query_one("#board", Choice).value is None
        await type_text(pilot, "P2-09")
        window.query_one("#title", Input).focus()
        await type_text(pilot, "Reused window action")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert window.query("#error-phase.-shown")  # needs its phase: refused, nothing saved
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("d")  # discard
        await settle(pilot)

        await select_row(pilot, "P2-01")
        await pilot.press("e")
        await settle(pilot)
        assert app.screen is window
        assert "Edit action" in screen_text(window) and errors(window) == ""
        assert ref.value == "P2-01" and ref.disabled
        p201 = get_action(services, "P2-01")
        assert window.query_one("#title", Input).value == p201.row.title
        assert window.unsaved() == {}
        await pilot.press("escape")  # nothing changed: closes without asking
        await settle(pilot)
        assert app.screen is register(app)
    with pytest.raises(Exception):  # noqa: B017, PT011 - the refused new action is not there
        get_action(services, "P2-09")


async def test_typing_is_not_interrupted_by_the_window_s_own_read(app_settings) -> None:
    """The window opens filled in and its read of the action comes back a moment later (later
    still on a busy shared server): a person already typing in a field keeps the focus, and a
    window opened again starts at Status, not where the last one was left."""
    app = create_app(app_settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await made_ahead(pilot)
        await select_row(pilot, "P2-01")
        await pilot.press("u")
        await settle(pilot)
        window = app.screen
        assert isinstance(window, StatusUpdateScreen)
        assert window.focused is window.query_one("#status", Select)
        window.query_one("#progress", Input).focus()
        await pilot.pause()
        await type_text(pilot, "4")
        typed = window.query_one("#progress", Input).value
        window._read(window.opening)  # the window's read of the action, arriving late
        await settle(pilot)
        assert window.focused is window.query_one("#progress", Input)  # not taken away
        assert window.query_one("#progress", Input).value == typed  # nor what was typed
        await type_text(pilot, "5")
        assert window.query_one("#progress", Input).value == typed + "5"
        window.query_one("#note", TextArea).focus()
        await pilot.press("escape")
        await settle(pilot)
        if isinstance(app.screen, DiscardScreen):
            await pilot.press("d")  # discard
            await settle(pilot)
        await select_row(pilot, "P1-03")
        await pilot.press("u")
        await settle(pilot)
        assert app.screen is window
        assert window.focused is window.query_one("#status", Select)


async def test_the_window_names_a_due_date_implied_by_the_phase(app_settings, services) -> None:
    """An action with no due date is due by the end of its phase, as the register says; the
    status-update window says so too, not 'Due -'."""
    from tracker.services.actions.edit import edit_action

    edit_action(services, "P2-01", get_action(services, "P2-01").version, {"due": ""})
    row = get_action(services, "P2-01").row
    assert row.due is None and row.implied_due is not None
    app = create_app(app_settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await made_ahead(pilot)
        await select_row(pilot, "P2-01")
        await pilot.press("u")
        await settle(pilot)
        headline = str(app.screen.query_one("#headline").render())
        assert f"Due {row.due_words()}" in headline, headline
        assert "Due -" not in headline


async def test_a_dependency_added_since_the_window_was_made_shows_its_title(
    app_settings, services
) -> None:
    """The window reads the actions' titles once; a ref typed that is not among them (an
    action added since, here by another session) is looked up again, not called missing."""
    from tracker.services.actions.edit import create_action

    app = create_app(app_settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await made_ahead(pilot)
        await select_row(pilot, "P2-01")
        await pilot.press("e")
        await settle(pilot)
        window = app.screen
        assert isinstance(window, ActionFormScreen)
        await pilot.press("escape")
        await settle(pilot)
        create_action(services, {"ref": "P2-08", "title": "Run the hub's summer programme",
                                 "phase": 2})  # fmt: skip
        await pilot.press("e")
        await settle(pilot)
        assert app.screen is window
        deps = window.query_one("#depends_on", Input)
        deps.focus()
        deps.value = ""
        await type_text(pilot, "P2-08")
        await settle(pilot)
        titles = str(window.query_one("#depends-titles").render())
        assert "Run the hub's summer programme" in titles
        assert "no such action" not in titles


async def test_the_pool_s_textual_internals_are_there(app_settings) -> None:
    """The pool (tracker/ui/register/pool.py) makes its windows ahead through three Textual
    internals, for want of a public way to compose, lay out and draw a screen without showing
    it. Without one the pool falls back to making each window when opened (slow, not broken):
    this fails, by name, on the Textual upgrade that takes one away."""
    from textual.app import App
    from textual.screen import Screen

    assert callable(getattr(App, "_get_screen", None)), "App._get_screen is gone"
    assert callable(getattr(Screen, "_refresh_layout", None)), "Screen._refresh_layout is gone"
    app = create_app(app_settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await made_ahead(pilot)  # and so made through them
        for window in register(app).forms.kept.values():
            render = getattr(getattr(window, "_compositor", None), "render_update", None)
            assert callable(render), "Screen._compositor.render_update is gone"


@pytest.mark.parametrize("key", ["e", "n"])
async def test_a_window_made_ahead_is_laid_out_once_when_first_opened(
    app_settings, monkeypatch, key
) -> None:
    """Made ahead, the action window is laid out with its lists and at the size an opening
    gives it, so its first opening lays it out once, as every later one does (a widget whose
    size changes in a layout makes Textual lay the screen out again)."""
    from textual.screen import Screen

    app = create_app(app_settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await made_ahead(pilot)
        window = register(app).forms.kept["action"]
        laid_out = []
        layout = Screen._refresh_layout

        def counted(screen, *args, **kwargs):
            if screen is window:
                laid_out.append(screen)
            return layout(screen, *args, **kwargs)

        monkeypatch.setattr(Screen, "_refresh_layout", counted)
        await pilot.press(key)
        await settle(pilot)
        assert app.screen is window and window.ready
        assert len(laid_out) == 1


async def test_a_window_made_as_it_opens_is_centred_before_the_pool_has_made_any(
    app_settings,
) -> None:
    """A window made as it opens (a key pressed before the register has made its windows) is
    mounted by Textual before its style sheet is first added: its first showing restyles it,
    so it is centred (seen in CI: the new-action window top-left, when that restyle was
    skipped). Windows the pool makes have their sheet in force before they are mounted."""
    from pathlib import Path

    import tracker.ui.register as reg

    sheet = str(Path(reg.__file__).parent / "windows.tcss")
    app = create_app(app_settings)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        assert not app.stylesheet.has_source(sheet)  # no window shown or made yet
        window = ActionFormScreen(app.services, None)
        app.push_screen(window)
        await settle(pilot)
        assert app.screen is window and window.ready
        box = window.query_one("#edit-window").region
        assert box.x > 10 and box.right < 150  # centred, not at the left edge


async def test_the_windows_are_not_made_while_another_screen_is_shown(app_settings) -> None:
    """Making a window takes 50-150 ms of the app's thread: it waits while a screen other than
    the register or the dashboard shows (it would hold up that screen's first paint, and its
    keys), and is done once the register is back."""
    app = create_app(app_settings)
    async with app.run_test(size=(120, 40)) as pilot:
        while not getattr(app.made.get("dashboard"), "dashboard", None):
            await pilot.pause(0.02)
        await pilot.press("b")  # at once: before the register (built out of sight) made any
        for _ in range(60):  # 3 s on Boards: well past the register's idle build (about 1.5 s)
            await pilot.pause(0.05)
        forms = register(app).forms
        assert forms.kept == {}
        await pilot.press("a")
        for _ in range(600):  # up to 30 s (a loaded machine)
            if len(forms.kept) == 2:
                break
            await pilot.pause(0.05)
        assert set(forms.kept) == {"status-update", "action"}
