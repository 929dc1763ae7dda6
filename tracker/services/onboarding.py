"""Onboarding a council's own action log: propose a column mapping, write the plan file it
gives (and the mapping, to use again), for `tracker plan import` or straight into the database.

No database here: the plan file is the way in (`tracker plan from-sheet LOG --import` then
imports it through `tracker.services.plans.import_plan`, all or nothing)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from tracker.config import Settings
from tracker.errors import invalid
from tracker.files import write_text
from tracker.plans.onboard import Onboarded, onboard, parse_overrides


def plan_from_sheet(
    settings: Settings, log: str | Path, *, title: str | None = None, sheet: str | None = None,
    header_row: int | None = None, mapping: Iterable[str] = (), saved: str | Path | None = None,
    out: str | Path | None = None, save_mapping: str | Path | None = None,
) -> Onboarded:  # fmt: skip
    """Read LOG, map its columns (proposed, fixed by `mapping` COLUMN=FIELD pairs and a
    `saved` mapping file), and write the plan to `out` and the mapping to `save_mapping`
    (each beside its target and renamed into place). Nothing is written when LOG cannot be
    read or the mapping is wrong."""
    overrides = parse_overrides(mapping)
    if header_row is not None and header_row < 1:
        raise invalid("header row", f"{header_row} is not a row number", "1, 2, 3, ...")
    saved_path = Path(saved) if saved is not None else None
    if saved_path is not None and not saved_path.is_file():
        raise invalid("mapping", f"no saved mapping {saved_path}", "a file --save-map wrote")
    for target in (out, save_mapping):
        if target is not None and not Path(target).parent.is_dir():
            raise invalid("file", f"no folder {Path(target).parent}", "an existing folder")
    result = onboard(Path(log), today=settings.today or dt.date.today(), title=title,
                     sheet=sheet, header_row=header_row, overrides=overrides, saved=saved_path)  # fmt: skip
    if save_mapping is not None:
        write_text(Path(save_mapping), result.mapping.as_yaml(), field="mapping file")
    if out is not None:
        write_text(Path(out), result.plan_text, field="plan file")
    return result
