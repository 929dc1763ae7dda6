"""The windows the action register opens: status update, edit, new and cancel (each reloads
the register once saved), and the sort and filter pickers. Mixed into `RegisterScreen`, which
keeps the key bindings and supplies the state these handlers use."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tracker.ui.register.filters import FilterBar, pick_filter_name, pick_value
from tracker.ui.widgets.handle import Services

if TYPE_CHECKING:
    from textual.screen import Screen

    _Host = Screen[None]  # the checker sees the Screen this is mixed into
else:
    _Host = object  # at run time RegisterScreen's own bases give it, after this mixin


class RegisterWindows(_Host):
    """Window-opening actions of `RegisterScreen` (it provides `app`, `services`, `view`,
    `detail`, `filter_options`, `request_rows`, `sort_by`, `set_filter` and the rest)."""

    if TYPE_CHECKING:  # RegisterScreen's, declared for the checker only

        def _current_ref(self) -> str | None: ...
        def request_rows(self, keep: str | None = None) -> None: ...
        def sort_by(self, key: str) -> None: ...
        def set_filter(self, name: str, value: Any) -> None: ...

    services: Services
    view: Any
    detail: Any
    filter_options: dict[str, list[tuple[str, Any]]]

    def _selected(self) -> Any:
        ref = self._current_ref()
        if ref is None:
            self.notify("No action selected: the register is empty.", severity="warning")
            return None
        if self.detail is not None and self.detail.ref == ref:
            return self.detail
        return ref

    def _after_save(self, result: Any) -> None:
        if result:
            self.detail = None
            self.request_rows(keep=getattr(result, "ref", None))

    def action_status_update(self) -> None:
        from tracker.ui.register.modals import StatusUpdateScreen

        if (current := self._selected()) is not None:
            self.app.push_screen(StatusUpdateScreen(self.services, current), self._after_save)

    def action_edit(self) -> None:
        from tracker.ui.register.edit import ActionFormScreen

        if (current := self._selected()) is not None:
            self.app.push_screen(ActionFormScreen(self.services, current), self._after_save)

    def action_new(self) -> None:
        from tracker.ui.register.edit import ActionFormScreen

        self.app.push_screen(ActionFormScreen(self.services, None), self._after_save)

    def action_cancel_action(self) -> None:
        from tracker.ui.register.modals import CancelActionScreen

        if (current := self._selected()) is not None:
            self.app.push_screen(CancelActionScreen(self.services, current), self._after_save)

    def action_sort(self) -> None:
        from tracker.ui.register.modals import SortScreen

        def chosen(key: str | None) -> None:
            if key:
                self.sort_by(key)

        self.app.push_screen(SortScreen(self.view.sort, self.view.descending), chosen)

    def pick_filter(self, name: str) -> None:
        """Open the list of a filter's values (a click on the filter line does this)."""
        values = self.filter_options.get(name, [])
        pick_value(self.app, name, values, getattr(self.view, name), self.set_filter)

    def action_filter(self) -> None:
        pick_filter_name(self.app, self.query_one(FilterBar).values, self.pick_filter)
