"""Pages flattened onto one line, a second round (issue 17 point 1, branch flat18): where the
published page started a new line that a flattened page runs on, the segmenter cuts a unit, so
a decision does not run on into the next item's heading, list item, bullet or label.

Kinds: the text between ModernGov labels ("Minutes:") read as sentences however short; lists
whose markers end with a full stop ("1.", "i.", "a.", "A.") when three run in turn; "It was
RESOLVED" kept whole; coded minute numbers after a sentence ("09/17 ...", "18/19-76: ...",
"304-2.To ...", "[1.1] ..."), or with a body's letters ("CP22/2/05 ...") anywhere; bullets
("•", "·") and a dash before a verb or label in capitals; ModernGov's "... view the full minutes
text for item 3." and a decision's "REASON –"; an item's title before its ModernGov link when
no full stop stands before it. None of these texts is taken from a corpus page; each is longer
than the long-line threshold, as a flattened page is."""

from __future__ import annotations

import pytest

from .layout_kit import LOST, PROSE, TRAP, V, score

_BEFORE = (
    "Minutes of the meeting of the Amenities Committee held in the Guildhall. Present: "
    "Councillors Ashby, Brook, Carver and Dene. Officers: the Town Clerk and the Parks "
    "Officer. The Chair welcomed everyone and reminded members that the meeting was being "
    "recorded. The Parks Officer reported that the spring planting had been finished on time "
    "and that the new play equipment would be installed at the recreation ground in May, "
    "once the surfacing contractor had completed the works. Members thanked the volunteers. "
)
_AFTER = (
    " The next meeting will be held in the Guildhall on the first Monday of next month, "
    "starting at half past seven in the evening, subject to the room being available then."
)

_MG = (  # a ModernGov page's furniture, flattened
    "Agenda and minutes Amenities Committee Monday, 3rd June, 2019 7.00 pm Venue: Guildhall "
    "Contact: Jo Bloggs Items No. Item 1. Apologies for absence Minutes: Apologies were "
    "received from Councillor Ashby. 2. Declarations of interest Minutes: There were no "
    "declarations. The Chair reminded members to declare any interest as items arose. "
)

KEYWORDS = "RESOLVED – That", "AGREED that", "Resolved that"
TITLES = "4. PLAY AREA INSPECTIONS", "4. Play Area Inspections", "Play Area Inspections"

