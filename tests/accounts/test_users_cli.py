"""`tracker users` and refusals in the CLI, on both databases: passwords only from a hidden
prompt or standard input, and exit 4 with a sentence naming the board when a role does not
allow the change. On a SQLite file with `[auth] required = true` the operating-system user acts;
on PostgreSQL the database login."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).parents[1] / "papers"))
from papers_helpers import LPB, SFB, enrich  # noqa: E402

from tracker.cli import cli  # noqa: E402
from tracker.models import Account, AuditEntry, UpdateReview  # noqa: E402
from tracker.services.context import Tracker  # noqa: E402

PASSWORD = "a long enough password"


def run(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=stdin)


def current_login(t: Tracker) -> str | None:
    if t.settings.is_sqlite:
        return None
    with t.db.engine.connect() as conn:
        return str(conn.exec_driver_sql("SELECT current_user").scalar())


def test_users_add_list_roles_disable_and_passwd(loaded: Tracker) -> None:
    tracker = loaded
    added = run("users", "add", "Ana", "--name", "Ana Roy", "--role", "admin",
                "--database-login", current_login(tracker) or "ana", "--password-stdin",
                stdin=PASSWORD + "\n")  # fmt: skip
    assert added.exit_code == 0, added.output
    assert "added ana (Ana Roy), enabled" in added.output and PASSWORD not in added.output
    listed = run("users", "list", "--format", "json")
    assert listed.exit_code == 0 and '"roles": "admin"' in listed.output
    prompted = run("users", "add", "sam", "--name", "Sam Patel", "--role",
                   f"board_secretary:{SFB}", stdin=f"{PASSWORD}\n{PASSWORD}\n")  # fmt: skip
    assert prompted.exit_code == 0, prompted.output
    assert PASSWORD not in prompted.output  # the prompt hid it
    granted = run("users", "roles", "sam", "--grant", f"board_member:{LPB}")
    assert granted.exit_code == 0 and f"board_member:{LPB}" in granted.output
    wrong = run("users", "roles", "sam", "--grant", "chair")
    assert wrong.exit_code == 2 and "'chair' is not a role" in wrong.output
    assert run("users", "disable", "sam").exit_code == 0
    sam = next(line for line in run("users", "list").output.splitlines() if line.startswith("sam"))
    assert " yes " in sam
    linked = run("users", "link", "sam", "--database-login", "sam_patel")
    assert linked.exit_code == 0 and "database login sam_patel" in linked.output
    taken = run("users", "link", "sam", "--database-login", current_login(tracker) or "ana")
    assert taken.exit_code == 2 and "is already another account's" in taken.output
    changed = run("users", "passwd", "sam", "--password-stdin", stdin="another long one\n")
    assert changed.exit_code == 0 and "password changed for sam" in changed.output
    with tracker.db.reading() as s:
        stored = {a.login: a.password_hash or "" for a in s.scalars(select(Account)).all()}
        trail = " ".join(f"{e.old} {e.new}" for e in s.scalars(select(AuditEntry)).all())
    assert all(h.startswith("$argon2id$") for h in stored.values())
    assert PASSWORD not in trail and "another long one" not in trail


def test_a_short_password_is_refused_and_no_account_is_made(tracker: Tracker) -> None:
    short = run("users", "add", "ana", "--name", "Ana", "--password-stdin", stdin="short\n")
    assert short.exit_code == 2 and "shorter than 10 characters" in short.output
    assert "ana" not in run("users", "list").output


def test_another_boards_secretary_is_refused_with_exit_4_and_the_board_named(
    loaded: Tracker, tmp_path: Path, settings_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    term = enrich(loaded, tmp_path)
    from tracker.services.accounts import add_account, parse_role

    admin = add_account(term, "root-admin", "Root Admin", PASSWORD, [parse_role("admin")])
    add_account(Tracker(term.settings, db=term.db, account=admin), "lee", "Lee Ward", None,
                [parse_role(f"board_secretary:{LPB}")],
                database_login=current_login(term))  # fmt: skip
    if term.settings.is_sqlite:  # a SQLite file: accounts apply with [auth] required
        with settings_file.open("a", encoding="utf-8") as f:
            f.write("\n[auth]\nrequired = true\n")
        monkeypatch.setenv("LOGNAME", "lee")
    with term.db.reading() as s:
        reviews = len(s.scalars(select(UpdateReview)).all())
    refused = run("meetings", "review", SFB, "2025-12-10", "--note-all")
    assert refused.exit_code == 4, refused.output
    assert ("not permitted: only the Supporting Families Board's secretary can record verdicts "
            "at its meetings") in refused.output  # fmt: skip
    assert "nothing was changed" in refused.output
    with term.db.reading() as s:
        assert len(s.scalars(select(UpdateReview)).all()) == reviews
        entry = s.scalars(select(AuditEntry).where(AuditEntry.operation == "refused")).one()
    assert entry.actor == "Lee Ward"
    # and what the role allows, the same account may do, named in the trail
    allowed = run("meetings", "add", LPB, "2026-04-20")
    assert allowed.exit_code == 0, allowed.output
    with term.db.reading() as s:
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert last is not None and last.actor == "Lee Ward"


def test_with_auth_required_an_unknown_user_is_refused(
    tracker: Tracker, settings_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not tracker.settings.is_sqlite:
        pytest.skip("PostgreSQL: the database login acts (the test above)")
    with settings_file.open("a", encoding="utf-8") as f:
        f.write("\n[auth]\nrequired = true\n")
    monkeypatch.setenv("LOGNAME", "mallory")
    refused = run("boards", "add", "new-board", "New Board")
    assert refused.exit_code == 4
    assert "the user 'mallory' has no account" in refused.output
