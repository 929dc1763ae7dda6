"""Kinds of the dev pages of batch 47 as general rules, in wordings of no corpus page, each with a
guard (issue 17, branch tune47): a movers' line under its RESOLVED, an ACTION marker reporting a
decision, a directive printed in capitals on its own line, and the minutes' title with "Approved:
A Seconded: B" on its line."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes

_HEAD = "Minutes of the meeting of Kettlewick Parish Council held on 9 March 2026.\n\n"
_CC_HEAD = (
    "Minutes of the meeting of Kettlewick Community Council held on 9 March 2026.\n\n"
    "Present: Mr Orme, Mrs Venn, Mr Hoy.\n\n"
)


def _resolutions(text: str) -> list[str]:
    return [r.text for r in parse_minutes(text).resolutions]


def _actions(text: str) -> list[tuple[str, str]]:
    return [(f.owner, f.text) for f in parse_minutes(text).followups]


# -- a line of movers under the RESOLVED it moved ------------------------------------------------


@pytest.mark.parametrize(
    "movers",
    [
        "Proposed: Cllr T. Orme, and seconded by Cllr P. Venn (all in favour)",
        "Proposed: Cllr Orme Seconded: Cllr Venn (unanimous)",
        "Moved by Mrs Hoy, seconded by Mr Ibbot - carried",
    ],
)
def test_a_line_of_movers_under_its_resolved_is_no_second_resolution(movers):
    page = (
        _HEAD + "3. Grass cutting\n"
        "Resolved: that the grass cutting contract be renewed with Dale Mowers for two years.\n\n"
        f"{movers}\n\n4. Footpaths\nThe stile on path 12 is broken.\n"
    )
    assert _resolutions(page) == [
        "that the grass cutting contract be renewed with Dale Mowers for two years."
    ]


def test_a_movers_line_under_a_bare_resolved_and_its_clause_is_no_second_resolution():
    page = (
        _HEAD + "5. Bench\nRESOLVED\nThat a memorial bench be placed on the green.\n"
        "Proposed: Cllr Orme, seconded by Cllr Venn (all in favour)\n\n6. Close\n"
    )
    assert _resolutions(page) == ["That a memorial bench be placed on the green."]


def test_a_motion_with_its_own_words_under_a_resolved_is_still_read():
    # guard: the line below moves a matter of its own
    page = (
        _HEAD + "3. Hall\nResolved: that the hall accounts be received.\n\n"
        "Proposed by Cllr Orme, seconded by Cllr Venn, that the hire fee be raised to £15 an "
        "hour. All in favour.\n"
    )
    found = _resolutions(page)
    assert len(found) == 2
    assert "hire fee" in found[1]


# -- an ACTION marker over a thing and what was decided about it ---------------------------------


@pytest.mark.parametrize(
    "marker", ["ACTION: Grants Policy 2026 approved", "Action - The Complaints Procedure adopted"]
)
def test_an_action_marker_reporting_a_decision_names_nobody_to_act(marker):
    page = (
        _HEAD + "5. POLICIES\n\nCllr Hoy asked about the wording of section 4. Cllr Venn agreed "
        "to look at it before the next meeting.\n\n"
        f"{marker}\nClerk to send the policy to the auditor.\n\n6. PLANNING\nNone.\n"
    )
    assert _actions(page) == [("Clerk", "send the policy to the auditor.")]


def test_an_action_marker_naming_an_owner_is_still_an_action():
    # guard: initials after the marker name who acts on the sentence before
    page = (
        _HEAD + "5. Trees\n\nThe oak by the lych gate needs a survey before the winter.\n"
        "ACTION: JB\n\n6. Close\n"
    )
    owners = [owner for owner, _ in _actions(page)]
    assert owners == ["JB"]


# -- a directive printed in capitals on its own line ---------------------------------------------


@pytest.mark.parametrize(
    ("line", "owner", "task"),
    [
        ("CLERK TO CHASE THE CONTRACTOR", "Clerk", "chase the contractor"),
        ("CHAIRMAN TO CONTACT THE VICAR", "Chairman", "contact the vicar"),
        ("CLERK TO WRITE TO THE SCHOOL", "Clerk", "write to the school"),
    ],
)
def test_a_directive_in_capitals_between_a_minute_and_the_next_heading_is_an_action(
    line, owner, task
):
    page = (
        _HEAD + "MINUTES OF THE LAST MEETING\n\nThe minutes of the last meeting were approved.\n\n"
        f"{line}\n\nHIGHWAYS\n\nThe potholes in Mill Lane were reported again.\n"
    )
    assert [(o, t.lower()) for o, t in _actions(page)] == [(owner, task)]


@pytest.mark.parametrize("line", ["CLERK TO CIRCULATE", "ITEMS TO NOTE"])
def test_a_capitals_line_with_text_under_it_is_a_heading(line):
    # guard: the line heads the text under it
    page = (
        _HEAD + "MINUTES OF THE LAST MEETING\n\nThe minutes of the last meeting were approved.\n\n"
        f"{line}\n\nThe clerk said the grant had been paid into the account.\n"
    )
    assert _actions(page) == []


# -- "Approved: A Seconded: B" on the minutes' title's line --------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Minute of Meeting of 12th January 2026 Approved: Mr T Orme Seconded: Mrs P Venn",
        "Minutes of the last meeting - Approved by Cllr Hoy, seconded by Cllr Venn",
        "MINUTES OF 12 JANUARY APPROVED: Mr Hoy SECONDED: Mrs Venn",
    ],
)
def test_the_minutes_title_with_approved_and_seconded_is_a_resolution(line):
    page = _CC_HEAD + f"{line}\n\n2. Roads\nThe road by the school has potholes.\n"
    found = _resolutions(page)
    assert len(found) == 1
    assert found[0].lower().startswith("approved")


def test_a_title_with_proposed_and_seconded_and_no_outcome_is_no_resolution():
    # guard: nothing says the minutes were approved
    page = (
        _CC_HEAD + "Minutes of the last meeting Proposed: Mr T Orme Seconded: Mrs P Venn\n\n"
        "2. Roads\nThe road by the school has potholes.\n"
    )
    assert _resolutions(page) == []


# -- a nominee, then the movers, the outcome a few lines on ---------------------------------------

_ANNUAL = "Minutes of the annual meeting of Kettlewick Parish Council held on 9 May 2026.\n\n"


def test_a_nominee_then_movers_then_duly_elected_is_one_resolution():
    page = (
        _ANNUAL + "ELECTION OF CHAIRMAN\n\nCouncillor Tom Orme nominated. Proposed Councillor "
        "Pat Venn Seconded Councillor Ivo Hoy\n\nFour votes in favour, one abstention\n\n"
        "Councillor Tom Orme duly elected as Chairman\n\nAPOLOGIES\n\nNone.\n"
    )
    assert _resolutions(page) == [
        "Councillor Tom Orme nominated. Proposed Councillor Pat Venn Seconded Councillor Ivo Hoy\n"
        "Four votes in favour, one abstention\nCouncillor Tom Orme duly elected as Chairman"
    ]


def test_a_nominee_dashed_from_the_movers_and_elected_on_the_next_line():
    page = (
        _ANNUAL + "2. Election of Vice-Chair\nCllr Ruth Dale nominated - proposed by Cllr Orme, "
        "seconded by Cllr Hoy.\nCllr Dale was elected Vice-Chair.\n\n3. Apologies\nNone.\n"
    )
    assert _resolutions(page) == [
        "Cllr Ruth Dale nominated - proposed by Cllr Orme, seconded by Cllr Hoy.\n"
        "Cllr Dale was elected Vice-Chair."
    ]


def test_a_nomination_lost_on_the_vote_is_no_resolution_of_the_nominee():
    # guard: the vote between says the motion was lost; another member took the chair
    page = (
        _ANNUAL + "ELECTION OF CHAIRMAN\n\nCouncillor Tom Orme nominated. Proposed Councillor "
        "Pat Venn Seconded Councillor Ivo Hoy\n\nTwo votes in favour, four against: the motion "
        "was lost\n\nCouncillor Ivo Hoy duly elected as Chairman\n"
    )
    assert not any("Orme nominated" in text for text in _resolutions(page))
