"""What a service refuses, in the domain's words: fields are domain fields ("status", "due
date"), never a face's flags or widgets. Each face maps them to its own words: the CLI to its
flags and exit codes, the app to the field in the form."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

# What would put a refusal right, as a fact about the domain; each face says how to do it.
Remedy = Literal[
    "schedule the meeting",
    "review the meeting",
    "create the database",
    "upgrade the database",
    "confirm another meeting",
]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where it is, which field, what is allowed."""

    field: str
    message: str
    allowed: str | None = None
    file: str | None = None
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = self.file
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        text = f"{where}{self.field}: {self.message}" if self.field else f"{where}{self.message}"
        if self.allowed:
            text += f" (allowed: {self.allowed})"
        return text


class TrackerError(Exception):
    remedy: Remedy | None = None

    def __init__(self, *args: object, remedy: Remedy | None = None) -> None:
        super().__init__(*args)
        self.remedy = remedy


class InvalidInput(TrackerError):
    """Refused whole: nothing was stored."""

    def __init__(
        self, problems: Problem | Iterable[Problem], *, remedy: Remedy | None = None
    ) -> None:
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems), remedy=remedy)


class NotFound(TrackerError):
    pass


@dataclass(frozen=True)
class ConflictChange:
    """One field that changed under you: the value you started from (or a file's), the value
    now in the database, and who made that change, when. `record` names the record when one
    refusal covers several (a plan import)."""

    field: str
    yours: str
    theirs: str
    who: str | None = None
    when: dt.datetime | None = None
    record: str | None = None

    def changed_by(self) -> str:
        """Who made the change now in the database, and when, as every face shows it."""
        when = f"{self.when:%d %b %Y %H:%M} UTC" if self.when else None
        return ", ".join(x for x in (self.who, when) if x) or "-"


class Conflict(TrackerError):
    """Somebody else changed the record since it was read; nothing was overwritten.

    `changes` explains it once, as data, for every face to show as it is."""

    def __init__(
        self, message: str, changes: Iterable[ConflictChange] = (), *, yours: str = "you read"
    ) -> None:
        self.changes = tuple(changes)
        self.yours = yours  # what "yours" is: the value you read, or what a file says
        super().__init__(message)


class NotReady(TrackerError):
    """The database is missing or its schema is behind; its remedy says what fixes it."""


class SignInRefused(TrackerError):
    """A sign-in or a sign-in ticket was refused. One wording for an unknown login, a wrong
    password and a disabled account, so that the refusal tells an attacker nothing."""


class TooManySessions(TrackerError):
    """A browser sign-in refused for now: as many sessions are open as `[serve] max_sessions`
    allows (counted in the database, so across every server sharing it). Nothing changed."""


class NotPermitted(TrackerError):
    """The acting account's roles do not allow this; nothing was changed. The message names
    who may do it ("only the Supporting Families Board's secretary can record verdicts at its
    meetings"). `actor`, `what` and `target` are for the audit entry of the refusal, which the
    database writes after the refused transaction has been rolled back."""

    def __init__(
        self, message: str, *, actor: str | None = None, what: str = "", target: str = ""
    ) -> None:
        super().__init__(message)
        self.actor = actor
        self.what = what
        self.target = target


def invalid(
    field: str, message: str, allowed: str | None = None, *, remedy: Remedy | None = None
) -> InvalidInput:
    return InvalidInput(Problem(field=field, message=message, allowed=allowed), remedy=remedy)
