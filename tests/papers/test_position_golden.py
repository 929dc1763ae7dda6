"""`tracker board position` as a board secretary reads it, after a term of governance
(papers_helpers.enrich), compared byte for byte with its golden files on SQLite and PostgreSQL:
the roll-up, overdue, RAG worsened, what child boards reported, escalations and the direction
of travel, now and as of a past date, as a table and as JSON. Whatever path a command takes to
start quickly, what it prints stays the same. Regenerate with UPDATE_GOLDEN=1, and read the diff."""

from __future__ import annotations

import pytest
from papers_helpers import CFB, SFB, golden, run

from tracker.services.context import Tracker

CASES = [
    ("position-sfb.txt", (SFB,)),
    ("position-sfb-2026-01-31.txt", (SFB, "--as-of", "2026-01-31")),
    ("position-cfb.json", (CFB, "--format", "json")),
]


@pytest.mark.parametrize(("name", "args"), CASES, ids=[c[0] for c in CASES])
def test_board_position_matches_golden(term: Tracker, name: str, args: tuple[str, ...]) -> None:
    result = run("board", "position", *args)
    assert result.exit_code == 0, result.output
    golden(name, result.output)


def test_the_golden_position_says_what_the_term_did(term: Tracker) -> None:
    """The facts a secretary would look for, so that the golden files are not just any text."""
    text = run("board", "position", SFB).output
    assert text.startswith("Supporting Families Board (supporting-families-board): position as")
    assert "Overdue (" in text and "P1-03" in text
    assert "Direction of travel since 10 Dec 2025:" in text
    assert "#1 P1-03 from Locality Partnership Board" in text
