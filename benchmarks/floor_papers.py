"""The floor for a board's roll-up (`tracker board position`) and its papers (highlight,
exception, matters-arising, outcomes, cover): the same figures read with the standard library's
sqlite3 alone and printed as plain text, in one process.
What any implementation of these two commands must at least pay: the queries the commands need
(each set-based, on the tracker's schema and indexes) and printing their result. The pace
rule (tracker.domain.pace, tracker.domain.tolerance: pure Python, no SQLAlchemy) is applied per
open action, as the exception rule needs. No ORM, no templates, no checks.

    .venv/bin/python benchmarks/floor_papers.py position DB.sqlite BOARD [TODAY]
    .venv/bin/python benchmarks/floor_papers.py highlight DB.sqlite BOARD [TODAY]
    .venv/bin/python benchmarks/floor_papers.py position postgresql://HOST/DB BOARD [TODAY]
    .venv/bin/python benchmarks/floor_papers.py exception|matters-arising|outcomes|cover DB BOARD

On PostgreSQL the same SQL runs through psycopg alone (`Pg` below: `?` and `:name` written as
psycopg's placeholders, the day number in PostgreSQL's words, dates read back as the ISO text
SQLite gives, so the rest of the floor is shared), in one read-only REPEATABLE READ
transaction, as the tracker's own plain-SQL reader does.

Both print what they found; `bench_scale.py` times them beside the tracker's commands.

The roll-up (position, highlight) is in floor_rollup.py, the other papers in floor_bundled.py;
here the command line and the PostgreSQL connection.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import sys
import time
from typing import Any

from floor_bundled import cover, exception, matters, outcomes
from floor_rollup import DAY, highlight, position

PG_DAY = "(CAST(recorded_at AS DATE) - DATE '0001-01-01' + 1)::bigint"  # the tracker's day_sql


class Pg:
    """A psycopg connection that takes the floor's SQLite-flavoured SQL: `?` and `:name`
    placeholders, julianday's day number; dates come back as ISO text and sums as ints, as
    sqlite3 gives them."""

    def __init__(self, url: str) -> None:
        import psycopg

        scheme, _, rest = url.partition("://")
        self.con = psycopg.connect(f"postgresql://{rest}")
        self.con.read_only = True
        self.con.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ

    def execute(self, sql: str, params: object = ()) -> _Rows:
        sql = sql.replace(DAY, PG_DAY).replace("%", "%%")
        sql = re.sub(r":([a-z]+)\b", r"%(\1)s", sql) if isinstance(params, dict) else sql
        rows = self.con.execute(sql.replace("?", "%s"), params or None).fetchall()
        return _Rows(tuple(_plain(v) for v in r) for r in rows)

    def close(self) -> None:
        self.con.rollback()
        self.con.close()


class _Rows(list[tuple[Any, ...]]):
    def fetchone(self) -> tuple[Any, ...] | None:
        return self[0] if self else None

    def fetchall(self) -> list[tuple[Any, ...]]:
        return self


def _plain(v: object) -> object:
    t = type(v)
    if t is dt.date:
        return v.isoformat()  # type: ignore[attr-defined]
    if t is dict:
        return json.dumps(v)
    if t.__name__ == "Decimal":
        return int(v)  # type: ignore[call-overload]
    return v


PAPERS = {"position": position, "highlight": highlight, "exception": exception,
          "matters-arising": matters, "outcomes": outcomes, "cover": cover}  # fmt: skip


def main() -> None:
    kind, db, code = sys.argv[1:4]
    today = dt.date.fromisoformat(sys.argv[4]) if len(sys.argv) > 4 else dt.date(2026, 3, 1)
    began = time.process_time()
    con: Any
    if db.startswith("postgres"):
        con = Pg(db)
    else:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        con.execute("BEGIN")
    lines = PAPERS[kind](con, code, today)
    con.close()
    print("\n".join(lines))
    print(f"cpu {time.process_time() - began:.4f}", file=sys.stderr)


if __name__ == "__main__":
    main()
