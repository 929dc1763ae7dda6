"""The register's detail (an action, its governance trail and challenges, its change log) is
read in plain SQL: with the dashboard and the register's rows also read without SQLAlchemy, the
app's first screens never wait for its import (about 0.4 s of CPU, done in idle time)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tracker.demo import DEMO_PLAN, DEMO_REVIEWS
from tracker.services.context import Tracker
from tracker.services.demo import MeetingReview, add_reviews
from tracker.services.governance.detail_governance import action_governance
from tracker.services.plans import import_plan


@pytest.fixture
def demo(tracker: Tracker) -> Tracker:
    import_plan(tracker, DEMO_PLAN)
    add_reviews(tracker, [MeetingReview(b, on, c) for b, on, c in DEMO_REVIEWS])
    return tracker


def test_the_detail_loads_no_sqlalchemy_and_reads_as_a_session_does(
    demo: Tracker, settings_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = (
        "import sys\n"
        "from tracker.config import load_settings\n"
        "from tracker.services.actions.changes import action_log\n"
        "from tracker.services.actions.detail_read import get_action\n"
        "from tracker.services.governance.detail_governance import action_governance\n"
        f"t = __import__('tracker.services.context').services.context.open_tracker("
        f"load_settings({str(settings_file)!r}))\n"
        "found = []\n"
        "for ref in [r for (r,) in t._light_reader().rows('SELECT ref FROM action', {})]:\n"
        "    d = get_action(t, ref, history=6)\n"
        "    g = action_governance(t, ref, [u.id for u in d.updates])\n"
        "    action_log(t, ref, edits_only=True, limit=6)\n"
        "    found += [len(g.challenges), len(g.trails)]\n"
        "print(sum(found) > 0, 'sqlalchemy' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "False"], done.stdout + done.stderr
    # the same read inside a SQLAlchemy session (the pool open) gives the same governance
    from tracker.services.actions.detail_read import get_action

    with demo.reading_sql() as reader:
        refs = [ref for (ref,) in reader.rows("SELECT ref FROM action ORDER BY ref", {})]
    plain = {}
    for ref in refs:
        ids = [u.id for u in get_action(demo, ref, history=6).updates]
        plain[ref] = action_governance(demo, ref, ids)
    monkeypatch.setattr(demo, "_light_reader", lambda: None)
    for ref in refs:
        ids = [u.id for u in get_action(demo, ref, history=6).updates]
        assert action_governance(demo, ref, ids) == plain[ref]
    assert any(g.challenges for g in plain.values())  # the demo's challenged updates
