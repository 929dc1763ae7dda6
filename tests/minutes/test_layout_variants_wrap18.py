"""Pages hard-wrapped as text taken out of a PDF is (issue 17, point 1, second round): the same
minutes read the same wrapped at 60, 80 and 120 columns and as printed pages (wrapped at 80 with
a page's number and the chair's signature line every 25 lines) as they do as published. None of
these texts is taken from a corpus page."""

from __future__ import annotations

import re

import pytest

from tracker.minutes import parse_minutes
from tracker.minutes.learnt.layouts import pdf_pages, wrap

from .layout_kit import LOG, PROSE, V, Variant, score

WRAPPED = {
    "as published": lambda t: t,
    "wrapped at 60": lambda t: wrap(t, 60),
    "wrapped at 80": lambda t: wrap(t, 80),
    "wrapped at 120": lambda t: wrap(t, 120),
    "PDF pages": pdf_pages,
}


def _read_in(layout: str, v: Variant) -> Variant:
    return Variant(v.kind, v.name, WRAPPED[layout](v.text), v.resolutions, v.actions)


# A page flattened onto one line (a web page saved without its line breaks) and then
# hard-wrapped: each printed line is full to the width, whatever ends it, and the whole run is
# the one long line the segmenter reads sentence by sentence. Read in chunks of wrapped lines,
# a decision or a directive was cut where a chunk ended, or ran on into the next sentence.
# fmt: off
FLATTENED_THEN_WRAPPED = [
    V(PROSE, "a parish page: numbered items, 'RESOLVED that', 'Clerk to ...'",
      "Minutes of the meeting of Oakhurst Parish Council held in the Memorial Hall on Monday 8 "
      "April at 7pm. Present: Cllrs Ward (Chair), Ibbotson, Kaur, Lambert and Moreno; the Clerk "
      "and two members of the public. 1. Apologies Apologies were received and accepted from "
      "Cllr Norris. 2. Declarations of interest None. 3. Minutes of the last meeting RESOLVED "
      "that the minutes of the meeting held on 11 March be approved and signed by the Chair. "
      "4. Playing field The inspection report showed wear on the swings and a loose fence panel "
      "by the gate. RESOLVED that the quotation of £420 from Greenway Play for new swing seats "
      "be accepted. Clerk to ask the contractor to fix the fence panel before the Easter "
      "holidays. 5. Highways Members reported potholes on Station Road and a blocked drain "
      "outside the school. Cllr Lambert to report the potholes on the county council's "
      "website. 6. Date of next meeting Monday 13 May.",
      res=["that the minutes of the meeting held on 11 March be approved and signed by the "
           "Chair.",
           "that the quotation of £420 from Greenway Play for new swing seats be accepted."],
      act=[("Clerk", "ask the contractor to fix the fence panel before the Easter holidays."),
           ("Cllr Lambert", "report the potholes on the county council's website.")]),
    V(PROSE, "a committee's page: numbered items, 'Resolved: That', 'Action: <role> to ...'",
      "Minutes of the Finance and General Purposes Committee held on Tuesday 21 May in the "
      "Council Chamber. Present: Councillors Abbott (Chair), Baines, Chowdhury and Doyle; the "
      "Town Clerk and the Deputy Clerk. 14. Apologies Councillor Evans sent apologies, which "
      "were accepted. 15. Accounts for payment The schedule of payments for April totalling "
      "£18,430.12 was considered and members asked about the grounds maintenance invoice. "
      "Resolved: That the payments listed in the schedule be approved. 16. Internal audit The "
      "internal auditor's report found the accounts in good order with one recommendation on "
      "the asset register. Resolved: That the report be received and the asset register be "
      "updated before the annual return is signed. Action: Deputy Clerk to update the asset "
      "register and bring it to the next meeting. 17. Insurance renewal Members noted that "
      "the policy renews on 1 June. Town Clerk to obtain two further quotations before the "
      "renewal date.",
      res=["That the payments listed in the schedule be approved.",
           "That the report be received and the asset register be updated before the annual "
           "return is signed."],
      act=[("Deputy Clerk", "update the asset register and bring it to the next meeting."),
           ("Town Clerk", "obtain two further quotations before the renewal date.")]),
    V(PROSE, "a forum's notes: 'It was agreed that', 'The forum agreed that', 'Action: KB to'",
      "NOTES OF THE LOCAL ACCESS FORUM MEETING held on 3 October at the Civic Centre. Present: "
      "J Ashby (Chair), K Bright, L Carver, M Dale, N Eccles. 1. Welcome The Chair welcomed "
      "members and introduced the new Rights of Way Officer. 2. Notes of the last meeting The "
      "notes of the meeting held on 4 July were agreed as a correct record. 3. Coastal path The "
      "officer gave an update on the coastal path works, which are due to finish in the "
      "spring, and said the new signage had been ordered. It was agreed that the forum write "
      "to the landowner at Hollow Farm to support the diversion order. Action: KB to draft the "
      "letter and circulate it to members for comment by the end of the month. 4. Membership "
      "The forum agreed that the interview panel for new members be arranged for November. "
      "Action: JA to contact the two applicants. 5. Any other business None.",
      res=["that the forum write to the landowner at Hollow Farm to support the diversion "
           "order.",
           "that the interview panel for new members be arranged for November."],
      act=[("KB", "draft the letter and circulate it to members for comment by the end of the "
                  "month."),
           ("JA", "contact the two applicants.")]),
]
# fmt: on


