"""An error outside a worker (a key's action, a screen's handler, a window's mount, a layout,
the command palette's list) no longer closes the app: the screen the user is on says what
failed, that nothing was saved and where the details are; the traceback is in the app's log;
the screen still answers its keys, and what was typed is still there (tracker/ui/carry_on.py).
Under Pilot the error still fails the test when the app closes (`App.run_test` raises it): each
test here provokes one on purpose, and `provoking` (ui_helpers) checks it is that one and takes
it back."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from textual.app import App
from textual.command import CommandPalette
from textual.message_pump import MessagePump
from textual.widgets import Input, Static
from ui_helpers import provoking, register, row_text, select_row, settle, table_refs, type_text

from tracker.config import Settings
from tracker.services.actions.detail import get_action
from tracker.services.context import open_tracker
from tracker.ui import carry_on
from tracker.ui.app import create_app
from tracker.ui.dashboard.screen import DashboardScreen
from tracker.ui.register.edit import ActionFormScreen
from tracker.ui.register.modals import SortScreen

pytestmark = pytest.mark.asyncio


@pytest.fixture(autouse=True)
def app_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app's log in the test's own folder (never the user's ~/.local/state)."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    return tmp_path / "state" / "tracker" / "app.log"


def told(app: App[None]) -> str:
    return " ".join(" ".join(str(n.message) for n in app._notifications).split())


async def test_a_window_too_narrow_to_lay_out_is_said_and_the_app_carries_on(
    app_settings: Settings, app_log: Path
) -> None:
    """A real failure, in Textual itself: the sort window's option list laid out 3 columns wide
    divides by zero (Textual 8.2). The app used to close; now it says so, the search typed
    beforehand is still there, and once the terminal is wide again the window is usable."""
    app = create_app(app_settings)
    async with provoking(app, ValueError, "range() arg 3") as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "hub")
        await settle(pilot)
        found = table_refs(app)
        register(app).query_one("#actions").focus()
        await pilot.resize_terminal(3, 24)
        await pilot.press("s")
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, SortScreen)
        said = told(app)
        assert "something went wrong that tracker did not expect (ValueError" in said
        assert "Nothing was saved" in said and str(app_log) in said
        logged = app_log.read_text(encoding="utf-8")
        assert "Traceback" in logged and "range() arg 3 must not be zero" in logged
        await pilot.resize_terminal(100, 30)
        await settle(pilot)
        await pilot.press("escape")  # the window answers its keys
        await settle(pilot)
        assert app.screen is register(app)
        assert register(app).query_one("#search", Input).value == "hub"
        assert table_refs(app) == found
        await pilot.press("s")  # and opens again, wide enough now
        await settle(pilot)
        assert isinstance(app.screen, SortScreen)


async def test_a_key_whose_action_fails_says_so_in_the_window_and_keeps_what_was_typed(
    app_settings: Settings, monkeypatch: pytest.MonkeyPatch, app_log: Path
) -> None:
    """ctrl+s in the action form runs in the app's own message loop: its error used to close
    the app with the typed changes. Now the form's error line says what failed, nothing is
    saved, the typed date is kept, and saving again (the fault gone) saves it."""
    t = open_tracker(app_settings)
    before = get_action(t, "P2-04")
    app = create_app(app_settings)
    reading = ActionFormScreen.form_values

    def broken(self: ActionFormScreen) -> dict[str, object]:
        raise RuntimeError("the form's fields could not be read")

    try:
        async with provoking(app, RuntimeError, "fields could not be read") as pilot:
            await settle(pilot)
            await pilot.press("a")
            await settle(pilot)
            await select_row(pilot, "P2-04")
            await pilot.press("e")
            await settle(pilot)
            window = app.screen
            assert isinstance(window, ActionFormScreen)
            due = window.query_one("#due", Input)
            due.focus()
            due.value = ""
            await type_text(pilot, "31/07/2026")
            monkeypatch.setattr(ActionFormScreen, "form_values", broken)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert app.is_running and app.screen is window
            said = str(window.query_one("#form-error", Static).render())
            assert said.startswith("Could not do “Save” (key ^s): something went wrong")
            assert "RuntimeError: the form's fields could not be read" in said
            assert "Nothing was saved" in said and str(app_log) in said
            assert due.value == "31/07/2026"
            assert get_action(t, "P2-04").version == before.version
            monkeypatch.setattr(ActionFormScreen, "form_values", reading)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert app.screen is register(app)
            assert "31 Jul 26" in row_text(app, "P2-04")
        assert "could not do “Save” (key ^s)" in app_log.read_text(encoding="utf-8")
        assert get_action(t, "P2-04").version == before.version + 1
    finally:
        t.close()


async def test_a_screen_whose_handler_fails_still_answers_its_keys(
    app_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The register's handler of a page of rows fails (in the screen's own message loop, which
    Textual stopped for good: the screen no longer passed a key on). Now it is said, and the
    keys still work through the screen: `d` from the table goes to the dashboard."""
    import tracker.ui.register.screen as screen_module

    cells = screen_module.row_cells

    def broken(row: object) -> object:
        raise LookupError("no cell for this row")

    app = create_app(app_settings)
    async with provoking(app, LookupError, "no cell") as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        register(app).query_one("#actions").focus()
        monkeypatch.setattr(screen_module, "row_cells", broken)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert app.is_running and app.screen is register(app)
        assert "LookupError: no cell for this row" in told(app)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        monkeypatch.setattr(screen_module, "row_cells", cells)
        await pilot.press("a")
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert "P2-04" in table_refs(app)


