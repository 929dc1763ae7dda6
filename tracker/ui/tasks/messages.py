"""What a task window's workers report back (past tense: the work is done)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.message import Message

if TYPE_CHECKING:
    from tracker.errors import Problem
    from tracker.ui.tasks.task import Done, Options


class ChoicesRead(Message):
    def __init__(self, options: dict[str, Options]) -> None:
        self.options = options
        super().__init__()


class ChoiceFollowed(Message):
    def __init__(self, options: dict[str, Options], values: dict[str, Any], choice: str) -> None:
        self.options = options
        self.values = values
        self.choice = choice
        super().__init__()


class TaskDone(Message):
    def __init__(self, done: Done) -> None:
        self.done = done
        super().__init__()


class TaskRefused(Message):
    def __init__(self, problems: list[Problem], text: str = "") -> None:
        self.problems = problems
        self.text = text
        super().__init__()
