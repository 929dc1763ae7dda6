"""What the Resolutions screen says in words: the line about the highlighted follow-up, the
label over the matters arising, and what an import of minutes recorded."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tracker.ui.widgets.text import day
from tracker.vocabulary import counted

if TYPE_CHECKING:
    from tracker.services.committees.arising import MattersArising
    from tracker.services.committees.followups import FollowUpRow


def followup_detail(f: FollowUpRow, arising: bool) -> str:
    """The follow-up in full; `arising`: shown among the matters arising (where it came from)."""
    parts = [f"Follow-up #{f.id}: {f.owner or 'unassigned'}"]
    if f.due:
        parts.append(f"due {day(f.due)}" + (" (OVERDUE)" if f.overdue else ""))
    parts.append(f"{f.status} {day(f.closed_on)}" if f.closed_on else f.status)
    if f.meeting_date and arising:
        parts.append(f"from the meeting of {day(f.meeting_date)}")
    if f.action:
        parts.append(f"plan action {f.action}")
    text = ", ".join(parts)
    if f.last_response:
        text += f"\nLatest response: {f.last_response}"
    return text


def arising_label(arising: MattersArising | None) -> str:
    if arising is None:
        return "Matters arising at this meeting"
    late = sum(f.overdue for f in arising.open)
    return (
        f"Matters arising at this meeting: {len(arising.open)} still open from earlier "
        f"meetings ({late} overdue), {len(arising.closed_since)} closed since the last"
    )


def result_text(r: Any) -> str:
    if r.meeting_id is None:
        return "Nothing to record: no resolution or follow-up was found."
    if r.nothing_new:
        return "Nothing new: these minutes were already imported."
    return (
        f"Recorded for {r.committee_name}, {day(r.date)}: "
        f"{counted(r.resolutions_added, 'resolutions')}, "
        f"{counted(len(r.followups_added), 'follow-ups')}."
    )
