"""The one-expression check of a plan's status updates (the common case of a large plan)
accepts exactly what the field-by-field checks accept, with the same result; anything else is
left to them, so every refusal keeps its wording and its line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from tracker.plans import plain, schema
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
    # a list or mapping where a choice goes: refused with its line, never a TypeError
    {"status": ["in progress"]}, {"status": {"a": 1}}, {"rag": ["green"]},
]  # fmt: skip


def _both(monkeypatch: pytest.MonkeyPatch, data: object) -> tuple[object, object]:
    fast = schema.validate(data)
    with monkeypatch.context() as m:  # neither one update's check nor a whole list's
        m.setattr(schema, "_plain_update", lambda _value: None)
        m.setattr(schema, "_plain_update_list", lambda _values: None)
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


@pytest.mark.parametrize("change", ODD, ids=repr)
def test_each_odd_update_in_a_plain_list_gets_the_field_checks_answer(
    monkeypatch: pytest.MonkeyPatch, change: dict[str, object]
) -> None:
    """The same, among updates that are all plain but the odd one (a whole list's check)."""
    data = yaml.load(SMALL.read_text(encoding="utf-8"), Loader=Loader)  # noqa: S506
    action = next(a for a in data["actions"] if a.get("updates"))
    later = {**GOOD, "at": dt.datetime(2025, 2, 4, 9, 30)}
    action["updates"] = [dict(GOOD), {**later, **change}]
    fast, slow = _both(monkeypatch, data)
    assert fast == slow


def test_a_plain_list_is_taken_whole() -> None:
    """Else the comparisons above would compare the field checks with themselves."""
    later = {**GOOD, "at": dt.datetime(2025, 2, 4, 9, 30), "rag": None}
    short = {k: v for k, v in GOOD.items() if k not in ("rag", "commentary")}
    taken = plain._plain_update_list([dict(GOOD), later, short])
    assert taken is not None and [u.rag for u in taken] == ["green", None, None]


def test_a_whole_plan_reads_the_same_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    data = yaml.load(SMALL.read_text(encoding="utf-8"), Loader=Loader)  # noqa: S506
    (doc, issues), slow = _both(monkeypatch, data)
    assert doc is not None and not issues
    assert (doc, issues) == slow


# an action's own fields: the one-expression check (`_plain_action`) against the field checks
ODD_ACTIONS = [
    {}, {"ref": None}, {"ref": ""}, {"ref": "p1-01"}, {"ref": "P" * 41}, {"ref": "P" * 40},
    {"ref": 12}, {"title": ""}, {"title": "  "}, {"title": "bell\x07"}, {"title": "a\r\nb"},
    {"title": 5}, {"title": None}, {"description": "a\rb"}, {"description": ""},
    {"description": ["x"]}, {"phase": "1"}, {"phase": True}, {"phase": None}, {"stage": 2.0},
    {"stage": None}, {"board": "Board"}, {"board": "b" * 81}, {"board": "b" * 80},
    {"board": ""}, {"owner": 7}, {"lead_organisation": "x y"}, {"start": "2025-01-01"},
    {"start": dt.datetime(2025, 1, 1)}, {"due": "2025-02-30"}, {"due": None},
    {"status": None}, {"status": "done"}, {"status": ["in progress"]}, {"rag": {"g": 1}},
    {"rag": None}, {"progress": 101}, {"progress": None}, {"progress": 50.0},
    {"outcomes": "health"}, {"outcomes": ["Health"]}, {"outcomes": [None]}, {"outcomes": []},
    {"depends_on": ["p1-01"]}, {"depends_on": "P1-01"}, {"depends_on": [None]},
    {"exempt": 3}, {"exempt": 9}, {"exempt": None}, {"updates": "none"}, {"unknown": 1},
]  # fmt: skip


def _both_actions(monkeypatch: pytest.MonkeyPatch, data: object) -> tuple[object, object]:
    fast = schema.validate(data)
    with monkeypatch.context() as m:
        m.setattr(schema, "_plain_action", lambda _value: None)
        slow = schema.validate(data)
    return fast, slow


@pytest.mark.parametrize("change", ODD_ACTIONS, ids=repr)
def test_each_odd_action_gets_the_field_checks_answer(
    monkeypatch: pytest.MonkeyPatch, change: dict[str, object]
) -> None:
    data = yaml.load(SMALL.read_text(encoding="utf-8"), Loader=Loader)  # noqa: S506
    action = next(a for a in data["actions"] if a.get("updates"))
    action.update(change)
    fast, slow = _both_actions(monkeypatch, data)
    assert fast == slow


def test_the_fast_action_check_is_taken_for_plain_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    data = yaml.load(SMALL.read_text(encoding="utf-8"), Loader=Loader)  # noqa: S506
    taken = [schema._plain_action(a) is not None for a in data["actions"]]
    # all but P1-01, whose start is quoted text ('2024-01-15', read by the field check): else
    # the comparisons above would compare the field checks with themselves
    assert taken == [True, False, True, True]
    (doc, issues), slow = _both_actions(monkeypatch, data)
    assert doc is not None and not issues
    assert (doc, issues) == slow
