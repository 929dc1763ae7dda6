"""Robustness to variation within each layout kind of issue 17.

For every kind the issue lists, small synthetic pages vary what a council might vary: the
wording, the wrapping, the separators, the list markers, how an owner is written (initials,
role, full name). Each is scored as the corpus scorer scores a page (resolutions by their words,
actions by owner and task), so a variant passes only when the reader finds exactly what a judge
would. None of these texts is taken from a corpus page.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tracker.minutes import parse_minutes
from tracker.minutes.evaluate import RESOLUTION_MATCH, TASK_MATCH, dice, same_owner, words


@dataclass(frozen=True)
class Variant:
    kind: str
    name: str
    text: str
    resolutions: tuple[str, ...] = ()
    actions: tuple[tuple[str, str], ...] = ()


def V(kind: str, name: str, text: str, res=(), act=()) -> Variant:  # noqa: N802
    return Variant(kind, name, text, tuple(res), tuple(act))


PROSE = "prose decision"
UNANIMOUS = "unanimously resolved"
MOTION = "parish motion"
LOST = "lost-label list"
RECOMMENDED = "recommended to a body"
NOTICE = "decision notice"
GLUED = "glued marker"
LOG = "flattened action log"
OWNER_COL = "trailing owner column"
ACTION_REF = "glued action reference"
DIRECTIVE = "unlabelled directive"
OWNER_LABEL = "owner-only label"
TRAP = "trap"

# one variant to a few lines: a table of cases, read down the page
# fmt: off
VARIANTS = [
    # ---- decisions without a keyword at the start of a line --------------------------------
    V(PROSE, "it was agreed that, mid paragraph",
      "5. Bus shelter\n\nMembers discussed the quotes received. It was agreed that the quote "
      "from Smith Ltd be accepted. The Clerk thanked members.\n",
      ["that the quote from Smith Ltd be accepted."]),
    V(PROSE, "it was unanimously agreed to",
      "7. Grants\n\nAfter a short debate it was unanimously agreed to award a grant of "
      "\u00a3500 to the village hall.\n",
      ["to award a grant of \u00a3500 to the village hall."]),
    V(PROSE, "the Board agreed that, hard-wrapped",
      "3. Strategy refresh\n\nThe Board considered the draft strategy and\nagreed that "
      "the draft be published for\nconsultation in the spring.\n",
      ["that the draft be published for consultation in the spring."]),
    V(PROSE, "the Panel agreed with",
      "4. Precept proposal\n\nThe Panel agreed with the recommendations set out in the "
      "report.\n",
      ["with the recommendations set out in the report."]),
    V(PROSE, "following discussion the Partnership agreed",
      "6. Action plan\n\nFollowing discussion, the Partnership agreed that the action plan "
      "be approved.\n",
      ["that the action plan be approved."]),
    V(PROSE, "it was RESOLVED for, inside a paragraph",
      "9. Licence review\n\nThe Sub-Committee heard from the applicant. It was RESOLVED for "
      "the reasons given in the report to grant the licence.\n",
      ["for the reasons given in the report to grant the licence."]),
    V(PROSE, "the Committee decided that ... should",
      "2. Car parking\n\nThe Committee decided that the charges should remain unchanged.\n",
      ["that the charges should remain unchanged."]),
    V(PROSE, "it was decided to defer",
      "8. Play area\n\nIt was decided to defer the item to the next meeting.\n",
      ["to defer the item to the next meeting."]),
    V(UNANIMOUS, "UNANIMOUSLY RESOLVED that",
      "10. Accounts\n\nUNANIMOUSLY RESOLVED that the annual accounts be approved.\n",
      ["that the annual accounts be approved."]),
    V(UNANIMOUS, "Unanimously RESOLVED: That",
      "11. Insurance\n\nUnanimously RESOLVED: That the insurance be renewed with Zurich.\n",
      ["That the insurance be renewed with Zurich."]),
    V(UNANIMOUS, "It was UNANIMOUSLY RESOLVED that",
      "12. Standing orders\n\nIt was UNANIMOUSLY RESOLVED that standing orders be "
      "suspended.\n",
      ["that standing orders be suspended."]),
    V(MOTION, "Proposed (XX) & Seconded (YY) ... Unanimously agreed",
      "4. Hedge cutting\n\nProposed (JT) & Seconded (RB) that the contract be renewed for two "
      "years. Unanimously agreed.\n",
      ["that the contract be renewed for two years."]),
    V(MOTION, "proposed by, seconded by, carried",
      "5. Precept\n\nProposed by Cllr Brown, seconded by Cllr Green, that the precept be set "
      "at \u00a312,000. Carried unanimously.\n",
      ["that the precept be set at \u00a312,000."]),
    V(MOTION, "proposed/seconded/all in favour",
      "6. Minutes\n\nProposed Cllr Ellis, seconded Cllr Ward, that the minutes be signed as "
      "a true record; all in favour.\n",
      ["that the minutes be signed as a true record"]),
    V(LOST, "bare 'That the Committee:' with (a)-(c)",
      "7. Budget monitoring\n\nThe Director introduced the report.\n\nThat the Committee:\n"
      "(a) notes the forecast position;\n(b) approves the virements; and\n"
      "(c) asks officers to report again in June.\n",
      ["notes the forecast position", "approves the virements",
       "asks officers to report again in June."]),
    V(LOST, "numbered 'That ... be noted' clauses after the vote",
      "8. Annual report\n\nThe recommendations were put to the vote and carried.\n\n"
      "1. That the annual report be noted.\n2. That the work programme be agreed.\n",
      ["That the annual report be noted.", "That the work programme be agreed."]),
    V(LOST, "lead-in with nested (i)-(iii)",
      "9. Housing strategy\n\nThat the Committee:\n1. notes the consultation responses;\n"
      "2. agrees the priorities, namely:\n(i) more social housing;\n(ii) fewer empty homes; "
      "and\n(iii) better standards in private renting.\n",
      ["notes the consultation responses", "more social housing", "fewer empty homes",
       "better standards in private renting."]),
    V(LOST, "verb-first items under 'Decision'",
      "10. Risk register\n\nDecision\nNoted the contents of the risk register.\n"
      "Agreed the revised scoring method.\n",
      ["Noted the contents of the risk register.", "Agreed the revised scoring method."]),
    V(RECOMMENDED, "It is recommended that Cabinet:",
      "11. Capital programme\n\nIt is recommended that Cabinet:\n1. approves the capital "
      "programme for 2025/26;\n2. notes the funding gap.\n",
      ["approves the capital programme for 2025/26", "notes the funding gap."]),
    V(GLUED, "'(2)the' glued markers",
      "12. Waste contract\n\nRESOLVED:\n(1)that the contract be extended;\n"
      "(2)the Director be asked to re-tender in 2026.\n",
      ["that the contract be extended", "the Director be asked to re-tender in 2026."]),
    V(GLUED, "'a)that' glued lettered markers",
      "13. Parking\n\nRESOLVED that:\na)the order be made;\nb)objectors be told.\n",
      ["the order be made", "objectors be told."]),
    # ---- action logs flattened to text -----------------------------------------------------
    V(LOG, "' / ' cells with a header",
      "Action log\nNo / Action / Owner / Due\n1 / Circulate the revised plan to members / JS"
      " / March\n2 / Book the room for the away day / Clerk / April\n",
      act=[("JS", "Circulate the revised plan to members"),
           ("Clerk", "Book the room for the away day")]),
    V(LOG, "'|' cells with a header",
      "Actions\n| Action | Owner | Due |\n| Send the budget figures to the panel | Finance "
      "Manager | June |\n| Update the risk register | Head of Audit | July |\n",
      act=[("Finance Manager", "Send the budget figures to the panel"),
           ("Head of Audit", "Update the risk register")]),
    V(LOG, "' / ' cells without a header",
      "Actions arising\n1 / Write to the highways team about the verge / AB / 30 June\n"
      "2 / Chase the play area inspection report / CD / 31 July\n",
      act=[("AB", "Write to the highways team about the verge"),
           ("CD", "Chase the play area inspection report")]),
    V(OWNER_COL, "trailing initials",
      "5. Communications\n\nCirculate the newsletter draft to all partners AB\n"
      "Arrange a workshop on the new framework CD/EF\n",
      act=[("AB", "Circulate the newsletter draft to all partners"),
           ("CD/EF", "Arrange a workshop on the new framework")]),
    V(ACTION_REF, "'....Action 3.02: AB'",
      "3. Finance\n\nThe members asked for the quarterly figures to be shared before the next "
      "meeting....Action 3.02: AB\n",
      act=[("AB", "The members asked for the quarterly figures to be shared before the next "
                  "meeting")]),
    # ---- unlabelled directives ---------------------------------------------------------------
    V(DIRECTIVE, "initials to <verb>",
      "4. Website\n\nThe group discussed the website. JS to update the contact page.\n",
      act=[("JS", "update the contact page.")]),
    V(DIRECTIVE, "role to <verb>",
      "5. Trees\n\nThe overhanging trees were discussed. The Clerk to write to the landowner "
      "about the hedge.\n",
      act=[("The Clerk", "write to the landowner about the hedge.")]),
    V(DIRECTIVE, "councillor to <verb>",
      "6. Footpaths\n\nCllr Harris to inspect the footpath at Mill Lane and report back.\n",
      act=[("Cllr Harris", "inspect the footpath at Mill Lane and report back.")]),
    V(DIRECTIVE, "full name to <verb>, own line",
      "7. Training\n\nMembers asked about safeguarding training.\nSarah Jones to circulate the "
      "training dates.\n",
      act=[("Sarah Jones", "circulate the training dates.")]),
    V(DIRECTIVE, "is to <verb>",
      "8. Site visit\n\nAB is to organise a site visit in May.\n",
      act=[("AB", "organise a site visit in May.")]),
    V(DIRECTIVE, "passive: <Name> to be invited",
      "9. Speakers\n\nJane Doe to be invited to the next meeting to present the audit.\n",
      act=[("", "Jane Doe to be invited to the next meeting to present the audit.")]),
    # ---- owner-only labels ------------------------------------------------------------------
    V(OWNER_LABEL, "'Actions: <owner>' on its own line",
      "4. Grit bins\n\nThe grit bins need refilling before winter.\nActions: Clerk\n",
      act=[("Clerk", "The grit bins need refilling before winter.")]),
    V(OWNER_LABEL, "'Action: <initials>' after the sentence",
      "5. Signs\n\nThe broken sign at the green should be reported to the county. Action: MT\n",
      act=[("MT", "The broken sign at the green should be reported to the county.")]),
    # ---- traps -------------------------------------------------------------------------------
    V(TRAP, "agenda 'X to <verb>'",
      "AGENDA\n1. The Vice-Chair to open the meeting.\n2. The Clerk to read the apologies.\n"),
    V(TRAP, "Proposal: bullets",
      "5. Parking\n\nProposal:\n- That the car park be resurfaced.\n- That charges be "
      "introduced.\n"),
    V(TRAP, "member's comment 'That, ...'",
      "6. Highways\n\nCllr Watts said: That, in his view, the junction was dangerous and the "
      "county should act.\n"),
    V(TRAP, "bracketed proposer and seconder",
      "7. Accounts\n\nThe accounts were approved (JT/RB).\n"),
    V(TRAP, "approval be given",
      "8. Planning\n\nIt was noted that approval be given by the county in due course.\n"),
    V(TRAP, "consideration be given",
      "9. Hall\n\nMembers felt that consideration be given to new lighting.\n"),
    V(TRAP, "it was agreed that ... would",
      "10. Newsletter\n\nIt was agreed that the Chair would write the spring newsletter.\n"),
]
# fmt: on


def _score(v: Variant) -> tuple[list[str], list[str]]:
    e = parse_minutes(v.text)
    problems: list[str] = []
    found = [r.text for r in e.resolutions]
    left = list(found)
    for want in v.resolutions:
        best = max(left, key=lambda f: dice(words(f), words(want)), default=None)
        if best is None or dice(words(best), words(want)) < RESOLUTION_MATCH:
            problems.append(f"missed resolution {want!r}")
        else:
            left.remove(best)
    problems += [f"false resolution {f!r}" for f in left]
    acts = [(f.owner, f.text) for f in e.followups if f.source != "resolution"]
    for owner, task in v.actions:
        hit = next(
            (
                a
                for a in acts
                if same_owner(a[0], owner) and dice(words(a[1]), words(task)) >= TASK_MATCH
            ),
            None,
        )
        if hit is None:
            problems.append(f"missed action {owner!r}: {task!r}")
        else:
            acts.remove(hit)
    problems += [f"false action {a!r}" for a in acts]
    notes = [f"{u.line}: {u.reason}" for u in e.unsure]
    return problems, notes


@pytest.mark.parametrize("v", VARIANTS, ids=[f"{v.kind}: {v.name}" for v in VARIANTS])
def test_each_variant_of_each_layout_kind_is_read_as_a_judge_would(v):
    problems, notes = _score(v)
    assert problems == [], notes
