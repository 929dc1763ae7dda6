"""Lists inside a page flattened onto one line (its line breaks lost when it was published):
the segmenter cuts a run of list markers in sequence ("a) ... b) ...", "(a) ...; (b) ...; and
(c) ...", "(i) ...; (ii) ...") and a bullet after a lead-in's colon ("The Board: - APPROVED")
into units, so each decided clause is read as its own resolution. A lone "(b)" in prose is no
list. None of these texts is taken from a corpus page; each page is longer than the long-line
threshold, as a flattened page is."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes

from .layout_kit import LOST, PROSE, TRAP, V, score

# prose around the list, so that the page is one long line as flattened pages are
_BEFORE = (
    "Minutes of the meeting of the Resources Committee held at the Town Hall. Present: "
    "Councillors Avery, Bellamy, Crossley and Dunmore. Officers: the Clerk and the Finance "
    "Officer. 1. Apologies for absence Apologies were received from Councillor Ellison. "
    "2. Declarations of interest There were no declarations of interest. 3. Budget "
    "monitoring The Finance Officer presented the report on spending in the first quarter, "
    "which showed a small underspend on grounds maintenance and an overspend on energy. "
    "Members asked about the energy contract and were told it would be retendered in spring. "
)
_AFTER = (
    " 4. Date of next meeting The next meeting will be held at the Town Hall on the second "
    "Tuesday of next month, starting at seven in the evening, subject to room availability."
)

# fmt: off
VARIANTS = [
    V(LOST, "'(a) That ...; (b) That ...; and (c) That ...' run on after the prose",
      _BEFORE + "(a) That the budget monitoring report be noted; "
      "(b) That the energy contract be retendered in the spring; and (c) That the Clerk, in "
      "consultation with the Chair, be authorised to agree the tender timetable." + _AFTER,
      res=["That the budget monitoring report be noted",
           "That the energy contract be retendered in the spring",
           "That the Clerk, in consultation with the Chair, be authorised to agree the tender "
           "timetable."]),
    V(PROSE, "'The Committee: - APPROVED ... - DELEGATED ...': bullets after a colon",
      _BEFORE + "The Committee: - APPROVED the revised budget for the second quarter. "
      "- DELEGATED to the Clerk the award of the energy contract." + _AFTER,
      res=["APPROVED the revised budget for the second quarter.",
           "DELEGATED to the Clerk the award of the energy contract."]),
    V(LOST, "guard (read on main too): 'a) ... b) ... c) ...' after a lead-in's colon",
      _BEFORE + "It was RESOLVED that a member's absence be approved where the member: a) has "
      "tested positive for the virus b) is self-isolating on medical advice c) is caring for "
      "a dependant who is unwell." + _AFTER,
      res=["has tested positive for the virus", "is self-isolating on medical advice",
           "is caring for a dependant who is unwell."]),
    V(LOST, "the decision printed twice (as a summary and again after the debate)",
      _BEFORE + "(a) That the budget monitoring report be noted; and (b) That the energy "
      "contract be retendered in the spring. Members debated the recommendations at "
      "length and asked for the tender to include renewable supply. (a) That the budget monitoring "
      "report be noted; and (b) That the energy contract be retendered in the spring." + _AFTER,
      res=["That the budget monitoring report be noted",
           "That the energy contract be retendered in the spring"] * 2),
    V(TRAP, "guard: '(b)' and '(c)' named in prose are no list",
      _BEFORE + "Councillor Avery preferred option (b) to option (c) in the report, as it kept "
      "the grounds contract with the present supplier. RESOLVED: That option (b) be adopted."
      + _AFTER,
      res=["That option (b) be adopted."]),
]
# fmt: on


@pytest.mark.parametrize("v", VARIANTS, ids=[f"{v.kind}: {v.name}" for v in VARIANTS])
def test_lists_inside_a_flattened_page_are_read_as_a_judge_would(v):
    assert len(v.text) > 600 and "\n" not in v.text
    problems, notes = score(v)
    assert problems == [], notes


# A ModernGov page ("Items No. Item", "pdf icon PDF 83 KB", "Additional documents:", "Minutes:")
# flattened onto one line: each item's number and title end the text of the item before, and
# the decision is minuted under that number, not the last one read.
_MODERNGOV = (
    "Agenda and minutes Cabinet Wednesday, 17th July, 2019 4.00 pm Venue: Room 10 Contact: "
    "Jo Bloggs Tel: 01744 600000 Media Items No. Item 10. Apology for Absence Additional "
    "documents: Minutes: An apology for absence was received from Councillor Avery "
    "11. Minutes of the meeting held on 12 June 2019 pdf icon PDF 83 KB Additional documents: "
    "Minutes: Resolved that the minutes of the meeting held on 12 June 2019 be approved and "
    "signed. 12. Library Strategy - LIB.19.004 pdf icon PDF 210 KB Additional documents: "
    "Minutes: The Cabinet Member presented the report on the library strategy, which had been "
    "consulted on over the spring and had drawn many responses from residents. Resolved that "
    "the library strategy be adopted. 13. Response to the Scrutiny Review of Day Centres pdf "
    "icon PDF 72 KB Additional documents: Minutes: Resolved that the report be noted."
)

ITEMS = [
    (
        "a number and title before its 'pdf icon' link and label",
        _MODERNGOV,
        {"be approved and signed": "11", "strategy be adopted": "12", "report be noted": "13"},
    ),
    (
        "guard: a date before a label is no item's number",
        _MODERNGOV.replace("signed. 12. Library", "signed on 8 June 2019. Library"),
        {"be approved and signed": "11"},
    ),
]


@pytest.mark.parametrize("name,text,want", ITEMS, ids=[n for n, _, _ in ITEMS])
def test_item_headings_inside_a_flattened_moderngov_page(name, text, want):
    assert len(text) > 600 and "\n" not in text
    found = {r.text: r.item for r in parse_minutes(text).resolutions}
    for words, item in want.items():
        got = [i for t, i in found.items() if words in t]
        assert got == [item], (words, found)
