"""A lead-in whose list's items are the decisions, by its kind (issue 17, branch leadlist). The
kind missed most on the first reads of fresh pages: the meeting's body (or "It was agreed") with
its decision word, ending ":" or ":-", over bullets, numbered or lettered items, each item a
resolution of its own under the item in force (the README's rule 2 and batch 13's lead-in).
The reader read the lead-ins met one at a time (the body's name capitalised, a few set words
before it); these variants are other spellings of the kind, in wordings on no corpus page:

- whatever opens the sentence before the body ("In view of the above the ...", "Once the
  questions had been answered, the ..."), the body named in lower case ("the project board",
  "the area forum", "the finance sub-group"), a capitalised decision word ("... the area forum
  RESOLVED as follows:-");
- the lead-in as the last sentence of a paragraph of discussion, or of a lettered point over its
  own sub-items ("a. ... It was agreed" / "i. ..."), its colon lost;
- "NOTED" in capitals alone under an item's "Decision" label, over the numbered points it noted;
- a data lead-in glued to its item's title after an ellipsis ("5. Accounts \u2026 It was RESOLVED to
  make the following payments:" over payees and sums): the lead-in is the decision (batch 7).

Guards, each left as judged: members are no body ("Members noted:" over report content, batch
12 and rule 6), "noted" in lower case is what the meeting heard ("The Forum noted:"), another
council ("the county council agreed:"), a report of what was agreed elsewhere ("The Chair
reported that the Board had agreed:"), an officer ("The Clerk reported:"), a report's
"Recommendations:" and a "Proposal:" preamble, and a request to the meeting ("The Board is asked
to agree:"). None of these texts is taken from a page.
"""

from __future__ import annotations

import pytest

from .layout_kit import LOST, TRAP, V, Variant, score

# fmt: off
_HEAD = (
    "Minutes of the meeting of Harwold Valley Partnership held at the Old School on 4 March.\n"
    "Present: Ms K Lyle (Chair), Mr D Orme, Mrs F Nash, Cllr G Pike.\n\n"
    "1. Apologies\nApologies were received from Mr H Tait.\n\n"
)
_TAIL = "\n\n9. Date of next meeting\nThe next meeting will be held on 6 May at 6pm.\n"

KIND = [
    V(LOST, "opening words before the body in lower case, over bullets",
      _HEAD + "4. Cycle route study\nMr Orme took members through the consultants' draft. "
      "Once the questions had been answered, the project board agreed:\n"
      "• to publish the draft study for six weeks of comment\n"
      "• to invite the landowners to a drop-in session\n"
      "• that the final study be brought back in July\n" + _TAIL,
      res=["to publish the draft study for six weeks of comment",
           "to invite the landowners to a drop-in session",
           "that the final study be brought back in July"]),
    V(LOST, "a body in lower case with its decision word in capitals, numbered items",
      _HEAD + "5. Hedgerow grants\nIn view of the above the area forum RESOLVED as follows:-\n"
      "1. to award £400 to the Friends of Coppice Lane;\n"
      "2. to defer the school's bid until it has a costed plan; and\n"
      "3. to review the scheme's criteria in the autumn.\n" + _TAIL,
      res=["to award £400 to the Friends of Coppice Lane",
           "to defer the school's bid until it has a costed plan",
           "to review the scheme's criteria in the autumn."]),
    V(LOST, "the impersonal lead-in after a comma, bare verb-first bullets",
      _HEAD + "6. Winter resilience\nAfter hearing from the warden, it was therefore agreed:\n"
      "- buy two more grit bins for Mill Row\n"
      "- thank the snow wardens for their work over the winter\n"
      "The warden left the meeting at 7.40pm.\n" + _TAIL,
      res=["buy two more grit bins for Mill Row",
           "thank the snow wardens for their work over the winter"]),
    V(LOST, "a lettered point closing on 'It was agreed', its sub-items the decisions",
      _HEAD + "7. Newsletter\n"
      "a.  The editor said that printing costs had risen and volunteers were hard to find. "
      "It was agreed\n"
      "i.  print four issues a year instead of six\n"
      "ii.  ask the library to stock spare copies\n"
      "b.  The editor thanked the distributors for their help over the year.\n" + _TAIL,
      res=["print four issues a year instead of six",
           "ask the library to stock spare copies"]),
    V(LOST, "a sub-group's 'agreed to:' closing a paragraph, bare verbs as its bullets",
      _HEAD + "4. Budget\nThe sub-group considered the options set out by the treasurer. The "
      "finance sub-group agreed to:\n- note the outturn for the year\n"
      "- carry forward the underspend on grants\n" + _TAIL,
      res=["note the outturn for the year", "carry forward the underspend on grants"]),
    V(LOST, "a data lead-in glued to its title after '…': the lead-in decides, rows are data",
      _HEAD + "5. Accounts \u2026 It was RESOLVED to make the following payments:\n"
      "- Hall hire for March £36.00\n- Website hosting £72.50\n"
      "- Printing of the newsletter £118.20\n" + _TAIL,
      res=["to make the following payments:"]),
    V(LOST, "'NOTED' alone under the item's 'Decision' label, over numbered points",
      _HEAD + "8 RIVERSIDE PATH - REPORT BY HEAD OF ROADS\n\nDecision\n\nNOTED\n\n"
      "8.1   the condition survey of the riverside path;\n\n"
      "8.2   the cost of resurfacing its worst section; and\n\n"
      "8.3   AGREED that the path be added to next year's works programme.\n" + _TAIL,
      res=["the condition survey of the riverside path",
           "the cost of resurfacing its worst section",
           "that the path be added to next year's works programme."]),
]

