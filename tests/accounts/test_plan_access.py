"""Roles from the plan file (`access:`), on both databases: validated with file, line and field
like the rest of a plan; imported by an admin (granting roles to existing accounts, keeping the
rest pending until `users add`); exported by `plan export` for those who may see accounts; and
a round trip changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tracker.cli import cli
from tracker.errors import InvalidInput, NotPermitted
from tracker.services import plans
from tracker.services.accounts import (
    add_account,
    list_accounts,
    list_pending,
    parse_role,
)
from tracker.services.context import Tracker

SHIPPED = Path(__file__).parents[2] / "plans" / "early-help-2024-2029.yaml"
PASSWORD = "a long enough password"
SFB, LPB, ILSC = (
    "supporting-families-board",
    "locality-partnership-board",
    ("improving-lives-select-commission"),
)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def with_access(folder: Path, access: str, name: str = "plan.yaml") -> Path:
    path = folder / name
    path.write_text(SHIPPED.read_text(encoding="utf-8") + "\naccess:\n" + access,
                    encoding="utf-8")  # fmt: skip
    return path


ACCESS = f"""\
  - login: Sam.Jones
    roles: [board_secretary:{SFB}, board_member:{LPB}]
  - login: kirsty-woodhead
    roles: [action_owner]
  - login: cora
    roles: ["committee-officer:{ILSC}"]
