"""Open data: the governance as Popolo / Open Civic Data JSON, and the actions as a CSV in the
layout Decidim's Accountability component imports (its results, with progress).

`tracker opendata export DIR` writes DIR/popolo.json (organizations: the boards and committees;
persons: chairs and the people recorded at meetings; memberships: chairs and attendance;
events: the meetings; motions: the resolutions, each with its outcome as a vote event) and
DIR/accountability.csv. Popolo: https://www.popoloproject.com/specs/ ; Decidim's layout:
decidim-accountability's result import (semicolon-separated, one column per locale).
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.errors import invalid
from tracker.files import write_bytes
from tracker.models import (
    Action,
    Board,
    Meeting,
    MeetingAttendee,
    Person,
    Phase,
    Resolution,
)
from tracker.services.context import Tracker
from tracker.text import visible
from tracker.vocabulary import exempt_label

# Decidim Accountability's result CSV, English only (decidim-accountability spec fixtures)
DECIDIM_COLUMNS = (
    "id", "category/id", "category/name/en", "scope/id", "scope/name/en", "parent/id",
    "title/en", "description/en", "start_date", "end_date", "status/id", "status/key",
    "status/name/en", "progress", "created_at", "url", "component/id", "proposal_urls",
)  # fmt: skip
DECIDIM_STATUSES = {  # tracker status -> (status/id, key, name)
    "not started": (1, "not_started", "Not started"),
    "in progress": (2, "in_progress", "In progress"),
    "complete": (3, "complete", "Complete"),
    "cancelled": (4, "cancelled", "Cancelled"),
}
# a resolution's kind -> the motion's result (Popolo leaves the words to the publisher)
RESULTS = {"resolved": "pass", "agreed": "pass", "recommended": "pass", "noted": "noted"}


@dataclass(frozen=True)
class OpenDataExport:
    folder: str
    organizations: int
    persons: int
    memberships: int
    events: int
    motions: int
    actions: int
    files: tuple[str, ...]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "unnamed"


def _clean(value: str | None) -> str | None:
    return None if value is None else visible(value)


def popolo_in(s: Session) -> dict[str, list[dict[str, Any]]]:
    """The governance as Popolo collections."""
    boards = list(s.scalars(select(Board).order_by(Board.code)))
    codes = {b.id: b.code for b in boards}
    names = {b.id: b.name for b in boards}
    people = {p.id: p for p in s.scalars(select(Person))}
    meetings = list(s.scalars(select(Meeting).order_by(Meeting.date, Meeting.id)))
    attendees = list(s.scalars(select(MeetingAttendee).order_by(MeetingAttendee.id)))
    resolutions = list(s.scalars(
        select(Resolution).order_by(Resolution.meeting_id, Resolution.position)))  # fmt: skip
    by_meeting = {m.id: m for m in meetings}
    organizations = [{
        "id": f"board/{b.code}", "name": visible(b.name), "classification": b.kind,
        "parent_id": f"board/{codes[b.parent_id]}" if b.parent_id in codes else None,
        "description": _clean(b.description),
        "identifiers": [{"scheme": "tracker", "identifier": b.code}],
    } for b in boards]  # fmt: skip
    persons: dict[str, dict[str, Any]] = {}
    memberships: list[dict[str, Any]] = []

    def person(p: Person) -> str:
        pid = f"person/{p.code}"
        persons.setdefault(pid, {"id": pid, "name": visible(p.name or p.role or p.code),
                                 "summary": _clean(p.role)})  # fmt: skip
        return pid

    for b in boards:
        if b.chair_id in people:
            memberships.append({
                "id": f"membership/chair/{b.code}", "person_id": person(people[b.chair_id]),
                "organization_id": f"board/{b.code}", "role": "Chair", "label": "Chair",
            })  # fmt: skip
    seen: set[tuple[str, str]] = set()
    for a in attendees:
        m = by_meeting.get(a.meeting_id)
        if m is None:
            continue
        if a.person_id in people:
            pid = person(people[a.person_id])
        else:
            pid = f"attendee/{_slug(a.name)}"
            persons.setdefault(pid, {"id": pid, "name": visible(a.name)})
        org = f"board/{codes[m.board_id]}"
        if (pid, org) in seen:
            continue
        seen.add((pid, org))
        memberships.append({"id": f"membership/{_slug(pid)}/{codes[m.board_id]}",
                            "person_id": pid, "organization_id": org, "role": "attendee",
                            "label": "Recorded at the body's meetings"})  # fmt: skip
    events = [{
        "id": f"meeting/{m.id}",
        "name": visible(m.title or names[m.board_id]),
        "classification": "meeting", "organization_id": f"board/{codes[m.board_id]}",
        "start_date": m.date.isoformat() if m.date else None,
        "status": {"held": "completed", "cancelled": "cancelled"}.get(m.status, "confirmed"),
        "location": _clean(m.location),
    } for m in meetings]  # fmt: skip
    motions = []
    vote_events = []
    for r in resolutions:
        m = by_meeting[r.meeting_id]
        org = f"board/{codes[m.board_id]}"
        result = RESULTS.get(r.kind, r.kind)
        words = r.text if r.exempt_paragraph is None else exempt_label(r.exempt_paragraph)
        motions.append({
            "id": f"motion/{r.id}", "organization_id": org,
            "legislative_session_id": f"meeting/{m.id}", "identifier": r.number,
            "classification": r.kind, "text": visible(words),
            "date": m.date.isoformat() if m.date else None, "result": result,
        })  # fmt: skip
        vote_events.append({
            "id": f"vote-event/{r.id}", "motion_id": f"motion/{r.id}", "organization_id": org,
            "legislative_session_id": f"meeting/{m.id}", "identifier": r.number,
            "start_date": m.date.isoformat() if m.date else None, "result": result,
        })  # fmt: skip
    return {"organizations": organizations, "persons": list(persons.values()),
            "memberships": memberships, "events": events, "motions": motions,
            "vote_events": vote_events}  # fmt: skip


def accountability_in(s: Session) -> list[dict[str, object]]:
    """The actions as Decidim Accountability results: one row an action, its board as the
    category, its phase as the scope, progress in per cent."""
    boards = {b.id: b for b in s.scalars(select(Board))}
    phases = {p.id: p for p in s.scalars(select(Phase))}
    actions = list(s.scalars(select(Action).order_by(Action.id)))
    rows: list[dict[str, object]] = []
    for a in actions:
        status_id, key, name = DECIDIM_STATUSES[a.status]
        board = boards.get(a.board_id) if a.board_id is not None else None
        phase = phases.get(a.phase_id)
        notes = [f"Ref {a.ref}."]
        if a.rag:
            notes.append(f"RAG: {a.rag}.")
        title = a.title
        if a.exempt_paragraph is not None:  # open data is public: its words are withheld
            title = exempt_label(a.exempt_paragraph)
            notes.append(title + ".")
        elif a.latest_commentary:
            notes.append(f"Latest: {a.latest_commentary}")
        rows.append({
            "id": a.id, "category/id": board.id if board else "",
            "category/name/en": visible(board.name) if board else "",
            "scope/id": phase.number if phase else "",
            "scope/name/en": visible(phase.name or f"Phase {phase.number}") if phase else "",
            "parent/id": "", "title/en": visible(title),
            "description/en": visible(" ".join(notes)),
            "start_date": a.start.isoformat() if a.start else "",
            "end_date": a.due.isoformat() if a.due else "",
            "status/id": status_id, "status/key": key, "status/name/en": name,
            "progress": float(a.progress),
            "created_at": a.created_at.strftime("%Y-%m-%d %H:%M:%S UTC"),
            "url": "", "component/id": "", "proposal_urls": "",
        })  # fmt: skip
    return rows


def _csv(rows: list[dict[str, object]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=DECIDIM_COLUMNS, delimiter=";")
    writer.writeheader()
    for r in rows:
        writer.writerow({k: ("" if v is None else v) for k, v in r.items()})
    return out.getvalue().encode("utf-8")


def export_opendata(t: Tracker, folder: str | Path) -> OpenDataExport:
    """Write DIR/popolo.json and DIR/accountability.csv (each beside its target, renamed into
    place). The folder must exist."""
    target = Path(folder)
    if not target.is_dir():
        raise invalid("folder", f"{target} is not a folder", "an existing folder")
    with t.db.reading() as s:  # one snapshot for both files
        data = popolo_in(s)
        rows = accountability_in(s)
    stamp = t.today().isoformat()
    document = {"meta": {"generator": "tracker", "date": stamp,
                         "spec": "https://www.popoloproject.com/specs/"}, **data}  # fmt: skip
    files = (target / "popolo.json", target / "accountability.csv")
    write_bytes(files[0], (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode(),
                field="open data file")  # fmt: skip
    write_bytes(files[1], _csv(rows), field="open data file")
    return OpenDataExport(
        folder=str(target), organizations=len(data["organizations"]),
        persons=len(data["persons"]), memberships=len(data["memberships"]),
        events=len(data["events"]), motions=len(data["motions"]), actions=len(rows),
        files=tuple(str(f) for f in files),
    )  # fmt: skip
