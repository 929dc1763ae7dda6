"""The windows the action register opens: status update, edit, new and cancel (each reloads
the register once saved), and the sort and filter pickers. Mixed into `RegisterScreen`, which
keeps the key bindings and supplies the state these handlers use."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tracker.ui.refusals import said
from tracker.ui.register.filters import FilterBar, pick_filter_name, pick_value
from tracker.ui.register.pool import ACTION, UPDATE, FormPool
from tracker.ui.widgets.handle import Services
from tracker.ui.widgets.work import work

if TYPE_CHECKING:
    from textual.screen import Screen

    _Host = Screen[None]  # the checker sees the Screen this is mixed into
else:
    _Host = object  # at run time RegisterScreen's own bases give it, after this mixin


class RegisterWindows(_Host):
    """Window-opening actions of `RegisterScreen` (it provides `app`, `services`, `view`,
    `detail`, `filter_options`, `request_rows`, `sort_by`, `set_filter` and the rest)."""

    if TYPE_CHECKING:  # RegisterScreen's, declared for the checker only
        named_view: tuple[str, tuple[Any, ...]] | None

        def _current_ref(self) -> str | None: ...
        def _show_page_line(self) -> None: ...
        def request_rows(self, keep: str | None = None) -> None: ...
        def sort_by(self, key: str) -> None: ...
        def set_filter(self, name: str, value: Any) -> None: ...
        def show_view(self, ref: str | None = None, search: str = "", **filters: Any) -> None: ...

        @property
        def forms(self) -> FormPool: ...

    services: Services
    view: Any
    detail: Any
    filter_options: dict[str, list[tuple[str, Any]]]
    last_batch: int | None = None  # the bulk edit made here that ctrl+z undoes

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
        if (current := self._selected()) is not None:
            self.forms.open(UPDATE, current, self._after_save)

    def action_edit(self) -> None:
        if (current := self._selected()) is not None:
            self.forms.open(ACTION, current, self._after_save)

    def action_new(self) -> None:
        self.forms.open(ACTION, None, self._after_save)

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

    # -- bulk edit and saved views (tracker.ui.register.bulk) -------------------------------

    def _table(self) -> Any:
        from tracker.ui.register.table import ActionTable

        return self.query_one(ActionTable)

    def action_bulk_edit(self) -> None:
        from tracker.ui.register.bulk import BulkEditScreen

        marked = sorted(self._table().marked)
        if not marked:
            self.notify("Mark actions first: space marks one, shift+arrows several, "
                        "ctrl+a all shown.", severity="warning")  # fmt: skip
            return
        self.app.push_screen(BulkEditScreen(self.services, marked), self._after_bulk)

    def _after_bulk(self, result: Any) -> None:
        if not result:
            return
        self.last_batch = result.batch
        self._table().set_marked(set())
        self.notify(f"Batch {result.batch}: {result.summary}. ctrl+z undoes it.")
        self.detail = None
        self.request_rows()

    def action_mark_all(self) -> None:
        """Mark every action the filters show, on every page (again: unmark all)."""
        if self._table().marked:
            self._table().set_marked(set())
            return
        self._mark_all(self.view)

    @work("mark the actions of this view", exclusive=True, group="register-mark")
    def _mark_all(self, view: Any) -> None:
        from tracker.services.actions.register import list_actions
        from tracker.ui.register.view import to_filter

        try:
            t = self.services.tracker()
            rows = list_actions(t, to_filter(view, t.today())).rows
        except Exception as exc:  # noqa: BLE001 - shown, not raised
            self.app.call_from_thread(self.notify, said(exc), severity="error")
            return
        self.app.call_from_thread(self._table().set_marked, {r.ref for r in rows})

    def action_undo_bulk(self) -> None:
        batch = getattr(self, "last_batch", None)
        if batch is None:
            self.notify('No bulk edit made here to undo (ctrl+p, "bulk edits made" lists '
                        "them).", severity="warning")  # fmt: skip
            return
        self._undo(batch)

    @work("undo the bulk edit", exclusive=True, group="register-bulk", saves=True)
    def _undo(self, batch: int) -> None:
        from tracker.services.actions.bulk import undo_batch

        try:
            result = undo_batch(self.services.tracker(), batch)
        except Exception as exc:  # noqa: BLE001 - shown, not raised
            self.app.call_from_thread(self.notify, said(exc), severity="error")
            return
        self.app.call_from_thread(self._undone, result)

    def _undone(self, result: Any) -> None:
        self.last_batch = None
        skipped = f" Left as they are: {', '.join(result.skipped)}." if result.skipped else ""
        self.notify(f"Undone: {result.summary}.{skipped}")
        self.detail = None
        self.request_rows()

    def action_views(self) -> None:
        self._load_views()

    @work("read the saved views", exclusive=True, group="register-views")
    def _load_views(self) -> None:
        from tracker.services.actions.views_saved import list_views

        try:
            views = list_views(self.services.tracker())
        except Exception as exc:  # noqa: BLE001 - shown, not raised
            self.app.call_from_thread(self.notify, said(exc), severity="error")
            return
        self.app.call_from_thread(self._pick_view, views)

    def _pick_view(self, views: tuple[Any, ...]) -> None:
        from tracker.ui.register.bulk import ViewsScreen

        self.app.push_screen(ViewsScreen(views), self._show_saved)

    def _show_saved(self, saved: Any) -> None:
        if saved is None:
            return
        from tracker.ui.register.view import OPEN

        f = saved.filter
        self.show_view(
            search=f.search or "", phase=f.phase, stage=f.stage, board=f.board, owner=f.owner,
            status=OPEN if f.open_only and f.status is None else f.status, rag=f.rag,
            due="overdue" if f.overdue else None,
        )  # fmt: skip
        if (self.view.sort, self.view.descending) != (saved.sort, saved.descending):
            self.view.descending = not saved.descending
            self.view.sort = saved.sort
            self.sort_by(saved.sort)
        self._name_view(saved.name)
        self.notify(f"View: {saved.name}")

    def _name_view(self, name: str) -> None:
        """The page line names the view while the filters and sort are still the view's."""
        from tracker.ui.register.view import view_key

        self.named_view = (name, view_key(self.view))
        self._show_page_line()

    def action_save_view(self) -> None:
        from tracker.ui.register.bulk import SaveViewScreen

        self.app.push_screen(SaveViewScreen(), self._save_view)

    def _save_view(self, name: str | None) -> None:
        if name:
            self._store_view(name, self.view)

    @work("save the view", group="register-views", saves=True)
    def _store_view(self, name: str, view: Any) -> None:
        from tracker.services.actions.views_saved import save_view
        from tracker.ui.register.view import to_filter

        try:
            t = self.services.tracker()
            saved = save_view(t, name, to_filter(view, t.today()), sort=view.sort,
                              descending=view.descending)  # fmt: skip
        except Exception as exc:  # noqa: BLE001 - shown, not raised
            self.app.call_from_thread(self.notify, said(exc), severity="error")
            return
        self.app.call_from_thread(self._name_view, saved.name)
        self.app.call_from_thread(self.notify, f"Saved the view {saved.name!r}.")
