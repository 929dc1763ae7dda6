"""Layouts of the dev pages of batches 40-42 (issue 17, branch tune40), each kind seen failing on
main on a real dev page and written here in several wordings, with guards. None of these texts
is taken from a page:

- an action tracker in columns of spaces whose header row wraps onto a second line ("LEAD
  TARGET NEW STATUS/" over "DATE DATE COMMENT"): rows read by where their words stand, with
  empty cells, cells wrapped onto the row's next lines and month lines grouping the rows;
- an owner in square brackets: "Action agreed: Produce a leaflet ... [AH]" (the label "Action
  agreed:" before the task itself), and "[JH to action]" / "(JH to action)" after the meeting's
  decision (an owner-only label: the decision stays a resolution, and "action" is no task);
- a lead-in "Council considered the determinations set out by the Independent Review Panel for
  Wales and made the following decisions:-" over its bullets: what the body considered may be
  long before "made the following decisions" (not another body's: "... had made ...");
- a motion whose outcome word is followed by what was agreed: "3.1. Minutes of the meeting of
  11 September It was proposed by A seconded by B and AGREED by the Meeting, with one
  abstention, to accept the minutes ...", "... discussed the quotations and all agreed to award
  the work to ... . The Council voted and A proposed ...": the "to ..." clause, to its sentence's
  end when the movers' sentence follows; and "2:00 Approval of the minutes ...: The minutes were
  approved by A and seconded by B.": the motion without its item's title glued before it;
- trap: an item's lettered or roman sub-headings ("b. Actions from the previous meeting", "c.
  Matters arising not covered elsewhere on the agenda", "i) War Memorial Trust") after the
  discussion are titles, not a list of decisions whose label was lost (they go to review);
- a planning table flattened onto one line, a lettered row per application ("a. 19/01234/FUL
  Proposed ... 12 Mill Lane No objections, however, ... . b. 19/01240/FUL ... No objections."):
  each row's response to the end of its row;
- item numbers: a coded minute hyphened ("OM-19-133 PLANNING APPLICATIONS:"), items numbered
  "1:00", "2:00", and a house's number in an address ("... . 131 Mill Lane ...") is no item;
- "Councillors resolved to ...", "At the request of the Mayor, councillors resolved to adjourn
  ...": the council's members resolving (not "Councillors agreed"), and on a flattened page a
  minute numbered with its agenda number in brackets ("... leads. 217(4) Public participation",
  "... the meeting 218(5) Questions") opens its item (item 217);
- review: "No further action required by Council" closing an item is offered as its outcome;
- an election: "Councillor A nominated Councillor B. This was seconded by Councillor C. ... on
  being put to the vote, unanimously," then "That Councillor B be elected as Chair ...": the bare
  clause is the decision, the nomination goes to review as the same decision.
"""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes

from .layout_kit import LOST, MOTION, OWNER_COL, OWNER_LABEL, PREAMBLE, TRAP, V, Variant, score

