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


def test_sure_means_identical_on_generated_scalars() -> None:
    sure = disagreements = 0
    wrong = []
    for token in _tokens():
        for context in CONTEXTS:
            text = context.format(v=token)
            try:
                expected = _pyyaml(text)
            except yaml.YAMLError:
                expected = "refused"
            try:
                fast = fast_read.parse(text)
            except fast_read.Unsure:
                continue
            sure += 1
            if not _same(fast, expected):
                disagreements += 1
                wrong.append((text, fast, expected))
    assert not wrong, wrong[:20]
    assert sure > 1000  # the fast path is taken for the ordinary forms


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
