"""The scorer counts what the reader missed but listed for review apart from what it dropped."""

from __future__ import annotations

import json

from tracker.minutes.evaluate import main, score_page
from tracker.minutes.models import ExtractedResolution, Extraction, Uncertainty
from tracker.minutes.parser import read_page

JUDGED = {
    "split": "dev",
    "layouts": [],
    "resolutions": [
        {"text": "that the rents rise by 5% from April.", "item": "5", "number": ""},
        {"text": "to write to the county council about the stile.", "item": "6", "number": ""},
        {"text": "that the hall be booked for the fete.", "item": "7", "number": ""},
    ],
    "actions": [{"owner": "JS", "task": "obtain three quotes for the bench", "due": None}],
}


def _reading(unsure: tuple[Uncertainty, ...]) -> Extraction:
    taken = ExtractedResolution("", "resolved", "that the rents rise by 5% from April.", 3, "5")
    return Extraction(None, (taken,), (), unsure)


def test_a_miss_listed_as_unsure_is_offered_and_the_rest_are_dropped():
    unsure = (
        Uncertainty(5, "It was agreed to write to the county council about the stile.", "unsure"),
        Uncertainty(7, "JS to obtain three quotes for the bench.", "unsure"),
    )
    r = score_page("p.txt", JUDGED, _reading(unsure))
    review = r.score.to_json_dict()["review"]
    assert review == {
        "resolutions_offered": 1,
        "resolutions_dropped": 1,
        "actions_offered": 1,
        "actions_dropped": 0,
        "unsure_lines": 2,
        "resolutions_takeable": 0,
        "actions_takeable": 0,
        "page_units": 0,
    }
    assert "resolution (offered in review): 'to write to the county council" in "\n".join(r.misses)
    assert "resolution: 'that the hall be booked for the fete.'" in r.misses


def test_an_unsure_line_far_longer_than_the_miss_does_not_offer_it():
    page = " ".join(["The members discussed the hall at length and many views were heard."] * 4)
    unsure = (Uncertainty(7, page + " that the hall be booked for the fete.", "unsure"),)
    review = score_page("p.txt", JUDGED, _reading(unsure)).score.to_json_dict()["review"]
    assert review["resolutions_offered"] == 0 and review["resolutions_dropped"] == 2


def test_the_report_gives_the_review_totals(tmp_path, capsys):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "p.txt").write_text(
        "5. Allotments\nRESOLVED that the rents rise by 5% from April.\n", encoding="utf-8"
    )
    judged = dict(JUDGED, resolutions=JUDGED["resolutions"][:1], actions=[])
    (tmp_path / "expected.json").write_text(json.dumps({"files": {"p.txt": judged}}), "utf-8")
    assert main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "REVIEW dev" in out and "dropped: res 0 of 1, act 0 of 0" in out
    assert "takeable from the page: res 0 of 0, act 0 of 0 (2 units)" in out


# a parish page where no rule reads the hall's booking or the bench's quotes: the reader neither
# takes nor lists them, but each is a unit of the page the officer can take
PAGE = """5. Allotments
RESOLVED that the rents rise by 5% from April.
7. Village hall
Following a show of hands the hall be booked for the fete.
8. Benches
Obtain three quotes for the bench. JS
"""


def test_a_dropped_item_a_unit_of_the_page_gives_is_takeable_from_the_page():
    judged = dict(JUDGED, resolutions=[JUDGED["resolutions"][0], JUDGED["resolutions"][2]])
    ex, page = read_page(PAGE)
    assert [u.text for u in page if u.state == "left"][:1] == [
        "Following a show of hands the hall be booked for the fete."
    ]
    r = score_page("p.txt", judged, ex, page)
    review = r.score.to_json_dict()["review"]
    assert (review["resolutions_dropped"], review["resolutions_takeable"]) == (1, 1)
    assert (review["actions_dropped"], review["actions_takeable"]) == (1, 1)
    assert review["page_units"] == len(page) == 6
    assert "resolution (takeable from the page): 'that the hall be booked" in "\n".join(r.misses)
    # without the page nothing is takeable: the figure counts units, not hopes
    bare = score_page("p.txt", judged, ex).score.to_json_dict()["review"]
    assert (bare["resolutions_takeable"], bare["actions_takeable"]) == (0, 0)
