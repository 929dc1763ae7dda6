"""A large plan is read with ordinary memory pages (no transparent huge pages, whose zeroing cost
the import's parse up to 0.2 s of system time), and the process has its own setting back after,
whatever happened; a small plan leaves it alone."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tracker.errors import InvalidInput
from tracker.plans import load_plan, pages, read_ahead

DATA = Path(__file__).parent / "data" / "plans"

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or pages.huge_pages_off() is None,
    reason="the setting is Linux's",
)


def test_a_large_plan_is_read_with_ordinary_pages_and_the_setting_is_put_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = pages.huge_pages_off()
    monkeypatch.setattr(pages, "LARGE", 1)  # small.yaml counts as large
    path = DATA / "small.yaml"
    with read_ahead([path]) as ready:
        assert pages.huge_pages_off() is True
        load_plan(path, ahead=ready.get(str(path)))
    assert pages.huge_pages_off() is before


def test_the_setting_is_put_back_after_a_refusal(monkeypatch: pytest.MonkeyPatch) -> None:
    before = pages.huge_pages_off()
    monkeypatch.setattr(pages, "LARGE", 1)
    path = DATA / "bad-cases.yaml"
    with pytest.raises(InvalidInput), read_ahead([path]) as ready:
        load_plan(path, ahead=ready.get(str(path)))
    assert pages.huge_pages_off() is before


def test_a_small_plan_leaves_the_setting_alone() -> None:
    before = pages.huge_pages_off()
    path = DATA / "small.yaml"
    with read_ahead([path]) as ready:
        assert pages.huge_pages_off() is before
        load_plan(path, ahead=ready.get(str(path)))
    assert pages.huge_pages_off() is before
