"""A plan import pauses Python's cyclic garbage collector while it reads, checks and writes a
plan (tracker.plans.collection_paused), and always turns it back on: after an import, a refused
file, a dry run and a kill-free failure alike, so the rest of a long-lived process (the app, the
web server) keeps collecting."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from tracker.errors import InvalidInput
from tracker.plans import collection_paused
from tracker.services import plans
from tracker.services.context import Tracker

SMALL = Path(__file__).parent / "data" / "plans" / "small.yaml"


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
