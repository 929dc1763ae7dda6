"""Parish, town and community council motions and decisions of the kinds the untuned rounds of
branch minutesmotion (6, then 5 fresh pages, read after its rules) showed missed. None of these
texts is taken from a page; each kind is written in several wordings, with guards that must not
be taken. The kinds of batch 19's development pages: test_layout_variants_motions.py."""

from __future__ import annotations

import pytest

from .layout_kit import MOTION, PROSE, TRAP, V, score

# ---- the kinds the first untuned round (6 fresh pages) showed missed ---------------------------
# fmt: off
ROUND1 = [
    V(MOTION, "'The Chair suggested that ... . The Councillors ... unanimously agreed.'",
      "9. Meeting dates\nThe Chair suggested that meetings return to the first Tuesday of each "
      "month. The Councillors and the Clerk unanimously agreed.\n10. Close\nNone.\n",
      res=["that meetings return to the first Tuesday of each month."]),
    V(TRAP, "guard: 'Cllr A suggested that ... . Members discussed it.'",
      "9. Meeting dates\nCllr Hale suggested that meetings return to Tuesdays. Members discussed "
      "it at length.\n10. Close\nNone.\n"),
    V(PROSE, "'it was Resolved (minute 0412 - 3(ia) that ...': a reference between the word and "
             "its clause",
      "3. Jubilee\na) After discussion it was Resolved (minute 0412 - 3(ia) that mugs be given to "
      "the primary school children.\nb) it was Resolved (minute 0412 - 3(ib)) that Cllr Hale look "
      "into grants.\n4. Close\nNone.\n",
      res=["that mugs be given to the primary school children.",
           "that Cllr Hale look into grants."]),
    V(MOTION, "'N. Planning Application ref – site. No objections (3 for and 2 against).'",
      "3. Planning Application 21/04412/FUL – Mill Farm, Llanfair. No objections (4 for and 1 "
      "against).\n4. Close\nNone.\n",
      res=["No objections (4 for and 1 against)."]),
    V(MOTION, "'... was received and the following was RESOLVED; to defer ...' then 'To adopt ...'",
      "Minutes\nReport 0621AM4 was received and the following was RESOLVED; to defer the minutes of "
      "4 May pending checks.\nTo adopt the minutes of 11 May as an accurate record.\n\nPayments\n"
      "It was RESOLVED to approve the payments of £1,200.\n",
      res=["to defer the minutes of 4 May pending checks.",
           "To adopt the minutes of 11 May as an accurate record.",
           "to approve the payments of £1,200."]),
    V(MOTION, "'Report X was received and the following was RESOLVED;' over 'To ...' lines",
      "Accounts\nReport 0621AM6 was received and the following was RESOLVED;\nTo adopt the Annual "
      "Governance Statement for 2021\nTo approve the Statement of Accounts for 2021\n\nClose\n",
      res=["To adopt the Annual Governance Statement for 2021",
           "To approve the Statement of Accounts for 2021"]),
    V(TRAP, "'it was AGREED that he would pledge ...': an undertaking",
      "Election of Chair\nCllr Hale accepted office and it was AGREED that he would sign the "
      "declaration at the next meeting.\n"),
    V(MOTION, "'Cllr A PROPOSED X; Seconded by Cllr B; ALL IN FAVOUR. X were duly appointed ...': the "
              "motion to its outcome",
      "20.05 APPOINTMENT OF AUDITOR\nCouncillor Hale PROPOSED Smith & Co; Seconded by Councillor "
      "Udall; ALL IN FAVOUR. Messrs Smith & Co were duly appointed as the internal auditors of the "
      "council for the year\n20.06 CLOSE\nNone\n",
      res=["Councillor Hale PROPOSED Smith & Co; Seconded by Councillor Udall; ALL IN FAVOUR."]),
    V(MOTION, "'i Draft accounts ... as distributed: APPROVED.'",
      "20.07 FINANCE\n20.07 i Draft accounts for March as distributed: APPROVED.\n"
      "20.07 ii To note the VAT reclaim of £415\n",
      res=["Draft accounts for March as distributed: APPROVED."]),
]
# fmt: on


@pytest.mark.parametrize("v", ROUND1, ids=[f"{v.kind}: {v.name}" for v in ROUND1])
def test_each_round1_variant_is_read_as_a_judge_would(v):
    problems, notes = score(v)
    assert problems == [], notes


# ---- the kinds the second untuned round (5 fresh pages) showed missed ---------------------------
# fmt: off
ROUND2 = [
    V(PROSE, "'After discussion Council resolved to offer ...' (the body, its article lost)",
      "5.0 Grass cutting (19/16)\nThe areas were reviewed. After discussion Council resolved to "
      "offer the tender to Greens Ltd until October, at £275 per cut.\n6.0 Close (19/17)\nNone\n",
      res=["to offer the tender to Greens Ltd until October, at £275 per cut."]),
    V(PROSE, "'Following debate Committee agreed to ...'",
      "4. Bus shelter\nFollowing debate Committee agreed to repaint the shelter in May.\n5. Close\n",
      res=["to repaint the shelter in May."]),
    V(PROSE, "'There was unanimous agreement to support this application' under an application",
      "3. Planning Application for determination\n• 2019/1150 The Paddocks, Mill Street.\nThere was "
      "unanimous agreement to support this application\n4. Close\nNone.\n",
      res=["to support this application"]),
    V(PROSE, "'There was general agreement that the hedge should be cut in March.'",
      "6. Hedges\nThe hedge on Mill Lane was discussed. There was general agreement that the hedge "
      "should be cut in March.\n7. Close\nNone.\n",
      res=["that the hedge should be cut in March."]),
    V(TRAP, "guard: 'There was no agreement on the fence.'",
      "6. Fence\nThe fence was discussed. There was no agreement on the fence.\n7. Close\nNone.\n"),
]
# fmt: on


@pytest.mark.parametrize("v", ROUND2, ids=[f"{v.kind}: {v.name}" for v in ROUND2])
def test_each_round2_variant_is_read_as_a_judge_would(v):
    problems, notes = score(v)
    assert problems == [], notes
