"""Managing indicators on SQLite and PostgreSQL: targets, ranges, direction, unit and frequency
set from the CLI; readings checked against their unit, corrected and deleted with audit; a
reading overdue for its frequency marked."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import func, select

from tracker.cli import cli
from tracker.errors import InvalidInput, NotFound
from tracker.models import AuditEntry, IndicatorReading
from tracker.services.context import Tracker
from tracker.services.indicators import get_indicator, record_reading
from tracker.services.indicators.manage import delete_reading, edit_reading, set_indicator

EYFS = "eyfs-not-expected-level"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def counts(t: Tracker) -> tuple[int, int]:
    with t.db.reading() as s:
        return (
            s.execute(select(func.count()).select_from(IndicatorReading)).scalar_one(),
            s.execute(select(func.count()).select_from(AuditEntry)).scalar_one(),
        )


def test_a_target_set_from_the_cli_puts_the_shipped_indicator_on_or_off_target(
    loaded: Tracker,
) -> None:
    assert get_indicator(loaded, EYFS).status == "no target"
    out = run("indicators", "set", EYFS, "--target", "20", "--direction", "lower",
              "--unit", "percent", "--frequency", "Annual")  # fmt: skip
    assert out.exit_code == 0, out.output
    assert "target 20%, lower" in out.stdout and "off target" in out.stdout  # latest is 26%
    row = get_indicator(loaded, EYFS)
    assert (row.target, row.direction, row.unit, row.frequency) == (
        20,
        "lower",
        "percent",
        "annual",
    )
    # a range: on target inside it, and the change is audited
    ranged = run("indicators", "set", "referrals-schools", "--range", "35-45")
    assert ranged.exit_code == 0, ranged.output
    schools = get_indicator(loaded, "referrals-schools")
    assert (schools.target, schools.target_max, schools.direction) == (35, 45, "within")
    assert schools.target_text() == "35% to 45%"
    assert schools.status == "on target"  # 43 is within 35-45
    data = json.loads(run("indicators", "list", "--format", "json").stdout)
    assert {d["code"]: d["target_max"] for d in data}["referrals-schools"] == 45


def test_bad_settings_are_refused_whole(loaded: Tracker) -> None:
    before = counts(loaded)
    with pytest.raises(InvalidInput) as refused:
        set_indicator(loaded, EYFS, target=150, unit="percent", direction="sideways",
                      frequency="fortnightly-ish")  # fmt: skip
    text = str(refused.value)
    assert "150 is not a percentage" in text
    assert "unknown direction 'sideways'" in text and "unknown frequency" in text
    with pytest.raises(InvalidInput, match="backwards"):
        set_indicator(loaded, EYFS, target=60, target_max=40, direction="within")
    assert counts(loaded) == before
    assert get_indicator(loaded, EYFS).target is None


def test_a_percentage_reading_over_100_is_refused_and_a_wrong_one_corrected(
    loaded: Tracker,
) -> None:
    set_indicator(loaded, EYFS, unit="percent", direction="lower")
    before = counts(loaded)
    with pytest.raises(InvalidInput, match="150 is not a percentage"):
        record_reading(loaded, EYFS, 150, date=dt.date(2026, 1, 10))
    assert counts(loaded) == before
    row = record_reading(loaded, EYFS, 92, date=dt.date(2026, 1, 10))  # meant 22
    assert row.travel == "worsening"
    wrong = row.latest
    assert wrong is not None
    out = run("indicators", "edit-reading", EYFS, str(wrong.id), "--value", "22")
    assert out.exit_code == 0, out.output
    assert get_indicator(loaded, EYFS).travel == "improving"
    listed = run("indicators", "readings", EYFS)
    assert str(wrong.id) in listed.stdout and "22%" in listed.stdout
    delete_reading(loaded, EYFS, wrong.id)
    assert [r.id for r in get_indicator(loaded, EYFS).readings if r.id == wrong.id] == []
    with pytest.raises(NotFound, match="has no reading"):
        edit_reading(loaded, EYFS, wrong.id, value=20)
    with loaded.db.reading() as s:
        trail = s.execute(
            select(AuditEntry.operation, AuditEntry.old, AuditEntry.new)
            .where(AuditEntry.entity_key == EYFS, AuditEntry.field == "reading")
            .order_by(AuditEntry.id)
        ).all()
    assert [tuple(t) for t in trail[-2:]] == [
        ("correct", "92% (2026-01-10)", "22% (2026-01-10)"),
        ("delete", "22% (2026-01-10)", None),
    ]


def test_a_reading_overdue_for_its_frequency_is_marked(loaded: Tracker) -> None:
    record_reading(loaded, "referrals-police", 14, date=dt.date(2025, 6, 30))
    set_indicator(loaded, "referrals-police", frequency="quarterly")
    row = get_indicator(loaded, "referrals-police")
    assert row.next_due() == dt.date(2025, 9, 30)
    assert row.reading_overdue(loaded.today())
    out = run("indicators", "readings", "referrals-police")
    assert "A quarterly reading is OVERDUE: the next was due 2025-09-30." in out.stderr
    listed = run("indicators", "list")
    assert "2025-06-30 (reading overdue)" in listed.stdout
    set_indicator(loaded, "referrals-police", frequency="annual")
    assert get_indicator(loaded, "referrals-police").reading_overdue(dt.date(2026, 6, 30)) is False
