"""The dry run's lines read without confidence name the agenda item each sits under, as the
review's list does ("line 12 (item 13)"), in the text and in `--format json`."""

from __future__ import annotations

import json
from pathlib import Path

from committee_helpers import COMMISSION, Runner

from tracker.services.context import Tracker

# two numbered items, each with an undertaking reported (listed as unsure, not a resolution);
# worded as no corpus page is
PAGE = """\
Minutes of the Harbour Committee meeting held on 9 April 2025

4. Slipway repairs
The Harbour Master reported on the state of the slipway.
RESOLVED: That the slipway repairs be approved within the existing budget.
It was agreed that the Harbour Master would write to the boatyard owners.

5. Mooring fees
Members discussed the mooring fees at length.
It was agreed that the Treasurer would circulate a table of the fees charged elsewhere.
"""


def _dry_run(run: Runner, tmp_path: Path, *more: str) -> str:
    path = tmp_path / "harbour.txt"
    path.write_text(PAGE, encoding="utf-8")
    result = run("minutes", "import", str(path), "--committee", COMMISSION, "--date",
                 "2025-04-09", "--dry-run", *more)  # fmt: skip
    assert result.exit_code == 0, result.output
    return result.stdout


def _line(needle: str) -> int:
    return next(i for i, text in enumerate(PAGE.splitlines(), start=1) if needle in text)


def test_the_dry_run_names_each_unsure_lines_item(
    committees: Tracker, run: Runner, tmp_path: Path
) -> None:
    out = _dry_run(run, tmp_path)
    unsure = out.split("Not read with confidence", 1)[1]
    assert f"line {_line('boatyard owners')} (item 4):" in unsure
    assert f"line {_line('fees charged elsewhere')} (item 5):" in unsure


def test_the_json_gives_each_unsure_lines_item_and_its_title(
    committees: Tracker, run: Runner, tmp_path: Path
) -> None:
    data = json.loads(_dry_run(run, tmp_path, "--format", "json"))
    by_line = {u["line"]: u for u in data["unsure"]}
    boatyard = by_line[_line("boatyard owners")]
    fees = by_line[_line("fees charged elsewhere")]
    assert (boatyard["item"], boatyard["item_title"]) == ("4", "Slipway repairs")
    assert (fees["item"], fees["item_title"]) == ("5", "Mooring fees")
