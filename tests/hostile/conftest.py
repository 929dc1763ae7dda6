"""Fixtures of the hostile-input tests: the cache of loaded databases (hostile_bases.py) and
a corpus case's workspace."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hostile_bases import PgBase, workspace
from hostile_helpers import Workspace


@pytest.fixture(scope="session")
def hostile_bases() -> Iterator[dict[tuple[str, str], Any]]:
    """(backend, kind) -> its loaded base, made on first use (hostile_bases.workspace)."""
    bases: dict[tuple[str, str], Any] = {}
    yield bases
    for base in bases.values():
        if isinstance(base, PgBase):
            base.close()


@pytest.fixture
def hostile_ws(request: pytest.FixtureRequest, tmp_path: Path) -> Workspace:
    """A corpus case's world; the backend comes from the test's parameters (indirect),
    "sqlite" or "postgresql"."""
    return workspace(request, tmp_path, request.param, "corpus")
