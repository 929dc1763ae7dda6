"""One return sheet per owner out, and the returned sheets back in."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from returns_helpers import LPB, SFB, action_refs, add_row, fill_in, second_owner, sheet_facts

from tracker.cli import cli
from tracker.services.actions.detail import get_action
from tracker.services.context import Tracker
from tracker.services.governance.holding import record_meeting
from tracker.services.returns.ledger import return_ledger
from tracker.services.returns.receive import import_returns
from tracker.services.returns.sheets import write_return_sheets
from tracker.services.sheets import export_sheet

sys.path.insert(0, str(Path(__file__).parents[1] / "papers"))
from papers_helpers import on_day  # noqa: E402

KELLY, KIRSTY = "Kelly White", "Kirsty Woodhead"


def _sheets(t: Tracker, folder: Path, by: str = "owner") -> dict[str, Path]:
    result = write_return_sheets(t, SFB, folder, by=by)
    return {s.reporter: Path(s.file) for s in result.sheets}


def test_each_owner_gets_a_sheet_of_only_their_outstanding_actions(
    term: Tracker, tmp_path: Path
) -> None:
    second_owner(term)
    sheets = _sheets(term, tmp_path)
    assert set(sheets) == {KELLY, KIRSTY}
    assert action_refs(sheets[KELLY]) == ["P1-05"]
    assert action_refs(sheets[KIRSTY]) == ["P3-09"]
    assert sheets[KELLY].name == "2026-03-10-supporting-families-board-kelly-white.xlsx"
    facts = sheet_facts(sheets[KIRSTY])
    assert facts["Returned by"] == KIRSTY
    assert facts["Return to"] == "Supporting Families Board"
    assert (facts["Meeting"], facts["Returns due"]) == ("2026-03-10", "2026-03-03")


def test_a_return_sheet_has_the_columns_and_drop_downs_of_the_export_sheet(
    term: Tracker, tmp_path: Path
) -> None:
    sheet = _sheets(term, tmp_path)[KELLY]
    export_sheet(term, tmp_path / "all.xlsx")
    ours, theirs = openpyxl.load_workbook(sheet), openpyxl.load_workbook(tmp_path / "all.xlsx")
    assert [c.value for c in ours["Actions"][1]] == [c.value for c in theirs["Actions"][1]]
    lists = [v.formula1 for v in ours["Actions"].data_validations.dataValidation]
    assert lists == [v.formula1 for v in theirs["Actions"].data_validations.dataValidation]
    assert "returned by Kelly White" in str(ours["How to fill in"]["A1"].value)


def test_one_sheet_per_organisation_holds_all_its_owners_actions(
    term: Tracker, tmp_path: Path
) -> None:
    second_owner(term)
    sheets = _sheets(term, tmp_path, by="organisation")
    org = "Rotherham Metropolitan Borough Council"
    assert list(sheets) == [org]
    assert action_refs(sheets[org]) == ["P1-05", "P3-09"]


def test_returned_sheets_record_updates_by_their_owner_and_the_ledger_updates(
    term: Tracker, tmp_path: Path
) -> None:
    second_owner(term)
    sheets = _sheets(term, tmp_path / "out")
    fill_in(sheets[KELLY], {"P1-05": ("in progress", "amber", 60, "HR timetable agreed")})
    fill_in(sheets[KIRSTY], {"P3-09": ("in progress", "green", 10, "Hours drafted")})
    assert return_ledger(term, SFB).outstanding == 2
    result = import_returns(term, SFB, [tmp_path / "out"])  # the folder: both sheets
    assert [(f.reporter, f.outcome, f.recorded) for f in result.files] == [
        (KELLY, "recorded", 1), (KIRSTY, "recorded", 1),
    ]  # fmt: skip
    assert result.outstanding == 0
    assert return_ledger(term, SFB).outstanding == 0
    latest = get_action(term, "P1-05", history=1).updates[0]
    assert (latest.recorded_by, latest.progress, latest.rag) == (KELLY, 60, "amber")
    assert get_action(term, "P3-09", history=1).updates[0].recorded_by == KIRSTY


def test_the_same_sheet_imported_again_records_nothing_twice(term: Tracker, tmp_path: Path) -> None:
    sheet = _sheets(term, tmp_path)[KELLY]
    fill_in(sheet, {"P1-05": ("in progress", "amber", 60, "HR timetable agreed")})
    import_returns(term, SFB, [sheet])
    again = import_returns(term, SFB, [sheet])
    assert again.files[0].outcome == "already imported"
    assert "imported on 1 Mar 2026 by Test User (1 recorded): nothing recorded again" in (
        again.files[0].reason
    )
    history = get_action(term, "P1-05", history=None).updates
    assert sum(1 for u in history if u.commentary == "HR timetable agreed") == 1


def test_a_sheet_for_another_board_is_refused_and_the_others_recorded(
    term: Tracker, tmp_path: Path
) -> None:
    ours = _sheets(term, tmp_path / "sfb")[KELLY]
    fill_in(ours, {"P1-05": ("in progress", "amber", 60, "HR timetable agreed")})
    theirs = Path(write_return_sheets(term, LPB, tmp_path / "lpb").sheets[0].file)
    fill_in(theirs, {"P1-03": ("in progress", "amber", 45, "Roadmap back on track")})
    result = import_returns(term, SFB, [theirs, ours])
    assert [f.outcome for f in result.files] == ["refused", "recorded"]
    assert result.files[0].reason == (
        "this sheet is a return to Locality Partnership Board, not to Supporting Families Board"
    )
    assert get_action(term, "P1-03", history=1).updates[0].progress != 45  # nothing from it


def test_a_sheet_for_an_earlier_meeting_is_refused_saying_which(
    term: Tracker, tmp_path: Path
) -> None:
    sheet = _sheets(term, tmp_path)[KELLY]
    fill_in(sheet, {"P1-05": ("in progress", "amber", 60, "HR timetable agreed")})
    later = on_day(term, dt.date(2026, 3, 11))
    record_meeting(later, SFB, dt.date(2026, 3, 10))  # the 10 Mar meeting held: now for 9 Jun
    result = import_returns(later, SFB, [sheet])
    assert result.files[0].outcome == "refused"
    assert "for Supporting Families Board's meeting of 10 Mar 2026" in result.files[0].reason
    assert "now for the meeting of 9 Jun 2026" in result.files[0].reason
    assert get_action(term, "P1-05", history=1).updates[0].commentary != "HR timetable agreed"


def test_a_row_for_an_action_not_on_the_sheet_refuses_the_sheet(
    term: Tracker, tmp_path: Path
) -> None:
    sheet = _sheets(term, tmp_path)[KELLY]
    fill_in(sheet, {"P1-05": ("in progress", "amber", 60, "HR timetable agreed")})
    add_row(sheet, "P2-01")
    result = import_returns(term, SFB, [sheet])
    assert result.files[0].outcome == "refused"
    assert "P2-01 is not one of this return's actions (it asks for P1-05)" in (
        result.files[0].reason
    )
    assert return_ledger(term, SFB).outstanding == 1


def test_an_ordinary_export_sheet_is_not_taken_for_a_return(term: Tracker, tmp_path: Path) -> None:
    export_sheet(term, tmp_path / "all.xlsx")
    result = import_returns(term, SFB, [tmp_path / "all.xlsx"])
    assert result.files[0].outcome == "refused"
    assert "not a return sheet" in result.files[0].reason


def test_send_and_import_from_the_command_line(term: Tracker, tmp_path: Path) -> None:
    runner = CliRunner()
    sent = runner.invoke(cli, ["returns", "send", SFB, "--out", str(tmp_path)])
    assert sent.exit_code == 0, sent.output
    assert "wrote 1 sheet (1 action)" in sent.output
    sheet = next(tmp_path.glob("*.xlsx"))
    fill_in(sheet, {"P1-05": ("in progress", "purple", 60, "HR timetable agreed")})
    bad = runner.invoke(cli, ["returns", "import", SFB, str(tmp_path)])
    assert bad.exit_code == 2
    assert "held back" in bad.output and "unknown RAG 'purple'" in bad.output
    fill_in(sheet, {"P1-05": ("in progress", "amber", 60, "HR timetable agreed")})
    dry = runner.invoke(cli, ["returns", "import", SFB, str(tmp_path), "--dry-run"])
    assert "1 update would be recorded from 1 sheet; 1 return still outstanding" in dry.output
    good = runner.invoke(cli, ["returns", "import", SFB, str(sheet)])
    assert good.exit_code == 0, good.output
    assert "(Kelly White): recorded 1 update" in good.output
    assert "0 returns still outstanding" in good.output


@pytest.mark.parametrize("by", ["team"])
def test_an_unknown_grouping_is_refused(term: Tracker, tmp_path: Path, by: str) -> None:
    from tracker.errors import InvalidInput

    with pytest.raises(InvalidInput, match="grouping: unknown grouping 'team'"):
        write_return_sheets(term, SFB, tmp_path, by=by)


def test_import_refuses_a_missing_file_and_an_empty_folder_in_plain_words(
    term: Tracker, tmp_path: Path
) -> None:
    runner = CliRunner()
    missing = runner.invoke(cli, ["returns", "import", SFB, str(tmp_path / "nope.xlsx")])
    assert missing.exit_code == 2
    assert "refused: no such file" in missing.output
    (tmp_path / "empty").mkdir()
    empty = runner.invoke(cli, ["returns", "import", SFB, str(tmp_path / "empty")])
    assert empty.exit_code == 2
    assert "no .xlsx workbook in" in empty.output


def test_a_copy_of_a_recorded_sheet_saved_again_records_nothing_twice(
    term: Tracker, tmp_path: Path
) -> None:
    sheet = _sheets(term, tmp_path)[KELLY]
    fill_in(sheet, {"P1-05": ("in progress", "amber", 60, "HR timetable agreed")})
    import_returns(term, SFB, [sheet])
    copy = tmp_path / "copy" / sheet.name
    copy.parent.mkdir()
    wb = openpyxl.load_workbook(sheet)
    wb.properties.creator = "Kelly White"  # as Excel stamps whoever saves it
    wb.save(copy)  # the same sheet, saved again: other bytes
    again = import_returns(term, SFB, [copy])
    assert again.files[0].outcome == "nothing to record"
    assert again.files[0].result is not None
    assert [r.reason for r in again.files[0].result.rows] == ["same as current"]
    history = get_action(term, "P1-05", history=None).updates
    assert sum(1 for u in history if u.commentary == "HR timetable agreed") == 1


def test_a_csv_is_refused_as_a_return(term: Tracker, tmp_path: Path) -> None:
    export_sheet(term, tmp_path / "all.csv")
    result = import_returns(term, SFB, [tmp_path / "all.csv"])
    assert result.files[0].outcome == "refused"
    assert "a return sheet is the .xlsx workbook it was sent as" in result.files[0].reason
