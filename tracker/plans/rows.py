"""What a plan's items store: each table's row for an item of the file, and its audit key.

The one place the import's rows are built, for both roads that write them: the importer on a
SQLAlchemy session (`importer`, which compares them with what is there) and the plain DB-API
writer of a plan into a database that holds no plan yet (`fresh`). Imports no SQLAlchemy.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from operator import attrgetter
from typing import Any

from tracker.plans.document import (
    ActionSpec,
    BoardSpec,
    FollowUpSpec,
    IndicatorSpec,
    MeetingSpec,
    OrganisationSpec,
    OutcomeSpec,
    PersonSpec,
    PhaseSpec,
    ReadingSpec,
    ResolutionSpec,
    StageSpec,
    StrategySpec,
    UpdateSpec,
)
from tracker.stored_values import new_uid

# the sections an import counts, in the order of the format
SECTIONS = (
    "strategy", "organisations", "people", "boards", "phases", "stages", "commitments",
    "outcomes", "indicators", "readings", "actions", "updates", "meetings", "resolutions",
    "followups", "access",
)  # fmt: skip

_AT_BY = attrgetter("at", "by")  # an update's order: when, then who (no Python call per update)


def newest(updates: list[UpdateSpec] | tuple[UpdateSpec, ...]) -> UpdateSpec | None:
    return max(updates, key=_AT_BY) if updates else None


def strategy(st: StrategySpec) -> dict[str, Any]:
    return {
        "title": st.title, "start_year": st.start_year, "end_year": st.end_year,
        "vision": st.vision, "principles": list(st.principles), "source": st.source,
        "rag_green": st.rag_green, "rag_red": st.rag_red,
    }  # fmt: skip


def organisation(o: OrganisationSpec) -> dict[str, Any]:
    return {"code": o.code, "name": o.name}


def person(p: PersonSpec, org_ids: Mapping[str, int]) -> dict[str, Any]:
    return {
        "code": p.code, "name": p.name, "role": p.role, "email": p.email,
        "organisation_id": org_ids[p.organisation] if p.organisation else None,
    }  # fmt: skip


def board(b: BoardSpec, board_ids: Mapping[Any, int], person_ids: Mapping[str, int]) -> (
    dict[str, Any]
):  # fmt: skip
    """board_ids: its parent's id is there (the parents are written first)."""
    return {
        "code": b.code, "name": b.name, "kind": b.kind,
        "parent_id": board_ids[b.parent] if b.parent else None,
        "chair_id": person_ids[b.chair] if b.chair else None,
        "chair_description": b.chair_description, "meets": b.meets,
        "area": b.area, "description": b.description,
        "tolerances": dict(b.tolerances) if b.tolerances is not None else None,
    }  # fmt: skip


def parents_first(boards: tuple[BoardSpec, ...]) -> list[BoardSpec]:
    """Boards ordered so that every parent in the file comes before its children."""
    by_code = {b.code: b for b in boards}
    out: list[BoardSpec] = []
    done: set[str] = set()
    for b in boards:
        chain = []
        node: BoardSpec | None = b
        while node is not None and node.code not in done:
            chain.append(node)
            done.add(node.code)
            node = by_code.get(node.parent) if node.parent else None
        out.extend(reversed(chain))
    return out


def phase(sid: int, p: PhaseSpec) -> dict[str, Any]:
    return {"strategy_id": sid, "number": p.number, "name": p.name, "start_year": p.start,
            "end_year": p.end, "description": p.description}  # fmt: skip


def phase_key(title: str, p: PhaseSpec) -> str:
    return f"{title}: phase {p.number}"


def stage(sid: int, st: StageSpec) -> dict[str, Any]:
    return {"strategy_id": sid, "number": st.number, "name": st.name,
            "description": st.description}  # fmt: skip


def stage_key(title: str, st: StageSpec) -> str:
    return f"{title}: stage {st.number}"


def commitment(stage_id: int, pos: int, text: str) -> dict[str, Any]:
    return {"stage_id": stage_id, "position": pos, "text": text}


def commitment_key(title: str, st: StageSpec, pos: int) -> str:
    return f"{title}: stage {st.number} commitment {pos + 1}"


def outcome(pos: int, o: OutcomeSpec) -> dict[str, Any]:
    return {"code": o.code, "name": o.name, "position": pos}


def indicator(
    i: IndicatorSpec, outcome_ids: Mapping[str, int], board_ids: Mapping[str, int]
) -> dict[str, Any]:
    return {
        "code": i.code, "name": i.name,
        "outcome_id": outcome_ids[i.outcome] if i.outcome else None,
        "board_id": board_ids[i.board] if i.board else None,
        "unit": i.unit, "target": i.target, "direction": i.direction,
        "frequency": i.frequency, "source": i.source,
    }  # fmt: skip


