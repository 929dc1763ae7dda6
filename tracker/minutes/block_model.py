"""What a resolution block is read into: the block (its heading, lead-in, items and what had to be
guessed) and each raw item (its number path and text lines), before they become resolutions."""

from __future__ import annotations

from dataclasses import dataclass, field

from .models import Uncertainty
from .patterns import Heading
from .text import collapse


@dataclass
class RawItem:
    path: tuple[str, ...]  # () for an unnumbered item
    parts: list[str]
    line: int
    assigned: bool = False  # the number was given by position (bullets)
    intro: str | None = None  # the numbered lead-in it stands under ("2. That the X be asked to:")

    @property
    def text(self) -> str:
        return collapse(" ".join(self.parts))


@dataclass
class Block:
    heading: Heading
    line: int
    heading_text: str
    items: list[RawItem] = field(default_factory=list)
    intro: str | None = None
    unsure: list[Uncertainty] = field(default_factory=list)
    end: int = 0  # index of the first line after the block
    item: str = ""  # the agenda item number the block was minuted under
    pos: int = 0  # index of the unit it starts at, for document order
    why: str = ""  # why a candidate that is not a keyword block was taken
    section: int = -1  # the last heading or break before it: repeats count only within one
