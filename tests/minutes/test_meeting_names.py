"""The name a new meeting is given from the minutes' heading, as an officer would type it:
without "Minutes of", the date, the time or the venue; none when the heading names no meeting
(the import then names it by the committee and the date)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tracker.minutes.meeting_names import meeting_name

CORPUS = Path(__file__).resolve().parents[1] / "data" / "minutes"
SPLIT = {
    name: v.get("split")
    for name, v in json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))[
        "files"
    ].items()
}

# dev pages of the judged corpus, each heading form met there, and what an officer would type
DEV_PAGES = [
    # "Minutes of the X Meeting held on <date>, at <time>, in <venue>"
    ("en_badsworth_pc.txt", "Parish Council Meeting"),
    # in capitals, with the venue and date on the next line
    ("en_britford_pc_2017.txt", "Britford Parish Council Meeting"),
    # "Minutes of the Meeting of the X held at <time> on <DAY DATE> at <venue>"
    ("en_evesham_tc_town_plan_committee_2017.txt", "Town Plan Committee meeting"),
    # a date line, then "Meeting of the Parish Council at 8:45PM on Monday ... in ..."
    ("en_abbots_morton_pc_2018.txt", "Parish Council meeting"),
    # "There was a remote meeting of X on Thursday ..."
    ("en_chawleigh_pc_2021.txt", "Chawleigh Parish Council meeting"),
    # "Minutes of an Extraordinary Parish Council Meeting" under "Minutes 25th April 2017 ..."
    ("en_brampton_abbotts_pc_2017.txt", "Extraordinary Parish Council Meeting"),
    # "Ordinary Council Meeting – 11 March 2025"
    ("en_doddiscombsleigh_pc_2025.txt", "Ordinary Council Meeting"),
    # "Meeting: ICP Board" (a label), "Meeting Date: ..." under it
    ("en_central_lancashire_icp_board_2021.txt", "ICP Board"),
    # "At a meeting of the X held at <venue>"
    (
        "en_durham_darlington_fire_authority_2015.txt",
        "Combined Fire Authority for County Durham and Darlington meeting",
    ),
    # the body's name, then "Minutes of the Meeting held on ..."
    ("en_chediston_linstead_pc_2012.txt", "Chediston and Linstead Grouped Parish Council"),
    # "Minutes of the Annual Meeting of the Parish Council held on Thursday ... at 7.30 pm"
    ("en_hampton_bishop_pc_2018.txt", "Annual Meeting of the Parish Council"),
    # "Minutes of the meeting held on Wednesday 12th July 2017": no meeting named
    ("en_alvington_pc_2017.txt", None),
    # a ModernGov page: "Issue - meetings", then "Meeting: 23/03/2012 - Cheshire Local ..."
    ("en_cheshire_laf_2012.txt", "Cheshire Local Access Forum"),
    # an agenda item's page ("Declarations of Interest Minutes: ..."): no meeting named
    ("en_adur_worthing_licensing_2023.txt", None),
]


@pytest.mark.parametrize(("page", "name"), DEV_PAGES)
def test_the_meeting_is_named_from_a_dev_pages_heading(page: str, name: str | None) -> None:
    assert SPLIT[page] == "dev"
    lines = (CORPUS / "pages" / page).read_text(encoding="utf-8").split("\n")
    assert meeting_name(lines) == name


@pytest.mark.parametrize(
    ("heading", "name"),
    [
        ("MINUTES OF THE PARISH COUNCIL MEETING held on 1 December 2026 at the Village Hall",
         "Parish Council Meeting"),
        ("[DRAFT] Minutes of Colonsay Community Council - 29 May 2018",
         "Colonsay Community Council"),
        ("Minutes of the Meeting of the Parish Council\nheld on Monday 22nd April 2024",
         "Parish Council meeting"),
        ("Minutes of Llangernyw Community Council Meeting 7:30Pm 28Th November 2018",
         "Llangernyw Community Council Meeting"),
        ("Minutes of the meeting of the above Council (held remotely by Zoom) on Tuesday",
         "Council meeting"),
        ("Minutes of the last meeting", None),
        ("Minutes of Previous Meeting and Matters Arising", None),
        ("Draft Minutes for approval", None),
        ("The Chair welcomed everyone to the meeting.", None),
    ],
)  # fmt: skip
def test_heading_forms(heading: str, name: str | None) -> None:
    assert meeting_name(heading.split("\n")) == name


def test_an_agenda_items_page_names_no_meeting() -> None:
    """The seeds' form (agenda-item pages): the item's title is no meeting's name."""
    page = [
        "Agenda item",
        "",
        "Introduction to the Early Help Strategy",
        "",
        "To receive a high-level presentation on the Early Help Strategy.",
        "",
        "Minutes:",
    ]
    assert meeting_name(page) is None