GUARDS = [
    V(TRAP, "'Members noted:' over what they were told is no decision",
      _HEAD + "4. Funding update\nThe officer gave an overview of the bid.\nMembers noted:\n"
      "- The bid closes at the end of the month.\n"
      "- Match funding of a fifth is needed from partners.\n" + _TAIL),
    V(TRAP, "'The Forum noted:' in lower case is what the meeting heard",
      _HEAD + "4. Police update\nThe Forum noted:\n"
      "- Two reports of speeding on the bypass.\n"
      "- A rise in thefts from sheds.\n" + _TAIL),
    V(TRAP, "'the county council agreed:' is another body's decision",
      _HEAD + "4. Highways\nThe Chair said that at its cabinet the county council agreed:\n"
      "- to resurface the B4120 next year\n- to review the 20mph zones\n" + _TAIL),
    V(TRAP, "'The Chair reported that the Board had agreed:' reports an earlier decision",
      _HEAD + "4. Matters arising\nThe Chair reported that the Board had agreed:\n"
      "- to extend the lease of the depot\n- to recruit a part-time officer\n" + _TAIL),
    V(TRAP, "'The Clerk reported:' is an officer, not the body",
      _HEAD + "4. Clerk's report\nThe Clerk reported:\n"
      "- that the bench on the green had been repaired\n"
      "- that the audit papers had been sent\n" + _TAIL),
    V(TRAP, "a report's 'Recommendations:' preamble is not a decision",
      _HEAD + "4. Youth provision review\nRecommendations of the working group:\n"
      "- to move the youth club to the hall\n- to recruit a youth worker\n"
      "The report was discussed at length and will return to the next meeting.\n" + _TAIL),
    V(TRAP, "a 'Proposal:' preamble over its points",
      _HEAD + "4. Allotments\nProposal:\n- to raise the plot rent by £5\n"
      "- to offer half plots\nThere was no seconder and the matter was left.\n" + _TAIL),
    V(TRAP, "'The Board is asked to agree:' asks the meeting, it does not decide",
      _HEAD + "4. Budget\nThe Board is asked to agree:\n"
      "- the draft budget for next year\n- the reserves policy\n"
      "Discussion was deferred to the next meeting.\n" + _TAIL),
]
# fmt: on

ALL = KIND + GUARDS


@pytest.mark.parametrize("v", ALL, ids=[v.name for v in ALL])
def test_lead_in_list_reads_as_judged(v: Variant) -> None:
    problems, notes = score(v)
    assert not problems, f"{v.kind}: {v.name}\n" + "\n".join(problems + notes)


def test_items_under_the_lead_in_keep_the_item_in_force() -> None:
    """Each item under the lead-in is a resolution of the item it stands in, numbered in turn."""
    from tracker.minutes import parse_minutes

    e = parse_minutes(KIND[1].text)
    got = [(r.item, r.number) for r in e.resolutions]
    assert got == [("5", "1"), ("5", "2"), ("5", "3")], got
    # "8.1" ... "8.3" under "NOTED" are the points of item 8's decision, not items of their own
    e = parse_minutes(KIND[6].text)
    got = [(r.item, r.number) for r in e.resolutions]
    assert got == [("8", "8.1"), ("8", "8.2"), ("8", "8.3")], got