# fmt: off
VARIANTS = [
    *[
        V(PROSE, f"ModernGov: '{kw} ... approved.' then '{title} pdf icon PDF 33 KB'"
          + ("" if title == TITLES[-1] else " (read on main too)"),
          _MG + f"3. Minutes pdf icon PDF 87 KB To confirm the minutes. Minutes: {kw} the "
          f"minutes of the meeting held on 4 May 2019 be approved. {title} pdf icon PDF 33 KB "
          "The Committee will be asked to note the report. Minutes: The Parks Officer "
          "presented the report on the quarterly inspections of the play areas." + _AFTER,
          res=[f"{kw.split()[-1]} the minutes of the meeting held on 4 May 2019 be approved."])
        for kw, title in zip(KEYWORDS, TITLES, strict=True)
    ],
    V(PROSE, "guard (read on main too): 'Decision: It was RESOLVED that ...' kept whole",
      _MG + "3. ALLOTMENTS Decision: It was RESOLVED that the allotment rents be frozen for "
      "a year. 4. PARKS Decision: It was unanimously RESOLVED that the parks report be noted."
      + _AFTER,
      res=["It was RESOLVED that the allotment rents be frozen for a year.",
           "It was unanimously RESOLVED that the parks report be noted."]),
    V(LOST, "'Members agree: 1. ... 2. ... 3. ...' (no stops between)",
      _BEFORE + "RESOLVED – That the report be received and Members agree: 1. To consult on "
      "the draft play strategy 2. The principle of a five-year rolling programme 3. Where "
      "funds allow, begin work on the riverside path." + _AFTER,
      res=["To consult on the draft play strategy",
           "The principle of a five-year rolling programme",
           "Where funds allow, begin work on the riverside path."]),
    V(LOST, "'Decision: i. ...; ii. ...; and RECOMMENDS ...: iii. ...'",
      _BEFORE + "Decision: i. Considered and commented on the spending to the end of "
      "September; ii. Noted the progress of the capital projects; and RECOMMENDS TO THE "
      "COUNCIL: iii. Removal of the skate park project from the capital programme." + _AFTER,
      res=["Considered and commented on the spending to the end of September;",
           "Noted the progress of the capital projects; and RECOMMENDS TO THE COUNCIL:",
           "Removal of the skate park project from the capital programme."]),
    V(TRAP, "guard (read on main too): 'The Members had before them: A. ... B. ... C. ...'",
      _BEFORE + "The Members had before them: A. The Agenda papers (previously circulated). "
      "B. 12 questions submitted to the Town Clerk (previously circulated). C. The Minutes "
      "of the Committee held on 4 May 2019 (previously circulated)." + _AFTER),
    V(TRAP, "guard (read on main too): '1.' and '2.' in prose, no third in turn",
      _BEFORE + "The Parks Officer compared option 1. with the cheaper option 2. and members "
      "preferred the first. RESOLVED: That option one be adopted." + _AFTER,
      res=["That option one be adopted."]),
    *[
        V(PROSE, f"a coded minute after a sentence: '{code}'",
          _BEFORE + f"Minute 12/19 Play equipment It was agreed that the new swings be ordered "
          f"from the cheaper supplier. {code} The Clerk reported that the bins had been "
          "emptied weekly throughout the summer." + _AFTER,
          res=["that the new swings be ordered from the cheaper supplier."])
        for code in ("13/19 Litter Bins", "18/19-76: Litter Bins", "304-2.To receive the "
                     "litter report:", "[1.1] Litter Bins")
    ],
    V(PROSE, "a minute numbered with its body's letters after text with no full stop",
      _BEFORE + "CP19/2/04 To confirm the minutes RESOLVED: The minutes of the meeting were "
      "approved as a true record CP19/2/05 Funding updates – to receive and note updates from "
      "past recipients: funding updates were noted." + _AFTER,
      res=["The minutes of the meeting were approved as a true record"]),
    V(LOST, "bullets '·' after a lead-in's ':-'",
      _BEFORE + "RESOLVED that the following three priorities be approved as the basis of the "
      "plan:- · Children play safely · Parks are open to all · Paths are kept clear" + _AFTER,
      res=["the following three priorities be approved as the basis of the plan:-"]),
    V(LOST, "'The Committee: - APPROVED ... - DELEGATED ...' after text with no full stop",
      _BEFORE + "Review of the tree policy for the duration of the works The Committee: - "
      "APPROVED the revised tree policy as set out in the appendix - DELEGATED to the Town "
      "Clerk the award of the tree surgery contract - NOTED the survey results" + _AFTER,
      res=["APPROVED the revised tree policy as set out in the appendix",
           "DELEGATED to the Town Clerk the award of the tree surgery contract"]),
    V(PROSE, "'... view the full minutes text for item 3.' after a decision",
      _MG + "3. Minutes Minutes: RESOLVED – That the minutes of the meeting held on 4 May 2019 "
      "be approved as an accurate record. ... view the full minutes text for item 3. 4. Play "
      "areas pdf icon PDF 46 KB Report of the Parks Officer. ... view the full agenda text for "
      "item 4. Minutes: RESOLVED, that: · The report be noted. ... view the full minutes text "
      "for item 4." + _AFTER,
      res=["That the minutes of the meeting held on 4 May 2019 be approved as an accurate "
           "record.", "The report be noted."]),
    V(PROSE, "guard (read on main too): 'REASON – ...' after the decision",
      _BEFORE + "RESOLVED – That the urgent decision taken by the Chair be noted. REASON – To "
      "comply with the Council's Standing Orders on urgent business." + _AFTER,
      res=["That the urgent decision taken by the Chair be noted."]),
    V(PROSE, "an item's title before its link, no full stop before it",
      _MG + "3. Planning Minutes: RESOLVED – That the information be noted Enforcement Action "
      "pdf icon PDF 205 KB Report of the Planning Officer. Minutes: The Committee received "
      "the report on enforcement." + _AFTER,
      res=["That the information be noted"]),
    *[
        V(PROSE, f"an '{label}' label after the item's title, no full stop before it"
          + (" (read on main too)" if label == "AGREED:" else ""),
          _BEFORE + "3. Minutes of the meeting held on 16 October 2018 " + label + " The minutes "
          "of the above meeting were agreed. 4. Matters arising There were no matters arising "
          "that were not covered by the agenda." + _AFTER,
          res=["The minutes of the above meeting were agreed."])
        for label in ("Agreed:", "AGREED:")
    ],
    V(PROSE, "'Resolved' glued to a minute's number: '19/8Resolved to approve ...'",
      _BEFORE + "Item 4: To receive the minutes of the meeting held 13th December 2018. "
      "19/8Resolved to approve the minutes of the meeting of 13th December 2018. The minutes "
      "were signed by the Chair. Item 5: Matters arising. 19/9No matters arising." + _AFTER,
      res=["to approve the minutes of the meeting of 13th December 2018."]),
    V(LOST, "'(1) To NOTE ...; (2) To AGREE ...; (3) To ASK ...' after a title, no colon",
      _BEFORE + "Reconsideration of Called-in Decision E1234 Play Area Provision (1) To NOTE "
      "the recommendations made by the Scrutiny Panel; (2) To AGREE that further costings "
      "would be needed before deciding; (3) To ASK that a new report be brought to the "
      "Committee in due course." + _AFTER,
      res=["To NOTE the recommendations made by the Scrutiny Panel",
           "To AGREE that further costings would be needed before deciding",
           "To ASK that a new report be brought to the Committee in due course."]),
    V(TRAP, "guard (read on main too): 'RESOLVED - THAT ...', '- SECTION 106 ...' stay whole",
      _BEFORE + "31/07/2019 - SECTION 106 CONTRIBUTIONS FOR THE PARK The Committee discussed "
      "the contributions. RESOLVED - THAT the Section 106 contributions be spent on the park."
      + _AFTER,
      res=["THAT the Section 106 contributions be spent on the park."]),
]
# fmt: on

# cut right by the segmenter, read wrong after it (known gaps, left for the reader)
_GAPS = {
    "'Members agree: 1. ... 2. ... 3. ...' (no stops between)": "the list's last item, "
    "followed by prose, is not read as an item of the decision",
    "'The Committee: - APPROVED ... - DELEGATED ...' after text with no full stop": "the "
    "bullets, cut apart, are not read as decisions when no full stop ends them",
    "'(1) To NOTE ...; (2) To AGREE ...; (3) To ASK ...' after a title, no colon": "cut "
    "right, but with no decision word before it the list reads as an agenda's ('To ...')",
}


@pytest.mark.parametrize("v", VARIANTS, ids=[f"{v.kind}: {v.name}" for v in VARIANTS])
def test_a_flattened_page_is_cut_where_the_published_page_started_a_line(v, request):
    assert len(v.text) > 600 and "\n" not in v.text
    if v.name in _GAPS:
        request.applymarker(pytest.mark.xfail(strict=True, reason=_GAPS[v.name]))
    problems, notes = score(v)
    assert problems == [], notes