@pytest.mark.parametrize("layout", sorted(WRAPPED))
@pytest.mark.parametrize("v", FLATTENED_THEN_WRAPPED, ids=lambda v: v.name)
def test_a_flattened_page_hard_wrapped_reads_as_the_flattened_page(v, layout):
    assert len(v.text) > 600 and "\n" not in v.text  # one long line, as a flattened page is
    problems, notes = score(_read_in(layout, v))
    assert problems == [], notes


# A wrapped sentence whose next line opens on "signed by the Chair..." (the page's own line
# breaks, as a PDF's text gives them): the words of the decision, not the chair's signature line
# printed at a page's foot, which a PDF's text puts wherever the page ended.
_HEAD = (
    "MINUTES OF THE MEETING OF WESTLEY TOWN COUNCIL HELD ON 9 FEBRUARY\n\n"
    "Present: Councillors Hale (Mayor), Iqbal, Jennings and Kerr; the Town Clerk.\n\n"
)
# fmt: off
SIGNED_IN_A_SENTENCE = [
    V(PROSE, "'... be approved and' / 'signed by the Chairman at the close ...'",
      _HEAD + "3. Minutes\nRESOLVED that the minutes of the meeting held on 12 January be "
      "approved and\nsigned by the Chairman at the close of the meeting.\n\n"
      "4. Correspondence\nThe Town Clerk read the letters received since the last meeting.\n",
      res=["that the minutes of the meeting held on 12 January be approved and signed by the "
           "Chairman at the close of the meeting."]),
    V(PROSE, "'It was agreed that the ... agreement be' / 'signed by the Mayor on behalf of the Council.'",
      _HEAD + "5. Village hall\nIt was agreed that the grant agreement with the Village Hall "
      "Committee be\nsigned by the Mayor on behalf of the Council.\n\n"
      "6. Date of next meeting\nThursday 9 March.\n",
      res=["that the grant agreement with the Village Hall Committee be signed by the Mayor on "
           "behalf of the Council."]),
    V(PROSE, "'Action: Clerk to send the lease ... once it has been' / 'signed by the Chair ...'",
      _HEAD + "7. Allotments\nThe new lease for the allotment site was discussed.\nAction: "
      "Clerk to send the lease to the solicitor once it has been\nsigned by the Chair and "
      "the Vice-Chair.\n\n8. Date of next meeting\nThursday 9 March.\n",
      act=[("Clerk", "send the lease to the solicitor once it has been signed by the Chair and "
                     "the Vice-Chair.")]),
    V(PROSE, "'RESOLVED that the policy be adopted and' / 'signed by the Chair. Members ...'",
      _HEAD + "8. Policies\nRESOLVED that the revised complaints policy be adopted and\n"
      "signed by the Chair. Members thanked the Clerk.\n"
      "9. Date of next meeting\nThursday 9 March.\n",
      res=["that the revised complaints policy be adopted and signed by the Chair."]),
]
# fmt: on


