"""Help (?) and the command palette (ctrl+p), both read from the catalogue of everything the
app can do (tracker/ui/catalogue.py). What the acting account may not do stays listed, so that
people find it, marked "not permitted" with the reason (as the footer hides or dims it)."""

from __future__ import annotations

from functools import partial
from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from tracker.ui.catalogue import (
    INTRO,
    KEY_MEANINGS,
    KEY_NAMES,
    Command,
    Section,
    bindings_of,
    catalogue,
    command_refusal,
    key_name,
)

__all__ = [
    "INTRO", "KEY_MEANINGS", "KEY_NAMES", "Command", "HelpScreen", "Section", "TrackerCommands",
    "bindings_of", "catalogue", "command_refusal", "key_name",
]  # fmt: skip


class HelpScreen(ModalScreen[None]):
    is_help = True
    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        background: $background 60%;
    }
    #help {
        width: 90%;
        min-width: 80;
        max-width: 140;
        height: 90%;
        min-height: 24;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    #help-title {
        text-style: bold;
        background: $primary;
        padding: 0 1;
        margin-bottom: 1;
    }
    """
    BINDINGS = [
        Binding("escape", "close", "Close help"),
        Binding("question_mark", "close", "Close help", show=False),
        Binding("q", "close", "Close help", show=False),
    ]

    def __init__(self, under: Screen[Any] | None = None) -> None:
        super().__init__()
        self.under = under  # the screen (or window) help was asked on

    def current(self, sections: list[Section]) -> Section | None:
        """The section of the screen or window under help."""
        under = self.under
        if under is None:
            return None
        mode = getattr(self.app, "current_mode", None)
        for section in sections[1:]:  # the first is "Everywhere"
            first = section.commands[0] if section.commands else None
            if first is None:
                continue
            if first.window is not None and isinstance(under, first.window):
                return section
            if first.window is None and first.mode == mode and not isinstance(under, ModalScreen):
                return section
        return None

    def compose(self) -> ComposeResult:
        sections = catalogue(self.app)
        here = self.current(sections)
        with Vertical(id="help"):
            title = f"Help: {here.title}" if here else "Help: keys and commands"
            yield Static(f"{title}   (esc closes)", id="help-title")
            with VerticalScroll(id="help-body", can_focus=True):
                if here is not None:
                    yield Static(self._table(here, "On this screen: " + here.title))
                yield Static(self._table(sections[0], "Everywhere"))
                yield Static(
                    Text(
                        "\nThe same key means the same thing on every screen and window:",
                        style="bold",
                    )
                )
                yield Static(self._meanings())
                yield Static("\n" + INTRO + "\n")
                for section in sections[1:]:
                    if section is not here:
                        yield Static(self._table(section))

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def _meanings(self) -> Table:
        table = Table(show_header=False, box=None, padding=(0, 2), expand=True)
        table.add_column("key", style="bold", width=10, no_wrap=True)
        table.add_column("what", ratio=1)
        for key, meaning in KEY_MEANINGS.items():
            table.add_row(key, meaning)
        return table

    def _table(self, section: Section, title: str | None = None) -> Table | Group:
        table = Table(title=title or section.title, title_justify="left", title_style="bold",
                      show_header=False, box=None, padding=(0, 2), expand=True)  # fmt: skip
        table.add_column("key", style="bold", width=10, no_wrap=True)
        table.add_column("what", ratio=1)
        table.add_column("detail", style="dim", ratio=2)
        for c in section.commands:
            why = command_refusal(self.app, c)
            if why is None:
                table.add_row(c.key, c.description, c.detail)
            else:  # listed, so that people find it, and marked as the palette marks it
                table.add_row(
                    Text(c.key, style="dim"),
                    Text.assemble((c.description, "dim"), (f" (not permitted: {why})", "italic")),
                    c.detail,
                )
        if not section.notes:
            return table
        # a note is a sentence, not a command's name: it takes the width of both columns (in
        # the name column alone it wrapped a word or two a line at 80 columns)
        notes = Table(show_header=False, box=None, padding=(0, 2), expand=True)
        notes.add_column("key", style="bold", width=10, no_wrap=True)
        notes.add_column("what", ratio=1)
        for how, what in section.notes:
            notes.add_row(Text(how, style="italic"), what)
        return Group(table, notes)

    def action_close(self) -> None:
        self.dismiss(None)


class TrackerCommands(Provider):
    """Every screen and every action of every screen, by name. A screen's action runs on that
    screen (going there first); a window's actions are offered while the window is open."""

    def _commands(self) -> list[tuple[str, str, Any]]:
        app: Any = self.app
        current: Screen[Any] = self.screen
        out: list[tuple[str, str, Any]] = [
            ("Go to the dashboard", "The strategy, its phases and what needs attention",
             partial(app.switch_mode, "dashboard")),
            ("Go to the action register", "Find, filter and update actions",
             partial(app.switch_mode, "register")),
            ("Help: keys and commands", "Everything the app can do", app.action_help),
        ]  # fmt: skip
        for mode, _key, title, _path in app.registered:
            out.append(
                (f"Go to {title}", f"Open the {title} screen", partial(app.switch_mode, mode))
            )
        from tracker.ui.tasks.palette import CLI_COMMANDS, way_refusal

        for command, way in CLI_COMMANDS.items():
            why = way_refusal(app, command)
            if why is not None:
                out.append(self._refused(way.words, why))
                continue
            out.append((way.words, f"tracker {command}", partial(app.do_way, command)))
        for section in catalogue(app):
            for c in section.commands:
                if c.window is not None:
                    if isinstance(current, c.window):
                        run = partial(self._run_here, current, c.action)
                        out.append((f"{section.title}: {c.detail or c.description}",
                                    f"key {c.key}", run))  # fmt: skip
                    continue
                name = f"{section.title}: {c.detail or c.description}"
                if c.mode is None:
                    run = partial(self._run_here, app, c.action)
                elif (why := command_refusal(app, c)) is not None:
                    out.append(self._refused(name, why))
                    continue
                else:
                    run = partial(app.run_on, c.mode, c.action)
                out.append((name, f"key {c.key}", run))
        return out

    def _refused(self, name: str, why: str) -> tuple[str, str, Any]:
        """Listed, so that people find it, but marked, and saying why instead of doing it."""
        from textual.markup import escape

        said = f"Not permitted: {why}."
        return (f"{name} (not permitted)", escape(said),
                partial(self.app.notify, said, severity="warning", timeout=8))  # fmt: skip

    def _run_here(self, target: Any, action: str) -> None:
        self.app.call_later(target.run_action, action)

    def _listed(self) -> list[tuple[str, str, Any]]:
        """The commands; none, said and logged, if listing them fails (Textual would only log
        a provider's error to its devtools, and the palette would just lack them)."""
        try:
            return self._commands()
        except Exception as error:  # noqa: BLE001 - said by the app, which carries on
            app: Any = self.app
            if not app.carry_on(self.screen, error, what="list the app's commands"):
                raise
            return []

    async def discover(self) -> Hits:
        for name, help_text, run in self._listed():
            yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, run in self._listed():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, help=help_text)
