"""`tracker actions list|show|update` as a user types them, on SQLite and PostgreSQL.

The data is tests/data/plans/register.yaml; the tests' today is 2026-03-01 (A-02 and A-05 are
overdue, A-07 is past its date but cancelled, A-04 has no owner, board, stage or date)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import func, select

from tracker.cli import cli
from tracker.models import Action, AuditEntry, StatusUpdate
from tracker.services.context import Tracker
from tracker.services.plans import import_plan

REGISTER = Path(__file__).parent / "data" / "plans" / "register.yaml"
ALL = ["A-01", "A-02", "A-03", "A-04", "A-05", "A-06", "A-07", "A-08"]


@pytest.fixture
def register(tracker: Tracker) -> Tracker:
    import_plan(tracker, REGISTER)
    return tracker


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def refs(*args: str) -> list[str]:
    result = run("actions", "list", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return [row["ref"] for row in json.loads(result.stdout)]


def snapshot(t: Tracker) -> tuple[int, int, tuple[tuple[str, int, str, int], ...]]:
    """What a refused command must leave exactly as it was."""
    with t.db.reading() as s:
        updates = s.execute(select(func.count()).select_from(StatusUpdate)).scalar_one()
        audit = s.execute(select(func.count()).select_from(AuditEntry)).scalar_one()
        actions = tuple(
            (r.ref, r.version, r.status, r.progress)
            for r in s.execute(select(Action).order_by(Action.ref)).scalars()
        )
    return int(updates), int(audit), actions


def show_json(ref: str) -> dict[str, object]:
    result = run("actions", "show", ref, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


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
    (["--sort", "due"], ["A-01", "A-07", "A-05", "A-02", "A-03", "A-06", "A-08", "A-04"]),
    (["--sort", "due", "--desc"], ["A-08", "A-06", "A-03", "A-02", "A-05", "A-07", "A-01", "A-04"]),
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


# --- update ----------------------------------------------------------------------------------


def test_update_records_a_status_update_and_the_audit_trail(register: Tracker) -> None:
    from tracker.services.audit import history

    version = show_json("A-03")["version"]
    result = run("actions", "update", "A-03", "--progress", "70", "--note", "Two hubs staffed")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("A-03: in progress, green, 70% (recorded by Test User;")
    data = show_json("A-03")
    assert data["progress"] == 70 and data["version"] == version + 1  # type: ignore[operator]
    latest = data["updates"][0]  # type: ignore[index]
    assert latest["by"] == "Test User" and latest["commentary"] == "Two hubs staffed"
    assert (latest["status"], latest["rag"], latest["progress"]) == ("in progress", "green", 70)
    trail = history(register, "action", "A-03")
    assert [(a.actor, a.operation, a.field, a.old, a.new) for a in trail[:1]] == [
        ("Test User", "update", "progress", "60", "70")
    ]
    # the register shows the new position
    row = json.loads(run("actions", "list", "--search", "A-03", "--format", "json").stdout)[0]
    assert row["progress"] == 70 and row["last_update"] is not None


def test_update_by_someone_else_with_several_fields(register: Tracker) -> None:
    from tracker.services.audit import history

    result = run(
        "actions", "update", "A-02", "--status", "complete", "--rag", "green",
        "--note", "Roadmap signed off", "--by", "K White",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "complete, green, 100% (recorded by K White;" in result.stdout
    changes = {
        a.field: (a.actor, a.old, a.new)
        for a in history(register, "action", "A-02")
        if a.operation == "update"
    }
    assert changes == {
        "commentary": ("K White", None, "Roadmap signed off"),
        "status": ("K White", "in progress", "complete"),
        "rag": ("K White", "amber", "green"),
        "progress": ("K White", "40", "100"),
    }
    assert show_json("A-02")["updates"][0]["by"] == "K White"  # type: ignore[index]
    assert "A-02" not in refs("--overdue")  # complete: no longer late


@pytest.mark.usefixtures("register")
def test_update_can_clear_the_rag_and_cancel_with_a_reason() -> None:
    result = run("actions", "update", "A-03", "--rag", "none", "--note", "Reassessing")
    assert result.exit_code == 0, result.output
    assert "RAG not assessed" in result.stdout
    assert show_json("A-03")["rag"] is None
    result = run("actions", "update", "A-06", "--status", "cancelled", "--note", "Merged into A-03")
    assert result.exit_code == 0, result.output
    assert "cancelled because  Merged into A-03" in run("actions", "show", "A-06").stdout


BAD_UPDATES = [
    # (ref, args, words the message must contain)
    ("A-03", ["--progress", "150"], ["progress", "150", "0-100"]),
    ("A-03", ["--progress", "-1"], ["progress", "-1", "0-100"]),
    ("A-03", ["--status", "complete", "--progress", "40"], ["progress", "complete", "100%"]),
    ("A-03", ["--rag", "amber"], ["note", "commentary is required", "amber"]),
    ("A-03", ["--rag", "red", "--note", "   "], ["note", "red"]),
    ("A-02", ["--rag", "green", "--progress", "50"], ["note", "due 2026-01-31"]),
    ("A-03", ["--status", "cancelled"], ["note", "cancellation needs the reason"]),
    ("A-07", ["--status", "in progress", "--note", "back on"], ["status", "cancelled"]),
    ("A-03", [], ["nothing to record", "--status, --rag, --progress or --note"]),
    ("Z-99", ["--progress", "10"], ["no action with ref 'Z-99'"]),
    ("A-03", ["--status", "finished"], ["--status", "not started", "cancelled"]),
    ("A-03", ["--rag", "blue"], ["--rag", "green", "amber", "red"]),
    ("A-03", ["--progress", "half"], ["--progress", "half"]),
    ("A-03", ["--progress", "10", "--expect-version", "999"], ["version 999"]),
    ("A-03", ["--progress", "10", "--by", "x" * 201], ["by", "at most 200"]),
]


def test_a_bad_update_is_refused_and_changes_nothing(register: Tracker) -> None:
    before = snapshot(register)
    for ref, args, words in BAD_UPDATES:
        result = run("actions", "update", ref, *args)
        case = " ".join([ref, *args])
        assert result.exit_code == 2, (case, result.output)
        assert "Traceback" not in result.output, case
        assert [w for w in words if w not in result.stderr] == [], (case, result.stderr)
        assert snapshot(register) == before, case


def test_several_problems_are_reported_together(register: Tracker) -> None:
    result = run("actions", "update", "A-03", "--progress", "101", "--rag", "red")
    assert result.exit_code == 2
    assert "refused, nothing was changed (2 problems)" in result.stderr
    assert "progress: 101 is not a whole percentage (allowed: 0-100)" in result.stderr
    assert "note: commentary is required when the RAG is red" in result.stderr


def test_a_stale_expected_version_is_a_conflict_listing_what_changed(register: Tracker) -> None:
    read = show_json("A-03")["version"]
    result = run(
        "actions", "update", "A-03", "--progress", "70", "--rag", "amber", "--note", "Slipping",
        "--by", "Someone Else",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    before = snapshot(register)
    result = run(
        "actions", "update", "A-03", "--progress", "65", "--note", "Mine",
        "--expect-version", str(read),
    )  # fmt: skip
    assert result.exit_code == 3, result.output
    err = result.stderr
    assert f"conflict: action A-03 changed since you read it: version {read} is now" in err
    assert "latest update by Someone Else" in err
    assert "rag: you read 'green', it is now 'amber'" in err
    assert "progress: you read '60', it is now '70'" in err
    assert "nothing was overwritten" in err
    assert snapshot(register) == before
    assert show_json("A-03")["progress"] == 70
    # naming the version now current lands
    now = show_json("A-03")["version"]
    result = run(
        "actions", "update", "A-03", "--progress", "65", "--note", "Mine",
        "--expect-version", str(now),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