@pytest.mark.parametrize("v", SIGNED_IN_A_SENTENCE, ids=lambda v: v.name)
def test_a_wrapped_line_opening_on_signed_is_the_sentence_not_a_signature(v):
    problems, notes = score(v)
    assert problems == [], notes
    ex = parse_minutes(v.text)  # the words after the break are read, not dropped as furniture
    read = [r.text for r in ex.resolutions] + [f.text for f in ex.followups]
    assert any(re.search(r"signed by the (?:Chair|Mayor)", t) for t in read), read


def test_the_chairs_signature_line_at_a_pages_foot_is_still_dropped():
    # guard (read on main too): the signature line between a sentence's two parts
    v = V(
        PROSE,
        "signature line inside a sentence",
        _HEAD + "3. Minutes\nRESOLVED that the minutes of the meeting held on 12 January be "
        "approved as a\n\n- 2 -\nSigned .................... Chairman\n\ncorrect record.\n",
        res=["that the minutes of the meeting held on 12 January be approved as a correct record."],
    )
    problems, notes = score(v)
    assert problems == [], notes


# A bullet saved as text with a run of spaces after it ("\u00b7         agreed to ..."), its item
# hard-wrapped: the gap after the bullet is no column of a table, so the item's next lines are
# its words, as they are after a list marker ("(a)       the ...").
_BULLET_GAP = " " * 9
# a page's opening paragraphs, so that its wrap width can be read from its lines as a real
# page's is (a page of four lines says nothing of its width)
_OPENING = (
    "The Chair welcomed members and officers to the meeting and reminded everyone that the "
    "meeting was being recorded and would be published on the website within seven days.\n\n"
    "Apologies were received from two members, who were attending a training session on the "
    "new planning system, and were accepted; there were no declarations of interest.\n\n"
)
# fmt: off
BULLETS_WRAPPED = [
    V(PROSE, "'\u00b7   agreed to ask ...' under 'During the debate members \u2013'",
      "MINUTES OF THE COMMUNITIES SCRUTINY COMMITTEE\n\n" + _OPENING +
      "5. Winter maintenance\nThe Head of Highways presented the winter service plan.\n\n"
      "During the debate members \u2013\n\n"
      "\u00b7" + _BULLET_GAP + "asked about the gritting of rural bus routes and were told that "
      "the routes had been reviewed over the summer with the bus operators\n\n"
      "\u00b7" + _BULLET_GAP + "agreed to ask the Head of Highways to report back on the salt "
      "stocks held at each depot before the end of the year\n\n"
      "\u00b7" + _BULLET_GAP + "thanked the crews for their work during the snow last "
      "February.\n",
      res=["to ask the Head of Highways to report back on the salt stocks held at each depot "
           "before the end of the year"]),
    V(PROSE, "'\u2022   RESOLVED that ...' bullets",
      "MINUTES OF THE LICENSING COMMITTEE\n\n" + _OPENING +
      "7. Taxi fares\nThe Licensing Manager reported on the consultation on the new table of "
      "fares.\n\n"
      "\u2022" + _BULLET_GAP + "RESOLVED that the revised table of hackney carriage fares be "
      "approved and come into force on the first day of the month after it is advertised\n\n"
      "\u2022" + _BULLET_GAP + "RESOLVED that the Licensing Manager review the fares again in "
      "twelve months and report the findings to this committee\n",
      res=["that the revised table of hackney carriage fares be approved and come into force on "
           "the first day of the month after it is advertised",
           "that the Licensing Manager review the fares again in twelve months and report the "
           "findings to this committee"]),
    V(PROSE, "'-     Clerk to write ...' dash bullets with a gap",
      "Minutes of the Parish Council meeting\n\n" + _OPENING +
      "8. Transport\nMembers discussed the bus timetable changes.\n\n"
      "-" + _BULLET_GAP + "Clerk to write to the bus company about the withdrawn evening service "
      "on route 22 and ask for the figures on passenger numbers\n\n"
      "-" + _BULLET_GAP + "Cllr Patel to speak to the school about the pupils who used the "
      "late bus home after after-school clubs\n",
      act=[("Clerk", "write to the bus company about the withdrawn evening service on route 22 "
                     "and ask for the figures on passenger numbers"),
           ("Cllr Patel", "speak to the school about the pupils who used the late bus home "
                          "after after-school clubs")]),
]
# fmt: on


