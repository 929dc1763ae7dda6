"""Exempt items (Local Government Act 1972, Schedule 12A) left out of a public paper.

A paper is public unless it is asked for as confidential. In a public paper every action,
resolution, follow-up and meeting item marked exempt keeps its place (its ref, number, dates,
status and RAG), but its words are replaced by "exempt item (paragraph N)" and what hangs from
it (an exception report's history and options) is left out. The context is redacted after it is
built, in the paper's session, so every paper kind and every user template gets the same rule.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields, is_dataclass, replace
from typing import TYPE_CHECKING, TypeVar, cast

from tracker.services.papers.data import MeetingInfo
from tracker.services.plain_sql import Reader, SessionReader, as_date
from tracker.vocabulary import exempt_label

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

T = TypeVar("T")
# the words of an item: replaced in a public paper when the item is exempt
WORDS = frozenset({
    "title", "text", "commentary", "why", "reason", "decision_sought", "recommendation",
    "last_response", "item_title", "description", "cause", "decision_note", "note", "effect",
})  # fmt: skip


@dataclass(frozen=True)
class Exempt:
    actions: dict[str, int]  # ref -> paragraph
    followups: dict[int, int]  # id -> paragraph
    resolutions: dict[tuple[dt.date | None, str, str], int]  # (meeting date, number, text)
    agenda: dict[str, int]  # meeting item title -> paragraph

    def __bool__(self) -> bool:
        return bool(self.actions or self.followups or self.resolutions or self.agenda)

    def paragraph_of(self, item: object) -> int | None:
        # (a paper without follow-ups or resolutions has not loaded their types: loaded here)
        from tracker.services.papers.data.cover import ResolutionItem
        from tracker.services.papers.data.matters import FollowUpItem

        if isinstance(item, FollowUpItem):
            return self.followups.get(item.id)
        if isinstance(item, ResolutionItem):
            return self.resolutions.get((item.meeting_date, item.number, item.text))
        ref = getattr(item, "ref", None)
        if isinstance(ref, str):
            return self.actions.get(ref)
        inner = getattr(getattr(item, "action", None), "ref", None)  # an exception's action
        return self.actions.get(inner) if isinstance(inner, str) else None


def exempt_in(s: Session) -> Exempt:
    """`exempt_read` in an open session."""
    return exempt_read(SessionReader(s))


def exempt_read(reader: Reader) -> Exempt:
    """Everything marked exempt, by what identifies it in a paper."""
    actions = {r[0]: r[1] for r in reader.rows(
        "SELECT ref, exempt_paragraph FROM action WHERE exempt_paragraph IS NOT NULL", {})}  # fmt: skip
    followups = {r[0]: r[1] for r in reader.rows(
        "SELECT id, exempt_paragraph FROM followup WHERE exempt_paragraph IS NOT NULL", {})}  # fmt: skip
    resolutions = {
        (as_date(day), number, text): n
        for day, number, text, n in reader.rows(
            "SELECT meeting.date, resolution.number, resolution.text, resolution.exempt_paragraph "
            "FROM resolution JOIN meeting ON resolution.meeting_id = meeting.id "
            "WHERE resolution.exempt_paragraph IS NOT NULL", {})
    }  # fmt: skip
    agenda = {r[0]: r[1] for r in reader.rows(
        "SELECT title, exempt_paragraph FROM agenda_item WHERE exempt_paragraph IS NOT NULL", {})}  # fmt: skip
    return Exempt(actions, followups, resolutions, agenda)


def redact(value: T, exempt: Exempt) -> T:
    """`value` (a paper's context, or any part of it) with every exempt item's words replaced
    by "exempt item (paragraph N)"."""
    if not exempt:
        return value
    return cast(T, _redact(value, exempt))


def _redact(value: object, exempt: Exempt) -> object:
    if isinstance(value, tuple):
        items = tuple(_redact(v, exempt) for v in value)
        return items if any(a is not b for a, b in zip(items, value, strict=True)) else value
    if not is_dataclass(value) or isinstance(value, type):
        return value
    paragraph = exempt.paragraph_of(value)
    changes: dict[str, object] = {}
    for f in fields(value):
        if not f.init:
            continue
        current = getattr(value, f.name)
        if paragraph is not None and f.name in WORDS and isinstance(current, str):
            changes[f.name] = exempt_label(paragraph)
        elif (paragraph is not None and isinstance(current, tuple) and current
              and all(is_dataclass(c) for c in current) and f.name != "dependents"):  # fmt: skip
            changes[f.name] = ()  # what hangs from an exempt item: its history, its options
        else:
            new = _redact(current, exempt)
            if new is not current:
                changes[f.name] = new
    if isinstance(value, MeetingInfo) and exempt.agenda:
        changes["agenda"] = tuple(
            exempt_label(exempt.agenda[t]) if t in exempt.agenda else t for t in value.agenda
        )
    return replace(value, **changes) if changes else value
