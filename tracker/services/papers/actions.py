"""The whole plan's counts as of a paper's date (a committee paper), following the board
position's rule (governance/as_of.py: its SQL), grouped in the database, in plain SQL. The actions a paper lists are read in papers/listed.py."""

from __future__ import annotations

from tracker.services.actions.implied_due import phase_end_sql
from tracker.services.governance.as_of import values_as_of_sql
from tracker.services.papers.context import CountFields, Frame, counts_of
from tracker.services.papers.data.counts import Position, Tally
from tracker.services.plain_sql import Params, Reader
from tracker.vocabulary import OPEN_STATUSES

_COLUMNS = ("id", "ref", "title", "board_id", "owner_id", "phase_id", "stage_id", "start", "due")


def whole_plan(reader: Reader, fr: Frame, years: dict[int, tuple[int | None, int | None]]
               ) -> Position:  # fmt: skip
    """Every action of the plan as of the paper's date (for a committee with no actions of its
    own): counts grouped in the database, over the SQL of governance/as_of.py (the one
    statement of the rule)."""
    p = Params(reader.dialect)
    eff = values_as_of_sql(p, _COLUMNS, "1 = 1", fr.position_as_of)
    due = f"COALESCE(eff.due, {phase_end_sql(p)})"  # none: its phase's end, as the register
    rows = reader.rows(
        "SELECT eff.phase_id, eff.stage_id, eff.status, eff.rag, count(*), "
        "coalesce(sum(eff.progress), 0), count(CASE WHEN eff.status IN "
        f"({p.each(OPEN_STATUSES)}) AND {due} < {p(fr.paper.as_of)} THEN 1 END) FROM ({eff}) "
        "AS eff JOIN phase ON phase.id = eff.phase_id "
        "GROUP BY eff.phase_id, eff.stage_id, eff.status, eff.rag", p.values)  # fmt: skip
    phases = {r[0]: (r[1], r[2]) for r in reader.rows(
        "SELECT id, number, name FROM phase ORDER BY number", {})}  # fmt: skip
    stages = {r[0]: (r[1], r[2]) for r in reader.rows(
        "SELECT id, number, name FROM stage ORDER BY number", {})}  # fmt: skip
    boards = tuple(r[0] for r in reader.rows(
        "SELECT code FROM board WHERE kind = 'board' ORDER BY code", {}))  # fmt: skip
    total = _Sum()
    by_phase = {num: _Sum() for num, _ in phases.values()}
    by_stage: dict[int | None, _Sum] = {num: _Sum() for num, _ in stages.values()}
    by_stage[None] = _Sum()
    overdue = 0
    for phase_id, stage_id, status, rag, n, prog, late in rows:
        overdue += int(late)
        for sm in (total, by_phase[phases[phase_id][0]],
                   by_stage[stages[stage_id][0] if stage_id in stages else None]):  # fmt: skip
            sm.add(status, rag, int(n), int(prog))
    pnames = dict(phases.values())
    snames = dict(stages.values())
    return Position(
        **total.counts(), scope="the whole plan", boards=boards, overdue=overdue,
        phases=tuple(
            Tally(**sm.counts(), number=num, label=f"Phase {num}: {pnames[num] or 'to be confirmed'}",
                  name=pnames[num], start_year=years.get(num, (None, None))[0],
                  end_year=years.get(num, (None, None))[1])
            for num, sm in by_phase.items()
        ),
        stages=tuple(
            Tally(**sm.counts(), number=num,
                  label=f"Stage {num}: {snames[num]}" if num is not None else "No stage",
                  name=snames.get(num) if num is not None else None, start_year=None,
                  end_year=None)
            for num, sm in by_stage.items() if num is not None or sm.total
        ),
    )  # fmt: skip


class _Sum:
    def __init__(self) -> None:
        self.total = 0
        self.status: dict[str, int] = {}
        self.rag: dict[str, int] = {}
        self.progress_sum = 0
        self.progress_n = 0

    def add(self, status: str, rag: str | None, n: int, progress: int) -> None:
        self.total += n
        self.status[status] = self.status.get(status, 0) + n
        key = rag if rag in ("green", "amber", "red") else "none"
        self.rag[key] = self.rag.get(key, 0) + n
        if status != "cancelled":
            self.progress_sum += progress
            self.progress_n += n

    def counts(self) -> CountFields:
        progress = round(self.progress_sum / self.progress_n, 1) if self.progress_n else 0.0
        return counts_of(tuple(self.status.items()), tuple(self.rag.items()), self.total, progress)
