"""Everything is discoverable: the help screen (?) and the command palette (ctrl+p) list every
screen, including those registered by other areas, and every action of every screen."""

from __future__ import annotations

import pytest
from textual.command import CommandPalette
from ui_helpers import register, screen_text, settle, table_refs, type_text

from tracker.ui.app import TrackerApp, create_app
from tracker.ui.dashboard.screen import DashboardScreen
from tracker.ui.help import HelpScreen, TrackerCommands, bindings_of, catalogue
from tracker.ui.register.changes import ConflictScreen
from tracker.ui.register.edit import ActionFormScreen
from tracker.ui.register.filters import PickScreen
from tracker.ui.register.modals import CancelActionScreen, SortScreen, StatusUpdateScreen
from tracker.ui.register.screen import RegisterScreen
from tracker.ui.registry import SCREENS

SIZE = (120, 40)
pytestmark = pytest.mark.asyncio
MINE = (DashboardScreen, RegisterScreen, StatusUpdateScreen, ActionFormScreen,
        CancelActionScreen, SortScreen, ConflictScreen, PickScreen)  # fmt: skip


async def test_help_lists_every_screen_and_key(app_settings) -> None:
    app = create_app(app_settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app.screen)
        for cls in (*MINE, TrackerApp):
            for binding in bindings_of(cls):
                assert binding.description in text, (cls.__name__, binding.description)
                if binding.tooltip:
                    assert binding.tooltip in text
        for _key, title, _path in SCREENS:
            assert title in text
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)


