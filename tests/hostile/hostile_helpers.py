"""The machinery of the hostile-input corpus (tests/hostile/cases.yaml): build each case's input
files, run the CLI as a user would, and take the database's state before and after.

A case must leave the database exactly as it was (SQLite: the file's bytes, WAL included;
PostgreSQL: every row of every table), exit with the code the issue asks for, name the file,
line or field in its message, and never show a Python traceback. The export test's hostile
texts are in hostile_texts.py."""

from __future__ import annotations

import hashlib
import io
import os
import re
import resource
import sqlite3
import subprocess
import sys
import traceback
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.pool import NullPool

from tracker.cli import cli

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SMALL_PLAN = ROOT / "tests" / "data" / "plans" / "small.yaml"
CASES_FILE = HERE / "cases.yaml"
USER = "Hostile Tester"
TODAY = "2026-03-01"
PASSWORDLIKE = "Hunter2Secret"  # never to be shown in any output
HUGE_TEXT = "over-long " * 100_000  # 1 MB of text: far beyond any title or commentary
CLEAR_ENV = ("TRACKER_CONFIG", "TRACKER_DB_URL", "TRACKER_TODAY")

CASE_KEYS = {
    "name", "about", "issue", "area", "backends", "files", "settings", "env", "pre", "sql",
    "setup", "run", "runner", "timeout", "exit", "says", "not_says", "db", "commentary",
    "unchanged_files", "absent_files",
}  # fmt: skip


def load_cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = yaml.safe_load(CASES_FILE.read_text("utf-8"))
    names = [c["name"] for c in cases]
    assert len(names) == len(set(names)), "case names must be unique"
    for case in cases:
        unknown = set(case) - CASE_KEYS
        assert not unknown, f"{case['name']}: unknown keys {sorted(unknown)}"
    return cases


def settings_text(db_url: str, folder: Path) -> str:
    return (
        f'[database]\nurl = "{db_url}"\n\n'
        f'[plans]\nload = ["{SMALL_PLAN}"]\n\n'
        f'[papers]\ntemplates = "{folder / "templates"}"\noutput = "{folder / "papers"}"\n\n'
        f'[user]\nname = "{USER}"\n\n'
        f'[clock]\ntoday = "{TODAY}"\n'
    )


# --- running the CLI --------------------------------------------------------------------------


@dataclass
class Outcome:
    exit_code: int
    output: str  # stdout and stderr together
    traceback: str | None  # an unhandled exception (in-process) or "Traceback" in the output


def run_cli(args: list[str], env: dict[str, str | None]) -> Outcome:
    """In-process, as the `tracker` command (click's CliRunner); stdout and stderr together."""
    result = CliRunner().invoke(cli, args, env=env)
    output = result.output
    tb = None
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        assert result.exc_info is not None
        tb = "".join(traceback.format_exception(*result.exc_info))
    elif "Traceback (most recent call last)" in output:
        tb = output
    return Outcome(result.exit_code, output, tb)


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    one_gb = 1024**3  # far above a normal run; keeps a runaway from starving a shared machine
    resource.setrlimit(resource.RLIMIT_AS, (one_gb, one_gb))


def run_process(args: list[str], env: dict[str, str | None], cwd: Path, timeout: float) -> Outcome:
    """A separate `python -m tracker` (memory capped at 1 GB): for inputs that might hang or
    blow up the process. Not finishing in `timeout` seconds is a failure (the issue asks for a
    bounded time); the timeout is a guard against a hang, set far above a normal run."""
    full_env = {k: v for k, v in os.environ.items() if k not in CLEAR_ENV}
    full_env.update({k: v for k, v in env.items() if v is not None})
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "tracker", *args],
            cwd=cwd,
            env=full_env,
            capture_output=True,
            timeout=timeout,
            preexec_fn=_limit_memory,
        )
    except subprocess.TimeoutExpired as exc:
        out = (exc.stdout or b"") + (exc.stderr or b"")
        return Outcome(-1, f"[did not finish in {timeout:.0f}s]\n" + out.decode(errors="replace"),
                       None)  # fmt: skip
    output = (proc.stdout + proc.stderr).decode("utf-8", errors="replace")
    tb = output if "Traceback (most recent call last)" in output else None
    return Outcome(proc.returncode, output, tb)