# fmt: off
_TRACKER_HEAD = (
    "COUNTY HOSPITALS NHS TRUST\n"
    "                         BOARD ACTION TRACKING LIST\n"
)
ALIGNED = [
    V(OWNER_COL, "'NO PAPER ACTION LEAD TARGET NEW STATUS/' over 'DATE DATE COMMENT', month lines",
      _TRACKER_HEAD +
      " NO      PAPER          ACTION                                              LEAD     TARGET     NEW       STATUS/\n"
      "                                                                                     DATE       DATE      COMMENT\n"
      " June 2021\n"
      " 01.06   Estates        Car park charges to be reviewed before the winter   KP       Sept       12 Oct    Deferred to\n"
      "                                                                                                          October\n"
      " 02.06   Workforce      Exit interview themes would be reported to the      RL       30 Nov               Not yet due\n"
      "         report         Board with the staff survey\n"
      " May 2021\n"
      " 5.01    Finance        Capital plan to be refreshed                        KP/RL    14.9.21              On track\n"
      " 5.02    Quality        A deep dive would be held on falls                           3 Aug                Not yet due\n",
      act=[("KP", "Car park charges to be reviewed before the winter"),
           ("RL", "Exit interview themes would be reported to the Board with the staff survey"),
           ("KP/RL", "Capital plan to be refreshed"),
           ("", "A deep dive would be held on falls")]),
    V(OWNER_COL, "'REF ACTION OWNER DUE' over 'DATE', an empty owner cell and prose after it",
      "Partnership Board action log\n\n"
      " REF    ACTION                                          OWNER      DUE      PROGRESS/\n"
      "                                                                   DATE     UPDATE\n"
      " 1      Terms of reference to be circulated             Chair      March    Done\n"
      " 2      Funding bid to be drafted for the spring        AB         April    Started\n"
      "        round of grants\n"
      "\n"
      "The Chair thanked members for their attendance and closed the meeting at 4pm.\n",
      act=[("Chair", "Terms of reference to be circulated"),
           ("AB", "Funding bid to be drafted for the spring round of grants")]),
]
ALIGNED_GUARDS = [
    V(OWNER_COL, "guard: a two-line heading over a notes table that names no action column",
      "Parish Council\n\n"
      " ITEM    NOTES                                          RAISED     NEXT\n"
      "                                                        BY         MEETING\n"
      " 1       The bench by the pond was discussed           Cllr Lee   May\n"
      " 2       The footpath was reported overgrown           Cllr Dee   June\n"),
]
CC = "Minutes of the Community Council\n\n1. Apologies\nNone.\n\n"
BRACKETED = [
    V(OWNER_LABEL, "'Action agreed:' then the task, its owner's initials in square brackets",
      CC + "5. Hall\nThe booking rules were discussed.\n\nAction agreed: Produce a leaflet on the "
      "hall booking rules for the notice board [AH]\n",
      act=[("AH", "Produce a leaflet on the hall booking rules for the notice board")]),
    V(OWNER_LABEL, "'Actions agreed -' then the task, the owners in square brackets",
      CC + "5. Paths\nActions agreed - Write to the county council about the stile [JB/KL]\n",
      act=[("JB/KL", "Write to the county council about the stile")]),
    V(OWNER_LABEL, "'[JH to action]' after an item's prose decision",
      CC + "4. Fish farm: It was agreed to ask the company to present at our next meeting. "
      "[JH to action]\n",
      res=["to ask the company to present at our next meeting."],
      act=[("JH", "to ask the company to present at our next meeting.")]),
    V(OWNER_LABEL, "'(Clerk to action)' after an item's prose decision",
      CC + "6. Bins\nIt was agreed to ask the district council for a second bin on the green. "
      "(Clerk to action)\n",
      res=["to ask the district council for a second bin on the green."],
      act=[("Clerk", "to ask the district council for a second bin on the green.")]),
]
BRACKETED_GUARDS = [
    V(TRAP, "guard: initials in square brackets in the attendance list",
      "Minutes of the Governing Board\n\nPresent: Mr C Worts [CW] Chair; Mrs J Lloyd [JL]\n\n"
      "1. Apologies\nNone were received.\n"),
    V(TRAP, "guard: 'ACTIONS AGREED:' over a list stays the list's label",
      CC + "7. Trees\nACTIONS AGREED:\nClerk to order two trees for the green.\n",
      act=[("Clerk", "order two trees for the green.")]),
]
FOLLOWING = [
    V(LOST, "'... and made the following decisions:-' after a long clause, dashed bullets",
      CC + "5. Payments to members\nCouncil considered the determinations set out by the "
      "Independent Remuneration Panel for Wales in its annual report and made the following "
      "decisions:-\n- Determination 12 - decline\n- Determination 13 - accept in respect of "
      "travel costs\n- Determination 14 - accept\n6. Planning\nNo applications had been "
      "received.\n",
      res=["Determination 12 - decline", "Determination 13 - accept in respect of travel costs",
           "Determination 14 - accept"]),
    V(LOST, "'The Board, having heard the officers' long report, made the following decisions:'",
      "Minutes of the Partnership Board\n\n3. Grants\nThe Board, having heard the officers' "
      "report on the applications received in the autumn round and the scoring panel's views, "
      "made the following decisions:\n(a) the Youth Club grant of £500 be approved;\n(b) the "
      "Allotment Society grant be deferred.\n4. Any other business\nNone.\n",
      res=["the Youth Club grant of £500 be approved;", "the Allotment Society grant be deferred."]),
]
FOLLOWING_GUARDS = [
    V(TRAP, "guard: another body's decisions reported ('... had made the following decisions:')",
      CC + "5. Payments to members\nThe Clerk reported that the Independent Remuneration Panel "
      "for Wales in its annual report had made the following decisions:\n- Determination 12 - "
      "payments for travel\n- Determination 13 - payments for care\n6. Planning\nNone.\n"),
]
PC = "Minutes of the Parish Council\n\n1. Apologies\nNone.\n\n"
CARRIED = [
    V(MOTION, "title glued before 'It was proposed by A seconded by B and AGREED ..., to accept'",
      PC + "3. MINUTES:\n\n3.1. Minutes of the Ordinary Meeting of 9 th October 2012 It was "
      "proposed by Cllr. Mrs. A. B. Dale seconded by Cllr. J. Penn and AGREED by the Meeting, with "
      "one abstention, to accept the minutes, as a correct record.\n\n4. Finance\nThe accounts "
      "were noted.\n",
      res=["to accept the minutes, as a correct record."]),
    V(MOTION, "'... and all agreed to award the work ... . The Council voted and A proposed ...'",
      PC + "12 Matters Arising\n\ni. The Parish Council discussed the three quotes for the bus "
      "shelter and all agreed to award the work to Hale Joinery because of the longer guarantee. "
      "The Council voted and Councillor Ann Frost proposed Hale Joinery to carry out the work and "
      "Councillor Jim Dale seconded the proposal with the other Councillors voting in favour.\n\n"
      "13 Finance\nThe accounts were noted.\n",
      res=["to award the work to Hale Joinery because of the longer guarantee."]),
    V(MOTION, "'2:00 Approval of the minutes ...: The minutes were approved by A and seconded by B.'",
      "Minutes of the Community Council\n\n1:00 Apologies: none.\n2:00 Approval of the minutes "
      "of Meeting held on Tuesday 4 June, 2019: The minutes were approved by Cllr Frost and "
      "seconded by Cllr Dale.\n3:00 Planning: no applications.\n",
      res=["The minutes were approved by Cllr Frost and seconded by Cllr Dale."]),
]
CARRIED_GUARDS = [
    V(MOTION, "guard: a nomination, then 'All agreed to elect ...', is the whole motion (rule 4)",
      PC + "2. Election of Chairman\nCllr. East nominated Cllr Penn. Seconded by Cllr Dale. There "
      "were no other nominations. All agreed to elect Cllr Penn as Chairman for the year.\n\n3. "
      "Finance\nThe accounts were noted.\n",
      res=["Cllr. East nominated Cllr Penn. Seconded by Cllr Dale. There were no other "
           "nominations. All agreed to elect Cllr Penn as Chairman for the year."]),
    V(MOTION, "guard: 'proposed by A, seconded by B and agreed that ... be ...' keeps its clause",
      PC + "5. Hall\nIt was proposed by Cllr Frost, seconded by Cllr Dale and agreed that the hall "
      "be booked for the fete.\n",
      res=["that the hall be booked for the fete."]),
]
SUB_TITLES = [
    V(TRAP, "lettered sub-headings of the minutes item after its discussion",
      "Minutes of the Town Board\n\n3. Minutes of the Previous Meeting and Matters Arising\n"
      "The minutes of the previous meeting were discussed at length by the board, with a number of "
      "corrections made to the wording.\na. Agreement of minutes as a true record\nb. Actions from "
      "the previous meeting\nc. Matters arising not covered elsewhere on the agenda\n4. Town "
      "Centre\nThe board heard an update.\n"),
    V(TRAP, "a roman sub-heading under a lettered one, then the minute",
      "Minutes of the Community Council\n\nThe Clerk read the correspondence received since the "
      "last meeting and members discussed each letter in turn before moving on.\n(a) Village "
      "War Memorials\ni) War Memorial Trust\nThe Clerk advised that she had downloaded the "
      "grant forms.\n"),
]
SUB_TITLE_DECISIONS = [
    V(LOST, "guard: lettered clauses with a verb after the discussion stay decisions",
      "Minutes of the Town Board\n\n4. Grants\nThe applications received in the autumn round "
      "were discussed at length by the board, with the scoring panel's views heard in turn.\n"
      "a. The Youth Club grant of £500 be approved\nb. The Allotment Society grant be deferred\n"
      "5. Any other business\nNone.\n",
      res=["The Youth Club grant of £500 be approved", "The Allotment Society grant be deferred"]),
]
PLANNING_ROWS = [
    V(MOTION, "lettered rows of a planning table flattened onto one line, under a coded minute",
      "Minutes of the Parish Council\n\nPC-19-132 DECLARATIONS OF INTEREST: None.\n\n"
      "PC-19-133 PLANNING APPLICATIONS:\n\nAPPLICATION & PROPOSAL ADDRESS a. 19/01234/FUL Proposed "
      "rear extension to the dwelling. 12 Mill Lane Great Bentley No objections, however, the "
      "Parish Council is concerned about parking on the lane. b. 19/01240/FUL Proposed new porch. "
      "Mr A Smith 4 Church Road Little Bentley No objections. c. 19/01301/FUL Change of use of "
      "barn to office. Hall Farm Close Bentley Objection - loss of rural character.\n\n"
      "PC-19-134 FINANCE: The accounts were noted.\n",
      res=["No objections, however, the Parish Council is concerned about parking on the lane.",
           "No objections.", "Objection - loss of rural character."]),
]
# fmt: on


