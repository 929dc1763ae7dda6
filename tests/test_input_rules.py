"""One set of input rules for every face: the rules themselves, then the CLI, the editor's form
and a follow-up's owner using them, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner, Result

from tracker import input_rules as rules
from tracker.cli import cli
from tracker.errors import InvalidInput
from tracker.services.actions.detail import get_action
from tracker.services.actions.edit import edit_action
from tracker.services.context import Tracker


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("2027-03-31", dt.date(2027, 3, 31)),
        ("31/03/2027", dt.date(2027, 3, 31)),
        ("31.03.2027", dt.date(2027, 3, 31)),
        ("31 Mar 2027", dt.date(2027, 3, 31)),
        ("31st March 2027", dt.date(2027, 3, 31)),
        ("March 31, 2027", dt.date(2027, 3, 31)),
        (" 1 sept 2026 ", dt.date(2026, 9, 1)),
        ("05/05/2027", dt.date(2027, 5, 5)),  # the same either way round
        ("13/04/2027", dt.date(2027, 4, 13)),
    ],
)
def test_uk_and_iso_dates_are_read(typed: str, day: dt.date) -> None:
    assert rules.read_date(typed) == (day, None)


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("04/05/2027", "ambiguous: 4 May 2027 or 5 April 2027? Write the month as a word"),
        ("31/03/27", "two-digit year"),
        ("31/02/2027", "is not a date"),
        ("31 Smarch 2027", "'smarch' is not a month"),
        ("next Tuesday", "is not a date"),
    ],
)
def test_ambiguous_and_wrong_dates_are_refused_saying_why(typed: str, words: str) -> None:
    day, problem = rules.read_date(typed)
    assert day is None and problem is not None and words in problem


def test_statuses_rags_and_refs_in_any_case_with_the_sheets_aliases() -> None:
    assert rules.status("In Progress") == "in progress"
    assert rules.status("IN_PROGRESS") == "in progress"
    assert rules.status("Done") == "complete"
    assert rules.rag("Amber") == "amber"
    assert rules.rag("A") == "amber"
    assert rules.rag("not assessed") == "none"
    assert rules.ref(" p1-02 ") == "P1-02"
    with pytest.raises(InvalidInput, match="did you mean: in progress"):
        rules.status("in progres")
    with pytest.raises(InvalidInput, match="unknown RAG 'blue'"):
        rules.rag("blue")


def test_progress_and_status_agree() -> None:
    assert rules.progress_problem("not started", 40) is not None
    assert rules.progress_problem("complete", 90) is not None
    assert rules.progress_problem("in progress", 100) is None
    assert rules.settle("complete", None, "in progress", 40) == ("complete", 100)
    assert rules.settle(None, 30, "not started", 0) == ("in progress", 30)
    assert rules.settle("not started", None, "in progress", 30) == ("not started", 0)


def test_the_rules_module_loads_nothing_heavy() -> None:
    code = "import sys, tracker.input_rules; print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'textual', 'click')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_cli_takes_what_the_sheet_takes(loaded: Tracker) -> None:
    done = run("actions", "update", "p1-02", "--status", "In Progress", "--rag", "Amber",
               "--progress", "10", "--note", "Started late")  # fmt: skip
    assert done.exit_code == 0, done.output
    assert done.stdout.startswith("P1-02: in progress, amber, 10%")
    shown = json.loads(run("actions", "list", "--status", "IN PROGRESS", "--format", "json").stdout)
    assert [r["ref"] for r in shown] == ["P1-02"]
    refused = run("actions", "update", "P1-04", "--status", "not started", "--progress", "100")
    assert refused.exit_code == 2
    assert "not started is 0% done, not 100%" in refused.output
    assert get_action(loaded, "P1-04").row.progress == 0
    late = run("actions", "list", "--due-before", "04/05/2027")
    assert late.exit_code == 2 and "ambiguous" in late.output


def test_the_editor_reads_uk_dates_and_suggests_owners(loaded: Tracker) -> None:
    v = get_action(loaded, "P1-03").version
    edit_action(loaded, "P1-03", v, {"due": "31/03/2025", "start": "1 Apr 2024"})
    d = get_action(loaded, "P1-03")
    assert (d.start, d.row.due) == (dt.date(2024, 4, 1), dt.date(2025, 3, 31))
    with pytest.raises(InvalidInput) as refused:
        edit_action(loaded, "P1-03", d.version, {"owner": "kely-white", "due": "04/05/2025"})
    text = str(refused.value)
    assert "did you mean: kelly-white" in text and "ambiguous" in text
    assert get_action(loaded, "P1-03").version == d.version
