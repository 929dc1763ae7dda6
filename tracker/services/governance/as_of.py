"""Each action's values as of a date: the rule the board position and the papers share.

At no date, an action's current (stored) values. At a date, its latest status update recorded
on or before that day, else its stored values (the history does not say what an action stood at
before its first update)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, TypeAlias

from sqlalchemy import Select, case, select, true
from sqlalchemy.orm import aliased

from tracker.models import Action, StatusUpdate
from tracker.services.governance.common import day_end

# the caller's columns, then the five values as of the date: typed by whatever columns it asks for
AsOfSelect: TypeAlias = "Select[*tuple[Any, ...]]"


def values_as_of(
    cols: Sequence[Any], where: Sequence[Any], as_of: dt.date | None, *, lateral: bool = False
) -> AsOfSelect:
    """One row per action matching `where`: `cols`, then status, rag, progress, commentary and
    last_update as of the date. `lateral` (PostgreSQL): look each action's latest update up by
    one index probe; joined by id instead, PostgreSQL's planner would hash every update."""
    if as_of is None:
        return select(
            *cols, Action.status.label("status"), Action.rag.label("rag"),
            Action.progress.label("progress"), Action.latest_commentary.label("commentary"),
            Action.latest_update_at.label("last_update"),
        ).where(*where)  # fmt: skip
    x = aliased(StatusUpdate)
    before = [x.action_id == Action.id, x.recorded_at < day_end(as_of)]
    newest = (x.recorded_at.desc(), x.id.desc())
    if lateral:
        one = (
            select(x.id, x.status, x.rag, x.progress, x.commentary, x.recorded_at)
            .where(*before).order_by(*newest).limit(1).lateral("latest")
        )  # fmt: skip
        got = one.c.id.is_not(None)
        return (
            select(
                *cols,
                case((got, one.c.status), else_=Action.status).label("status"),
                case((got, one.c.rag), else_=Action.rag).label("rag"),
                case((got, one.c.progress), else_=Action.progress).label("progress"),
                one.c.commentary.label("commentary"),
                one.c.recorded_at.label("last_update"),
            )
            .select_from(Action)
            .outerjoin(one, true())
            .where(*where)
        )
    latest = (
        select(x.id).where(*before).order_by(*newest).limit(1).correlate(Action).scalar_subquery()
    )
    frame = select(*cols, Action.status, Action.rag, Action.progress, latest.label("latest_id"))
    f = frame.where(*where).subquery("frame")
    su = aliased(StatusUpdate)
    found = su.id.is_not(None)
    return select(
        *list(f.c)[: len(cols)],
        case((found, su.status), else_=f.c.status).label("status"),
        case((found, su.rag), else_=f.c.rag).label("rag"),
        case((found, su.progress), else_=f.c.progress).label("progress"),
        su.commentary.label("commentary"), su.recorded_at.label("last_update"),
    ).outerjoin(su, su.id == f.c.latest_id)  # fmt: skip
