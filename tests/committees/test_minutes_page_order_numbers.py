"""Minutes that print no item number give their resolutions numbers in the page's order, as
an officer would write them up: the dry run, `resolutions list` and the follow-up arising all
say "3", not "line 14 (1)". Worded as no corpus page is."""

from __future__ import annotations

import json
import re
from pathlib import Path

from committee_helpers import COMMISSION, Runner

from tracker.services.context import Tracker

PAGE = """Notes of the Countryside Forum, 3 March 2025

The Forum received the rangers' winter report.

DECIDED:
(1) That the winter report be received.
(2) That the path closures stay until Easter.

The Forum discussed the visitor car park.

DECIDED:
(1) That the car park survey be published.
(2) That the Ranger Manager to report on the parking charges by 30 June 2025.
"""


def test_the_dry_run_and_the_list_number_them_in_the_pages_order(
    committees: Tracker, run: Runner, tmp_path: Path
) -> None:
    path = tmp_path / "forum.txt"
    path.write_text(PAGE, encoding="utf-8")
    args = ("minutes", "import", str(path), "--committee", COMMISSION, "--date", "2025-03-03")
    dry = run(*args, "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert "  3  " in dry.stdout and "  4  " in dry.stdout
    assert not re.search(r"^  line \d+ \(", dry.stdout, re.M)  # no number made of a line
    assert run(*args).exit_code == 0
    listed = json.loads(run("resolutions", "list", "--format", "json").stdout)
    mine = [r["number"] for r in listed if r["meeting"] == "2025-03-03"]
    assert mine == ["1", "2", "3", "4"]
    fus = json.loads(run("followups", "list", "--format", "json").stdout)
    assert [f["resolution"] for f in fus if "parking charges" in f["text"]] == ["4"]
