"""Wording shared by the Boards screen and its hold-meeting window."""

from __future__ import annotations


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def refusal(exc: Exception) -> str:
    from tracker.errors import Conflict, InvalidInput
    from tracker.ui.refusals import said

    if isinstance(exc, InvalidInput):
        return "Refused, nothing was changed: " + said(exc)
    if isinstance(exc, Conflict):
        return f"{exc}. Nothing was overwritten."
    return said(exc)
