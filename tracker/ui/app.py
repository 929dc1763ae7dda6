"""The tracker app: the dashboard first, the action register one key away, and the screens other
areas register in tracker/ui/registry.py. Nothing here imports SQLAlchemy: screens read the
database in thread workers (the dashboard from its mount, beside its first frame), so the app
is interactive at once."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from tracker.config import Settings
from tracker.ui import carry_on
from tracker.ui.dashboard.screen import DashboardScreen
from tracker.ui.powers import PowersRead, RightsChanged
from tracker.ui.registry import DASHBOARD, REGISTER, SCREENS, build_screen
from tracker.ui.styles import KeptParses
from tracker.ui.widgets.handle import Services
from tracker.ui.widgets.text import show_control_characters_visibly
from tracker.ui.widgets.work import WorkFailed

if TYPE_CHECKING:
    from textual.message import Message
    from textual.message_pump import MessagePump

    from tracker.services.context import Tracker


NARROW = 100  # columns: below this a form has one column
SHORT = 34  # rows: below this screens use their compact layout
GC_YOUNG = 20_000  # allocations between young collections while the app runs (Python: 700)
WARM_DELAY = 0.5  # seconds after the register is built before SQLAlchemy is loaded (idle time)


def freeze_heap() -> None:
    """Everything made so far (textual, SQLAlchemy, the models, the screens built) lives as long
    as the app: moved out of the garbage collector's reach, a full collection no longer walks
    those 150,000-odd objects, which took 100-400 ms in the middle of a keystroke or a
    screen's first paint."""
    gc.freeze()


def _commands() -> type:
    from tracker.ui.help import TrackerCommands  # only when the palette first opens

    return TrackerCommands


