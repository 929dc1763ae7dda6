"""A large plan's actions parsed in pieces (while the first pieces are checked) give exactly the
data one parse of the whole file gives, which is PyYAML's; where a cut would fall inside a
quoted text or a bracketed list, or the file is laid out otherwise, the plan is read whole and
the result is the same. The thresholds are lowered here so that small files are cut, at every
item where the cut is allowed."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

from tests.test_plans_fast_read import _plan_files, _pyyaml, _same
from tracker.errors import InvalidInput
from tracker.plans import dump_plan, fast_read, load_plan, read_ahead, reader

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "plans"


@pytest.fixture(autouse=True)
def _small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fast_read, "IN_PIECES", 0)
    monkeypatch.setattr(fast_read, "PIECE", 1)  # a cut at every item that allows one


def _ahead(text: str) -> object:
    """What the read-ahead thread's parse gives, every piece in; "unsure" where it steps aside
    (PyYAML reads the file), "whole" where a later piece could not be read alone."""
    got: list[object] = []
    try:
        fast_read.parse_ahead(text, got.append)
    except fast_read.Unsure:
        return "unsure"
    data = got[0]
    assert isinstance(data, dict)
    actions = data.get("actions")
    if isinstance(actions, fast_read.Arriving):
        try:
            data["actions"] = actions.whole()
        except fast_read.Unsure:
            return "whole"
    return data


def _generated(tmp_path: Path) -> str:
    out = tmp_path / "plan.yaml"
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--actions", "120",
         "--updates", "900", "--resolutions", "30", "--out", str(out)],
        check=True, capture_output=True,
    )  # fmt: skip
    return out.read_text(encoding="utf-8")


def test_the_generated_plan_is_cut_and_reads_as_pyyaml_reads_it(tmp_path: Path) -> None:
    text = _generated(tmp_path)
    cut = fast_read.cuts(text.encode())
    assert cut is not None and len(cut[2]) == 119  # cut at every one of the 120 actions
    got: list[object] = []
    fast_read.parse_ahead(text, got.append)
    assert isinstance(got[0], dict) and isinstance(got[0]["actions"], fast_read.Arriving)
    assert _same(_ahead(text), _pyyaml(text))


@pytest.mark.parametrize("path", _plan_files(), ids=lambda p: p.name)
def test_every_plan_file_reads_the_same_in_pieces(path: Path) -> None:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return  # refused before any YAML is read
    try:
        expected = _pyyaml(text)
    except yaml.YAMLError:
        assert _ahead(text) in ("unsure", "whole")  # PyYAML words the refusal
        return
    got = _ahead(text)
    if got == "unsure":
        with pytest.raises(fast_read.Unsure):
            fast_read.parse(text)  # stepped aside only where the whole parse does too
        return
    if got == "whole":  # a piece not read alone: the whole text is read
        got = fast_read.parse(text)
    assert _same(got, expected)


ACTION = '  - ref: P1-0{n}\n    title: "Action {n}"\n    phase: 1\n    updates: []\n'
HEAD = "schema: tracker-plan/1\nstrategy:\n  title: T\n  period: {start: 2024, end: 2029}\n"
TAIL = "meetings:\n  - board: b\n    date: 2025-01-01\n"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("plain", HEAD + "actions:\n" + ACTION.format(n=1) + ACTION.format(n=2) + TAIL),
        ("actions last", HEAD + "actions:\n" + ACTION.format(n=1) + ACTION.format(n=2)),
        ("comments", HEAD + "actions:\n# first\n\n" + ACTION.format(n=1) + "# between\n"
         + ACTION.format(n=2) + "\n# after\n" + TAIL),
        ("a quoted text over a cut",
         HEAD + "actions:\n" + ACTION.format(n=1) + '  - ref: P1-02\n    title: "two\n'
         '  - lines"\n    phase: 1\n' + ACTION.format(n=3) + TAIL),
        ("a list over a cut",
         HEAD + "actions:\n" + '  - ref: P1-01\n    title: t\n    phase: 1\n    outcomes: [a,\n'
         "  - b]\n" + ACTION.format(n=2) + TAIL),
        ("a single-quoted text", HEAD + "actions:\n  - ref: P1-01\n    title: 'one\n  - two'\n"
         "    phase: 1\n" + ACTION.format(n=2)),
        ("a block text", HEAD + "actions:\n  - ref: P1-01\n    title: t\n    phase: 1\n"
         "    description: |\n      - not an item\n      meetings: nor a key\n"
         + ACTION.format(n=2) + TAIL),
        ("an unknown key after", HEAD + "actions:\n" + ACTION.format(n=1) + ACTION.format(n=2)
         + "extra: 1\n" + TAIL),
        ("actions given twice", HEAD + "actions:\n" + ACTION.format(n=1) + TAIL + "actions:\n"
         + ACTION.format(n=2)),
        ("a key twice in an action", HEAD + "actions:\n" + ACTION.format(n=1)
         + "  - ref: P1-02\n    ref: P1-03\n    title: t\n    phase: 1\n" + TAIL),
        ("at the margin", HEAD + "actions:\n- ref: P1-01\n  title: t\n  phase: 1\n"
         "- ref: P1-02\n  title: u\n  phase: 1\n" + TAIL),
        ("a flow list", HEAD + "actions: [{ref: P1-01, title: t, phase: 1}]\n" + TAIL),
        ("windows line ends", (HEAD + "actions:\n" + ACTION.format(n=1) + ACTION.format(n=2)
                               + TAIL).replace("\n", "\r\n")),
        ("a meeting inside the actions",
         HEAD + "actions:\n" + ACTION.format(n=1) + '  - ref: P1-02\n    title: "t\nmeetings: x"\n'
         "    phase: 1\n" + TAIL),
        ("a dash alone", HEAD + "actions:\n  -\n    ref: P1-01\n    title: t\n    phase: 1\n"
         + ACTION.format(n=2) + TAIL),
    ],
)  # fmt: skip
def test_a_cut_never_changes_what_is_read(name: str, text: str) -> None:
    try:
        expected: object = _pyyaml(text)
    except yaml.YAMLError:
        expected = "refused"
    got = _ahead(text)
    if got in ("unsure", "whole"):  # read whole: the fast path or PyYAML, as without pieces
        try:
            whole: object = fast_read.parse(text)
        except fast_read.Unsure:
            return  # PyYAML reads it (and words any refusal)
        assert _same(whole, expected), name
        return
    assert _same(got, expected), name


def test_a_title_over_two_lines_like_an_item_is_read_as_pyyaml_reads_it(tmp_path: Path) -> None:
    text = _generated(tmp_path)
    # a title that runs over two lines, the second one looking like the start of an item: the
    # piece cut there is not read alone, and the whole file is read as without pieces
    broken = text.replace('title: "', 'title: "first line of a title\n  - ', 5)
    path = tmp_path / "quoted.yaml"
    path.write_text(broken, encoding="utf-8")
    assert _ahead(broken) in ("unsure", "whole")
    with read_ahead([path]) as ready:
        ahead = load_plan(path, ahead=ready.get(str(path)))
    assert dump_plan(ahead.doc) == dump_plan(load_plan(path).doc)
    assert ahead.doc.actions[0].title.startswith("first line of a title - ")


def test_a_later_piece_not_read_alone_has_the_plan_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(_generated(tmp_path), encoding="utf-8")
    loads, calls = fast_read._loads, [0]

    def failing_fourth(text: bytes) -> object:
        calls[0] += 1
        if calls[0] == 4:  # the rest, the first piece, the second; the third fails
            raise fast_read.Unsure
        return loads(text)

    monkeypatch.setattr(fast_read, "_loads", failing_fourth)
    assert _ahead(path.read_text(encoding="utf-8")) == "whole"
    calls[0] = 0
    with read_ahead([path]) as ready:
        ahead = load_plan(path, ahead=ready.get(str(path)))
    assert calls[0] == 4  # read in pieces up to the one that failed, then whole
    monkeypatch.setattr(fast_read, "IN_PIECES", 10**9)
    assert dump_plan(ahead.doc) == dump_plan(load_plan(path).doc)
    assert len(ahead.doc.actions) == 120


@pytest.mark.parametrize("name", ["small.yaml", "register.yaml", "reporting.yaml", "app.yaml"])
def test_a_plan_read_ahead_in_pieces_is_the_plan_read_in_line(name: str) -> None:
    path = DATA / name
    with read_ahead([path]) as ready:
        ahead = load_plan(path, ahead=ready.get(str(path)))
    assert dump_plan(ahead.doc) == dump_plan(load_plan(path).doc)


def test_a_refusal_in_a_later_piece_names_its_line(tmp_path: Path) -> None:
    text = _generated(tmp_path)
    lines = text.splitlines(keepends=True)
    at = max(i for i, line in enumerate(lines) if line.startswith("    progress: "))
    lines[at] = "    progress: 101\n"  # in the last action's fields, in the last piece
    path = tmp_path / "bad.yaml"
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(InvalidInput) as ahead, read_ahead([path]) as ready:
        load_plan(path, ahead=ready.get(str(path)))
    with pytest.raises(InvalidInput) as in_line:
        load_plan(path)
    assert [str(p) for p in ahead.value.problems] == [str(p) for p in in_line.value.problems]
    assert any(f"{path}:{at + 1}:" in str(p) for p in ahead.value.problems)


def test_a_command_that_stops_leaves_the_remaining_pieces_unparsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C, a signal or a refusal elsewhere while a large plan is read ahead: the thread
    parses no further piece, so the command ends without waiting for the rest of the parse."""
    path = tmp_path / "plan.yaml"
    path.write_text(_generated(tmp_path), encoding="utf-8")
    loads, calls, gate = fast_read._loads, [0], threading.Event()

    def held_at_the_third(raw: bytes) -> object:
        calls[0] += 1
        if calls[0] == 3:  # the rest, the first piece, then this one: held until the stop
            gate.wait(60)
        return loads(raw)

    halt = reader.ReadAhead.halt

    def halt_and_open(self: reader.ReadAhead) -> None:
        halt(self)
        gate.set()

    monkeypatch.setattr(fast_read, "_loads", held_at_the_third)
    monkeypatch.setattr(reader.ReadAhead, "halt", halt_and_open)
    with pytest.raises(KeyboardInterrupt), read_ahead([path]):
        raise KeyboardInterrupt
    assert calls[0] <= 3  # of the 121 the plan is cut into: none after the stop
