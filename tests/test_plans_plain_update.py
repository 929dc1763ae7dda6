"""The one-expression check of a plan's status updates (the common case of a large plan)
accepts exactly what the field-by-field checks accept, with the same result; anything else is
left to them, so every refusal keeps its wording and its line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from tracker.plans import schema
from tracker.plans.reader import Loader

SMALL = Path(__file__).parent / "data" / "plans" / "small.yaml"
GOOD = {"at": dt.datetime(2025, 2, 3, 10, 0), "by": "Amy Clark", "status": "in progress",
        "rag": "green", "progress": 40, "commentary": "On track"}  # fmt: skip
ODD = [
    {},
    {"at": dt.datetime(2025, 2, 3, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))},
    {"at": "2025-02-03T10:00:00"},
    {"at": dt.date(2025, 2, 3)},
    {"by": ""}, {"by": "   "}, {"by": "x" * 201}, {"by": "Amy\x07"}, {"by": 12}, {"by": ["Amy"]},
    {"status": "done"}, {"status": None}, {"rag": "purple"}, {"rag": None},
    {"progress": 101}, {"progress": -1}, {"progress": True}, {"progress": 40.0},
    {"commentary": "line one\r\nline two"}, {"commentary": "bell\x07"}, {"commentary": None},
    {"commentary": 5}, {"extra": 1},
]  # fmt: skip


def _both(monkeypatch: pytest.MonkeyPatch, data: object) -> tuple[object, object]:
    fast = schema.validate(data)
    with monkeypatch.context() as m:
        m.setattr(schema, "_plain_update", lambda _value: None)
        slow = schema.validate(data)
    return fast, slow


@pytest.mark.parametrize("change", ODD, ids=repr)
def test_each_odd_update_gets_the_field_checks_answer(
    monkeypatch: pytest.MonkeyPatch, change: dict[str, object]
) -> None:
    data = yaml.load(SMALL.read_text(encoding="utf-8"), Loader=Loader)  # noqa: S506
    action = next(a for a in data["actions"] if a.get("updates"))
    action["updates"].append({**GOOD, **change})
    fast, slow = _both(monkeypatch, data)
    assert fast == slow


def test_a_whole_plan_reads_the_same_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    data = yaml.load(SMALL.read_text(encoding="utf-8"), Loader=Loader)  # noqa: S506
    (doc, issues), slow = _both(monkeypatch, data)
    assert doc is not None and not issues
    assert (doc, issues) == slow
