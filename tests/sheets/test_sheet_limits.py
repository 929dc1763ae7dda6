"""Sheets past the limits of tracker.toml's [sheets] are refused whole, quickly, naming the
limit; a failed export leaves the previous file whole. On SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import re
import resource
import signal
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import openpyxl
from sheet_helpers import export, read_csv, run, snapshot

from tracker.services.actions.updates import record_update
from tracker.services.context import Tracker

MB = 1 << 20


def _zip(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip archive from (name, raw deflate data, crc, uncompressed size), as any zip tool
    writes one: local headers, then the central directory."""
    body, directory = b"", b""
    for name, data, crc, size in entries:
        raw = name.encode()
        offset = len(body)
        body += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), size,
                            len(raw), 0) + raw + data  # fmt: skip
        directory += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc,
                                 len(data), size, len(raw), 0, 0, 0, 0, 0, offset) + raw  # fmt: skip
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(directory),
                      len(body), 0)  # fmt: skip
    return body + directory + end


def _deflate(data: bytes) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def zip_bomb(workbook: Path, target: Path, megabytes: int) -> Path:
    """`workbook` with its sheet's XML padded to `megabytes` MiB of spaces: about a thousandth
    of that on disk. Each MiB is one deflate block after a full flush, so the same bytes repeat
    (a real, valid archive, built in a moment)."""
    entries = []
    with zipfile.ZipFile(workbook) as z:
        for info in z.infolist():
            data = z.read(info.filename)
            if info.filename != "xl/worksheets/sheet1.xml":
                entries.append((info.filename, _deflate(data), zlib.crc32(data), len(data)))
                continue
            cut = data.index(b"<sheetData>") + len(b"<sheetData>")
            head, tail = data[:cut], data[cut:]
            chunk = b" " * MB
            c = zlib.compressobj(9, zlib.DEFLATED, -15)
            start = c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)
            block = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
            stream = start + block * megabytes + c.compress(tail) + c.flush()
            crc = zlib.crc32(head)
            for _ in range(megabytes):
                crc = zlib.crc32(chunk, crc)
            crc = zlib.crc32(tail, crc)
            entries.append((info.filename, stream, crc, len(head) + megabytes * MB + len(tail)))
    target.write_bytes(_zip(entries))
    return target


def test_the_zip_bomb_builder_makes_a_real_workbook(sheet_plan: Tracker, tmp_path: Path) -> None:
    small = zip_bomb(export(tmp_path / "r.xlsx"), tmp_path / "small.xlsx", 2)
    with zipfile.ZipFile(small) as z:
        assert z.testzip() is None  # every checksum right
    ws = openpyxl.load_workbook(small, read_only=True)["Actions"]
    assert [c.value for c in next(ws.iter_rows(max_row=1))][:2] == ["Ref", "Title"]
    result = run("actions", "import-sheet", small)
    assert result.exit_code == 0, result.output  # 2 MiB is fine


def test_a_zip_bomb_is_refused_before_it_is_unpacked(sheet_plan: Tracker, tmp_path: Path) -> None:
    bomb = zip_bomb(export(tmp_path / "r.xlsx"), tmp_path / "bomb.xlsx", 1024)  # 1 GiB of XML
    assert bomb.stat().st_size < 2 * MB
    before = snapshot(sheet_plan)
    result = run("actions", "import-sheet", bomb)
    assert result.exit_code == 2, result.output
    out = " ".join(result.output.split())
    assert re.search(
        r"the workbook expands to 1,07\d\.\d MB uncompressed: more than the 200 MB a sheet may "
        r"hold \(setting sheets\.max_megabytes in tracker\.toml\)",
        out,
    )
    assert snapshot(sheet_plan) == before


def _limits(settings_file: Path, **limits: int | str) -> None:
    text = "".join(f"{k} = {v!r}\n" if isinstance(v, str) else f"{k} = {v}\n"
                   for k, v in limits.items())  # fmt: skip
    with settings_file.open("a", encoding="utf-8") as fh:
        fh.write("\n[sheets]\n" + text)


