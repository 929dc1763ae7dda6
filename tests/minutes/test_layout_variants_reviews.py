"""Layouts of small councils' minutes that batch 17 showed (none of these texts is taken from a
corpus page): an item that reports how earlier meetings' actions stand, whose rows are not this
meeting's actions but go to the review list with the reason; an "Actions agreed" list; directives
ending numbered points or cells; a decision keyword inside a paragraph; a data list under its
decision's lead-in; a motion's outcome written before the motion."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes

from .layout_kit import DIRECTIVE, LOG, MOTION, PROSE, TRAP, V, score

LOST_LABEL_GUARD = "keyword data list"

# fmt: off
REVIEWS = [
    V(TRAP, "'5) Update on Actions arising from previous meetings': rows with their status",
      "4) Play area\nThe inspection report was discussed.\n"
      "5) Update on Actions arising from previous meetings\n"
      "JT to order the new bins - still in progress, to be done by next meeting\n"
      "Clerk to write to the county about the verge - Done\n"
      "AB to check the footpath – Completed\n"
      "Notice board to be repaired – in hand.\n"
      "6) Finance\nThe accounts were presented. Clerk to pay the insurance premium.\n",
      act=[("Clerk", "pay the insurance premium.")]),
    V(TRAP, "'4. Review of actions from the last meeting', rows with no status",
      "3. Minutes\n\nThe minutes were signed.\n\n"
      "4. Review of actions from the last meeting\n\n"
      "MR to contact the school about parking.\n\nClerk to chase the grass-cutting quote.\n\n"
      "5. Planning\n\nNo applications.\n"),
    V(TRAP, "'Progress on outstanding actions' as an unnumbered heading, the page ending there",
      "Minutes of the Village Hall Committee\n\nProgress on outstanding actions\n\n"
      "- SB to book the electrician: booked for May.\n"
      "- Treasurer to open the new account: done.\n"),
    V(LOG, "'Actions agreed;' over numbered rows: named, 'is to', passive, 'to not', done",
      "12/40. Play area. The options for new equipment were discussed at length.\n\n"
      "Actions agreed;\n\n1) A grant application for the swings is to be submitted.\n\n"
      "2) The Clerk is to ask the insurers about the zip wire.\n\n"
      "3) JT to measure the space beside the slide.\n\n"
      "4) The resurfacing of the car park to not start until the funding is known.\n\n"
      "5) The Clerk has written to the county about the footpath.\n\n"
      "12/41. Finance. The accounts were approved.\n",
      act=[("", "A grant application for the swings is to be submitted."),
           ("The Clerk", "ask the insurers about the zip wire."),
           ("JT", "measure the space beside the slide."),
           ("", "The resurfacing of the car park to not start until the funding is known.")]),
    V(LOG, "'Agreed actions:' over lettered rows (the ACTIONS reader's; must stay)",
      "Village hall\n\nAgreed actions:\na) Treasurer to renew the insurance policy.\n"
      "b) The new noticeboard to be ordered from the joiner.\n"
      "The meeting closed at 9pm.\n",
      act=[("Treasurer", "renew the insurance policy."),
           ("", "The new noticeboard to be ordered from the joiner.")]),
    V(TRAP, "guard: a numbered list of notes under a plain title is not an action list",
      "Notes of the walk\n\n1) The stile at Mill Lane is to be looked at by the county.\n\n"
      "2) The resurfacing of the bridleway to not start before spring.\n\n"
      "3) Members enjoyed the walk.\n"),
    V(DIRECTIVE, "items all printed '1.', each ending '- AB to ...'; a passive item is no decision",
      "Minutes of the first meeting of the Hall Committee\n"
      "  1. Election of Office Bearers\n"
      "  1. Insurance The hall would need its own insurance from April - TR to obtain quotes\n"
      "  1. Heating A new boiler could be fitted after the grant is paid - MB to arrange this\n"
      "  1. Meetings to be held on the first Monday of each month at 7pm in the small hall.\n"
      "  1. Lettings It would be possible to let the hall to the playgroup on Fridays.\n",
      act=[("TR", "obtain quotes"), ("MB", "arrange this")]),
    V(DIRECTIVE, "a numbered heading holding its minute, its last clause a directive",
      "Minutes of the Parish Council\n\n2. Apologies\n\nNone.\n\n"
      "3. Footpaths The stile at Mill Lane has been broken again by cattle, Clerk to report it "
      "to the county\n\n4. Finance\n\nThe accounts were noted.\n",
      act=[("Clerk", "report it to the county")]),
    V(TRAP, "guard: a numbered agenda line 'The Chair to welcome ...' is no directive",
      "Agenda\n\n1. The Chair to welcome members and to open the meeting of the committee at "
      "7pm in the hall\n\n2. Apologies\n"),
    V(PROSE, "'Decision that ...' as a sentence inside a paragraph, twice",
      "Feedback from the panel\n\nThe group looked at how the survey results are shared. "
      "Decision that the results should be published on the website by the secretary. "
      "Members thanked the volunteers.\n\nReviewed the leaflet. Decision that a new leaflet "
      "must be printed before the summer fair.\n",
      res=["that the results should be published on the website by the secretary.",
           "that a new leaflet must be printed before the summer fair."]),
    V(PROSE, "'Decided that ...' after a sentence; 'Decision that ... will ...' is no resolution",
      "Play area\n\nQuotes for the swings were compared. Decided that the cheapest quote be "
      "accepted. Decision that the contractor will start in May.\n",
      res=["that the cheapest quote be accepted."]),
    V(DIRECTIVE, "'<Body> members to ...' after a decision sentence",
      "Counselling service\n\nThe group reviewed the leaflet. Panel members to meet the new "
      "counsellor in person before the next meeting. Board officers to draft a reply to the "
      "trust.\n",
      act=[("Panel members", "meet the new counsellor in person before the next meeting."),
           ("Board officers", "draft a reply to the trust.")]),
    V(LOG, "a task with its owners and due date flattened onto the next line",
      "Actions from the workshop\n\nThe draft plan was read by all.\n\n\n"
      "MR will redraft the plan and ask PT to check the costs.\n\n\n\n"
      "MR/PT by 14th March 2022\n\n\nCirculate the final plan to partners.\n\n"
      "KD, AB before 1 April 2022\n",
      act=[("MR", "redraft the plan and ask PT to check the costs."),
           ("KD, AB", "Circulate the final plan to partners.")]),
    V(TRAP, "guard: a line of initials with no date is not an owner cell; 'will' alone no action",
      "Notes\n\nJB will look into the cost of a new sign.\n\nJB/KL\n"),
    V(DIRECTIVE, "a named person's directive inside a run-on sentence; '<Role>s office to ...'",
      "Item | Minutes |\nCompetitions Minutes: Bulb planting. Bulbs would be needed by early "
      "October J Fairweather to send a list of what to buy to the office. Entries by 01/10/24.\n"
      "The Clerks office to order the trophies and to ask staff to design a poster. |\n"
      "Hanging baskets Minutes: The baskets were praised, Cllr R. Dawson to thank the "
      "sponsors in writing. |\n",
      act=[("J Fairweather", "send a list of what to buy to the office."),
           ("The Clerks office", "order the trophies and to ask staff to design a poster."),
           ("Cllr R. Dawson", "thank the sponsors in writing.")]),
    V(TRAP, "guard: a named person as the object ('wrote to Mr J Smith to ask ...')",
      "Hedges\n\nThe clerk wrote to Mr J Smith to ask about the hedge on Mill Lane. The "
      "chair thanked R Jones to close the item.\n"),
    V(MOTION, "the outcome written first ('... Were agreed.'), the motion on the next line",
      "No. | Item |\nMinutes To approve the minutes of 4th March. Minutes: The minutes of the "
      "meeting of 4th March 2024 Were agreed.\nProposed Cllr Hart seconded Cllr Lee carried "
      "unanimously.\nFinance Minutes: The clerk gave the balances. |\n",
      res=["The minutes of the meeting of 4th March 2024 Were agreed.\nProposed Cllr Hart "
           "seconded Cllr Lee carried unanimously."]),
    V(MOTION, "motions inside '|' cells: 'proposed by A & B that ...', a co-option in a long cell",
      "Minutes of the Annual Meeting of the Parish Council\n"
      "1. | All Councillors signed their declarations of office. |\n"
      "2. | Election of Vice-Chairman:\nIt was proposed by Cllr Hart & Cllr Lee that Cllr Bell "
      "be appointed as Vice-Chairman. Cllr Bell was elected unopposed. |\n"
      "3. | After the election one seat was left empty. The vacancy was advertised and one "
      "application was received. Cllr Hart proposed Ann Reid is co-opted to the vacancy, Cllr "
      "Lee seconded, unanimous approval. Cllr Reid then joined the meeting. |\n"
      "4. | Apologies: none. |\n",
      res=["that Cllr Bell be appointed as Vice-Chairman.",
           "Cllr Hart proposed Ann Reid is co-opted to the vacancy, Cllr Lee seconded, unanimous "
           "approval."]),
    V(TRAP, "guard: 'proposed by A & B that ...' with no outcome written is not taken",
      "5. | Play area:\nIt was proposed by Cllr Hart & Cllr Lee that new swings be bought. "
      "Members asked for more quotes first. |\n6. | Finance |\n"),
    V(LOST_LABEL_GUARD, "a decision's lead-in over a list of sums: the lead-in is the decision",
      "HF07/19. FINANCE\n(a) Accounts for payment:\n"
      "RESOLVED that the following payments be approved:\n(a) Payments:\n"
      "£120 – Village Mowers\n£45 – Hall hire\n(b) Receipts: Nil\n"
      "HF08/19. CORRESPONDENCE\nNone.\n",
      res=["that the following payments be approved:"]),
    V(LOST_LABEL_GUARD, "the following dates be adopted, as bullets",
      "Dates of meetings\n\nRESOLVED that the following dates be adopted for 2025:\n"
      "- 3 March\n- 2 June\n- 1 September\n\nFinance\n",
      res=["that the following dates be adopted for 2025:"]),
    V(LOST_LABEL_GUARD, "guard: 'the following recommendations be approved:' over 'That' clauses",
      "RESOLVED that the following recommendations be approved:\n"
      "(a) That the grant be paid to the hall.\n(b) That the clerk writes to the county.\n",
      res=["That the grant be paid to the hall.", "That the clerk writes to the county."]),
    V(TRAP, "'Agreed that –' whose list was lost, then a '|||' row and the next item's cell",
      "No. | Item | |||||||||\n---|---|---|---|---|---|---|---|---|\n"
      "MINUTES To confirm the minutes. Minutes: Members went through the minutes –\n"
      "Agreed that –\n|\n|||||||||\n"
      "URGENT BUSINESS To receive reports on business which, in the opinion of the Chair, "
      "should be brought forward. Minutes: There was none. |\n|||||||||\n"
      "PATHS To review the paths. Minutes: The Forum looked at the map.\n"
      "Agreed that the Secretary be asked to write to the landowner. |\n|||||||||\n",
      res=["that the Secretary be asked to write to the landowner."]),
    V(LOST_LABEL_GUARD, "a lettered decision printed at the top of the item and again at its end",
      "Meeting: 4/3/2024 - Scrutiny Committee (Item 12)\n\n12 Work Programme PDF 80 KB\n\n"
      "Additional documents:\n\n\n(a)       That the Work Programme as submitted, be approved;"
      "\n\n\n(b)       That the Committee would rather meet in the mornings; and\n\n\n"
      "(c)       That the Facilitator, with the Chair, be allowed to change the programme.\n\n\n"
      "The Facilitator presented the programme and asked for views on the meeting times.\n\n\n"
      "Councillor Hart spoke in support of morning meetings.\n\n\n\n"
      "(a)       That the Work Programme as submitted, be approved;\n\n\n"
      "(b)       That the Committee would rather meet in the mornings; and\n\n\n"
      "(c)       That the Facilitator, with the Chair, be allowed to change the programme.\n",
      res=["That the Work Programme as submitted, be approved",
           "That the Committee would rather meet in the mornings",
           "That the Facilitator, with the Chair, be allowed to change the programme."] * 2),
    V(TRAP, "guard: agenda titles listed at the top and printed again as the items",
      "Agenda\n\n1. Apologies for absence\n\n2. Minutes of the last meeting\n\n3. Finance\n\n"
      "Minutes of the meeting\n\nPresent: Cllr Hart, Cllr Lee.\n\n"
      "1. Apologies for absence\n\nNone.\n\n2. Minutes of the last meeting\n\n"
      "The minutes were signed.\n\n3. Finance\n\nThe accounts were noted.\n"),
    V(DIRECTIVE, "guard: matters arising giving a new task stays this meeting's action",
      "4. Matters arising from the minutes\n\nThe verge at Mill Lane is still eroded. "
      "Clerk to write to the county about the verge.\n\n5. Finance\n",
      act=[("Clerk", "write to the county about the verge.")]),
]
# fmt: on


@pytest.mark.parametrize("v", REVIEWS, ids=[f"{v.kind}: {v.name}" for v in REVIEWS])
def test_each_variant_is_read_as_a_judge_would(v):
    problems, notes = score(v)
    assert problems == [], notes


def test_rows_updating_earlier_actions_are_listed_for_review_with_the_reason():
    e = parse_minutes(REVIEWS[0].text)
    for row in ("order the new bins", "write to the county about the verge", "check the footpath"):
        notes = [u for u in e.unsure if row in u.text]
        assert notes, f"{row!r} is not in the review list"
        assert "earlier meeting" in notes[0].reason and "not taken" in notes[0].reason


def test_a_due_date_in_the_owner_cell_is_the_actions_due_date():
    (v,) = [v for v in REVIEWS if v.name.startswith("a task with its owners and due date")]
    e = parse_minutes(v.text)
    dues = {f.owner: f.due for f in e.followups}
    assert dues == {"MR": "2022-03-14", "KD, AB": "2022-04-01"}


def test_a_number_cell_before_a_wrapped_text_cell_gives_the_item():
    (v,) = [v for v in REVIEWS if v.name.startswith("motions inside '|' cells")]
    items = {r.text[:20]: r.item for r in parse_minutes(v.text).resolutions}
    assert items == {"that Cllr Bell be ap": "2", "Cllr Hart proposed A": "3"}


def test_a_coded_minute_number_with_a_full_stop_gives_the_item():
    (v,) = [v for v in REVIEWS if v.name.startswith("a decision's lead-in over a list of sums")]
    assert [r.item for r in parse_minutes(v.text).resolutions] == ["HF07/19"]


LONG_TITLE = (
    "Minutes of Proceedings\n\n1. Chairperson's Business\n\nNone.\n\n"
    "2. Minutes of the meeting on 3 March\n\nThe minutes were agreed.\n\n"
    "3. Review of the standing orders of the Assembly in terms of the size of its committees and "
    "the number of members that each of the parties may nominate to them\n\n"
    "The Group noted a paper from the Clerk.\n\n"
    "Agreed: The Group agreed to write to the party whips.\n"
)
LIST_UNDER_ITEM = (
    "Minutes\n\n1. Budget\n\nRESOLVED:\n\n1. Note the report of the Director of Finance.\n\n"
    "2. Agree the revised budget for the coming year subject to the changes set out in the "
    "report of the Director of Finance and the Chief Executive\n"
)


def test_a_long_title_numbered_as_the_next_item_opens_it():
    assert [r.item for r in parse_minutes(LONG_TITLE).resolutions] == ["3"]


def test_guard_a_long_list_item_under_an_item_is_not_the_next_item():
    e = parse_minutes(LIST_UNDER_ITEM)
    assert [(r.number, r.item) for r in e.resolutions] == [("1", "1"), ("2", "1")]


AGENDA_TITLE = (
    "Minutes of the Parish Council\n1. Election of Chairman\nCllr Hart was elected.\n"
    "2. Declaration of interest\nNo interests were declared.\n"
    "3. To consider options for the play area and to agree a preferred option\n"
    "Each option was discussed. It was agreed that the swings should be replaced.\n"
)
TO_LIST_UNDER_ITEM = (
    "Minutes\n\n1. Budget\n\nRESOLVED:\n\n1. To note the report of the Director.\n\n"
    "2. To approve the revised budget for the coming year.\n"
)


def test_an_agenda_title_numbered_as_the_next_item_opens_it():
    assert [r.item for r in parse_minutes(AGENDA_TITLE).resolutions] == ["3"]


def test_guard_numbered_to_items_of_a_decision_stay_in_their_item():
    e = parse_minutes(TO_LIST_UNDER_ITEM)
    assert [(r.number, r.item) for r in e.resolutions] == [("1", "1"), ("2", "1")]
