"""What the register's workers report back (past tense: the work is done)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

from tracker.ui.register.view import View

if TYPE_CHECKING:
    import datetime as dt

    from tracker.services.actions.changes import ChangeEntry
    from tracker.services.actions.detail import ActionDetail
    from tracker.services.actions.register import ActionRow
    from tracker.services.choices import Choices
    from tracker.services.governance.detail_governance import ActionGovernance


class ActionsLoaded(Message):
    def __init__(
        self,
        request: int,
        view: View,
        rows: tuple[ActionRow, ...],
        total: int | None,
        keep: str | None,
    ) -> None:
        self.request = request
        self.view = view
        self.rows = rows
        self.total = total  # None: still being counted
        self.keep = keep
        super().__init__()


class ActionsCounted(Message):
    def __init__(self, request: int, total: int) -> None:
        self.request = request
        self.total = total
        super().__init__()


class ActionsFailed(Message):
    def __init__(self, error: str) -> None:
        self.error = error
        super().__init__()


class FilterChoicesLoaded(Message):
    def __init__(self, choices: Choices) -> None:
        self.choices = choices
        super().__init__()


class DetailLoaded(Message):
    def __init__(
        self, detail: ActionDetail, today: dt.date, governance: ActionGovernance | None = None,
        changes: tuple[ChangeEntry, ...] = (),
    ) -> None:  # fmt: skip
        self.detail = detail
        self.today = today
        self.governance = governance  # its challenges and each update's trail
        self.changes = changes  # the action's edits (tracker.services.actions.changes)
        super().__init__()
