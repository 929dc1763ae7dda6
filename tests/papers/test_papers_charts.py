"""The outcomes paper draws each indicator's trend as an SVG chart beside it (two or more
readings), and names it where the indicator's table is; on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from papers_helpers import SFB, SFB_MEETING

from tracker.services.context import Tracker
from tracker.services.indicators.manage import set_indicator
from tracker.services.papers.render import render_paper


def test_the_outcomes_paper_writes_its_trend_charts_beside_it(
    term: Tracker, tmp_path: Path
) -> None:
    set_indicator(term, "families-supported", target=550, target_max=650, direction="within")
    out = tmp_path / "papers"
    out.mkdir()
    paper = render_paper(term, "outcomes", SFB, SFB_MEETING, out=out)
    text = Path(paper.path or "").read_text(encoding="utf-8")
    assert "![Trend: Families supported by Early Help](outcomes-families-supported.svg)" in text
    assert "| Families supported by Early Help | 550 families to 650 families | within |" in text
    chart = out / "outcomes-families-supported.svg"
    svg = chart.read_text(encoding="utf-8")
    assert "<svg" in svg and "Families supported by Early Help" in svg
    assert "target range" in svg  # the band of the range, named in the legend
    assert "2025-12-31" in svg  # the readings' dates on the axis
    # the same data draws the same bytes: papers can be compared and kept
    render_paper(term, "outcomes", SFB, SFB_MEETING, out=out)
    assert chart.read_text(encoding="utf-8") == svg
    # an indicator with one reading has no chart
    assert not (out / "outcomes-referrals-police.svg").exists()


def test_the_outcomes_paper_marks_a_reading_overdue_for_its_frequency(
    term: Tracker, tmp_path: Path
) -> None:
    """A monthly indicator whose latest reading is more than a month old by the paper's day
    says so in its row and in the summary; one with no frequency is never overdue."""
    import re

    from tracker.services.indicators import list_indicators

    set_indicator(term, "families-supported", frequency="monthly")
    row = next(r for r in list_indicators(term) if r.code == "families-supported")
    due = row.next_due()
    assert due is not None
    paper = render_paper(term, "outcomes", SFB, SFB_MEETING, out=tmp_path)
    text = Path(paper.path or "").read_text(encoding="utf-8")
    assert due < paper_day(text)  # the latest reading is over a month old by the paper's day
    line = next(x for x in text.splitlines() if x.startswith("| Families supported by Early Help"))
    assert f"(next reading overdue since {due.day} {due:%b %Y})" in line
    summary = "1 indicator has a reading overdue for its reporting frequency: Families supported"
    assert summary in text
    assert len(re.findall(r"next reading overdue", text)) == 1  # the others have no frequency
    set_indicator(term, "families-supported", frequency="annual")  # not due yet: not marked
    paper = render_paper(term, "outcomes", SFB, SFB_MEETING, out=tmp_path)
    assert "overdue" not in Path(paper.path or "").read_text(encoding="utf-8")


def paper_day(text: str) -> Any:
    import datetime as dt

    m = re.search(r"\| Prepared \| (\d+ \w+ \d{4}) \|", text)
    assert m, text[:400]
    return dt.datetime.strptime(m.group(1), "%d %b %Y").date()