class TrackerApp(App[None]):
    TITLE = "tracker"
    CSS_PATH = "app.tcss"
    # The dashboard is the mode the app starts in, composed with the app itself: started with
    # `switch_mode` from on_mount, it went through Textual's `delay_update`, which holds every
    # paint for 50 ms (a transition's mask), so its first frame came 50 ms late.
    DEFAULT_MODE = DASHBOARD
    COMMANDS = App.COMMANDS | {_commands}
    BINDINGS = [
        Binding("d", "show('dashboard')", "Dashboard", tooltip="Go to the dashboard"),
        Binding("a", "show('register')", "Actions", tooltip="Go to the action register"),
        # priority: also inside a window (a modal stops the app's other keys); a text box
        # still takes "?" as a character (Textual leaves a key a focused box consumes to it),
        # where f1 opens help instead
        Binding(
            "question_mark",
            "help",
            "Help",
            key_display="?",
            priority=True,
            tooltip="Keys of this screen or window, each with what it does",
        ),
        Binding(
            "f1",
            "help",
            "Help while typing",
            show=False,
            priority=True,
            tooltip="Help from inside a text box (where ? is typed as a character)",
        ),
        Binding("q", "quit", "Quit", tooltip="Leave tracker (everything saved is kept)"),
    ]

    def __init__(self, services: Services) -> None:
        show_control_characters_visibly()
        carry_on.install()  # an error in a handler is said, not the app closed
        super().__init__()
        self._sayer = carry_on.Sayer()
        self.stylesheet = KeptParses(variables=self.get_css_variables())  # nothing added yet
        self.services = services
        self.made: dict[str, Screen[Any]] = {}
        self._warming = False  # SQLAlchemy is being (or has been) loaded in idle time
        self._gc_thresholds = gc.get_threshold()
        # registered screens: (mode, key or None when the key is taken, title, "module:Class")
        self.registered: list[tuple[str, str | None, str, str]] = []
        self.add_mode(DASHBOARD, self._factory(DASHBOARD, lambda: DashboardScreen(services)))
        self.add_mode(REGISTER, self._factory(REGISTER, self._new_register))
        taken = {b.key for b in self._all_bindings()}
        for key, title, path in SCREENS:
            mode = f"screen:{path}"
            self.add_mode(mode, self._factory(mode, partial(build_screen, path, services)))
            free = key not in taken
            if free:
                self.bind(key, f"show({mode!r})", description=title)
                taken.add(key)
            self.registered.append((mode, key if free else None, title, path))

    def _all_bindings(self) -> list[Binding]:
        return [b for group in self._bindings.key_to_bindings.values() for b in group]

    def _factory(self, mode: str, make: Callable[[], Screen[Any]]) -> Callable[[], Screen[Any]]:
        def build() -> Screen[Any]:
            screen = self.made[mode] = make()
            return screen

        return build

    def _new_register(self) -> Screen[Any]:
        from tracker.ui.register.screen import RegisterScreen

        return RegisterScreen(self.services)

    def on_load(self) -> None:
        # a screen or a page of rows makes tens of thousands of short-lived objects: with
        # Python's default (a young collection every 700) a first paint ran 150-260 collections.
        # Set before the dashboard is composed (with the app: DEFAULT_MODE).
        self._gc_thresholds = gc.get_threshold()
        gc.set_threshold(GC_YOUNG, 20, 20)

    def on_mount(self) -> None:
        from tracker.ui.failures import use_database

        use_database(self.services.settings.database_url)  # to tell a lost server in errors
        self._fit(self.size.width, self.size.height)
        self.services.on_refusal = lambda: self.post_message(RightsChanged())  # any thread
        self.reread_powers()
        if _on_a_terminal():
            self.set_interval(1.0, self._exit_if_the_terminal_went)

    def _exit_if_the_terminal_went(self) -> None:
        # A closed terminal (tmux killed, ssh dropped) with no hang-up signal reaching us
        # (`make run`: make is the session's leader) leaves standard input at end of file, and
        # Textual's input thread then spins at a full core: quit instead, everything saved kept.
        if not _on_a_terminal():
            self.exit()

    def on_work_failed(self, message: WorkFailed) -> None:
        """A worker's error that no screen showed in its own error line: said over the screen
        the user is on (what failed, that nothing was saved, where the details were logged),
        and the app carries on (tracker/ui/widgets/work.py)."""
        self.notify(message.text, title="Something went wrong", severity="error", timeout=30)

    def carry_on(
        self, node: MessagePump | None, error: Exception, message: Message | None = None,
        what: str | None = None,
    ) -> bool:  # fmt: skip
        """An error that escaped a handler, an action, a mount, a timer or a layout: logged,
        said on the screen the user is on (`what` failed, that nothing was saved, where the
        details are), and the app carries on (tracker/ui/carry_on.py). False: Textual's own
        way (the app is closing)."""
        try:
            return carry_on.keep_running(self, self._sayer, node, error, message, what)
        except Exception:  # noqa: BLE001 - saying it failed too: Textual's own way
            return False

    def _handle_exception(self, error: Exception) -> None:
        """Textual's last resort for an error (a timer's callback, a compose, a layout, a
        worker with `exit_on_error`): said and the app kept, rather than closed. Private to
        Textual 8: pinned by tests/ui/test_app_carries_on.py."""
        from textual.worker import WorkerFailed

        cause = error.error if isinstance(error, WorkerFailed) else error
        if not isinstance(cause, Exception) or not self.carry_on(None, cause, None):
            super()._handle_exception(error)

    def reread_powers(self) -> None:
        """Read the acting account's rights (again), in a worker: at start, whenever a screen
        is shown again, and on a service's refusal (proof they changed), so that a role granted
        or revoked shows without signing in again. Until read, the old rights stay shown."""
        if not self.services.surely_unrestricted():
            self.run_worker(self._read_powers, thread=True, group="powers", exclusive=True,
                            exit_on_error=False)  # fmt: skip

    def on_rights_changed(self, _message: RightsChanged) -> None:
        self.reread_powers()

    def _read_powers(self) -> None:
        self.services.read_powers()
        self.post_message(PowersRead())

    def on_powers_read(self, message: PowersRead) -> None:
        """The account's rights are known: each screen's keys follow them from now on."""
        self.show_who()
        for screen in {*self.made.values(), *self.screen_stack}:
            screen.refresh_bindings()
            known = getattr(screen, "powers_known", None)
            if known is not None:
                known()

    def show_who(self) -> None:
        """In the header: who is signed in, and "read only: viewer" when they may change
        nothing."""
        acting = self.services.acting()
        powers = self.services.powers
        mark = powers.mark() if powers is not None else ""
        parts = [f"signed in as {acting}"] if acting else []
        self.sub_title = " · ".join([*parts, mark] if mark else parts)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        """Classes the screens' styles follow: `-narrow` below 100 columns (forms in one
        column), `-short` below 34 rows (80x24: compact layouts, forms fill the screen and
        scroll)."""
        self.set_class(width < NARROW, "-narrow")
        self.set_class(height < SHORT, "-short")

    def on_unmount(self) -> None:
        self.services.close()
        gc.set_threshold(*self._gc_thresholds)
        gc.unfreeze()  # what was frozen may be collected again (an app in a longer process)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # the footer need not offer the screen you are on
        return not (action == "show" and parameters and parameters[0] == self.current_mode)

    # -- navigation ---------------------------------------------------------------------------

    def action_show(self, mode: str) -> None:
        # a form stays open where it is (nothing typed is lost); help just closes
        if getattr(self.screen, "is_help", False):
            self.pop_screen()
        self.switch_mode(mode)

    def action_help(self) -> None:
        """Help on the screen or window in front (again, or from help: close it)."""
        from textual.command import CommandPalette

        from tracker.ui.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
        elif isinstance(self.screen, CommandPalette):
            return  # the palette has its own list (and takes typed keys)
        else:
            self.push_screen(HelpScreen(self.screen))

    def prepare_register(self) -> None:
        """Build the register while the dashboard is being read, so that `a` shows it at once.
        Building a screen (widgets, styles) takes a few hundred milliseconds of CPU; done here,
        in idle time, the first visit costs what a later one does."""
        if not getattr(self, "_running", True):
            return  # the app is closing (its screens are being closed)
        if not self._warming:
            self._warming = True
            self.set_timer(WARM_DELAY, self._warm_up)
        if REGISTER in self.made:
            return  # built already (`a` came first)
        try:
            self._init_mode(REGISTER)  # textual's own first step of switch_mode, without the switch
        except Exception:  # noqa: BLE001 - a textual change: it is then built on first visit
            return
        freeze_heap()

    def _warm_up(self) -> None:
        """The dashboard and the register read in plain SQL; every other screen's services use
        SQLAlchemy, whose first import and set-up take longer than a screen may. Done once, in
        a worker, after the dashboard shows and the register is built."""
        if getattr(self, "_running", True):
            self.run_worker(self._warm_then_freeze, thread=True, group="warm-up",
                            exit_on_error=False)  # fmt: skip

    def _warm_then_freeze(self) -> None:
        self.services.warm_up()
        self.call_from_thread(freeze_heap)

    def open_register(self, **view: Any) -> None:
        """The register showing a view: phase, status, rag, due ("overdue" | "soon"), ref."""
        self.switch_mode(REGISTER)
        from tracker.ui.register.screen import RegisterScreen

        screen = self.made[REGISTER]
        assert isinstance(screen, RegisterScreen)  # the REGISTER mode builds one
        screen.show_view(**view)

    def open_registered(self, what: str, *titles: str) -> None:
        """A registered screen by title (e.g. Boards for meetings), if one is installed."""
        for mode, _key, title, _path in self.registered:
            if any(t.lower() in title.lower() for t in titles):
                self.switch_mode(mode)
                return
        self.notify(f"The {titles[0]} screen that shows {what} is not installed yet.")

    def do_way(self, command: str) -> None:
        """Do in the app what the CLI command does (tracker/ui/tasks/palette.py)."""
        from tracker.ui.tasks.catalogue import open_task
        from tracker.ui.tasks.palette import CLI_COMMANDS, way_refusal

        way = CLI_COMMANDS[command]
        if way.task is not None:
            open_task(self, self.services, way.task)
            return
        why = way_refusal(self, command)
        if why is not None:
            self.notify(f"Not permitted: {why}.", severity="warning", timeout=8)
            return
        mode = self.mode_of(way.screen or DASHBOARD)
        if getattr(self.screen, "is_help", False):
            self.pop_screen()
        if way.action:
            self.run_on(mode, way.action)
        else:
            self.switch_mode(mode)

    def mode_of(self, screen: str) -> str:
        """The mode of "dashboard", "register" or a registered screen's title."""
        if screen in (DASHBOARD, REGISTER):
            return screen
        for mode, _key, title, _path in self.registered:
            if title == screen:
                return mode
        raise KeyError(f"no screen titled {screen!r} is registered")

    def run_on(self, mode: str, action: str) -> None:
        """Go to a screen and run one of its actions (the command palette's way in)."""
        self.switch_mode(mode)

        async def run() -> None:
            await self.made[mode].run_action(action)

        self.call_after_refresh(run)


def create_app(source: Settings | Tracker, *, ticket: str | None = None) -> TrackerApp:
    """The app on these settings (it opens the database itself, after its first paint), or on
    a Tracker already open (which it uses and leaves open).

    `ticket`: a browser session's one-time sign-in ticket (`tracker serve` hands one to each
    app process, which `tracker app` takes from TRACKER_TICKET). It is redeemed here, before
    any app exists: the app then acts as its account (and closes the database it opened for
    it); an unknown, used or expired ticket raises SignInRefused and nothing is shown. This is
    the only place a ticket is redeemed."""
    if ticket is None:
        if isinstance(source, Settings):
            return TrackerApp(Services(source))
        return TrackerApp(Services(source.settings, source))
    from tracker.services.accounts import redeem_ticket
    from tracker.services.context import open_tracker

    settings = source if isinstance(source, Settings) else source.settings
    tracker = open_tracker(settings)
    try:
        tracker.act_as(redeem_ticket(tracker, ticket))
    except BaseException:
        tracker.close()
        raise
    return TrackerApp(Services(settings, tracker, owned=True))


def _on_a_terminal() -> bool:
    """Standard input is a terminal that is still there (a hung-up one answers as not one)."""
    try:
        return os.isatty(0)
    except OSError:
        return False
