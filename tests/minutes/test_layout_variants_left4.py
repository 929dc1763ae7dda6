"""Kinds this session's branches noticed and left open, in segmentation, labels and lists (branch
minutesleft4). None of these texts is taken from a corpus page; each kind is written in several
wordings and layouts, with guards for the traps beside it:

- a word hyphenated at the end of a hard-wrapped line ("recom-" / "mended") is read whole; a
  compound split at its own hyphen ("co-" / "ordinate", "long-" / "term") keeps it;
- a minute number glued to its word ("45/23Resolved", "363/03MINUTES") and a dash glued to the
  decision word ("–It was agreed", "overgrown.–RESOLVED", "received -The Board agreed");
- "Lead:", "Responsible:", "Owner(s):", "Action owner:" under an action or a decision name its
  owner; "Outcome:" is a field there, and "Outcome: That ..." is an item's decision;
- owners listed with commas ("Sian, Diane and the Clerk to ...", "The Clerk, the Chair and the
  RFO to ...");
- unmarked "to ...;" lines under a decision lead-in ("It was agreed:-", "RESOLVED:"), each a
  decision;
- "(1) TITLE RESOLVED that ... (2) TITLE RESOLVED that ..." flattened onto one line: each item
  its number and decision; so too "(1) The Council RESOLVED that ... (2) ..." when every item holds
  a decision word in capitals.
"""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes

from .layout_kit import DIRECTIVE, LOG, OWNER_LABEL, TRAP, V, score

HYPHEN = "hyphenated at a line's end"
GLUED = "glued number or dash"
LABEL = "owner or outcome label"
LEAD = "unmarked items under a lead-in"
FLAT = "flattened titled items"

