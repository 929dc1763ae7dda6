"""Importing meetings, their resolutions and the follow-ups arising.

Meetings are keyed by (board, date, title), resolutions by (meeting, number), follow-ups by
(resolution, position). Fingerprints (sha256) make re-importing the same minutes add nothing:
a resolution's of f"{item title}\\x1f{number}\\x1f{text}", a follow-up's of
f"{resolution number}\\x1f{position}\\x1f{text}".
"""

from __future__ import annotations

from sqlalchemy import select

from tracker.models import FollowUp, Meeting, Resolution
from tracker.plans import rows as built
from tracker.plans.document import MeetingSpec
from tracker.plans.sync import Importing, rows

MEETING = Meeting.__table__
RESOLUTION = Resolution.__table__
FOLLOWUP = FollowUp.__table__


def run(imp: Importing, board_ids: dict[str, int], person_ids: dict[str, int]) -> None:
    s, w, counts = imp.s, imp.w, imp.counts
    meetings = imp.doc.meetings

    def key(m: MeetingSpec) -> tuple[int, object, str | None]:
        return (board_ids[m.board], m.date, m.title)

    existing = rows(s, MEETING, lambda r: (r["board_id"], r["date"], r["title"]))
    desired = [(key(m), m.label, built.meeting(m, board_ids[m.board])) for m in meetings]
    w.sync(counts["meetings"], MEETING, "meeting", desired, existing, ("status",), versioned=True)
    meeting_ids = {
        (b, day, title): i
        for i, b, day, title in s.execute(
            select(MEETING.c.id, MEETING.c.board_id, MEETING.c.date, MEETING.c.title)
        )
    }
    in_file = {meeting_ids[key(m)] for m in meetings}

    every = rows(s, RESOLUTION, lambda r: (r["meeting_id"], r["number"]))
    existing_r = {k: r for k, r in every.items() if r["meeting_id"] in in_file}
    desired_r = []
    for m in meetings:
        mid = meeting_ids[key(m)]
        for pos, r in enumerate(m.resolutions):
            desired_r.append(
                ((mid, r.number), built.resolution_key(m, r), built.resolution(m, mid, pos, r))
            )
    w.sync(
        counts["resolutions"], RESOLUTION, "resolution", desired_r, existing_r,
        ("item_title", "position", "kind", "text", "fingerprint", "exempt_paragraph"),
        derived=frozenset({"item_title", "fingerprint"}),
    )  # fmt: skip
    resolution_ids = {
        (mid, number): i
        for i, mid, number in s.execute(
            select(RESOLUTION.c.id, RESOLUTION.c.meeting_id, RESOLUTION.c.number)
        )
        if mid in in_file
    }

    wanted = set(resolution_ids.values())
    every_f = rows(s, FOLLOWUP, lambda r: (r["resolution_id"], r["position"]))
    existing_f = {k: r for k, r in every_f.items() if r["resolution_id"] in wanted}
    desired_f = []
    for m in meetings:
        mid = meeting_ids[key(m)]
        for r in m.resolutions:
            rid = resolution_ids[(mid, r.number)]
            for pos, f in enumerate(r.followups):
                desired_f.append((
                    (rid, pos), built.followup_key(m, r, pos),
                    built.followup(mid, rid, r, pos, f, person_ids),
                ))  # fmt: skip
    people = {v: k for k, v in person_ids.items()}
    w.sync(
        counts["followups"], FOLLOWUP, "followup", desired_f, existing_f,
        ("owner_id", "owner_text", "text", "due", "status", "fingerprint", "exempt_paragraph"),
        versioned=True, derived=frozenset({"fingerprint"}),
        labels={"owner_id": ("owner", people)},
    )  # fmt: skip
