"""Indicator services on SQLite and PostgreSQL: the shipped seed figures, adding indicators,
recording readings, and how an indicator stands against its target."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from tracker.errors import InvalidInput
from tracker.models import AuditEntry, Indicator, IndicatorReading
from tracker.services.context import Tracker
from tracker.services.indicators import (
    add_indicator,
    format_value,
    get_indicator,
    list_indicators,
    outcomes_off_target,
    record_reading,
)


def counts(t: Tracker) -> tuple[int, int, int]:
    with t.db.reading() as s:
        return (
            s.execute(select(func.count()).select_from(Indicator)).scalar_one(),
            s.execute(select(func.count()).select_from(IndicatorReading)).scalar_one(),
            s.execute(select(func.count()).select_from(AuditEntry)).scalar_one(),
        )


def test_shipped_plan_seed_figures(loaded: Tracker) -> None:
    rows = {r.code: r for r in list_indicators(loaded)}
    assert set(rows) == {
        "eyfs-not-expected-level", "referrals-schools", "referrals-self", "referrals-police",
        "referrals-health",
    }  # fmt: skip
    eyfs = rows["eyfs-not-expected-level"]
    assert eyfs.outcome == "early-years"
    assert eyfs.values == (50.0, 26.0)  # four years earlier, then as noted at the meeting
    assert eyfs.latest is not None and eyfs.latest.date is None
    assert eyfs.latest.when == "as noted at the meeting (undated)"
    assert eyfs.readings[0].when == "four years ago"
    assert eyfs.status == "no target"  # the source gives none
    assert eyfs.travel == "improving"  # lower is better: 50% -> 26%
    shares = {code: rows[code].latest.value for code in rows if code.startswith("referrals")}  # type: ignore[union-attr]
    assert shares == {
        "referrals-schools": 43, "referrals-self": 18, "referrals-police": 15,
        "referrals-health": 11,
    }  # fmt: skip
    assert all(rows[c].travel is None for c in shares)  # one reading each
    # grouped by outcome: the one with an outcome first
    assert list_indicators(loaded)[0].code == "eyfs-not-expected-level"
    assert [r.code for r in list_indicators(loaded, outcome="early-years")] == [
        "eyfs-not-expected-level"
    ]
    assert list_indicators(loaded, off_target=True) == ()
    assert outcomes_off_target(loaded) == ()


def test_add_and_record_readings_on_and_off_target(loaded: Tracker) -> None:
    row = add_indicator(
        loaded, "eyfs-good-level", name="Children reaching a good level of development",
        unit="percent", outcome="early-years", board="supporting-families-board", target="70",
        direction="higher", frequency="annual", source="test",
    )  # fmt: skip
    assert (row.status, row.travel, row.target, row.board) == (
        "no reading",
        None,
        70.0,
        "supporting-families-board",
    )
    record_reading(loaded, "eyfs-good-level", 64, date=dt.date(2024, 9, 1), note="baseline")
    row = record_reading(loaded, "eyfs-good-level", "66%", date=dt.date(2025, 9, 1))
    assert row.latest is not None and row.latest.value == 66
    assert (row.status, row.travel) == ("off target", "improving")
    off = outcomes_off_target(loaded)
    assert [(o.code, [i.code for i in o.indicators]) for o in off] == [
        ("early-years", ["eyfs-good-level"])
    ]
    assert [r.code for r in list_indicators(loaded, off_target=True)] == ["eyfs-good-level"]
    assert [r.code for r in list_indicators(loaded, board="supporting-families-board")] == [
        "eyfs-good-level"
    ]
    # a back-dated reading goes into its place by date, not at the end
    row = record_reading(loaded, "eyfs-good-level", 60, date=dt.date(2023, 9, 1))
    assert row.values == (60, 64, 66)
    row = record_reading(loaded, "eyfs-good-level", 71, date=dt.date(2026, 2, 1))
    assert (row.status, row.travel) == ("on target", "improving")
    # an undated reading counts from where it was recorded: after everything dated before it
    row = record_reading(loaded, "eyfs-good-level", 71, period="spring term 2026 (provisional)")
    assert row.latest is not None and row.latest.when == "spring term 2026 (provisional)"
    assert row.travel == "steady"
    assert outcomes_off_target(loaded) == ()
    # no date and no period: today
    row = record_reading(loaded, "eyfs-good-level", 69)
    assert row.latest is not None and row.latest.date == dt.date(2026, 3, 1)
    assert (row.status, row.travel) == ("off target", "worsening")
    assert get_indicator(loaded, "eyfs-good-level").values[-1] == 69


def test_lower_is_better_and_no_direction(tracker: Tracker) -> None:
    add_indicator(tracker, "waits", name="Weeks waiting", unit="weeks", target=6, direction="lower")
    add_indicator(tracker, "share", name="Share from schools", unit="percent")
    record_reading(tracker, "waits", 9, date=dt.date(2025, 1, 1))
    row = record_reading(tracker, "waits", 7, date=dt.date(2025, 6, 1))
    assert (row.status, row.travel) == ("off target", "improving")
    row = record_reading(tracker, "waits", 6, date=dt.date(2025, 9, 1))
    assert row.status == "on target"
    record_reading(tracker, "share", 40, period="2024")
    row = record_reading(tracker, "share", 43, period="2025")
    assert (row.status, row.travel) == ("no target", "rising")
    assert format_value(6, "weeks") == "6 weeks" and format_value(43.5, "percent") == "43.5%"
    assert format_value(None, "percent") == "-"


def test_bad_input_is_refused_whole_naming_the_allowed_values(loaded: Tracker) -> None:
    before = counts(loaded)
    with pytest.raises(InvalidInput) as err:
        add_indicator(
            loaded, "Bad Code", name=" ", outcome="wellbeing", board="no-such-board",
            target="lots", direction="up",
        )  # fmt: skip
    fields = {p.field: p for p in err.value.problems}
    assert set(fields) == {"code", "name", "outcome", "board", "target", "direction"}
    assert "early-years" in (fields["outcome"].allowed or "")
    assert "supporting-families-board" in (fields["board"].allowed or "")
    assert fields["direction"].allowed == "higher, lower, within"
    with pytest.raises(InvalidInput, match="already exists"):
        add_indicator(loaded, "referrals-self", name="again")
    with pytest.raises(InvalidInput) as err:
        record_reading(loaded, "no-such-indicator", 1)
    assert "eyfs-not-expected-level" in (err.value.problems[0].allowed or "")
    with pytest.raises(InvalidInput, match="not a number"):
        record_reading(loaded, "referrals-self", "about twenty")
    with pytest.raises(InvalidInput, match="not a finite number"):
        record_reading(loaded, "referrals-self", float("nan"))
    with pytest.raises(InvalidInput, match="in the future"):
        record_reading(loaded, "referrals-self", 20, date=dt.date(2026, 3, 2))
    with pytest.raises(InvalidInput, match="too far back"):
        record_reading(loaded, "referrals-self", 20, date=dt.date(1980, 1, 1))
    with pytest.raises(InvalidInput, match="already has a reading"):
        record_reading(
            loaded, "referrals-self", 19, period="as reported to the committee (undated)"
        )
    with pytest.raises(InvalidInput) as err:
        list_indicators(loaded, outcome="nope", board="nope")
    assert {p.field for p in err.value.problems} == {"outcome", "board"}
    assert counts(loaded) == before


def test_every_change_is_audited(tracker: Tracker) -> None:
    add_indicator(tracker, "waits", name="Weeks waiting", target=6, direction="lower")
    record_reading(tracker, "waits", 9, date=dt.date(2025, 1, 1))
    with tracker.db.reading() as s:
        rows = s.execute(
            select(AuditEntry.operation, AuditEntry.field, AuditEntry.new)
            .where(AuditEntry.entity == "indicator", AuditEntry.entity_key == "waits")
            .order_by(AuditEntry.id)
        ).all()
    assert ("create", "name", "Weeks waiting") in rows
    assert ("record", "reading", "9 (2025-01-01)") in rows