def test_rows_columns_and_cell_size_are_bounded(
    sheet_plan: Tracker, settings_file: Path, tmp_path: Path
) -> None:
    sheet = export(tmp_path / "r.csv")
    xlsx = export(tmp_path / "r.xlsx")
    _limits(settings_file, max_rows=5, max_columns=16, max_cell_characters=100)
    before = snapshot(sheet_plan)

    result = run("actions", "import-sheet", sheet)  # a header and five actions: six rows
    assert result.exit_code == 2
    assert "more than 5 rows (setting sheets.max_rows in tracker.toml)" in result.output
    result = run("actions", "import-sheet", xlsx)
    assert result.exit_code == 2
    assert "sheet Actions, more than 5 rows (setting sheets.max_rows" in result.output

    rows = read_csv(sheet)[:5]
    rows[2] += ["", "a note in column Q"]
    rows[3][13] = "x" * 101  # Commentary
    for name, cut in (("wide", 3), ("long", 4)):
        with (tmp_path / f"{name}.csv").open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows(rows[:cut] if name == "wide" else [rows[0], rows[3]])
    result = run("actions", "import-sheet", tmp_path / "wide.csv")
    assert result.exit_code == 2
    assert "row 3 has 17 columns: more than 16 (setting sheets.max_columns" in result.output
    result = run("actions", "import-sheet", tmp_path / "long.csv")
    assert result.exit_code == 2
    out = " ".join(result.output.split())
    assert "row 2, column N: 101 characters in one cell, more than 100 (setting " in out
    assert "sheets.max_cell_characters in tracker.toml)" in out
    assert snapshot(sheet_plan) == before


def test_the_default_limits(sheet_plan: Tracker, tmp_path: Path) -> None:
    header = ",".join(read_csv(export(tmp_path / "r.csv"))[0])
    many = tmp_path / "many.csv"
    many.write_text(header + "\n" + "S-01\n" * 100_000, encoding="utf-8")
    result = run("actions", "import-sheet", many)
    assert result.exit_code == 2
    assert "more than 100,000 rows (setting sheets.max_rows" in result.output
    for size, message in (
        (40_000, "row 2, column A: 40,000 characters in one cell, more than 32,767"),
        (200_000, "row 2: a cell of more than 32,767 characters"),  # past csv's own limit
    ):
        big = tmp_path / f"big-{size}.csv"
        big.write_text(header + "\n" + "x" * size + "\n", encoding="utf-8")
        result = run("actions", "import-sheet", big)
        assert result.exit_code == 2
        assert message in " ".join(result.output.split())


def test_sheet_limits_in_the_settings_are_checked(
    sheet_plan: Tracker, settings_file: Path, tmp_path: Path
) -> None:
    sheet = export(tmp_path / "r.csv")
    original = settings_file.read_text(encoding="utf-8")
    for limits, message in (
        ({"max_rows": 0}, "setting sheets.max_rows must be a whole number of at least 1, got 0"),
        ({"max_columns": "ten"}, "setting sheets.max_columns must be a whole number, got 'ten'"),
        ({"max_sheets": 3}, "unknown setting sheets.max_sheets (allowed: sheets.max_rows, "),
    ):
        settings_file.write_text(original, encoding="utf-8")
        _limits(settings_file, **limits)
        result = run("actions", "import-sheet", sheet)
        assert result.exit_code == 2
        assert message in result.output


def _export_with_file_size_limit(target: Path, limit: int) -> subprocess.CompletedProcess[str]:
    """export-sheet in a process that may write no file past `limit` bytes: its write fails
    with EFBIG, as on a full disk."""

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # fail the write, do not kill

    return subprocess.run(
        [sys.executable, "-m", "tracker", "actions", "export-sheet", str(target)],
        capture_output=True, text=True, preexec_fn=limited, check=False, timeout=120,
    )  # fmt: skip


def test_a_failed_export_leaves_the_previous_sheet_whole(
    sheet_plan: Tracker, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    # 600 bytes: openpyxl's own temporary worksheet file fails first; 5,000: the workbook's
    # (about 7 kB) write beside the target fails
    for name, limit in (("return.xlsx", 600), ("return.xlsx", 5_000), ("return.csv", 600)):
        target = folder / name
        if not target.exists():
            export(target)
        before = target.read_bytes()
        assert len(before) > limit
        record_update(sheet_plan, "S-03", progress=limit % 90 + 1, by="Amy Archer")
        result = _export_with_file_size_limit(target, limit)
        assert result.returncode == 2, result.stdout + result.stderr
        assert "cannot write: File too large; the previous file (if any) is unchanged" in (
            result.stderr
        )
        assert target.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["return.csv", "return.xlsx"]


def test_a_temporary_left_by_a_killed_export_is_removed(
    sheet_plan: Tracker, tmp_path: Path
) -> None:
    # what `kill -9` during an export leaves (no handler runs then); SIGTERM cleans up itself
    folder = tmp_path / "out"
    folder.mkdir()
    stray = folder / ".return.xlsx.k1ll3d.tracker-tmp"
    stray.write_bytes(b"PK\x03\x04 half a workbook")
    export(folder / "return.xlsx")
    assert sorted(p.name for p in folder.iterdir()) == ["return.xlsx"]
