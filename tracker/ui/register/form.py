"""What every window that saves an action shares: reading in a worker, saving in a worker,
refusals shown next to their fields, and the two-people-at-once path. If the action changed in
the database since the window read it, nothing is overwritten: the conflict window shows what
changed and offers to reload and re-apply (the fresh action, with this window's changes on top)
or to discard this window's changes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from tracker.ui.refusals import problem_text, said
from tracker.ui.register.changes import ConflictScreen, DiscardScreen, label
from tracker.ui.register.messages import (
    FormConflicted,
    FormData,
    FormLoaded,
    FormMessage,
    FormRefused,
    FormSaved,
)
from tracker.ui.widgets import text as tx
from tracker.ui.widgets.field import Field
from tracker.ui.widgets.handle import Services
from tracker.ui.widgets.work import WorkFailed, work

if TYPE_CHECKING:
    from tracker.errors import Problem
    from tracker.services.actions.detail import ActionDetail
    from tracker.services.context import Tracker
    from tracker.ui.register.messages import Saved


class Discarded:
    """A window closed after a conflict, its changes dropped: the register reloads `ref`."""

    def __init__(self, ref: str) -> None:
        self.ref = ref


class FormScreen(ModalScreen[Any]):
    """Subclasses say how values go in and out of their widgets and which service saves them.

    A window is made for one action (`FormScreen(services, current)`), or made once, before it
    is needed, and reused (`opened=False`, then `open_on(current)` before each push): building
    and styling a window's widgets costs far more than filling them in (tracker.ui.register.pool).
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", tooltip="Check and save; problems are shown in red"),
        Binding("escape", "close", "Close", tooltip="Close the window without saving"),
    ]
    ERROR_FIELDS: tuple[str, ...] = ()

    def __init__(
        self, services: Services, current: ActionDetail | str | None, *, opened: bool = True
    ) -> None:
        super().__init__()
        self.services = services
        self.opening = 0  # this window's openings so far: a worker's message names its own
        self.shown = opened  # between open_on (or being made for an action) and dismiss
        self._styled_for: tuple[Any, ...] | None = None  # see _on_screen_resume
        self._start(current)

    def _start(self, current: ActionDetail | str | None) -> None:
        self.ref: str | None = (
            current if isinstance(current, str) else getattr(current, "ref", None)
        )
        self.base: ActionDetail | None = None if isinstance(current, str) else current
        self.saving = False
        self.ready = False  # filled from the database: from then on, changes are unsaved work
        self._filled_in: dict[str, Any] | None = None  # the values shown before the read came

    def open_on(self, current: ActionDetail | str | None) -> None:
        """Reuse this window for `current` (call before pushing it): nothing of the last opening
        stays (values, errors, scroll), the action is filled in at once if known, and read
        afresh (with the choices) as when the window was new."""
        self._start(current)
        self.opening += 1
        self.shown = True
        if not self.is_mounted:
            return  # on_mount reads
        self.reopened()
        self._read(self.opening)

    def reopened(self) -> None:
        """Widgets back to a fresh window's state, before the read comes back."""
        self.show_problems([])
        for body in self.query(".window-body"):
            body.scroll_home(animate=False)
        if self.base is not None:
            self._filled_in = self.base_values(self.base)
            self.fill(self._filled_in)
            self.show_headline()
        elif self.query("#headline"):
            self.query_one("#headline", Static).update("Reading the action…")

    def _styles_key(self) -> tuple[Any, ...]:
        return frozenset(self.app.classes), self.app.theme, len(self.app.stylesheet.source)

    def styled(self) -> None:
        """Its widgets were styled just now (made ahead and mounted: pool.py)."""
        self._styled_for = self._styles_key()

    @on(events.ScreenResume)
    def _keep_styles(self, event: events.ScreenResume) -> None:
        """Textual restyles every widget of a screen each time it is shown, though mounting
        styled them: a third of the cost of showing a window. They need it only when the app's
        classes (-narrow, -short), its theme or its style sheets changed since the window was
        styled; otherwise its styles stand. (This runs before Screen's own handler, which reads
        `refresh_styles`.)"""
        styled_for = self._styles_key()
        if styled_for == self._styled_for:
            event.refresh_styles = False
        self._styled_for = styled_for

    def dismiss(self, result: Any = None) -> Any:
        self.shown = False
        return super().dismiss(result)

    def _current(self, message: FormMessage) -> bool:
        """The message is this opening's, and the window is still open."""
        return message.opening == self.opening and self.shown and self.is_attached

    # -- for subclasses -----------------------------------------------------------------------

    def read(self, t: Tracker) -> FormData:
        """In a worker: what the window needs (by default the action, if not given)."""
        from tracker.services.actions.detail import get_action

        data: FormData = {}
        if self.base is None and self.ref is not None:
            data["base"] = get_action(t, self.ref, history=1)
        return data

    def loaded(self, data: FormData) -> None:
        typed: dict[str, Any] = {}  # since the window opened filled in: kept, not overwritten
        if self._filled_in is not None:
            shown = self._filled_in
            typed = {k: v for k, v in self.form_values().items() if shown.get(k) != v}
        if "base" in data:
            self.base = data["base"]
        if self.base is not None:
            self.fill({**self.base_values(self.base), **typed})
        self.ready = True

    def blank_values(self) -> dict[str, Any]:
        """A new record's values as the window opens (what counts as nothing typed yet)."""
        return {}

    def show_headline(self) -> None:
        """The action as read, above the fields (again after a reload: it may have changed)."""
        if self.base is not None and self.query("#headline"):
            self.query_one("#headline", Static).update(headline(self.base))

    def base_values(self, detail: ActionDetail) -> dict[str, Any]:
        raise NotImplementedError

    def form_values(self) -> dict[str, Any]:
        raise NotImplementedError

    def fill(self, values: dict[str, Any]) -> None:
        raise NotImplementedError

    def write(self, t: Tracker, values: dict[str, Any], changes: dict[str, Any]) -> Saved:
        """In a worker: save through a service (raises InvalidInput or Conflict)."""
        raise NotImplementedError

    def saved_message(self, result: Saved) -> str:
        return "Saved."

    # -- plumbing -----------------------------------------------------------------------------

    def on_mount(self) -> None:
        if not self.shown:  # made ahead: its style sheets were in force before it was mounted
            self.styled()  # (pool.py), so mounting styled it and its widgets as showing would
        # A window made as it opens is mounted by push_screen before its style sheets are added
        # (windows.tcss, the first time): the window itself is styled without them (seen in CI:
        # the new-action window top-left, not centred), so its first showing restyles it.
        unselected(self)
        for box in self.query(Input):  # the class (-valid) a box takes when first given a
            box.validate(box.value)  # value, now: not a restyle of each at the first opening
        if self.shown:  # made for an action (a window made ahead waits for open_on)
            self._read(self.opening)

    @work("read the action", group="form-read")
    def _read(self, opening: int) -> None:
        try:
            data = self.read(self.services.tracker())
        except Exception as exc:  # noqa: BLE001 - e.g. the action is gone: say so
            self.app.call_from_thread(self._unreadable, opening, said(exc))
            return
        self.post_message(FormLoaded(opening, data))

    def _unreadable(self, opening: int, text: str) -> None:
        self.notify(text, severity="error")
        if opening == self.opening and self.shown:
            self.dismiss(None)

    def on_form_loaded(self, message: FormLoaded) -> None:
        if self._current(message):  # not closed (esc) before the read came back
            self.loaded(message.data)

    def started_from(self) -> ActionDetail:
        """The action as this window read it (saving waits for the read: action_save)."""
        if self.base is None:
            raise RuntimeError("the action has not been read yet")
        return self.base

    def changed_values(self) -> dict[str, Any]:
        """The fields this window changed from the action it started from."""
        values = self.form_values()
        if self.base is None:
            return values
        before = self.base_values(self.base)
        return {k: v for k, v in values.items() if before.get(k) != v}

    def unsaved(self) -> dict[str, Any]:
        """What was typed and not saved: the fields that differ from what the window opened."""
        if not self.ready:
            return {}
        values = self.form_values()
        before = self.base_values(self.base) if self.base is not None else self.blank_values()
        return {k: v for k, v in values.items() if before.get(k) != v}

    def action_close(self) -> None:
        changed = self.unsaved()
        if not changed:
            self.dismiss(None)
            return

        def decided(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(DiscardScreen([label(k) for k in changed]), decided)

    def action_save(self) -> None:
        if self.saving:
            return
        if self.ref is not None and self.base is None:
            self.notify("Still reading the action; try again in a moment.")
            return
        self.show_problems([])
        self.saving = True
        self._write(self.opening, self.form_values(), self.changed_values())

    @on(Button.Pressed, "#save")
    def save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#close")
    def close_pressed(self) -> None:
        self.action_close()

    @work("save the changes", group="form-write", saves=True)
    def _write(self, opening: int, values: dict[str, Any], changes: dict[str, Any]) -> None:
        from tracker.errors import Conflict, InvalidInput, Problem, TrackerError
        from tracker.services.actions.detail import get_action

        t = self.services.tracker()
        try:
            result = self.write(t, values, changes)
        except InvalidInput as exc:
            self.post_message(FormRefused(opening, exc.problems))
        except Conflict as exc:
            # the service explains the conflict; this window only shows it (and reloads the
            # action, for re-applying the changes on top of it)
            fresh = get_action(t, self.ref, history=1) if self.ref else None
            self.post_message(FormConflicted(opening, str(exc), fresh, exc.changes))
        except TrackerError as exc:  # not found; not permitted (the account's roles)
            self.post_message(FormRefused(opening, [Problem("", said(exc))]))
        else:
            self.post_message(FormSaved(opening, result))

    def on_form_saved(self, message: FormSaved) -> None:
        if not self._current(message):
            return
        self.saving = False
        self.notify(self.saved_message(message.result))
        self.dismiss(message.result)

    def on_work_failed(self, message: WorkFailed) -> None:
        """An error the work did not expect (tracker/ui/widgets/work.py): said here, in the
        window's own error line, and the window usable again."""
        message.stop()
        self.saving = False  # save may be pressed again
        general = self.query_one("#form-error", Static)
        general.update(Text(message.text, style="bold red"))
        general.display = True

    def on_form_refused(self, message: FormRefused) -> None:
        if not self._current(message):
            return
        self.saving = False
        self.show_problems(message.problems)

    def show_problems(self, problems: list[Problem]) -> None:
        by_field: dict[str, list[str]] = {}
        for p in problems:
            name = p.field if p.field in self.ERROR_FIELDS else ""
            text = p.message + (f" (allowed: {p.allowed})" if p.allowed else "")
            by_field.setdefault(name, []).append(text if name else problem_text(p))
        first = None
        made = []  # error lines made now (Field.show_error), to await before scrolling
        for field in self.query(Field):
            messages = by_field.get(field.field_name)
            mounting = field.show_error("\n".join(messages) if messages else None)
            if mounting is not None:
                made.append(mounting)
            if messages and first is None:
                first = field
        general = self.query_one("#form-error", Static)
        lines = by_field.get("", [])
        if problems and not lines:
            lines = ["Nothing was saved: put right what is marked in red."]
        general.update(Text("\n".join(lines), style="bold red"))
        general.display = bool(lines)
        if first is not None:
            self.call_later(self._to_field, first, made)

    async def _to_field(self, field: Field, made: list[Any]) -> None:
        """The first field in error, with the focus, in sight with its error line (once made
        and laid out)."""
        for mounting in made:
            await mounting
        self.set_focus(field.widget, scroll_visible=False)
        self.call_after_refresh(field.scroll_visible, animate=False)

    def on_form_conflicted(self, message: FormConflicted) -> None:
        if not self._current(message):
            return
        self.saving = False
        mine = self.changed_values()

        def decided(choice: str | None) -> None:
            if choice == "reload" and message.fresh is not None:
                self.base = message.fresh
                values = self.base_values(message.fresh)
                values.update(mine)
                self.fill(values)
                self.show_headline()
                self.show_problems([])
                self.notify(
                    f"Reloaded {message.fresh.ref} (version {message.fresh.version}); your changes "
                    "are back on top of it. Check them and save again (ctrl+s).",
                    timeout=8,
                )
            elif choice == "discard":
                self.dismiss(Discarded(self.ref or ""))

        self.app.push_screen(ConflictScreen(message.message, message.changes, mine), decided)

    @staticmethod
    def save_label(save: str) -> str:
        return f" {save}  (ctrl+s) "

    def buttons(self, save: str = "Save") -> ComposeResult:
        yield Static("", id="form-error", classes="error")
        with Horizontal(classes="buttons"):
            yield Button(self.save_label(save), id="save", variant="primary", compact=True)
            yield Button(" Close without saving  (esc) ", id="close", compact=True)


def unselected(screen: Any) -> None:
    """Nothing pre-selected for overwrite: focusing a filled-in box puts the cursor at its end
    instead of selecting its text (one keystroke would replace it)."""
    for box in screen.query(Input):
        box.select_on_focus = False


def headline(detail: ActionDetail) -> Text:
    """The action a window works on: ref, title, due date and where it stands now."""
    r = detail.row
    due = tx.day(r.due) if r.due is not None else r.due_words()  # implied: its phase's end
    if r.overdue:
        due += " (overdue)"
    text = Text.assemble(
        (f"{r.ref}  ", "bold"), (r.title, "bold"), "\n",
        ("Due ", "dim"), (due, "bold #f85149" if r.overdue else ""),
        ("   Now ", "dim"), tx.status_text(r.status), ", ", tx.rag_text(r.rag),
        f", {r.progress}%", (f"   version {r.version}", "dim"),
    )  # fmt: skip
    text.no_wrap, text.overflow = True, "ellipsis"  # a line each, a long title cut with "…"
    return text
