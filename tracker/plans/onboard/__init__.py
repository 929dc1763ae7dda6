"""Onboarding a council's existing action log (`tracker plan from-sheet LOG`): read any sheet of
an .xlsx (or a CSV), find its header row, propose which column holds what, and build a valid
plan file from it, keeping what has no field as notes and listing every cell it could not read.

- `grid`: the workbook as cells (value and fill colour), merged cells filled in
- `mapping`: the header row, the synonyms, fixing and saving a mapping
- `build`: rows -> the plan document, and the unreadable cells
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from tracker.errors import InvalidInput, Problem
from tracker.plans.onboard.build import Unread, build
from tracker.plans.onboard.grid import read_sheets
from tracker.plans.onboard.mapping import (
    FIELDS,
    NOTE,
    SKIP,
    TARGETS,
    Column,
    Mapping_,
    fixed,
    parse_overrides,
    propose,
    read_saved,
    sheet_named,
)
from tracker.plans.reader import locate
from tracker.plans.schema import validate
from tracker.plans.writer import dump_plan


@dataclass(frozen=True)
class Onboarded:
    file: str
    mapping: Mapping_
    plan_text: str  # the plan file, canonical (as `tracker plan export` writes one)
    actions: int
    people: int
    boards: int
    with_notes: int
    sections: int
    unread: tuple[Unread, ...]


def onboard(
    path: Path, *, today: dt.date, title: str | None = None, sheet: str | None = None,
    header_row: int | None = None, overrides: Mapping[str, str] | None = None,
    saved: Path | None = None,
) -> Onboarded:  # fmt: skip
    """The proposed (or fixed) mapping and the plan file it gives."""
    sheets = read_sheets(path)
    hand: dict[str, str] = {}
    if saved is not None:
        saved_sheet, saved_row, hand = read_saved(saved)
        sheet, header_row = sheet or saved_sheet, header_row or saved_row
    hand.update(overrides or {})
    pool = [s for s in sheets if sheet is None or s.name == sheet]
    if not pool:
        raise InvalidInput(Problem(field="sheet", message=f"no sheet {sheet!r}", file=str(path),
                                   allowed=", ".join(s.name for s in sheets)))  # fmt: skip
    mapping = propose(pool)
    if header_row is not None or hand:
        mapping = fixed(sheets, mapping, hand, pool[0].name if header_row else None, header_row)
    if mapping.column_of("title") is None:
        raise InvalidInput(Problem(field="mapping", file=str(path),
                                   message="no column is mapped to title (the action's text)",
                                   allowed="COLUMN=title"))  # fmt: skip
    built = build(sheet_named(sheets, mapping.sheet), mapping,
                  title=title or f"Action log: {path.stem}", source=path.name, today=today)  # fmt: skip
    # the data is what the YAML reader would give (dates as dates): validated as it stands
    doc, issues = validate(built.data)
    if issues or doc is None:  # a bug here, not the council's: say where
        text = yaml.safe_dump(built.data, sort_keys=False, allow_unicode=True, width=100)
        raise InvalidInput(locate(text, f"{path} (the plan built from it)", issues))
    return Onboarded(
        file=str(path), mapping=mapping, plan_text=dump_plan(doc), actions=len(doc.actions),
        people=len(doc.people), boards=len(doc.boards), with_notes=built.notes,
        sections=built.sections, unread=tuple(built.unread),
    )  # fmt: skip


__all__ = ["FIELDS", "NOTE", "SKIP", "TARGETS", "Column", "Mapping_", "Onboarded", "Unread",
           "onboard", "parse_overrides"]  # fmt: skip
