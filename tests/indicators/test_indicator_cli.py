"""`tracker indicators list|add|record` as a user types them, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner, Result
from sqlalchemy import func, select

from tracker.cli import cli
from tracker.models import Indicator, IndicatorReading
from tracker.services.context import Tracker


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def stored(t: Tracker) -> tuple[int, int]:
    with t.db.reading() as s:
        return (
            s.execute(select(func.count()).select_from(Indicator)).scalar_one(),
            s.execute(select(func.count()).select_from(IndicatorReading)).scalar_one(),
        )


def test_list_shows_the_seed_figures(loaded: Tracker) -> None:
    result = run("indicators", "list")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split()[:4] == ["CODE", "OUTCOME", "LATEST", "AS_OF"]
    eyfs = next(line for line in lines if line.startswith("eyfs-not-expected-level"))
    assert "26%" in eyfs and "no target" in eyfs and "improving" in eyfs
    schools = next(line for line in lines if line.startswith("referrals-schools"))
    assert "43%" in schools and "as reported to the committee (undated)" in schools
    assert "5 indicators" in result.output

    data = json.loads(run("indicators", "list", "--format", "json").stdout)
    eyfs_json = next(d for d in data if d["code"] == "eyfs-not-expected-level")
    assert [r["value"] for r in eyfs_json["readings"]] == [50, 26]
    assert eyfs_json["readings"][0]["period"] == "four years ago"

    rows = list(csv.DictReader(io.StringIO(run("indicators", "list", "--format", "csv").stdout)))
    assert {r["code"]: r["latest"] for r in rows}["referrals-police"] == "15.0"

    result = run("indicators", "list", "--outcome", "early-years")
    assert [line.split()[0] for line in result.stdout.splitlines()[1:]] == [
        "eyfs-not-expected-level"
    ]


def test_add_and_record_then_off_target(loaded: Tracker) -> None:
    result = run(
        "indicators", "add", "eyfs-good-level", "--name", "Good level of development",
        "--unit", "percent", "--outcome", "early-years", "--board", "supporting-families-board",
        "--target", "70", "--direction", "higher", "--frequency", "annual",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "added eyfs-good-level" in result.output and "target 70%" in result.output
    assert (
        run("indicators", "record", "eyfs-good-level", "68", "--date", "2024-09-01").exit_code == 0
    )
    result = run("indicators", "record", "eyfs-good-level", "65%", "--period", "2025/26 autumn",
                 "--note", "provisional")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "recorded eyfs-good-level: 65% for 2025/26 autumn" in result.output
    assert "off target, worsening" in result.output
    result = run("indicators", "list", "--off-target")
    assert [line.split()[0] for line in result.stdout.splitlines()[1:]] == ["eyfs-good-level"]
    assert "70% or more" in result.stdout


def test_bad_input_exits_2_and_changes_nothing(loaded: Tracker) -> None:
    before = stored(loaded)
    result = run("indicators", "record", "no-such", "12")
    assert result.exit_code == 2
    assert "unknown indicator 'no-such'" in result.output
    assert "eyfs-not-expected-level" in result.output  # the allowed codes
    result = run("indicators", "record", "referrals-self", "twelve", "--date", "2030-01-01")
    assert result.exit_code == 2
    assert "value: 'twelve' is not a number" in result.output
    assert "date: 2030-01-01 is in the future" in result.output
    result = run("indicators", "add", "x", "--name", "X", "--outcome", "happiness")
    assert result.exit_code == 2
    assert "unknown outcome 'happiness'" in result.output and "early-years" in result.output
    result = run("indicators", "add", "x", "--name", "X", "--direction", "up")
    assert result.exit_code == 2  # click refuses the choice
    result = run("indicators", "list", "--board", "nope")
    assert result.exit_code == 2 and "--board: unknown board 'nope'" in result.output
    assert stored(loaded) == before


def test_help_has_examples(settings_file: object) -> None:
    for command in ("list", "add", "record"):
        result = run("indicators", command, "--help")
        assert result.exit_code == 0
        assert "Examples:" in result.output
    assert "indicators" in run("--help").output
