from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "papers"))
from papers_helpers import enrich  # noqa: E402

from tracker.services.context import Tracker  # noqa: E402


@pytest.fixture
def term(loaded: Tracker, tmp_path: Path) -> Tracker:
    """The shipped plan with a term of governance: the Supporting Families Board met on
    10 Dec 2025 and meets next on 10 Mar 2026 (today is 1 Mar 2026)."""
    folder = tmp_path / "enrich"
    folder.mkdir()
    return enrich(loaded, folder)
