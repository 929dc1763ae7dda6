"""Bulk edits, their undo, an action's change log and saved views: on the shipped plan (which
has no owners, boards or dates), on SQLite and PostgreSQL, through the services and the CLI."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import func, select

from tracker.cli import cli
from tracker.errors import Conflict, InvalidInput, NotFound
from tracker.models import Action, AuditEntry
from tracker.services.actions.bulk import list_batches, plan_set, set_fields, undo_batch
from tracker.services.actions.changes import action_log
from tracker.services.actions.edit import edit_action
from tracker.services.actions.register import ActionFilter, list_actions
from tracker.services.actions.views_saved import delete_view, find_view, list_views, save_view
from tracker.services.context import Tracker

SFB = "supporting-families-board"


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input)


def state(t: Tracker) -> dict[str, tuple[object, ...]]:
    with t.db.reading() as s:
        rows = s.execute(
            select(Action.ref, Action.owner_id, Action.board_id, Action.due, Action.version)
        ).all()
        audit = s.execute(select(func.count()).select_from(AuditEntry)).scalar_one()
    return {"actions": tuple(sorted(tuple(r) for r in rows)), "audit": (audit,)}


def phase_one(t: Tracker) -> list[str]:
    return [r.ref for r in list_actions(t, ActionFilter(phase=1)).rows]


def test_set_owner_and_board_on_a_phase_is_one_batch_undone_as_one(loaded: Tracker) -> None:
    refs = phase_one(loaded)
    assert len(refs) > 3
    plan = plan_set(loaded, {"owner": "kelly-white", "board": SFB}, f=ActionFilter(phase=1))
    assert plan.count == len(refs)
    assert plan.describe() == (  # as people call them; the audit keeps the codes
        f"set owner to Kelly White, board to Supporting Families Board on {len(refs)} actions"
    )
    result = set_fields(loaded, {"owner": "kelly-white", "board": SFB}, plan.refs,
                        expected=plan.versions)  # fmt: skip
    assert result.changed == tuple(refs)
    rows = list_actions(loaded, ActionFilter(phase=1)).rows
    assert {r.board for r in rows} == {SFB}
    assert all(r.owner and "Kelly White" in r.owner for r in rows)
    # one entry for the batch, and each action's log names the batch with old -> new
    (batch,) = list_batches(loaded)
    assert batch.batch == result.batch and batch.count == len(refs)
    log = action_log(loaded, refs[0])
    assert log[0].kind == "bulk edit" and log[0].batch == result.batch
    assert {(c.field, c.old, c.new) for c in log[0].changes} == {
        ("owner", None, "kelly-white"),
        ("board", None, SFB),
    }
    # somebody edits one action afterwards: undo leaves that one, puts back the rest
    d = list_actions(loaded, ActionFilter(refs=(refs[1],))).rows[0]
    edit_action(loaded, refs[1], d.version, {"owner": "kirsty-woodhead"})
    undone = undo_batch(loaded, batch.batch)
    assert undone.skipped == (refs[1],)
    assert set(undone.changed) == set(refs) - {refs[1]}
    after = {r.ref: r for r in list_actions(loaded, ActionFilter(phase=1)).rows}
    assert after[refs[0]].owner is None and after[refs[0]].board is None
    assert after[refs[1]].owner is not None and "Kirsty" in after[refs[1]].owner
    assert after[refs[1]].board == SFB  # its board moved with no one since: still the batch's
    with pytest.raises(Conflict, match="already undone"):
        undo_batch(loaded, batch.batch)
    assert list_batches(loaded)[1].undone_by == undone.batch


def test_a_refused_bulk_edit_changes_nothing(loaded: Tracker) -> None:
    before = state(loaded)
    with pytest.raises(InvalidInput, match="did you mean: kelly-white"):
        set_fields(loaded, {"owner": "kely-white"}, f=ActionFilter(phase=1))
    with pytest.raises(InvalidInput, match="is not a date"):
        set_fields(loaded, {"due": "31/02/2025"}, f=ActionFilter(phase=1))
    with pytest.raises(InvalidInput, match="cannot be set on many"):
        set_fields(loaded, {"title": "Same"}, f=ActionFilter(phase=1))
    with pytest.raises(NotFound, match="did you mean: P1-02"):
        set_fields(loaded, {"board": SFB}, ["P1-01", "P1-2"])
    set_fields(loaded, {"start": "1 Jun 2025"}, ["P1-01"])
    before = state(loaded)
    with pytest.raises(InvalidInput, match="before the start date on P1-01"):
        set_fields(loaded, {"due": "31/03/2025"}, ["P1-01", "P1-02"])
    # read for a confirmation, then changed by somebody else: the whole batch is refused
    plan = plan_set(loaded, {"board": SFB}, ["P1-01", "P1-02"])
    edit_action(loaded, "P1-02", plan.versions[1], {"title": "Changed meanwhile"})
    before = state(loaded)
    with pytest.raises(Conflict, match="P1-02"):
        set_fields(loaded, {"board": SFB}, plan.refs, expected=plan.versions)
    assert state(loaded) == before


def test_an_owner_or_board_can_be_named_as_people_call_them(loaded: Tracker) -> None:
    """A code, a name in any case, or a board's name; an unknown name gets "did you mean"
    with the names as well as the codes, and changes nothing."""
    plan = plan_set(loaded, {"owner": "kelly WHITE", "board": "Supporting Families Board"},
                    ["P1-01"])  # fmt: skip
    assert (
        plan.describe()
        == "set owner to Kelly White, board to Supporting Families Board on 1 action"
    )
    assert dict(plan.values) == {"owner": "kelly-white", "board": SFB}  # the audit's words
    before = state(loaded)
    with pytest.raises(InvalidInput, match="did you mean: .*Kelly White"):
        set_fields(loaded, {"owner": "Kely White"}, ["P1-01"])
    assert state(loaded) == before
    set_fields(loaded, {"owner": "Kelly White"}, ["P1-01"])
    (row,) = list_actions(loaded, ActionFilter(refs=("P1-01",))).rows
    assert row.owner and "Kelly White" in row.owner


def test_the_change_log_shows_edits_beside_status_updates(loaded: Tracker) -> None:
    v = list_actions(loaded, ActionFilter(refs=("P1-03",))).rows[0].version
    r = edit_action(loaded, "p1-03", v, {"due": "31 Mar 2025", "owner": "kelly-white"})
    edit_action(loaded, "P1-03", r.version, {"due": "30/06/2025"})
    updated = run("actions", "update", "P1-03", "--status", "In Progress", "--progress", "20",
                  "--rag", "Amber", "--note", "Late: waiting for the venue")  # fmt: skip
    assert updated.exit_code == 0, updated.output
    log = action_log(loaded, "P1-03")
    assert [e.kind for e in log[:3]] == ["status update", "edit", "edit"]
    assert log[1].describe() == "due 31 Mar 2025 → 30 Jun 2025"
    assert "owner - → Kelly White" in log[2].describe()
    assert [e.kind for e in action_log(loaded, "P1-03", edits_only=True)][:2] == ["edit", "edit"]
    out = run("actions", "log", "p1-03")
    assert out.exit_code == 0, out.output
    assert "Test User  edit: due 31 Mar 2025 → 30 Jun 2025" in out.stdout
    shown = run("actions", "show", "P1-03")
    assert "Changes (newest first):" in shown.stdout
    assert "due 31 Mar 2025 → 30 Jun 2025" in shown.stdout
    data = json.loads(run("actions", "log", "P1-03", "--format", "json").stdout)
    assert data[1]["changes"] == [{"field": "due", "old": "2025-03-31", "new": "2025-06-30"}]


def test_cli_set_asks_with_the_count_and_undo_puts_it_back(loaded: Tracker) -> None:
    before = state(loaded)
    count = len(phase_one(loaded))
    said_no = run("actions", "set", "--filter", "phase=1", "--owner", "kelly-white", input="n\n")
    assert said_no.exit_code == 0, said_no.output
    assert f"{count} actions match" in said_no.stdout
    assert f"set owner to Kelly White on {count} actions" in said_no.stdout
    assert "Nothing was changed." in said_no.stdout
    assert state(loaded) == before
    done = run("actions", "set", "--filter", "phase=1", "--filter", "owner=none",
               "--owner", "kelly-white", "--due", "31/03/2025", "--yes")  # fmt: skip
    assert done.exit_code == 0, done.output
    batch = list_batches(loaded)[0].batch
    assert f"Batch {batch}:" in done.stdout
    rows = json.loads(run("actions", "list", "--phase", "1", "--format", "json").stdout)
    assert {r["due"] for r in rows} == {"2025-03-31"}
    listed = run("actions", "batches")
    assert str(batch) in listed.stdout and "set owner to Kelly White" in listed.stdout
    undone = run("actions", "undo", str(batch), "--yes")
    assert undone.exit_code == 0, undone.output
    assert state(loaded)["actions"] != before["actions"]  # versions moved on
    rows = json.loads(run("actions", "list", "--phase", "1", "--format", "json").stdout)
    assert {r["owner"] for r in rows} == {None}
    assert {r["due"] for r in rows} == {None}


def test_cli_set_refuses_ambiguous_dates_and_names_the_flag(loaded: Tracker) -> None:
    before = state(loaded)
    for args, words in (
        (["--filter", "phase=1", "--due", "04/05/2025"], "ambiguous"),
        (["--filter", "colour=red", "--owner", "kelly-white"], "KEY=VALUE"),
        (["--owner", "kelly-white"], "which actions?"),
        (["--filter", "phase=1", "--board", "suporting-families-board"], "did you mean"),
    ):
        result = run("actions", "set", *args, "--yes")
        assert result.exit_code == 2, args
        assert words in result.output, result.output
    assert state(loaded) == before


def test_saved_views_and_my_actions(loaded: Tracker) -> None:
    set_fields(loaded, {"owner": "kelly-white"}, ["P1-01", "P2-01"])
    save_view(loaded, "Phase two for SFB", ActionFilter(phase=2), sort="due", descending=True)
    names = [v.name for v in list_views(loaded)]
    assert names == ["My actions", "My actions, closed too", "Phase two for SFB"]
    v = find_view(loaded, "phase two for sfb")
    assert v.filter == ActionFilter(phase=2) and v.sort == "due" and v.descending
    out = run("actions", "list", "--view", "Phase two for SFB", "--format", "json")
    assert {r["phase"] for r in json.loads(out.stdout)} == {2}
    # "My actions" is the view for user.name (Test User owns nothing; Kelly White does)
    mine = find_view(loaded, "My actions")
    assert mine.filter.owner == "Test User" and mine.filter.open_only
    assert "open only" in mine.describe() and "True" not in mine.describe()
    closed_too = find_view(loaded, "my actions, closed too")
    assert closed_too.filter == ActionFilter(owner="Test User")  # complete and cancelled too
    with pytest.raises(NotFound, match="no owner matches 'Test User'"):
        list_actions(loaded, mine.filter)
    kelly = run("actions", "list", "--owner", "Kelly White", "--format", "json")
    assert [r["ref"] for r in json.loads(kelly.stdout)] == ["P1-01", "P2-01"]
    delete_view(loaded, "Phase two for SFB")
    assert [v.name for v in list_views(loaded)] == ["My actions", "My actions, closed too"]
    for built_in in ("my actions", "My Actions, closed too"):
        with pytest.raises(Conflict):
            save_view(loaded, built_in, ActionFilter())