"""


def roles_of(t: Tracker) -> dict[str, str]:
    return {a.login: a.roles_text() for a in list_accounts(t)}


def test_plan_roles_go_to_existing_accounts_and_wait_for_the_others(
    tracker: Tracker, tmp_path: Path
) -> None:
    plans.import_plan(tracker, SHIPPED)
    admin = add_account(tracker, "root", "Root", PASSWORD, [parse_role("admin")])
    add_account(tracker, "kirsty-woodhead", "Kirsty", None, [parse_role("viewer")])
    as_admin = Tracker(tracker.settings, db=tracker.db, account=admin)
    summary = plans.import_plan(as_admin, with_access(tmp_path, ACCESS))
    assert summary.pending == ("sam.jones", "cora")
    assert summary.section("access").created == 2 and summary.section("access").updated == 1
    # granted on top of what she held: an import never takes a role away
    assert roles_of(as_admin)["kirsty-woodhead"] == "viewer, action_owner"
    assert "sam.jones" not in roles_of(as_admin)  # no account is made, so none has a password
    pending = {p.login: p.roles_text() for p in list_pending(as_admin)}
    assert pending == {"sam.jones": f"board_secretary:{SFB}, board_member:{LPB}",
                       "cora": f"committee_officer:{ILSC}"}  # fmt: skip
    # the account, once added, holds what the plan gave it (and what the admin gives it)
    sam = add_account(as_admin, "sam.jones", "Sam Jones", PASSWORD, [parse_role("viewer")])
    assert sam.roles_text() == f"viewer, board_secretary:{SFB}, board_member:{LPB}"
    assert [p.login for p in list_pending(as_admin)] == ["cora"]
    # the same file again changes nothing
    again = plans.import_plan(as_admin, with_access(tmp_path, ACCESS))
    assert not again.changed and again.section("access").unchanged == 3


def test_export_writes_the_roles_and_a_round_trip_changes_nothing(
    tracker: Tracker, tmp_path: Path
) -> None:
    plans.import_plan(tracker, with_access(tmp_path, ACCESS))  # no account yet: all pending
    admin = add_account(tracker, "root", "Root", PASSWORD, [parse_role("admin")])
    as_admin = Tracker(tracker.settings, db=tracker.db, account=admin)
    add_account(as_admin, "kirsty-woodhead", "Kirsty", None, [])
    out = tmp_path / "out.yaml"
    plans.export_plan(as_admin, out)
    text = out.read_text(encoding="utf-8")
    tail = text[text.index("\naccess:") :]
    assert tail == (
        "\naccess:\n"
        "- login: cora\n  roles:\n  - committee_officer:improving-lives-select-commission\n"
        "- login: kirsty-woodhead\n  roles:\n  - action_owner\n"
        "- login: root\n  roles:\n  - admin\n"
        f"- login: sam.jones\n  roles:\n  - board_secretary:{SFB}\n  - board_member:{LPB}\n"
    )
    summary = plans.import_plan(as_admin, out)
    assert not summary.changed
    plans.export_plan(as_admin, tmp_path / "again.yaml")
    assert (tmp_path / "again.yaml").read_text(encoding="utf-8") == text


def test_only_an_admin_imports_roles_and_only_an_admin_sees_them_in_an_export(
    loaded: Tracker, tmp_path: Path
) -> None:
    admin = add_account(loaded, "root", "Root", PASSWORD, [parse_role("admin")])
    as_admin = Tracker(loaded.settings, db=loaded.db, account=admin)
    viewer = add_account(as_admin, "vera", "Vera", PASSWORD, [parse_role("viewer")])
    pm = add_account(as_admin, "pat", "Pat", PASSWORD, [parse_role("programme_manager")])
    file = with_access(tmp_path, "  - login: vera\n    roles: [admin]\n")
    for who in (viewer, pm):
        with pytest.raises(NotPermitted, match="only an admin can import plan files"):
            plans.import_plan(Tracker(loaded.settings, db=loaded.db, account=who), file)
    assert roles_of(as_admin)["vera"] == "viewer"  # unchanged
    exported = plans.export_plan(Tracker(loaded.settings, db=loaded.db, account=pm), None)
    assert "\naccess:" not in exported.text and "root" not in exported.text
    assert "\naccess:" in plans.export_plan(as_admin, None).text


@pytest.mark.parametrize(
    ("entry", "line", "field", "message"),
    [
        ("  - login: Bad Login!\n    roles: [viewer]\n", 2, "access[0].login",
         "'Bad Login!' is not a login"),
        ("  - login: ann\n    roles: [boss]\n", 3, "access[0].roles[0]", "'boss' is not a role"),
        ("  - login: ann\n    roles: [board_secretary]\n", 3, "access[0].roles[0]",
         "needs its board: board_secretary:BOARD"),
        ("  - login: ann\n    roles: [board_secretary:nowhere]\n", 3, "access[0].roles[0]",
         "unknown board 'nowhere'"),
        ("  - login: ann\n    roles: [viewer:sfb]\n", 3, "access[0].roles[0]",
         "viewer is not of one board or committee"),
        ("  - login: ann\n    roles: [viewer]\n  - login: ANN\n    roles: [admin]\n", 4,
         "access[1].login", "ann is listed twice (first at access[0])"),
        ("  - login: ann\n    roles: viewer\n", 3, "access[0].roles", "expected a list of roles"),
        ("  - login: ann\n    roles: [viewer]\n    password: secret\n", 4,
         "access[0].password", "unknown field 'password'"),
    ],
)  # fmt: skip
def test_a_wrong_access_entry_is_refused_with_its_line_and_field(
    tracker: Tracker, tmp_path: Path, entry: str, line: int, field: str, message: str
) -> None:
    file = with_access(tmp_path, entry)
    first = SHIPPED.read_text(encoding="utf-8").count("\n") + 2  # the line of "access:"
    with pytest.raises(InvalidInput) as refused:
        plans.import_plan(tracker, file)
    shown = str(refused.value)
    assert f"{file}:{first + line - 1}" in shown, shown
    assert field in shown and message in shown
    result = run("plan", "validate", str(file))
    assert result.exit_code != 0 and message in result.output
    assert list_pending(tracker) == () and list_accounts(tracker) == ()  # nothing stored


def test_the_cli_imports_roles_and_lists_the_pending_logins(
    tracker: Tracker, tmp_path: Path
) -> None:
    imported = run("plan", "import", str(with_access(tmp_path, ACCESS)))
    assert imported.exit_code == 0, imported.output
    assert "roles kept for logins with no account yet: sam.jones, kirsty-woodhead, cora" in (
        imported.output)  # fmt: skip
    listed = run("users", "list")
    sam = next(line for line in listed.output.splitlines() if line.startswith("sam.jones"))
    assert "(no account yet)" in sam and "pending" in sam and f"board_secretary:{SFB}" in sam
    mapped: list[str] = []
    if not tracker.settings.is_sqlite:  # on PostgreSQL the login acting must be an account's
        with tracker.db.engine.connect() as conn:
            mapped = ["--database-login", str(conn.exec_driver_sql("SELECT current_user").scalar())]
    added = CliRunner().invoke(
        cli,
        ["users", "add", "sam.jones", "--name", "Sam Jones", "--role", "admin", *mapped,
         "--password-stdin"],
        input=PASSWORD + "\n",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    assert f"board_secretary:{SFB}" in added.output
    assert "pending" not in run("users", "list").output.split("sam.jones")[1].split("\n")[0]
