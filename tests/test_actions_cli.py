"""`tracker actions list|show` as a user types them, on SQLite and PostgreSQL (`actions update`:
test_actions_cli_update.py).

The data is tests/data/plans/register.yaml; the tests' today is 2026-03-01 (A-02 and A-05 are
overdue, A-07 is past its date but cancelled, A-04 has no owner, board, stage or date)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from actions_cli_helpers import ALL, REGISTER, refs, run, show_json

from tracker.services.context import Tracker
from tracker.services.plans import import_plan


@pytest.fixture
def register(tracker: Tracker) -> Tracker:
    import_plan(tracker, REGISTER)
    return tracker


# --- list: filters ----------------------------------------------------------------------------


@pytest.mark.usefixtures("register")
def test_list_without_filters_gives_every_action_in_ref_order() -> None:
    assert refs() == ALL


FILTERS = [
    (["--phase", "1"], ["A-01", "A-02", "A-07"]),
    (["--phase", "2"], ["A-03", "A-04", "A-05"]),
    (["--phase", "4"], []),
    (["--stage", "2"], ["A-02", "A-03"]),
    (["--stage", "3"], ["A-05"]),
    (["--board", "sfb"], ["A-01", "A-02", "A-07"]),
    (["--board", "Locality Partnership Board North"], ["A-03", "A-06"]),
    (["--owner", "amy"], ["A-01", "A-05", "A-08"]),
    (["--owner", "ARCHER"], ["A-01", "A-05", "A-08"]),
    (["--owner", "police insp"], ["A-02", "A-06"]),
    (["--owner", "assistant director"], ["A-03"]),
    (["--status", "not started"], ["A-04", "A-05", "A-06", "A-08"]),
    (["--status", "in progress"], ["A-02", "A-03"]),
    (["--status", "complete"], ["A-01"]),
    (["--status", "cancelled"], ["A-07"]),
    (["--rag", "none"], ["A-04", "A-06", "A-07", "A-08"]),
    (["--rag", "green"], ["A-01", "A-03"]),
    (["--rag", "amber"], ["A-02"]),
    (["--rag", "red"], ["A-05"]),
    (["--overdue"], ["A-02", "A-05"]),
    (["--due-before", "2026-01-01"], ["A-01", "A-05", "A-07"]),
    (["--due-before", "2026-01-31"], ["A-01", "A-05", "A-07"]),
    (["--search", "roadmap"], ["A-02"]),
    (["--search", "Partnership"], ["A-02", "A-06"]),
    (["--search", "partnership event"], ["A-06"]),
    (["--search", "brown"], ["A-02", "A-06"]),
    (["--search", "a-0"], ALL),
    (["--search", "%"], ["A-08"]),  # a literal %, not a wildcard
    (["--search", "_of"], ["A-08"]),
    (["--search", "nothing-like-this"], []),
    # combinations narrow each other
    (["--phase", "2", "--status", "not started"], ["A-04", "A-05"]),
    (["--board", "sfb", "--overdue"], ["A-02"]),
    (["--owner", "amy", "--rag", "red", "--overdue"], ["A-05"]),
    (["--phase", "1", "--search", "offer"], ["A-01"]),
    (["--stage", "1", "--board", "lpb-north", "--owner", "ben"], ["A-06"]),
    (["--rag", "none", "--due-before", "2026-01-01"], ["A-07"]),
    (["--status", "complete", "--overdue"], []),
]


@pytest.mark.usefixtures("register")
def test_list_filters() -> None:
    # one database for all the cases (loading one per case would take minutes)
    wrong = {" ".join(args): got for args, want in FILTERS if (got := refs(*args)) != want}
    assert wrong == {}


@pytest.mark.usefixtures("register")
def test_search_finds_the_latest_commentary() -> None:
    assert refs("--search", "hub managers") == []
    result = run("actions", "update", "A-06", "--note", "Waiting for the hub managers")
    assert result.exit_code == 0, result.output
    assert refs("--search", "hub managers") == ["A-06"]


SORTS = [
    # A-04 has no due date: it sorts by its phase's end, 31 Mar 2026, as the register shows it
    (["--sort", "due"], ["A-01", "A-07", "A-05", "A-02", "A-04", "A-03", "A-06", "A-08"]),
    (["--sort", "due", "--desc"], ["A-08", "A-06", "A-03", "A-04", "A-02", "A-05", "A-07", "A-01"]),
    (["--sort", "rag", "--desc"], ["A-05", "A-02", "A-01", "A-03", "A-04", "A-06", "A-07", "A-08"]),
    (["--sort", "rag"], ["A-01", "A-03", "A-02", "A-05", "A-04", "A-06", "A-07", "A-08"]),
    (["--sort", "status"], ["A-04", "A-05", "A-06", "A-08", "A-02", "A-03", "A-01", "A-07"]),
    (["--sort", "progress", "--desc"], ["A-01", "A-03", "A-02", "A-04", "A-05", "A-06", "A-07", "A-08"]),
    (["--sort", "board"], ["A-05", "A-03", "A-06", "A-01", "A-02", "A-07", "A-04", "A-08"]),
    (["--sort", "owner"], ["A-01", "A-05", "A-08", "A-03", "A-02", "A-06", "A-04", "A-07"]),
    (["--sort", "phase", "--desc"], ["A-08", "A-06", "A-03", "A-04", "A-05", "A-01", "A-02", "A-07"]),
    (["--sort", "ref", "--desc"], list(reversed(ALL))),
    (["--sort", "due", "--limit", "2"], ["A-01", "A-07"]),
    (["--overdue", "--sort", "due", "--desc"], ["A-02", "A-05"]),
]  # fmt: skip


@pytest.mark.usefixtures("register")
def test_list_sorts() -> None:
    wrong = {" ".join(args): got for args, want in SORTS if (got := refs(*args)) != want}
    assert wrong == {}


# --- list: formats ----------------------------------------------------------------------------


@pytest.mark.usefixtures("register")
def test_list_as_a_table() -> None:
    result = run("actions", "list")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == [
        "REF", "TITLE", "PHASE", "STAGE", "BOARD", "OWNER", "DUE", "STATUS", "RAG", "PROGRESS",
        "LAST_UPDATE",
    ]  # fmt: skip
    assert len(lines) == 1 + len(ALL)
    row = {line.split()[0]: line for line in lines[1:]}
    # no owner, no board: shown as unassigned
    assert row["A-04"].count("unassigned") == 2
    assert "0%" in row["A-04"]
    # overdue is marked; the owner is "name (role)"; RAG and % as a reader expects
    assert "2026-01-31 LATE" in row["A-02"]
    assert "2025-12-31 LATE" in row["A-05"]
    assert "LATE" not in row["A-07"]  # past its date but cancelled
    assert "Ben Brown (Police Inspector)" in row["A-02"]
    assert "amber" in row["A-02"] and "40%" in row["A-02"]
    assert "unassigned" in row["A-07"] and "sfb" in row["A-07"]
    assert result.stderr.strip().splitlines() == [
        "* no due date set: the end of the action's phase",
        "8 actions",
    ]


@pytest.mark.usefixtures("register")
def test_list_as_csv() -> None:
    result = run("actions", "list", "--format", "csv", "--phase", "1")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["ref"] for r in rows] == ["A-01", "A-02", "A-07"]
    a02 = rows[1]
    assert a02 == {
        "ref": "A-02",
        "title": "Agree the partnership roadmap",
        "phase": "1",
        "stage": "2",
        "board": "sfb",
        "owner": "Ben Brown (Police Inspector)",
        "due": "2026-01-31",
        "status": "in progress",
        "rag": "amber",
        "progress": "40",
        "last_update": "",
    }
    assert rows[2]["owner"] == "" and rows[2]["rag"] == ""  # empty, not "unassigned"


@pytest.mark.usefixtures("register")
def test_list_as_json() -> None:
    result = run("actions", "list", "--format", "json", "--owner", "amy")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["ref"] for r in rows] == ["A-01", "A-05", "A-08"]
    a05 = rows[1]
    assert a05["owner"] == "Amy Archer (Locality Manager)"
    assert a05["board"] == "cfb"
    assert a05["due"] == "2025-12-31"
    assert a05["rag"] == "red" and a05["progress"] == 0 and a05["phase"] == 2
    assert a05["overdue"] is True
    assert rows[2]["stage"] is None and rows[2]["board"] is None and rows[2]["rag"] is None


@pytest.mark.usefixtures("register")
def test_an_empty_result_in_each_format() -> None:
    result = run("actions", "list", "--phase", "4")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].startswith("REF")
    assert len(result.stdout.splitlines()) == 1
    assert result.stderr.strip() == "0 actions"
    result = run("actions", "list", "--phase", "4", "--format", "csv")
    assert result.stdout.splitlines() == [
        "ref,title,phase,stage,board,owner,due,status,rag,progress,last_update"
    ]
    result = run("actions", "list", "--phase", "4", "--format", "json")
    assert json.loads(result.stdout) == []


@pytest.mark.usefixtures("register")
def test_list_refuses_a_bad_option_naming_it() -> None:
    for args, word in (
        (["--status", "half done"], "--status"),
        (["--rag", "blue"], "--rag"),
        (["--due-before", "2026-13-01"], "--due-before"),
        (["--sort", "colour"], "--sort"),
        (["--format", "xml"], "--format"),
        (["--phase", "one"], "--phase"),
    ):
        result = run("actions", "list", *args)
        assert result.exit_code == 2, args
        assert word in result.stderr
        assert "Traceback" not in result.output


# --- show ------------------------------------------------------------------------------------


@pytest.mark.usefixtures("register")
def test_show_an_action_with_its_history_newest_first() -> None:
    result = run("actions", "show", "A-01")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.splitlines()[0] == "A-01  Map the early help offer"
    for text in (
        "phase              1 Design",
        "stage              1 Universal and community family help",
        "board              Supporting Families Board",
        "owner              Amy Archer (Locality Manager)",
        "lead organisation  Test Borough Council",
        "start              2024-04-01",
        "due                2025-06-30",
        "status             complete",
        "RAG                green",
        "progress           100%",
        "outcomes           Getting a good education",
        "Update history (2 shown, newest first):",
    ):
        assert text in out
    assert out.index("Offer map published") < out.index("Half the localities mapped")
    assert "2025-06-20 09:00  Amy Archer: complete, green, 100%" in out


@pytest.mark.usefixtures("register")
def test_show_an_unassigned_action_and_dependencies() -> None:
    out = run("actions", "show", "A-04").stdout
    assert "board              unassigned" in out
    assert "owner              unassigned" in out
    assert "due                by the end of phase 2: 31 Mar 2026" in out
    assert "RAG                not assessed" in out
    assert "No updates yet." in out
    assert "depends on         A-03 (in progress)" in run("actions", "show", "A-08").stdout
    assert "needed by          A-08 (not started)" in run("actions", "show", "A-03").stdout
    assert "due                2026-01-31 (overdue)" in run("actions", "show", "A-02").stdout


@pytest.mark.usefixtures("register")
def test_show_as_json_and_a_capped_history() -> None:
    data = show_json("A-01")
    assert data["ref"] == "A-01" and data["lead_organisation"] == "Test Borough Council"
    assert data["outcomes"] == ["Getting a good education"]
    assert [u["commentary"] for u in data["updates"]] == [  # type: ignore[union-attr]
        "Offer map published",
        "Half the localities mapped",
    ]
    assert isinstance(data["version"], int)
    assert show_json("A-08")["depends_on"] == ["A-03"]
    assert show_json("A-03")["dependents"] == ["A-08"]
    result = run("actions", "show", "A-01", "--history", "1")
    assert "Offer map published" in result.stdout
    assert "Half the localities mapped" not in result.stdout
    assert "older updates may be hidden" in result.stdout


@pytest.mark.usefixtures("register")
def test_show_an_unknown_ref() -> None:
    result = run("actions", "show", "Z-99")
    assert result.exit_code == 2
    assert "no action with ref 'Z-99'" in result.stderr
    assert "Traceback" not in result.output
