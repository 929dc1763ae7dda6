"""Five action-log layouts of the kinds councils and partnerships publish, built as workbooks
(and a CSV) for the onboarding tests. Invented actions; the layouts and the words follow
published logs and progress reports:

- a parish council's action log with Open / In Progress / Closed
  (https://www.aldworth-pc.gov.uk/action-log);
- a council plan action plan rated green / amber / red
  (https://www.rbkc.gov.uk/council-councillors-and-democracy/how-council-works/council-plan-action-plan-2025-2027/tracking-and-monitoring-progress);
- key action plan progress reports: achieved, on target, under control, behind schedule,
  pending (http://rds.eppingforestdc.gov.uk/ieIssueDetails.aspx?IId=58193&Opt=3) and achieved,
  on target, revised completion date, suspended, deleted
  (https://democracy.eastherts.gov.uk/ieIssueDetails.aspx?IId=9858&J=1&Opt=3);
- safeguarding partnership minutes' action trackers: Lead / Action / By when / Progress / RAG.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill

RED, AMBER, GREEN, BLUE = "FF0000", "FFC000", "00B050", "0070C0"


def _fill(colour: str) -> PatternFill:
    return PatternFill("solid", fgColor=colour)


def lead_action_by_when(folder: Path) -> Path:
    """Lead / Action / By when / Progress / RAG: RAG as text, dates typed as text."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Actions"
    ws.append(["Lead", "Action", "By when", "Progress", "RAG"])
    ws.append(
        [
            "Head of Early Help",
            "Publish the early help offer on the local offer website",
            "31/03/2026",
            "Draft with comms team",
            "Green",
        ]
    )
    ws.append(
        [
            "Siân Evans",
            "Agree the partnership's data sharing protocol",
            "March 2026",
            "Legal review outstanding",
            "A",
        ]
    )
    ws.append(
        [
            "Police Inspector",
            "Brief neighbourhood teams on the new referral route",
            "Ongoing",
            "Not yet started",
            "R",
        ]
    )
    ws.append(
        ["Head of Early Help", "Report attendance data to the board", "30.6.26", None, "Amber"]
    )
    path = folder / "lead-action.xlsx"
    wb.save(path)
    return path


def rag_as_colour(folder: Path) -> Path:
    """A title above the header, Excel dates, status Open / In Progress / Closed, and the RAG
    kept only as the colour of the cell."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Log"
    ws["A1"] = "Early Help Partnership: action log"
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([])
    ws.append(["Action No.", "Action", "Owner", "Due date", "Status", "RAG", "Update"])
    rows = [
        (
            "EH1",
            "Recruit two family hub coordinators",
            "Amy Archer",
            dt.datetime(2026, 4, 30),
            "In Progress",
            GREEN,
            "Interviews booked",
        ),
        (
            "EH2",
            "Launch the parenting programme",
            "Ben Brown",
            dt.datetime(2026, 2, 28),
            "In Progress",
            RED,
            "Venue fell through",
        ),
        (
            "EH3",
            "Review the request for support form",
            "Amy Archer",
            dt.datetime(2025, 12, 1),
            "Closed",
            BLUE,
            "Done and live",
        ),
        (
            "EH4",
            "Map the voluntary sector offer",
            None,
            dt.datetime(2026, 9, 30),
            "Open",
            AMBER,
            None,
        ),
    ]
    for ref, action, owner, due, status, colour, update in rows:
        ws.append([ref, action, owner, due, status, None, update])
        ws.cell(ws.max_row, 6).fill = _fill(colour)
        ws.cell(ws.max_row, 4).number_format = "dd/mm/yyyy"
    path = folder / "rag-colour.xlsx"
    wb.save(path)
    return path


def merged_headers(folder: Path) -> Path:
    """A two-row header with merged cells (Progress over Update and RAG), section headings
    merged across the table, and updates over several lines."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Tracker"
    ws["A1"] = "Supporting Families Board: actions from meetings"
    ws.append([])
    ws.append(["Ref", "Action", "Lead officer", "Timescale", "Progress", None])
    ws.append([None, None, None, None, "Update", "RAG"])
    for cells in ("A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:F3"):
        ws.merge_cells(cells)
    ws.append(["Priority 1: Early identification", None, None, None, None, None])
    ws.merge_cells(start_row=5, start_column=1, end_row=5, end_column=6)
    ws.append(
        [
            "1.1",
            "Train school staff in the early help assessment",
            "Locality Manager",
            dt.datetime(2026, 7, 31),
            "Two sessions held.\nThird booked for June.\nFeedback good.",
            "Green",
        ]
    )
    ws.append(
        [
            "1.2",
            "Add early help to the health visitor checklist",
            "Ben Brown",
            dt.datetime(2026, 5, 31),
            "Awaiting ICB sign-off",
            "Amber",
        ]
    )
    ws.append(["Priority 2: Family hubs", None, None, None, None, None])
    ws.merge_cells(start_row=8, start_column=1, end_row=8, end_column=6)
    ws.append(
        [
            "2.1",
            "Open the second family hub",
            "Head of Service",
            "Q3 2026",
            "Building works started",
            "Green",
        ]
    )
    for row in ws.iter_rows(min_row=6):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True)
    path = folder / "merged.xlsx"
    wb.save(path)
    return path


