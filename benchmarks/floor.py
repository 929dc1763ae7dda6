"""The floor for `tracker plan import`: the same plan's data as JSON, parsed with the standard
library and written with sqlite3's `executemany` into a tracker database with its schema (one
transaction), as one whole process. No validation, no audit trail, no checks against what is
there: what any importer of this data must at least pay.

    .venv/bin/python benchmarks/floor.py json PLAN.yaml OUT.json   # once, untimed
    .venv/bin/python benchmarks/floor.py load OUT.json DB.sqlite    # the timed process
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import sys


def to_json(plan: str, out: str) -> None:
    import yaml

    with open(plan, encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=yaml.CSafeLoader)
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(data, fh, default=lambda v: v.isoformat(), ensure_ascii=False)


def _stamp(text: str | None) -> str | None:  # how SQLAlchemy stores a DATETIME in SQLite
    return (
        None if text is None else dt.datetime.fromisoformat(text).strftime("%Y-%m-%d %H:%M:%S.%f")
    )


def load(source: str, db: str) -> None:
    with open(source, encoding="utf-8") as fh:
        data = json.load(fh)
    con = sqlite3.connect(db)
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    with con:
        st = data["strategy"]
        cur = con.execute(
            "INSERT INTO strategy (title, start_year, end_year, vision, principles, source) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (st["title"], st["period"]["start"], st["period"]["end"], st.get("vision"),
             json.dumps(st.get("principles") or []), st.get("source")),
        )  # fmt: skip
        sid = cur.lastrowid
        con.executemany(
            "INSERT INTO phase (strategy_id, number, name) VALUES (?, ?, ?)",
            [(sid, p["number"], p.get("name")) for p in data.get("phases") or []],
        )
        phase = dict(con.execute("SELECT number, id FROM phase"))
        actions = data.get("actions") or []
        con.executemany(
            "INSERT INTO action (id, ref, strategy_id, phase_id, title, description, start, due, "
            "status, rag, progress, latest_update_at, latest_commentary, created_at, version) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
            [
                (i, a["ref"], sid, phase[a["phase"]], a["title"], a.get("description"),
                 a.get("start"), a.get("due"), a["status"], a.get("rag"), a.get("progress", 0),
                 _stamp(a["updates"][-1]["at"]) if a.get("updates") else None,
                 a["updates"][-1].get("commentary") if a.get("updates") else None, now)
                for i, a in enumerate(actions, 1)
            ],
        )  # fmt: skip
        con.executemany(
            "INSERT INTO status_update (action_id, recorded_at, recorded_by, status, rag, "
            "progress, commentary) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (i, _stamp(u["at"]), u["by"], u["status"], u.get("rag"), u["progress"],
                 u.get("commentary"))
                for i, a in enumerate(actions, 1)
                for u in a.get("updates") or []
            ],
        )  # fmt: skip
    con.close()


if __name__ == "__main__":
    kind, src, dst = sys.argv[1:4]
    (to_json if kind == "json" else load)(src, dst)
