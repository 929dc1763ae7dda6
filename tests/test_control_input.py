"""Control characters at input, on every face but sheets: refused naming the field (and for a
plan file the file and line), nothing stored; tabs and line breaks are text, CRLF is stored as
LF. On SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import func, select

from tracker.errors import InvalidInput
from tracker.models import Action, AuditEntry, Board, StatusUpdate
from tracker.services.actions.edit import edit_action
from tracker.services.actions.updates import record_update
from tracker.services.context import Tracker
from tracker.services.plans import validate_plan

SMALL = Path(__file__).parent / "data" / "plans" / "small.yaml"
REF = "P1-03"


def run(*args: str) -> Result:
    from tracker.cli import cli

    return CliRunner().invoke(cli, list(args))


def stored(t: Tracker) -> tuple[int, int, int, int]:
    with t.db.reading() as s:
        return (
            s.scalar(select(Action.version).where(Action.ref == REF)) or 0,
            s.scalar(select(func.count()).select_from(StatusUpdate)) or 0,
            s.scalar(select(func.count()).select_from(AuditEntry)) or 0,
            s.scalar(select(func.count()).select_from(Board)) or 0,
        )


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("actions", "update", REF, "--note", "done\x1b]0;PWNED\x07"), "note"),
        (("actions", "update", REF, "--progress", "20", "--note", "a\x00b"), "note"),
        (("boards", "add", "new-board", "New \x1b[2J Board"), "board name"),
        (("boards", "add", "new-board", "New Board", "--description", "x\x9by"), "description"),
        (("meetings", "add", "supporting-families-board", "2026-03-24",
          "--title", "March\x08\x08\x08\x08\x08April"), "meeting title"),
    ],
)  # fmt: skip
def test_the_cli_refuses_control_characters_naming_the_field(
    loaded: Tracker, args: tuple[str, ...], field: str
) -> None:
    before = stored(loaded)
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert "contains the control character" in result.output
    assert f"{field}: " in result.output
    assert "Traceback" not in result.output
    assert stored(loaded) == before


def test_the_position_of_the_character_is_given(loaded: Tracker) -> None:
    result = run("actions", "update", REF, "--note", "done\x1b[2J")
    assert "note: contains the control character U+001B escape (ESC) at character 5" in (
        result.output
    )


def test_tabs_and_line_breaks_are_text_and_crlf_is_stored_as_lf(loaded: Tracker) -> None:
    result = run("actions", "update", REF, "--note", "Line one\r\nLine\ttwo\rthree")
    assert result.exit_code == 0, result.output
    with loaded.db.reading() as s:
        note = s.scalar(
            select(StatusUpdate.commentary)
            .join(Action, StatusUpdate.action_id == Action.id)
            .where(Action.ref == REF)
            .order_by(StatusUpdate.id.desc())
        )
    assert note == "Line one\nLine\ttwo\nthree"


def test_the_app_services_refuse_them_too(loaded: Tracker) -> None:
    # the app's forms save through these services
    with loaded.db.reading() as s:
        version = s.scalar(select(Action.version).where(Action.ref == REF))
    assert version is not None
    with pytest.raises(InvalidInput) as info:
        edit_action(loaded, REF, version, {"title": "Roadmap\x1b[31m", "description": "ok\x07"})
    fields = {p.field for p in info.value.problems}
    assert fields == {"title", "description"}
    with pytest.raises(InvalidInput) as info:
        record_update(loaded, REF, status="in progress", progress=10, note="\u0085next")
    assert [p.field for p in info.value.problems] == ["note"]


def test_a_plan_file_names_file_line_and_field(tmp_path: Path) -> None:
    text = SMALL.read_text("utf-8")
    assert text.count("title: Build the roadmap") == 1
    path = tmp_path / "plan.yaml"
    path.write_text(
        text.replace("title: Build the roadmap", 'title: "Build the \\e[2Jroadmap"'), "utf-8"
    )
    line = text[: text.index("title: Build the roadmap")].count("\n") + 1
    with pytest.raises(InvalidInput) as info:
        validate_plan(path)
    [problem] = info.value.problems
    assert problem.file == str(path) and problem.line == line
    assert "title" in problem.field
    assert "U+001B" in problem.message
