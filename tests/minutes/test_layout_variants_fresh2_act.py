"""Action layouts of the fresh pages of batches 37-39 (issue 17, branch fresh2act), each kind seen
failing on main on a real dev page and written here in several wordings, as published, wrapped
and (where the layout survives it) flattened, with guards. None of these texts is taken from a
page:

- the last meeting's actions restated under "Actions from the last meeting" or a lead-in "There
  were a number of actions from the last meeting as shown overleaf:" (judging rule on restated
  actions); a new directive after them stays this meeting's;
- an owner-only label naming everyone: "Action – All members.", "ACTION: All Councillors.";
- a table flattened with " / " whose last cell names who acts: "... will now be required. / All",
  "These are to be published on the website / Lesley" (a person the page lists, also one a line
  with no "Present:" label);
- directives of groups and bodies inside a paragraph: "Youth workers to meet again to discuss.",
  "The PC to supply ...", and a first name the page lists beside people it names in full
  ("a meeting between Brian, Tyler and Samuel" ... "Brian to arrange.");
- an "Action:" marker glued to the full stop before it ("...Burford.Action: LCL to contact ...");
- "ACTION: Jak Kane Apologies from ...": on a flattened page the owner-only label runs into the
  next sentence;
- trap: an agenda's "Minute 47 - Service Level Agreement to provide a Payroll Service: To receive
  an update from the Clerk".
"""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes
from tracker.minutes.learnt.layouts import flatten, wrap

from .layout_kit import DIRECTIVE, GLUED, OWNER_COL, OWNER_LABEL, TRAP, V, Variant, score

HEAD = "Minutes of the Health and Wellbeing Board\n12 February 2020\n\n"
PPG = "Minutes of the Patient Participation Group\n3 March 2016\n\n"

# fmt: off
RESTATED = [
    V(TRAP, "lead-in sentence 'There were a number of actions from the last meeting as shown overleaf:'",
      HEAD + "1. Apologies\nNone.\n\n2. Matters arising\nThere were a number of actions from the "
      "last meeting as shown overleaf:\n\nOctober 2019 actions:\n\nAction: Updated terms of "
      "reference to be provided at the next meeting.\n\nCompleted, and included in item 3.\n\n"
      "Action: Kane Smith to meet with Holly Hart to discuss the plan\n\nCompleted, update on the "
      "main action plan\n\nAction: Officers to report back by January on the approach\n\n"
      "Completed, the directory will be used.\n\n3. Health fairs\nThe fairs were discussed.\n"
      "Action: JB to book the hall for May.\n",
      act=[("JB", "book the hall for May.")]),
    V(TRAP, "numbered title '4. Actions from the previous meeting' over markers with their status",
      HEAD + "3. Minutes\nThe minutes were agreed.\n\n4. Actions from the previous meeting\n"
      "Action: Clerk to write to the highways team - done.\nAction: Cllr Lee to chase the bench "
      "quote - ongoing.\n\n5. Play area\nThe inspection report was received. Action: Clerk to "
      "order the new swing seat.\n",
      act=[("Clerk", "order the new swing seat.")]),
    V(TRAP, "'Action points from the last meeting:' then a new directive after an update",
      HEAD + "2. Action points from the last meeting:\nACTION: DW to circulate the survey - "
      "complete.\nNo reply has come from the school yet. DW to chase the head teacher.\n\n3. "
      "Finance\nThe accounts were noted.\n",
      act=[("DW", "chase the head teacher.")]),
]

EVERYONE = [
    V(OWNER_LABEL, "'Action – All members.' after the sentence holding the task",
      PPG + "4.2 Autumn Health Forum\nIdeas for this year include women's health. Members agreed "
      "to discuss further at the planning meeting on 3 April. Action – All members.\n4.3 "
      "Newsletter\nThe draft was read.\n",
      act=[("All members", "Members agreed to discuss further at the planning meeting on 3 April.")]),
    V(OWNER_LABEL, "'ACTION: All Councillors.' after a sentence",
      "Minutes of the Parish Council meeting held on 3 March 2025\n\n12. Footpaths\nThe "
      "footpath survey forms were handed out. Councillors are asked to walk their allocated "
      "paths before May. ACTION: All Councillors.\n13. Close\nThe meeting closed at 9pm.\n",
      act=[("All Councillors", "Councillors are asked to walk their allocated paths before May.")]),
    V(OWNER_LABEL, "'Action: Everyone.' after a sentence",
      PPG + "5. Survey\nThe survey questions were reviewed. Each member will bring two more "
      "questions to the next meeting. Action: Everyone.\n6. Close\nThe meeting closed.\n",
      act=[("Everyone", "Each member will bring two more questions to the next meeting.")]),
]

