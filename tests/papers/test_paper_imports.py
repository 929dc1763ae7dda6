"""A public paper, rendered in a fresh process (`tracker paper render KIND --out -`), loads what
it needs and no more: no SQLAlchemy, Alembic, Textual, Markdown (a Markdown paper) or the
standard library's HTML entities; only its own kind's data types (and those it shows); and, unless it shows a board's
position (the highlight report, the cover), not the actions register. Each module is start-up
time every paper pays (benchmarks/bench_paperfloor.py times them against their floor)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.services.context import Tracker

SFB = "supporting-families-board"  # after a term of governance (papers_helpers.enrich)
PROBE = """
import json, sys
from tracker.cli import main
sys.argv = ['tracker', *sys.argv[1:]]
try:
    main()
except SystemExit as exc:
    code = exc.code
from tracker.services.papers.data import PaperContext
print(json.dumps({"code": code, "modules": sorted(sys.modules),
                  "contexts": sorted(c.__name__ for c in PaperContext.__subclasses__())}),
      file=sys.stderr)
"""
# top-level packages no public Markdown paper needs
NOT_NEEDED = ("sqlalchemy", "alembic", "textual", "markdown", "docx", "html")
# the contexts whose modules a paper loads: its own (the cover shows matters arising and the
# outcomes off target, and their items live beside those papers' contexts)
CONTEXTS = {"highlight": ["HighlightContext"], "exception": ["ExceptionContext"],
            "matters-arising": ["ArisingContext"], "outcomes": ["OutcomesContext"],
            "cover": ["ArisingContext", "CoverContext", "OutcomesContext"]}  # fmt: skip
REGISTER = "tracker.services.actions.register"


@pytest.mark.parametrize("kind", list(CONTEXTS))
def test_a_public_paper_loads_only_what_it_needs(
    term: Tracker, settings_file: Path, kind: str
) -> None:
    env = {**os.environ, "TRACKER_CONFIG": str(settings_file)}
    done = subprocess.run([sys.executable, "-c", PROBE, "paper", "render", kind, "--board", SFB,
                           "--out", "-"], env=env, capture_output=True, text=True, check=True)  # fmt: skip
    seen = json.loads(done.stderr.strip().splitlines()[-1])
    assert seen["code"] == 0
    assert len(done.stdout) > 300  # the paper itself
    loaded = set(seen["modules"])
    assert sorted(loaded & set(NOT_NEEDED)) == []
    assert seen["contexts"] == CONTEXTS[kind]  # no other kind's types were made
    shows_position = kind in ("highlight", "cover")
    assert (REGISTER in loaded) == shows_position
