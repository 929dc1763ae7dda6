"""An action's position moves in one place (tracker.domain.position), on SQLite and PostgreSQL:
every writer (a status update, the editor, a cancellation, a sheet import, a plan import) moves
it with the same audit wording, keeps the history's latest update equal to the position, and is
refused when the move would go behind the action's latest update. And the bug that made this
matter: importing an older plan file no longer silently undoes newer updates."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import func, select

from tracker.cli import cli
from tracker.cli.common import exit_code
from tracker.domain import position
from tracker.errors import Conflict
from tracker.models import Action, AuditEntry, StatusUpdate
from tracker.plans import dump_plan, load_plan
from tracker.services.actions.detail import get_action
from tracker.services.actions.edit import cancel_action, edit_action
from tracker.services.actions.updates import record_update
from tracker.services.context import Tracker
from tracker.services.plans import export_plan, import_plan
from tracker.services.sheets.store import Planned, load_current, store_updates

REGISTER = Path(__file__).parent / "data" / "plans" / "register.yaml"
# A-03 is in progress, green, 60% in the register plan; the tests' today is 2026-03-01


@pytest.fixture
def register(tracker: Tracker) -> Tracker:
    import_plan(tracker, REGISTER)
    record_update(tracker, "A-03", note="Two hubs staffed", by="Ann")  # a latest update
    return tracker


def run(*args: object) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def snapshot(t: Tracker) -> tuple[object, ...]:
    with t.db.reading() as s:
        return (
            s.scalar(select(func.count()).select_from(StatusUpdate)),
            s.scalar(select(func.count()).select_from(AuditEntry)),
            tuple(s.execute(
                select(Action.ref, Action.version, Action.status, Action.rag, Action.progress,
                       Action.latest_commentary, Action.latest_update_at).order_by(Action.ref)
            ).all()),
        )  # fmt: skip


def trail_since(t: Tracker, ref: str, after_id: int) -> set[tuple[str, str | None, str | None]]:
    with t.db.reading() as s:
        rows = s.scalars(
            select(AuditEntry).where(AuditEntry.entity_key == ref, AuditEntry.id > after_id)
        ).all()
    return {(r.operation, r.field, r.old, r.new) for r in rows}  # type: ignore[misc]


def last_audit_id(t: Tracker) -> int:
    with t.db.reading() as s:
        return int(s.scalar(select(func.max(AuditEntry.id))) or 0)


def holds_its_latest_update(t: Tracker, ref: str) -> None:
    """The invariant: the position is the latest update in the history."""
    with t.db.reading() as s:
        a = s.scalars(select(Action).where(Action.ref == ref)).one()
        u = s.scalars(
            select(StatusUpdate).where(StatusUpdate.action_id == a.id)
            .order_by(StatusUpdate.recorded_at.desc(), StatusUpdate.id.desc()).limit(1)
        ).one()  # fmt: skip
    assert (a.status, a.rag, a.progress, a.latest_commentary, a.latest_update_at) == (
        u.status, u.rag, u.progress, u.commentary, u.recorded_at,
    )  # fmt: skip


# -- the writers, each moving A-03 to amber, 70%, "Slipping" ---------------------------------


def by_update(t: Tracker, tmp: Path) -> str:
    record_update(t, "A-03", rag="amber", progress=70, note="Slipping")
    return "update"


def by_editor(t: Tracker, tmp: Path) -> str:
    version = get_action(t, "A-03").version
    edit_action(t, "A-03", version, {"rag": "amber", "progress": 70, "note": "Slipping"})
    return "update"


def by_sheet(t: Tracker, tmp: Path) -> str:
    with t.db.writing() as s:
        current = load_current(s, ["A-03"], lock=True)
        store_updates(s, [Planned(current["A-03"], "in progress", "amber", 70, "Slipping")],
                      t.user, t.now())  # fmt: skip
    return "update"


def by_plan(t: Tracker, tmp: Path) -> str:
    """A plan file exported now, then edited: A-03 amber, 70%, with a newer update."""
    export_plan(t, tmp / "now.yaml")
    doc = load_plan(tmp / "now.yaml").doc
    actions = []
    for a in doc.actions:
        if a.ref == "A-03":
            newer = a.updates[-1]._replace(  # an update spec is a named tuple
                at=dt.datetime(2026, 3, 1, 23, 59, 59), by=t.user, rag="amber", progress=70,
                commentary="Slipping",
            )  # fmt: skip
            a = dataclasses.replace(a, rag="amber", progress=70, updates=(*a.updates, newer))
        actions.append(a)
    edited = tmp / "edited.yaml"
    edited.write_text(dump_plan(dataclasses.replace(doc, actions=tuple(actions))), "utf-8")
    import_plan(t, edited)
    return "import"


WRITERS: dict[str, Callable[[Tracker, Path], str]] = {
    "update": by_update, "editor": by_editor, "sheet": by_sheet, "plan import": by_plan,
}  # fmt: skip


@pytest.mark.parametrize("writer", WRITERS)
def test_every_writer_moves_the_position_with_the_same_audit_wording(
    register: Tracker, tmp_path: Path, writer: str
) -> None:
    start = last_audit_id(register)
    operation = WRITERS[writer](register, tmp_path)
    assert trail_since(register, "A-03", start) == {
        (operation, "commentary", "Two hubs staffed", "Slipping"),
        (operation, "rag", "green", "amber"),
        (operation, "progress", "60", "70"),
    }
    a = get_action(register, "A-03")
    assert (a.row.status, a.row.rag, a.row.progress) == ("in progress", "amber", 70)
    holds_its_latest_update(register, "A-03")


def test_cancelling_moves_the_position_in_the_same_wording(register: Tracker) -> None:
    start = last_audit_id(register)
    cancel_action(register, "A-03", get_action(register, "A-03").version, "Merged into A-01")
    assert trail_since(register, "A-03", start) == {
        ("cancel", "commentary", "Two hubs staffed", "Merged into A-01"),
        ("cancel", "status", "in progress", "cancelled"),
    }
    assert get_action(register, "A-03").cancelled_reason == "Merged into A-01"
    holds_its_latest_update(register, "A-03")


@pytest.mark.parametrize("writer", WRITERS)
def test_every_writer_refuses_a_move_behind_the_latest_update(
    register: Tracker, tmp_path: Path, writer: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each writer's move, stamped a day before A-03's latest update, is refused whole."""
    real = position.move

    def backdated(*args: object, **kw: object) -> position.Move:
        before = args[3]
        assert isinstance(before, position.Position) and before.at is not None
        kw["at"] = before.at - dt.timedelta(days=1)
        return real(*args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(position, "move", backdated)
    before = snapshot(register)
    with pytest.raises(Conflict) as caught:
        WRITERS[writer](register, tmp_path)
    assert exit_code(caught.value) == 3  # what the CLI exits with
    assert "A-03" in str(caught.value)
    assert snapshot(register) == before
    cancel = pytest.raises(Conflict, match="only moves forward")
    with cancel:
        cancel_action(register, "A-03", get_action(register, "A-03").version, "Merged")
    assert snapshot(register) == before


def test_the_rule_itself_explains_a_backdated_move() -> None:
    latest = dt.datetime(2026, 3, 1, 10, 0, tzinfo=dt.UTC)
    now = position.Position("complete", "green", 100, "Done", latest, "Ann")
    with pytest.raises(Conflict) as caught:
        position.move("X-1", 1, 4, now, status="in progress", rag="green", progress=50,
                      commentary="older", at=latest - dt.timedelta(hours=1), by="Bob",
                      operation="update")  # fmt: skip
    assert [
        (c.record, c.field, c.yours, c.theirs, c.who, c.when) for c in caught.value.changes
    ] == [
        ("X-1", "status", "in progress", "complete", "Ann", latest),
        ("X-1", "progress", "50", "100", "Ann", latest),
    ]
    # at the same instant (a plan file restating its latest update) or later, it moves
    same = position.move("X-1", 1, 4, now, status="complete", rag="amber", progress=100,
                         commentary="Done", at=latest, by="Bob", operation="import")  # fmt: skip
    assert same.changes() == {"rag": ("green", "amber")}


# -- the reported bug: an older plan file imported over newer updates ----------------------------


@pytest.mark.usefixtures("settings_file")
def test_importing_an_older_plan_file_is_refused_then_taken_on_purpose(
    loaded: Tracker, tmp_path: Path
) -> None:
    old = tmp_path / "old.yaml"
    assert run("plan", "export", old).exit_code == 0
    done = run("actions", "update", "P1-03", "--status", "complete", "--note", "done")
    assert done.exit_code == 0, done.output
    before = snapshot(loaded)
    for dry in ([], ["--dry-run"]):
        result = run("plan", "import", old, *dry)
        assert result.exit_code == 3, result.output
        err = result.stderr
        assert "written before the latest update of 1 action in the database (P1-03)" in err
        assert "P1-03: status: the file says 'not started', it is now 'complete' " in err
        assert "P1-03: progress: the file says '0', it is now '100' (changed by Test User, " in err
        assert "--take-file" in err and "Traceback" not in result.output
        assert snapshot(loaded) == before  # nothing imported
    start = last_audit_id(loaded)
    taken = run("plan", "import", old, "--take-file")
    assert taken.exit_code == 0, taken.output
    p103 = get_action(loaded, "P1-03")
    assert (p103.row.status, p103.row.progress) == ("not started", 0)
    # the history ends with the file's position, recorded now, saying what it replaced
    assert [(u.status, u.progress) for u in p103.updates] == [("not started", 0), ("complete", 100)]
    assert p103.updates[0].commentary == (
        f"Position taken from the plan file {old} over the newer complete, RAG not assessed, 100%"
    )
    holds_its_latest_update(loaded, "P1-03")
    assert trail_since(loaded, "P1-03", start) == {
        ("take-file", "status", "complete", "not started"),
        ("take-file", "progress", "100", "0"),
        ("take-file", "commentary", "done", p103.updates[0].commentary),
    }
    # the same file again: nothing left to change, nothing refused
    again = run("plan", "import", old)
    assert again.exit_code == 0 and "nothing to change" in again.stdout


def test_an_older_file_may_still_add_what_it_does_not_overwrite(
    register: Tracker, tmp_path: Path
) -> None:
    """Older than A-03's latest update, but agreeing with the database on A-03: imported."""
    export_plan(register, tmp_path / "now.yaml")
    record_update(register, "A-05", note="Started", by="Bob")  # newer than the file, elsewhere
    result = import_plan(register, tmp_path / "now.yaml")
    assert not result.changed


def test_an_older_file_changing_another_field_is_refused(register: Tracker, tmp_path: Path) -> None:
    """Its history shows it predates A-03's latest update: its title would overwrite too."""
    export_plan(register, tmp_path / "then.yaml")
    record_update(register, "A-03", progress=65, note="Third hub", by="Bob")
    text = (tmp_path / "then.yaml").read_text("utf-8")
    edited = tmp_path / "edited.yaml"
    edited.write_text(text.replace("title: Recruit family hub staff", "title: Recruit staff"),
                      "utf-8")  # fmt: skip
    before = snapshot(register)
    with pytest.raises(Conflict) as caught:
        import_plan(register, edited)
    changes = {(c.record, c.field, c.yours, c.theirs, c.who) for c in caught.value.changes}
    assert changes == {
        ("A-03", "progress", "60", "65", "Bob"),
        ("A-03", "title", "Recruit staff", "Recruit family hub staff", "Bob"),
    }
    assert caught.value.yours == "the file says"
    assert snapshot(register) == before