@pytest.mark.parametrize("layout", sorted(WRAPPED))
@pytest.mark.parametrize("v", BULLETS_WRAPPED, ids=lambda v: v.name)
def test_a_bullets_wrapped_item_goes_on_past_the_gap_after_its_bullet(v, layout):
    problems, notes = score(_read_in(layout, v))
    assert problems == [], notes


# A printed page's foot and the next page's head (its number, the chair's signature line) where a
# PDF's text put them: between two lines of the minutes, they go with the blank lines around
# them, so what was one table row, one list or one labelled note reads on across the page break.
_FOOT = "\n\n- 3 -\nSigned .................... Chair\n\n"
_LOG_HEAD = (
    "ACTION LOG OF THE COMMUNITY PARTNERSHIP\n\n"
    + _OPENING
    + "No / Date / Action / Owner / Status\n"
)
# fmt: off
ACROSS_A_PAGE_FOOT = [
    V(LOG, "' / ' rows: a row's owner and status cells after the page's foot",
      _LOG_HEAD
      + "1 / 3/10 / KT to book the community centre for the spring drop-in sessions. / KT / Done\n"
      + "2 / 3/10 / Partner agencies to send the Chair their winter service leaflets for the "
      "hub.\n" + _FOOT.lstrip("\n").rstrip("\n") + "\n/ All / Ongoing\n"
      + "3 / 3/10 / PB to draft the terms of reference for the youth forum. / PB / Open\n"
      + "4 / 7/11 / RL to circulate the funding guidance to the group. / RL / Done\n",
      act=[("KT", "book the community centre for the spring drop-in sessions."),
           ("All", "Partner agencies to send the Chair their winter service leaflets for the hub."),
           ("PB", "draft the terms of reference for the youth forum."),
           ("RL", "circulate the funding guidance to the group.")]),
    V(LOG, "' / ' rows: a row's last cell, its owner, after the page's foot",
      _LOG_HEAD.replace(" / Status", "")
      + "1 / 3/10 / KT to book the community centre for the spring drop-in sessions. / KT\n"
      + "2 / 3/10 / The Treasurer to set out the options for the reserves policy for the next "
      "meeting.\n" + _FOOT.strip("\n") + "\n/ Treasurer\n"
      + "3 / 3/10 / PB to draft the terms of reference for the youth forum. / PB\n",
      act=[("KT", "book the community centre for the spring drop-in sessions."),
           ("Treasurer", "set out the options for the reserves policy for the next meeting."),
           ("PB", "draft the terms of reference for the youth forum.")]),
    V(PROSE, "guard (read on main too): a note, the page's foot, its label 'Action: Clerk'",
      "MINUTES OF THE PARISH COUNCIL\n\n" + _OPENING
      + "9. Verges\nThe verge outside the school has been damaged by delivery lorries and the "
      "Clerk will ask the county council to repair it before the winter.\n"
      + _FOOT.strip("\n") + "\nAction: Clerk\n\n10. Date of next meeting\nTuesday 14 May.\n",
      act=[("Clerk", "The verge outside the school has been damaged by delivery lorries and the "
                     "Clerk will ask the county council to repair it before the winter.")]),
    V(LOG, "guard (read on main too): ' / ' rows, the foot between two whole rows",
      _LOG_HEAD
      + "1 / 3/10 / KT to book the community centre for the spring drop-in sessions. / KT / Done\n"
      + "2 / 3/10 / PB to draft the terms of reference for the youth forum. / PB / Open"
      + _FOOT
      + "3 / 7/11 / RL to circulate the funding guidance to the group. / RL / Done\n"
      + "4 / 7/11 / Partner agencies to send the Chair their winter service leaflets. / All / "
      "Ongoing\n",
      act=[("KT", "book the community centre for the spring drop-in sessions."),
           ("PB", "draft the terms of reference for the youth forum."),
           ("RL", "circulate the funding guidance to the group."),
           ("All", "Partner agencies to send the Chair their winter service leaflets.")]),
    V(PROSE, "guard (read on main too): 'RESOLVED that:' / '(a) ...' / the foot / '(b) ...'",
      "MINUTES OF THE POLICY COMMITTEE\n\n" + _OPENING
      + "6. Grants policy\nThe committee considered the revised grants policy.\nRESOLVED that:\n"
      "(a) the revised community grants policy be adopted from 1 April;" + _FOOT
      + "(b) the grants panel meet twice a year to consider applications; and\n"
      "(c) the first round of grants be advertised in the spring newsletter.\n\n"
      "7. Date of next meeting\nTuesday 14 May.\n",
      res=["the revised community grants policy be adopted from 1 April;",
           "the grants panel meet twice a year to consider applications; and",
           "the first round of grants be advertised in the spring newsletter."]),
]
# fmt: on


