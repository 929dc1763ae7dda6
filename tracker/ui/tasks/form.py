"""One window for every job the app does on a form of a few fields (schedule a meeting, raise an
escalation, record a reading, export a sheet ...): the fields come from a `Task` (what to ask,
which service to call), the choices are read in a worker, the service runs in a worker, and a
refusal is shown under the field it names. A task with a check (`preview`) shows what would
happen, storing nothing, before it is done for real."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Select, Static, TextArea

from tracker.ui.refusals import problem_text, said
from tracker.ui.register.changes import DiscardScreen
from tracker.ui.register.form import unselected
from tracker.ui.tasks.messages import ChoiceFollowed, ChoicesRead, TaskDone, TaskRefused
from tracker.ui.tasks.task import Ask, Done, Options, Task
from tracker.ui.widgets.dates import DATE_HINT, DateInput, typed
from tracker.ui.widgets.field import Field
from tracker.ui.widgets.handle import Services
from tracker.ui.widgets.paths import FILE_HINT, PathSuggester
from tracker.ui.widgets.progress import TaskProgressed, progress_reporter
from tracker.ui.widgets.tick import TickBox
from tracker.ui.widgets.work import WorkFailed, work

if TYPE_CHECKING:
    from tracker.errors import Problem


class TaskResult(Static):
    """What the job did, last in the window's body: brought into view whole once laid out with
    its new lines (scrolling at once would stop at its first line, the rest below the fold)."""

    wanted = False

    def show_whole(self) -> None:
        self.wanted = True
        self.call_after_refresh(self.scroll_visible, animate=False)

    def on_resize(self) -> None:
        if self.wanted:
            self.scroll_visible(animate=False)


class TaskScreen(ModalScreen[Any]):
    CSS_PATH = "../register/windows.tcss"
    BINDINGS = [
        Binding("ctrl+s", "run(False)", "Do it", tooltip="Check and do it; problems show in red"),
        Binding("ctrl+t", "run(True)", "Check only", tooltip="What would happen; nothing stored"),
        Binding("escape", "close", "Close", tooltip="Close the window (asks if anything typed)"),
    ]

    def __init__(self, services: Services, task: Task, **given: Any) -> None:
        super().__init__()
        self.services = services
        self.job = task
        self.given = given  # values to start from (e.g. the board the Boards screen shows)
        self.options: dict[str, Options] = {}
        self.ready = False
        self.busy = False
        self.start: dict[str, Any] = {}  # values as the window opened (or as last done)
        # what a choice brought that is not shown (its "_" names: the version the form was
        # filled from), given back to the task so that a change made meanwhile is refused
        self.kept: dict[str, Any] = {}
        self.kept_from: str | None = None
        self.result: Done | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="task-window", classes="window -fill"):
            yield Static(self.job.title, classes="window-title")
            yield Static(self.job.intro, classes="window-text")
            with VerticalScroll(classes="window-body", id="task-body"):
                for ask in self.job.asks:
                    label = "" if ask.kind == "check" else ask.label  # the box says it
                    yield Field(label, self._widget(ask), ask.name, hint=ask.hint)
                yield TaskResult("", id="task-result")
            yield Static("", id="form-error", classes="error")
            with Horizontal(classes="buttons"):
                if self.job.preview:
                    yield Button(" Check only (ctrl+t) ", id="check", compact=True)
                yield Button(f" {self.job.verb}  (ctrl+s) ", id="run", variant="primary",
                             compact=True)  # fmt: skip
                yield Button(" Close  (esc) ", id="close", compact=True)

    def _widget(self, ask: Ask) -> Any:
        wid = f"ask-{ask.name}"
        if ask.kind == "long":
            return TextArea(str(ask.default or ""), id=wid, soft_wrap=True, compact=True,
                            classes="task-long")  # fmt: skip
        if ask.kind == "check":
            return TickBox(ask.label, bool(ask.default), id=wid, compact=True)
        if ask.kind == "choice":
            fixed = ask.options if isinstance(ask.options, list) else []
            return Select(fixed, prompt=ask.placeholder or "choose", id=wid, compact=True)
        if ask.kind == "date":
            return DateInput(ask.default, placeholder=ask.placeholder or DATE_HINT, id=wid,
                             compact=True)  # fmt: skip
        if ask.hint == FILE_HINT:
            return Input(str(ask.default or ""), placeholder=ask.placeholder, id=wid,
                         compact=True, suggester=PathSuggester())  # fmt: skip
        return Input(str(ask.default or ""), placeholder=ask.placeholder, id=wid, compact=True,
                     type="integer" if ask.kind == "number" else "text",
                     password=ask.kind == "password")  # fmt: skip

    # -- reading the choices ------------------------------------------------------------------

    def on_mount(self) -> None:
        unselected(self)
        self.query_one("#form-error").display = False
        if self.job.preview:
            self.query_one("#check").display = True
        sources = {a.name: a.options for a in self.job.asks if isinstance(a.options, str)
                   and a.options}  # fmt: skip
        if sources:
            self._read(sources)
        else:
            self._filled()

    @work("read the choices for this job", group="task-read")
    def _read(self, sources: dict[str, str]) -> None:
        from tracker.ui.tasks.choices import read_options

        try:
            options = read_options(self.services.tracker(), sources, self._keeps())
        except Exception as exc:  # noqa: BLE001 - said in the window, not a traceback
            self.post_message(TaskRefused([], said(exc)))
            return
        self.post_message(ChoicesRead(options))

    def _keeps(self) -> Callable[[str], bool] | None:
        """For a job that needs a right on a board or committee: which ones its lists offer
        (those the acting account has the right on); None: all (the services still refuse).
        Runs in the worker: reads the rights if the app has not yet."""
        from tracker.services.accounts.permissions import RULES
        from tracker.ui.powers import TASK_RIGHTS

        what = TASK_RIGHTS.get(self.job.key)
        scope = RULES[what].scope if what is not None else "any"
        if (
            what is None
            or scope not in ("board", "committee", "body")
            or self.services.surely_unrestricted()
        ):
            return None
        powers = self.services.powers or self.services.read_powers()
        kind = "committee" if scope == "committee" else "board"
        return lambda code: powers.may(what, **{kind: code}) is None

    def on_choices_read(self, message: ChoicesRead) -> None:
        if not self.is_attached:
            return
        for name, options in message.options.items():
            self.query_one(f"#ask-{name}", Select).set_options(options)
        self._filled()

    def _filled(self) -> None:
        for ask in self.job.asks:
            value = self.given.get(ask.name, ask.default)
            if value is not None and ask.kind == "choice":
                # a value not among the options is left to choose
                with contextlib.suppress(Exception):
                    self.query_one(f"#ask-{ask.name}", Select).value = value
            elif value is not None and ask.kind not in ("check", "long"):
                self.query_one(f"#ask-{ask.name}", Input).value = typed(value)
        self.start = self.values()
        self.ready = True
        # the cursor in the first field still to fill in (the board may be given already)
        empty = [a.name for a in self.job.asks if self.start.get(a.name) in (None, "")]
        first = empty[0] if empty else (self.job.asks[0].name if self.job.asks else None)
        if first is not None:
            self.query_one(f"#ask-{first}").focus()

    # -- what a choice brings with it ----------------------------------------------------------

    @on(Select.Changed)
    def _chosen(self, event: Select.Changed) -> None:
        name = (event.select.id or "").removeprefix("ask-")
        if self.ready and self.job.follow is not None and name:
            self._follow(name, self.values())

    @work("read what that choice brings with it", exclusive=True, group="task-follow")
    def _follow(self, name: str, values: dict[str, Any]) -> None:
        assert self.job.follow is not None
        try:
            options, filled = self.job.follow(self.services.tracker(), name, values)
        except Exception as exc:  # noqa: BLE001 - said in the window, not a traceback
            self.post_message(TaskRefused([], said(exc)))
            return
        self.post_message(ChoiceFollowed(options, filled, name))

    def on_choice_followed(self, message: ChoiceFollowed) -> None:
        if not self.is_attached:
            return
        for name, options in message.options.items():
            chooser = self.query_one(f"#ask-{name}", Select)
            chooser.prompt = "choose" if options else "none to choose from"  # before the options
            chooser.set_options(options)
        kinds = {a.name: a.kind for a in self.job.asks}
        shown = {k: v for k, v in message.values.items() if not k.startswith("_")}
        if message.values:  # a record was read (not a choice that brings nothing, as direction)
            self.kept = {k: v for k, v in message.values.items() if k.startswith("_")}
            self.kept_from = message.choice
        for name, value in shown.items():
            widget = self.query_one(f"#ask-{name}")
            if isinstance(widget, Select):
                if value is None:
                    widget.clear()
                else:
                    with contextlib.suppress(Exception):
                        widget.value = value
            elif isinstance(widget, Input):
                widget.value = typed(value) if kinds[name] == "date" else str(value or "")
                widget.cursor_position = len(widget.value)
        now = self.values()  # what was filled in is where the user starts, not a change
        self.start.update({k: now[k] for k in (*message.options, *shown)})

    # -- values --------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for ask in self.job.asks:
            widget = self.query_one(f"#ask-{ask.name}")
            if isinstance(widget, Select):
                out[ask.name] = None if widget.value is Select.NULL else widget.value
            elif isinstance(widget, Checkbox):
                out[ask.name] = widget.value
            elif isinstance(widget, TextArea):
                out[ask.name] = widget.text.strip()
            elif isinstance(widget, Input):
                out[ask.name] = widget.value if ask.kind == "password" else widget.value.strip()
        return out

    def unsaved(self) -> dict[str, Any]:
        if not self.ready:
            return {}
        now = self.values()
        return {k: v for k, v in now.items() if self.start.get(k) != v}

    # -- doing it ------------------------------------------------------------------------------

    def action_run(self, check: bool) -> None:
        if self.busy or not self.ready or (check and not self.job.preview):
            return
        self.busy = True
        self.show_problems([], "")
        self.query_one("#task-result", Static).update(Text("Working…", style="dim"))
        self._run({**self.values(), **self.kept}, check)

    @work("run this job", group="task-run", saves=True)
    def _run(self, values: dict[str, Any], check: bool) -> None:
        from tracker.errors import InvalidInput, TrackerError

        try:
            t = self.services.tracker()
            if self.job.reports:
                done = self.job.run(t, values, check, progress=self._reporter())
            else:
                done = self.job.run(t, values, check)
        except InvalidInput as exc:
            self.post_message(TaskRefused(exc.problems))
        except TrackerError as exc:
            self.post_message(TaskRefused([], said(exc)))
        else:
            self.post_message(TaskDone(done))

    def _reporter(self) -> Callable[[str, int, int | None], None]:
        return progress_reporter(self.post_message)

    def on_task_progressed(self, message: TaskProgressed) -> None:
        if self.busy and self.is_attached:
            self.query_one("#task-result", Static).update(Text(message.describe(), style="dim"))

    def on_task_done(self, message: TaskDone) -> None:
        self.busy = False
        if not self.is_attached:
            return
        self.result = message.done
        result = self.query_one("#task-result", TaskResult)
        result.update(message.done.text)
        result.show_whole()
        if message.done.stored:
            self.start = self.values()  # done: closing now loses nothing
            if self.kept and self.kept_from:  # read again what was stored, and its new version
                self._follow(self.kept_from, self.values())
            for mode in self.job.reloads:
                screen = getattr(self.app, "made", {}).get(mode)
                if screen is not None and hasattr(screen, "action_reload"):
                    screen.action_reload()

    def on_work_failed(self, message: WorkFailed) -> None:
        """An error the work did not expect (tracker/ui/widgets/work.py): said here, in the
        window's own error line, and the window usable again."""
        message.stop()
        self.on_task_refused(TaskRefused([], message.text))

    def on_task_refused(self, message: TaskRefused) -> None:
        self.busy = False
        if not self.is_attached:
            return
        self.query_one("#task-result", Static).update("")
        self.show_problems(message.problems, message.text)

    def show_problems(self, problems: list[Problem], text: str) -> None:
        owner = {f: a.name for a in self.job.asks for f in (a.name, *a.fields)}
        by_field: dict[str, list[str]] = {}
        general = [text] if text else []
        for p in problems:
            name = owner.get(p.field)
            if name is None:
                general.append(problem_text(p))
                continue
            by_field.setdefault(name, []).append(
                p.message + (f" (allowed: {p.allowed})" if p.allowed else "")
            )
        first = None
        for f in self.query(Field):
            messages = by_field.get(f.field_name)
            f.show_error("\n".join(messages) if messages else None)
            if messages and first is None:
                first = f
        if problems and not general:
            general = ["Nothing was done: put right what is marked in red."]
        error = self.query_one("#form-error", Static)
        error.update(Text("\n".join(general), style="bold red"))
        error.display = bool(general)
        if first is not None:  # in sight with its error line (made on its first error)
            self.call_after_refresh(first.scroll_visible, animate=False)
            first.widget.focus()

    # -- closing -------------------------------------------------------------------------------

    def action_close(self) -> None:
        changed = self.unsaved()
        if not changed:
            self.dismiss(self.result)
            return
        labels = {a.name: a.label.lower() for a in self.job.asks}

        def decided(discard: bool | None) -> None:
            if discard:
                self.dismiss(self.result)

        self.app.push_screen(DiscardScreen([labels[k] for k in changed]), decided)

    @on(Button.Pressed, "#run")
    def _pressed_run(self) -> None:
        self.action_run(False)

    @on(Button.Pressed, "#check")
    def _pressed_check(self) -> None:
        self.action_run(True)

    @on(Button.Pressed, "#close")
    def _pressed_close(self) -> None:
        self.action_close()