# fmt: off
LEFT4 = [
    # ---- words hyphenated at a hard-wrapped line's end ----------------------------------------
    V(HYPHEN, "'arr-' / 'ange ... con-' / 'tractor.' in a prose decision",
      "5. Roads\nIt was agreed that the Clerk should arr-\nange a meeting with the con-\n"
      "tractor.\n",
      res=["that the Clerk should arrange a meeting with the contractor."]),
    V(HYPHEN, "'recom-' / blank / 'mended' under RESOLVED",
      "5. Budget\nRESOLVED that the budget be recom-\n\nmended to Council.\n",
      res=["that the budget be recommended to Council."]),
    V(HYPHEN, "'(a) to approve the recom-' / 'mendations ...' in a lettered list",
      "5. Budget\nThe Board AGREED:-\n(a) to approve the recom-\nmendations in the report;\n"
      "(b) to note the spend.\n",
      res=["to approve the recommendations in the report", "to note the spend."]),
    V(HYPHEN, "'con-' / 'tractor' in an action line",
      "5. Roads\nACTION: Clerk to contact the con-\ntractor about the hedge.\n",
      act=[("Clerk", "contact the contractor about the hedge.")]),
    V(HYPHEN, "'The Vice-' / 'Chair to write ...' (a capital after a compound's first word)",
      "5. Roads\nThe Vice-\nChair to write to the county council.\n",
      act=[("The Vice-Chair", "write to the county council.")]),
    V(TRAP, "'... Partnership Co-' / '   Helen Pinkney, ...' (a column's cell) joins nothing",
      "ATTENDANCE        Lee Stephenson, Principal Area Action Partnership Co-\n"
      "                  Helen Pinkney, AAP Support Officer\n"),
    V(TRAP, "'pre- and post-' / 'election' keeps its compound and is no decision",
      "5. Budget\nThe pre- and post-\nelection periods were discussed.\n"),
    # ---- numbers and dashes glued to the decision word ---------------------------------------
    V(GLUED, "'45/23Resolved that ...' under the minute's number",
      "45/22 Minutes\nThe minutes were signed.\n45/23Resolved that the accounts be approved.\n"
      "45/24 Close\n",
      res=["that the accounts be approved."]),
    V(GLUED, "'–It was agreed that ...' opening a line",
      "5. Roads\nThe hedge is overgrown.\n\u2013It was agreed that the Clerk write to the "
      "landowner.\n",
      res=["that the Clerk write to the landowner."]),
    V(GLUED, "'overgrown.–It was agreed that ...' after a sentence",
      "5. Roads\nThe hedge is overgrown.\u2013It was agreed that the Clerk write to the "
      "landowner.\n",
      res=["that the Clerk write to the landowner."]),
    V(GLUED, "'overgrown.–Resolved that ...' after a sentence",
      "5. Roads\nThe verges are overgrown.\u2013Resolved that the Clerk write to the council.\n",
      res=["that the Clerk write to the council."]),
    V(GLUED, "'–RESOLVED that ...' opening a line",
      "5. Roads\n\u2013RESOLVED that the Clerk write to the landowner.\n",
      res=["that the Clerk write to the landowner."]),
    V(GLUED, "'received -The Board agreed to ...' (a hyphen after a space)",
      "5. Roads\nTwo quotes were received -The Board agreed to accept the lower one.\n",
      res=["to accept the lower one."]),
    V(TRAP, "'The long-It was' (a hyphen inside a word) stays as printed, no decision",
      "5. Roads\nThe long-It was a long meeting.\n"),
    # ---- labels under an action or a decision -------------------------------------------------
    V(OWNER_LABEL, "'Lead: Clerk' under an owner-less action",
      "5. Roads\nACTION: Write to the highways authority about the potholes.\nLead: Clerk\n",
      act=[("Clerk", "Write to the highways authority about the potholes.")]),
    V(OWNER_LABEL, "'Responsible: Cllr Jones' under an owner-less action",
      "5. Roads\nAction: Survey the footpath before March.\nResponsible: Cllr Jones\n",
      act=[("Cllr Jones", "Survey the footpath before March.")]),
    V(OWNER_LABEL, "'Owner(s): JD, AB' under an owner-less action",
      "5. Roads\nAction: Survey the footpath before March.\nOwner(s): JD, AB\n",
      act=[("JD, AB", "Survey the footpath before March.")]),
    V(OWNER_LABEL, "'Outcome: Complete' then 'Owner(s): JD' under the action",
      "5. Roads\nAction: Survey the footpath before March.\nOutcome: Complete\nOwner(s): JD\n",
      act=[("JD", "Survey the footpath before March.")]),
    V(OWNER_LABEL, "'Responsible officer:' and 'Due:' under the action",
      "5. Roads\nACTION: Write to the council about the verges.\nResponsible officer: Head of "
      "Highways\nDue: March 2025\n",
      act=[("Head of Highways", "Write to the council about the verges.")]),
    V(OWNER_LABEL, "'Responsible: Head of Highways' under a decision",
      "5. Roads\nRESOLVED that a survey of the footpath be commissioned.\nResponsible: Head of "
      "Highways\n6. Close\n",
      res=["that a survey of the footpath be commissioned."],
      act=[("Head of Highways", "that a survey of the footpath be commissioned.")]),
    V(OWNER_LABEL, "'Owner(s): Clerk, JD' under a decision",
      "5. Roads\nRESOLVED that a survey of the footpath be commissioned.\nOwner(s): Clerk, JD\n"
      "6. Close\n",
      res=["that a survey of the footpath be commissioned."],
      act=[("Clerk, JD", "that a survey of the footpath be commissioned.")]),
    V(TRAP, "'Lead: Clerk' under an action that names its owner changes nothing",
      "5. Roads\nAction: JS to write to the council.\nLead: Clerk\n",
      act=[("JS", "write to the council.")]),
    V(TRAP, "'Responsible:' over an agenda item's presenter is no action",
      "5. Roads\nThe Head of Highways presented the report.\nResponsible: Head of Highways\n"
      "RESOLVED that the report be noted.\n",
      res=["that the report be noted."]),
    V(TRAP, "'Lead officer:' opening an item is no action",
      "5. Roads\nLead officer: Jane Smith, Head of Highways\nThe report was presented.\n"),
    V(LABEL, "'Outcome: That the survey be funded.' after the discussion",
      "5. Roads\nMembers discussed the footpath.\nOutcome: That the survey be funded.\n",
      res=["That the survey be funded."]),
    V(LABEL, "'Outcome - to fund the survey.'",
      "5. Roads\nOutcome - to fund the survey.\n",
      res=["to fund the survey."]),
    V(LABEL, "'OUTCOMES: That the plan be adopted.'",
      "5. Roads\nOUTCOMES: That the plan be adopted.\n",
      res=["That the plan be adopted."]),
    V(TRAP, "'Outcome: awaited from the county council.' is a status",
      "5. Roads\nOutcome: awaited from the county council.\n"),
    V(TRAP, "'Outcome: to be confirmed.' is a status",
      "5. Roads\nOutcome: to be confirmed.\n"),
    V(TRAP, "'The outcome of the consultation was reported.' is a report",
      "5. Roads\nThe outcome of the consultation was reported.\n"),
    # ---- owners listed with commas -------------------------------------------------------------
    V(DIRECTIVE, "'Sian, Diane and the Clerk to meet ...' (first names listed as present)",
      "Present: Cllrs Sian Jones, Diane Evans, Tom Hill.\n5. Roads\nSian, Diane and the Clerk "
      "to meet the highways officer.\n",
      act=[("Sian, Diane and the Clerk", "meet the highways officer.")]),
    V(DIRECTIVE, "'The Clerk, the Chair and the RFO to review ...'",
      "5. Insurance\nThe Clerk, the Chair and the RFO to review the insurance policy.\n",
      act=[("Clerk, the Chair and the RFO", "review the insurance policy.")]),
    V(DIRECTIVE, "'The Clerk and the Chair to review ...'",
      "5. Insurance\nThe Clerk and the Chair to review the insurance policy.\n",
      act=[("Clerk and the Chair", "review the insurance policy.")]),
    V(DIRECTIVE, "'Cllr Evans, Cllr Hill and the Clerk to inspect ...'",
      "5. Play area\nCllr Evans, Cllr Hill and the Clerk to inspect the swings.\n",
      act=[("Cllr Evans, Cllr Hill and the Clerk", "inspect the swings.")]),
    V(TRAP, "'Welcome, Members and the Public to note ...' names no owner",
      "1. Welcome\nWelcome, Members and the Public to note the fire exits.\n"),
    # ---- unmarked "to ...;" lines under a decision lead-in -----------------------------------
    V(LEAD, "'After discussion it was agreed:-' over 'to ...;' lines",
      "5. Budget\nAfter discussion it was agreed:-\nto note the report;\nto approve the budget; "
      "and\nto review it in March.\n",
      res=["to note the report", "to approve the budget", "to review it in March."]),
    V(LEAD, "'RESOLVED:' over 'to ...;' lines",
      "5. Budget\nRESOLVED:\nto note the report;\nto approve the budget.\n",
      res=["to note the report", "to approve the budget."]),
    V(LEAD, "'The Committee agreed:-' over 'to ...;' lines, then the next item",
      "5. Budget\nThe Committee agreed:-\nto note the report;\nto refer it to Council.\n"
      "6. Close\n",
      res=["to note the report", "to refer it to Council."]),
    V(LEAD, "'RESOLVED:-' over a 'to ...' item wrapped over two lines",
      "5. Budget\nRESOLVED:-\nto note the report and the\nappendices to it;\nto approve the "
      "budget.\n6. Close\n",
      res=["to note the report and the appendices to it", "to approve the budget."]),
    V(TRAP, "'The Committee was asked to agree:' over 'to ...;' lines is no decision",
      "5. Budget\nThe Committee was asked to agree:\nto note the report;\nto approve the "
      "budget.\n"),
    # ---- "(1) TITLE RESOLVED ..." flattened ---------------------------------------------------
    V(FLAT, "'(1) APOLOGIES RESOLVED that ... (2) MINUTES RESOLVED that ...' on one line",
      "(1) APOLOGIES RESOLVED that the apologies be accepted. (2) MINUTES RESOLVED that the "
      "minutes be approved. (3) FINANCE RESOLVED that the accounts be paid.\n",
      res=["that the apologies be accepted.", "that the minutes be approved.",
           "that the accounts be paid."]),
    V(FLAT, "'1) Apologies Resolved - That ... 2) Minutes Resolved - That ...'",
      "1) Apologies Resolved - That the apologies be accepted. 2) Minutes Resolved - That the "
      "minutes be approved.\n",
      res=["That the apologies be accepted.", "That the minutes be approved."]),
    V(FLAT, "'(1) APOLOGIES RESOLVED that ...' one a line",
      "(1) APOLOGIES RESOLVED that the apologies be accepted.\n(2) MINUTES RESOLVED that the "
      "minutes be approved.\n",
      res=["that the apologies be accepted.", "that the minutes be approved."]),
    V(FLAT, "'(1) The Council RESOLVED that ... (2) The Council RESOLVED that ...' on one line",
      "5. Budget\n(1) The Council RESOLVED that the budget be approved. (2) The Council RESOLVED "
      "that the precept be set.\n",
      res=["that the budget be approved.", "that the precept be set."]),
    V(FLAT, "'1) It was AGREED to ... 2) It was AGREED to ...' on one line",
      "5. Play area\n1) It was AGREED to buy a bench. 2) It was AGREED to repair the gate.\n",
      res=["to buy a bench.", "to repair the gate."]),
    V(TRAP, "'(1) The Clerk reported ... (2) The Chair thanked ...' are no decisions",
      "(1) The Clerk reported on the hedge. (2) The Chair thanked members.\n"),
    # ---- already read by main; kept as guards for the rules above -----------------------------
    V(LOG, "an action sheet with tabs and no header row",
      "Actions\n1\tWrite to the highways authority\tClerk\tMarch 2025\n2\tBook the hall for "
      "the fair\tJM\tApril 2025\n3\tOrder new bins\tRFO\tMay 2025\n",
      act=[("Clerk", "Write to the highways authority"), ("JM", "Book the hall for the fair"),
           ("RFO", "Order new bins")]),
    V(LOG, "an action sheet in runs of spaces and no header row",
      "Actions\nWrite to the highways authority      Clerk     March 2025\nBook the hall for "
      "the fair          JM        April 2025\nOrder new bins                      RFO       "
      "May 2025\n",
      act=[("Clerk", "Write to the highways authority"), ("JM", "Book the hall for the fair"),
           ("RFO", "Order new bins")]),
    V(GLUED, "'... approved.362/14 Finance' (a decision running into the next glued number)",
      "361/14 Minutes\nThe minutes were approved.362/14 Finance\nRESOLVED that the accounts be "
      "approved.363/14 Planning\nRESOLVED that no objection be raised.\n",
      res=["that the accounts be approved.", "that no objection be raised."]),
]
# fmt: on