async def test_a_timer_whose_callback_fails_is_said_and_the_screen_goes_on(
    app_settings: Settings, monkeypatch: pytest.MonkeyPatch, app_log: Path
) -> None:
    """The register reads an action's detail once the cursor rests (a timer): its callback's
    error reaches Textual's last resort (`App._handle_exception`), which closed the app."""
    from tracker.ui.register.screen import RegisterScreen

    def broken(self: RegisterScreen, ref: str) -> None:
        self._detail_timer = None
        raise OSError(f"the detail of {ref} could not be read")

    monkeypatch.setattr(RegisterScreen, "_rested", broken)
    app = create_app(app_settings)
    async with provoking(app, OSError, "could not be read") as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await select_row(pilot, "P2-04")
        await settle(pilot)
        assert app.is_running and app.screen is register(app)
        assert "OSError: the detail of P2-04 could not be read" in told(app)
        assert "the detail of P2-04" in app_log.read_text(encoding="utf-8")
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)


@pytest.mark.parametrize("step", ["compose", "on_mount"])
async def test_a_screen_that_fails_to_open_is_said_and_the_others_still_open(
    app_settings: Settings, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    """Its compose (which Textual catches itself, then closes the app) or its mount."""
    from tracker.ui.boards.screen import BoardsScreen

    def broken(self: BoardsScreen) -> None:
        raise AttributeError("the boards' tree is missing")

    monkeypatch.setattr(BoardsScreen, step, broken)
    app = create_app(app_settings)
    async with provoking(app, AttributeError, "boards' tree") as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert app.is_running
        assert "something went wrong that tracker did not expect (AttributeError" in told(app)
        await pilot.press("a")
        await settle(pilot)
        assert app.screen is register(app) and table_refs(app)


async def test_a_command_list_that_fails_is_said_and_the_palette_still_works(
    app_settings: Settings, monkeypatch: pytest.MonkeyPatch, app_log: Path
) -> None:
    """Textual only logs a command provider's error to its devtools (the palette just lacks
    the app's commands): now it is said and logged, and Textual's own commands still run."""
    import tracker.ui.help as help_module

    def broken(app: object) -> object:
        raise TypeError("a screen's keys could not be listed")

    monkeypatch.setattr(help_module, "catalogue", broken)
    app = create_app(app_settings)
    async with provoking(app, TypeError, "could not be listed") as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "keys")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        assert "Could not list the app's commands: something went wrong" in told(app)
        assert "a screen's keys could not be listed" in app_log.read_text(encoding="utf-8")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)


