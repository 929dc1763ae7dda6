"""Parish, town and community council motions that a sweep over real minutes the reader had not
seen showed it missing (none of these texts is taken from a page; each kind is written in
several wordings, with guards that must not be taken): a motion's "THAT ..." clause printed
after its outcome line ("Proposed by A and seconded by B" / "CARRIED: 6 for 0 against" / "THAT
..."), a lost motion printed the same way, a passive outcome with its proposer, seconder and
"All members in favour" after it, and "All members agreed that ... . This was proposed by A and
seconded by B. All in favour.", and a body's decision in prose ("The Council RESOLVED to sign the
contract. Clerk to action ...") ending at its sentence, not running on over the paragraph."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes

from .layout_kit import MOTION, PROSE, TRAP, V, score

# fmt: off
PARISH = [
    # ---- the motion's clause printed after its outcome line -----------------------------------
    V(MOTION, "'Proposed by A and seconded by B' / 'CARRIED: 6 for 0 against' / 'THAT ...'",
      "4. CHAIR\nThe Chairman asked for a vote of confidence.\nResolution Record No. TC/12/05\n"
      "Proposed by Cllr. A Vant and seconded by Cllr. B Newbon\n"
      "CARRIED: 6 for 0 against 2 abstentions\n"
      "THAT THE CHAIRMAN HOLDS THE CONFIDENCE OF THE MEMBERS OF THE COUNCIL\n"
      "The Chairman thanked members.\n",
      res=["THAT THE CHAIRMAN HOLDS THE CONFIDENCE OF THE MEMBERS OF THE COUNCIL"]),
    V(MOTION, "'Proposed: A / Seconded: B / Carried unanimously / That ...'",
      "7. Allotments\nProposed: Cllr Hale\nSeconded: Cllr Udall\nCarried unanimously\n"
      "That the allotment rents rise by 5% from October.\n\n8. Correspondence\nNone.\n",
      res=["That the allotment rents rise by 5% from October."]),
    V(MOTION, "'Proposed by A, seconded by B.' / 'Motion carried: Unanimous' / 'That ...'",
      "12. Bus shelter\nProposed by Cllr Frost, seconded by Cllr Dale.\nMotion carried: "
      "Unanimous\nThat the bus shelter be repainted before the summer.\n",
      res=["That the bus shelter be repainted before the summer."]),
    V(MOTION, "a motion that says what it moved, then 'Carried', then a clause of its own: both",
      "6. Minutes\nProposed by Cllr Hale that the minutes be signed, seconded by Cllr Udall.\n"
      "Carried\nThat the verbal update on the hall be noted.\n\n7. Hall\nNone.\n",
      res=["that the minutes be signed", "That the verbal update on the hall be noted."]),
    V(MOTION, "a clause before its proposer: the clause after 'Carried' is the next motion's",
      "8. Grants\nThat £200 be given to the fete.\nProposed by Cllr Frost, seconded by Cllr Dale\n"
      "Carried\nThat £100 be given to the band.\nProposed by Cllr Hale, seconded by Cllr Udall\n"
      "Carried\n",
      res=["That £200 be given to the fete.", "That £100 be given to the band."]),
    # ---- a passive outcome, then who moved it, then "All in favour" ---------------------------
    V(MOTION, "'The minutes ... were accepted. Proposed by A and seconded by B. All members in "
              "favour. Minutes signed.'",
      "3. Minutes\nThe minutes of the meeting held 4 May were accepted as a true record. Proposed "
      "by Cllr Hale and seconded by Cllr Udall. All members in favour. Minutes signed by the "
      "Chairman.\n",
      res=["The minutes of the meeting held 4 May were accepted as a true record. Proposed by "
           "Cllr Hale and seconded by Cllr Udall. All members in favour."]),
    V(MOTION, "'The accounts were approved. Proposed: A, seconded: B. Carried.' and more after",
      "5. Accounts\nThe accounts for March were approved for payment. Proposed: Cllr Frost, "
      "seconded: Cllr Dale. Carried. The clerk reported on the bank balance.\n",
      res=["The accounts for March were approved for payment. Proposed: Cllr Frost, seconded: "
           "Cllr Dale. Carried."]),
    # ---- "All members agreed that ... . This was proposed by A and seconded by B." --------------
    V(MOTION, "'All members agreed that ... . This was proposed by A and seconded by B. All "
              "members in favour'",
      "4. Annual meeting\nAll members agreed that for future annual meetings local groups be "
      "sent notice. This was proposed by Cllr Hale and seconded by Cllr Udall. All members in "
      "favour\n",
      res=["that for future annual meetings local groups be sent notice."]),
    V(MOTION, "'Councillors agreed to ... . This was proposed by A, seconded by B and carried.'",
      "6. Verges\nCouncillors agreed to ask the county to cut the verges twice a year. This was "
      "proposed by Cllr Frost, seconded by Cllr Dale and carried.\n",
      res=["to ask the county to cut the verges twice a year."]),
    V(TRAP, "'Members agreed that ... . This was proposed by A and seconded by B.' with no "
            "outcome",
      "7. Verges\nMembers agreed that the verges be cut twice a year. This was proposed by Cllr "
      "Frost and seconded by Cllr Dale.\n"),
    # ---- a body's decision in prose is its sentence -------------------------------------------
    V(PROSE, "'6.1. The Council RESOLVED to sign ... . Clerk to action ... .' ends at its sentence",
      "6. Lengthsman\n6.1. The Council RESOLVED to sign the new lengthsman contract for 2024/25. "
      "The clerk will return the contract to the county.\n6.2. The lengthsman reported on the "
      "verges.\n",
      res=["to sign the new lengthsman contract for 2024/25."]),
    V(PROSE, "'The Council resolved that ... . Cllr. A was appointed ... .' ends at its sentence",
      "5. Sub-committees\nThe Council resolved that the sub-committee membership should remain as "
      "agreed last year, with two exceptions. Cllr. Howe was appointed to the cemetery group and "
      "Cllr. Hale to the playing field group. Both are in addition to their other groups.\n",
      res=["that the sub-committee membership should remain as agreed last year, with two "
           "exceptions."]),
    V(PROSE, "'It was resolved to accept the minutes ... . There was one amendment ...'",
      "3. Minutes\nIt was resolved to accept the minutes of the meeting held on 4th May 2023. "
      "There was one amendment, recorded by the clerk, and the chair signed them.\n",
      res=["to accept the minutes of the meeting held on 4th May 2023."]),
    V(PROSE, "a name's full stop is not the sentence's end ('that Cllr. Smith be ...')",
      "4. Chair\nIt was resolved that Cllr. Smith be appointed chair of the hall committee for "
      "the year. The clerk will tell the committee.\n",
      res=["that Cllr. Smith be appointed chair of the hall committee for the year."]),
    V(PROSE, "'It was resolved that ... . It was resolved to ask ...': two decisions",
      "7.3. Police charter\nIt was resolved that the council's policing priority was speeding in "
      "the village. It was resolved to ask for police reports at future meetings.\n",
      res=["that the council's policing priority was speeding in the village.",
           "to ask for police reports at future meetings."]),
    # ---- "It was proposed by A, seconded by B and RESOLVED" ending its line, over a list --------
    V(MOTION, "'It was proposed by A, seconded by B and RESOLVED' then '1. To note ...;' '2. To "
              "delegate ...'",
      "9. Planning consultation\nCllr Hale gave an overview of the consultation.\n"
      "It was proposed by Cllr Frost, seconded by Cllr Dale and RESOLVED\n"
      "1. To note the consultation and encourage members to respond online;\n"
      "2. To delegate to the chair of planning a draft response for members to see.\n",
      res=["To note the consultation and encourage members to respond online",
           "To delegate to the chair of planning a draft response for members to see."]),
    V(MOTION, "'Proposed by A, seconded by B, and AGREED:' ending its line, over a list",
      "10. Grants\nProposed by Cllr Frost, seconded by Cllr Dale, and AGREED:\n"
      "(a) £200 to the fete committee;\n(b) £150 to the youth club.\n",
      res=["£200 to the fete committee", "£150 to the youth club."]),
    # ---- planning responses under an application --------------------------------------------
    V(MOTION, "a bare 'No objection' / 'Objection - reason' under each application",
      "7. Planning\na) 23/01234/FUL 4 Church Lane - single storey rear extension\nNo objection\n"
      "b) 23/01240/FUL Mill House - new garage\nObjection - overdevelopment of the site\n",
      res=["No objection", "Objection - overdevelopment of the site"]),
    V(MOTION, "'No objections raised' after the application's number",
      "9, Agree the response to Planning Application : 147012\nNo objections raised\n",
      res=["No objections raised"]),
    V(MOTION, "the response glued to the end of the description, its outcome written",
      "63 (b) Application received from Mr Lee, Mill House\nNo 0108/2006/LBC.\n"
      "Removal of part kitchen wall, lowering of hallway Floor No objections all present "
      "agreed.\n",
      res=["No objections all present agreed"]),
    V(MOTION, "'Councillors recommended that ... . all present agreed.'",
      "5. Planning\nApplication 23/0456 The Orchard, 4 units at the store. Councillors "
      "recommended that permission should be granted. all present agreed.\n",
      res=["that permission should be granted."]),
    V(TRAP, "'No objection' outside a planning application is not a response",
      "4. Order of business\nThe chair asked to take item 9 before item 5.\nNo objection.\n"),
    V(TRAP, "'No objections were raised' is a passive report",
      "6. Planning\n23/01234/FUL 4 Church Lane - rear extension\nNo objections were raised by "
      "neighbours to the county.\n"),
    # ---- the keyword glued or capitalised in the middle of a line --------------------------
    V(PROSE, "'After discussion it wasRESOLVED to ...' (glued)",
      "1. Quotes\nAfter discussion it wasRESOLVED to approve the quote from A Ltd for the "
      "fencing.\n",
      res=["to approve the quote from A Ltd for the fencing."]),
    V(PROSE, "'it wasAGREED that ...' (glued)",
      "2. Bins\nFollowing a short debate it wasAGREED that two new dog bins be bought.\n",
      res=["that two new dog bins be bought."]),
    V(MOTION, "'It was proposed, seconded and Resolved: That ...'",
      "2. Minutes\nIt was proposed, seconded and Resolved: That the minutes of the meeting held "
      "on 4 May be signed as a true record.\n",
      res=["That the minutes of the meeting held on 4 May be signed as a true record."]),
    V(TRAP, "'it was resolved' in a member's report of another body is not glued",
      "3. Reports\nCllr Hale said the district had met and it was resolved elsewhere; nothing "
      "for this council.\n"),
    # ---- nominations with their outcome and no seconder written ------------------------------
    V(MOTION, "'Cllr A received nominations to be the Chairman, unanimously elected.'",
      "1.\n\nElection of Chairman\n\n1.1\n\nCllr Hale received nominations to be the Chairman, "
      "unanimously elected.\n\n1.2\n\nCllr Udall was nominated to continue as vice chairman, "
      "unanimously agreed.\n",
      res=["Cllr Hale received nominations to be the Chairman, unanimously elected.",
           "Cllr Udall was nominated to continue as vice chairman, unanimously agreed."]),
    V(TRAP, "a nomination with no outcome, or declined, is not a decision",
      "3. Chair\nNominations were invited for the post of Chairman.\nCllr Frost was nominated "
      "but declined to stand.\n"),
    # ---- a planning response after the application's reference and colon -------------------
    V(MOTION, "'140485, to erect a depot on land east of the A15: no objections. However ...'",
      "8. Planning:- 140316, Glendower House, High Street: comments sent.\n\n140485, to erect "
      "a depot on land east of the A15: no objections. However the council asks that flooding "
      "be considered.\n",
      res=["no objections."]),
    V(TRAP, "a reference and colon before a report is not a response",
      "8. Planning\n140485, land east of the A15: the district has granted permission.\n"),
    # ---- "It was:-" / "Proposed by A and Seconded by B and RESOLVED by all that ..." ----------
    V(MOTION, "'It was:-' then 'Proposed by A and Seconded by B and RESOLVED by all that ...'",
      "3. Minutes\nIt was:-\nProposed by Councillor Cole and Seconded by Councillor Russell and "
      "RESOLVED by all that the notes be approved as minutes and signed by the Chairman.\n",
      res=["that the notes be approved as minutes and signed by the Chairman."]),
    V(MOTION, "'... and RESOLVED by all present to ...'",
      "5. Payments\nProposed by Cllr Hale and seconded by Cllr Udall and RESOLVED by all "
      "present to approve the payments listed.\n",
      res=["to approve the payments listed."]),
    # ---- "- RESOLVED: ..." as one bullet among "- " bullets ----------------------------------
    V(PROSE, "'- RESOLVED: To appoint ...' then '- ' bullets that report: one decision",
      "6. CLERK'S REPORT\n- RESOLVED: To appoint Cllr Lee to the play area group\n"
      "- Cllr Lee has completed her training.\n- The council has renewed its award.\n",
      res=["To appoint Cllr Lee to the play area group"]),
    V(PROSE, "'- RESOLVED that:' as a bulleted lead-in keeps its items",
      "7. Grants\n- RESOLVED that:\n- £200 be given to the fete;\n- £100 be given to the band.\n",
      res=["£200 be given to the fete", "£100 be given to the band."]),
    # ---- lost motions printed the same way (not decisions) -------------------------------------
    V(TRAP, "'Proposed by A and seconded by B' / 'LOST: 2 for, 5 against' / 'THAT ...'",
      "9. Playing field\nProposed by Cllr. A Vant and seconded by Cllr. B Newbon\n"
      "LOST: 2 for, 5 against\nTHAT THE PLAYING FIELD BE FENCED\n"),
    V(TRAP, "'Proposed: A / Seconded: B / NOT CARRIED: 3 for 4 against / That ...'",
      "10. Street lights\nProposed: Cllr Hale\nSeconded: Cllr Udall\n"
      "NOT CARRIED: 3 for 4 against\nThat the street lights be switched off at midnight.\n"),
    V(TRAP, "'Proposed by A, seconded by B' / 'DEFEATED' / 'That ...' ending the item",
      "11. Grants\nProposed by Cllr Frost, seconded by Cllr Dale\nDEFEATED\n"
      "That the council gives £500 to the fete.\n\n12. Any other business\nNone.\n"),
    V(TRAP, "'Proposed by A, seconded by B' / 'That ...' / 'The motion fell.'",
      "13. Speed signs\nProposed by Cllr Frost, seconded by Cllr Dale\n"
      "That a second speed sign be bought.\nThe motion fell.\n"),
    V(TRAP, "'Proposed by A, seconded by B' / 'That ...' / 'On being put to the vote the motion "
            "was lost.'",
      "14. Car park\nProposed by Cllr Frost, seconded by Cllr Dale\n"
      "That the car park be resurfaced this year.\n"
      "On being put to the vote the motion was lost.\n"),
]
# fmt: on


@pytest.mark.parametrize("v", PARISH, ids=[f"{v.kind}: {v.name}" for v in PARISH])
def test_each_parish_variant_is_read_as_a_judge_would(v):
    problems, notes = score(v)
    assert problems == [], notes


def _items(text: str) -> list[tuple[str, str]]:
    return [(r.item, r.text) for r in parse_minutes(text).resolutions]


@pytest.mark.parametrize(
    ("text", "item"),
    [
        (
            "3. Apologies\nNone.\n4. Minutes of the meeting on 14th August 2023. It was RESOLVED "
            "to approve and sign them as a true record.\n",
            "4",
        ),
        (
            "4. County reports\nNone received.\n5. Minutes of the last meeting: 6th July 2020.\n"
            "Proposed to approve the minutes by Cllr Archer. Seconded by Cllr Gray. All in "
            "favour.\n",
            "5",
        ),
        (
            "3. Council members\na. Mr Lee was co-opted.\n4. Minutes of the Extraordinary Meeting "
            "on 12th September 2017 it was RESOLVED to agree and sign the minutes as a true "
            "record.\n",
            "4",
        ),
        (
            "1. Chairman's remarks \u2013 The chairman welcomed all present.\n2. Apologies for "
            "absence \u2013 Apologies received from Cllr Hale.\n3. To receive declarations of "
            "interest in accordance with the Localism Act 2011 \u2013 None.\n4. Minutes of the last "
            "meeting: 6th July 2023.\nIt was resolved to approve them.\n",
            "4",
        ),
        (
            "6. Grants \u2013 it was agreed to give \u00a3200 to the fete committee.\n"
            "7. Footpaths \u2013 it was agreed to ask the county to clear path 12.\n",
            "7",
        ),
    ],
)
def test_the_next_items_title_with_its_minute_on_one_line_opens_that_item(text, item):
    # "4. Minutes of the meeting on ... . It was RESOLVED ...": numbered as the next item, a
    # short title, then the minute (or the date of the meeting it approves) on the same line
    assert _items(text)[-1][0] == item


@pytest.mark.parametrize(
    "line",
    [
        "4. Cllr Hale reported that the roof was mended. It was agreed to thank him.",
        "4. The clerk reported on the roof: it was agreed to get quotes.",
    ],
)
def test_a_numbered_paragraph_in_turn_is_not_the_next_items_title(line):
    # the guard: a numbered paragraph whose first words are a person or a sentence's subject
    # stays in the item above it
    assert _items(f"3. Village hall\nThe roof leaks.\n{line}\n")[-1][0] == "3"


def _actions(text: str) -> list[tuple[str, str]]:
    return [(f.owner, f.text) for f in parse_minutes(text).followups if f.source != "resolution"]


@pytest.mark.parametrize(
    ("line", "owner"),
    [
        (
            "ACTION: The Clerk was directed to make contact with the county about the timetables.",
            "The Clerk",
        ),
        ("ACTION: The Clerk was instructed to order two new dog bins.", "The Clerk"),
        ("Action: Cllr Mrs A Gregory Smith to chase this up.", "Cllr Mrs A Gregory Smith"),
        ("Cllr Mr P J Hale to order the new dog bins.", "Cllr Mr P J Hale"),
        (
            "Action: Councillor Mrs E Lee to contact the county about the verges.",
            "Councillor Mrs E Lee",
        ),
    ],
)
def test_a_councillors_title_before_a_persons_and_an_initial_name_the_owner(line, owner):
    # "Cllr Mrs A Gregory Smith": two titles and an initial "A" (not the article)
    acts = _actions(f"5. Hedges\nThe hedge at the school was not cut.\n{line}\n")
    assert [a[0] for a in acts] == [owner]


def test_a_sentence_opening_with_the_article_a_names_no_owner():
    # the guard: "A quote to repair ..." starts with the article, not an initial
    text = "5. Wall\nA quote to repair the churchyard wall had been received from A Ltd.\n"
    assert _actions(text) == []


def test_an_owner_label_after_a_motion_naming_a_seconder_by_an_initial_takes_the_whole_motion():
    # "seconded by C. Cuckson": the initial's full stop does not end the decision the label
    # ("Action RG/GP") refers to (with a sentence after it saying what someone would do, the
    # label takes that sentence: branch minutesleft6, the batch 30 Kexby reading)
    text = (
        "09/20 Accounts\nS. Farrow proposed acceptance of the accounts for 2023-24, seconded by "
        "C. Cuckson and unanimously agreed.\n\nAction RG/GP\n"
    )
    acts = _actions(text)
    assert [a[0] for a in acts] == ["RG/GP"]
    assert acts[0][1].startswith("S. Farrow proposed acceptance")
    assert "seconded by C. Cuckson and unanimously agreed" in acts[0][1]


@pytest.mark.parametrize(
    "line",
    [
        "Cllr Hale proposed that the precept be raised by 5%, seconded by Cllr Udall. On being put "
        "to the vote the motion was lost (3 for, 4 against).",
        "It was proposed by Cllr Frost and seconded by Cllr Dale that the car park be closed at "
        "night. The motion was defeated.",
        "Proposed Cllr Hale, seconded Cllr Udall that the hall charges be frozen. Vote: 2 for, 5 "
        "against.",
    ],
)
def test_a_lost_motion_goes_to_review_saying_it_was_lost(line):
    e = parse_minutes(f"4. Precept\n{line}\n")
    assert e.resolutions == ()
    assert any("the motion was lost" in u.reason for u in e.unsure)


def test_titles_ended_by_a_colon_and_dash_and_a_number_printed_with_two_dots_keep_the_items():
    # "4. Chair and Council's Comments:- ...", "6.. Crime & Vandalism:- ...": each line opens the
    # next item; the planning response under "8. Planning:-" sits in item 8
    text = (
        "3. Notes of last meeting on 21st November, to be approved as minutes:-\n\n"
        "The minutes were signed as a true record\n\n"
        "4. Chair and Council's Comments:- The Chairman had no comments to make. Cllr Lee wished "
        "to raise an issue but it was agreed that this be discussed in agenda item 13.\n\n"
        "5. Reports from District and County Councillors:- None from either councillor.\n\n"
        "6.. Crime & Vandalism:- No police report received.\n\n"
        "7. Clerk's Report on Matters Outstanding:- The clerk reported that the insurance cover "
        "has been increased.\n\nThe clerk has completed the grant application for a salt bin.\n\n"
        "8. Planning:- 140316, Glendower House, High Street: comments sent.\n\n"
        "140485, to erect a depot on land east of the A15: no objections. However the council "
        "asks that flooding be considered.\n"
    )
    assert [item for item, _ in _items(text)] == ["4", "8"]
