"""An exported plan file reads the same in any YAML reader: every text a YAML 1.1 reader
(PyYAML) or a YAML 1.2 reader (ruamel.yaml, yaml-rs) could take for a number, a boolean, null or
a date is quoted, so a title `1e3` or a ref `1E2` comes back as that text."""

from __future__ import annotations

import dataclasses
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
import yaml
from ruamel.yaml import YAML

from tracker.plans import dump_plan, load_plan
from tracker.plans.reader import parse_yaml

SMALL = Path(__file__).parent / "data" / "plans" / "small.yaml"
ADVERSARIAL = [
    "1E2", "0o17", "1e3", "1.0e3", "yes", "no", "on", "off", "y", "~", "null", "True", "012",
    "0x1F", ".inf", "-.inf", ".nan", ".5", "1_000", "1:20", "2024-01-01", "2024-01-01T10:00:00",
    "12", "-3", "+4", "0", "=", "<<",
]  # fmt: skip
CODES = ["0o17", "012", "12", "1e3", "0x1f", "2024-01-01", "1-000"]
REFS = ["1E2", "012", "12", "0X1F", "1E-3"]


def _readers() -> dict[str, Any]:
    def ruamel(text: str) -> Any:
        return YAML(typ="safe", pure=True).load(StringIO(text))  # YAML 1.2

    return {
        "PyYAML (1.1)": yaml.safe_load,
        "ruamel.yaml (1.2)": ruamel,
        "tracker": lambda text: parse_yaml(text, "plan.yaml"),
    }


@pytest.fixture(scope="module")
def exported() -> str:
    doc = load_plan(SMALL).doc
    actions = list(doc.actions)
    for i, ref in enumerate(REFS[: len(actions)]):
        actions[i] = dataclasses.replace(
            actions[i],
            ref=ref,
            title=ADVERSARIAL[i],
            depends_on=(),
            description=ADVERSARIAL[-i - 1],
        )
    boards = [dataclasses.replace(b, name=ADVERSARIAL[i + 5]) for i, b in enumerate(doc.boards)]
    organisations = [
        dataclasses.replace(o, code=CODES[i % len(CODES)] + f"-{i}" * (i >= len(CODES)), name=v)
        for i, (o, v) in enumerate(zip(doc.organisations, ADVERSARIAL[10:], strict=False))
    ]
    principles = tuple(ADVERSARIAL)
    strategy = dataclasses.replace(doc.strategy, title="1e3", principles=principles)
    people = [dataclasses.replace(p, organisation=None) for p in doc.people]
    phases = [dataclasses.replace(p, name=CODES[i % len(CODES)]) for i, p in enumerate(doc.phases)]
    changed = dataclasses.replace(
        doc, strategy=strategy, actions=tuple(actions), boards=tuple(boards),
        organisations=tuple(organisations), people=tuple(people), phases=tuple(phases),
    )  # fmt: skip
    return dump_plan(changed)


@pytest.mark.parametrize("reader", list(_readers()))
def test_every_adversarial_text_comes_back_as_text(exported: str, reader: str) -> None:
    data = _readers()[reader](exported)
    assert data["strategy"]["title"] == "1e3"
    assert data["strategy"]["principles"] == ADVERSARIAL
    titles = [a["title"] for a in data["actions"]]
    refs = [a["ref"] for a in data["actions"]]
    assert set(titles) <= set(ADVERSARIAL) and all(isinstance(t, str) for t in titles)
    assert set(REFS[: len(refs)]) == set(refs)
    assert all(isinstance(o["code"], str) for o in data["organisations"])
    assert all(isinstance(p["name"], str) for p in data["phases"])
    assert all(isinstance(b["name"], str) for b in data["boards"])


def test_the_three_readers_agree_on_the_whole_file(exported: str) -> None:
    readers = _readers()
    pyyaml = readers["PyYAML (1.1)"](exported)
    assert readers["tracker"](exported) == pyyaml
    assert readers["ruamel.yaml (1.2)"](exported) == pyyaml