async def test_palette_offers_every_action_of_every_screen(app_settings) -> None:
    app = create_app(app_settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        provider = TrackerCommands(app.screen)
        names = [name for name, _help, _run in provider._commands()]
        sections = {s.title: s for s in catalogue(app)}
        for title in ("Dashboard", "Action register"):
            for command in sections[title].commands:
                assert f"{title}: {command.detail or command.description}" in names
        for _key, title, _path in SCREENS:
            assert f"Go to {title}" in names


async def test_palette_runs_a_register_action_from_the_dashboard(app_settings) -> None:
    app = create_app(app_settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        await type_text(pilot, "only overdue")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is register(app)
        assert table_refs(app) == ["P1-03", "P2-02"]


async def test_help_starts_with_the_keys_of_the_screen_it_was_asked_on(app_settings) -> None:
    from tracker.ui.boards.screen import BoardsScreen

    app = create_app(app_settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        text = screen_text(app.screen)
        assert "Help: Boards" in text
        here = text.index("On this screen: Boards")
        assert here < text.index("Everywhere")  # the screen's own keys come first
        for binding in bindings_of(BoardsScreen):  # each key with what it does
            assert binding.description in text and binding.tooltip in text
        assert "Close the selected item for good" in text  # what a shared key means


def screen_classes() -> list[type]:
    from tracker.ui.registry import import_screen

    return [DashboardScreen, RegisterScreen, *(import_screen(path) for _k, _t, path in SCREENS)]


@pytest.mark.filterwarnings("ignore:The test <Function")
def test_a_key_means_the_same_thing_on_every_screen_and_window() -> None:
    """A key bound with different meanings on two screens or windows is one of help's shared
    keys (KEY_MEANINGS) and each one's word for it is in that one meaning; no screen takes a key
    the app binds everywhere. (The app's letter keys do not reach inside a window, a modal
    screen, so a window may use them: d discards in the discard window.)"""
    from tracker.ui.help import KEY_MEANINGS, key_name

    everywhere = {b.key for b in bindings_of(TrackerApp)} | {k for k, _t, _p in SCREENS}
    shared = {k for key in KEY_MEANINGS for k in key.replace("-", " ").split()}
    users: dict[str, list[str]] = {}
    for cls in screen_classes():
        for binding in bindings_of(cls):
            assert binding.key not in everywhere, (cls.__name__, binding.key)
            users.setdefault(key_name(binding), []).append(binding.description)
    windows = [*_windows(), HelpScreen]
    assert len(windows) > 20  # every window, not none found
    for cls in windows:
        for binding in bindings_of(cls):
            users.setdefault(key_name(binding), []).append(binding.description)
    meaning = {k: m.lower() for key, m in KEY_MEANINGS.items() for k in
               key.replace("-", " ").split()}  # fmt: skip
    for key, words in users.items():
        if len(set(words)) < 2:  # one meaning wherever it is bound
            continue
        if key.isdigit():  # the numbered parts of a screen, the numbered choices of a window
            assert "1-5" in KEY_MEANINGS
            continue
        assert key in shared, f"{key!r} means different things: {sorted(set(words))}"
        for word in words:
            first = word.split()[0].lower().strip(":,")
            assert first in meaning[key], f"{key!r}: {word!r} is not {meaning[key]!r}"


async def test_question_mark_in_a_window_shows_that_window_s_keys(app_settings) -> None:
    """? from inside a window (a modal screen, which stops the app's other keys) shows that
    window's keys first, each with what it does; esc goes back to the window as it was. In a
    text box ? is typed, and f1 opens help instead."""
    from textual.widgets import TextArea

    app = create_app(app_settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        window = app.screen
        assert isinstance(window, StatusUpdateScreen)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app.screen)
        assert "Help: Status update window" in text
        assert text.index("On this screen: Status update window") < text.index("Everywhere")
        for binding in bindings_of(StatusUpdateScreen):
            assert binding.description in text and binding.tooltip in text
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is window
        note = window.query_one("#note", TextArea)
        note.focus()
        await pilot.pause()
        await pilot.press("question_mark")  # typed: a question in the commentary
        await settle(pilot)
        assert app.screen is window and note.text == "?"
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert "Help: Status update window" in screen_text(app.screen)
        await pilot.press("question_mark")  # ? again closes help
        await settle(pilot)
        assert app.screen is window and note.text == "?"


def _windows() -> list[type]:
    """Every window (modal screen) the app's own modules define."""
    import importlib
    import pkgutil

    from textual.screen import ModalScreen

    import tracker.ui

    for info in pkgutil.walk_packages(tracker.ui.__path__, "tracker.ui."):
        importlib.import_module(info.name)
    found, todo = [], list(ModalScreen.__subclasses__())
    while todo:
        cls = todo.pop()
        todo += cls.__subclasses__()
        mine = cls.__module__.startswith("tracker.ui.") and cls is not HelpScreen
        if mine and not cls.__subclasses__():  # a base (FormScreen) is shown as its windows
            found.append(cls)
    return found


@pytest.mark.filterwarnings("ignore:The test <Function")
def test_every_window_is_in_help_and_every_key_says_what_it_does() -> None:
    """Help has a section for each window (so ? inside it starts with its keys), and every key
    of every screen and window comes with what it does, not only its name."""
    from types import SimpleNamespace

    app = SimpleNamespace(registered=[(f"screen:{p}", k, t, p) for k, t, p in SCREENS])
    sections = catalogue(app)
    for cls in _windows():
        if not bindings_of(cls):
            continue
        assert any(
            s.commands
            and s.commands[0].window is not None
            and issubclass(cls, s.commands[0].window)
            for s in sections
        ), f"{cls.__name__} has no section in help (tracker/ui/help.py catalogue)"
    vague = [(s.title, c.key, c.description) for s in sections for c in s.commands
             if not c.detail]  # fmt: skip
    assert not vague, f"keys with no tooltip saying what they do: {vague}"


async def test_a_note_in_help_reads_as_a_sentence_at_80_columns(app_settings) -> None:
    """A note ("enter: open the highlighted item ...") takes the width of the key's name and
    description both: it wrapped a word or two a line in the name's column."""
    import io

    from rich.console import Console

    app = create_app(app_settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        lines: list[str] = []
        for widget in app.screen.query("#help-body Static"):
            console = Console(width=widget.content_region.width, file=io.StringIO(), record=True)
            console.print(widget.content)
            lines += console.export_text().splitlines()
        # the dashboard's own keys come first
        enter = next(n for n in lines if n.lstrip().startswith("enter") and "highlighted" in n)
        assert "Open the highlighted item: an action in the register" in enter
        assert any(n.lstrip().startswith("click") and "The same with the mouse" in n for n in lines)
