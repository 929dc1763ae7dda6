"""Each bundled paper on the shipped plan after a term of governance (papers_helpers.enrich),
compared with its golden file: the same on SQLite and PostgreSQL, and the same every time.
The goldens were read as a board secretary would before they were accepted; regenerate with
UPDATE_GOLDEN=1 after a deliberate change, and read the diff."""

from __future__ import annotations

import datetime as dt

import pytest
from papers_helpers import ILSC, ILSC_MEETING, SFB, SFB_MEETING, golden

from tracker.services.context import Tracker
from tracker.services.papers.render import preview_paper, render_paper

PAPERS = [
    ("highlight", SFB, SFB_MEETING),
    ("exception", SFB, SFB_MEETING),
    ("matters-arising", SFB, SFB_MEETING),
    ("cover", ILSC, ILSC_MEETING),
    ("outcomes", SFB, SFB_MEETING),
]


@pytest.mark.parametrize(("template", "board", "meeting"), PAPERS, ids=[p[0] for p in PAPERS])
def test_paper_matches_golden(term: Tracker, template: str, board: str, meeting: dt.date) -> None:
    paper = preview_paper(term, template, board, meeting)
    golden(f"{template}.md", paper.text)
    assert paper.filename == f"{meeting.isoformat()}-{board}-{template}.md"
    # deterministic: a second render is byte for byte the same
    assert preview_paper(term, template, board, meeting).text == paper.text


def test_highlight_html_matches_golden(term: Tracker) -> None:
    paper = preview_paper(term, "highlight", SFB, SFB_MEETING, fmt="html")
    golden("highlight.html", paper.text)


def test_highlight_reads_as_the_board_would_expect(term: Tracker) -> None:
    """The facts of the term, where a secretary would look for them."""
    text = preview_paper(term, "highlight", SFB, SFB_MEETING).text
    assert "| Period covered | 10 Dec 2025 (the last meeting) to 1 Mar 2026 |" in text
    assert "Supporting Families Board and the boards under it: 7 actions" in text
    completed = text.split("## 2.")[1].split("## 3.")[0]
    assert "P1-04" in completed and "15 Jan 2026" in completed
    assert "P1-01" not in completed  # completed in October, before the period
    off_track = text.split("## 4.")[1].split("## 5.")[0]
    assert "| P1-03 |" in off_track and "red and overdue (29 days)" in off_track
    assert "| P1-05 |" in off_track and "overdue (14 days)" in off_track
    assert "P2-06" not in text  # the Children First Board's action, not this board's
    assert "### Escalation #1 from Locality Partnership Board: P1-03" in text
    up = text.split("## 6.")[1].split("## 7.")[0]
    assert "| 2 | P1-05 |" in up and "Agree in principle to jointly funded posts" in up


def test_a_past_date_gives_the_position_then(term: Tracker) -> None:
    """As of 31 Jan 2026 P1-03 was amber and P1-04 complete; the red update came later."""
    text = preview_paper(term, "highlight", SFB, as_of=dt.date(2026, 1, 31)).text
    assert "| Position as of | 31 Jan 2026 |" in text
    assert "| Meeting | none: position as of 31 Jan 2026 |" in text
    off_track = text.split("## 4.")[1].split("## 5.")[0]
    assert "P1-03" not in off_track  # due 31 Jan: not yet overdue, and amber
    assert "Partner sign-off slipping" in text.split("### Risks")[1]
    assert "Escalation #1" not in text  # raised on 13 Feb


def test_rendering_writes_the_conventional_file(term: Tracker) -> None:
    done = render_paper(term, "highlight", SFB, SFB_MEETING)
    assert done.path is not None
    assert done.path.endswith("papers/2026-03-10-supporting-families-board-highlight.md")
    with open(done.path, encoding="utf-8") as fh:
        assert fh.read() == preview_paper(term, "highlight", SFB, SFB_MEETING).text
