"""`run.py`'s figures: each cell (median wall time, CPU time, a note), the tables they make, the
issue's targets judged on them, and the report written to benchmarks/out/latest.md.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from pathlib import Path

import timing

OUT = Path(__file__).resolve().parent / "out"
# taskwarrior timed alternately with the PostgreSQL commands (its own column: the load differs)
TW_PG = "taskwarrior (beside PostgreSQL)"
FLOOR_LABEL = "floor: the same data as JSON + `executemany`"


@dataclass
class Cell:
    seconds: float | None = None  # median wall time
    note: str = ""
    cpu: float | None = None  # median CPU time of the process itself

    @classmethod
    def of(cls, t: timing.Timing, note: str = "") -> Cell:
        return cls(t.median, note, t.cpu_median if t.cpu else None)

    def text(self) -> str:
        value = timing.seconds(self.seconds) if self.seconds is not None else ""
        extra = [f"cpu {timing.seconds(self.cpu)}"] if self.cpu is not None else []
        extra += [self.note] if self.note else []
        return " ".join(x for x in (value, f"({'; '.join(extra)})" if extra else "") if x) or "-"


@dataclass
class Results:
    columns: tuple[str, ...] = ("SQLite", "PostgreSQL", "taskwarrior", TW_PG)
    sections: dict[str, dict[str, dict[str, Cell]]] = field(default_factory=dict)
    targets: list[tuple[str, str, str, str]] = field(default_factory=list)
    others: list[tuple[str, int, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def put(self, section: str, label: str, column: str, cell: Cell) -> None:
        self.sections.setdefault(section, {}).setdefault(label, {})[column] = cell
        print(f"  {label:<44} {column:<11} {cell.text()}", flush=True)

    def cell(self, section: str, label: str, column: str) -> Cell:
        return self.sections.get(section, {}).get(label, {}).get(column, Cell())

    def get(self, section: str, label: str, column: str) -> float | None:
        return self.cell(section, label, column).seconds

    def markdown(self) -> str:
        lines: list[str] = []
        for section, rows in self.sections.items():
            lines += [f"### {section}", "", "| | " + " | ".join(self.columns) + " |"]
            lines.append("|---" * (len(self.columns) + 1) + "|")
            for label, cells in rows.items():
                texts = [cells[c].text() if c in cells else "" for c in self.columns]
                lines.append(f"| {label} | " + " | ".join(texts) + " |")
            lines.append("")
        return "\n".join(lines)


def check_targets(res: Results, a: argparse.Namespace, big_board: str) -> None:
    """The issue's targets, judged on median wall time (CPU time shown beside it)."""
    sec = f"{a.actions:,} actions, {a.updates:,} status updates"
    bsec = f"{a.big:,} actions, {a.big_updates:,} status updates"
    parse_c = res.cell(sec, "YAML parse only (`CSafeLoader`, in-process)", "SQLite")
    floor_c = res.cell(sec, FLOOR_LABEL, "SQLite")
    fixed = {"show": Cell(0.2), "update": Cell(0.3)}
    for column in ("SQLite", "PostgreSQL"):
        where = column if column == "SQLite" else f"{column} (not a target)"

        def tw(section: str, label: str, column: str = column) -> Cell:
            """taskwarrior's figure from the same alternation (else the SQLite one's)."""
            mine = res.cell(section, label, TW_PG) if column == "PostgreSQL" else Cell()
            return mine if mine.seconds is not None else res.cell(section, label, "taskwarrior")

        tw_info = tw(sec, "`actions show REF`")
        tw_modify = tw(sec, "`actions update REF ...`")
        tw_list = tw(sec, "`actions list` (all, table)")
        tw_board = tw(bsec, f"`actions list --board {big_board}`")
        checks = (
            (f"import {a.actions:,} actions <= 2 x YAML parse", parse_c, 2.0,
             res.cell(sec, f"`tracker plan import` ({a.actions:,})", column)),
            (f"import {a.actions:,} actions <= 1.5 x the floor (JSON + executemany)", floor_c,
             1.5, res.cell(sec, f"`tracker plan import` ({a.actions:,})", column)),
            ("`actions show REF` <= 0.2 s", fixed["show"], 1.0,
             res.cell(sec, "`actions show REF`", column)),
            ("`actions show REF` <= 2 x `task 7 info`", tw_info, 2.0,
             res.cell(sec, "`actions show REF`", column)),
            ("`actions update REF` <= 0.3 s", fixed["update"], 1.0,
             res.cell(sec, "`actions update REF ...`", column)),
            ("`actions update REF` <= 2 x `task 7 modify`", tw_modify, 2.0,
             res.cell(sec, "`actions update REF ...`", column)),
            (f"`actions list` all {a.actions:,} <= `task list`", tw_list, 1.0,
             res.cell(sec, "`actions list` (all, table)", column)),
            (f"{a.big:,} actions: `--board` list <= 0.5 x `task project:X list`", tw_board, 0.5,
             res.cell(bsec, f"`actions list --board {big_board}`", column)),
            (f"{a.big:,} actions: `actions show REF` <= 0.2 s", fixed["show"], 1.0,
             res.cell(bsec, "`actions show REF`", column)),
            (f"{a.big:,} actions: `actions show REF` <= 2 x `task 7 info`",
             tw(bsec, "`actions show REF`"), 2.0, res.cell(bsec, "`actions show REF`", column)),
            (f"{a.big:,} actions: `actions update REF` <= 0.3 s", fixed["update"], 1.0,
             res.cell(bsec, "`actions update REF ...`", column)),
            (f"{a.big:,} actions: `actions update REF` <= 2 x `task 7 modify`",
             tw(bsec, "`actions update REF ...`"), 2.0,
             res.cell(bsec, "`actions update REF ...`", column)),
        )  # fmt: skip
        for name, base, factor, mine in checks:
            if base.seconds is None or mine.seconds is None:
                continue
            limit = base.seconds * factor
            verdict = "PASS" if mine.seconds <= limit else "MISS"
            measured = f"{timing.seconds(mine.seconds)} (limit {timing.seconds(limit)})"
            if base.cpu is not None and mine.cpu is not None:
                measured += (f"; cpu {timing.seconds(mine.cpu)} (limit "
                             f"{timing.seconds(base.cpu * factor)})")  # fmt: skip
            res.targets.append((where, name, measured, verdict))


def write_report(res: Results, a: argparse.Namespace, info: dict[str, str]) -> Path:
    lines = [
        f"## Figures ({info['date']})", "",
        f"`{' '.join(['benchmarks/run.py', *a.argv])}`: whole processes, median of "
        f"{a.repeats} runs after a warm-up (imports: median of {a.import_repeats}, each into a "
        "fresh empty database; the big import: one run).", "",
        "| machine | |", "|---|---|", *[f"| {k} | {v} |" for k, v in info.items()], "",
        res.markdown(),
    ]  # fmt: skip
    if res.targets:
        lines += ["### Targets", "", "| database | target | measured | |", "|---|---|---|---|"]
        lines += [f"| {d} | {t} | {m} | {v} |" for d, t, m, v in res.targets]
        lines.append("")
    if res.notes:
        lines += ["### Notes", "", *[f"- {n}" for n in res.notes], ""]
    for name, code, text in res.others:
        lines += [f"### {name} (exit {code})", "", "```", text.rstrip(), "```", ""]
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "latest.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
