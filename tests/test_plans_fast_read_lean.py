"""The lean reading of a plan (`fast_read.parse_lean`: turboyaml, the status updates' dates left
as text for the plan check to make) gives the same plan, or the same refusals, as PyYAML's
reading: for many values in every field of a status update, plain and quoted, and for the
generated benchmark plan, which takes the lean road."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tracker.errors import InvalidInput
from tracker.plans import fast_read, load_plan
from tracker.plans.reader import Loader
from tracker.plans.schema import validate

ROOT = Path(__file__).resolve().parents[1]
SMALL = ROOT / "tests" / "data" / "plans" / "small.yaml"
FIRST = (
    "      - at: 2024-06-01T09:00:00\n        by: Pat Manager\n        status: in progress\n"
    "        rag: green\n        progress: 10\n        commentary: Started.\n"
)
FIELDS = {"at": "2024-06-01T09:00:00", "by": "Pat Manager", "status": "in progress",
          "rag": "green", "progress": "10", "commentary": "Started."}  # fmt: skip
VALUES = [
    "2024-06-01T09:00:00", "2024-06-01T09:00:00.5", "2024-06-01T09:00:00.123456",
    "2024-06-01T09:00:00Z", "2024-06-01T09:00:00+01:00", "2024-06-01", "2024-06-01T25:00:00",
    "2025-02-30T09:00:00", "2024-6-1T09:00:00", "2024-06-01 09:00:00", "2024-06-01t09:00:00",
    "2024-06-01T9:00:00", "2024-06-01T09:00", "20240601T090000", "2024-W22-6", "+2024-06-01",
    "2024-06-01T09:00:00.1234567", "Pat Manager", "pat", "2024", "2024-", "2024-06-01 report",
    "in progress", "complete", "green", "red", "yes", "no", "~", "null", "10", "100", "101",
    "-1", "1e3", "012", "0x1F", "10.5", "true", "Started.", "", "[]", "{}", "[2024-06-01]",
    "{a: 2024-06-01}", "'2024-06-01'", '"2024-06-01T09:00:00"', "'x'", "a: b",
]  # fmt: skip


def _base() -> str:
    # quoted, a date sends the whole file to PyYAML: plain, it reads the same
    text = re.sub(r'"([0-9]{4}-[0-9]{2}-[0-9]{2}(?:T[0-9:]{8})?)"', r"\1",
                  SMALL.read_text(encoding="utf-8"))  # fmt: skip
    assert FIRST in text
    return text


def _outcome(read: object) -> object:
    doc, issues = validate(read)
    return doc if doc is not None else sorted(issues, key=repr)


def _exact(text: str) -> object:
    try:
        data = yaml.load(text, Loader=Loader)  # noqa: S506 - the tracker's safe loader
    except yaml.YAMLError:
        return "refused"
    return _outcome(data)


def _lean(text: str) -> tuple[object, bool]:
    """What the loader makes of the text on its lean road, and whether it stayed on it."""
    try:
        read = fast_read.parse_lean(text)
    except fast_read.Unsure:
        return _exact(text), False
    if not isinstance(read, fast_read.Lean):
        return _outcome(read), False
    try:
        doc, issues = validate(read.data, lean=True)
    except fast_read.Unsure:
        return _exact(text), False  # the loader reads it again exactly
    return (doc if doc is not None else sorted(issues, key=repr)), True


def test_the_base_plan_takes_the_lean_road() -> None:
    text = _base()
    got, lean = _lean(text)
    assert lean
    assert got == _exact(text)


@pytest.mark.parametrize("field", list(FIELDS))
def test_every_value_of_an_update_field_reads_as_pyyaml_reads_it(field: str) -> None:
    base = _base()
    lean_taken = 0
    wrong = []
    for value in VALUES:
        for written in (value, f'"{value}"', f"'{value}'"):
            update = FIRST.replace(f"{field}: {FIELDS[field]}\n", f"{field}: {written}\n")
            text = base.replace(FIRST, update)
            got, lean = _lean(text)
            lean_taken += lean
            if got != _exact(text):
                wrong.append((field, written))
    assert not wrong, wrong
    assert lean_taken >= 1  # its ordinary values stay on the lean road


def test_a_date_as_a_commentary_is_refused_as_before(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    update = FIRST.replace("commentary: Started.\n", "commentary: 2024-06-01\n")
    path.write_text(_base().replace(FIRST, update), encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        load_plan(path)
    problem = caught.value.problems[0]
    assert "expected text, got a date" in problem.message
    assert problem.line == 153


def test_the_generated_benchmark_plan_takes_the_lean_road_and_reads_the_same(
    tmp_path: Path,
) -> None:
    out = tmp_path / "plan.yaml"
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--actions", "300",
         "--updates", "3000", "--resolutions", "60", "--out", str(out)],
        check=True, capture_output=True,
    )  # fmt: skip
    text = out.read_text(encoding="utf-8")
    got, lean = _lean(text)
    assert lean
    assert got == _exact(text)
    assert load_plan(out).doc == got