# --- database state ---------------------------------------------------------------------------


def sqlite_bytes_hash(path: Path) -> str:
    """The database file's bytes, with its WAL when that holds anything (uncheckpointed writes)."""
    h = hashlib.sha256(path.read_bytes())
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size:
        h.update(b"--wal--" + wal.read_bytes())
    return h.hexdigest()


def checkpoint_sqlite(path: Path) -> None:
    """Fold the WAL into the file, so the file alone is the database (taken before a case)."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()


def table_rows(url: str) -> dict[str, list[str]]:
    """Every row of every table, ordered by all its columns: the same data, the same result."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            out: dict[str, list[str]] = {}
            found = inspect(conn)
            for name in sorted(found.get_table_names()):
                # by primary key; else by every column as text (json has no ordering)
                key = found.get_pk_constraint(name).get("constrained_columns") or [
                    c["name"] for c in found.get_columns(name)
                ]
                order = ", ".join(f'CAST("{c}" AS TEXT)' for c in key)
                rows = conn.execute(text(f'SELECT * FROM "{name}" ORDER BY {order}'))
                out[name] = [repr(tuple(r)) for r in rows]
            return out
    finally:
        engine.dispose()


def rows_hash(rows: dict[str, list[str]]) -> str:
    return hashlib.sha256(repr(sorted(rows.items())).encode()).hexdigest()


def changed_tables(before: dict[str, list[str]], after: dict[str, list[str]]) -> list[str]:
    return sorted(t for t in set(before) | set(after) if before.get(t) != after.get(t))


def file_hash(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


# --- input files ------------------------------------------------------------------------------


def edited_plan(edits: list[list[str]], append: str = "") -> str:
    """small.yaml with each (old, new) applied; each old text must occur exactly once."""
    source = SMALL_PLAN.read_text("utf-8")
    for old, new in edits:
        assert source.count(old) == 1, f"plan edit {old!r} occurs {source.count(old)} times"
        source = source.replace(old, new)
    return source + append


def _csv_table(path: Path) -> list[list[str]]:
    import csv

    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def filled_csv(base: Path, spec: dict[str, Any]) -> bytes:
    """The exported CSV with cells set by ref and header, written as Excel would."""
    import csv

    rows = _csv_table(base)
    at = {h: i for i, h in enumerate(rows[0])}
    for row in rows[1:]:
        for header, value in spec.get("cells", {}).get(row[0], {}).items():
            row[at[header]] = str(value)
    for _ in range(int(spec.get("extra_rows", 0))):
        rows.append(list(rows[-1]))
    buf = io.StringIO(newline="")
    csv.writer(buf, delimiter=spec.get("delimiter", ",")).writerows(rows)
    body = buf.getvalue()
    encoding = spec.get("encoding", "utf-8-sig")
    return body.encode(encoding, errors="strict")


def filled_xlsx(base: Path, spec: dict[str, Any], dst: Path) -> None:
    """The exported workbook with cells set (values, formulas, Excel-escaped control
    characters `_x000C_`), extra rows, or a sheet padded into a zip bomb."""
    import openpyxl

    wb = openpyxl.load_workbook(base)
    ws = wb.worksheets[0]
    at = {c.value: c.column for c in ws[1]}
    rows = {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1)}
    placeholders: dict[str, str] = {}
    for ref, cells in spec.get("cells", {}).items():
        for header, value in cells.items():
            if isinstance(value, str) and any(ord(ch) < 32 and ch not in "\t\n" for ch in value):
                # openpyxl refuses to write control characters; Excel writes them as _xHHHH_
                key = f"HOSTILEPLACEHOLDER{len(placeholders)}"
                placeholders[key] = "".join(
                    f"_x{ord(ch):04X}_" if ord(ch) < 32 and ch not in "\t\n" else ch for ch in value
                )
                value = key
            ws.cell(rows[ref], at[header], value)
    for ref, cells in spec.get("formula", {}).items():
        for header, value in cells.items():
            cell = ws.cell(rows[ref], at[header])
            cell.value = value  # a string starting with "=" is stored as a formula
            assert cell.data_type == "f"
    extra = int(spec.get("extra_rows", 0))
    if extra:
        last = [c.value for c in ws[ws.max_row]]
        for _ in range(extra):
            ws.append(last)
    wb.save(dst)
    if placeholders or spec.get("zip_bomb_mb"):
        _rewrite_xlsx(dst, placeholders, int(spec.get("zip_bomb_mb", 0)))


