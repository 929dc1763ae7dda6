"""Numbers too large for the database and filters naming nothing: a clear refusal (exit 2) with
the close matches, never a traceback or a silent "0 actions". On SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tracker.cli import cli
from tracker.errors import NotFound
from tracker.services.actions.register import ActionFilter, list_actions
from tracker.services.committees.followup_updates import update_followup
from tracker.services.committees.followups import get_followup
from tracker.services.committees.resolutions import meeting_detail
from tracker.services.context import Tracker
from tracker.services.governance.escalations import decide_escalation, get_escalation
from tracker.services.plans import import_plan

REGISTER = Path(__file__).parent / "data" / "plans" / "register.yaml"
HUGE = "99999999999999999999"  # above 2**63: no database integer holds it


@pytest.fixture
def register(tracker: Tracker) -> Tracker:
    import_plan(tracker, REGISTER)
    return tracker


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.mark.parametrize(
    "args",
    [
        ("actions", "list", "--phase", HUGE),
        ("actions", "list", "--stage", HUGE),
        ("actions", "list", "--limit", HUGE),
        ("followups", "show", HUGE),
        ("followups", "update", HUGE, "--status", "done"),
        ("escalations", "decide", HUGE, "--accept"),
        ("actions", "update", "A-01", "--expect-version", HUGE, "--progress", "5"),
    ],
)
def test_a_number_too_large_is_refused_plainly(register: Tracker, args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert "out of range" in result.output
    assert "Traceback" not in result.output


def test_export_sheet_refuses_a_phase_too_large(register: Tracker, tmp_path: Path) -> None:
    target = tmp_path / "kw.csv"
    result = run("actions", "export-sheet", str(target), "--phase", HUGE)
    assert result.exit_code == 2, result.output
    assert "out of range" in result.output
    assert not target.exists()


def test_services_say_not_found_for_ids_too_large(register: Tracker) -> None:
    huge = 2**70
    for call in (
        lambda: get_followup(register, huge),
        lambda: update_followup(register, huge, status="done", response="x"),
        lambda: get_escalation(register, huge),
        lambda: decide_escalation(register, huge, "accept"),
        lambda: meeting_detail(register, huge),
        lambda: list_actions(register, ActionFilter(phase=huge)),
    ):
        with pytest.raises(NotFound):
            call()


@pytest.mark.parametrize(
    ("option", "value", "said", "suggested"),
    [
        ("--board", "sbf", "no board 'sbf'", "sfb"),
        ("--board", "lpb-nroth", "no board 'lpb-nroth'", "lpb-north"),
        ("--owner", "amyy", "no owner matches 'amyy'", "amy"),
        ("--phase", "9", "no phase 9", "the phases are 1"),
        ("--stage", "7", "no stage 7", "the stages are"),
    ],
)
def test_an_unknown_filter_is_not_found_with_close_matches(
    register: Tracker, option: str, value: str, said: str, suggested: str
) -> None:
    result = run("actions", "list", option, value)
    assert result.exit_code == 2, result.output
    assert said in result.output
    assert suggested in result.output
    assert "0 actions" not in result.output


def test_export_sheet_refuses_an_unknown_board(register: Tracker, tmp_path: Path) -> None:
    target = tmp_path / "kw.xlsx"
    result = run("actions", "export-sheet", str(target), "--board", "sbf")
    assert result.exit_code == 2, result.output
    assert "no board 'sbf'" in result.output and "sfb" in result.output
    assert not target.exists()


def test_known_filters_matching_nothing_still_list_nothing(register: Tracker) -> None:
    # a real board and a real owner that share no action: an honest empty list, exit 0
    result = run("actions", "list", "--board", "cfb", "--owner", "ben")
    assert result.exit_code == 0, result.output
    assert "0 actions" in result.output
    # part of a name still finds its owner
    assert run("actions", "list", "--owner", "am").exit_code == 0
