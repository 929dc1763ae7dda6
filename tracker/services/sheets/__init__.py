"""The spreadsheet round trip: export the register for owners to fill in, import what they
return as status updates. openpyxl is imported only when an .xlsx file is read or written."""

from tracker.services.sheets.export import ExportResult, export_sheet
from tracker.services.sheets.importer import OUTCOMES, ImportResult, RowResult, import_sheet

__all__ = ["OUTCOMES", "ExportResult", "ImportResult", "RowResult", "export_sheet", "import_sheet"]
