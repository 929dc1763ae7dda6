"""The plain case of a plan's two bulk items, checked without a call per field: an action whose
fields and a status update whose values pass every field check unchanged (`schema._Validator`
checks the rest field by field, each problem with its path). 100,000 updates and 10,000 actions
make up most of a large plan, so these run once per item and build its spec directly."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from itertools import repeat
from operator import itemgetter
from typing import Any, cast

from tracker.plans import document as d
from tracker.vocabulary import RAGS, STATUSES

_SETS = {
    name: frozenset(getattr(d, name))
    for name in dir(d)
    if name.endswith("_FIELDS") and isinstance(getattr(d, name), tuple)
}


_STATUS_SET = frozenset(STATUSES)
_RAG_SET = frozenset(RAGS)
# a control character (tracker.text's rule), or a carriage return (normalised by `text`)
_NOT_PLAIN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\r]")


def _plain_update(value: object) -> d.UpdateSpec | None:
    """A status update that passes every check of `_Validator.update` unchanged (a naive
    timestamp, known status and RAG, 0-100, text without control characters), as its spec;
    None for anything else, which the field-by-field checks then word. 100,000 of these make
    up most of a large plan, so they are checked without a call per field."""
    if type(value) is not dict or not value.keys() <= _UPDATE_FIELDS:
        return None
    get = value.get
    at, by, progress = get("at"), get("by"), get("progress")
    status, rag, note = get("status"), get("rag"), get("commentary")
    if (
        type(at) is dt.datetime and at.tzinfo is None
        and type(by) is str and (by in _PLAIN_NAMES or _plain_name(by))
        and type(status) is str and status in _STATUS_SET
        and (rag is None or (type(rag) is str and rag in _RAG_SET))
        and type(progress) is int and 0 <= progress <= 100
        and (note is None or (type(note) is str and not _NOT_PLAIN.search(note)))
    ):  # fmt: skip
        return _spec(d.UpdateSpec, (at, by, status, rag, progress, note))
    return None


_UPDATE_FIELDS = _SETS["UPDATE_FIELDS"]
_SPECS = frozenset({d.UpdateSpec})
# UpdateSpec(...) is a named tuple's __new__ in Python calling this; called directly: no frame
_spec = tuple.__new__
_PLAIN_NAMES: set[str] = set()  # `by` values already found plain (a plan has a few hundred)


def _plain_name(by: str) -> bool:
    if len(by) <= 200 and by.strip() and not _NOT_PLAIN.search(by):
        if len(_PLAIN_NAMES) < 10_000:
            _PLAIN_NAMES.add(by)
        return True
    return False


def _plain_update_list(values: list[object]) -> tuple[d.UpdateSpec, ...] | None:
    """An action's updates as specs when every one passes `_plain_update` (the same tests);
    None when any does not, and the updates are then checked one by one, each problem with its
    path. Most of the work runs in the interpreter's C loops, a list at a time: the updates'
    types and keys, their values taken in UpdateSpec's order, the commentaries searched joined
    in one text (a line break is no control character there); one Python loop over the rest."""
    if not values:
        return ()
    if set(map(type, values)) != _DICT:
        return None
    updates = cast("list[dict[str, object]]", values)
    try:
        if not all(map(_UPDATE_FIELDS.issuperset, updates)):
            return None
        whole = sum(map(len, updates)) == len(_UPDATE_NAMES) * len(updates)  # every field named
        get: Callable[[dict[str, object]], Any] = _ALL_VALUES if whole else _values
        rows = list(map(get, updates))
        names, statuses, rags, stamp = _PLAIN_NAMES, _STATUS_SET, _RAG_OR_NONE, dt.datetime
        for at, by, status, rag, progress, note in rows:
            if not (
                type(at) is stamp and at.tzinfo is None
                and (by in names or (type(by) is str and _plain_name(by)))
                and status in statuses and rag in rags  # sets of text (and None): text alone
                and type(progress) is int and 0 <= progress <= 100
                and (note is None or type(note) is str)
            ):  # fmt: skip
                return None
        if _NOT_PLAIN.search("\n".join(filter(None, map(_NOTE, rows)))):
            return None
    except TypeError:  # a value no set can hold (a list, a mapping): not plain
        return None
    return tuple(map(_spec, repeat(d.UpdateSpec), rows))


_UPDATE_NAMES = d.UpdateSpec._fields  # in the order a spec takes them
_ALL_VALUES = itemgetter(*_UPDATE_NAMES)
_NOTE = itemgetter(_UPDATE_NAMES.index("commentary"))
_DICT = {dict}
_RAG_OR_NONE = frozenset((*RAGS, None))


def _values(update: dict[str, object]) -> tuple[object, ...]:
    """An update's values in UpdateSpec's order (a field it leaves out: None)."""
    get = update.get
    return tuple([get(name) for name in _UPDATE_NAMES])


_ACTION_FIELDS = _SETS["ACTION_FIELDS"]
_CODE = re.compile(r"[a-z0-9][a-z0-9-]{0,79}\Z")  # fields.CODE_RE, at most 80 characters
_REF = re.compile(r"[A-Z0-9][A-Z0-9-]{0,39}\Z")  # fields.REF_RE, at most 40 characters


def _codes(value: object, pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """A list of plain codes (or refs) as the field checks give it back; None if anything is
    not plain (or it is not a list)."""
    if value is None:
        return ()
    if type(value) is not list:
        return None
    match = pattern.match
    for item in value:
        if type(item) is not str or not match(item):
            return None
    return tuple(value)


# ActionDraft's fields before `updates`, in order
PlainAction = tuple[
    str, str, str | None, int, int | None, tuple[str, ...], str | None, str | None, str | None,
    dt.date | None, dt.date | None, str, str | None, int, tuple[str, ...],
]  # fmt: skip


def _plain_action(value: object) -> PlainAction | None:
    """An action that passes every check of `_Validator.action` on its own fields unchanged (its
    updates are checked apart), as ActionDraft's fields before `updates`; None for anything
    else, which the field-by-field checks then word. 10,000 of these make up a large plan."""
    if type(value) is not dict or not value.keys() <= _ACTION_FIELDS:
        return None
    get = value.get
    ref, title, note, phase, stage = (get("ref"), get("title"), get("description"),
                                      get("phase"), get("stage"))  # fmt: skip
    board, owner, lead = get("board"), get("owner"), get("lead_organisation")
    start, due, status, rag = get("start"), get("due"), get("status", "not started"), get("rag")
    progress = get("progress", 0)
    if not (
        type(ref) is str and _REF.match(ref)
        and type(title) is str and title.strip() and not _NOT_PLAIN.search(title)
        and (note is None or (type(note) is str and not _NOT_PLAIN.search(note)))
        and type(phase) is int and (stage is None or type(stage) is int)
        and (board is None or (type(board) is str and _CODE.match(board)))
        and (owner is None or (type(owner) is str and _CODE.match(owner)))
        and (lead is None or (type(lead) is str and _CODE.match(lead)))
        and (start is None or type(start) is dt.date) and (due is None or type(due) is dt.date)
        and type(status) is str and status in _STATUS_SET
        and (rag is None or (type(rag) is str and rag in _RAG_SET))
        and type(progress) is int and 0 <= progress <= 100
        and get("exempt") is None
    ):  # fmt: skip
        return None
    outcomes = _codes(get("outcomes"), _CODE)
    depends = _codes(get("depends_on"), _REF)
    if outcomes is None or depends is None:
        return None
    return (ref, title, note, phase, stage, outcomes, board, owner, lead, start, due, status, rag,
            progress, depends)  # fmt: skip


def plain_updates(value: object) -> object:
    return value.get("updates") if type(value) is dict else None
