"""Minutes pasted from a PDF carry page breaks and stray control characters: they are cleaned
(a form feed is a line break, the rest dropped), never refused and never stored. On SQLite and
PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from committee_helpers import COMMISSION, FIRST, Runner, counts
from sqlalchemy import select

from tracker.models import FollowUp, Resolution
from tracker.services.context import Tracker
from tracker.text import control_problem


def test_minutes_with_control_characters_are_cleaned_not_refused(
    committees: Tracker, run: Runner, tmp_path: Path
) -> None:
    text = FIRST.read_text(encoding="utf-8")
    dirty = (
        text.replace("Resolved:", "\fResolved:")
        .replace("be noted.", "be \x1b[1mnoted\x1b[0m.\x07")
        .replace("by each school.", "by each\x0bschool.\r\n")
    )
    path = tmp_path / "pasted.txt"
    path.write_text(dirty, encoding="utf-8")
    result = run("minutes", "import", path, "--committee", COMMISSION, "--date", "2026-01-20")
    assert result.exit_code == 0, result.output
    with committees.db.reading() as s:
        texts = [*s.scalars(select(Resolution.text)), *s.scalars(select(FollowUp.text))]
    assert texts and all(control_problem(t) is None for t in texts)
    assert "That the update be [1mnoted[0m." in texts
    assert any("completed by each\nschool" in t or "completed by each school" in t for t in texts)


def test_a_follow_up_response_with_a_control_character_is_refused(
    committees: Tracker, run: Runner
) -> None:
    assert run("minutes", "import", FIRST, "--committee", COMMISSION, "--date",
               "2026-01-20").exit_code == 0  # fmt: skip
    before = counts(committees)
    result = run("followups", "update", "1", "--status", "done", "--response", "sent\x1b[2J")
    assert result.exit_code == 2, result.output
    assert "contains the control character U+001B escape (ESC) at character 5" in result.output
    assert "response" in result.output
    assert counts(committees) == before
