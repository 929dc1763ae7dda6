"""Wording shared by the Boards screen and its hold-meeting window."""

from __future__ import annotations


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def refusal(exc: Exception) -> str:
    from tracker.errors import Conflict, InvalidInput

    if isinstance(exc, InvalidInput):
        return "Refused, nothing was changed: " + "; ".join(str(p) for p in exc.problems)
    if isinstance(exc, Conflict):
        return f"{exc}. Nothing was overwritten."
    return str(exc)
