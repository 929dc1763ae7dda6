"""Filling in a return sheet as its owner would: in the workbook, with openpyxl."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from tracker.services.actions.edit import create_action
from tracker.services.context import Tracker

SFB, LPB = "supporting-families-board", "locality-partnership-board"


def second_owner(t: Tracker) -> None:
    """A new action of the Supporting Families Board owned by Kirsty Woodhead, so that the
    board has two owners with returns outstanding (Kelly White: P1-05)."""
    create_action(
        t, {"ref": "P3-09", "title": "Agree the family hub opening hours", "phase": 3,
            "board": SFB, "owner": "kirsty-woodhead", "due": "2026-09-30"},
    )  # fmt: skip


def fill_in(path: Path, values: dict[str, tuple[str, str, int, str]]) -> None:
    """ref -> (new status, new RAG, new %, commentary), typed into the Actions sheet."""
    wb = openpyxl.load_workbook(path)
    ws = wb["Actions"]
    head = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        cells = dict(zip(head, row, strict=False))
        ref = cells["Ref"].value
        if ref in values:
            status, rag, pct, note = values[ref]
            cells["New status"].value = status
            cells["New RAG"].value = rag
            cells["New % complete"].value = pct
            cells["Commentary"].value = note
    wb.save(path)


def add_row(path: Path, ref: str) -> None:
    """A row the owner added for an action the sheet did not ask about."""
    wb = openpyxl.load_workbook(path)
    ws = wb["Actions"]
    head = [c.value for c in ws[1]]
    values = {"Ref": ref, "New status": "in progress", "New RAG": "green", "New % complete": 10,
              "Commentary": "Started", "Version": 1}  # fmt: skip
    ws.append([values.get(h) for h in head])
    wb.save(path)


def sheet_facts(path: Path) -> dict[str, str]:
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        return {str(k): str(v) for k, v in wb["Return"].iter_rows(values_only=True)}
    finally:
        wb.close()


def action_refs(path: Path) -> list[str]:
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        rows = list(wb["Actions"].iter_rows(values_only=True))
        return [str(r[0]) for r in rows[1:]]
    finally:
        wb.close()


def give_emails(t: Tracker, folder: Path, emails: dict[str, str]) -> None:
    """Person code -> e-mail address, written into the plan file and imported, as a
    programme office would."""
    import yaml

    from tracker.services.plans import export_plan, import_plan

    path = folder / "plan-with-emails.yaml"
    export_plan(t, path)
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    for person in doc["people"]:
        if person["code"] in emails:
            person["email"] = emails[person["code"]]
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")
    import_plan(t, path)
