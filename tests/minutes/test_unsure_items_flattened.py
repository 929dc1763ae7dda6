"""A line the reader leaves unsure on a page printed on one long line (several items on one
line) carries the item in force where its sentence sits, as the page view's rows have it: not
the last item on the line."""

from __future__ import annotations

from tracker.minutes.parser import read_page

FLAT = (
    "Minutes of the Parish Council Meeting held on 1 July 2020\n"
    "Present Cllrs: K Langley (Chair), P Lawrence, M Higgs. 1.7.20 Attendance (as above) "
    "2.7.20 To receive apologies for absence. Cllr. Kershaw (unwell). Apologies accepted. "
    "3.7.20 To approve the Minutes of the Meeting of the Parish Council held on 6th May 2020 and "
    "to authorise the Chairman to sign them as a true record. It was proposed, seconded and all "
    "voted in favour to approve. 4.7.20 Allotments. Members discussed the allotment rents at "
    "length. It was proposed, seconded and all voted in favour to raise the allotment rents by 5% "
    "from April. 5.7.20 Play areas. The Clerk reported that the swings had been repaired. 6.7.20 "
    "Date of next meeting. The next meeting will be held on 5 August 2020.\n"
)


def test_each_unsure_sentence_carries_its_own_item() -> None:
    ex, page = read_page(FLAT)
    unsure = [(u.line, u.item, u.text[:39]) for u in ex.unsure]
    assert unsure == [
        (2, "3.7.20", "It was proposed, seconded and all voted"),
        (2, "4.7.20", "It was proposed, seconded and all voted"),
    ]
    # the page view's rows say the same
    rows = [(p.item, p.text[:39]) for p in page if p.state == "unsure"]
    assert rows == [(u[1], u[2]) for u in unsure]
