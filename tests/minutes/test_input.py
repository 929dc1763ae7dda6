"""Input checks, file reading, the JSON shape, and never crashing on odd text."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from tracker.minutes import (
    ExtractedFollowUp,
    ExtractedResolution,
    Extraction,
    MinutesError,
    Uncertainty,
    parse_minutes,
    read_minutes_file,
)

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"

SAMPLE = (
    "Agenda item\n\nFamily Hubs\n\nMinutes:\n\n"
    "RESOLVED:\n1) That the report be noted.\n"
    "2) That the Head of Early Help circulates the dashboard by 30 June 2025.\n\n"
    "It was agreed that the next meeting would be in July.\n\n"
    "ACTION \u2013 Clerk to book a room.\n"
)


# ----------------------------------------------------------------------------- MinutesError


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t \r\n", "\u00a0\u00a0\n\u200b"])
def test_empty_and_whitespace_only_text_is_refused(text):
    with pytest.raises(MinutesError, match="empty"):
        parse_minutes(text)


@pytest.mark.parametrize(
    "text",
    ["RESOLVED:\x00 That", "\x01\x02\x03\x04 abc \x05\x06\x07\x08", "\ufffd" * 40 + "ok"],
)
def test_binary_text_is_refused(text):
    with pytest.raises(MinutesError, match="binary"):
        parse_minutes(text)


def test_minutes_error_is_a_value_error():
    assert issubclass(MinutesError, ValueError)


# ------------------------------------------------------------------------------ file reading


def test_read_utf8_with_bom_and_crlf(tmp_path):
    f = tmp_path / "m.txt"
    f.write_bytes("\ufeffRESOLVED: That the report be noted.\r\nNext line\r\n".encode())
    text = read_minutes_file(f)
    assert text == "RESOLVED: That the report be noted.\nNext line\n"
    assert parse_minutes(text).resolutions[0].text == "That the report be noted."


def test_read_cp1252_fallback(tmp_path):
    f = tmp_path / "m.txt"
    content = "Children\u2019s Services \u2013 Early Help\r\n\r\nRESOLVED \u2013 That the \u201cplan\u201d be noted.\r\n"
    f.write_bytes(content.encode("cp1252"))
    text = read_minutes_file(str(f))
    assert text == content.replace("\r\n", "\n")
    e = parse_minutes(text)
    assert e.title == "Children\u2019s Services \u2013 Early Help"
    assert e.resolutions[0].text == "That the \u201cplan\u201d be noted."


def test_read_utf16_with_bom(tmp_path):
    f = tmp_path / "m.txt"
    f.write_bytes("RESOLVED: That the report be noted.\r\n".encode("utf-16"))
    assert read_minutes_file(f) == "RESOLVED: That the report be noted.\n"


@pytest.mark.parametrize(
    ("data", "word"),
    [
        (b"", "empty"),
        (b"  \r\n\t ", "empty"),
        (b"\xef\xbb\xbf", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(256)) * 4, "binary"),
        (b"%PDF-1.4\n" + bytes([7, 8, 14, 15, 16, 17, 18, 19] * 30), "binary"),
    ],
)
def test_read_refuses_empty_and_binary_files_naming_them(tmp_path, data, word):
    f = tmp_path / "odd name.txt"
    f.write_bytes(data)
    with pytest.raises(MinutesError) as info:
        read_minutes_file(f)
    assert str(f) in str(info.value)
    assert word in str(info.value)


def test_missing_file_is_an_os_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        read_minutes_file(tmp_path / "absent.txt")


# ---------------------------------------------------------------------------------- JSON shape


def test_to_json_dict_shape():
    e = parse_minutes(SAMPLE)
    d = e.to_json_dict()
    assert set(d) == {"title", "resolutions", "followups", "unsure"}
    assert d["title"] == "Family Hubs"
    assert d["resolutions"] == [
        {
            "number": "1",
            "kind": "resolved",
            "text": "That the report be noted.",
            "line": 8,
            "item": "",
            "why": "",
        },
        {
            "number": "2",
            "kind": "resolved",
            "text": "That the Head of Early Help circulates the dashboard by 30 June 2025.",
            "line": 9,
            "item": "",
            "why": "",
        },
    ]
    assert [{k: f[k] for k in ("owner", "text", "resolution")} for f in d["followups"]] == [
        {
            "owner": "Head of Early Help",
            "text": "circulates the dashboard by 30 June 2025.",
            "resolution": "2",
        },
        {"owner": "Clerk", "text": "book a room.", "resolution": None},
    ]
    assert d["followups"][0]["due"] == "2025-06-30"
    assert d["followups"][1]["source"] == "action-line"
    assert [set(u) for u in d["unsure"]] == [{"line", "text", "reason"}]
    assert d["unsure"][0]["line"] == 11
    json.dumps(d)  # serialisable as is


def test_value_types_are_frozen():
    e = parse_minutes(SAMPLE)
    assert isinstance(e, Extraction)
    assert all(isinstance(r, ExtractedResolution) for r in e.resolutions)
    assert all(isinstance(f, ExtractedFollowUp) for f in e.followups)
    assert all(isinstance(u, Uncertainty) for u in e.unsure)
    with pytest.raises(AttributeError):
        e.resolutions[0].text = "changed"  # type: ignore[misc]


# ---------------------------------------------------------------------------------- robustness

_WORDS = [
    "RESOLVED", "Resolved:", "AGREED", "Noted", "RECOMMENDED to Cabinet", "ACTION \u2013",
    "Action:", "That", "the", "Director", "to", "provide", "will", "asks", "(a)", "1)", "ii.",
    "8.18", "\u00b7", "?", "\u2022", "|", "\t", "Owner", "Action", "By when", "31 March 2025",
    "Minutes:", "Supporting documents:", "be noted.", "officers", ":", "\u2013", "\u00a0",
    "\r\n", "\n", "\n\n", "that:", "It was agreed that", "(i)", "h)", "i)", "Agenda item",
]  # fmt: skip


def _check(text: str) -> None:
    try:
        e = parse_minutes(text)
    except MinutesError:
        return
    json.dumps(e.to_json_dict())
    for r in e.resolutions:
        assert r.kind in {"resolved", "recommended", "agreed", "noted"}
        assert r.line >= 1
    for f in e.followups:
        assert f.source in {"resolution", "action-line", "action-table"}


def test_random_word_salad_never_crashes():
    rnd = random.Random(20240601)
    for _ in range(700):
        _check(" ".join(rnd.choice(_WORDS) for _ in range(rnd.randint(1, 60))))
        _check(
            "".join(
                rnd.choice("aZ1 .:()-\u2013\n\t\u00a0?|\x0b\r") for _ in range(rnd.randint(1, 80))
            )
        )


def test_mutated_seeds_never_crash():
    texts = (
        [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
        if SEEDS.is_dir()
        else []
    )
    texts.append(SAMPLE)
    rnd = random.Random(7)
    for text in texts:
        lines = text.split("\n")
        for _ in range(50):
            mutated = list(lines)
            for _ in range(rnd.randint(1, 6)):
                j = rnd.randrange(len(mutated))
                op = rnd.random()
                if op < 0.3:
                    del mutated[j]
                elif op < 0.6:
                    mutated.insert(
                        j, " ".join(rnd.choice(_WORDS) for _ in range(rnd.randint(1, 10)))
                    )
                elif op < 0.8:
                    mutated[j] = mutated[j][: rnd.randrange(len(mutated[j]) + 1)]
                else:
                    k = rnd.randrange(len(mutated))
                    mutated[j], mutated[k] = mutated[k], mutated[j]
                if not mutated:
                    mutated = ["x"]
            _check("\n".join(mutated))


def test_very_long_lines_are_handled():
    e = parse_minutes("RESOLVED: That " + "the Director will review the data and " * 3000 + "x.")
    assert len(e.resolutions) == 1
    e = parse_minutes("Early Help\n\n" + "word " * 100000 + "\n\nRESOLVED: That it be noted.\n")
    assert [r.text for r in e.resolutions] == ["That it be noted."]
