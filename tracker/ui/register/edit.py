"""The window for a new action and for editing one: every field, with the phases, stages,
boards, people, organisations, outcomes and actions to choose from read from the database.
The service checks everything (dates, the strategy period, 0-100, dependency cycles) and each
problem is shown under its field; nothing is saved until all are put right."""

from __future__ import annotations

import dataclasses
from bisect import bisect_left
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.suggester import Suggester
from textual.widgets import Button, Input, SelectionList, Static, TextArea

from tracker.ui.register.form import FormScreen
from tracker.ui.register.messages import FormData
from tracker.ui.register.view import RAG_OPTIONS, STATUS_OPTIONS
from tracker.ui.widgets import text as tx
from tracker.ui.widgets.choice import Choice
from tracker.ui.widgets.dates import DateInput, typed
from tracker.ui.widgets.field import Field, TitledField
from tracker.ui.widgets.handle import Services
from tracker.ui.widgets.tick import TickList
from tracker.ui.widgets.work import work

if TYPE_CHECKING:
    from textual.worker import Worker

    from tracker.services.actions.detail import ActionDetail
    from tracker.services.actions.edit import EditResult
    from tracker.services.context import Tracker
    from tracker.ui.register.messages import Saved

INPUTS = ("ref", "title", "start", "due", "progress", "depends_on", "note")
SELECTS = ("phase", "stage", "board", "owner", "lead_organisation", "status", "rag")
NEW = {
    "ref": "", "title": "", "description": "", "phase": None, "stage": None, "board": None,
    "owner": None, "lead_organisation": None, "start": "", "due": "", "status": "not started",
    "rag": "none", "progress": "0", "depends_on": "", "outcomes": (), "note": "",
}  # fmt: skip


def split_refs(text: str) -> list[str]:
    out: list[str] = []
    for part in text.replace(",", " ").split():
        ref = part.strip().upper()
        if ref and ref not in out:
            out.append(ref)
    return out


