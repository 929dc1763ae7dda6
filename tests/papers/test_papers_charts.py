"""The outcomes paper draws each indicator's trend as an SVG chart beside it (two or more
readings), and names it where the indicator's table is; on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

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
