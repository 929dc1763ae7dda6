"""The floor for `tracker plan import`: the same plan's data as JSON, parsed with the standard
library and written with sqlite3's `executemany` into a tracker database with its schema (one
transaction), as one whole process. No validation, no checks against what is there: what any
importer of this data must at least pay.

It writes every row the import writes, table by table (strategy, organisations, people, boards,
phases, stages, outcomes, indicators and readings, actions with all their columns, their outcome
and dependency links, status updates, meetings, resolutions and follow-ups with their
fingerprints and UIDs) and the audit entries the import writes: one per created record, and one
for all the status updates. benchmarks/run.py checks that both leave the same row counts.

    .venv/bin/python benchmarks/floor.py json PLAN.yaml OUT.json   # once, untimed
    .venv/bin/python benchmarks/floor.py load OUT.json DB.sqlite    # the timed process
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import sys
import uuid


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


def _fp(*parts: object) -> str:
    return hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts)
                          .encode("utf-8")).hexdigest()  # fmt: skip


def _ids(con: sqlite3.Connection, table: str, key: str) -> dict[object, int]:
    return {k: i for k, i in con.execute(f"SELECT {key}, id FROM {table}")}  # noqa: S608


def load(source: str, db: str) -> None:  # noqa: PLR0915 - one straight run, table by table
    with open(source, encoding="utf-8") as fh:
        data = json.load(fh)
    con = sqlite3.connect(db)
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    audit: list[tuple[str, str]] = []  # (entity, key) of each created record
    many = con.executemany
    with con:
        st = data["strategy"]
        rag = st.get("rag") or {}
        cur = con.execute(
            "INSERT INTO strategy (title, start_year, end_year, vision, principles, source, "
            "rag_green, rag_red) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (st["title"], st["period"]["start"], st["period"]["end"], st.get("vision"),
             json.dumps(st.get("principles") or []), st.get("source"), rag.get("green", 10),
             rag.get("red", 25)),
        )  # fmt: skip
        sid = cur.lastrowid
        audit.append(("strategy", st["title"]))
        orgs = data.get("organisations") or []
        many("INSERT INTO organisation (code, name) VALUES (?, ?)",
             [(o["code"], o["name"]) for o in orgs])  # fmt: skip
        audit += [("organisation", o["code"]) for o in orgs]
        org = _ids(con, "organisation", "code")
        people = data.get("people") or []
        many("INSERT INTO person (code, name, role, organisation_id, email) VALUES (?, ?, ?, ?, ?)",
             [(p["code"], p.get("name"), p.get("role"), org.get(p.get("organisation")),
               p.get("email")) for p in people])  # fmt: skip
        audit += [("person", p["code"]) for p in people]
        person = _ids(con, "person", "code")
        boards = data.get("boards") or []
        many("INSERT INTO board (code, name, kind, chair_id, chair_description, meets, area, "
             "description, tolerances, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
             [(b["code"], b["name"], b.get("kind", "board"), person.get(b.get("chair")),
               b.get("chair_description"), b.get("meets"), b.get("area"), b.get("description"),
               json.dumps(b["tolerances"]) if b.get("tolerances") else None)
              for b in boards])  # fmt: skip
        board = _ids(con, "board", "code")
        many("UPDATE board SET parent_id = ? WHERE id = ?",
             [(board[b["parent"]], board[b["code"]]) for b in boards if b.get("parent")])  # fmt: skip
        audit += [("board", b["code"]) for b in boards]
        many("INSERT INTO phase (strategy_id, number, name, start_year, end_year, description) "
             "VALUES (?, ?, ?, ?, ?, ?)",
             [(sid, p["number"], p.get("name"), p.get("start"), p.get("end"),
               p.get("description")) for p in data.get("phases") or []])  # fmt: skip
        audit += [
            ("phase", f"{st['title']}: phase {p['number']}") for p in data.get("phases") or []
        ]
        phase = _ids(con, "phase", "number")
        many("INSERT INTO stage (strategy_id, number, name, description) VALUES (?, ?, ?, ?)",
             [(sid, s["number"], s.get("name"), s.get("description"))
              for s in data.get("stages") or []])  # fmt: skip
        audit += [
            ("stage", f"{st['title']}: stage {s['number']}") for s in data.get("stages") or []
        ]
        stage = _ids(con, "stage", "number")
        outcomes = data.get("outcomes") or []
        many("INSERT INTO outcome (code, name, position) VALUES (?, ?, ?)",
             [(o["code"], o["name"], i) for i, o in enumerate(outcomes)])  # fmt: skip
        audit += [("outcome", o["code"]) for o in outcomes]
        outcome = _ids(con, "outcome", "code")
        indicators = data.get("indicators") or []
        many("INSERT INTO indicator (code, name, outcome_id, board_id, unit, target, direction, "
             "frequency, source, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
             [(i["code"], i["name"], outcome.get(i.get("outcome")), board.get(i.get("board")),
               i.get("unit"), i.get("target"), i.get("direction"), i.get("frequency"),
               i.get("source")) for i in indicators])  # fmt: skip
        audit += [("indicator", i["code"]) for i in indicators]
        indicator = _ids(con, "indicator", "code")
        readings = [(indicator[i["code"]], r.get("date"), r.get("period"), r.get("value"),
                     r.get("note")) for i in indicators for r in i.get("readings") or []]  # fmt: skip
        many("INSERT INTO indicator_reading (indicator_id, date, period, value, note) "
             "VALUES (?, ?, ?, ?, ?)", readings)  # fmt: skip
        audit += [("indicator_reading", f"{r[0]} {r[1]}") for r in readings]
        actions = data.get("actions") or []
        ids = {a["ref"]: i for i, a in enumerate(actions, 1)}
        many(
            "INSERT INTO action (id, ref, strategy_id, phase_id, stage_id, board_id, owner_id, "
            "lead_organisation_id, title, description, start, due, status, rag, progress, "
            "latest_update_at, latest_commentary, created_at, version, exempt_paragraph) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)",
            [
                (i, a["ref"], sid, phase[a["phase"]], stage.get(a.get("stage")),
                 board.get(a.get("board")), person.get(a.get("owner")),
                 org.get(a.get("lead_organisation")), a["title"], a.get("description"),
                 a.get("start"), a.get("due"), a.get("status", "not started"), a.get("rag"),
                 a.get("progress", 0),
                 _stamp(a["updates"][-1]["at"]) if a.get("updates") else None,
                 a["updates"][-1].get("commentary") if a.get("updates") else None, now,
                 a.get("exempt"))
                for i, a in enumerate(actions, 1)
            ],
        )  # fmt: skip
        audit += [("action", a["ref"]) for a in actions]
        many("INSERT INTO action_outcome (action_id, outcome_id) VALUES (?, ?)",
             [(ids[a["ref"]], outcome[c]) for a in actions for c in a.get("outcomes") or []])  # fmt: skip
        many("INSERT INTO action_dependency (action_id, depends_on_id) VALUES (?, ?)",
             [(ids[a["ref"]], ids[r]) for a in actions for r in a.get("depends_on") or []])  # fmt: skip
        many(
            "INSERT INTO status_update (action_id, recorded_at, recorded_by, status, rag, "
            "progress, commentary) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (ids[a["ref"]], _stamp(u["at"]), u["by"], u["status"], u.get("rag"),
                 u["progress"], u.get("commentary"))
                for a in actions
                for u in a.get("updates") or []
            ],
        )  # fmt: skip
        audit.append(("status_update", source))  # one entry for all of them, as the import
        meetings = data.get("meetings") or []
        many("INSERT INTO meeting (board_id, date, title, status, version, uid, sequence_base) "
             "VALUES (?, ?, ?, ?, 1, ?, 0)",
             [(board[m["board"]], m.get("date"), m.get("title"), m.get("status", "planned"),
               str(uuid.uuid4())) for m in meetings])  # fmt: skip
        audit += [("meeting", f"{m['board']} {m.get('date')} {m.get('title')}") for m in meetings]
        mids = list(range(1, len(meetings) + 1))  # a fresh database: ids in order
        res = [(mid, m, pos, r) for mid, m in zip(mids, meetings, strict=True)
               for pos, r in enumerate(m.get("resolutions") or [])]  # fmt: skip
        many("INSERT INTO resolution (meeting_id, item_title, number, position, kind, text, "
             "fingerprint, exempt_paragraph) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
             [(mid, m.get("title"), str(r["number"]), pos, r["kind"], r["text"],
               _fp(m.get("title"), r["number"], r["text"]), r.get("exempt"))
              for mid, m, pos, r in res])  # fmt: skip
        audit += [("resolution", f"{m['board']} {m.get('date')} / {r['number']}")
                  for _, m, _, r in res]  # fmt: skip
        fol = [(mid, rid, pos, f, r) for rid, (mid, _, _, r) in enumerate(res, 1)
               for pos, f in enumerate(r.get("followups") or [])]  # fmt: skip
        many("INSERT INTO followup (meeting_id, resolution_id, position, owner_id, owner_text, "
             "text, due, status, fingerprint, version, uid, sequence_base, exempt_paragraph) "
             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, 0, ?)",
             [(mid, rid, pos, person.get(f.get("owner")), f.get("owner_text"), f["text"],
               f.get("due"), f.get("status", "open"), _fp(r["number"], pos, f["text"]),
               str(uuid.uuid4()), f.get("exempt")) for mid, rid, pos, f, r in fol])  # fmt: skip
        audit += [("followup", f"{r['number']} / {pos + 1}") for _, _, pos, _, r in fol]
        many("INSERT INTO audit_entry (at, actor, operation, entity, entity_key, new) "
             "VALUES (?, 'floor', 'import', ?, ?, 'created')",
             [(now, entity, key[:200]) for entity, key in audit])  # fmt: skip
    con.close()


if __name__ == "__main__":
    kind, src, dst = sys.argv[1:4]
    (to_json if kind == "json" else load)(src, dst)