SLASH_OWNER = [
    V(OWNER_COL, "' / Lesley' and ' / All' ending rows of a ' / ' table, people listed one a line",
      "Patient Participation Group\n\nMeeting minutes 17 March 2016\n\nLesley Law – Practice "
      "Manager\n\nRay Hutton – Chairman\n\nJohn Gorman\n\n1 / Minutes & Matters arising\nThe "
      "minutes were accepted by the group.\n2 / Terms of Reference\nThe draft was emailed to "
      "members. – These have been agreed.\nThese are to be published on the practice website "
      "/ Lesley\n3 / Volunteers\nA volunteer for the Quality Committee will now be required. / "
      "All\n4 / Library\nRay has visited the library; the room is free of charge.\n",
      act=[("Lesley", "These are to be published on the practice website"),
           ("All", "A volunteer for the Quality Committee will now be required.")]),
    V(OWNER_COL, "' / Anna' after a full stop, 'Present:' list, numbered '1. / Title' rows",
      PPG + "Present: Anna Price (Chair), Tom Hale, Mary Stone\n\n1. / Welcome\nThe Chair "
      "welcomed members.\n2. / Newsletter\nThe spring newsletter needs a new editor. / Anna\n"
      "3. / Car park\nThe lines are to be repainted in the summer / Tom\n",
      act=[("Anna", "The spring newsletter needs a new editor."),
           ("Tom", "The lines are to be repainted in the summer")]),
    V(TRAP, "guard: ' / Income' and ' / Harris' (not listed) are not owners",
      PPG + "Present: Anna Price, Tom Hale\n\n1 / Finance\nThe balance was reported as income "
      "/ Income\n2 / Speakers\nThe talk was given by the visiting nurse / Harris\n"),
]

GROUPS = [
    V(DIRECTIVE, "'Youth workers to meet again to discuss.' inside a paragraph",
      "Minutes of the Youth Committee\n\n3. Club\nSplitting the club came up again: there are "
      "few junior members. Youth workers to meet again to discuss. Would like more volunteers.\n"
      "4. Hall\nThe hall is booked. Volunteers to paint the fence in May.\n",
      act=[("Youth workers", "meet again to discuss."),
           ("Volunteers", "paint the fence in May.")]),
    V(DIRECTIVE, "'The PC to supply ...' and 'The CCG to confirm ...' after a sentence",
      "Minutes of the Parish Council meeting held on 3 March 2025\n\nb. Play park\nThe lead "
      "time for the work is 5-6 weeks. The PC to supply welfare facilities for the "
      "installation team.\nc. Surgery\nThe new surgery opens in June. The CCG to confirm the "
      "opening hours.\n",
      act=[("The PC", "supply welfare facilities for the installation team."),
           ("The CCG", "confirm the opening hours.")]),
    V(DIRECTIVE, "'Brian to arrange.' after 'a meeting between Brian, Tyler and Samuel'",
      "Minutes of the Youth Advisory Council\n\n2A - Rotating chair: Tyler Hudnott took up the "
      "mantle and will chair the next meeting. Samuel Atkinson put himself forward as deputy. "
      "A further meeting will be had between Brian, Tyler and Samuel before the next meeting. "
      "Brian to arrange.\n2B - Agenda: A brief discussion was had.\n",
      act=[("Brian", "arrange.")]),
    V(DIRECTIVE, "'Maria to book the room.' after 'with Maria and Owen' (Owen named in full)",
      "Minutes of the Friends Group\n\n3. Open day\nOwen Price explained the plans for the open "
      "day. The stalls will be set out with Maria and Owen on the morning. Maria to book the "
      "room.\n4. Close\nThe meeting closed.\n",
      act=[("Maria", "book the room.")]),
    V(TRAP, "guard: 'Growth to continue ...', 'Signage to improve ...' name nobody",
      "Minutes of the Youth Committee\n\n3. Club\nMembership is rising. Growth to continue "
      "into next year. Signage to improve once the grant arrives.\n"),
]

GLUED_MARKER = [
    V(GLUED, "'...Burford.Action: LCL to contact ... All to read ...'",
      "Minutes of the Neighbourhood Forum\n\nLocal Plan\nTC suggested that everyone became "
      "expert on the sub-section on Burford.Action: LCL to contact Astrid about funding. All to "
      "read the new local plan core policy 35.\nFinance\nExpenses of 100 pounds were noted.\n",
      act=[("LCL", "contact Astrid about funding."),
           ("All", "read the new local plan core policy 35.")]),
    V(GLUED, "'...signs.ACTION: Clerk to order ...'",
      "Minutes of the Parish Council meeting held on 3 March 2025\n\n7. Highways\nResidents "
      "reported faded road signs.ACTION: Clerk to order two replacement signs.\n8. Close\n"
      "The meeting closed.\n",
      act=[("Clerk", "order two replacement signs.")]),
]

