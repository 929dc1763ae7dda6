"""Contexts of the committee papers: the UK council committee cover report and outcomes
(indicators against target), read in the paper's session. Matters arising (the action log) is
read in plain SQL in papers/matters.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.models import Outcome
from tracker.services.committees.arising import arising_in
from tracker.services.committees.resolutions import resolutions_in
from tracker.services.governance.escalations import escalations_in
from tracker.services.governance.position import position_in
from tracker.services.indicators import IndicatorRow, format_value
from tracker.services.indicators.service import indicators_in
from tracker.services.papers.actions import whole_plan
from tracker.services.papers.context import (
    Frame,
    escalation_item,
    open_on,
    position_of,
)
from tracker.services.papers.data import (
    Appendix,
    CoverContext,
    FrontSheet,
    IndicatorItem,
    OutcomeGroup,
    OutcomesContext,
    ResolutionItem,
)
from tracker.services.papers.matters import followup_item

NOT_LINKED = "Not linked to an outcome"


BOARD_PAPERS = ("highlight", "exception")  # about a board's own actions


def cover(s: Session, fr: Frame, papers: Sequence[tuple[str, str, str]]) -> CoverContext:
    """The committee report: front sheet, the position (the board's, or the whole plan's for a
    committee with no actions of its own), decisions asked of it, its earlier resolutions,
    matters arising, outcomes off target and the other papers (template, kind, title) as
    appendices. A committee with no actions gets no highlight or exception report of its own:
    the accountable board's is to be attached."""
    years = fr.years
    pos = position_in(s, fr.board.code, fr.position_as_of, fr.paper.today)
    position = position_of(pos, years) if pos.total else whole_plan(s, fr, years)
    when, date = fr.paper.as_of, fr.paper.date
    decisions = tuple(
        escalation_item(e) for e in escalations_in(s, fr.board.code)
        if e.to_board == fr.board.code and open_on(e, when)
    )  # fmt: skip
    resolutions = tuple(
        ResolutionItem(
            meeting_date=r.meeting_date,
            item_title=r.item_title,
            number=r.number,
            kind=r.kind,
            text=r.text,
            followups=r.followups,
            open_followups=r.open_followups,
        )  # fmt: skip
        for r in resolutions_in(s, fr.paper.today, fr.board.code, False, False, None)
        if r.meeting_date is None or r.meeting_date < date
    )
    arising = arising_in(s, fr.board.code, date, fr.paper.today)
    strategy = fr.strategy.title if fr.strategy else "the strategy"
    appendices: list[tuple[str, str, str | None]] = []
    if not pos.total:
        appendices.append(("highlight", "Highlight report of the board accountable for the plan",
                           None))  # fmt: skip
    for name, kind, title in papers:
        if pos.total or kind not in BOARD_PAPERS:
            appendices.append(
                (name, title, f"{date.isoformat()}-{fr.board.code}-{name}.{fr.paper.format}")
            )
    return CoverContext(
        **fr.common(),
        front=FrontSheet(
            committee=fr.board.name,
            date=fr.meeting.date if fr.meeting else None,
            title=f"{strategy}: delivery update",
            report_of=None,
            contact=None,
            wards=fr.board.area,
            key_decision=None,
            exempt=None,
        ),  # fmt: skip
        position=position,
        decisions=decisions,
        resolutions=resolutions,
        arising=tuple(followup_item(f, when) for f in arising.open),
        off_target=tuple(g for g in _groups(s, fr.paper.today) if g.off_target),
        appendices=tuple(
            Appendix(letter=chr(ord("A") + i % 26), title=title, template=name, filename=file)
            for i, (name, title, file) in enumerate(appendices)
        ),
    )


def _indicator(r: IndicatorRow, today: dt.date) -> IndicatorItem:
    latest, previous = r.latest, r.previous
    return IndicatorItem(
        code=r.code, name=r.name, outcome=r.outcome, board=r.board, unit=r.unit,
        target=r.target_text() if r.target is not None else None,
        target_value=r.target, direction=r.direction,
        latest=format_value(latest.value, r.unit) if latest else None,
        latest_value=latest.value if latest else None,
        latest_date=latest.date if latest else None,
        latest_period=latest.period if latest else None,
        previous=format_value(previous.value, r.unit) if previous else None,
        previous_date=previous.date if previous else None,
        previous_period=previous.period if previous else None, travel=r.travel, status=r.status,
        source=r.source, readings=len(r.readings),
        chart=f"outcomes-{r.code}.svg" if len(r.readings) > 1 else None,
        points=tuple((x.date.isoformat() if x.date else x.period or "undated", x.value)
                     for x in r.readings),
        target_max=r.target_max, next_due=r.next_due(), overdue=r.reading_overdue(today),
    )  # fmt: skip


def _groups(s: Session, today: dt.date) -> list[OutcomeGroup]:
    groups: dict[str | None, list[IndicatorItem]] = {}
    names: dict[str | None, str] = {}
    for row in indicators_in(s):  # by outcome in plan order, unlinked last
        groups.setdefault(row.outcome, []).append(_indicator(row, today))
        names[row.outcome] = row.outcome_name or NOT_LINKED
    return [
        OutcomeGroup(code=code, name=names[code], indicators=tuple(items),
                     off_target=sum(1 for i in items if i.status == "off target"))
        for code, items in groups.items()
    ]  # fmt: skip


def outcomes(s: Session, fr: Frame) -> OutcomesContext:
    """Every indicator by outcome: target, latest reading, direction of travel."""
    groups = _groups(s, fr.paper.today)
    every = s.execute(
        select(Outcome.code, Outcome.name).order_by(Outcome.position, Outcome.code)
    ).all()
    measured = {g.code for g in groups}
    items = [i for g in groups for i in g.indicators]

    def count(status: str) -> int:
        return sum(1 for i in items if i.status == status)

    return OutcomesContext(
        **fr.common(),
        outcomes=tuple(groups),
        on_target=count("on target"), off_target=count("off target"),
        no_target=count("no target"), no_reading=count("no reading"),
        without_indicators=tuple(name for code, name in every if code not in measured),
    )  # fmt: skip