def test_planning_rows_take_their_coded_minute_not_a_house_number() -> None:
    e = parse_minutes(PLANNING_ROWS[0].text)
    assert [r.item for r in e.resolutions] == ["PC-19-133"] * 3


def test_items_numbered_with_a_colon_and_two_noughts() -> None:
    text = (
        "Community Council minutes\n\n1:00 Apologies: none.\n2:00 Approval of the minutes of "
        "Meeting held on Tuesday 4 June, 2019: The minutes were approved by Cllr Frost and "
        "seconded by Cllr Dale.\n3:00 Planning: no applications.\n"
    )
    assert [r.item for r in parse_minutes(text).resolutions] == ["2:00"]


FLAT_TOWN = (
    " ".join(PREAMBLE.replace("Village Hall", "Town Hall").split("\n"))
    + " 214(1) Apologies for absence Cllr Black 215(2) Declaration of interests None 216(3) Minutes "
    "of the last meeting Councillors resolved to approve as a correct record the minutes of the "
    "meeting held on 12 March subject to one typographical error. 217(4) Public participation At "
    "the request of the Mayor, councillors resolved to adjourn the meeting at 7.10pm to allow "
    "members of the public to speak. A resident raised the state of the footpaths. Councillors "
    "resolved to reconvene the meeting 218(5) Questions to councillors None 219(6) Finance The "
    "accounts were noted.\n"
)


