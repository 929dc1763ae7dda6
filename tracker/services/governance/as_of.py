"""Each action's values as of a date: the rule the board position, the direction of travel, the
exceptions and the papers share, written once, as SQL (no SQLAlchemy: `tracker board position`
runs it through sqlite3 or psycopg alone; the services in a session run the same text through
`SessionReader`).

At no date, an action's current (stored) values. At a date, its latest status update recorded
on or before that day, else its stored values (the history does not say what an action stood at
before its first update)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from tracker.services.governance.tree import day_end
from tracker.services.plain_sql import Params

# the five values the rule gives, after the caller's columns
VALUES = ("status", "rag", "progress", "commentary", "last_update")
_NEWEST = "ORDER BY x.recorded_at DESC, x.id DESC LIMIT 1"


def values_as_of_sql(p: Params, cols: Sequence[str], where: str, as_of: dt.date | None) -> str:
    """SQL: one row per action `a` matching `where`, with the action columns `cols` (`id` comes
    out as action_id), then status, rag, progress, commentary and last_update as of the date.
    On PostgreSQL each action's latest update is one LATERAL index probe (joined by id, its
    planner would hash every update); SQLite looks it up in a correlated subquery."""
    names = [("action_id" if c == "id" else c) for c in cols]
    picked = ", ".join(f"a.{c} AS {n}" for c, n in zip(cols, names, strict=True))
    if as_of is None:
        return (f"SELECT {picked}, a.status AS status, a.rag AS rag, a.progress AS progress, "
                "a.latest_commentary AS commentary, a.latest_update_at AS last_update "
                f"FROM action a WHERE {where}")  # fmt: skip
    end = p(day_end(as_of))
    before = f"x.action_id = a.id AND x.recorded_at < {end}"
    if p.dialect == "postgresql":
        return (
            f"SELECT {picked}, CASE WHEN latest.id IS NOT NULL THEN latest.status ELSE a.status "
            "END AS status, CASE WHEN latest.id IS NOT NULL THEN latest.rag ELSE a.rag END AS "
            "rag, CASE WHEN latest.id IS NOT NULL THEN latest.progress ELSE a.progress END AS "
            "progress, latest.commentary AS commentary, latest.recorded_at AS last_update "
            "FROM action a LEFT OUTER JOIN LATERAL (SELECT x.id, x.status, x.rag, x.progress, "
            f"x.commentary, x.recorded_at FROM status_update x WHERE {before} {_NEWEST}) AS "
            f"latest ON true WHERE {where}"
        )
    framed = ", ".join(f"frame.{n}" for n in names)
    return (
        f"SELECT {framed}, CASE WHEN su.id IS NOT NULL THEN su.status ELSE frame.status END AS "
        "status, CASE WHEN su.id IS NOT NULL THEN su.rag ELSE frame.rag END AS rag, CASE WHEN "
        "su.id IS NOT NULL THEN su.progress ELSE frame.progress END AS progress, su.commentary "
        "AS commentary, su.recorded_at AS last_update FROM (SELECT "
        f"{picked}, a.status AS status, a.rag AS rag, a.progress AS progress, (SELECT x.id FROM "
        f"status_update x WHERE {before} {_NEWEST}) AS latest_id FROM action a WHERE {where}) "
        "AS frame LEFT OUTER JOIN status_update su ON su.id = frame.latest_id"
    )


def rag_as_of_sql(p: Params, day: dt.date | None) -> str:
    """SQL: the RAG of action `a` as of a day by the same rule: its latest update's on or
    before it ('none' when that update assessed none), else the stored value."""
    if day is None:
        return "a.rag"
    return (f"coalesce((SELECT coalesce(x.rag, 'none') FROM status_update x WHERE x.action_id "
            f"= a.id AND x.recorded_at < {p(day_end(day))} {_NEWEST}), a.rag)")  # fmt: skip


def ids_in(p: Params, ids: Sequence[int]) -> str:
    """An IN list of ids (the board subtrees are small); never empty."""
    return p.each(ids) if ids else "NULL"
