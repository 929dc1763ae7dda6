"""Programs some tests drive, found or refused the same way everywhere."""

from __future__ import annotations

import os

import pytest


def need_program(name: str, what: str, *, also: tuple[str, ...] = ()) -> str:
    """The path of a program a test drives (LibreOffice, pdftotext): skipped without it, except
    under CI=true, where .ci/run installs it. `also`: folders to look in besides PATH (nginx
    lives in /usr/sbin, not on an ordinary user's PATH)."""
    import shutil

    found = shutil.which(name, path=os.pathsep.join([os.environ.get("PATH", ""), *also]))
    if found is None:
        reason = f"{what} ({name}) is not installed"
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " (required under CI=true; .ci/run installs it)")
        pytest.skip(reason)
    return found
