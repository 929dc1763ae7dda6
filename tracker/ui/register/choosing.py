"""Choosing what the action register shows: the filters (their lists read in a worker), the
search, the sort and the page. Mixed into `RegisterScreen`, which keeps the key bindings and the
handlers of its widgets' messages, and reads the page these ask for (`request_rows`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.widgets import Input

from tracker.ui.register.filters import ALL, FilterBar
from tracker.ui.register.messages import FilterChoicesLoaded
from tracker.ui.register.table import ActionTable
from tracker.ui.register.view import COLUMNS, PAGE, View
from tracker.ui.widgets.handle import Services
from tracker.ui.widgets.work import work

if TYPE_CHECKING:
    from textual.screen import Screen

    _Host = Screen[None]  # the checker sees the Screen this is mixed into
else:
    _Host = object  # at run time RegisterScreen's own bases give it, after this mixin

FILTERS = ("phase", "stage", "board", "owner", "status", "rag", "due")


class ChoosingView(_Host):
    """The filter, search, sort and page actions of `RegisterScreen` (it provides `services`,
    `view`, `rows`, `total`, `request_rows` and the rest)."""

    if TYPE_CHECKING:  # RegisterScreen's, declared for the checker only

        def request_rows(self, keep: str | None = None) -> None: ...

    services: Services
    view: View
    rows: dict[str, Any]
    total: int | None
    detail: Any
    choices: Any
    filter_options: dict[str, list[tuple[str, Any]]]

    def _heading(self, key: str) -> Text:
        label = dict((k, lab) for k, lab, _ in COLUMNS)[key]
        if key == self.view.sort:
            return Text(label + ("▼" if self.view.descending else "▲"), style="bold")
        return Text(label)

    def _static_filters(self) -> None:
        from tracker.ui.register.view import DUE_OPTIONS, RAG_OPTIONS, STATUS_FILTER_OPTIONS

        self.filter_options.update(status=STATUS_FILTER_OPTIONS, rag=RAG_OPTIONS, due=DUE_OPTIONS)

    def _show_filters(self) -> None:
        """The filter line: each filter's value by the label its list gives it."""
        shown = {}
        for name in FILTERS:
            value = getattr(self.view, name)
            labels = {v: label for label, v in self.filter_options.get(name, [])}
            shown[name] = ALL if value is None else labels.get(value, str(value))
        self.query_one(FilterBar).show(shown)

    @work("read the filters' lists", group="register-choices")
    def load_filter_choices(self) -> None:
        try:
            from tracker.services.choices import load_choices

            choices = load_choices(self.services.tracker(), with_actions=False)
        except Exception:  # noqa: BLE001 - the rows say what is wrong
            return
        self.post_message(FilterChoicesLoaded(choices))

    def on_filter_choices_loaded(self, message: FilterChoicesLoaded) -> None:
        from tracker.ui.register.view import choice_options

        self.choices = message.choices
        self.filter_options.update(choice_options(message.choices))
        self._show_filters()

    def set_filter(self, name: str, value: Any) -> None:
        setattr(self.view, name, value)
        self.view.offset = 0
        self._show_filters()
        self.request_rows()

    def sort_by(self, key: str) -> None:
        if key == self.view.sort:
            self.view.descending = not self.view.descending
        else:
            self.view.sort, self.view.descending = key, False
        self.view.offset = 0
        table = self.query_one(ActionTable)
        for key, _label, _width in COLUMNS:
            table.set_heading(key, self._heading(key))
        self.request_rows()

    def action_page(self, step: int, at_edge: bool = False) -> None:
        offset = self.view.offset + step * PAGE
        more = len(self.rows) == PAGE if self.total is None else offset < self.total
        if offset < 0 or (step > 0 and not more):
            return
        self.view.offset = offset
        # stepping off the bottom lands on the next page's first row, off the top on the last
        self.request_rows(keep="__last__" if at_edge and step < 0 else "__first__")

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_toggle_overdue(self) -> None:
        self.show_view(**{**self._filters(), "due": None if self.view.due == "overdue" else "overdue"},
                       search=self.view.search)  # fmt: skip

    def action_clear(self) -> None:
        self.show_view()

    def action_reload(self) -> None:
        self.detail = None
        self.request_rows()

    def _filters(self) -> dict[str, Any]:
        return {name: getattr(self.view, name) for name in FILTERS}

    def show_view(self, ref: str | None = None, search: str = "", **filters: Any) -> None:
        """Show the register filtered (the dashboard's way in); `ref` finds one action."""
        self.view = View(
            search=ref or search, sort=self.view.sort, descending=self.view.descending,
            **{k: v for k, v in filters.items() if k in FILTERS},
        )  # fmt: skip
        if not self.is_mounted:
            return  # on_mount reads self.view
        with self.prevent(Input.Changed):
            self.query_one("#search", Input).value = self.view.search
        self._show_filters()
        self.query_one(ActionTable).focus()
        self.request_rows(keep=ref)
