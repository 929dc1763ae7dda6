"""The commands' plain SQL on libpq (`tracker.services.libpq`) reads and writes as each login's
roles and the database's row security let it, exactly as it did on psycopg: same login, same
policies, same pages, the same refusals."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from row_security_helpers import changed, ids, secured  # noqa: E402

from tracker.services import libpq  # noqa: E402
from tracker.services.actions.detail_read import action_page  # noqa: E402
from tracker.services.context import Tracker  # noqa: E402
from tracker.services.plain_sql import libpq_url  # noqa: E402

__all__ = ["secured"]  # the fixture
pytestmark = pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)


def as_login(term: Tracker, login: str) -> Tracker:
    url = term.db.engine.url.set(username=login, password=None)
    settings = dataclasses.replace(
        term.settings, database_url=url.render_as_string(hide_password=False)
    )
    return Tracker(settings)


def test_each_login_reads_the_same_page_on_libpq_as_on_psycopg(
    secured: tuple[Tracker, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    term, logins = secured
    for who in ("vera", "kirsty", "lee", "pat"):
        mine = as_login(term, logins[who])
        try:
            with mine.reading_sql() as reader:
                assert reader.link.driver is libpq  # type: ignore[attr-defined]
                assert reader.rows("SELECT current_user", {}) == [(logins[who],)]
            page = action_page(mine, "P1-01")
        finally:
            mine.close()
        with monkeypatch.context() as m:
            m.setattr(libpq, "load", lambda: None)
            theirs = as_login(term, logins[who])
            try:
                assert action_page(theirs, "P1-01") == page, who
            finally:
                theirs.close()


def test_row_security_binds_a_libpq_connection_as_it_binds_psycopg(
    secured: tuple[Tracker, dict[str, str]],
) -> None:
    term, logins = secured
    n = ids(term)
    updates = "UPDATE status_update SET commentary = 'changed in psql' WHERE action_id = %(a)s"
    for who, action in (("kirsty", "P1-01"), ("kirsty", "P1-04"), ("vera", "P1-01")):
        url = term.db.engine.url.set(username=logins[who], password=None)
        conn = libpq.connect(libpq_url(url.render_as_string(hide_password=False)))
        try:
            mine = conn.execute(updates, {"a": n[action]}).rowcount
            conn.rollback()
        finally:
            conn.close()
        theirs = changed(term, logins[who], updates.replace("%(a)s", "%s"), n[action])
        assert mine == theirs, (who, action)
    assert changed(term, logins["kirsty"], updates.replace("%(a)s", "%s"), n["P1-01"]) > 0
    assert changed(term, logins["vera"], updates.replace("%(a)s", "%s"), n["P1-01"]) == 0
