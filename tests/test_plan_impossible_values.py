"""Values a plan file cannot hold: a day not on the calendar, a timestamp where a date belongs,
a control character in text. `plan validate` and `plan import` refuse them with file, line,
column, field and what is allowed (exit 2); the database is left as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from database_helpers import contents

from tracker.cli import cli

REGISTER = Path(__file__).parent / "data" / "plans" / "register.yaml"

CASES = [  # (line 77 `due:` of A-01 becomes, what the message says)
    ("due: 2025-02-30", "actions[0].due: '2025-02-30' is not a day on the calendar"),
    ("due: 2025-13-01", "actions[0].due: '2025-13-01' is not a day on the calendar"),
    ("due: 2025-06-30 10:00:00", "actions[0].due: expected a date, got a timestamp"),
    ("due: 2025-06-30T10:00:00Z", "actions[0].due: expected a date, got a timestamp"),
    ('title: "Map the\\0 offer"', "actions[0].title: contains the control character U+0000 NUL"),
    ('title: "Map the\\e[2J offer"', "contains the control character U+001B escape (ESC)"),
]


def _broken(folder: Path, line: str) -> Path:
    lines = REGISTER.read_text(encoding="utf-8").splitlines()
    key = line.split(":", 1)[0]
    number = 77 if key == "due" else 69
    assert lines[number - 1].strip().startswith(f"{key}:")
    indent = lines[number - 1][: len(lines[number - 1]) - len(lines[number - 1].lstrip())]
    lines[number - 1] = indent + line
    path = folder / "broken.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("line", "message"), CASES)
def test_plan_validate_refuses_an_impossible_value(tmp_path: Path, line: str, message: str) -> None:
    broken = _broken(tmp_path, line)
    result = CliRunner().invoke(cli, ["plan", "validate", str(broken)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    number = 77 if line.startswith("due") else 69
    assert f"{broken}:{number}:" in result.stderr
    assert message in result.stderr
    assert "(allowed: " in result.stderr


@pytest.mark.parametrize(("line", "message"), CASES[::2])
def test_plan_import_refuses_it_and_changes_nothing(
    tmp_path: Path, db_url: str, settings_file: Path, line: str, message: str
) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["plan", "import", str(REGISTER)]).exit_code == 0
    before = contents(db_url)
    result = runner.invoke(cli, ["plan", "import", str(_broken(tmp_path, line))])
    assert result.exit_code == 2, result.output
    assert message in result.stderr and "Traceback" not in result.output
    assert contents(db_url) == before
