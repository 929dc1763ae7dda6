"""The fast plan reader (yaml-rs) gives exactly PyYAML's data, or steps aside for PyYAML.

"Sure means identical": for many generated scalars in every place a plan puts one, whenever the
fast path says it is sure, its data equals PyYAML's. And every plan file the project has (plans/,
tests/data/, the benchmark generator's output) reads the same both ways.
"""

from __future__ import annotations

import math
import random
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tracker.plans import fast_read
from tracker.plans.reader import Loader, parse_yaml

ROOT = Path(__file__).resolve().parents[1]

WORDS = [
    "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n",
    "N", "true", "True", "FALSE", "null", "Null", "~", "=", "<<", ".inf", "-.Inf", ".NaN", ".nan",
    "1E2", "0o17", "1e3", "1.0e3", "1.0e+3", "012", "0x1F", "0b101", "1_000", "1:20", "-1:20:30",
    "+12", "-0", "00", "0", "1.", ".5", "-.5", "01.5", "2024-01-01", "2024-1-1", "2024-01-1",
    "2024-01-01 10:00:00", "2024-01-01T10:00:00Z", "2024-01-01t10:00:00.5", "2025-02-30",
    "2024-01-01T10:00:00+01:00", "2024-01-01 10:00:00 +01:00", "2024-01-01T1:00:00",
    "2024-01-01T10:00:00.1234567", "2024-01-01T10:00:00+1", "2024-01-01T10:00:00+0100",
    "2024-01-01 10:00", "12 34", "1 e3", "P1-01", "3 days", "50%", "1,000", "x: y",
]  # fmt: skip
PIECES = ["0", "1", "9", "12", "2024", "-", "+", ".", "e", "E", "_", ":", "o", "x", "b", "T",
          "t", "Z", " ", "01", "10:00", "yes", "n", "inf", "nan", "~"]  # fmt: skip
CONTEXTS = ["k: {v}\n", "- {v}\n", "k: [{v}, x]\n", "k: {{a: {v}}}\n", "{v}: k\n", "k:\n  {v}\n",
            "k: [x,{v}]\n", "k:\n  - {v}\n", 'k: "{v}"\n', "k: '{v}'\n", '- "{v}"\n',
            "k: ['{v}', \"{v}\"]\n", "k: |\n  {v}\n", "k: >-\n  {v}\n", 'k: "a\n  {v}"\n',
            'k: "\n  {v}"\n', 'k: "{v}\n  "\n', "k: >+\n  {v}\n", "k: |2-\n   {v}\n",
            'k: "\\x32\\x30{v}"\n', 'k: "{v}\\n"\n']  # fmt: skip