@pytest.mark.parametrize("v", ACROSS_A_PAGE_FOOT, ids=lambda v: v.name)
def test_a_pages_foot_between_two_lines_does_not_cut_what_reads_on(v):
    assert "Signed ...." in v.text
    problems, notes = score(v)
    assert problems == [], notes
    without = V(
        v.kind,
        v.name,
        v.text.replace(_FOOT.strip("\n") + "\n\n", "").replace(_FOOT.strip("\n") + "\n", ""),
        v.resolutions,
        v.actions,
    )
    assert "Signed" not in without.text and score(without)[0] == []  # as printed without it


# A table row printed as cells (" / ", " | ") opening on its number, hard-wrapped where the next
# word did not fit: its next line, which opens on no number cell, is the rest of the row (the
# task's last words and the owner's cell), not the table's next row.
# fmt: off
ROWS_WRAPPED = [
    V(LOG, "'No / Date / Action / Owner / Status' rows with long tasks",
      "ACTION LOG OF THE HEALTH PARTNERSHIP\n\n" + _OPENING
      + "No / Date / Action / Owner / Status\n"
      "1 / 3/10 / Enquire with the housing association whether the sheltered housing scheme on "
      "Mill Road will keep its warden service after the review. / KT / Done\n"
      "2 / 3/10 / Ask the practice managers to share the figures on missed appointments for "
      "the last two quarters with the group before the next meeting. / PB / Open\n"
      "3 / 7/11 / Invite the community transport scheme to present its plans for the rural "
      "routes at the meeting in the new year. / RL / Open\n",
      act=[("KT", "Enquire with the housing association whether the sheltered housing scheme on "
                  "Mill Road will keep its warden service after the review."),
           ("PB", "Ask the practice managers to share the figures on missed appointments for the "
                  "last two quarters with the group before the next meeting."),
           ("RL", "Invite the community transport scheme to present its plans for the rural "
                  "routes at the meeting in the new year.")]),
    V(LOG, "the same table, rows of about a hundred characters (two lines at 60 and 80)",
      "ACTION LOG OF THE COMMUNITY PARTNERSHIP\n\n" + _OPENING
      + "No / Date / Action / Owner / Status\n"
      "1 / 5/12 / Write to the bus company about the evening service on route 22. / KT / Open\n"
      "2 / 5/12 / Ask the school about parking at the gates at the end of the day. / PB / Done\n"
      "3 / 9/01 / Collect quotations for the repair of the bus shelter roof. / RL / Open\n",
      act=[("KT", "Write to the bus company about the evening service on route 22."),
           ("PB", "Ask the school about parking at the gates at the end of the day."),
           ("RL", "Collect quotations for the repair of the bus shelter roof.")]),
]
# fmt: on


@pytest.mark.parametrize("layout", sorted(WRAPPED))
@pytest.mark.parametrize("v", ROWS_WRAPPED, ids=lambda v: v.name)
def test_a_numbered_rows_wrapped_cells_are_the_same_row(v, layout):
    problems, notes = score(_read_in(layout, v))
    assert problems == [], notes


