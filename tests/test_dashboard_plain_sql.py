"""The dashboard is read in plain SQL (tracker.services.dashboard), so the app's first screen
shows its figures without loading SQLAlchemy. It must show what the services that read the
same things with SQLAlchemy show: the register's counts, the challenges list, the returns
ledger, the follow-ups, on both databases."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tracker.demo import DEMO_PLAN, DEMO_REVIEWS
from tracker.services.actions.register import ActionFilter, list_actions
from tracker.services.committees.followups import list_followups
from tracker.services.context import Tracker
from tracker.services.dashboard import Dashboard, due_soon_filter, get_dashboard
from tracker.services.demo import MeetingReview, add_reviews
from tracker.services.governance.challenges import list_challenges
from tracker.services.plans import import_plan
from tracker.services.returns.ledger import return_ledger, returns_overview


@pytest.fixture
def demo(tracker: Tracker) -> Tracker:
    """The demo plan (owners, boards, meetings, updates, follow-ups) with its boards' verdicts:
    two updates challenged."""
    import_plan(tracker, DEMO_PLAN)
    add_reviews(tracker, [MeetingReview(b, on, c) for b, on, c in DEMO_REVIEWS])
    return tracker


def _through_sqlalchemy(t: Tracker, monkeypatch: pytest.MonkeyPatch) -> Dashboard:
    """The same read inside a SQLAlchemy session (as any service with a session reads)."""
    with monkeypatch.context() as m:
        m.setattr(t, "_light_reader", lambda: None)
        return get_dashboard(t)


def test_the_dashboard_shows_what_the_services_show(
    demo: Tracker, monkeypatch: pytest.MonkeyPatch
) -> None:
    d = get_dashboard(demo)
    assert d == _through_sqlalchemy(demo, monkeypatch)
    today = demo.today()

    # each phase's counts and the totals are the register's
    rows = list_actions(demo).rows
    assert d.actions == len(rows) == 14
    by_phase = Counter((r.phase, r.status) for r in rows)
    rag_by_phase = Counter((r.phase, r.rag or "none") for r in rows)
    for p in d.phases:
        for status, n in p.by_status:
            assert n == by_phase[(p.number, status)], (p.number, status)
        for rag, n in p.by_rag:
            assert n == rag_by_phase[(p.number, rag)], (p.number, rag)
    overdue = list_actions(demo, ActionFilter(overdue=True), with_total=True)
    assert d.overdue_count == overdue.total > 0
    assert [r.ref for r in d.overdue] == [
        r.ref for r in list_actions(demo, ActionFilter(overdue=True), sort="due", limit=8).rows
    ]
    soon = list_actions(demo, due_soon_filter(today, d.horizon_days), with_total=True)
    assert d.due_soon_count == soon.total

    # the challenges panel is the challenges list; the returns line is the board's ledger
    assert d.challenges == list_challenges(demo, open_only=True)
    assert d.challenges_count == 2
    assert d.returns is not None and d.returns == returns_overview(demo)[0]
    ledger = return_ledger(demo, d.returns.period.board)
    assert (d.returns.expected, d.returns.received, d.returns.outstanding) == (
        ledger.expected, ledger.received, ledger.outstanding,
    )  # fmt: skip

    # follow-ups: the open ones, the overdue first
    open_ones = [f for f in list_followups(demo) if f.status in ("open", "in progress")]
    assert d.open_followups_count == len(open_ones) > 0
    assert d.overdue_followups_count == sum(1 for f in open_ones if f.due and f.due < today)
    assert {f.id for f in d.open_followups} <= {f.id for f in open_ones}

    # the latest update is the newest of all
    newest = d.latest_updates[0]
    assert all(u.recorded_at <= newest.recorded_at for u in d.latest_updates)


def test_the_dashboard_loads_no_sqlalchemy(demo: Tracker, settings_file: Path) -> None:
    """A fresh process reading the dashboard never imports SQLAlchemy: the app's first figures
    do not wait for it."""
    code = (
        "import sys\n"
        "from tracker.config import load_settings\n"
        "from tracker.services.context import open_tracker\n"
        "from tracker.services.dashboard import get_dashboard\n"
        f"d = get_dashboard(open_tracker(load_settings({str(settings_file)!r})))\n"
        "print(d.actions, d.challenges_count, 'sqlalchemy' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["14", "2", "False"]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # PostgreSQL: rights read first
def test_the_app_shows_the_dashboard_s_figures_before_sqlalchemy_loads(
    demo: Tracker, settings_file: Path
) -> None:
    """In a fresh process, the app's dashboard fills with the plan's figures before SQLAlchemy
    is imported (it loads later, in idle time): opening the database for the dashboard's
    plain-SQL read must not import it. On PostgreSQL the app first reads the person's rights
    with SQLAlchemy, so this holds for a SQLite file's local user."""
    code = (
        "import asyncio, sys\n"
        "from tracker.config import load_settings\n"
        "from tracker.ui.app import create_app\n"
        "from tracker.ui.dashboard.screen import DashboardScreen\n"
        "seen = []\n"
        "show = DashboardScreen._show\n"
        "def shown(screen, d):\n"
        "    show(screen, d)\n"
        "    seen.append((d.actions, 'sqlalchemy' in sys.modules))\n"
        "DashboardScreen._show = shown\n"
        "async def run():\n"
        f"    app = create_app(load_settings({str(settings_file)!r}))\n"
        "    async with app.run_test(size=(120, 40)) as pilot:\n"
        "        while not seen:\n"
        "            await pilot.pause(0.01)\n"
        "        await app.workers.wait_for_complete()\n"
        "asyncio.run(run())\n"
        "print(*seen[0])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split()[-2:] == ["14", "False"], done.stdout + done.stderr
