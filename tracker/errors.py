"""What a service refuses, in words a user can act on. Faces map these to exit codes and
inline messages: InvalidInput and NotFound -> 2, Conflict -> 3."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass


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
    exit_code = 1


class InvalidInput(TrackerError):
    """Refused whole: nothing was stored."""

    exit_code = 2

    def __init__(self, problems: Problem | Iterable[Problem]) -> None:
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class NotFound(TrackerError):
    exit_code = 2


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

    exit_code = 3

    def __init__(
        self, message: str, changes: Iterable[ConflictChange] = (), *, yours: str = "you read"
    ) -> None:
        self.changes = tuple(changes)
        self.yours = yours  # what "yours" is: the value you read, or what a file says
        super().__init__(message)


class NotReady(TrackerError):
    """The database is missing or its schema is behind; says which command fixes it."""

    exit_code = 2


def invalid(field: str, message: str, allowed: str | None = None) -> InvalidInput:
    return InvalidInput(Problem(field=field, message=message, allowed=allowed))
