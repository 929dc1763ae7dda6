"""`tracker board position` and `tracker paper render highlight` start quickly: run in a fresh
process they load neither SQLAlchemy nor Alembic (the roll-up, the lists, the direction of
travel and the paper's figures are read in plain SQL), and say what the same reads say in a
SQLAlchemy session. Timings live in
benchmarks/bench_paperfloor.py; this checks what keeps them low."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli import cli
from tracker.cli.position import jsonable
from tracker.services.context import Tracker
from tracker.services.governance.position import position_in

SFB = "supporting-families-board"  # after a term of governance (papers_helpers.enrich)
ILSC = "improving-lives-select-commission"
PROBE = (
    "import sys\n"
    "WATCH = sys.argv.pop(1).split(',')\n"
    "from tracker.cli import main\n"
    "sys.argv = ['tracker', *sys.argv[1:]]\n"
    "try:\n    main()\nexcept SystemExit as exc:\n    code = exc.code\n"
    "loaded = sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'alembic', *WATCH})\n"
    "print('LOADED', code, *loaded, file=sys.stderr)\n"
)


def _fresh(settings_file: Path, *args: str, watch: str = "") -> tuple[str, list[str]]:
    """Run `tracker ARGS` in a fresh process: what it printed, and "LOADED", its exit code and
    which of SQLAlchemy, Alembic and the `watch` packages it imported."""
    env = {**os.environ, "TRACKER_CONFIG": str(settings_file)}
    done = subprocess.run([sys.executable, "-c", PROBE, watch, *args], env=env,
                          capture_output=True, text=True, check=True)  # fmt: skip
    return done.stdout, done.stderr.strip().splitlines()[-1].split()


@pytest.mark.parametrize("args", [(), ("--as-of", "2026-01-31"), ("--format", "json")])
def test_board_position_loads_neither_sqlalchemy_nor_alembic(
    term: Tracker, settings_file: Path, args: tuple[str, ...]
) -> None:
    said, loaded_modules = _fresh(settings_file, "board", "position", SFB, *args)
    assert loaded_modules == ["LOADED", "0"]
    assert said == CliRunner().invoke(cli, ["board", "position", SFB, *args]).output
    if args == ("--format", "json"):  # the position as the services read it in a session
        with term.db.reading() as s:
            in_session = jsonable(position_in(s, SFB, None, term.today()))
        assert {k: v for k, v in json.loads(said).items() if k != "travel"} == json.loads(
            json.dumps(in_session)
        )
    if not args:
        assert said.startswith("Supporting Families Board (supporting-families-board): position")
        assert "Open escalations to this board (1):" in said and "#1 P1-03 from" in said
        assert "Direction of travel since 10 Dec 2025:" in said


def test_an_unknown_board_is_refused_the_same_way(term: Tracker, settings_file: Path) -> None:
    env = {**os.environ, "TRACKER_CONFIG": str(settings_file)}
    done = subprocess.run([sys.executable, "-c", PROBE, "", "board", "position", "no-such-board"],
                          env=env, capture_output=True, text=True, check=True)  # fmt: skip
    assert done.stderr.strip().splitlines()[-1].split() == ["LOADED", "2"]
    assert "no board 'no-such-board' (boards: " in done.stderr


@pytest.mark.parametrize(
    "args", [(), ("--as-of", "2026-01-31"), ("--format", "html", "--appendix")]
)
def test_the_highlight_paper_loads_no_sqlalchemy(
    term: Tracker, settings_file: Path, args: tuple[str, ...]
) -> None:
    """A public highlight report is read in plain SQL too, and says what the same paper read in
    a SQLAlchemy session says (a confidential one, and every other kind, read in a session)."""
    from tracker.services.papers.render import _context, template_set

    cmd = ("paper", "render", "highlight", "--board", SFB, "--out", "-", *args)
    said, loaded_modules = _fresh(settings_file, *cmd)
    assert loaded_modules == ["LOADED", "0"]
    assert said == CliRunner().invoke(cli, list(cmd)).output
    assert "Highlight report" in said and "Supporting Families Board" in said
    as_of = dt.date(2026, 1, 31) if "--as-of" in args else None
    fmt = "html" if "html" in args else "md"
    _, plain = _context(term, template_set(term), "highlight", SFB, None, as_of, fmt,
                        "--appendix" in args)  # fmt: skip
    with term.db.reading() as s:  # the same context, read through a session
        from tracker.services.papers.render import context_in, prepare

        item, kind, others = prepare(template_set(term), "highlight", fmt)
        in_session = context_in(s, term, item, kind, others, SFB, None, as_of, fmt,
                                "--appendix" in args)  # fmt: skip
    assert plain == in_session


def test_listing_the_templates_loads_no_jinja2(term: Tracker, settings_file: Path) -> None:
    """Jinja2 is imported when a paper is rendered, not when the templates are listed (the
    app's Papers screen lists them on its first visit)."""
    said, loaded_modules = _fresh(settings_file, "paper", "list", watch="jinja2")
    assert loaded_modules == ["LOADED", "0"]
    assert "highlight" in said and "bundled" in said
    _, rendering = _fresh(settings_file, "paper", "render", "highlight", "--board", SFB, "--out",
                          "-", watch="jinja2")  # fmt: skip
    assert rendering == ["LOADED", "0", "jinja2"]


@pytest.mark.parametrize(("kind", "args"), [
    ("exception", ()), ("exception", ("--as-of", "2026-01-31")), ("matters-arising", ()),
    ("matters-arising", ("--meeting", "2026-03-10")), ("outcomes", ()),
    ("outcomes", ("--format", "html")), ("cover", ()), ("cover", ("--meeting", "2026-03-24")),
])  # fmt: skip
def test_the_other_public_papers_load_no_sqlalchemy(
    term: Tracker, settings_file: Path, kind: str, args: tuple[str, ...]
) -> None:
    """The exception, matters-arising, outcomes and cover papers, public, are read in plain SQL
    too (sqlite3 or psycopg alone), and their context is the one a SQLAlchemy session reads (a
    cover for the select commission, which has no actions: the whole plan's position)."""
    from tracker.services.papers.render import _context, context_in, prepare, template_set

    board = ILSC if kind == "cover" and args else SFB
    cmd = ("paper", "render", kind, "--board", board, "--out", "-", *args)
    said, loaded_modules = _fresh(settings_file, *cmd)
    assert loaded_modules == ["LOADED", "0"]
    assert said == CliRunner().invoke(cli, list(cmd)).output
    as_of = dt.date(2026, 1, 31) if "--as-of" in args else None
    meeting = dt.date.fromisoformat(args[1]) if "--meeting" in args else None
    fmt = "html" if "html" in args else "md"
    _, plain = _context(term, template_set(term), kind, board, meeting, as_of, fmt)
    with term.db.reading() as s:  # the same context, read through a session
        item, found, others = prepare(template_set(term), kind, fmt)
        in_session = context_in(s, term, item, found, others, board, meeting, as_of, fmt, False)
    assert plain == in_session
    words = {"exception": "Exception report", "matters-arising": "Matters arising",
             "outcomes": "Outcomes", "cover": "delivery update"}  # fmt: skip
    assert words[kind] in said
    assert (
        "Improving Lives Select Commission" if board == ILSC else "Supporting Families Board"
    ) in said
    assert ("the whole plan" in said) == (board == ILSC)
    if kind == "exception":  # red and escalated on 13 Feb: no exception as of 31 Jan
        assert ("## P1-03" in said) == (as_of is None)
        assert ("#1 from Locality Partnership Board" in said) == (as_of is None)
    else:
        assert len(said) > 500  # the figures, not only the heading
