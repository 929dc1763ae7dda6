"""A plan import pauses Python's cyclic garbage collector while it reads, checks and writes a
plan (tracker.plans.collection_paused), and always turns it back on: after an import, a refused
file, a dry run and a kill-free failure alike, so the rest of a long-lived process (the app, the
web server) keeps collecting."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tracker.errors import InvalidInput
from tracker.plans import collection_paused
from tracker.services import plans
from tracker.services.context import Tracker

SMALL = Path(__file__).parent / "data" / "plans" / "small.yaml"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def collecting() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_collector_is_paused_during_an_import_and_back_on_after(
    tracker: Tracker, collecting: None
) -> None:
    seen: list[bool] = []
    plans.import_plan(tracker, SMALL, progress=lambda *_: seen.append(gc.isenabled()))
    assert seen and not any(seen)  # paused in every phase the import reports
    assert gc.isenabled()
    plans.import_plan(tracker, SMALL, dry_run=True)
    assert gc.isenabled()


def test_the_collector_is_back_on_after_a_refused_file(
    tracker: Tracker, tmp_path: Path, collecting: None
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(SMALL.read_text(encoding="utf-8").replace("phase: 1", "phase: 9", 1),
                   encoding="utf-8")  # fmt: skip
    with pytest.raises(InvalidInput):
        plans.import_plan(tracker, bad)
    assert gc.isenabled()


def test_a_collector_already_off_stays_off() -> None:
    was = gc.isenabled()
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()


WALKED = (
    "import gc, sys\n"
    "from tracker import ending\n"
    "from tracker.cli import main\n"
    "if sys.argv[2] == 'command':\n    ending.turn_on()\n"
    "most = [0]\n"
    "def seen(phase, info):\n"
    "    if phase == 'start' and info['generation'] == 0:\n"
    "        most[0] = max(most[0], len(gc.get_objects(generation=0)))\n"
    "gc.callbacks.append(seen)\n"
    "sys.argv = ['tracker', 'plan', 'import', sys.argv[1]]\n"
    "try:\n    main()\nexcept SystemExit as exc:\n    code = exc.code\n"
    "print('WALKED', code, gc.isenabled(), most[0], file=sys.stderr)\n"
)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_what_an_import_made_is_not_walked_by_the_collector_in_a_commands_process(
    settings_file: Path, tmp_path: Path
) -> None:
    """Everything the paused import made is in the collector's youngest generation, which its
    next pass walks whole. A command's own process ends with its command, so what is still
    alive then (the document, left to the end) is set aside for good first (gc.freeze) and that
    pass walks only what came after (without it: about 8,000 objects for this plan)."""
    plan = tmp_path / "plan.yaml"
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--actions", "200",
         "--updates", "2000", "--resolutions", "40", "--out", str(plan)],
        check=True, capture_output=True,
    )  # fmt: skip
    env = {**os.environ, "TRACKER_CONFIG": str(settings_file)}
    done = subprocess.run(
        [sys.executable, "-c", WALKED, str(plan), "command"], env=env, capture_output=True,
        text=True, check=True,
    )  # fmt: skip
    word, code, enabled, most = done.stderr.strip().splitlines()[-1].split()
    assert (word, code, enabled) == ("WALKED", "0", "True")
    assert int(most) < 4_000  # a youngest generation of its usual size


def test_a_longer_lived_process_sets_nothing_aside(tracker: Tracker, collecting: None) -> None:
    """The app or a test goes on after an import: what it made is collected as usual."""
    frozen = gc.get_freeze_count()
    plans.import_plan(tracker, SMALL)
    assert gc.get_freeze_count() == frozen
    assert gc.isenabled()
