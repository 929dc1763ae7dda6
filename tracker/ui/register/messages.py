"""What the register's workers report back (past tense: the work is done)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict

from textual.message import Message

from tracker.ui.register.view import View

if TYPE_CHECKING:
    import datetime as dt
    from typing import TypeAlias

    from tracker.errors import ConflictChange, Problem
    from tracker.services.actions.changes import ChangeEntry
    from tracker.services.actions.detail import ActionDetail
    from tracker.services.actions.edit import EditResult
    from tracker.services.actions.register import ActionRow
    from tracker.services.actions.updates import UpdateResult
    from tracker.services.choices import Choices
    from tracker.services.governance.detail_governance import ActionGovernance

    # what a window's save returns: the service's result (an update recorded; an action
    # edited, added or cancelled)
    Saved: TypeAlias = UpdateResult | EditResult


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


# -- the action windows (tracker.ui.register.form) ---------------------------------------


class FormData(TypedDict, total=False):
    """What a window's read brings back (FormScreen.read, in a worker)."""

    base: ActionDetail  # the action, read afresh (or for the first time)
    choices: Choices  # the lists to choose from (the edit and new window)
    refusal: str | None  # why the account may not save here (None: it may)


class FormMessage(Message):
    """From a worker of one opening of a window (`opening`): a window reused for another action
    since then ignores it."""

    def __init__(self, opening: int) -> None:
        self.opening = opening
        super().__init__()


class FormLoaded(FormMessage):
    def __init__(self, opening: int, data: FormData) -> None:
        self.data = data
        super().__init__(opening)


class FormSaved(FormMessage):
    def __init__(self, opening: int, result: Saved) -> None:
        self.result = result
        super().__init__(opening)


class FormRefused(FormMessage):
    def __init__(self, opening: int, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(opening)


class FormConflicted(FormMessage):
    def __init__(
        self, opening: int, message: str, fresh: ActionDetail | None,
        changes: tuple[ConflictChange, ...],
    ) -> None:  # fmt: skip
        self.message = message
        self.fresh = fresh
        self.changes = changes
        super().__init__(opening)