@pytest.mark.parametrize("v", LEFT4, ids=lambda v: v.name)
def test_each_left4_variant_is_read_as_a_judge_would(v):
    problems, notes = score(v)
    assert problems == [], (problems, notes)


@pytest.mark.parametrize(
    ("text", "items"),
    [
        (
            "(1) APOLOGIES RESOLVED that the apologies be accepted. (2) MINUTES RESOLVED that "
            "the minutes be approved. (3) FINANCE RESOLVED that the accounts be paid.\n",
            ["1", "2", "3"],
        ),
        (
            "1) Apologies Resolved - That the apologies be accepted. 2) Minutes Resolved - That "
            "the minutes be approved.\n",
            ["1", "2"],
        ),
        (
            "(1) APOLOGIES RESOLVED that the apologies be accepted.\n(2) MINUTES RESOLVED that "
            "the minutes be approved.\n",
            ["1", "2"],
        ),
        ("45/22 Minutes\nNone.\n45/23Resolved that the accounts be approved.\n", ["45/23"]),
        (
            "362/03 APOLOGIES\nNone.\n363/03MINUTES\nRESOLVED that the minutes be approved.\n",
            ["363/03"],
        ),
    ],
)
def test_flattened_and_glued_numbers_give_the_item(text, items):
    assert [r.item for r in parse_minutes(text).resolutions] == items


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("5. Budget\nRESOLVED that the budget be recom-\nmended to Council.\n", "recommended"),
        ("5. Budget\nRESOLVED that the long-\nterm plan be approved.\n", "long-term"),
        ("5. Budget\nRESOLVED that the figures for 2023-\n24 be noted.\n", "2023-24"),
        ("5. Budget\nRESOLVED that the Clerk co-\nordinate the fair.\n", "co-ordinate"),
        ("5. Budget\nRESOLVED that the Sub-\nCommittee consider the fair.\n", "Sub-Committee"),
    ],
)
def test_a_word_hyphenated_at_a_line_end_is_read_whole(text, word):
    (r,) = parse_minutes(text).resolutions
    assert word in r.text.split()