STRUCTURES = [  # the forms of YAML a plan may take
    'k: v # comment\n', 'k: v #comment\n', 'k: v#x\n', '# c\nk: v\n', 'k:\n', 'k: \n',
    'k:\n  - a\n  -\n', 'k:\n- a\n- b\n', 'k: v\r\nj: w\r\n', 'k:\r\n  - a\r\n', "k: 'it''s'\n",
    'k: "a\\tb\\u00e9\\"c\\\\"\n', 'k: "a\\nb"\n', "k: 'a\n\n  b'\n", '"k": v\n', "'k': v\n",
    'k: - a\n', '- - a\n  - b\n- c\n', 'k: [a, [b, c], {d: e}]\n', 'k: {a: [1, 2], b: {c: d}}\n',
    'k: [a,b]\n', 'k: {a: 1,b: 2}\n', 'k: []\n', 'k: {}\n', 'k: [ ]\n', "k: ''\n", 'k: ""\n',
    'k:   v   \n', 'k:\tv\n', 'k: v\n  w\n', 'k: |\n  a\n  b\n', 'k: >\n  a\n  b\n\n  c\n',
    'k: |+\n  a\n\n', 'k: |-\n  a\n', 'k: >2\n   a\n', 'a:\n  b:\n    c: 1\n  d: 2\n',
    'a: 1\nb:\n  - x: 1\n    y: 2\n  - x: 3\n', 'k: 1.5\n', 'k: -1\n', 'k: 0\n', 'k: 1e5\n',
    'k: true\n', 'k: True\n', 'k: TRUE\n', 'k: false\n', 'k: null\n', 'k: ~\n', 'k: Null\n',
    'k: 0x10\n', 'k: +1\n', 'k: 1.0\n', 'k: 123456789012345678901234567890\n', 'k: -0.0\n',
    'k: 3.14159265358979323846\n', 'k: 1.\n', 'k: .5\n', 'k: a: b\n', 'k: a:b\n', 'k: a :b\n',
    "k: 'a': b\n", 'k: "a" b\n', 'k: a # b: c\n', 'k: a\n # c\nj: b\n', 'k: v\n...\n',
    'k: v\n---\n', 'k: @x\n', 'k: `x\n', 'k: %x\n', 'k: !x\n', 'k: &a x\nj: *a\n', 'k: |\n\ta\n',
    "k: 'multi\n  line'\n", 'k: "multi\n  line"\n', 'k: "a\\\n  b"\n', 'k: [a,\n  b]\n',
    'k: {a: 1,\n  b: 2}\n', 'k: 2024-01-01\n', 'k: 2024-01-01T10:00:00\n',
    'k: 2024-01-01T10:00:00.5\n', 'k: 2024-01-01T10:00:00Z\n', 'k: 2024-01-01T10:00:00+01:00\n',
    'k: [2024-01-01]\n', '- 2024-01-01\n', 'k: {d: 2024-02-30}\n', 'k: v\n\n\nj: w\n',
    '  k: v\n  j: w\n', 'k:\n    - a\n    - b\n', 'k:\n  a: 1\n j: 2\n', 'k: v\nk: w\n',
    'k: "\\x41\\U0001F600"\n', "k: 'a\\b'\n", 'k: a\\b\n', 'k: ü\n', 'ü: x\n', 'k: \xa0x\n',
    'k: x\u2028y\n', '? a\n: b\n', 'k: [a, b, ]\n', 'k: {a, b}\n', 'k: {a}\n', 'k: [a: 1]\n',
    '1: a\n', '1.5: a\n', 'true: a\n', 'null: a\n', '~: a\n', "k: 'a'  # c\n", 'k: "a"#c\n',
    'k:    # c\n  - a\n', 'k: >-\n  a\n  # not a comment\n', 'k:\n  # c\n  - a\n', 'k: -a\n',
    'k: - \n', 'k: --\n', 'k: ---\n', 'k: a-\n', 'k: a - b\n', 'k: x:\n', 'k: http://x.y/z\n',
    'k: a:  b\n', '- a\n-b\n', '-\n  a\n', '- \n', 'k: [a\n', 'k: {a: 1\n', 'k: "a\n', "k: 'a\n",
    'k:\n  - a\n  b: 1\n', 'a: 1\n b: 2\n', 'k: a\rj: b\n', 'k: a\tb\n', 'k:\ta\n', 'a b: c\n',
    "k: 'a'b\n", 'a:\n  k: 1\n  k: 2\n', '# only\n', 'k: 1_0\n', 'k: 9223372036854775807\n',
    'k: 9223372036854775808\n', 'k: -9223372036854775808\n', 'k: 1234567890123456789\n',
    'k: 12345678901234567890.5\n', 'k: 1e400\n', 'k: 0.1\n', 'k: 100000000000000000000.0\n',
    'k: 0.30000000000000004\n', 'k: 1.7976931348623157e308\n', 'k: 5e-324\n', 'k: 123.456e7\n',
    'k: -.0\n', 'k: +.5\n', 'k: 00.5\n', 'k: 1.5.6\n', 'k: 12:30\n', 'k: 190:20:30\n', 'k: 0:0\n',
    'k: a\x85b\n', 'k: "\\N\\_\\L\\P"\n', 'k: "\\e\\a\\b\\v\\f\\0\\/\\ "\n', "k: 'é'\n",
    'k: "\\uD83D\\uDE00"\n', 'k: [a, \'b\', "c"]\n', 'k: {\'a\': "b"}\n', 'k: v   # c\n',
    'k: v\t# c\n', 'k:\n  - a\n  - b\n  -   c\n', 'k:\n  -\n    a: 1\n', '- a\n- - b\n  - c\n',
    'k: >\n\n  a\n', 'k: |\n  a\n    b\n  c\n', 'k: |\n   a\n  b\n', 'k: >\n  a\n   b\n  c\n',
    'k: |1\n  a\n', 'k: |\n\n\n', 'k: >-\n', 'k: |\nj: 1\n', 'k: v\nj:\n  - 1\n  - 2\nl: x\n',
    "k: [1, 2.5, true, null, ~, '']\n", 'k: {a: ~, b: , c: null}\n', 'k: {a: }\n', 'k: [a, , b]\n',
    'k: [,]\n', "k: 'a\n   b'\n", "k: 'a  \n  b'\n", 'k: "a  \n  b"\n', 'k: "a\\\n\n  b"\n',
    'k: a\n  b\n  c\n', '- a\n  b\n', 'k: x\n  # c\n', 'k:\n  x\n  y\n', 'k: [a\n  , b]\n',
    'k: [a # c\n , b]\n', 'k: v\n\t\n', 'k: v \n', 'k: yes\n', '\ufeffk: v\n', 'k: v\n\x1a',
    'k: !!str 1\n', 'k: <<\n', '<<: {a: 1}\n',
]  # fmt: skip


