"""Marking an action, a resolution, a follow-up or a meeting item exempt from publication
(Local Government Act 1972, Schedule 12A, paragraphs 1-7), or public again. Public papers,
the calendar and open data then show it as "exempt item (paragraph N)"."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from tracker.domain import audit
from tracker.errors import NotFound, invalid
from tracker.models import Action, AgendaItem, FollowUp, Resolution
from tracker.services.accounts.permissions import require
from tracker.services.context import Tracker
from tracker.vocabulary import EXEMPT_PARAGRAPHS

KINDS = {"action": Action, "resolution": Resolution, "followup": FollowUp,
         "meeting-item": AgendaItem}  # fmt: skip


@dataclass(frozen=True)
class ExemptMark:
    kind: str
    key: str  # the action's ref, else the id
    paragraph: int | None  # None: public
    previous: int | None
    text: str  # the item's title or text (for the one who marked it)


def mark_exempt(t: Tracker, kind: str, key: str, paragraph: int | None) -> ExemptMark:
    """Mark the item exempt under `paragraph` (1-7), or public (None). Audited."""
    if kind not in KINDS:
        raise invalid("kind", f"unknown kind {kind!r}", ", ".join(KINDS))
    if paragraph is not None and paragraph not in EXEMPT_PARAGRAPHS:
        raise invalid("paragraph", f"{paragraph} is not a paragraph of Schedule 12A",
                      "1-7")  # fmt: skip
    key = key.strip()
    if kind != "action" and not key.isdigit():
        raise invalid("id", f"{key!r} is not an id", "the number shown in its list")
    with t.db.writing() as s:
        require(t, s, "mark exempt")
        item: Action | Resolution | FollowUp | AgendaItem | None
        if kind == "action":
            item = s.scalars(select(Action).where(Action.ref == key)).one_or_none()
        elif kind == "resolution":
            item = s.get(Resolution, int(key))
        elif kind == "followup":
            item = s.get(FollowUp, int(key))
        else:
            item = s.get(AgendaItem, int(key))
        if item is None:
            raise NotFound(f"no {kind} {key}")
        previous = item.exempt_paragraph
        item.exempt_paragraph = paragraph
        if previous != paragraph:
            audit.record(s, t.user, "edit", kind, key, {"exempt": (previous, paragraph)})
        words = item.title if isinstance(item, Action | AgendaItem) else item.text
        return ExemptMark(kind, key, paragraph, previous, words)
