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
from typing import TypeVar, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.models import Action, AgendaItem, FollowUp, Meeting, Resolution
from tracker.services.papers.data import FollowUpItem, MeetingInfo, ResolutionItem
from tracker.vocabulary import exempt_label

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
    """Everything marked exempt, by what identifies it in a paper."""
    actions = {ref: n for ref, n in s.execute(
        select(Action.ref, Action.exempt_paragraph).where(Action.exempt_paragraph.is_not(None)))
        if n is not None}  # fmt: skip
    followups = {i: n for i, n in s.execute(
        select(FollowUp.id, FollowUp.exempt_paragraph)
        .where(FollowUp.exempt_paragraph.is_not(None))) if n is not None}  # fmt: skip
    resolutions = {
        (day, number, text): n
        for day, number, text, n in s.execute(
            select(Meeting.date, Resolution.number, Resolution.text, Resolution.exempt_paragraph)
            .join(Meeting, Resolution.meeting_id == Meeting.id)
            .where(Resolution.exempt_paragraph.is_not(None))
        )
        if n is not None
    }  # fmt: skip
    agenda = {t: n for t, n in s.execute(
        select(AgendaItem.title, AgendaItem.exempt_paragraph)
        .where(AgendaItem.exempt_paragraph.is_not(None))) if n is not None}  # fmt: skip
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