# A hard-wrapped line opening on a short word in lower case that ends a sentence ("year. / RL /
# Open") is the sentence's last word, not a list marker ("b.", "iv.", "2a)"), so the line
# before goes on onto it; a capitalised one ("May.", "Road.") was read so on main already. The pages are given wrapped at 72 columns, as printed.
_WRAPPED_OPENING = (
    "The Chair welcomed members and officers to the meeting and reminded\n"
    "everyone that the meeting was being recorded and would be published on\n"
    "the website within seven days of the meeting being held.\n\n"
    "Apologies were received from two members, who were attending a training\n"
    "session on the new planning system, and were accepted; there were no\n"
    "declarations of interest from any member present at the meeting.\n\n"
)
# fmt: off
SHORT_WORD_STARTS = [
    V(PROSE, "guard (read on main too): '... in the month of' / 'May. The Clerk to ...'",
      "MINUTES OF THE PARISH COUNCIL\n\n" + _WRAPPED_OPENING
      + "5. Annual parish meeting\n"
      "RESOLVED that the annual parish meeting be held in the village hall at\n"
      "the start of the council meeting in the second week of the month of\n"
      "May. The Clerk to book the hall and send the notices to the newsletter.\n\n"
      "6. Date of next meeting\nTuesday 14 May.\n",
      res=["that the annual parish meeting be held in the village hall at the start of the "
           "council meeting in the second week of the month of May."],
      act=[("The Clerk", "book the hall and send the notices to the newsletter.")]),
    V(PROSE, "guard (read on main too): '... of Station' / 'Road. It was agreed ...'",
      "MINUTES OF THE TOWN COUNCIL\n\n" + _WRAPPED_OPENING
      + "7. Planters\n"
      "Members discussed the condition of the planters on the corner of Station\n"
      "Road. It was agreed that the planters be replanted with perennials at a\n"
      "cost of no more than £300 from the environment budget this year.\n\n"
      "8. Date of next meeting\nTuesday 14 May.\n",
      res=["that the planters be replanted with perennials at a cost of no more than £300 from "
           "the environment budget this year."]),
    V(LOG, "' / ' row: '... in the new' / 'year. / RL / Open'",
      "ACTION LOG\n\n" + _WRAPPED_OPENING
      + "No / Date / Action / Owner / Status\n"
      "1 / 3/10 / Invite the community transport scheme to present in the new\n"
      "year. / RL / Open\n"
      "2 / 3/10 / Ask the surgery for its figures. / PB / Open\n",
      act=[("RL", "Invite the community transport scheme to present in the new year."),
           ("PB", "Ask the surgery for its figures.")]),
]
# fmt: on


@pytest.mark.parametrize("v", SHORT_WORD_STARTS, ids=lambda v: v.name)
def test_a_wrapped_line_opening_on_a_short_word_and_a_stop_goes_on(v):
    problems, notes = score(v)
    assert problems == [], notes
    ex = parse_minutes(v.text)  # each read to its last word, the one on the next line
    read = [" ".join(r.text.split()) for r in ex.resolutions]
    # a row's due cell that is no full date stays in its task as "(due: 3/10)" (branch itemfix)
    read += [" ".join(f.text.split()).split(" (due: ")[0] for f in ex.followups]
    for want in [*v.resolutions, *(task for _owner, task in v.actions)]:
        assert any(t.endswith(want.split()[-1]) and want.split()[0] in t for t in read), read


@pytest.mark.parametrize("layout", ["wrapped at 60", "wrapped at 80", "PDF pages"])
@pytest.mark.parametrize("v", FLATTENED_THEN_WRAPPED, ids=lambda v: v.name)
def test_each_decision_of_a_flattened_page_hard_wrapped_keeps_its_printed_line(v, layout):
    # the review shows the line a decision or an action starts on, not the run's first line
    text = WRAPPED[layout](v.text)
    printed = text.split("\n")
    ex = parse_minutes(text)
    read = [(r.line, r.text) for r in ex.resolutions] + [(f.line, f.text) for f in ex.followups]
    assert len(read) >= 4
    for line, words in read:
        there = " ".join(printed[line - 1 : line + 1])
        assert " ".join(words.split()[:3]) in " ".join(there.split()), (line, words)
