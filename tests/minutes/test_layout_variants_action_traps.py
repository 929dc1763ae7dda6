"""Action traps a second precision sweep over unseen published minutes found (none of these
texts is taken from a page): the meeting's own body "to receive / consider / note" its business
(an agenda description, not a task), an "Action:" label repeated on an item of an "Action
points:" list (read into the owner), and an item of such a list that reports an undertaking
("It was agreed that ... would ...") and names nobody to act. Each trap is left for review with
its reason; a guard variant of each kind must still be taken."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes

from .layout_kit import DIRECTIVE, LOG, OWNER_LABEL, TRAP, V, score

# fmt: off
VARIANTS = [
    V(TRAP, "'The Board to receive ...' under an item's title is its agenda description",
      "Agenda item\n\nThe Board to receive the annual report of the Director of Public Health.\n"
      "\nThe Director introduced the report and answered questions on smoking rates.\n"),
    V(TRAP, "'The Committee to consider ...' after a numbered item heading",
      "5. Budget monitoring\nThe Committee to consider the budget position at quarter two.\n"
      "The Finance Manager presented the figures, which showed a small overspend.\n"),
    V(TRAP, "'The Panel to note ...' wrapped over two lines",
      "Item 4: Complaints\nThe Panel to note the complaints received since its last\nmeeting.\n"
      "Three complaints had been received and all had been resolved.\n"),
    V(DIRECTIVE, "guard: the body given a task that is not its meeting's business",
      "7. Funding\nMembers discussed the funding gap for the coming year at length.\n"
      "The Board to write to the Secretary of State about the funding gap.\n",
      act=[("The Board", "write to the Secretary of State about the funding gap.")]),
    V(DIRECTIVE, "guard: another committee to consider a matter is a task given to it",
      "7. Risk\nThe new risks were discussed.\nAudit Committee to consider the risk register "
      "at its June meeting.\n",
      act=[("Audit Committee", "consider the risk register at its June meeting.")]),
    V(LOG, "'Action:' repeated on numbered items under 'Action points:'",
      "Matters arising:\n\nAction points:\n2.2.1 Action: NB to follow up with the county about "
      "the grant.\n2.2.2 Action: GC to book the hall for the AGM.\n\n3. Membership\nNone had "
      "been reported.\n",
      act=[("NB", "follow up with the county about the grant."),
           ("GC", "book the hall for the AGM.")]),
    V(LOG, "'ACTION -' on bulleted items under 'Actions:'",
      "Actions:\n- ACTION - JS to circulate the slides to all members.\n- ACTION - Clerk to "
      "order two new grit bins.\n\n4. Any other business\nThere was none.\n",
      act=[("JS", "circulate the slides to all members."),
           ("Clerk", "order two new grit bins.")]),
    V(TRAP, "an item of 'Action points:' reporting an undertaking that names nobody to act",
      "Action points:\n2.2.1 It was agreed that from the May meeting, group chairs would "
      "report any new members to the steering group.\n2.2.2 KT to draft the newsletter.\n"
      "\n3. Elections\nThree posts were up for election.\n",
      act=[("KT", "draft the newsletter.")]),
    V(TRAP, "an undertaking with 'will' in a bulleted 'Actions' list",
      "Actions\n- It was agreed that the newsletter will go out in March.\n- RB to ask the "
      "printer for a quote.\n\n5. Date of next meeting\n12 March.\n",
      act=[("RB", "ask the printer for a quote.")]),
    V(LOG, "guard: a passive item naming nobody in an 'Actions' list is still taken",
      "Actions\n- The hall to be booked for the annual meeting.\n- RB to ask the printer for a "
      "quote.\n\n5. Date of next meeting\n12 March.\n",
      act=[("", "The hall to be booked for the annual meeting."),
           ("RB", "ask the printer for a quote.")]),
]
# fmt: on


@pytest.mark.parametrize("v", VARIANTS, ids=[f"{v.kind}: {v.name}" for v in VARIANTS])
def test_each_variant_is_read_as_a_judge_would(v):
    problems, notes = score(v)
    assert problems == [], notes


@pytest.mark.parametrize(
    "v", [t for t in VARIANTS if t.kind == TRAP], ids=[t.name for t in VARIANTS if t.kind == TRAP]
)
def test_each_trap_is_left_for_review_with_its_reason(v):
    """What the trap looked like is on the review list with its line and why, never dropped."""
    e = parse_minutes(v.text)
    reasons = " ".join(u.reason for u in e.unsure)
    assert "agenda description" in reasons or "undertaking" in reasons, e.unsure


# a kind the sweep's pages showed missed: two owners joined by "and" ("JH and KB to organise
# event"), each of them somebody
# fmt: off
JOINED = [
    V(DIRECTIVE, "two owners' initials joined by 'and'",
      "11. Summer event\nA barbecue was agreed for 15 July. JH and KB to organise the event.\n"
      "12. Plot inspections\nThey have taken place.\n",
      act=[("JH and KB", "organise the event.")]),
    V(DIRECTIVE, "a role and initials joined by '&'",
      "4. Car park\nThe surface breaks up after rain. The Clerk & RB to meet the contractor on "
      "site.\n5. Any other business\nNone.\n",
      act=[("The Clerk & RB", "meet the contractor on site.")]),
    V(TRAP, "guard: words joined by 'and' that are not people stay untaken",
      "7. Xmas lunch\nAgreed for 3 December. Food and Drink to come from the pub as last "
      "year.\n"),
]
# fmt: on


@pytest.mark.parametrize("v", JOINED, ids=[v.name for v in JOINED])
def test_owners_joined_by_and_are_read(v):
    problems, notes = score(v)
    assert problems == [], notes


# "ACTION – AW agenda item for next meeting.": an action whose text starts with the owner's
# initials and has no "to"; the owner was lost ("")
# fmt: off
INITIALS_FIRST = [
    V(OWNER_LABEL, "'ACTION – <initials> <task>' on its own line",
      "Notice board\nQuotes came in at around £800. It was discussed at length.\n\n"
      "ACTION – AW agenda item for next meeting.\n\nOpen day\nVolunteers are needed.\n",
      act=[("AW", "agenda item for next meeting.")]),
    V(OWNER_LABEL, "'Action: <initials>/<initials> <task>'",
      "Website\nThe site is out of date.\nAction: KT/RB draft new pages for the spring.\n",
      act=[("KT/RB", "draft new pages for the spring.")]),
    V(OWNER_LABEL, "guard: an acronym at the head of a passive action keeps no owner",
      "Security\nThere were two break-ins.\nACTION: CCTV cameras to be checked by the "
      "contractor.\n",
      act=[("", "CCTV cameras to be checked by the contractor.")]),
]
# fmt: on


@pytest.mark.parametrize("v", INITIALS_FIRST, ids=[v.name for v in INITIALS_FIRST])
def test_initials_at_the_start_of_an_action_are_its_owner(v):
    problems, notes = score(v)
    assert problems == [], notes


# "... for publication. Action JL": an owner-only label with no colon after the sentence it
# acts on was not read at all (not even left unsure)
# fmt: off
BARE_LABEL = [
    V(OWNER_LABEL, "'Action <initials>' ending a prose line",
      "Copies of minutes\nJL will send copies of the minutes to the administrator for "
      "publication. Action JL\nMatters arising: there were none.\n",
      act=[("JL", "JL will send copies of the minutes to the administrator for publication.")]),
    V(OWNER_LABEL, "'– action <initials>.' after a dash",
      "Ramp\nA supplier was found and the ramp will be ordered this month – action JB.\n"
      "Memorials\nA quote is awaited.\n",
      act=[("JB", "A supplier was found and the ramp will be ordered this month")]),
    V(OWNER_LABEL, "'Action <initials>, <initials> and <initials>'",
      "Ramp\nThe quotes for the ramp are to be compared before the next meeting. Action PB, JR "
      "and MW\n",
      act=[("PB, JR and MW", "The quotes for the ramp are to be compared before the next "
                             "meeting.")]),
    V(TRAP, "guard: 'Action plan.' after a sentence is no owner label",
      "Plan\nThe group discussed the draft at length. Action plan.\n"),
    V(TRAP, "guard: 'Action taken.' after a sentence is no owner label",
      "Budget\nThe budget was noted. Action taken.\n"),
]
# fmt: on


@pytest.mark.parametrize("v", BARE_LABEL, ids=[v.name for v in BARE_LABEL])
def test_an_owner_label_without_a_colon_is_read(v):
    problems, notes = score(v)
    assert problems == [], notes


# an owner label after a bare "All agreed." took the keyword alone as its task
# fmt: off
BARE_DECISION = [
    V(TRAP, "'All Agreed.' between the task and 'Action: JL'",
      "Minutes\nIt was thought the minutes should be published more widely. All Agreed. The "
      "minute secretary JL will provide copies of the minutes for publication. Action: JL\n",
      act=[("JL", "The minute secretary JL will provide copies of the minutes for "
                  "publication.")]),
    V(TRAP, "'All agreed – action JB.' after the sentence that holds the task",
      "Ramp\nA supplier was found and JB sought approval to buy the ramp for £350. All agreed "
      "– action JB.\nMemorials\nA quote is awaited.\n",
      act=[("JB", "A supplier was found and JB sought approval to buy the ramp for £350.")]),
    V(OWNER_LABEL, "guard: a decision with its own words is still the task",
      "Minutes\nThe minutes were discussed. It was agreed that JL would send them to the "
      "website. Action: JL\n",
      act=[("JL", "JL would send them to the website.")]),
]
# fmt: on


@pytest.mark.parametrize("v", BARE_DECISION, ids=[v.name for v in BARE_DECISION])
def test_a_bare_agreed_is_not_the_task_of_an_owner_label(v):
    problems, notes = score(v)
    assert problems == [], notes
