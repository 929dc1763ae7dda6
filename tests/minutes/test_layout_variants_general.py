"""Kinds that recur on the first read of fresh pages (batches 33-42), written as general rules
(issue 17, branch tunegen). Each kind was missed on the first read of three or more batches or
bodies, and the rule added when it was tuned read one spelling of it; these variants are other
spellings of the same kind, in wordings on no corpus page, with guards. None of these texts is
taken from a page:

- a title over earlier meetings' actions in any wording (a list of actions named, a word placing
  them before this meeting or reporting how they stand): "Action log from the last meeting",
  "Previous actions", "Progress on the action log", "Status of previous actions", "Outstanding
  Action Points": their "Action: ..." rows restate earlier actions (guards: this meeting's list,
  a new directive under the title, a bare "Action tracker", the minutes item "Previous minutes
  and actions" over this meeting's actions, a topic named "Climate Action Plan");
- the meeting's body as the subject of a prose decision by any of its nouns, with or without its
  article: "Group agreed to ...", "Full Council resolved that ...", "The Working Party decided to
  ...", "The Board of Trustees agreed to ..." (guards: "Members agreed to ...", another council,
  an undertaking with "would");
- the item approving the earlier minutes and its bare outcome, in any of the title's forms and
  after a colon, a dash or as a bullet of its own: "12/21 Minutes of the previous Council
  meeting" / "- Approved and signed by the Chair", "2. Minutes of the meeting held on 3rd
  February 2024: Approved.", "3. Approval of the minutes of 12 January - Confirmed and signed."
  (guards: a bullet that only starts with the word, another body's minutes circulated);
- an agenda's topic written in capitals is no person: "Village Hall Lease to be discussed at the
  next meeting.", "Speed Watch Scheme to be deferred ..." name nobody who is to act (guards: a
  role before "to be asked", a person's name before "to circulate").
"""

from __future__ import annotations

import pytest

from .layout_kit import DIRECTIVE, MOTION, OWNER_LABEL, PROSE, TRAP, V, Variant, score

# fmt: off
_HEAD = (
    "Minutes of the meeting of Eastfold Parish Council held in the Pavilion on 9 October.\n"
    "Present: Cllr P Amos (Chair), Cllr R Quill, Cllr S Vane, Cllr T Wren.\n\n"
)
_TAIL = "\n\n8. Date of next meeting\nThe next meeting will be on 13 November at 7pm.\n"
_ROWS = (
    "Action: Clerk to renew the cover for the pavilion with the broker. Completed.\n"
    "Action: Cllr Quill to speak to the farmer about the overgrown hedge. Ongoing.\n"
)

EARLIER = [
    V(OWNER_LABEL, "'4. Action log from the last meeting' over its rows with their status",
      _HEAD + "4. Action log from the last meeting\n" + _ROWS + _TAIL),
    V(OWNER_LABEL, "'Previous actions' unnumbered",
      _HEAD + "Previous actions\n" + _ROWS + _TAIL),
    V(OWNER_LABEL, "'5. Progress on the action log'",
      _HEAD + "5. Progress on the action log\n" + _ROWS + _TAIL),
    V(OWNER_LABEL, "'3. Matters arising and actions from earlier minutes'",
      _HEAD + "3. Matters arising and actions from earlier minutes\n" + _ROWS + _TAIL),
    V(OWNER_LABEL, "'Status of previous actions:'",
      _HEAD + "Status of previous actions:\n" + _ROWS + _TAIL),
    V(OWNER_LABEL, "'6. Outstanding Action Points'",
      _HEAD + "6. Outstanding Action Points\n" + _ROWS + _TAIL),
    V(OWNER_LABEL, "'Actions from the meeting of 12 September - update'",
      _HEAD + "Actions from the meeting of 12 September - update\n" + _ROWS + _TAIL),
]
EARLIER_GUARDS = [
    V(OWNER_LABEL, "guard: this meeting's own list ('Actions agreed at this meeting:')",
      _HEAD + "Actions agreed at this meeting:\n"
      "Action: Clerk to order two new litter bins for the green.\n" + _TAIL,
      act=[("Clerk", "order two new litter bins for the green.")]),
    V(DIRECTIVE, "guard: a new directive in prose under the title is this meeting's",
      _HEAD + "4. Progress on the action log\n" + _ROWS +
      "The bench by the pond is still broken. Clerk to chase the contractor for a date.\n" + _TAIL,
      act=[("Clerk", "chase the contractor for a date.")]),
    V(OWNER_LABEL, "guard: a bare 'Action tracker' may be this meeting's log",
      _HEAD + "4. Action tracker\n"
      "Action: Clerk to order two new litter bins for the green.\n" + _TAIL,
      act=[("Clerk", "order two new litter bins for the green.")]),
    V(OWNER_LABEL, "guard: the minutes item listing this meeting's actions ('Previous minutes and "
      "actions')",
      _HEAD + "3. Previous minutes and actions\nThe minutes were agreed with one correction.\n"
      "ACTION RQ: the correction to be sent to the website editor.\n" + _TAIL,
      act=[("RQ", "the correction to be sent to the website editor.")]),
    V(OWNER_LABEL, "guard: a topic named 'Climate Action Plan' is no list of earlier actions",
      _HEAD + "4. Climate Action Plan: progress\n"
      "Action: Clerk to ask the county about solar panels on the pavilion roof.\n" + _TAIL,
      act=[("Clerk", "ask the county about solar panels on the pavilion roof.")]),
]