async def test_a_palette_command_whose_action_fails_is_said_and_the_register_goes_on(
    app_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A screen's action run from the palette runs after the screen is shown (Textual's
    call_after_refresh, flushed outside any message's dispatch)."""
    from tracker.ui.register.screen import RegisterScreen

    def broken(self: RegisterScreen) -> None:
        raise IndexError("no overdue view")

    monkeypatch.setattr(RegisterScreen, "action_toggle_overdue", broken)
    app = create_app(app_settings)
    async with provoking(app, IndexError, "no overdue view") as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "only overdue")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is register(app)
        assert "IndexError: no overdue view" in told(app)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)


async def test_a_suggester_that_fails_is_said_and_typing_goes_on(
    app_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The action form's "depends on" field completes refs in a worker of Textual's own input
    (made to close the app on an error): said instead, and what is typed is kept."""
    from tracker.ui.register.edit import RefSuggester

    async def broken(self: RefSuggester, value: str) -> str | None:
        raise KeyError(value)

    monkeypatch.setattr(RefSuggester, "get_suggestion", broken)
    app = create_app(app_settings)
    async with provoking(app, KeyError, "'P'") as pilot:  # its first key, P
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await select_row(pilot, "P2-04")
        await pilot.press("e")
        await settle(pilot)
        window = app.screen
        assert isinstance(window, ActionFormScreen)
        field = window.query_one("#depends_on", Input)
        field.focus()
        field.value = ""
        await type_text(pilot, "P1")
        await settle(pilot)
        assert app.is_running and app.screen is window
        said = str(window.query_one("#form-error", Static).render())
        assert "KeyError: 'P1'" in said
        await type_text(pilot, "-03")
        await settle(pilot)
        assert field.value == "P1-03"


async def test_another_textual_app_still_closes_on_an_error(app_settings: Settings) -> None:
    """The wrapped dispatch leaves an app without `carry_on` to Textual: it closes, and Pilot
    raises the error."""
    create_app(app_settings)  # installs the wrapper, as the tracker's app does

    class Plain(App[None]):
        BINDINGS = [("x", "boom", "Boom")]

        def action_boom(self) -> None:
            raise ZeroDivisionError("plain")

    app = Plain()
    with pytest.raises(ZeroDivisionError):
        async with app.run_test() as pilot:
            await pilot.press("x")
            await pilot.pause()
            assert not app.is_running or app._exit


@pytest.mark.filterwarnings("ignore::pytest.PytestWarning")
def test_the_textual_hooks_that_carry_on_depends_on_are_still_there() -> None:
    """Pins the private parts of Textual 8 that tracker/ui/carry_on.py wraps or overrides: when
    this fails, Textual has changed how it handles a handler's error; read carry_on.py again."""
    loop = inspect.getsource(MessagePump._process_messages_loop)
    assert "await self._dispatch_message(message)" in loop
    assert "await self._flush_next_callbacks()" in loop
    assert "self.app._handle_exception(error)" in loop
    carry_on.install()
    assert MessagePump._dispatch_message is carry_on._dispatch_message
    assert MessagePump._flush_next_callbacks is carry_on._flush_next_callbacks
    assert carry_on._textual_dispatch is not None and carry_on._textual_flush is not None
    assert "_handle_exception" in App.__dict__
    assert list(inspect.signature(App._handle_exception).parameters) == ["self", "error"]
    run_test = inspect.getsource(App.run_test)
    assert "raise self._exception" in run_test  # how Pilot surfaces the error kept for it
    for name in ("_exception", "_exit", "_closing", "_closed"):
        assert hasattr(App(), name), name
