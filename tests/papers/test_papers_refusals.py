"""A refusal names the domain's field: the CLI shows the flag the user typed, the app the field
in its own words, and each says in its own way what would put it right."""

from __future__ import annotations

import datetime as dt

import pytest
from papers_helpers import SFB

from tracker.cli.common import REMEDIES, as_typed, flags_of, remedy_text
from tracker.errors import InvalidInput, NotFound
from tracker.services.context import Tracker
from tracker.services.papers.render import preview_paper
from tracker.ui.refusals import said


def test_a_date_after_today_is_the_as_of_date_not_a_flag(term: Tracker) -> None:
    with pytest.raises(InvalidInput) as caught:
        preview_paper(term, "highlight", SFB, None, dt.date(2026, 4, 1), "md")
    (problem,) = caught.value.problems
    assert problem.field == "as of"
    assert said(caught.value) == (
        "as of: 2026-04-01 is after today (2026-03-01): a paper reports what is known"
    )
    flags = {"as of": "--as-of"}
    assert str(as_typed([problem], flags)[0]).startswith("--as-of: 2026-04-01 is after today")
    assert flags_of(None) == {}


def test_a_meeting_not_scheduled_carries_the_remedy_each_face_words(term: Tracker) -> None:
    with pytest.raises(NotFound) as caught:
        preview_paper(term, "highlight", SFB, dt.date(2026, 3, 11), None, "md")
    assert caught.value.remedy == "schedule the meeting"
    assert "tracker" not in str(caught.value)  # the service's words are the domain's
    assert remedy_text(caught.value) == f"; {REMEDIES['schedule the meeting']}"
    assert said(caught.value).startswith("Supporting Families Board has no meeting on 2026-03-11")
    assert said(caught.value).endswith("it has to be scheduled first (n on the Boards screen)")
