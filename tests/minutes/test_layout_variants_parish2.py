"""Actions parish, town and community council minutes write into their prose and bullets, which
batch 19's development pages (branch minutesparish2) showed the reader missing. None of these
texts is taken from a page; each kind is written in several wordings, with guards:

- a request the meeting made of one person, reported in the passive ("the Clerk was asked to
  investigate.", "The Clerk was directed to ask ..."): an action of that person, the words after
  "to" (the README's batch 19 reading); not a request to the body or to all members, nor one
  answered there and then, nor a question's answer in the meeting;
- a row whose owner's initials follow a dash at its end ("A litter pick would be organized – AS"),
  also when a hard-wrapped page joined the next row after it;
- "Councillor parker to inform ...": a title before a name written in lower case;

and decisions the untuned rounds of branch minutesmotion and batch 19 showed missed:

- "JS proposed that ... . Seconded by JP, and resolved.": the outcome in the seconder's sentence;
- a planning response glued to the description by a dash ("... Church Road-support");
- a lead-in whose list is data ("Additional roles agreed:" over "- Roads Lead – A and B" rows,
  "Payment of accounts - agreed as follows:" over payees and sums): the lead-in is the decision."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes

from .layout_kit import DIRECTIVE, MOTION, OWNER_COL, TRAP, V, score

ASKED = "request reported in the passive"

# fmt: off
ACTIONS = [
    # ---- "<person> was asked/directed/instructed to ..." ----------------------------------------
    V(ASKED, "'... and the Clerk was asked to investigate.' at the end of a sentence",
      "5. Website\nCllr Frost offered to be trained to update the website and the Clerk was asked "
      "to investigate.\n6. Close\n",
      act=[("the Clerk", "investigate.")]),
    V(ASKED, "'The Clerk was directed to ask ...' after the discussion",
      "4) - A new ramp had been built at the shop. The Clerk was directed to ask the owner whether "
      "consent had been given.\n5) Close\n",
      act=[("The Clerk", "ask the owner whether consent had been given.")]),
    V(ASKED, "'Cllr Hale was instructed to thank ...'",
      "7. Litter pick\nThe litter pick had gone well. Cllr Hale was instructed to thank the "
      "volunteers on behalf of the council.\n8. Close\n",
      act=[("Cllr Hale", "thank the volunteers on behalf of the council.")]),
    V(ASKED, "'Jane Frost was asked to obtain ...': a person by name",
      "3. Benches\nTwo benches need replacing. Jane Frost was asked to obtain three quotes for the "
      "next meeting.\n4. Close\n",
      act=[("Jane Frost", "obtain three quotes for the next meeting.")]),
    V(ASKED, "'The clerk was requested to write to ...' in lower case",
      "9. Potholes\nSeveral potholes were reported in Mill Lane and the clerk was requested to "
      "write to the highways authority.\n10. Close\n",
      act=[("the clerk", "write to the highways authority.")]),
    V(TRAP, "'The Council was asked to note ...': a request to the body",
      "6. Report\nThe Council was asked to note the report of the auditor.\n7. Close\n"),
    V(TRAP, "'Members were asked to send ...': all members, not one person",
      "6. Plan\nMembers were asked to send their comments to the Clerk.\n7. Close\n"),
    V(TRAP, "'In response to a question ..., the Director was asked to confirm ...'",
      "6. Rules\nIn response to a question from Mr Frost, the Director was asked to confirm the "
      "position on proportionality.\n7. Close\n"),
    V(TRAP, "'... was asked to count the votes, and he named ...': done there and then",
      "2. Election\nThe County Councillor was asked to count the votes, and he named Mr Dale as "
      "Chairman.\n3. Close\n"),
    V(TRAP, "'He was asked to report back.': a pronoun names nobody",
      "6. Drains\nCllr Dale raised the blocked drain. He was asked to report back.\n7. Close\n"),
    V(TRAP, "'The Clerk had been asked to ...': an earlier request",
      "6. Drains\nThe Clerk had been asked to chase the contractor.\n7. Close\n"),
    # ---- the owner's initials after a dash ending the row ----------------------------------------
    V(OWNER_COL, "'- A litter pick would be organized – AS' among bullets with no owner",
      "9) Councillors Reports\n- There was concern that the pub was being sold.\n"
      "- A litter pick would be organized – AS\n- The playing field to be on the next agenda.\n"
      "- Hedges to be cut back before May – JH/KB\n10) Close\n",
      act=[("AS", "A litter pick would be organized"),
           ("JH/KB", "Hedges to be cut back before May")]),
    V(OWNER_COL, "rows with no bullet, one of them joined to the next row by the hard wrap",
      "10) Highways\nA review of the signage in the village would be undertaken – MN The verges "
      "were reported as overgrown.\nThe width of the path would be queried with the county – AV\n"
      "11) Close\n",
      act=[("MN", "A review of the signage in the village would be undertaken"),
           ("AV", "The width of the path would be queried with the county")]),
    V(TRAP, "'– no further action', '– CCTV', '– TBC' and a title with initials are no owners",
      "10) Highways\n- A 20mph limit would not be supported by the Police – no further action\n"
      "- Cameras would be fitted at the hall – CCTV\n- Grass to be cut in May – TBC\n"
      "- Minutes of the AGM – JH\n11) Close\n"),
    # ---- a title before a name written in lower case ------------------------------------------
    V(DIRECTIVE, "'Vote unanimous to accept. Councillor parker to inform ...' on one line",
      "6. Car park\nThe use of the car park by a food van was discussed.\n"
      "Vote unanimous to accept. Councillor parker to inform the van's owner.\n7. Close\n",
      act=[("Councillor parker", "inform the van's owner.")]),
    V(TRAP, "'Cllr parker to move:' is agenda text",
      "6. Motion\nCllr parker to move:\n7. Close\n"),
]
# fmt: on


@pytest.mark.parametrize("v", ACTIONS, ids=[f"{v.kind}: {v.name}" for v in ACTIONS])
def test_each_parish_action_variant_is_read_as_a_judge_would(v):
    problems, notes = score(v)
    assert problems == [], notes


def test_a_request_answered_there_and_then_goes_to_review_saying_so():
    e = parse_minutes(
        "2. Election\nThe County Councillor was asked to count the votes, and he named Mr Dale "
        "as Chairman.\n3. Close\n"
    )
    assert [f for f in e.followups if f.source != "resolution"] == []
    assert any("done there and then" in u.reason for u in e.unsure), e.unsure


PLANNING = "planning response"
LEAD = "lead-in over data"

# fmt: off
DECISIONS = [
    V(MOTION, "'A proposed that ... . Seconded by B, and resolved.'",
      "6. Playground\nJS proposed that the swings be replaced with new ones. Seconded by JP, and "
      "resolved.\n7. Close\n",
      res=["that the swings be replaced with new ones."]),
    V(MOTION, "'Cllr A proposed that ... . Seconded by Cllr B and unanimously resolved.'",
      "7. Trees\nCllr Hale proposed that the oak be felled. Seconded by Cllr Udall and "
      "unanimously resolved.\n8. Close\n",
      res=["that the oak be felled."]),
    V(TRAP, "'... seconded by B and the matter to be resolved later': no outcome",
      "9. Hedge\nAB proposed that the hedge be cut, seconded by CD and the matter to be resolved "
      "later.\n10. Close\n"),
    V(PLANNING, "responses glued to the description by a dash, with and without spaces",
      "Minutes of the Parish Council meeting\n5. Planning\n"
      "22/00725/FUL Garage at 2 Church Road-support\n"
      "22/00726/FUL Render at 3 Oak Road - render-support\n"
      "22/00727/FUL Porch at 9 Elm Way-no objection\n6. Close\n",
      res=["support", "support", "no objection"]),
    V(TRAP, "'Two-storey' and 'Re-roofing' are words of the description, not responses",
      "Minutes of the Parish Council meeting\n5. Planning\n"
      "22/00728/FUL Two-storey extension at 4 Mill Lane\n22/00729/FUL Re-roofing of the barn\n"
      "6. Close\n"),
    V(LEAD, "'Additional roles agreed:' over roles and names",
      "6. Roles\nAdditional roles agreed:\n- Wind Farm Negotiators – Jim Frost and Tony Dale\n"
      "- Roads Lead – Ann Hale\n- Planning Lead – Ian Udall\n7. Close\n",
      res=["Additional roles agreed:"]),
    V(LEAD, "'Payment of accounts - agreed as follows:' over payees and sums",
      "5. Accounts\nPayment of accounts - agreed as follows:\n- Clerk salary £300\n"
      "- Hall hire £25.50\n6. Close\n",
      res=["Payment of accounts - agreed as follows:"]),
    V(TRAP, "'Dates agreed:' with one row is no list",
      "5. Dates\nDates agreed:\n- Next meeting – 4 May\n6. Close\n"),
    V(TRAP, "'Items agreed:' over 'To ...' clauses is not a data list",
      "5. Plan\nItems agreed:\n- To adopt the plan\n- To note the budget\n6. Close\n"),
]
# fmt: on


@pytest.mark.parametrize("v", DECISIONS, ids=[f"{v.kind}: {v.name}" for v in DECISIONS])
def test_each_parish_decision_variant_is_read_as_a_judge_would(v):
    problems, notes = score(v)
    assert problems == [], notes


@pytest.mark.parametrize(
    ("page", "item"),
    [
        # "2) - Notice ...", "1)- Notice ...": a bracketed number, then a dash, opens the item
        (
            "1) - Notice of appeal received for the barn.\n2) - Notice of appeal received for the "
            "garage. The Council agreed that it should expand upon its comments.\n",
            "2",
        ),
        (
            "1)- Notice of appeal received for the barn.\n2)- The hedge at the school was discussed "
            "and it was agreed that the hedge be cut in May.\n",
            "2",
        ),
        # "I. Helmdon Parish Plan:": an upper-case roman number before a short title
        (
            "Minutes of a special meeting\n\nI. Village Plan:\n\nThe Clerk reported on the grant. It "
            "was agreed that the grant application be supported.\n",
            "I",
        ),
        ("Minutes\n\nIV. Finance\n\nIt was agreed that the budget be adopted.\n", "IV"),
    ],
)
def test_items_printed_with_a_dash_after_the_bracket_or_in_roman_numbers(page, item):
    e = parse_minutes(page)
    assert [r.item for r in e.resolutions] == [item], e.resolutions


def test_a_roman_numbered_clause_under_a_keyword_is_no_item_heading():
    # the guard: "I. That ..." under RESOLVED is a clause of the resolution, not an item
    e = parse_minutes(
        "5. Budget\nRESOLVED:\nI. That the budget be adopted.\nII. That the precept be set.\n"
    )
    assert [(r.item, r.text) for r in e.resolutions] == [
        ("5", "That the budget be adopted."),
        ("5", "That the precept be set."),
    ]


def test_numbered_minutes_whose_titles_end_in_a_glued_dash_are_no_lost_label_list():
    # "9. Expenditure- ...": the page's items numbered through, each a title and its minute; they
    # go to review, saying why, not taken as a list of decisions
    e = parse_minutes(
        "Minutes of the Parish Council meeting held on 3 March 2021\n7. Matters arising\n"
        "8. Grass cutting- the verges on Mill Lane are overgrown, the grass to be cut by the "
        "contractor before the fete.\n"
        "9. Bins- the bin at the bus stop is broken, a new bin to be ordered from the district "
        "council.\n10. Website- the website to be updated with the new policies once adopted in "
        "May.\n"
    )
    assert e.resolutions == ()
    assert sum("the page's items, not clauses" in u.reason for u in e.unsure) == 3, e.unsure


def test_a_lost_label_list_of_clauses_is_still_taken():
    # the guard: clauses after the discussion, with no title before a dash, are the decisions
    e = parse_minutes(
        "7. Grounds\nThe verges on Mill Lane are overgrown and the bin at the bus stop is broken, "
        "and the members discussed both at length.\n"
        "(a) That the grass be cut by the contractor before the fete.\n"
        "(b) That a new bin be ordered from the district council.\n8. Close\n"
    )
    assert [r.text for r in e.resolutions] == [
        "That the grass be cut by the contractor before the fete.",
        "That a new bin be ordered from the district council.",
    ]


def test_a_minute_reference_in_brackets_after_the_agenda_title_is_the_item():
    e = parse_minutes(
        "Minutes of the Parish Council meeting\n2.0 Apologies (19/13)\nIt was resolved to accept "
        "the apologies of Cllr Smith.\n4.0 To discuss the play area (19/15)\nIt was agreed to buy "
        "a new swing.\n"
    )
    assert [r.item for r in e.resolutions] == ["19/13", "19/15"]


def test_a_bracketed_reference_inside_a_title_is_not_taken_as_the_item():
    # the guard: a bracket holding words, or a reference before more of the title, stays put
    e = parse_minutes(
        "Minutes of the Parish Council meeting\n5.0 Planning (see 21/0034) and other matters\n"
        "It was agreed to object.\n"
    )
    assert [r.item for r in e.resolutions] == ["5.0"]
