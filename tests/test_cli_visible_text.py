"""Stored text holding terminal escape sequences (from before the control-character rule, or
sneaked into a database) is printed visibly by every command, never raw: it cannot retitle or
clear the reader's terminal. Data to a pipe (CSV, YAML) stays exact; JSON escapes it. On SQLite
and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import update

from tracker.cli import cli
from tracker.models import Action
from tracker.services.context import Tracker
from tracker.services.plans import import_plan

REGISTER = Path(__file__).parent / "data" / "plans" / "register.yaml"
HOSTILE = "Roadmap \x1b]0;PWNED\x07\x1b[2J done \x9b31m \u202eevil\u202c"
SHOWN = "Roadmap ␛]0;PWNED␇␛[2J done <U+009B>31m <U+202E>evil<U+202C>"
RAW = ("\x1b", "\x07", "\x9b", "\u202e")


@pytest.fixture
def hostile(tracker: Tracker) -> Tracker:
    import_plan(tracker, REGISTER)
    with tracker.db.writing() as s:
        s.execute(
            update(Action)
            .where(Action.ref == "A-01")
            .values(title=HOSTILE, description=HOSTILE, latest_commentary=HOSTILE)
        )
    return tracker


def run(*args: str) -> Result:
    # color=True: as on a terminal, where click passes escape sequences on instead of
    # stripping them as it does for a pipe
    return CliRunner().invoke(cli, list(args), color=True)


def assert_nothing_raw(text: str) -> None:
    for char in RAW:
        assert char not in text, f"raw {char!r} in {text!r}"


@pytest.mark.parametrize(
    "args",
    [
        ("actions", "show", "A-01"),
        ("actions", "list"),
        ("actions", "list", "--search", "roadmap"),
    ],
)
def test_stored_escape_sequences_are_shown_visibly(hostile: Tracker, args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert_nothing_raw(result.output)
    assert "␛]0;PWNED␇␛[2J" in result.output


def test_show_prints_the_whole_text_visibly(hostile: Tracker) -> None:
    result = run("actions", "show", "A-01")
    assert f"A-01  {SHOWN}" in result.output


def test_json_keeps_the_exact_text_escaped(hostile: Tracker) -> None:
    for args in (("actions", "list"), ("actions", "show", "A-01")):
        result = run(*args, "--format", "json")
        assert result.exit_code == 0, result.output
        assert_nothing_raw(result.stdout)
        data = json.loads(result.stdout)
        title = data[0]["title"] if isinstance(data, list) else data["title"]
        assert title == HOSTILE


def test_csv_to_a_pipe_is_the_exact_data(hostile: Tracker) -> None:
    result = run("actions", "list", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["title"] == HOSTILE


def test_a_table_stays_aligned_with_visible_marks(hostile: Tracker) -> None:
    result = run("actions", "list", "--search", "roadmap")
    lines = result.stdout.splitlines()
    # STATUS is the same column on every line: the marks were measured, not added afterwards
    at = lines[0].index("STATUS")
    assert all(line[at:].split()[0] in ("STATUS", "complete", "in") for line in lines)
