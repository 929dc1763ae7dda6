"""The board hierarchy: the tree, adding a board, changing chair, parent and pattern; cycles and
stale versions refused with nothing changed. Services and CLI, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from governance_helpers import CFB, NORTH, SFB, SOUTH, rows, run, snapshot

from tracker.errors import Conflict, InvalidInput, NotFound
from tracker.services.context import Tracker
from tracker.services.governance.boards import add_board, edit_board, get_board, list_boards


def test_list_boards_is_the_tree_with_chairs_and_patterns(gov: Tracker) -> None:
    boards = list_boards(gov)
    assert [(b.code, b.depth) for b in boards] == [
        (CFB, 0), (SFB, 1), (NORTH, 2), (SOUTH, 2), ("scrutiny", 0),
    ]  # fmt: skip
    north = boards[2]
    assert north.parent_code == SFB
    assert north.chair_label == "Jo Bell (Community representative)"
    assert (north.meets, north.area) == ("termly", "North District")
    assert boards[3].chair_label == "a community representative"  # description when no person


def test_add_board_under_a_parent_is_audited(gov: Tracker) -> None:
    b = add_board(
        gov, "lpb-east", "Locality Partnership Board East", parent=SFB, meets="termly",
        chair_description="a community representative", area="East Ward",
    )  # fmt: skip
    assert (b.parent_code, b.meets, b.area, b.version) == (SFB, "termly", "East Ward", 1)
    assert [x.code for x in list_boards(gov)][:5] == [CFB, SFB, "lpb-east", NORTH, SOUTH]
    audit = rows(gov, "SELECT operation, field, new FROM audit_entry WHERE entity = 'board' "
                      "AND entity_key = 'lpb-east' ORDER BY id")  # fmt: skip
    assert ("create", "parent", SFB) in audit


def test_add_board_refuses_bad_input_and_changes_nothing(gov: Tracker) -> None:
    before = snapshot(gov)
    with pytest.raises(InvalidInput) as exc:
        add_board(gov, "Bad Code", "", kind="panel", chair="nobody")
    text = str(exc.value)
    assert "code: 'Bad Code' is not a code" in text
    assert "name: a board needs a name" in text
    assert "kind: unknown kind 'panel'" in text
    assert "chair: no person with code 'nobody'" in text
    with pytest.raises(InvalidInput, match="already exists"):
        add_board(gov, NORTH, "Again")
    with pytest.raises(NotFound, match="no board 'nowhere'"):
        add_board(gov, "lpb-x", "X", parent="nowhere")
    assert snapshot(gov) == before


def test_edit_chair_parent_and_pattern(gov: Tracker) -> None:
    b = edit_board(gov, SOUTH, chair="north-rep", meets="six-weekly", area="South Ward",
                   expected_version=1)  # fmt: skip
    assert (b.chair_code, b.meets, b.area, b.version) == (
        "north-rep",
        "six-weekly",
        "South Ward",
        2,
    )
    b = edit_board(gov, "scrutiny", parent=CFB)
    assert b.parent_code == CFB
    b = edit_board(gov, "scrutiny", parent=None)
    assert b.parent_code is None
    audit = rows(gov, "SELECT field, old, new FROM audit_entry WHERE entity = 'board' AND "
                      "entity_key = :k ORDER BY id", k=SOUTH)  # fmt: skip
    assert ("meets", "termly", "six-weekly") in audit
    assert ("chair", None, "north-rep") in audit


def test_a_cycle_is_refused_naming_it(gov: Tracker) -> None:
    before = snapshot(gov)
    with pytest.raises(InvalidInput) as exc:
        edit_board(gov, SFB, parent=NORTH)
    assert str(exc.value) == (
        "parent: supporting-families-board cannot report to lpb-north: that would make a cycle "
        "(supporting-families-board > lpb-north > supporting-families-board)"
    )
    with pytest.raises(InvalidInput, match=r"\(children-first-board > lpb-south > "
                       r"supporting-families-board > children-first-board\)"):  # fmt: skip
        edit_board(gov, CFB, parent=SOUTH)
    with pytest.raises(InvalidInput, match="cycle"):
        edit_board(gov, NORTH, parent=NORTH)
    assert snapshot(gov) == before


def test_a_stale_version_is_a_conflict(gov: Tracker) -> None:
    edit_board(gov, NORTH, meets="monthly")  # somebody else saved: version 2
    before = snapshot(gov)
    with pytest.raises(Conflict, match="version 1 is now 2"):
        edit_board(gov, NORTH, meets="termly", expected_version=1)
    assert snapshot(gov) == before
    assert get_board(gov, NORTH).meets == "monthly"


def test_board_found_by_name(gov: Tracker) -> None:
    assert get_board(gov, "locality partnership board north").code == NORTH


# --- CLI ------------------------------------------------------------------------------------


@pytest.fixture
def cli_gov(gov: Tracker, settings_file: Path) -> Tracker:
    return gov


def test_cli_boards_prints_the_tree(cli_gov: Tracker) -> None:
    result = run("boards")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["BOARD", "CODE", "KIND", "CHAIR", "MEETS", "AREA"]
    assert lines[1].startswith("Children First Board ")
    assert lines[2].startswith("└─ Supporting Families Board ")
    assert lines[3].startswith("   ├─ Locality Partnership Board North ")
    assert "Jo Bell (Community representative)" in lines[3] and "termly" in lines[3]
    assert lines[4].startswith("   └─ Locality Partnership Board South ")
    assert lines[5].startswith("Scrutiny Committee ") and "committee" in lines[5]


def test_cli_add_and_edit_a_board(cli_gov: Tracker) -> None:
    result = run("boards", "add", "lpb-east", "Locality Partnership Board East", "--parent", SFB,
                 "--meets", "termly", "--chair-description", "a community representative")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "reports to  Supporting Families Board" in result.stdout
    result = run("boards", "edit", "lpb-east", "--chair", "north-rep", "--area", "East Ward")
    assert result.exit_code == 0, result.output
    assert "chair       Jo Bell (Community representative)" in result.stdout
    assert "version 2" in result.stdout
    result = run("boards", "edit", "lpb-east", "--parent", "none")
    assert result.exit_code == 0 and "reports to  - (top board)" in result.stdout


def test_cli_cycle_and_conflict_exit_codes(cli_gov: Tracker) -> None:
    before = snapshot(cli_gov)
    result = run("boards", "edit", SFB, "--parent", NORTH)
    assert result.exit_code == 2
    assert "that would make a cycle (supporting-families-board > lpb-north > " in result.stderr
    result = run("boards", "edit", SFB, "--meets", "weekly", "--expect-version", "7")
    assert result.exit_code == 3
    assert "conflict: board supporting-families-board changed since you read it" in result.stderr
    assert snapshot(cli_gov) == before


def test_cli_boards_json(cli_gov: Tracker) -> None:
    import json

    result = run("boards", "--format", "json")
    data = json.loads(result.stdout)
    assert [b["code"] for b in data][:3] == [CFB, SFB, NORTH]
    assert data[2]["parent"] == SFB
