"""Series by the rules people use, on working days; meetings with a time and a place; the .ics
events carry them in Europe/London."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from governance_helpers import CFB, NORTH, run, snapshot
from icalendar import Calendar

from tracker.errors import InvalidInput
from tracker.services.calendar import build_calendar
from tracker.services.context import Tracker
from tracker.services.governance.meetings import schedule_meeting, schedule_series
from tracker.services.governance.minuted import MeetingDetails
from tracker.services.governance.series import series_plan


def test_nth_weekday_of_named_months() -> None:
    dates = series_plan(dt.date(2026, 3, 2), "second Tuesday of Jan, Apr, Sep", 4)
    assert [d.date for d in dates] == [
        dt.date(2026, 4, 14),
        dt.date(2026, 9, 8),
        dt.date(2027, 1, 12),
        dt.date(2027, 4, 13),
    ]
    assert all(d.date.weekday() == 1 for d in dates)


def test_every_six_weeks_on_wednesday() -> None:
    dates = [d.date for d in series_plan(dt.date(2026, 3, 2), "every 6 weeks on Wednesday", 3)]
    assert dates == [dt.date(2026, 3, 4), dt.date(2026, 4, 15), dt.date(2026, 5, 27)]


def test_bank_holidays_and_weekends_move_to_the_next_working_day() -> None:
    dates = series_plan(dt.date(2026, 4, 1), "first Monday of every month", 3)
    # 4 May 2026 is the Early May bank holiday in England and Wales
    assert [(d.date, d.moved_from, d.reason) for d in dates] == [
        (dt.date(2026, 4, 7), dt.date(2026, 4, 6), "Easter Monday"),
        (dt.date(2026, 5, 5), dt.date(2026, 5, 4), "May Day"),
        (dt.date(2026, 6, 1), None, None),
    ]
    weekly = series_plan(dt.date(2026, 12, 19), "weekly", 2)  # a Saturday
    assert [(d.date, d.reason) for d in weekly] == [
        (dt.date(2026, 12, 21), "Saturday"),
        (dt.date(2026, 12, 29), "Saturday"),
    ]
    for d in series_plan(dt.date(2026, 1, 1), "monthly", 24):
        assert d.date.weekday() < 5


@pytest.mark.parametrize(
    ("every", "count", "until", "field", "words"),
    [
        ("second Tuesday of Jan", None, dt.date(2026, 6, 30), "every", "gives no date"),
        ("second Tuesday of Smarch", 2, None, "every", "is not a month"),
        ("yearly", 2, None, "every", "unknown pattern"),
        ("monthly", None, None, "count", "say how many"),
        ("monthly", 61, None, "count", "1-60"),
        ("monthly", None, dt.date(2026, 2, 1), "until", "before the first date"),
    ],
)
def test_series_refusals(gov: Tracker, every: str, count: int | None, until: dt.date | None,
                         field: str, words: str) -> None:  # fmt: skip
    before = snapshot(gov)
    with pytest.raises(InvalidInput) as caught:
        schedule_series(gov, CFB, dt.date(2026, 3, 2), every, count, until=until)
    assert [p.field for p in caught.value.problems] == [field]
    assert words in str(caught.value)
    assert snapshot(gov) == before


def test_a_time_that_ends_before_it_starts_is_refused(gov: Tracker) -> None:
    before = snapshot(gov)
    with pytest.raises(InvalidInput) as caught:
        schedule_meeting(
            gov,
            CFB,
            dt.date(2026, 6, 3),
            details=MeetingDetails(starts=dt.time(14), ends=dt.time(13, 30)),
        )
    assert "end time: 13:30 is not after the start, 14:00" in str(caught.value)
    assert snapshot(gov) == before


def test_ics_events_carry_the_time_and_place_in_london(gov: Tracker) -> None:
    schedule_series(
        gov, CFB, dt.date(2026, 3, 2), "second Tuesday of Jan, Apr, Sep", until=dt.date(2026, 12, 31),
        details=MeetingDetails(starts=dt.time(14), ends=dt.time(16), location="Town Hall",
                               online_link="https://teams.example/cfb"),
    )  # fmt: skip
    cal = Calendar.from_ical(build_calendar(gov, board=CFB).data)
    events = [c for c in cal.walk("VEVENT")]
    assert len(events) == 2
    april, september = sorted(events, key=lambda e: e.decoded("dtstart"))
    start, end = april.decoded("dtstart"), april.decoded("dtend")
    assert (start.isoformat(), end.isoformat()) == (
        "2026-04-14T14:00:00+01:00",
        "2026-04-14T16:00:00+01:00",
    )  # British Summer Time
    assert str(april["dtstart"].params["TZID"]) == "Europe/London"
    assert "Town Hall" in str(april["location"]) and "teams.example" in str(april["location"])
    assert "x-microsoft-cdo-alldayevent" not in april
    assert any(c.name == "VTIMEZONE" for c in cal.walk())
    # a meeting without a time stays an all-day event
    schedule_meeting(gov, NORTH, dt.date(2026, 6, 3))
    cal = Calendar.from_ical(build_calendar(gov, board=NORTH).data)
    (june,) = [e for e in cal.walk("VEVENT") if e.decoded("dtstart") == dt.date(2026, 6, 3)]
    assert isinstance(june.decoded("dtstart"), dt.date)


@pytest.fixture
def cli_gov(gov: Tracker, settings_file: Path) -> Tracker:
    return gov


def test_cli_add_series_by_rule_with_time_and_place(cli_gov: Tracker) -> None:
    result = run(
        "meetings",
        "add-series",
        CFB,
        "--from",
        "2026-04-01",
        "--every",
        "first Monday of every month",
        "--count",
        "2",
        "--time",
        "10:00-12:00",
        "--venue",
        "Town Hall",
    )
    assert result.exit_code == 0, result.output
    assert "2026-04-07  Tue 7 Apr 2026 10:00-12:00  (moved from 6 Apr 2026: Easter Monday)" in (
        result.stdout
    )
    result = run("meetings", "add", CFB, "2026-06-03", "--time", "14:00-13:00")
    assert result.exit_code == 2
    assert "--time: 13:00 is not after the start, 14:00" in result.stderr
    result = run(
        "meetings",
        "add-series",
        CFB,
        "--from",
        "2026-03-02",
        "--every",
        "second Tuesday of Jan",
        "--until",
        "2026-06-30",
    )
    assert result.exit_code == 2 and "--every: 'second Tuesday of Jan' gives no date" in (
        result.stderr
    )
