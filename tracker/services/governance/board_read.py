"""Boards read in plain SQL (no SQLAlchemy, so `tracker board position` need not load it): a
board by code or name, the tree, a board's description, its last held meetings. The services in
a session read the same through `SessionReader` (tracker.services.governance.common)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tracker.errors import InvalidInput, NotFound, Problem
from tracker.services.governance.tree import Tree, TreeNode
from tracker.services.plain_sql import Params, Reader, as_date


@dataclass(frozen=True)
class BoardInfo:
    code: str
    name: str
    kind: str  # board | committee
    parent_code: str | None
    parent_name: str | None
    chair_label: str | None  # the chair's name and role, else the description ("a community rep")
    chair_code: str | None  # the chair as a person code, when known
    chair_description: str | None
    meets: str | None  # the meeting pattern, e.g. "termly"
    area: str | None
    description: str | None
    version: int
    depth: int = 0  # 0 for a top board, in list_boards' tree order

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.name,
            "kind": self.kind,
            "parent": self.parent_code,
            "chair": self.chair_label,
            "chair_code": self.chair_code,
            "chair_description": self.chair_description,
            "meets": self.meets,
            "area": self.area,
            "description": self.description,
            "version": self.version,
            "depth": self.depth,
        }


def person_label(name: str | None, role: str | None, code: str) -> str:
    """How a chair reads: "name (role)", else whichever of them is known, else the code."""
    if name and role:
        return f"{name} ({role})"
    return name or role or code


def find_board_id(reader: Reader, board: str, *, field: str = "board") -> int:
    """A board's id by its code, else by its name (case-insensitive)."""
    text = (board or "").strip()
    if not text:
        raise InvalidInput(Problem(field, "a board code or name is required"))
    p = Params(reader.dialect)
    found = reader.rows(f"SELECT id FROM board WHERE code = {p(text)}", p.values)
    if found:
        return int(found[0][0])
    p = Params(reader.dialect)
    matches = reader.rows(
        f"SELECT id, code FROM board WHERE lower(name) = {p(text.lower())}", p.values
    )
    if len(matches) == 1:
        return int(matches[0][0])
    if len(matches) > 1:
        raise InvalidInput(
            Problem(field, f"{text!r} names {len(matches)} boards; use the code",
                    ", ".join(m[1] for m in matches))
        )  # fmt: skip
    codes = [r[0] for r in reader.rows("SELECT code FROM board ORDER BY code", {})]
    raise NotFound(f"no board {text!r} (boards: {', '.join(codes) or 'none yet'})")


def tree_read(reader: Reader) -> Tree:
    """Every board (a small table): id -> node."""
    rows = reader.rows("SELECT id, code, name, parent_id FROM board", {})
    return {r[0]: TreeNode(id=r[0], code=r[1], name=r[2], parent_id=r[3]) for r in rows}


def board_info_read(reader: Reader, board_id: int, tree: Tree) -> BoardInfo:
    p = Params(reader.dialect)
    (code, name, kind, parent_id, description_of_chair, meets, area, description, version,
     chair_name, chair_role, chair_code) = reader.rows(
        "SELECT b.code, b.name, b.kind, b.parent_id, b.chair_description, b.meets, b.area, "
        "b.description, b.version, p.name, p.role, p.code FROM board b LEFT OUTER JOIN person "
        f"p ON p.id = b.chair_id WHERE b.id = {p(board_id)}", p.values)[0]  # fmt: skip
    parent = tree.get(parent_id) if parent_id is not None else None
    label = (
        person_label(chair_name, chair_role, chair_code)
        if chair_code is not None
        else description_of_chair
    )
    return BoardInfo(
        code=code, name=name, kind=kind,
        parent_code=parent.code if parent else None, parent_name=parent.name if parent else None,
        chair_label=label, chair_code=chair_code, chair_description=description_of_chair,
        meets=meets, area=area, description=description, version=version,
    )  # fmt: skip


def last_held(reader: Reader, board_ids: list[int], when: dt.date) -> dict[int, dt.date]:
    """Each board's last held meeting on or before the date."""
    if not board_ids:
        return {}
    p = Params(reader.dialect)
    rows = reader.rows(
        f"SELECT board_id, max(date) FROM meeting WHERE board_id IN ({p.each(board_ids)}) AND "
        f"status = 'held' AND date <= {p(when)} GROUP BY board_id", p.values)  # fmt: skip
    return {r[0]: d for r in rows if (d := as_date(r[1])) is not None}


def held_before(reader: Reader, board_id: int, day: dt.date) -> dt.date | None:
    """The board's last held meeting before the day."""
    p = Params(reader.dialect)
    rows = reader.rows(
        f"SELECT max(date) FROM meeting WHERE board_id = {p(board_id)} AND status = 'held' AND "
        f"date < {p(day)}", p.values)  # fmt: skip
    return as_date(rows[0][0]) if rows else None
