"""Resolution layouts that the dev pages of batches 37-39 (untuned until this session's second
wave) showed the reader missing. None of these texts is taken from a page; each kind is written
in several wordings, as published, hard-wrapped at 60 columns and flattened onto one line after
a page's attendance, with guards that must stay untaken:

- APPROVED in capitals opening a sentence, after the meeting's body ("The Council APPROVED
  £13.20 for ...") or alone in a bullet ("• APPROVED the quote for ..."): the sentence;
- a keyword's clause inside a sentence, then the movers' own sentence ("Council AGREED that they
  be signed. Cllr. A PROPOSED and Cllr. B SECONDED the motion."): the clause without the movers;
- "It was decided to ..." on minutes that list who was present and mention "the report of the
  buildings": the page is a record, not an officer's report;
- a coded minute's title, a sentence, then "Resolved: The minutes ... were approved ..." on the
  same line: the keyword's colon, not the title's;
- the previous minutes "ratified" with their movers: the whole motion (rule 4);
- "it was (unanimously) voted (upon) that ...", "the Council voted to ...": a prose decision;
- "The community council agreed that ...", "the parish council agreed to ...": the meeting's own
  council in lower case ("the county council agreed ..." is a partner's);
- "3. To approve the minutes of the previous meeting 19/25": the minute's reference unbracketed
  after the title is the item number.

Traps: "were APPROVED by the trustees", a title in capitals ("APPROVED MINUTES OF THE ..."),
"The minutes were ratified." with no mover, "Members voted against ...", "Cllr A voted to ..."."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes
from tracker.minutes.learnt.layouts import flatten

from .layout_kit import MOTION, PREAMBLE, PROSE, TRAP, WRAPPED_OR_FLATTENED, V, Variant, score

KEYWORD = "keyword decision"

# fmt: off
CAPITALS = [
    V(KEYWORD, "'The Council APPROVED £13.20 for ...' inside a bullet's paragraph",
      "4. Village sign\n• The clerk confirmed that the plans had been submitted. However a "
      "scale plan is required. The Council APPROVED £13.20 for the purchase of the site plan "
      "and the clerk will meet the printer. It was AGREED that the clerk would write to the "
      "printer.\n5. Close\nThe meeting closed at 9pm.\n",
      res=["The Council APPROVED £13.20 for the purchase of the site plan and the clerk will "
           "meet the printer."]),
    V(KEYWORD, "'• APPROVED the quote for £150 for ...' opening a bullet",
      "6. Bus shelter\n• The painting of the shelter is now complete\n• APPROVED the quote for "
      "£150 for the installation of a bench opposite the window. It was AGREED that the clerk "
      "would arrange the work\n7. Close\nThe meeting closed at 9pm.\n",
      res=["APPROVED the quote for £150 for the installation of a bench opposite the window."]),
    V(KEYWORD, "'The Parish Council APPROVED the renewal ... with J. Smith Ltd ...' after a "
               "discussion",
      "8. Grass cutting\nThe contract for grass cutting was discussed. The Parish Council "
      "APPROVED the renewal of the contract with J. Smith Ltd for 2018. The clerk will write to "
      "the contractor.\n9. Close\nThe meeting closed at 9pm.\n",
      res=["The Parish Council APPROVED the renewal of the contract with J. Smith Ltd for "
           "2018."]),
    V(KEYWORD, "'The Committee APPROVED payment of the invoices listed.' in a review of actions",
      "3. Review of previous actions\nThe Clerk reported that the invoices had arrived. The "
      "Committee APPROVED payment of the invoices listed in the schedule.\n4. Close\nNone.\n",
      res=["The Committee APPROVED payment of the invoices listed in the schedule."]),
    V(TRAP, "guard: 'were APPROVED by the trustees' (passive) and 'APPROVED MINUTES OF THE ...'",
      "APPROVED MINUTES OF THE MEETING OF THE PARISH COUNCIL HELD ON 5 MARCH\n\n6. Hall\nThe "
      "hire charges were APPROVED by the trustees last month and the hall is busy.\n"
      "7. Close\nNone.\n"),
]

MOVERS = [
    V(KEYWORD, "'Council AGREED that ... . Cllr. A PROPOSED and Cllr. B SECONDED the motion.'",
      "3. Minutes\nThe Minutes of the meeting held on 15th November were declared correct and "
      "accepted as a true record, and Council AGREED that they should be signed at the close. "
      "Cllr. J. Hale PROPOSED and Cllr. A. Udall SECONDED the motion.\n4. Close\nNone.\n",
      res=["that they should be signed at the close."]),
    V(KEYWORD, "'the Council RESOLVED to ... . Mr. A proposed and Mrs. B seconded the motion.'",
      "5. Footway\nAfter a long discussion of the quotes the Council RESOLVED to accept the "
      "lowest quote for the footway. Mr. J. Frost proposed and Mrs. A. Dale seconded the "
      "motion.\n6. Close\nNone.\n",
      res=["to accept the lowest quote for the footway."]),
    V(KEYWORD, "'It was AGREED to ... . Proposed by Cllr. A, seconded by Cllr. B.'",
      "7. Verge\nThe state of the verge on Mill Lane was discussed and it was AGREED to ask the "
      "county to cut it twice a year. Proposed by Cllr. Hale, seconded by Cllr. Udall.\n"
      "8. Close\nNone.\n",
      res=["to ask the county to cut it twice a year."]),
]

RECORDS = [
    V(PROSE, "'It was decided to hold a meeting ...' beside 'the survey report of the buildings'",
      "PRESENT: Councillors A Frost, J Dale, M Hale, T Udall. OFFICER: the Town Clerk.\n\n"
      "749. TO RECEIVE THE LIBRARY APPRAISAL. Mr Richards said the survey report of the "
      "buildings will now go out for consultation. It was decided to hold a meeting on the 20 "
      "September at 11am in the Council Chamber.\n\n750. CLOSE\nNone.\n",
      res=["to hold a meeting on the 20 September at 11am in the Council Chamber."]),
    V(PROSE, "'The Council agreed to ...' under 'To receive the report of the Clerk', with "
             "apologies received",
      "Apologies were received from Cllr Frost.\n\n12. To receive the report of the Clerk\n"
      "The Clerk reported on the play area. The Council agreed to replace the swings before "
      "the summer.\n\n13. Close\nNone.\n",
      res=["to replace the swings before the summer."]),
]

GLUED_LABEL = [
    V(KEYWORD, "'040/21 MINUTES The draft ... were noted. Resolved: The minutes ... were "
               "approved ...'",
      "040/21 MINUTES The draft Minutes of the Personnel Committee held on 8 March were noted "
      "as received. Resolved: The minutes of the Parish Council meeting held on 15 February "
      "were approved as a true and correct record.\n\n041/21 SAFETY The bulletin was noted.\n",
      res=["The minutes of the Parish Council meeting held on 15 February were approved as a "
           "true and correct record."]),
    V(KEYWORD, "'12/22 FINANCE The accounts were presented. Agreed: The payments ... be made.'",
      "12/22 FINANCE The accounts for April were presented by the Clerk. Agreed: The payments "
      "listed in the schedule be made and the bank reconciliation be signed.\n\n"
      "13/22 PLANNING None received.\n",
      res=["The payments listed in the schedule be made and the bank reconciliation be "
           "signed."]),
    V(KEYWORD, "'PC23/05 Play area The report was discussed. RESOLVED: The Clerk obtains ...'",
      "PC23/05 Play area The inspection report was discussed at length. RESOLVED: The Clerk "
      "obtains three quotes for the repair of the swings.\n\nPC23/06 Close None.\n",
      res=["The Clerk obtains three quotes for the repair of the swings."]),
]

RATIFIED = [
    V(MOTION, "'The minutes ... were ratified. Proposed: A Seconded: B Voting: Unanimous.'",
      "18619 Ratification of the minutes of the meeting held on 30th October. The minutes of "
      "the meeting of the 30th October were ratified. Proposed: Cllr Beard Seconded: Cllr "
      "Fisher Voting: Unanimous.\n\n18620 Matters arising\nNone.\n",
      res=["The minutes of the meeting of the 30th October were ratified. Proposed: Cllr Beard "
           "Seconded: Cllr Fisher Voting: Unanimous."]),
    V(MOTION, "'The minutes ... were ratified, proposed by A and seconded by B.'",
      "21. Minutes of the Planning Committee\nThe minutes of the Planning Committee held on 6 "
      "November were ratified, proposed by Cllr Hale and seconded by Cllr Udall.\n"
      "22. Close\nNone.\n",
      res=["The minutes of the Planning Committee held on 6 November were ratified, proposed by "
           "Cllr Hale and seconded by Cllr Udall."]),
    V(MOTION, "'The minutes were duly ratified. Proposed: Cllr A. Seconded: Cllr B.'",
      "3. Minutes\nThe minutes of the last meeting were duly ratified. Proposed: Cllr Frost. "
      "Seconded: Cllr Dale. All in favour.\n4. Close\nNone.\n",
      res=["The minutes of the last meeting were duly ratified. Proposed: Cllr Frost. Seconded: "
           "Cllr Dale."]),
    V(TRAP, "guard: 'The minutes ... were ratified.' with no mover",
      "3. Minutes\nThe minutes of the last meeting were ratified.\n4. Close\nNone.\n"),
]

VOTED = [
    V(PROSE, "'it was unanimously voted' / 'upon that the vacancy be filled by ...'",
      "12932. Co-option\nTwo applications were received and, following a meeting where the "
      "candidates were invited to attend, it was unanimously voted\nupon that the vacancy be "
      "filled by Keith Reed given his knowledge of planning.\n12933. Close\nNone.\n",
      res=["that the vacancy be filled by Keith Reed given his knowledge of planning."]),
    V(PROSE, "'After discussion the Council voted to accept the quote ...'",
      "7. Hall roof\nAfter discussion the Council voted to accept the quote from Hale Builders "
      "for the roof.\n8. Close\nNone.\n",
      res=["to accept the quote from Hale Builders for the roof."]),
    V(PROSE, "'It was voted that the bench be moved ...', a member voting against after it",
      "9. Bench\nIt was voted that the bench be moved to the green. Cllr Frost voted against "
      "the proposal.\n10. Close\nNone.\n",
      res=["that the bench be moved to the green."]),
    V(TRAP, "guard: 'Members voted against ...' and 'Cllr A voted to abstain'",
      "5. Mast\nMembers voted against the mast on the green. Cllr Hale voted to abstain.\n"
      "6. Close\nNone.\n"),
]
LOWER_CASE_COUNCIL = [
    V(PROSE, "'· The community council agreed that the minutes ... were an accurate reflection'",
      "3. To approve the minutes of the previous meeting\n· The community council agreed that "
      "the minutes of the previous meeting were an accurate reflection of that meeting. "
      "Councillor Judd abstained as she was absent.\n4. Close\nNone.\n",
      res=["that the minutes of the previous meeting were an accurate reflection of that "
           "meeting."]),
    V(PROSE, "'The parish council agreed to ...' after a discussion",
      "7. Hedges\nThe overgrown hedge on Mill Lane was discussed and the parish council agreed "
      "to write to the landowner.\n8. Close\nNone.\n",
      res=["to write to the landowner."]),
    V(PROSE, "'The full council agreed that ...'",
      "9. Standing orders\nThe full council agreed that the revised standing orders be adopted "
      "from 1 May.\n10. Close\nNone.\n",
      res=["that the revised standing orders be adopted from 1 May."]),
    V(TRAP, "guard: 'the county council agreed to ...' (a partner, not this meeting)",
      "5. Highways\nThe clerk reported that the county council agreed to repair the potholes "
      "in June.\n6. Close\nNone.\n"),
]
# fmt: on

ALL: list[Variant] = (
    CAPITALS + MOVERS + RECORDS + GLUED_LABEL + RATIFIED + VOTED + LOWER_CASE_COUNCIL
)
LAYOUTS = WRAPPED_OR_FLATTENED


@pytest.mark.parametrize("v", ALL, ids=[f"{v.kind}: {v.name}" for v in ALL])
def test_each_variant_is_read_as_a_judge_would(v):
    problems, notes = score(v)
    assert problems == [], notes


# kinds read as published but not yet in these layouts: left open, named in the corpus
# README's fresh2res section
LEFT_OPEN: set[tuple[str, str]] = set()


def test_the_kinds_left_open_are_variants_of_this_file():
    names = {v.name for v in ALL}
    assert {name for name, _ in LEFT_OPEN} <= names


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("v", ALL, ids=[f"{v.kind}: {v.name}" for v in ALL])
def test_each_variant_reads_the_same_wrapped_or_flattened(v, layout, request):
    if (v.name, layout) in LEFT_OPEN:
        # a known gap: it must still fail, so that closing it moves it out of LEFT_OPEN
        request.applymarker(pytest.mark.xfail(reason="left open (see LEFT_OPEN)", strict=True))
    laid = Variant(v.kind, v.name, LAYOUTS[layout](v.text), v.resolutions, v.actions)
    problems, notes = score(laid)
    assert problems == [], notes


# "1. Apologies" / "1. Declarations of Interest - None" / "1. Public Participation": every item
# printed "1." one after another (an ordered list published an item at a time); the decision
# under them has no item number, as the judging rules read a page whose numbers were lost
LOST_NUMBERS = [
    "1. Minutes of the meeting held on 28th June\n\nIt was AGREED that the minutes of the "
    "meeting held on 28th June be APPROVED as a true record.\n\n1. Apologies - Cllr Dale\n"
    "1. Declarations of Interest - None\n1. Public Participation - None\n\n1. Bus shelter\n"
    "It was AGREED that the shelter be painted green.\n",
    "1. Apologies\n1. Declarations of interest\n1. Minutes\nIt was RESOLVED that the minutes "
    "be signed.\n1. Finance\nIt was RESOLVED that the accounts be paid.\n",
]


@pytest.mark.parametrize("text", LOST_NUMBERS, ids=["after a decision", "from the top"])
def test_items_all_printed_one_lose_their_numbers(text):
    found = parse_minutes(text).resolutions
    assert len(found) == 2
    assert [r.item for r in found] == ["", ""]


def test_a_list_numbered_on_under_a_one_keeps_its_item():
    text = (
        "1. Minutes\nIt was RESOLVED that the minutes be signed.\n2. Finance\n1. Bank\n"
        "1. Accounts\n2. Audit\nIt was RESOLVED that the accounts be paid.\n"
    )
    assert [r.item for r in parse_minutes(text).resolutions] == ["1", "2"]


# a page flattened onto one line: a year inside an item's upper-case title is no item number
# ("749. TO RECEIVE LIBRARY MODERNISATION 2013 APPRAISAL REPORT"); a number after an upper-case
# word that is not a year still opens the next item ("... NONE 4. MATTERS ARISING")
TITLED = [
    (
        "749. TO RECEIVE LIBRARY MODERNISATION 2013 APPRAISAL REPORT OF POSSIBLE SITES. The "
        "chair welcomed Mr Richards. It was decided to hold a meeting on the 20 September 2013 "
        "at 11am in the Council Chamber. 750. TO RECEIVE QUESTIONS FROM THE PUBLIC. NONE",
        "749",
    ),
    (
        "31. TO CONSIDER THE PLAY AREA INSPECTION 2019 REPORT The inspection was discussed. It "
        "was agreed to repair the swings before the summer. 32. CORRESPONDENCE None.",
        "31",
    ),
    (
        "3. APOLOGIES NONE 4. MATTERS ARISING FROM THE MINUTES It was agreed to write to the "
        "county about the verge. 5. CLOSE The meeting closed at 9pm.",
        "4",
    ),
]


@pytest.mark.parametrize("text, item", TITLED, ids=["2013 in a title", "2019 in a title", "guard"])
def test_a_year_inside_a_flattened_title_is_no_item(text, item):
    found = parse_minutes(flatten(PREAMBLE + text)).resolutions
    assert [r.item for r in found] == [item]


# "3. To approve the minutes of the previous meeting 19/25": the minute's reference printed after
# the agenda's title, unbracketed, is the item's number (as "(19/25)" already was); a financial
# year or a planning application's reference at the end of a title is not
TRAILING_REFS = [
    (
        "3. To approve the minutes of the previous meeting 19/25\nIt was RESOLVED that the minutes "
        "be signed.\n4. To approve the schedule of payments 20/25\nNone.\n",
        "19/25",
    ),
    (
        "12. Play area inspection 134/24\nIt was RESOLVED that the swings be repaired.\n"
        "13. Close 135/24\nNone.\n",
        "134/24",
    ),
    (
        "10. To approve provision of Civic Amenity Visits 2019/20\nIt was RESOLVED that the visits "
        "be booked.\n11. Close\nNone.\n",
        "10",
    ),
    (
        "7. Planning application 23/00123/FUL\nIt was RESOLVED that no objection be raised.\n"
        "8. Close\nNone.\n",
        "7",
    ),
]


@pytest.mark.parametrize(
    "text, item",
    TRAILING_REFS,
    ids=["19/25", "134/24", "guard: a year", "guard: a planning reference"],
)
def test_a_minute_reference_after_the_title_is_the_item(text, item):
    assert [r.item for r in parse_minutes(text).resolutions] == [item]
