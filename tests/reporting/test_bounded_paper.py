"""The highlight report stays bounded whatever the plan's size: each list shows at most
`shown.limit` items and says how many there are; the full register is an optional appendix.
The direction of travel compares with the last meeting, with an SVG chart in HTML only."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reporting_helpers import run

from tracker.services.context import Tracker
from tracker.services.papers.data.highlight import HighlightContext
from tracker.services.papers.render import build_context, preview_paper
from tracker.services.plans import import_plan

ROOT = Path(__file__).parents[2]
TOP = "children-first-board"


def test_a_big_plans_highlight_is_bounded_with_the_register_as_appendix(
    tracker: Tracker, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.yaml"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--actions", "400",
                    "--updates", "2000", "--out", str(plan)], check=True, capture_output=True)  # fmt: skip
    import_plan(tracker, plan)
    ctx = build_context(tracker, "highlight", TOP)
    assert isinstance(ctx, HighlightContext)
    limit = ctx.shown.limit
    lists = {
        "completed": (ctx.completed, ctx.shown.completed),
        "next_period": (ctx.next_period, ctx.shown.next_period),
        "off_track": (ctx.off_track, ctx.shown.off_track),
        "risks": (ctx.risks, ctx.shown.risks),
        "exceptions": (ctx.exceptions, ctx.shown.exceptions),
    }
    for name, (items, total) in lists.items():
        assert len(items) == min(limit, total), name
    assert ctx.shown.off_track > limit and ctx.shown.risks > limit  # the plan is big enough
    assert ctx.register == ()  # the appendix only when asked
    text = preview_paper(tracker, "highlight", TOP).text
    assert f"Showing the {limit} longest overdue of {ctx.shown.off_track} actions off track" in text
    assert "Appendix A" not in text
    full = build_context(tracker, "highlight", TOP, appendix=True)
    assert isinstance(full, HighlightContext)
    assert len(full.register) == ctx.position.total  # every action counted
    assert all(a.forecast for a in full.register)
    appendix = preview_paper(tracker, "highlight", TOP, appendix=True).text
    assert "## Appendix A: the full register" in appendix
    assert appendix.count("\n| P") > text.count("\n| P") + 300


def test_direction_of_travel_with_a_chart_in_html(rep: Tracker) -> None:
    ctx = build_context(rep, "highlight", "cfb", fmt="html")
    assert isinstance(ctx, HighlightContext)
    travel = ctx.travel
    assert travel.compared_with is not None and travel.compared_with.isoformat() == "2025-12-15"
    rows = {r.measure: r for r in travel.rows}
    red = rows["Open actions at red"]
    assert (red.before, red.now, red.arrow, red.verdict) == ("0", "1", "↑", "worse")
    assert travel.rag_worsened == 1  # amber at the last meeting, red now
    html = preview_paper(rep, "highlight", "cfb", fmt="html").text
    assert '<div class="chart">' in html and "<svg" in html and "</svg>" in html
    md = preview_paper(rep, "highlight", "cfb").text
    assert "<svg" not in md
    assert "| Open actions at red | 0 | 1 | up 1 | ↑ worse |" in md
    assert "How to read the suggested RAG and the forecast" in md and "0.85" in md


def test_the_board_position_shows_the_direction_of_travel(rep: Tracker) -> None:
    shown = run("board", "position", "cfb")
    assert shown.exit_code == 0, shown.output
    assert "Direction of travel since 15 Dec 2025: 0 changed status" in shown.output
    line = next(x for x in shown.output.splitlines() if x.startswith("Open actions at red"))
    assert line.split()[4:] == ["0", "1", "up", "1", "↑", "worse"]