def _tokens() -> list[str]:
    rng = random.Random(19)
    out = list(WORDS)
    for _ in range(5000):
        out.append("".join(rng.choice(PIECES) for _ in range(rng.randint(1, 6))).strip())
    return [t for t in out if t]


def _same(a: object, b: object) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)  # type: ignore[index]
    if isinstance(a, list):
        return len(a) == len(b) and all(map(_same, a, b))  # type: ignore[arg-type]
    return a == b


def _pyyaml(text: str) -> object:
    return yaml.load(text, Loader=Loader)  # noqa: S506 - the tracker's safe loader


def _both_ways(text: str) -> tuple[object, object] | None:
    """What the fast reader and PyYAML make of `text` ("refused" where PyYAML refuses it), or
    None where the fast reader is unsure and steps aside."""
    try:
        expected = _pyyaml(text)
    except yaml.YAMLError:
        expected = "refused"
    try:
        return fast_read.parse(text), expected
    except fast_read.Unsure:
        return None


def test_sure_means_identical_on_generated_scalars() -> None:
    sure = 0
    wrong = []
    for token in _tokens():
        for context in CONTEXTS:
            text = context.format(v=token)
            if (read := _both_ways(text)) is None:
                continue
            sure += 1
            if not _same(*read):
                wrong.append((text, *read))
    assert not wrong, wrong[:20]
    assert sure > 1000  # the fast path is taken for the ordinary forms


def test_sure_means_identical_on_hand_written_structures() -> None:
    """Comments, empty values, nested and flow collections, quoting and escapes, block scalars,
    line endings, white space, large numbers, and forms PyYAML refuses."""
    sure, wrong = 0, []
    for text in STRUCTURES:
        if (read := _both_ways(text)) is None:
            continue
        sure += 1
        if not _same(*read):
            wrong.append((text, *read))
    assert not wrong, wrong[:20]
    assert sure > 100


@pytest.mark.parametrize(
    "value",
    ["1E2", "0o17", "1e3", "yes", "no", "on", "~", "012", ".inf", "2024-01-01", "1_000", "1:20"],
)
def test_adversarial_values_read_as_pyyaml_reads_them(value: str) -> None:
    text = f"title: {value}\nref: {value}\n"
    assert _same(parse_yaml(text, "t.yaml"), _pyyaml(text))
    if value not in ("~", "2024-01-01"):  # those two read the same in YAML 1.1 and 1.2
        with pytest.raises(fast_read.Unsure):
            fast_read.parse(text)  # the values the fast path leaves to PyYAML


def test_a_key_given_twice_is_refused_with_its_line() -> None:
    text = "schema: tracker-plan/1\nstrategy:\n  title: A\n  title: B\n"
    with pytest.raises(fast_read.Unsure):
        fast_read.parse(text)
    from tracker.errors import InvalidInput

    with pytest.raises(InvalidInput) as caught:
        parse_yaml(text, "t.yaml")
    problem = caught.value.problems[0]
    assert (problem.line, problem.column) == (4, 3)
    assert "twice" in problem.message


def _plan_files() -> list[Path]:
    found = sorted((ROOT / "plans").glob("*.yaml")) + sorted(
        (ROOT / "tests" / "data").rglob("*.yaml")
    )
    return [p for p in found if p.read_bytes().strip()]


@pytest.mark.parametrize("path", _plan_files(), ids=lambda p: p.name)
def test_every_plan_file_reads_the_same_both_ways(path: Path) -> None:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        assert path.name == "not-utf8.yaml"  # refused before any YAML is read
        return
    try:
        expected = _pyyaml(text)
    except yaml.YAMLError:
        with pytest.raises(fast_read.Unsure):
            fast_read.parse(text)  # a file PyYAML refuses is never read by the fast path
        return
    try:
        fast = fast_read.parse(text)
    except fast_read.Unsure:
        return
    assert _same(fast, expected)


def test_the_generated_benchmark_plan_reads_the_same_and_takes_the_fast_path(
    tmp_path: Path,
) -> None:
    out = tmp_path / "plan.yaml"
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--actions", "300",
         "--updates", "3000", "--resolutions", "60", "--out", str(out)],
        check=True, capture_output=True,
    )  # fmt: skip
    text = out.read_text(encoding="utf-8")
    assert fast_read.unsure_at(text) is None
    assert _same(fast_read.parse(text), _pyyaml(text))
