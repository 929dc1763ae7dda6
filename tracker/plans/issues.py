"""A problem found in a plan, named by its path in the YAML data until it is given a line."""

from __future__ import annotations

from dataclasses import dataclass

Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Issue:
    path: Path  # e.g. ("actions", 3, "due")
    message: str
    allowed: str | None = None
    on_key: bool = False  # point at the key (an unknown field), not at its value


def field_name(path: Path) -> str:
    """("actions", 3, "due") -> "actions[3].due"."""
    out = ""
    for step in path:
        if isinstance(step, int):
            out += f"[{step}]"
        else:
            out += f".{step}" if out else str(step)
    return out
