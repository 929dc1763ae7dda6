"""One public service call = one use case = one transaction (DESIGN.md, Architecture).

Every public service function (tracker.services.**, first argument the Tracker) is called with
sensible arguments on a term of governance, and the transactions it opens are counted: SQLAlchemy
transactions (the engine's `begin`) and the plain-SQL readers' (sqlite3, psycopg). Each must
open exactly one. A new public function must be added to CALLS (tests/service_calls.py, its
arguments built in tests/service_call_arguments.py), so a use case that composes other use cases
(each with its own transaction) fails here. Then the proof that it matters: a
paper, a roll-up, the boards screen and the dashboard do not see a write that another user
commits while they are being read (one snapshot: SQLite's BEGIN, PostgreSQL's REPEATABLE READ).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

sys.path.insert(0, str(Path(__file__).parent / "papers"))
from papers_helpers import CFB, ILSC, LPB, SFB, enrich  # noqa: E402
from service_calls import (  # noqa: E402
    AFTER_A_RACE,
    CALLS,
    INSIDE_A_USE_CASE,
    NO_DATABASE,
    public_functions,
)

from tracker.services.context import Tracker  # noqa: E402
from tracker.services.plain_sql import PostgresReader, SqliteReader  # noqa: E402
from tracker.services.plain_write import PostgresWriter, SqliteWriter  # noqa: E402


@pytest.fixture
def term(loaded: Tracker, tmp_path: Path) -> Tracker:
    return enrich(loaded, tmp_path)


class Transactions:
    """Counts the transactions begun on the tracker's database, by any road (SQLAlchemy, or the
    plain-SQL readers and writers)."""

    def __init__(self, t: Tracker, monkeypatch: pytest.MonkeyPatch) -> None:
        self.opened = 0
        event.listen(t.db.engine, "begin", self._count)
        for road, method in (
            (SqliteReader, "reading"), (PostgresReader, "reading"),
            (SqliteWriter, "writing"), (PostgresWriter, "writing"),
        ):  # fmt: skip
            real = getattr(road, method)

            def counted(this: Any, *args: Any, _real: Any = real) -> Any:
                self.opened += 1
                return _real(this, *args)

            monkeypatch.setattr(road, method, counted)

    def _count(self, _conn: Any) -> None:
        self.opened += 1

    def of(self, call: Callable[[], object]) -> int:
        self.opened = 0
        call()
        return self.opened


@pytest.fixture
def transactions(term: Tracker, monkeypatch: pytest.MonkeyPatch) -> Transactions:
    return Transactions(term, monkeypatch)


# ---- every public service function -----------------------------------------------------------


def test_every_public_service_function_is_in_the_table() -> None:
    public = set(public_functions())
    missing = public - set(CALLS) - NO_DATABASE - AFTER_A_RACE - INSIDE_A_USE_CASE
    assert not missing, f"add these to CALLS in tests/service_calls.py: {sorted(missing)}"
    listed = set(CALLS) | NO_DATABASE | AFTER_A_RACE | INSIDE_A_USE_CASE
    assert not listed - public, "CALLS names a function that is gone"


def test_every_public_service_function_opens_exactly_one_transaction(
    term: Tracker, transactions: Transactions, tmp_path: Path
) -> None:
    public = public_functions()
    for name in NO_DATABASE:
        fn = public[name]
        assert transactions.of(lambda fn=fn: fn(term)) == 0, name
    opened = {}
    for name, arguments in CALLS.items():
        args, kwargs = arguments(term, tmp_path)
        opened[name] = transactions.of(lambda f=public[name], a=args, k=kwargs: f(*a, **k))
    assert {name: n for name, n in opened.items() if n != 1} == {}
    assert len(opened) >= 55


# ---- every paper, every board's position -----------------------------------------------------


def _papers(t: Tracker) -> list[tuple[str, str, dt.date | None]]:
    from tracker.services.papers.render import list_templates

    templates = [i.name for i in list_templates(t) if i.kind is not None]
    assert {"highlight", "exception", "matters-arising", "cover", "outcomes"} <= set(templates)
    boards = [
        (SFB, None), (SFB, dt.date(2026, 3, 10)), (SFB, dt.date(2025, 12, 10)),  # board
        (LPB, dt.date(2026, 2, 12)), (CFB, None),
        (ILSC, None), (ILSC, dt.date(2026, 3, 24)),  # committee, no actions of its own
    ]  # fmt: skip
    from tracker.services.governance.meetings import list_meetings

    held = {(m.board, m.date) for m in list_meetings(t, status="held")}
    # draft minutes are written for held meetings only (the others are refused)
    return [
        (name, board, meeting) for name in templates for board, meeting in boards
        if name != "minutes" or (meeting is not None and (board, meeting) in held)
    ]  # fmt: skip


def test_every_paper_is_read_in_one_transaction(term: Tracker, transactions: Transactions) -> None:
    from tracker.services.papers.render import preview_paper

    opened = {}
    for template, board, meeting in _papers(term):
        for fmt in ("md", "html"):
            opened[(template, board, meeting, fmt)] = transactions.of(
                lambda a=(template, board, meeting, None, fmt): preview_paper(term, *a)
            )
    assert {paper: n for paper, n in opened.items() if n != 1} == {}
    assert len(opened) >= 5 * 7 * 2


def test_every_board_position_is_read_in_one_transaction(
    term: Tracker, transactions: Transactions
) -> None:
    from tracker.services.governance.boards import list_boards
    from tracker.services.governance.position import board_position

    boards = [b.code for b in list_boards(term)]
    assert {SFB, LPB, CFB, ILSC} <= set(boards)
    opened = {
        (board, as_of): transactions.of(lambda b=board, d=as_of: board_position(term, b, d))
        for board in boards
        for as_of in (None, dt.date(2025, 12, 31))
    }
    assert {key: n for key, n in opened.items() if n != 1} == {}


# ---- one snapshot ----------------------------------------------------------------------------


@contextmanager
def committed_midway(t: Tracker, write: Callable[[], object]) -> Iterator[list[str]]:
    """Runs `write` (another user, another connection) once, right after the first query of
    the next read on `t`'s database: that read has begun and has more queries to run."""
    done: list[str] = []

    def after(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if not done and statement.lstrip().upper().startswith("SELECT"):
            done.append(statement)
            write()

    event.listen(t.db.engine, "after_cursor_execute", after)
    # reads in plain SQL without SQLAlchemy (the register, the dashboard: sqlite3 on a file)
    light = t._light_reader()
    if light is not None:
        rows = light.rows

        def rows_then_write(sql: str, params: dict[str, Any]) -> Any:
            found = rows(sql, params)
            after(None, None, sql)
            return found

        light.rows = rows_then_write  # type: ignore[method-assign]
    try:
        yield done
    finally:
        event.remove(t.db.engine, "after_cursor_execute", after)
        if light is not None:
            del light.rows


def _another_user(t: Tracker) -> Tracker:
    """The same database, opened by someone else (its own engine and connections)."""
    return Tracker(t.settings)


def _turn_red(other: Tracker) -> Callable[[], object]:
    from tracker.services.actions.updates import record_update

    return lambda: record_update(
        other, "P2-01", status="in progress", rag="red", progress=55,
        note="Venue lost: the programme slips a quarter",
    )  # fmt: skip


@pytest.mark.parametrize(("template", "board"), [("highlight", SFB), ("cover", ILSC)])
def test_a_paper_shows_nothing_committed_while_it_is_read(
    term: Tracker, template: str, board: str
) -> None:
    from tracker.services.papers.render import preview_paper

    before = preview_paper(term, template, board).text
    other = _another_user(term)
    try:
        with committed_midway(term, _turn_red(other)) as done:
            during = preview_paper(term, template, board).text
        assert done, "the write did not happen during the paper"
        after = preview_paper(term, template, board).text
    finally:
        other.close()
    assert after != before  # the write shows in the next paper
    assert during == before


def test_a_roll_up_the_boards_screen_and_the_dashboard_show_nothing_committed_while_read(
    term: Tracker,
) -> None:
    from tracker.services.dashboard import get_dashboard
    from tracker.services.governance.overview import board_overview
    from tracker.services.governance.position import board_position

    reads: dict[str, Callable[[], object]] = {
        "position": lambda: board_position(term, SFB),
        "boards screen": lambda: board_overview(term, SFB),
        "dashboard": lambda: get_dashboard(term),
    }
    for name, read in reads.items():
        before = read()
        other = _another_user(term)
        try:
            with committed_midway(term, _turn_red(other)) as done:
                during = read()
            assert done, name
            after = read()
        finally:
            other.close()
        assert after != before, name
        assert during == before, name
        _back_to_amber(term)


def _back_to_amber(t: Tracker) -> None:
    from tracker.services.actions.updates import record_update

    record_update(t, "P2-01", rag="amber", progress=56, note="Venue found again")