def progress_report_csv(folder: Path) -> Path:
    """A key-action progress report saved as CSV from Excel on Windows (Windows-1252):
    Achieved / On target / Behind schedule / Deleted, % complete, dates as words."""
    text = (
        "Ref,Recommendation,Responsible Officer,Target Date,Status,% Complete,Comments\r\n"
        "KA1,Publish the early help strategy,Director of Children's Services,31st March 2026,"
        "Achieved,100%,Published in March\r\n"
        "KA2,Consult families on the hub offer,Siân Evans,Q2 2026,On target,40%,"
        '"Survey live; 120 replies"\r\n'
        "KA3,Commission a youth outreach service,Head of Commissioning,Sept 2026,"
        "Behind schedule,20%,Tender delayed\r\n"
        "KA4,Pilot text reminders,Head of Service,TBC,Deleted,0%,No longer required\r\n"
        "KA5,Evaluate the pilot,Head of Service,30/02/2026,Pending,abc,\r\n"
    )
    path = folder / "progress.csv"
    path.write_bytes(text.encode("cp1252"))
    return path


def second_sheet(folder: Path) -> Path:
    """A cover sheet first; the log on its own sheet with a Board column, extra columns the
    tracker has no field for, Excel serial numbers typed as numbers, and an unknown RAG."""
    wb = openpyxl.Workbook()
    cover = wb.active
    assert cover is not None
    cover.title = "Cover"
    cover["A1"] = "Children First Board"
    cover["A2"] = "Action log, updated monthly"
    ws = wb.create_sheet("Action Log")
    ws.append(
        [
            "ID",
            "Sub-group",
            "Description",
            "Owner",
            "Date raised",
            "Due",
            "RAG status",
            "Source",
            "Latest update",
        ]
    )
    ws.append(
        [
            1,
            "Supporting Families Board",
            "Refresh the outcomes framework",
            "Amy Archer",
            dt.datetime(2025, 10, 2),
            46112,
            "G",
            "Board 2 Oct 2025",
            "Draft circulated",
        ]
    )
    ws.append(
        [
            2,
            "Locality Partnership Board",
            "Run a locality needs workshop",
            "Amy Archer",
            dt.datetime(2025, 11, 6),
            46150,
            "Purple",
            "Board 6 Nov 2025",
            None,
        ]
    )
    ws.append(
        [
            3,
            "Supporting Families Board",
            "Agree the data dashboard",
            "Ben Brown",
            None,
            "tbc",
            "red",
            None,
            "Supplier issue",
        ]
    )
    path = folder / "two-sheets.xlsx"
    wb.save(path)
    return path


LAYOUTS = (lead_action_by_when, rag_as_colour, merged_headers, progress_report_csv,
           second_sheet)  # fmt: skip
