"""A plan is written to SQLite with a roomy page cache, and the connection gets its own back
afterwards, also when the import is refused (a pooled connection in the app or the web server
must not keep 128 MB). Its speed is measured in benchmarks/, not here."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from tracker.plans.sync import ROOMY_CACHE_KIB, roomy_cache
from tracker.services.context import Tracker


def _cache(s: Session) -> int:
    return int(s.connection().exec_driver_sql("PRAGMA cache_size").scalar_one())


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_cache_is_roomy_while_a_plan_is_written_and_its_own_after(tracker: Tracker) -> None:
    with tracker.db.writing() as s:
        before = _cache(s)
        with roomy_cache(s):
            assert _cache(s) == -ROOMY_CACHE_KIB
        assert _cache(s) == before != -ROOMY_CACHE_KIB
        with pytest.raises(RuntimeError), roomy_cache(s):
            raise RuntimeError("refused")
        assert _cache(s) == before
