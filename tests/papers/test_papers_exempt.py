"""Exempt items (Schedule 12A): an action, a resolution, a follow-up and a meeting item marked
exempt are shown as "exempt item (paragraph N)" in every public output: every paper kind as
Markdown, HTML and Word, the calendar and the open data; and not one of their words appears.
A confidential paper has them. Set by a plan file, kept through export and import."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from icalendar import Calendar
from papers_helpers import ILSC, ILSC_MEETING, SFB, SFB_MEETING, run
from sqlalchemy import select, update

from tracker.models import Action, AgendaItem, Escalation, FollowUp, Resolution, StatusUpdate
from tracker.services import plans
from tracker.services.calendar import build_calendar
from tracker.services.context import Tracker
from tracker.services.papers.render import preview_paper

SECRET = "Zanzibar"  # a word in every exempt item's text, and nowhere else
PAPERS = [("highlight", SFB, SFB_MEETING), ("exception", SFB, SFB_MEETING),
          ("matters-arising", ILSC, ILSC_MEETING), ("outcomes", SFB, SFB_MEETING),
          ("cover", ILSC, ILSC_MEETING), ("matters-arising", SFB, SFB_MEETING)]  # fmt: skip


@pytest.fixture
def exempt(term: Tracker) -> Tracker:
    """P1-03 (red, escalated) exempt under paragraph 3, a resolution under 1, the follow-up
    "Report the HR integration timetable" under 7 and a meeting item under 5; each given the
    secret word in all of its text."""
    with term.db.writing() as s:
        p13 = s.scalars(select(Action).where(Action.ref == "P1-03")).one()
        p13.title = f"Renegotiate the {SECRET} contract"
        p13.latest_commentary = f"{SECRET} supplier in administration"
        p13.exempt_paragraph = 3
        s.execute(update(StatusUpdate).where(StatusUpdate.action_id == p13.id)
                  .values(commentary=f"{SECRET} supplier in administration"))  # fmt: skip
        s.execute(update(Escalation).where(Escalation.action_id == p13.id)
                  .values(reason=f"{SECRET} costs", decision_sought=f"Agree {SECRET} terms"))  # fmt: skip
        fu = s.scalars(select(FollowUp).where(
            FollowUp.text == "Report the HR integration timetable")).one()  # fmt: skip
        fu.text = f"Report on the {SECRET} tribunal claim"
        fu.exempt_paragraph = 7
        resolution = s.scalars(select(Resolution).order_by(Resolution.id)).first()
        assert resolution is not None
        resolution.text = f"That the {SECRET} settlement be approved."
        resolution.exempt_paragraph = 1
        for item in s.scalars(select(AgendaItem)):
            item.title = f"{SECRET} legal advice"
            item.exempt_paragraph = 5
    return term


def _docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [c.text for row in table.rows for c in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs]
    return "\n".join(parts)


@pytest.mark.parametrize(("template", "board", "meeting"), PAPERS)
def test_no_exempt_word_in_any_public_paper(
    exempt: Tracker, template: str, board: str, meeting: object
) -> None:
    for fmt in ("md", "html", "docx"):
        paper = preview_paper(exempt, template, board, meeting, fmt=fmt)  # type: ignore[arg-type]
        text = _docx_text(paper.data) if fmt == "docx" else paper.text
        assert SECRET not in text, (template, fmt)
        assert not paper.filename.endswith("-confidential.docx")
    confidential = preview_paper(exempt, template, board, meeting, confidential=True)  # type: ignore[arg-type]
    if template in ("highlight", "exception"):
        assert SECRET in confidential.text  # so the public one left something out


def test_public_papers_say_where_an_item_is_exempt(exempt: Tracker) -> None:
    highlight = preview_paper(exempt, "highlight", SFB, SFB_MEETING).text
    assert "| P1-03 | exempt item (paragraph 3) |" in highlight  # kept in its place, no words
    exception = preview_paper(exempt, "exception", SFB, SFB_MEETING).text
    assert "exempt item (paragraph 3)" in exception
    arising = "".join(preview_paper(exempt, "matters-arising", b, day).text
                      for b, day in ((ILSC, ILSC_MEETING), (SFB, SFB_MEETING)))  # fmt: skip
    assert "exempt item (paragraph 7)" in arising


def test_a_confidential_paper_has_the_exempt_items(exempt: Tracker, tmp_path: Path) -> None:
    paper = preview_paper(exempt, "highlight", SFB, SFB_MEETING, confidential=True)
    assert f"Renegotiate the {SECRET} contract" in paper.text
    assert paper.filename == "2026-03-10-supporting-families-board-highlight-confidential.md"
    result = run("paper", "render", "highlight", "--board", SFB, "--meeting", "2026-03-10",
                 "--confidential", "--out", tmp_path)  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("highlight-confidential.md")


def test_no_exempt_word_in_the_calendar_or_the_open_data(exempt: Tracker, tmp_path: Path) -> None:
    ics = build_calendar(exempt, closed_within=None).data.decode("utf-8")
    assert SECRET not in ics.replace("\r\n ", "")  # unfolded
    summaries = [str(e["summary"]) for e in Calendar.from_ical(ics).walk("VEVENT")]
    assert any("exempt item (paragraph 7)" in s for s in summaries)
    folder = tmp_path / "open"
    folder.mkdir()
    result = run("opendata", "export", folder)
    assert result.exit_code == 0, result.output
    popolo = (folder / "popolo.json").read_text(encoding="utf-8")
    actions = (folder / "accountability.csv").read_text(encoding="utf-8")
    assert SECRET not in popolo and SECRET not in actions
    motions = json.loads(popolo)["motions"]
    assert any(m["text"] == "exempt item (paragraph 1)" for m in motions)
    assert "exempt item (paragraph 3)" in actions


def test_exempt_is_set_by_a_plan_file_and_kept_through_export(
    term: Tracker, tmp_path: Path
) -> None:
    first = tmp_path / "first.yaml"
    plans.export_plan(term, first)
    data = yaml.safe_load(first.read_text(encoding="utf-8"))
    action = next(a for a in data["actions"] if a["ref"] == "P1-03")
    action["exempt"] = 3
    meeting = next(m for m in data["meetings"] if m["resolutions"])
    meeting["resolutions"][0]["exempt"] = 1
    edited = tmp_path / "edited.yaml"
    edited.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    result = plans.import_plan(term, edited)
    assert result.updated >= 2
    with term.db.reading() as s:
        assert s.scalar(select(Action.exempt_paragraph).where(Action.ref == "P1-03")) == 3
    second = plans.export_plan(term, tmp_path / "second.yaml").text
    assert "  exempt: 3\n" in second and "exempt: 1\n" in second
    action["exempt"] = 9
    edited.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    with pytest.raises(Exception, match="exempt"):
        plans.import_plan(term, edited)


def test_an_item_is_marked_exempt_and_public_again_from_the_command_line(term: Tracker) -> None:
    result = run("exempt", "action", "P1-03", "--paragraph", "3")
    assert result.exit_code == 0, result.output
    assert "exempt under paragraph 3" in result.output
    title = "Developing a roadmap of a child’s journey across the Early Help System"
    assert title not in preview_paper(term, "highlight", SFB, SFB_MEETING).text
    assert run("exempt", "action", "P1-03", "--public").exit_code == 0
    assert title in preview_paper(term, "highlight", SFB, SFB_MEETING).text
    wrong = run("exempt", "action", "P1-03", "--paragraph", "8")
    assert wrong.exit_code == 2 and "8 is not in the range 1<=x<=7" in wrong.output
    missing = run("exempt", "followup", "99999", "--paragraph", "1")
    assert missing.exit_code == 2 and "no followup 99999" in missing.output


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_exempt_actions_are_found_without_reading_every_action(exempt: Tracker) -> None:
    """Every public paper asks which actions are exempt: the database answers from the
    partial index of exempt actions, not by reading the whole action table (at 100,000
    actions that read was 12-20 ms of each paper)."""
    from tracker.services.papers.exempt import exempt_read
    from tracker.services.plain_sql import Row

    asked: list[str] = []

    class Recording:
        def __init__(self, reader: Any) -> None:
            self.reader, self.dialect = reader, reader.dialect

        def rows(self, sql: str, params: dict[str, Any]) -> list[Row]:
            asked.append(sql)
            return self.reader.rows(sql, params)

    with exempt.reading_sql() as reader:
        found = exempt_read(Recording(reader))
        (action_sql,) = [q for q in asked if "FROM action " in q]
        plan = " ".join(str(r[-1]) for r in reader.rows(f"EXPLAIN QUERY PLAN {action_sql}", {}))
    assert found.actions == {"P1-03": 3}
    assert "ix_action_exempt" in plan, plan
    assert "SCAN action" not in plan