def reading(indicator_id: int, r: ReadingSpec) -> dict[str, Any]:
    return {"indicator_id": indicator_id, "date": r.date, "period": r.period, "value": r.value,
            "note": r.note}  # fmt: skip


def reading_key(i: IndicatorSpec, r: ReadingSpec) -> str:
    return f"{i.code} {r.date.isoformat() if r.date else r.period or 'undated'}"


class ActionIds:
    """The ids an action's row refers to, by the codes and numbers of the file."""

    def __init__(
        self, sid: int, org_ids: Mapping[str, int], person_ids: Mapping[str, int],
        board_ids: Mapping[str, int], phase_ids: Mapping[int, int],
        stage_ids: Mapping[int, int],
    ) -> None:  # fmt: skip
        self.sid = sid
        self.org_ids = org_ids
        self.person_ids = person_ids
        self.board_ids = board_ids
        self.phase_ids = phase_ids
        self.stage_ids = stage_ids


def action(
    a: ActionSpec, ids: ActionIds, latest_at: dt.datetime | None, commentary: str | None,
    now: dt.datetime,
) -> dict[str, Any]:  # fmt: skip
    """An action's row: the file's position, with its latest update's time and commentary."""
    return {
        "ref": a.ref, "strategy_id": ids.sid, "phase_id": ids.phase_ids[a.phase],
        "stage_id": ids.stage_ids[a.stage] if a.stage is not None else None,
        "board_id": ids.board_ids[a.board] if a.board else None,
        "owner_id": ids.person_ids[a.owner] if a.owner else None,
        "lead_organisation_id": ids.org_ids[a.lead_organisation]
        if a.lead_organisation else None,
        "title": a.title, "description": a.description, "start": a.start, "due": a.due,
        "status": a.status, "rag": a.rag, "progress": a.progress,
        "latest_update_at": latest_at, "latest_commentary": commentary,
        "created_at": now, "exempt_paragraph": a.exempt,
    }  # fmt: skip


UPDATE_COLUMNS = (
    "action_id", "recorded_at", "recorded_by", "status", "rag", "progress", "commentary",
)  # fmt: skip


def updates_entry(created: int, actions: int) -> str:
    """The `new` of the one audit entry for an import's status updates (entity
    "status_update", keyed by the file)."""
    return (f"created {created} status update{'s' if created != 1 else ''} of {actions} "
            f"action{'s' if actions != 1 else ''}")  # fmt: skip


def fingerprint(*parts: object) -> str:
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def resolution_fingerprint(item_title: str | None, number: str, text: str) -> str:
    return fingerprint(item_title, number, text)


def followup_fingerprint(number: str, position: int, text: str) -> str:
    return fingerprint(number, position, text)


def meeting(m: MeetingSpec, board_id: int) -> dict[str, Any]:
    return {
        "board_id": board_id, "date": m.date, "title": m.title, "status": m.status,
        # for a new row only (not compared): an existing one keeps its own
        "uid": m.uid or new_uid(), "sequence_base": m.sequence or 0,
    }  # fmt: skip


def resolution(m: MeetingSpec, mid: int, pos: int, r: ResolutionSpec) -> dict[str, Any]:
    return {
        "meeting_id": mid, "item_title": m.title, "number": r.number, "position": pos,
        "kind": r.kind, "text": r.text,
        "fingerprint": resolution_fingerprint(m.title, r.number, r.text),
        "exempt_paragraph": r.exempt,
    }  # fmt: skip


def resolution_key(m: MeetingSpec, r: ResolutionSpec) -> str:
    return f"{m.label} / {r.number}"


def followup(
    mid: int, rid: int, r: ResolutionSpec, pos: int, f: FollowUpSpec,
    person_ids: Mapping[str, int],
) -> dict[str, Any]:  # fmt: skip
    return {
        "meeting_id": mid, "resolution_id": rid, "source": "resolution", "position": pos,
        "owner_id": person_ids[f.owner] if f.owner else None,
        "owner_text": f.owner_text, "text": f.text, "due": f.due, "status": f.status,
        "fingerprint": followup_fingerprint(r.number, pos, f.text),
        "uid": f.uid or new_uid(), "sequence_base": f.sequence or 0,
        "exempt_paragraph": f.exempt,
    }  # fmt: skip


def followup_key(m: MeetingSpec, r: ResolutionSpec, pos: int) -> str:
    return f"{m.label} / {r.number} / {pos + 1}"