def _rewrite_xlsx(path: Path, placeholders: dict[str, str], pad_mb: int) -> None:
    src = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.endswith(".xml"):
                for key, value in placeholders.items():
                    data = data.replace(key.encode(), value.encode())
            if pad_mb and info.filename == "xl/worksheets/sheet1.xml":
                # whitespace inside the sheet: tiny compressed, pad_mb megabytes expanded
                head, sep, tail = data.partition(b"<sheetData>")
                with out.open(info.filename, "w", force_zip64=True) as fh:
                    fh.write(head + sep)
                    chunk = b" " * (1024 * 1024)
                    for _ in range(pad_mb):
                        fh.write(chunk)
                    fh.write(tail)
                continue
            out.writestr(info.filename, data)


def foreign_sqlite(path: Path) -> None:
    """A SQLite file of somebody else's: a table of theirs, in rollback-journal mode."""
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("INSERT INTO contacts (name) VALUES ('Ada'), ('Grace')")
    con.commit()
    con.close()


@dataclass
class Workspace:
    """One case's world: its folder, its settings file and its database."""

    backend: str
    folder: Path
    db_url: str
    sqlite_file: Path | None
    sheets: dict[str, Path]  # base.csv / base.xlsx exported from the loaded database
    env: dict[str, str | None] = field(default_factory=dict)
    texts: list[str] = field(default_factory=list)  # the hostile texts loaded (export test)

    def fill(self, value: str) -> str:
        return (
            value.replace("{tmp}", str(self.folder))
            .replace("{db_url}", self.db_url)
            .replace("{small_plan}", str(SMALL_PLAN))
            .replace("{password}", PASSWORDLIKE)
            .replace("{huge}", HUGE_TEXT)
        )


def make_file(ws: Workspace, name: str, spec: Any) -> None:
    path = ws.folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(spec, str):
        spec = {"text": spec}
    if "text" in spec:
        encoding = spec.get("encoding", "utf-8")
        path.write_bytes(ws.fill(spec["text"]).encode(encoding))
    elif "bytes" in spec:  # \xNN escapes in YAML, one byte each
        path.write_bytes(spec["bytes"].encode("latin-1"))
    elif "plan" in spec:
        body = ws.fill(edited_plan(spec["plan"].get("edits", []), spec["plan"].get("append", "")))
        path.write_bytes(body.encode(spec.get("encoding", "utf-8")))
    elif "csv" in spec:
        path.write_bytes(filled_csv(ws.sheets["csv"], spec["csv"]))
    elif "xlsx" in spec:
        filled_xlsx(ws.sheets["xlsx"], spec["xlsx"], path)
    elif "repeat" in spec:  # a long file: `line` repeated `times`
        with path.open("w", encoding="utf-8", newline="") as fh:
            fh.write(ws.fill(spec.get("head", "")))
            fh.write(ws.fill(spec["repeat"]) * int(spec["times"]))
    elif spec.get("dir"):
        path.mkdir()
    elif "symlink" in spec:
        path.symlink_to(ws.fill(spec["symlink"]))
    elif spec.get("foreign_sqlite"):
        foreign_sqlite(path)
    else:
        raise AssertionError(f"unknown file spec for {name}: {spec}")


def all_match(patterns: list[str], output: str) -> list[str]:
    """The patterns (regular expressions, any case) the output does not match."""
    return [p for p in patterns if not re.search(p, output, re.IGNORECASE | re.DOTALL)]
