"""What the Resolutions screen says in words: the line about the highlighted follow-up, the
label over the matters arising, what an import of minutes recorded, and in its review where a
resolution was minuted."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from tracker.ui.resolutions.common import short
from tracker.ui.widgets.text import day
from tracker.vocabulary import counted

if TYPE_CHECKING:
    from tracker.services.committees.arising import MattersArising
    from tracker.services.committees.followups import FollowUpRow


# the headings over a meeting's follow-ups not under one of its resolutions, by where they came
# from (FollowUpRow.source), in this order
OTHER_FOLLOWUPS = (
    ("minuted", "minuted action lines"),
    ("review", "taken in the import review"),
    ("hand", "added by hand"),
    ("escalation", "decided on an escalation"),
    ("resolution", "from a resolution no longer recorded"),
    ("unrecorded", "not from a resolution; where from was not recorded"),
)


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
    parts.append(f.came_from)
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
    left = r.taken - r.taken_from_page - r.made_from_resolutions
    yours = [f"{r.taken_from_page} from the page"] if r.taken_from_page else []
    yours += [f"{left} from lines the reader left"] if left else []
    if yours:  # "2 taken from the page, 1 from lines the reader left"
        yours[0] = yours[0].replace(" from ", " taken from ", 1)
    yours += [f"{r.made_from_resolutions} made from resolutions"] if r.made_from_resolutions else []
    yours += [f"{r.added_by_hand} added by hand"] if r.added_by_hand else []
    return (
        f"Recorded for {r.committee_name}, {day(r.date)}: "
        f"{counted(r.resolutions_added, 'resolutions')}, "
        f"{counted(len(r.followups_added), 'follow-ups')}"
        + (f" ({', '.join(yours)})." if yours else ".")
    )


# what a follow-up outside any resolution was read from, for the line under the table
SOURCES = {"action-line": "an ACTION line", "action-table": "a row of an action table"}


def page_number(number: str | None, printed: Mapping[str, str]) -> str:
    """The number as the page prints it: "7 (2)", told apart by its item because each item
    numbers its resolutions afresh, is "(2)" beside item 7 (`printed`: the draft's resolutions
    whose number is not as printed, with the number printed)."""
    return printed.get(number or "", number or "")


def where_minuted(item: str, number: str | None, width: int = 99) -> str:
    """Where an officer finds a resolution on the page: the agenda item (or minute number) as
    printed and the resolution's own number, "5 · (2)"; either alone ("5", "(2)") when the page
    prints only one, "" when neither. Too long for `width`, the item is cut, not the number."""
    tail = f"({number})" if number else ""
    label = " · ".join(p for p in (item, tail) if p)
    if len(label) <= width or not (item and tail) or width < len(tail) + 3:
        return short(label, width)
    return short(item, width - len(tail) - 1) + "·" + tail


def nothing_recorded(status: str) -> str:
    """What an empty meeting says: a scheduled one has not been held, so nothing is missing yet."""
    if status == "scheduled":
        return "Not held yet: nothing is recorded until its minutes are imported (press i once it has met)."
    return "Nothing recorded for this meeting."