class RefSuggester(Suggester):
    """Completes the ref being typed at the end of a comma-separated list."""

    def __init__(self, refs: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.refs = sorted(refs)

    async def get_suggestion(self, value: str) -> str | None:
        head = max(value.rfind(","), value.rfind(" "))
        token = value[head + 1 :]
        if not token:
            return None
        wanted = token.upper()
        i = bisect_left(self.refs, wanted)
        if i < len(self.refs) and self.refs[i].startswith(wanted) and self.refs[i] != wanted:
            return value + self.refs[i][len(token) :]
        return None


class ActionFormScreen(FormScreen):
    """New action (current None) or edit (current: the action or its ref)."""

    CSS_PATH = "windows.tcss"
    ERROR_FIELDS = (*NEW, "strategy")

    def __init__(
        self, services: Services, current: ActionDetail | str | None, *, opened: bool = True
    ) -> None:
        super().__init__(services, current, opened=opened)
        self.creating = current is None
        self.choices: Any = None
        self.offered: Any = None  # the choices the lists show
        self.titles: dict[str, str] = {}  # ref -> title of every action, read once
        self._titles_read = -1  # the opening that read them again (a ref typed not among them)

    def open_on(self, current: ActionDetail | str | None) -> None:
        """The same window adds an action (current None) or edits one."""
        self.creating = current is None
        super().open_on(current)

    def _title(self) -> str:
        return "New action" if self.creating else "Edit action"

    def _ref_label(self) -> str:
        return "Ref" if self.creating else "Ref (cannot change)"

    def _save_label(self) -> str:
        return self.save_label("Add the action" if self.creating else "Save changes")

    def compose(self) -> ComposeResult:
        # one widget a field where it can be (Choice, not Select; the label on the field's edge):
        # the window opens in a fraction of the time (tracker.ui.widgets.choice)
        F = TitledField  # noqa: N806
        with Vertical(id="edit-window", classes="window"):
            yield Static(self._title(), id="form-title", classes="window-title")
            yield Static("Reading the plan…", id="headline", classes="window-text")
            body = VerticalScroll(classes="window-body", can_focus=False)  # fields take the focus
            with body, Horizontal(classes="columns"):
                with Vertical(classes="column"):
                    yield F(
                        self._ref_label(),
                        Input(
                            placeholder="e.g. P2-07", id="ref", disabled=not self.creating,
                            compact=True,
                        ),
                        "ref",
                    )  # fmt: skip
                    yield F("Title", Input(id="title", compact=True), "title")
                    yield F(
                        "Description",
                        TextArea(id="description", soft_wrap=True, compact=True),
                        "description",
                    )
                    yield F("Phase", self._choice("phase", "choose a phase", "Phase"), "phase")
                    yield F("Stage of support", self._choice("stage", "none", "Stage of support"),
                            "stage")  # fmt: skip
                    yield F("Accountable board",
                            self._choice("board", tx.UNASSIGNED, "Accountable board"), "board")  # fmt: skip
                    yield F("Owner", self._choice("owner", tx.UNASSIGNED, "Owner"), "owner")
                    yield F(
                        "Lead organisation",
                        self._choice("lead_organisation", "none", "Lead organisation"),
                        "lead_organisation",
                    )
                with Vertical(classes="column"):
                    with Horizontal(classes="row"):
                        yield F(
                            "Start", DateInput(id="start", compact=True),
                            "start",
                        )  # fmt: skip
                        yield F("Due", DateInput(id="due", compact=True), "due")
                    with Horizontal(classes="row"):
                        yield F(
                            "Status",
                            Choice(
                                STATUS_OPTIONS, allow_blank=False, id="status", list_title="Status"
                            ),
                            "status",
                        )
                        yield F(
                            "RAG",
                            Choice(RAG_OPTIONS, allow_blank=False, id="rag", list_title="RAG"),
                            "rag",
                        )
                        yield F(
                            "% complete",
                            Input(type="integer", id="progress", compact=True),
                            "progress",
                        )
                    yield F(
                        "Commentary for the history",
                        Input(id="note", compact=True),
                        "note",
                        hint="Needed when status, RAG or % change and the RAG is amber or red, "
                        "or the action is past due.",
                    )
                    yield F(
                        "Depends on (refs, by commas; → completes)",
                        Input(placeholder="e.g. P1-01, P1-02", id="depends_on", compact=True),
                        "depends_on",
                    )
                    yield Static("", id="depends-titles")
                    yield F("Outcomes", TickList(id="outcomes", compact=True), "outcomes")
            yield from self.buttons("Add the action" if self.creating else "Save changes")

    def _choice(self, name: str, blank: str, label: str) -> Choice:
        return Choice(prompt=blank, id=name, list_title=label)

    # -- reading -------------------------------------------------------------------------------

    def read(self, t: Tracker) -> FormData:
        from tracker.services.choices import load_choices

        data = super().read(t)
        # the actions' refs and titles (10,000 of them) once: read on every opening, they were
        # most of what opening the window cost; a ref typed that is not among them reads them
        # again (_show_dependency_titles)
        data["choices"] = load_choices(t, with_actions=not self.titles)
        return data

    def warm(self) -> Worker[None]:
        """Made ahead of its first opening (pool.py): read the lists now, so that opening is
        filled in at once like every later one (and laid out with them: pool.py waits)."""
        return self._warm()

    @work("read the form's lists", group="form-read")
    def _warm(self) -> None:
        from tracker.services.choices import load_choices

        try:
            choices = load_choices(self.services.tracker())
        except Exception:  # noqa: BLE001 - the first opening reads them again, and says why
            return
        self.app.call_from_thread(self._warmed, choices)

    def _warmed(self, choices: Any) -> None:
        if self.shown or not self.is_attached or not self.query("#phase"):
            return  # opened meanwhile (its own read fills the lists), or the app is closing
        self._offer(choices)

    def _offer(self, c: Any) -> bool:
        """The lists to choose from (unless they are those shown already): True if changed."""
        if c.actions:
            self._titles(c.actions)
        c = dataclasses.replace(c, actions=())  # the lists, apart from the actions' titles
        if c == self.offered:
            return False
        options = {
            "phase": [(label, number) for number, label in c.phases],
            "stage": [(label, number) for number, label in c.stages],
            "board": list((name, code) for code, name in c.boards),
            "owner": list((label, code) for code, label in c.people),
            "lead_organisation": list((name, code) for code, name in c.organisations),
        }
        for name, opts in options.items():
            self.query_one(f"#{name}", Choice).set_options(opts)
        outcomes = self.query_one("#outcomes", SelectionList)
        outcomes.clear_options()
        outcomes.add_options([(name, code) for code, name in c.outcomes])
        self.offered = c
        return True

    def _titles(self, actions: tuple[tuple[str, str], ...]) -> None:
        self.titles = dict(actions)
        self.query_one("#depends_on", Input).suggester = RefSuggester(list(self.titles))

    def loaded(self, data: FormData) -> None:
        c = data["choices"]
        kept = self.form_values() if self.ready else None  # typed since the window opened
        if self._offer(c) and kept is not None:
            self.fill(kept)  # filled in from the last opening's lists: put back as it was
        self.choices = c
        if kept is not None:
            return  # filled in and ready since it opened (reopened)
        super().loaded(data)
        self._filled()

    def reopened(self) -> None:
        self.query_one("#form-title", Static).update(self._title())
        self.query_one("#field-ref", Field).set_label(self._ref_label())
        self.query_one("#ref", Input).disabled = not self.creating
        self.query_one("#save", Button).label = self._save_label()
        if self.offered is not None:
            self.choices = self.offered  # the lists read ahead or at the last opening
        if self.creating:
            self.fill(dict(NEW))
        super().reopened()
        if self.offered is not None and (self.creating or self.base is not None):
            # filled in and ready at once (the read that follows refreshes the lists,
            # keeping what is typed meanwhile)
            self._filled()
            self.ready = True

    def _filled(self) -> None:
        if self.creating:
            self.fill(dict(NEW))
            self.query_one("#headline", Static).update(
                Text("Ref, title and phase are needed; everything else can wait.", style="dim")
            )
            self.set_focus(self.query_one("#ref", Input), scroll_visible=False)
        elif self.base is not None:
            self.show_headline()
            self.set_focus(self.query_one("#title", Input), scroll_visible=False)
        for body in self.query(".window-body"):  # the first fields in sight, labels and all
            self.call_after_refresh(body.scroll_home, animate=False, immediate=True)

    # -- values in and out ---------------------------------------------------------------------

    def blank_values(self) -> dict[str, Any]:
        return dict(NEW)

    def base_values(self, detail: ActionDetail) -> dict[str, Any]:
        r = detail.row
        c = self.choices
        org = {name: code for code, name in c.organisations} if c else {}
        outcome = {name: code for code, name in c.outcomes} if c else {}
        return {
            "ref": r.ref, "title": r.title, "description": detail.description or "",
            "phase": r.phase, "stage": r.stage, "board": r.board, "owner": detail.owner_code,
            "lead_organisation": org.get(detail.lead_organisation or ""),
            "start": typed(detail.start),
            "due": typed(r.due),
            "status": r.status, "rag": r.rag or "none", "progress": str(r.progress),
            "depends_on": ", ".join(x.ref for x in detail.depends_on),
            "outcomes": tuple(sorted(outcome[n] for n in detail.outcomes if n in outcome)),
            "note": "",
        }  # fmt: skip

    def form_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for name in INPUTS:
            values[name] = self.query_one(f"#{name}", Input).value.strip()
        values["depends_on"] = ", ".join(split_refs(values["depends_on"]))
        values["ref"] = values["ref"].upper()
        for name in SELECTS:
            values[name] = self.query_one(f"#{name}", Choice).value
        values["description"] = self.query_one("#description", TextArea).text.strip()
        values["outcomes"] = tuple(sorted(self.query_one("#outcomes", SelectionList).selected))
        return values

    def fill(self, values: dict[str, Any]) -> None:
        for name in INPUTS:
            self.query_one(f"#{name}", Input).value = values.get(name) or ""
        for name in SELECTS:
            choice = self.query_one(f"#{name}", Choice)
            try:
                choice.value = values.get(name)
            except ValueError:  # a value no longer offered: leave it blank
                choice.clear()
        self.query_one("#description", TextArea).text = values.get("description") or ""
        outcomes = self.query_one("#outcomes", SelectionList)
        outcomes.deselect_all()
        for code in values.get("outcomes") or ():
            outcomes.select(code)
        self._show_dependency_titles()

    @on(Input.Changed, "#depends_on")
    def _show_dependency_titles(self) -> None:
        refs = split_refs(self.query_one("#depends_on", Input).value)
        if any(ref not in self.titles for ref in refs) and self._titles_read != self.opening:
            self._titles_read = self.opening  # once an opening: an action added elsewhere
            self._read_titles(self.opening)
        line = Text()
        for ref in refs:
            title = self.titles.get(ref)
            line.append(f"{ref} ", style="bold")
            line.append(tx.clip(title, 40) if title else "(no such action)",
                        style="dim" if title else "bold red")  # fmt: skip
            line.append("\n")
        self.query_one("#depends-titles", Static).update(line)

    @work("read the actions' titles", group="form-titles")
    def _read_titles(self, opening: int) -> None:
        from tracker.services.choices import load_choices

        try:
            actions = load_choices(self.services.tracker()).actions
        except Exception:  # noqa: BLE001 - the titles line says "(no such action)"; saving checks
            return
        self.app.call_from_thread(self._titles_read_back, opening, actions)

    def _titles_read_back(self, opening: int, actions: tuple[tuple[str, str], ...]) -> None:
        if opening == self.opening and self.is_attached and self.query("#depends_on"):
            self._titles(actions)
            self._show_dependency_titles()

    # -- saving --------------------------------------------------------------------------------

    def write(self, t: Tracker, values: dict[str, Any], changes: dict[str, Any]) -> EditResult:
        from tracker.services.actions.edit import create_action, edit_action

        if self.creating:
            return create_action(t, values)
        base = self.started_from()
        return edit_action(t, base.ref, base.version, changes)

    def saved_message(self, result: Saved) -> str:
        from tracker.services.actions.edit import EditResult

        assert isinstance(result, EditResult)  # what write returns
        if self.creating:
            return f"{result.ref} added to the register."
        if not result.changed:
            return f"Nothing to save: {result.ref} is as it was."
        return f"{result.ref} saved: {', '.join(c.replace('_', ' ') for c in result.changed)}."