def test_a_flattened_town_council_page_numbered_with_brackets() -> None:
    e = parse_minutes(FLAT_TOWN)
    got = [(r.item, r.text) for r in e.resolutions]
    assert got == [
        ("216", "to approve as a correct record the minutes of the meeting held on 12 March "
         "subject to one typographical error."),
        ("217", "to adjourn the meeting at 7.10pm to allow members of the public to speak."),
        ("217", "to reconvene the meeting"),
    ]  # fmt: skip


def test_councillors_agreeing_is_no_resolution_but_resolving_is() -> None:
    text = (
        "Minutes of the Town Council\n\n5. Hall\nCouncillors resolved to book the hall for the "
        "fete.\n6. Bus shelter\nCouncillors agreed it looked tired.\n"
    )
    assert [r.text for r in parse_minutes(text).resolutions] == ["to book the hall for the fete."]


def test_no_further_action_by_the_council_is_offered_in_review() -> None:
    text = (
        "Minutes of the Parish Council\n\n171/18 To consider the public house\n- Cllr Abram "
        "gave a brief update on the new publican. No further action required by Council\n"
        "172/18 Finance\n- Agreed that the payments be approved\n"
    )
    e = parse_minutes(text)
    assert any(u.text.startswith("No further action required") for u in e.unsure)


# fmt: off
ELECTIONS = [
    V(MOTION, "a nomination seconded and voted, then the bare 'That ... be elected' clause",
      "Minutes of the Police and Crime Panel\n\nElection of Chair\n\nThe Lead Officer sought "
      "nominations for Chair. Councillor Ann Frost nominated Councillor Jim Dale. This was "
      "seconded by Councillor Mary Hale. There were no other nominations and on being put to the "
      "vote, unanimously,\n\nThat Councillor Jim Dale be elected as Chair of the Panel for the "
      "municipal year 2024/25.\n\nElection of Vice-Chair\n\nIndependent Member Ruth Penn was "
      "duly nominated and seconded. There were no other nominations and on being put to the vote, "
      "unanimously,\n\nThat Ruth Penn, Independent Member be elected as Vice-Chair of the Panel "
      "for the municipal year 2024/25.\n",
      res=["That Councillor Jim Dale be elected as Chair of the Panel for the municipal year "
           "2024/25.",
           "That Ruth Penn, Independent Member be elected as Vice-Chair of the Panel for the "
           "municipal year 2024/25."]),
]
ALL = ELECTIONS + PLANNING_ROWS + (
    SUB_TITLES
    + SUB_TITLE_DECISIONS
    + (
        CARRIED
        + CARRIED_GUARDS
        + FOLLOWING
        + FOLLOWING_GUARDS
        + ALIGNED
        + ALIGNED_GUARDS
        + BRACKETED
        + BRACKETED_GUARDS
    )
)


@pytest.mark.parametrize("v", ALL, ids=[f"{v.kind}: {v.name}" for v in ALL])
def test_each_tune40_variant_is_read_as_a_judge_would(v: Variant) -> None:
    problems, notes = score(v)
    assert not problems, (problems, notes)


def test_an_aligned_tracker_keeps_each_rows_due_cell() -> None:
    e = parse_minutes(ALIGNED[0].text)
    by_owner = {f.owner: f for f in e.followups}
    assert by_owner["KP/RL"].due == "2021-09-14"
    assert by_owner["KP"].text.endswith("(due: Sept)")
