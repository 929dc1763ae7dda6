"""Minutes written the same but typed or saved differently (branch minutesrobust): character
references a web page saved as text leaves in ("&nbsp;", "&amp;", "&#39;", "&rsquo;"), keyword
case ("RESOLVED", "Resolved", "resolved"; "AGREED", "Agreed"), and a tab where a space was.
None of these texts is taken from a corpus page."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes


def _resolutions(text: str) -> list[str]:
    return [r.text for r in parse_minutes(text).resolutions]


def _actions(text: str) -> list[tuple[str, str]]:
    return [(f.owner, f.text) for f in parse_minutes(text).followups if f.source != "resolution"]


@pytest.mark.parametrize(
    "text, want",
    [
        ("4. Minutes\nRESOLVED&nbsp;that the minutes of 3 May be approved.\n",
         "that the minutes of 3 May be approved."),
        ("7. Budget\nResolved:&nbsp;That the Council&#39;s budget for 2025&#8211;26 be approved.\n",
         "That the Council's budget for 2025-26 be approved."),
        ("Item 9 Play &amp; Leisure\nIt was RESOLVED that the play&nbsp;area be re-surfaced.\n",
         "that the play area be re-surfaced."),
        ("5.&nbsp;Grants\n&nbsp;&nbsp;Agreed&nbsp;&ndash; That the Village Hall&rsquo;s grant be paid.\n",
         "That the Village Hall's grant be paid."),
    ],
)  # fmt: skip
def test_character_references_left_in_a_saved_page_are_read_as_the_characters(text, want):
    assert [r.replace("\u2019", "'").replace("\u2013", "-") for r in _resolutions(text)] == [want]


@pytest.mark.parametrize(
    "text, owner",
    [
        ("3. Footpaths\nACTION:&nbsp;Clerk to write to the landowner about the stile.\n", "Clerk"),
        ("3. Footpaths\n&bull;&nbsp;Action &ndash; JS to write to the landowner about the stile.\n",
         "JS"),
    ],
)  # fmt: skip
def test_an_action_label_followed_by_a_reference_keeps_its_owner(text, owner):
    assert [o for o, _ in _actions(text)] == [owner]


def test_a_reference_is_not_a_decision_word():
    text = "6. Correspondence\nA letter from Smith &amp; Co about the resolved&nbsp;boundary.\n"
    assert _resolutions(text) == []


# A decision word capitalised inside a line reads as the capitals do ("the Council RESOLVED
# unanimously ...", "PROPOSED; SECONDED; RESOLVED to ..."): pages write it either way.
@pytest.mark.parametrize(
    "text, want",
    [
        ("22. Vacancy\nAn application had been received. Proposed; Seconded; Resolved to co-opt "
         "Jon Mold onto the Parish Council.\n", "to co-opt Jon Mold onto the Parish Council."),
        ("8. Grant\nProposed by Cllr Hill, seconded by Cllr Bourn, Agreed to pay the hall grant.\n",
         "to pay the hall grant."),
        ("5. Planning\nFollowing discussion, the Council Resolved unanimously there was no "
         "objection to this application.\n", "there was no objection to this application."),
        ("6. Minutes\nThe Board Agreed that the minutes of 4 May be signed as a correct record.\n",
         "that the minutes of 4 May be signed as a correct record."),
    ],
)  # fmt: skip
def test_a_capitalised_decision_word_inside_a_line_is_read_as_in_capitals(text, want):
    assert _resolutions(text) == [want]


@pytest.mark.parametrize(
    "text",
    [
        "5. Issues Resolved Since the Last Meeting\nThe Clerk reported on the footpath.\n",
        "4. Matters arising\nThe drainage problem on Mill Lane has been Resolved.\n",
    ],
)
def test_a_capitalised_decision_word_without_its_clause_is_not_a_decision(text):
    assert _resolutions(text) == []


# Word's second- and third-level bullets saved as text ("o", "\u25e6", "\u27a2", "\u25a0"): a line
# opening with one is an item of its own, not the line above continued.
@pytest.mark.parametrize("bullet", ["o", "\u25e6", "\u27a2", "\u25a0", "\u25aa", "\u2022"])
def test_a_line_opening_with_any_bullet_is_its_own_item(bullet):
    text = (
        "6. Planning applications\n"
        f"{bullet} 21/0045 Mill Lane, new garage: Agreed to recommend approval\n"
        f"{bullet} 21/0046 Church Street, rear extension: Agreed to recommend refusal\n"
    )
    assert _resolutions(text) == ["to recommend approval", "to recommend refusal"]


@pytest.mark.parametrize("bullet", ["o", "\u25e6", "\u27a2", "\u25a0"])
def test_an_action_before_a_bulleted_line_keeps_its_own_text(bullet):
    text = (
        "4. Highways\n"
        f"{bullet} Pothole on Mill Lane - reported. Action: MA to e-mail the highways team\n"
        f"{bullet} Overgrown hedge - discussed. Action: TB to ask the Parish Steward to cut it\n"
    )
    assert _actions(text) == [
        ("MA", "e-mail the highways team"),
        ("TB", "ask the Parish Steward to cut it"),
    ]


# "Resolved Councillor Gritton to purchase ..." opening a line reads as in capitals: the keyword,
# then a named member or officer and "to <verb>" (its "that" left out).
@pytest.mark.parametrize(
    "line",
    [
        "Resolved Councillor Gritton to purchase the camera.",
        "Agreed Cllr A Smith to obtain three quotes for the bench.",
        "Resolved the Clerk to write to the highways authority.",
        "Agreed Mrs Jones to arrange the litter pick.",
    ],
)
def test_a_capitalised_keyword_before_a_named_person_to_do_something_is_a_decision(line):
    assert _resolutions(f"3. Village matters\n{line}\n") == [line.split(None, 1)[1]]


def test_a_capitalised_keyword_before_a_noun_phrase_is_still_not_a_decision():
    assert _resolutions("3. Village matters\nAgreed Councillor Allowances 2024\n") == []


# A numbered action sheet flattened to text reads the same whatever its row numbers look like.
@pytest.mark.parametrize("style", ["{}.", "{})", "({})"])
def test_an_action_sheet_reads_the_same_with_any_row_numbering(style):
    rows = [
        "Circulate the revised terms of reference to all members / Priya",
        "Alan to draft the annual report for the March meeting. / Alan",
        "Collate the training requests from partner agencies / Priya/Tom",
    ]
    text = "Partnership Board\n\nAction Sheet\n\n" + "".join(
        f"{style.format(k)} / {row}\n" for k, row in enumerate(rows, 1)
    )
    assert [owner for owner, _ in _actions(text)] == ["Priya", "Alan", "Priya/Tom"]
