"""The lists a form offers (tracker.services.choices) are read in plain SQL, so the register's
filters load without SQLAlchemy. They must be what the models hold, in the order the models'
queries give, whichever reader runs the SQL (sqlite3 or psycopg alone, or a SQLAlchemy
session), on both databases."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tracker.demo import DEMO_PLAN
from tracker.models import Action, Board, Organisation, Outcome, Person, Phase, Stage
from tracker.services.actions.register import owner_label
from tracker.services.choices import load_choices, phases
from tracker.services.context import Tracker
from tracker.services.plans import import_plan


@pytest.fixture
def demo(tracker: Tracker) -> Tracker:
    import_plan(tracker, DEMO_PLAN)
    return tracker


def pairs(rows: Iterable[Any]) -> tuple[tuple[str, str], ...]:
    return tuple((a, b) for a, b in rows)


def test_the_choices_are_what_the_models_hold(
    demo: Tracker, monkeypatch: pytest.MonkeyPatch
) -> None:
    got = load_choices(demo)
    with demo.db.reading() as s:
        boards = pairs(s.execute(select(Board.code, Board.name).order_by(Board.name)))
        people = tuple(
            (code, owner_label(name, role) or code)
            for code, name, role in s.execute(
                select(Person.code, Person.name, Person.role).order_by(
                    Person.name.is_(None), Person.name, Person.role
                )
            )
        )
        organisations = pairs(
            s.execute(select(Organisation.code, Organisation.name).order_by(Organisation.name))
        )
        outcomes = pairs(
            s.execute(select(Outcome.code, Outcome.name).order_by(Outcome.position, Outcome.code))
        )
        actions = pairs(s.execute(select(Action.ref, Action.title).order_by(Action.ref)))
        stage_numbers = s.scalars(select(Stage.number).distinct().order_by(Stage.number)).all()
        phase_numbers = s.scalars(select(Phase.number).distinct().order_by(Phase.number)).all()
    assert len(people) > 2 and len(boards) > 1 and outcomes  # the demo fills every list
    assert got.boards == boards
    assert got.people == people
    assert got.organisations == organisations
    assert got.outcomes == outcomes
    assert got.actions == actions
    assert [n for n, _ in got.stages] == stage_numbers
    assert [n for n, _ in got.phases] == phase_numbers == [n for n, _ in phases(demo)]
    # the same SQL inside a SQLAlchemy session (as when the pool is open) reads the same
    monkeypatch.setattr(demo, "_light_reader", lambda: None)
    assert load_choices(demo) == got


def test_the_register_s_filter_lists_load_no_sqlalchemy(demo: Tracker, settings_file: Path) -> None:
    code = (
        "import sys\n"
        "from tracker.config import load_settings\n"
        "from tracker.services.context import open_tracker\n"
        "from tracker.services.choices import load_choices\n"
        f"c = load_choices(open_tracker(load_settings({str(settings_file)!r})), with_actions=False)\n"
        "print(len(c.boards) > 1, 'sqlalchemy' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "False"]
