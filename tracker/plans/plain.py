"""The plain case of a plan's two bulk items, checked without a call per field: an action whose
fields and a status update whose values pass every field check unchanged (`schema._Validator`
checks the rest field by field, each problem with its path). 100,000 updates and 10,000 actions
make up most of a large plan, so these run once per item and build its spec directly."""

from __future__ import annotations

import datetime as dt
import re

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
    """An action's updates as specs when every one passes `_plain_update` (the same test, in one
    loop: no call per update, the names it uses looked up once per action); None when any does
    not, and the updates are then checked one by one, each problem with its path."""
    fields, names, statuses, rags, search = (_UPDATE_FIELDS, _PLAIN_NAMES, _STATUS_SET, _RAG_SET,
                                             _NOT_PLAIN.search)  # fmt: skip
    stamp, spec, new = dt.datetime, d.UpdateSpec, _spec
    out: list[d.UpdateSpec] = []
    append = out.append
    for value in values:
        if type(value) is not dict or not value.keys() <= fields:
            return None
        get = value.get
        at, by, progress = get("at"), get("by"), get("progress")
        status, rag, note = get("status"), get("rag"), get("commentary")
        if not (
            type(at) is stamp and at.tzinfo is None
            and type(by) is str and (by in names or _plain_name(by))
            and type(status) is str and status in statuses
            and (rag is None or (type(rag) is str and rag in rags))
            and type(progress) is int and 0 <= progress <= 100
            and (note is None or (type(note) is str and not search(note)))
        ):  # fmt: skip
            return None
        append(new(spec, (at, by, status, rag, progress, note)))
    return tuple(out)


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
