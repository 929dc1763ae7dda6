"""Writing a PlanDocument as YAML in the canonical form of plans/README.md.

Canonical: sections and keys in the README's order, every key written (null when empty),
deterministic item order (organisations, people, indicators by code; boards parents first,
roots and siblings by code; phases and stages by number; outcomes in their order; actions and
dependencies by ref, numbers compared as numbers; updates oldest first; meetings by date,
board and title), dates and timestamps ISO, text with line breaks as block scalars, a blank line
between sections. libyaml's emitter (when present) writes it fast.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

import yaml

from tracker.plans import document as d
from tracker.vocabulary import ROLES

# libyaml's C version when PyYAML was built with it; the stubs declare it always there, and
# the pure-Python one has the same interface
if TYPE_CHECKING:
    _Base = yaml.CSafeDumper
else:
    _Base = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class PlanDumper(_Base):
    pass


# text a YAML 1.2 reader (ruamel.yaml, yaml-rs, Go and JavaScript readers) would take for a
# number, a boolean or null if written plain: quoted. PyYAML's emitter already quotes what a
# YAML 1.1 reader would misread (yes, no, on, 012, 1_000, 1:20, dates), not these: 1E2, 0o17,
# 1e3, 1.0e3, 0x1F, .5
_YAML12_NOT_TEXT = re.compile(
    r"~|null|Null|NULL|true|True|TRUE|false|False|FALSE"
    r"|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)


def _represent_str(dumper: PlanDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        style: str | None = "|"
    elif _YAML12_NOT_TEXT.fullmatch(value):
        style = "'"
    else:
        style = None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_datetime(dumper: PlanDumper, value: dt.datetime) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


PlanDumper.add_representer(str, _represent_str)
PlanDumper.add_representer(dt.datetime, _represent_datetime)

_DIGITS = re.compile(r"(\d+)")


def ref_key(ref: str) -> tuple[int | str, ...]:
    """P2-01 < P10-01: digit runs compare as numbers."""
    parts = _DIGITS.split(ref)
    return (*(int(p) if i % 2 else p for i, p in enumerate(parts)), ref)


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def board_order(boards: tuple[d.BoardSpec, ...]) -> list[d.BoardSpec]:
    """Parents before children: each root (by code) followed by its subtree (siblings by code)."""
    codes = {b.code for b in boards}
    children: dict[str | None, list[d.BoardSpec]] = {}
    for b in boards:
        parent = b.parent if b.parent in codes else None
        children.setdefault(parent, []).append(b)
    out: list[d.BoardSpec] = []
    seen: set[str] = set()
    stack = sorted(children.get(None, []), key=lambda b: b.code, reverse=True)
    while stack:
        board = stack.pop()
        if board.code in seen:
            continue
        seen.add(board.code)
        out.append(board)
        stack.extend(sorted(children.get(board.code, []), key=lambda b: b.code, reverse=True))
    out.extend(sorted((b for b in boards if b.code not in seen), key=lambda b: b.code))
    return out


def to_data(doc: d.PlanDocument) -> dict[str, Any]:
    """The document as plain YAML data in canonical order."""
    st = doc.strategy
    outcome_rank = {o.code: i for i, o in enumerate(doc.outcomes)}
    return {
        "schema": d.SCHEMA,
        "strategy": {
            "title": st.title,
            "period": {"start": st.start_year, "end": st.end_year},
            "vision": st.vision,
            "principles": list(st.principles),
            "source": st.source,
            **(
                {
                    "rag": {
                        k: v
                        for k, v in (("green", st.rag_green), ("red", st.rag_red))
                        if v is not None
                    }
                }
                if st.rag_green is not None or st.rag_red is not None
                else {}
            ),
        },
        "organisations": [
            {"code": o.code, "name": o.name}
            for o in sorted(doc.organisations, key=lambda o: o.code)
        ],
        "people": [
            {"code": p.code, "name": p.name, "role": p.role, "organisation": p.organisation}
            | ({"email": p.email} if p.email else {})
            for p in sorted(doc.people, key=lambda p: p.code)
        ],
        "boards": [_board(b) for b in board_order(doc.boards)],
        "phases": [
            {f: getattr(p, f) for f in d.PHASE_FIELDS}
            for p in sorted(doc.phases, key=lambda p: p.number)
        ],
        "stages": [
            {
                "number": s.number,
                "name": s.name,
                "description": s.description,
                "commitments": list(s.commitments),
            }
            for s in sorted(doc.stages, key=lambda s: s.number)
        ],
        "outcomes": [{"code": o.code, "name": o.name} for o in doc.outcomes],
        "indicators": [_indicator(i) for i in sorted(doc.indicators, key=lambda i: i.code)],
        "actions": [
            _action(a, outcome_rank) for a in sorted(doc.actions, key=lambda a: ref_key(a.ref))
        ],
        "meetings": [
            _meeting(m)
            for m in sorted(
                doc.meetings, key=lambda m: (m.date or dt.date.min, m.board, m.title or "")
            )
        ],
    } | ({"access": _access(doc.access)} if doc.access else {})  # a file without it: as before


def _access(entries: tuple[d.AccessSpec, ...]) -> list[dict[str, Any]]:
    def rank(role: str) -> tuple[int, str]:
        name, _, scope = role.partition(":")
        return ROLES.index(name) if name in ROLES else len(ROLES), scope

    return [{"login": e.login, "roles": sorted(e.roles, key=rank)}
            for e in sorted(entries, key=lambda e: e.login)]  # fmt: skip


def _board(b: d.BoardSpec) -> dict[str, Any]:
    out: dict[str, Any] = {f: getattr(b, f) for f in d.BOARD_FIELDS if f != "tolerances"}
    if b.tolerances is not None:
        out["tolerances"] = dict(b.tolerances)
    return out


def _indicator(i: d.IndicatorSpec) -> dict[str, Any]:
    return {
        "code": i.code,
        "name": i.name,
        "outcome": i.outcome,
        "board": i.board,
        "unit": i.unit,
        "target": _number(i.target),
        "direction": i.direction,
        "frequency": i.frequency,
        "source": i.source,
        "readings": [
            {"date": r.date, "period": r.period, "value": _number(r.value), "note": r.note}
            for r in i.readings
        ],
    }


def _action(a: d.ActionSpec, outcome_rank: dict[str, int]) -> dict[str, Any]:
    return {
        "ref": a.ref,
        "title": a.title,
        "description": a.description,
        "phase": a.phase,
        "stage": a.stage,
        "outcomes": sorted(a.outcomes, key=lambda c: (outcome_rank.get(c, len(outcome_rank)), c)),
        "board": a.board,
        "owner": a.owner,
        "lead_organisation": a.lead_organisation,
        "start": a.start,
        "due": a.due,
        "status": a.status,
        "rag": a.rag,
        "progress": a.progress,
        **({"exempt": a.exempt} if a.exempt is not None else {}),
        "depends_on": sorted(a.depends_on, key=ref_key),
        "updates": [
            {
                "at": u.at,
                "by": u.by,
                "status": u.status,
                "rag": u.rag,
                "progress": u.progress,
                "commentary": u.commentary,
            }
            for u in sorted(a.updates, key=lambda u: (u.at, u.by))
        ],
    }


# written when set: a file without them stays as it was
_CALENDAR = ("exempt", "uid", "sequence")


def _meeting(m: d.MeetingSpec) -> dict[str, Any]:
    out: dict[str, Any] = {"board": m.board, "date": m.date, "title": m.title, "status": m.status}
    out.update({f: getattr(m, f) for f in ("uid", "sequence") if getattr(m, f) is not None})
    out["resolutions"] = [
        {
            "number": r.number,
            "kind": r.kind,
            "text": r.text,
            **({"exempt": r.exempt} if r.exempt is not None else {}),
            "followups": [
                {
                    f: getattr(x, f)
                    for f in d.FOLLOWUP_FIELDS
                    if f not in _CALENDAR or getattr(x, f) is not None
                }
                for x in r.followups
            ],
        }
        for r in m.resolutions
    ]
    return out


def dump_plan(doc: d.PlanDocument) -> str:
    """The canonical YAML text of a plan: one block per section, a blank line between them,
    characters outside ASCII kept as they are."""
    blocks = [
        yaml.dump(
            {name: value},
            Dumper=PlanDumper,
            allow_unicode=True,
            sort_keys=False,
            width=100,
            default_flow_style=False,
        )
        for name, value in to_data(doc).items()
    ]
    return "\n".join(blocks)