_ITEM = "5. Open day\nThe Chair reported on the arrangements so far.\n"
BODIES = [
    V(PROSE, "'Group agreed to ...' without its article",
      _HEAD + _ITEM + "Group agreed to hold the open day on the first Saturday in July." + _TAIL,
      res=["to hold the open day on the first Saturday in July."]),
    V(PROSE, "'Full Council resolved that ...'",
      _HEAD + _ITEM + "Full Council resolved that the stall fees for the open day be waived." + _TAIL,
      res=["that the stall fees for the open day be waived."]),
    V(PROSE, "'The Working Party decided to ...'",
      _HEAD + _ITEM + "The Working Party decided to meet fortnightly until the open day." + _TAIL,
      res=["to meet fortnightly until the open day."]),
    V(PROSE, "'The Board of Trustees agreed to ...'",
      _HEAD + _ITEM + "The Board of Trustees agreed to insure the marquee for the open day." + _TAIL,
      res=["to insure the marquee for the open day."]),
    V(PROSE, "'Partnership decided to ...' without its article",
      _HEAD + _ITEM + "Partnership decided to print a second run of the walks leaflet." + _TAIL,
      res=["to print a second run of the walks leaflet."]),
]
BODY_GUARDS = [
    V(PROSE, "guard: 'Members agreed to ...' names no body (batch 12)",
      _HEAD + _ITEM + "Members agreed to meet informally before the open day." + _TAIL),
    V(PROSE, "guard: another council's plan ('the county council agreed to ...')",
      _HEAD + _ITEM + "Cllr Wren said that the county council agreed to resurface the lane." + _TAIL),
    V(PROSE, "guard: 'Group agreed that it would ...' is an undertaking",
      _HEAD + _ITEM + "Group agreed that it would report back in the spring." + _TAIL),
]

APPROVALS = [
    V(MOTION, "'12/21 Minutes of the previous Council meeting' / '- Approved and signed ...'",
      _HEAD + "12/21 Minutes of the previous Council meeting\n"
      "- Approved and signed by the Chair\n12/22 Police report\n- None received" + _TAIL,
      res=["Approved and signed by the Chair"]),
    V(MOTION, "'2. Minutes of the meeting held on 3rd February 2024: Approved.'",
      _HEAD + "2. Minutes of the meeting held on 3rd February 2024: Approved.\n"
      "3. Finance\nThe Clerk reported the balances." + _TAIL,
      res=["Approved."]),
    V(MOTION, "'3. Approval of the minutes of 12 January - Confirmed and signed.'",
      _HEAD + "3. Approval of the minutes of 12 January - Confirmed and signed.\n"
      "4. Finance\nThe Clerk reported the balances." + _TAIL,
      res=["Confirmed and signed."]),
    V(MOTION, "'22/104 Minutes of last meeting: Ratified.'",
      _HEAD + "22/104 Minutes of last meeting: Ratified.\n22/105 Finance\n"
      "The Clerk reported the balances." + _TAIL,
      res=["Ratified."]),
    V(MOTION, "'4. Minutes of the previous meeting' / '- Adopted as a correct record'",
      _HEAD + "4. Minutes of the previous meeting\n- Adopted as a correct record\n"
      "5. Finance\nThe Clerk reported the balances." + _TAIL,
      res=["Adopted as a correct record"]),
]
APPROVAL_GUARDS = [
    V(TRAP, "guard: a bullet that only opens with the word ('- Adopted highway ...')",
      _HEAD + "4. Correspondence\n- Adopted highway at Mill Lane: a letter from the county\n"
      "5. Finance\nThe Clerk reported the balances." + _TAIL),
    V(TRAP, "guard: another body's minutes circulated, no outcome",
      _HEAD + "4. Minutes of the Village Hall Committee: circulated\n"
      "5. Finance\nThe Clerk reported the balances." + _TAIL),
]

_AOB = "7. Any other business\n"
TOPICS = [
    V(TRAP, "'Village Hall Lease to be discussed at the next meeting.'",
      _HEAD + _AOB + "Village Hall Lease to be discussed at the next meeting." + _TAIL),
    V(TRAP, "'Speed Watch Scheme to be deferred to the March meeting.'",
      _HEAD + _AOB + "Speed Watch Scheme to be deferred to the March meeting." + _TAIL),
    V(TRAP, "'Allotment Rents Review to be carried forward to the next meeting.'",
      _HEAD + _AOB + "Allotment Rents Review to be carried forward to the next meeting." + _TAIL),
]
TOPIC_GUARDS = [
    V(DIRECTIVE, "guard: a person's name before 'to circulate'",
      _HEAD + _AOB + "Tom Barker to circulate the survey results to all members." + _TAIL,
      act=[("Tom Barker", "circulate the survey results to all members.")]),
    V(DIRECTIVE, "guard: a role before 'to be asked' is still a passive directive",
      _HEAD + _AOB + "The Head of Highways to be asked to attend the next meeting." + _TAIL,
      act=[("", "The Head of Highways to be asked to attend the next meeting.")]),
]
# fmt: on

ALL = EARLIER + EARLIER_GUARDS + BODIES + BODY_GUARDS + APPROVALS + APPROVAL_GUARDS
ALL += TOPICS + TOPIC_GUARDS


@pytest.mark.parametrize("v", ALL, ids=[v.name for v in ALL])
def test_general_kind_reads_as_judged(v: Variant) -> None:
    problems, notes = score(v)
    assert not problems, f"{v.kind}: {v.name}\n" + "\n".join(problems + notes)
