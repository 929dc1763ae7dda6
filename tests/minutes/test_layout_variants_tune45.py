"""Kinds of the dev pages of batch 45 as general rules, in wordings of no corpus page, each with a
guard (issue 17, branch tune45): minute numbers written "24-101:", a long agenda title after
"2150:" ending in its own colon, bare figures numbering a short page's items from 1; a contents
line naming another body's resolution; lettered parts of a minute that hold their own decisions;
a seconded self-nomination with its outcome in the next sentence; "There were no objections." as
a motion's outcome; a name glued to "proposed"; a planning response after the last dash of the
application's line."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes

_HEAD = "Minutes of the meeting of Ashby Parva Parish Council held on 2 June 2025.\n\n"


def _items(text: str) -> list[tuple[str, str]]:
    return [(r.item, r.text) for r in parse_minutes(text).resolutions]


def _texts(text: str) -> list[str]:
    return [r.text for r in parse_minutes(text).resolutions]


@pytest.mark.parametrize("no", ["24-101", "19-7", "2025-12"])
def test_a_minute_number_with_a_hyphen_and_a_colon_is_the_items(no):
    page = (
        _HEAD + f"{no}: Appointment of a Tree Warden\n"
        "RESOLVED that Mr K Vale be appointed Tree Warden for the year.\n"
    )
    assert _items(page) == [(no, "that Mr K Vale be appointed Tree Warden for the year.")]


@pytest.mark.parametrize(
    "first, second",
    [
        (
            "To Receive & Confirm the Notes of the Annual Meeting Number 12, held 3rd May 2024:",
            "To Receive & Confirm the Notes of the Special Meeting Number 13, held 17th May 2024:",
        ),
        (
            "To consider and if thought fit approve the Minutes of Special Meeting No 7 of 9 May:",
            "To consider and if thought fit approve the Minutes of Annual Meeting No 8 of 16 May:",
        ),
    ],
)
def test_a_long_agenda_title_after_its_number_and_colon_is_the_items(first, second):
    page = (
        _HEAD + "2149: Apologies for Absence:\nNone.\n\n"
        f"2150: {first}\n"
        "Notes agreed and signed as a correct record. Proposed: Ann Pole. Seconded: Kim Vale.\n\n"
        f"2151: {second}\n"
        "Notes agreed and signed as a correct record. Proposed: Jo Hart. Seconded: Kim Vale.\n\n"
        "2152: Matters Arising:\nNone.\n"
    )
    assert [item for item, _ in _items(page)] == ["2150", "2151"]


def test_a_long_list_clause_after_a_bracketed_number_is_no_item():
    page = (
        _HEAD + "7. Budget\n"
        "2) The committee set out below the lines it would put to the full council next month:\n"
        "RESOLVED that the budget be recommended to the council.\n"
    )
    assert _items(page) == [("7", "that the budget be recommended to the council.")]


@pytest.mark.parametrize(
    "decision, text",
    [
        ("It was agreed to buy a second litter bin for the green.", "to buy a second litter bin"),
        ("It was decided to write to the highways team about the verge.", "to write to the"),
    ],
)
def test_bare_figures_numbering_a_short_pages_items_from_one_give_the_item(decision, text):
    page = (
        _HEAD + "1 No apologies were received.\n"
        "2 No interests were declared.\n"
        "3 The notes of the last meeting were read and signed.\n"
        f"4 The Chair reported that the bin on the green is always full. {decision}\n"
    )
    found = _items(page)
    assert len(found) == 1 and found[0][0] == "4" and found[0][1].startswith(text)


def test_bare_figures_listed_under_a_dotted_item_are_no_items():
    # "2." over a title, then a numbered list of the kinds of interest: item 2's text, no items
    # (read as items, the list would end item 2 and read as its decisions)
    page = (
        _HEAD + "1.\n\nApologies\n\nNone were received.\n\n"
        "2.\n\nDeclarations\n\nMembers are asked to declare any interest which comprises\n\n"
        "1          Any office or employment carried on for profit or gain.\n\n"
        "2          Any sponsorship received towards election expenses in the year.\n\n"
        "3          Any contract between the member and the council.\n\n"
        "4          Any land held within the parish. \n\n"
        "5          Any tenancy of council land held by a firm of the member. \n"
    )
    assert _texts(page) == []


@pytest.mark.parametrize(
    "line",
    [
        "12.4 Resolution – Anytown Town Council – Speed Limits on the A59",
        "6.2 Resolution - Lowfield District Council - Library Opening Hours Noted",
    ],
)
def test_a_contents_line_naming_another_bodys_resolution_is_no_decision(line):
    page = (
        "Table of Contents\n\n12.3 Reports For information\n\n" + line + "\n\n12.5 Correspondence\n"
    )
    assert _texts(page) == []


def test_a_resolution_label_before_its_clause_after_a_dash_is_still_read():
    page = _HEAD + "5. Hedges\nResolution – That the hedge by the pond be cut in October.\n"
    assert _texts(page) == ["That the hedge by the pond be cut in October."]


def test_lettered_parts_of_a_minute_holding_their_own_decisions_are_no_decision_list():
    # (a guard: main reads this wording right too; the corpus page's false find needed more of
    # its layout than a synthetic page gives)
    page = (
        _HEAD + "4. Village Matters\n\n"
        "A. Bus Shelter in Resolved to ask two firms to quote for new glass.\n\n"
        "B. Notice Board Mrs P Dale said the hinges had rusted and she would loo\n"
    )
    texts = _texts(page)
    assert texts == ["to ask two firms to quote for new glass."]


def test_a_lettered_decision_list_under_the_bodys_agreement_is_still_read():
    page = (
        _HEAD + "4. Village Matters\n\nThe Council agreed:\n\n"
        "(a) that the bus shelter glass be replaced;\n\n"
        "(b) that the notice board hinges be renewed.\n"
    )
    assert len(_texts(page)) == 2


@pytest.mark.parametrize(
    "offer",
    [
        "Sam Reed declared himself willing to serve again as Vice-Chair, and with no other "
        "names put forward this was seconded by Ann Pole.",
        "Kim Lowe said herself prepared to continue as Chair; this was seconded by Ann Pole.",
    ],
)
def test_a_seconded_self_nomination_with_its_outcome_next_is_a_decision(offer):
    who = offer.split(" declared")[0].split(" said")[0]
    page = _HEAD + f"3. Election\n{offer} {who} was thus elected and signed the declaration.\n"
    texts = _texts(page)
    assert len(texts) == 1 and texts[0].startswith(offer[:30]) and "thus elected" in texts[0]


def test_a_self_nomination_when_another_is_elected_is_no_decision():
    page = (
        _HEAD + "3. Election\nSam Reed declared himself willing to serve as Vice-Chair, and this "
        "was seconded by Ann Pole. Jo Hart was elected as Vice-Chair.\n"
    )
    assert not any(t.startswith("Sam Reed") for t in _texts(page))


@pytest.mark.parametrize(
    "outcome",
    ["There were no objections.", "There was no dissent.", "There were no votes against."],
)
def test_a_motion_carried_with_no_objections_is_a_decision(outcome):
    page = (
        _HEAD + "6. Budget\nThe draft had been sent round. Cllr Hale proposed and Cllr Udall "
        f"seconded its adoption. {outcome}\n"
    )
    texts = _texts(page)
    assert (
        len(texts) == 1 and "Cllr Hale proposed and Cllr Udall seconded its adoption." in texts[0]
    )


def test_no_objections_reported_with_no_motion_is_no_decision():
    page = (
        _HEAD + "6. Footpaths\nThe Clerk reported that there were no objections to the "
        "diversion of the footpath by the mill.\n"
    )
    assert _texts(page) == []


def test_a_name_glued_to_proposed_still_reads_the_motion():
    page = (
        _HEAD + "8. Grants\nCouncillor Marshproposed and Councillor Lee seconded the motion that "
        "the\ngrant to the youth club be paid in full.\nAll were in favour.\n"
    )
    texts = _texts(page)
    assert len(texts) == 1 and texts[0].startswith("that the") and "paid in full" in texts[0]


def test_a_removal_seconded_is_no_glued_proposal():
    page = (
        _HEAD + "8. Signs\nThe old sign was removed by the contractor and Councillor Lee seconded "
        "the idea of a plaque.\n"
    )
    assert _texts(page) == []


@pytest.mark.parametrize(
    "line, response",
    [
        (
            "9.2.1 3/14/24/055 – Erection of a garden room at Rose Cottage, Luxborough – support.",
            "support.",
        ),
        (
            "9.2.2 - 3/14/24/061 – Two-storey extension – Old Mill, Wootton – objections raised",
            "objections raised",
        ),
    ],
)
def test_a_planning_response_after_the_last_dash_of_the_application_line(line, response):
    page = _HEAD + "9 Planning\n\n9.2 Applications\n\n" + line + "\n"
    assert _items(page) == [(line.split()[0], response)]


def test_an_application_line_whose_last_part_is_no_response_gives_none():
    page = (
        _HEAD + "9 Planning\n\n9.2 Applications\n\n"
        "9.2.1 3/14/24/070 – Barn conversion – Station Road – decision awaited from the park\n"
    )
    assert _texts(page) == []
