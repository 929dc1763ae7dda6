"""The board hierarchy: list it as a tree, add a board, change its chair, parent or pattern."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from tracker.errors import Conflict, InvalidInput, Problem
from tracker.models import BOARD_KINDS, Board, Person
from tracker.services import audit
from tracker.services.accounts.permissions import require
from tracker.services.context import Tracker
from tracker.services.governance.board_read import BoardInfo
from tracker.services.governance.common import Tree, find_board, load_tree, subtree
from tracker.services.unset import UNSET, Unset

CODE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def _info(board: Board, chair: Person | None, tree: Tree, depth: int = 0) -> BoardInfo:
    parent = tree.get(board.parent_id) if board.parent_id is not None else None
    label = chair.label if chair is not None else board.chair_description
    return BoardInfo(
        code=board.code, name=board.name, kind=board.kind,
        parent_code=parent.code if parent else None, parent_name=parent.name if parent else None,
        chair_label=label, chair_code=chair.code if chair else None,
        chair_description=board.chair_description, meets=board.meets, area=board.area,
        description=board.description, version=board.version, depth=depth,
    )  # fmt: skip


def board_info(s: Session, board: Board, tree: Tree | None = None) -> BoardInfo:
    chair = s.get(Person, board.chair_id) if board.chair_id is not None else None
    return _info(board, chair, tree if tree is not None else load_tree(s))


def list_boards(t: Tracker) -> tuple[BoardInfo, ...]:
    """Every board in tree order: each top board (by name) followed by its descendants."""
    with t.db.reading() as s:
        rows = s.execute(select(Board, Person).outerjoin(Person, Board.chair_id == Person.id))
        by_id = {b.id: (b, p) for b, p in rows}
        tree = load_tree(s)
        out: list[BoardInfo] = []
        seen: set[int] = set()
        tops = sorted(
            (b for b, _ in by_id.values() if b.parent_id is None or b.parent_id not in by_id),
            key=lambda b: b.name,
        )
        for top in tops:
            for board_id in subtree(tree, top.id):
                if board_id in seen:
                    continue
                seen.add(board_id)
                board, chair = by_id[board_id]
                out.append(_info(board, chair, tree, _depth(tree, board_id)))
        return tuple(out)


def _depth(tree: Tree, board_id: int) -> int:
    depth, current = 0, tree[board_id].parent_id
    while current is not None and depth < len(tree):
        depth += 1
        current = tree[current].parent_id
    return depth


def get_board(t: Tracker, board: str) -> BoardInfo:
    with t.db.reading() as s:
        return board_info(s, find_board(s, board))


def _person(s: Session, code: str | None, problems: list[Problem]) -> Person | None:
    if code is None or not code.strip():
        return None
    person = s.scalars(select(Person).where(Person.code == code.strip())).one_or_none()
    if person is None:
        known = s.scalars(select(Person.code).order_by(Person.code).limit(20)).all()
        problems.append(Problem("chair", f"no person with code {code!r}", ", ".join(known)))
    return person


def _clean(value: str | None) -> str | None:
    return value.strip() if value and value.strip() else None


def add_board(
    t: Tracker,
    code: str,
    name: str,
    *,
    kind: str = "board",
    parent: str | None = None,
    chair: str | None = None,
    chair_description: str | None = None,
    meets: str | None = None,
    area: str | None = None,
    description: str | None = None,
) -> BoardInfo:
    """Add a board (or committee) under `parent` (code or name; None for a top board)."""
    problems: list[Problem] = []
    code = (code or "").strip()
    if not CODE.match(code):
        problems.append(
            Problem("code", f"{code!r} is not a code", "lower-case letters, digits and '-'")
        )
    if not (name or "").strip():
        problems.append(Problem("name", "a board needs a name"))
    if kind not in BOARD_KINDS:
        problems.append(Problem("kind", f"unknown kind {kind!r}", ", ".join(BOARD_KINDS)))
    with t.db.writing() as s:
        require(t, s, "change boards")
        if code and s.scalars(select(Board.id).where(Board.code == code)).first() is not None:
            problems.append(Problem("code", f"a board with code {code!r} already exists"))
        parent_board = find_board(s, parent, field="parent") if parent else None
        person = _person(s, chair, problems)
        if problems:
            raise InvalidInput(problems)
        board = Board(
            code=code, name=name.strip(), kind=kind,
            parent_id=parent_board.id if parent_board else None,
            chair_id=person.id if person else None,
            chair_description=_clean(chair_description), meets=_clean(meets), area=_clean(area),
            description=_clean(description),
        )  # fmt: skip
        s.add(board)
        s.flush()
        audit.record(s, t.user, "create", "board", code, {
            "name": (None, board.name), "kind": (None, kind),
            "parent": (None, parent_board.code if parent_board else None),
            "chair": (None, person.code if person else board.chair_description),
            "meets": (None, board.meets), "area": (None, board.area),
        })  # fmt: skip
        return board_info(s, board)


def edit_board(
    t: Tracker,
    board: str,
    *,
    expected_version: int | None = None,
    name: str | Unset = UNSET,
    kind: str | Unset = UNSET,
    parent: str | None | Unset = UNSET,
    chair: str | None | Unset = UNSET,
    chair_description: str | None | Unset = UNSET,
    meets: str | None | Unset = UNSET,
    area: str | None | Unset = UNSET,
    description: str | None | Unset = UNSET,
) -> BoardInfo:
    """Change a board. Fields left UNSET keep their value; None clears one. A new parent that
    would make a cycle is refused, naming it. With `expected_version`, a board changed since
    that version was read is refused as a Conflict."""
    problems: list[Problem] = []
    with t.db.writing() as s:
        require(t, s, "change boards")
        target = find_board(s, board)
        if expected_version is not None and target.version != expected_version:
            raise Conflict(
                f"board {target.code} changed since you read it: version {expected_version} "
                f"is now {target.version}"
            )
        tree = load_tree(s)
        before = board_info(s, target, tree)
        changes: dict[str, tuple[object, object]] = {}
        if name is not UNSET:
            if not isinstance(name, str) or not name.strip():
                problems.append(Problem("name", "a board needs a name"))
            elif name.strip() != target.name:
                changes["name"] = (target.name, name.strip())
                target.name = name.strip()
        if kind is not UNSET and kind != target.kind:
            if kind not in BOARD_KINDS:
                problems.append(Problem("kind", f"unknown kind {kind!r}", ", ".join(BOARD_KINDS)))
            else:
                changes["kind"] = (target.kind, kind)
                target.kind = kind
        if parent is not UNSET:
            new_parent = find_board(s, parent, field="parent") if parent else None
            cycle = _cycle(tree, target.id, new_parent.id) if new_parent else None
            if cycle and new_parent:
                path = " > ".join(cycle)
                problems.append(
                    Problem("parent", f"{target.code} cannot report to {new_parent.code}: "
                            f"that would make a cycle ({path})")
                )  # fmt: skip
            elif (new_parent.id if new_parent else None) != target.parent_id:
                changes["parent"] = (before.parent_code, new_parent.code if new_parent else None)
                target.parent_id = new_parent.id if new_parent else None
        if chair is not UNSET:
            person = _person(s, chair, problems)
            if (person.id if person else None) != target.chair_id and not problems:
                changes["chair"] = (before.chair_code, person.code if person else None)
                target.chair_id = person.id if person else None
        for fld, value in (
            ("chair_description", chair_description), ("meets", meets), ("area", area),
            ("description", description),
        ):  # fmt: skip
            if value is UNSET:
                continue
            new = _clean(value)
            if new != getattr(target, fld):
                changes[fld] = (getattr(target, fld), new)
                setattr(target, fld, new)
        if problems:
            raise InvalidInput(problems)
        if not changes:
            return before
        try:
            s.flush()
        except StaleDataError:
            raise Conflict(
                f"board {target.code} was changed by someone else while you saved"
            ) from None
        audit.record(s, t.user, "update", "board", target.code, changes)
        return board_info(s, target, load_tree(s))


def _cycle(tree: Tree, board_id: int, new_parent_id: int) -> list[str] | None:
    """The cycle (as codes) that making `new_parent_id` the parent of `board_id` would close."""
    if new_parent_id == board_id:
        code = tree[board_id].code
        return [code, code]
    chain = [new_parent_id]
    current = tree[new_parent_id].parent_id
    while current is not None and current not in chain:
        chain.append(current)
        if current == board_id:
            # board > new parent > ... > board
            return [tree[board_id].code, *(tree[i].code for i in chain)]
        current = tree[current].parent_id
    return None