FLAT_LABEL = [
    V(OWNER_LABEL, "'ACTION: Jak Kane Apologies from ...' on a page flattened onto one line",
      "Minutes of the Community Council PRESENT Sandra Bell Convenor Jak Kane Secretary Matt "
      "Kitson It was noted that the hall was not accessible. It was agreed that the concerns "
      "would be passed to the Council. ACTION: Jak Kane Apologies from Ann Gray and Jock Lee "
      "were recorded. The treasurer reported a balance of 400 pounds.",
      act=[("Jak Kane", "It was agreed that the concerns would be passed to the Council.")]),
    V(OWNER_LABEL, "'ACTION: KW The police report ...' on a flattened page",
      "Minutes of the Community Council meeting. The bus shelter glass is broken again and the "
      "operator will be asked to repair it. ACTION: KW The police report was read out by the "
      "convenor. The next meeting is on 4 June.",
      act=[("KW", "The bus shelter glass is broken again and the operator will be asked to repair it.")]),
    V(TRAP, "guard: 'Action: The Steering Group will divide ...' stays one action",
      "Minutes of the Steering Group. The character areas were discussed. Action: The Steering "
      "Group will divide the village into four areas. The next meeting is in May.",
      act=[("The Steering Group", "divide the village into four areas.")]),
]

AGENDA = [
    V(TRAP, "agenda flattened: 'Minute 47 - Service Level Agreement to provide a Payroll Service: To receive'",
      "COMMUNITY COUNCIL\n12 September 2017 Dear Councillor You are summoned to attend a MEETING "
      "of the COMMUNITY COUNCIL to be held on TUESDAY 19 SEPTEMBER 2017 at 6:30pm. Yours "
      "sincerely, Clerk to the Council AGENDA 1. APOLOGIES FOR ABSENCE 2. MINUTES: To approve the "
      "minutes of the meeting held on 18 July 2017. 3. Minute 47 - Service Level Agreement to "
      "provide a Payroll Service: To receive an update from the Clerk 4. Minute 52 - Contractor "
      "to repair the bus shelter: To consider the quotes received 5. Minute 53 - Lengthsman to "
      "clear the drains: To note the work done 6. CORRESPONDENCE: To receive the list.\n"),
    V(TRAP, "minutes: 'Minute 12 - Volunteers to clear the brook: To receive a report'",
      "Minutes of the Parish Council meeting held on 3 March 2025\n\n5. Minute 12 - Volunteers to "
      "clear the brook: To receive a report from the Clerk\nThe Clerk reported that the work was "
      "done in February.\n6. Close\nThe meeting closed.\n"),
]
# fmt: on

ALL = RESTATED + EVERYONE + SLASH_OWNER + GROUPS + GLUED_MARKER + FLAT_LABEL + AGENDA


@pytest.mark.parametrize("v", ALL, ids=[f"{v.kind}: {v.name}" for v in ALL])
def test_each_fresh2_action_variant_is_read_as_a_judge_would(v: Variant) -> None:
    problems, notes = score(v)
    assert problems == [], (problems, notes)


# every variant as a PDF prints it, hard-wrapped (the flattened pages are long lines already)
WRAPPED = RESTATED + EVERYONE + SLASH_OWNER + GROUPS + GLUED_MARKER + AGENDA[1:]


@pytest.mark.parametrize("v", WRAPPED, ids=[f"wrapped: {v.name}" for v in WRAPPED])
def test_each_variant_wrapped_at_70_columns_reads_the_same(v: Variant) -> None:
    w = Variant(v.kind, v.name, wrap(v.text, 70), v.resolutions, v.actions)
    problems, notes = score(w)
    assert problems == [], (problems, notes)


# flattened onto one line where the layout survives: sentences in a paragraph and glued markers
FLAT = GROUPS + GLUED_MARKER + EVERYONE


@pytest.mark.parametrize("v", FLAT, ids=[f"flattened: {v.name}" for v in FLAT])
def test_each_variant_flattened_onto_one_line_reads_the_same(
    v: Variant, request: pytest.FixtureRequest
) -> None:
    if v is GROUPS[2]:
        request.applymarker(
            pytest.mark.xfail(
                reason="a directive's one-word task runs on into the next item's lettered number "
                "('Brian to arrange. 2B - Agenda: ...'): a kind left open",
                strict=True,
            )
        )
    f = Variant(v.kind, v.name, flatten(v.text), v.resolutions, v.actions)
    problems, notes = score(f)
    assert problems == [], (problems, notes)


def test_restated_markers_go_to_review_with_their_reason() -> None:
    e = parse_minutes(RESTATED[0].text)
    reasons = " ".join(u.reason for u in e.unsure if "Holly Hart" in u.text)
    assert "earlier" in reasons or "restated" in reasons, reasons


def test_a_slash_owner_says_why_it_was_taken() -> None:
    e = parse_minutes(SLASH_OWNER[0].text)
    lesley = next(f for f in e.followups if f.owner == "Lesley")
    assert "person the page lists" in lesley.why, lesley.why
