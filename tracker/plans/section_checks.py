"""What every section of a plan file is checked with (tracker/plans/schema.py checks the sections
themselves): its mapping of known fields, a list of items each checked in turn (indexes kept
those of the file), and the values several sections hold: a calendar UID, a Schedule 12A
paragraph, a sequence number, an e-mail address, the suggested RAG's thresholds and a board's
tolerances."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TypeVar

from tracker.domain.pace import GREEN, RED
from tracker.plans import document as d
from tracker.plans.fields import Checker
from tracker.plans.issues import Path
from tracker.plans.plain import _SETS

T = TypeVar("T")


class SectionChecks(Checker):
    def fields(
        self, value: object, path: Path, name: str, required: tuple[str, ...] = ()
    ) -> dict[object, object] | None:
        return self.mapping(value, path, getattr(d, name), _SETS[name], required)

    def items(
        self, value: object, path: Path, check: Callable[[object, Path], T | None]
    ) -> tuple[T | None, ...]:
        # None stands in for an item that is not a mapping, so indexes stay those of the file
        return tuple(check(item, (*path, i)) for i, item in enumerate(self.sequence(value, path)))

    def uid(self, value: object, path: Path) -> str | None:
        """A calendar UID: a UUID (as `tracker plan export` writes), or null for a new one."""
        if value is None:
            return None
        try:
            return str(uuid.UUID(str(value)))
        except ValueError:
            self.add(path, f"{value!r} is not a UUID",
                     "a UUID such as 0b6c7a52-3f0e-4e55-9d53-6f3c2a1d9e10, or null")  # fmt: skip
            return None

    def exempt(self, value: object, path: Path) -> int | None:
        """The paragraph of Schedule 12A an exempt item is withheld under (1-7), or null."""
        if value is None:
            return None
        return self.integer(value, path, 1, 7)

    def sequence_number(self, value: object, path: Path) -> int | None:
        if value is None:
            return None
        return self.integer(value, path, 0, 1_000_000)

    def email(self, value: object, path: Path) -> str | None:
        text = self.text(value, path, 320)
        if text is None:
            return None
        local, at, domain = text.strip().rpartition("@")
        if not at or not local or "." not in domain or any(c.isspace() for c in text.strip()):
            self.add(path, f"{text!r} is not an e-mail address", "name@example.gov.uk")
            return None
        return text.strip()

    def rag(self, value: object, path: Path) -> tuple[float | None, float | None]:
        """The suggested RAG's thresholds: 0 <= red < green <= 1."""
        if value is None:
            return None, None
        m = self.fields(value, path, "RAG_FIELDS")
        if m is None:
            return None, None
        out: list[float | None] = []
        for name in d.RAG_FIELDS:
            n = self.number(m.get(name), (*path, name))
            if n is not None and not 0 <= n <= 1:
                self.add((*path, name), f"{n:g} is not a share of the expected progress",
                         "0 to 1, e.g. 0.9")  # fmt: skip
                n = None
            out.append(n)
        green = out[0] if out[0] is not None else GREEN
        red = out[1] if out[1] is not None else RED
        if (m.get("green") is not None or m.get("red") is not None) and not red < green:
            self.add((*path, "red" if m.get("red") is not None else "green"),
                     f"red ({red:g}) must be below green ({green:g})",
                     "0 <= red < green <= 1")  # fmt: skip
        return out[0], out[1]

    def tolerances(
        self, value: object, path: Path
    ) -> tuple[tuple[str, int | bool | None], ...] | None:
        if value is None:
            return None
        m = self.fields(value, path, "TOLERANCE_FIELDS")
        if m is None:
            return None
        out: list[tuple[str, int | bool | None]] = []
        for name in d.TOLERANCE_FIELDS:
            if name not in m:
                continue
            v = m[name]
            if name in ("red", "below_suggestion"):
                if v is not None and not isinstance(v, bool):
                    self.add((*path, name), f"expected true or false, got {v!r}", "true, false")
                    continue
                out.append((name, bool(v)))
            elif v is None or v is False:
                out.append((name, None))  # switched off
            else:
                low = 1 if name == "challenged" else 0
                n = self.integer(v, (*path, name), low, 3650)
                if n is not None:
                    out.append((name, n))
        return tuple(out)
