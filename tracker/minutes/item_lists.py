"""The numbered list inside a resolution block: placing each marker ("1.", "(a)", "ii)", "2.3",
bullets) in the list hierarchy (nesting, a style change, gaps and repeats) and gathering the
wrapped continuation lines and plain paragraphs that belong to the current item."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .block_model import Block, RawItem
from .markers import Marker, parse_marker
from .text import matchable

_THAT_RE = re.compile(r"that\b", re.I)
# "Notes", "Agrees", "Welcomes" ...: a paragraph that reads like an item under "That the Committee:"
_VERB_START_RE = re.compile(r"[A-Z][a-z]+(?:s|es)\b")
# "Noted the contents ...", "Agreed the revised ...": a decision written verb-first, one a line
_DECIDED_START_RE = re.compile(
    r"(?:noted|agreed|approved|endorsed|requested|asked|supported|accepted|delegated|welcomed|"
    r"authori[sz]ed|adopted|confirmed|commended|instructed|deferred|recommended)\s+(?!that\b)"
    r"[a-z]",
    re.I,
)
# "Ms B Smith, Co-opted Member be re-appointed as Vice Chair ...": a paragraph that is a whole
# clause of the decision ("that" dropped after "Resolved that:"), its subject then "be" and a
# participle, with no verb of its own before
_BE_CLAUSE_RE = re.compile(
    r"(?P<subj>[A-Z][^.;:]{2,120}?)\s+be\s+(?:re-)?[a-z]+(?:ed|en)\b[^:]*\.$"
)
_NOT_A_SUBJECT_RE = re.compile(
    r"^(?:it|this|he|she|they|there|members)\b|\b(?:was|were|has|had|have|is|are|to|not|and|who"
    r"|which|would|will|should|could|may|might|must|can|said|asked|agreed|noted"
    # "The Committee having considered ..., RESOLVED that the application be refused": a
    # decision of its own, not a clause of the one above
    r"|resolved|decided|that)\b",
    re.I,
)


def _be_clause(text: str) -> bool:
    m = _BE_CLAUSE_RE.match(text.strip())
    return m is not None and not _NOT_A_SUBJECT_RE.search(m.group("subj"))


@dataclass
class _Level:
    style: str
    fmt: str
    last: object
    parent: tuple[str, ...]
    count: int = 0


def is_next(style: str, last: object, value: object) -> bool:
    if style == "bullet":
        return True
    if style == "para":
        a, b = last, value
        if not isinstance(a, tuple) or not isinstance(b, tuple) or len(a) != len(b):
            return False
        return bool(a[:-1] == b[:-1] and b[-1] == a[-1] + 1 or (b[0] == a[0] + 1 and b[-1] == 1))
    return isinstance(last, int) and isinstance(value, int) and value == last + 1


def is_first(style: str, value: object) -> bool:
    if style == "bullet":
        return True
    if style == "para":
        return isinstance(value, tuple) and value[-1] == 1
    return value == 1


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "!", "?")) and not re.search(
        r"\b(?:e\.g|i\.e|etc|no|cllr|mr|mrs|ms|dr|para|st)\.$", text.rstrip(), re.I
    )


_OPENS_SENTENCE_RE = re.compile(r"^[A-Z][a-z]+\s+[a-z]")
_ENDS_ON_CONNECTOR_RE = re.compile(
    r"\b(?:the|a|an|of|and|or|to|for|in|on|at|by|with|be|that|is|are|was|were|from|as)$", re.I
)


def _new_paragraph(cur: RawItem, text: str) -> bool:
    """ "Resolved to elect Cllr Francis" then "In line with Government regulations to confirm
    ...": a short decision with no full stop, then a sentence more than twice its length. A
    line wrapped from the one before is not much longer than it, so this one starts anew."""
    prev = cur.parts[-1].rstrip()
    return (
        len(cur.parts) == 1
        and len(prev.split()) >= 3
        and len(text) >= 2 * len(prev) + 20
        and _OPENS_SENTENCE_RE.match(text) is not None
        and not _ENDS_ON_CONNECTOR_RE.search(prev)
    )


class ItemParser:
    def __init__(self, block: Block) -> None:
        self.block = block
        self.stack: list[_Level] = []
        self.current: RawItem | None = None
        self.no_para = "." in block.heading.number

    # -- placing a marker in the list hierarchy -----------------------------------------------
    def _place(self, mk: Marker) -> tuple[str, ...] | None:
        fmt = mk.fmt if mk.fmt != "bullet" else "bullet:" + mk.label
        cands = mk.candidates
        stack = self.stack

        def sibling(depth: int, style: str, value: object) -> tuple[str, ...]:
            del stack[depth + 1 :]
            lvl = stack[depth]
            lvl.style, lvl.last = style, value
            lvl.count += 1
            return lvl.parent + (self._label(mk, lvl),)

        def push(style: str, value: object, parent: tuple[str, ...]) -> tuple[str, ...]:
            if style == "para" and parent and mk.label.startswith(parent[-1] + "."):
                parent = parent[:-1]  # "1." then "1.1", "1.2": numbered "1.1", not "1.1.1"
            lvl = _Level(style, fmt, value, parent, 1)
            stack.append(lvl)
            return parent + (self._label(mk, lvl),)

        # 1. the next value of a list already open, same style of writing
        for depth in range(len(stack) - 1, -1, -1):
            for style, value in cands:
                lvl = stack[depth]
                if lvl.style == style and lvl.fmt == fmt and is_next(style, lvl.last, value):
                    return sibling(depth, style, value)
        # 2. the first item of a new list nested under the current item
        if self.current is not None and self.current.path:
            for style, value in cands:
                if is_first(style, value) and not any(
                    lvl.style == style and lvl.fmt == fmt for lvl in stack
                ):
                    return push(style, value, self.current.path)
        if mk.fmt == "space":
            if not stack and any(s == "para" or is_first(s, v) for s, v in cands):
                return push(cands[0][0], cands[0][1], ())
            return None
        # 3. the next value of an open list written differently ("1." then "2)")
        for depth in range(len(stack) - 1, -1, -1):
            for style, value in cands:
                if stack[depth].style == style and is_next(style, stack[depth].last, value):
                    return sibling(depth, style, value)
        # 4. any value of an open list written the same way (gaps, repeats)
        for depth in range(len(stack) - 1, -1, -1):
            for style, value in cands:
                if stack[depth].style == style and stack[depth].fmt == fmt:
                    return sibling(depth, style, value)
        # 5. the first list of the block, unless a complete unnumbered resolution came first
        done = self.current is not None and ends_sentence(self.current.text)
        # "The Board resolved:" / "In terms of Section 50 ..., to exclude the press ... ." /
        # "(i) to move the report ..." / "(ii) consider Items 10 and 11 ...": a bracketed list
        # from its first value whose items go on in lower case continues the decision
        first = next(((s, v) for s, v in cands if is_first(s, v)), None)
        clause = mk.fmt == "paren" and mk.rest[:1].islower() and first is not None
        if not stack and (not done or clause):
            style, value = first if done and first is not None else cands[0]
            return push(style, value, ())
        return None

    @staticmethod
    def _label(mk: Marker, lvl: _Level) -> str:
        return str(lvl.count) if lvl.style == "bullet" else mk.label

    # -- lines --------------------------------------------------------------------------------
    def _new_item(self, path: tuple[str, ...], text: str, line: int, bullet: bool) -> None:
        item = RawItem(path, [text] if text else [], line, assigned=bullet)
        self.block.items.append(item)
        self.current = item

    def segment(self, text: str, line: int, blank: int, next_is_item: bool) -> bool:
        """Consume one piece of text; False when it does not belong to the block."""
        m = matchable(text)
        mk = parse_marker(text, m)
        if mk is not None and self.no_para and mk.candidates[0][0] == "para":
            return False  # "8.18 RESOLVED ..." then "8.19 ...": the next paragraph, not an item
        if mk is not None:
            path = self._place(mk)
            if path is not None:
                self._new_item(path, mk.rest.strip(), line, mk.fmt == "bullet")
                return True
            if mk.fmt != "space":
                return False
        cur = self.current
        if cur is not None and not cur.parts:
            cur.parts.append(text)
            return True
        if cur is None:
            if self.block.intro is None and (
                text.endswith(":") or (next_is_item and not text.endswith((".", ";")))
            ):
                self.block.intro = text
                return True
            if self.block.intro is not None and blank and not self._item_like(text):
                return False
            self._new_item((), text, line, False)
            return True
        if (
            blank == 0
            and not cur.path
            and text.startswith("That ")
            and cur.parts[-1].rstrip().endswith((".", ";"))
        ):
            self._new_item((), text, line, False)  # "That A.\nThat B." with no blank line
            return True
        if (
            blank == 0
            and not cur.path
            and re.match(r"To\s+[a-z]+\b", text)
            and re.match(r"(?i)to\s+[a-z]+\b", cur.parts[0])
        ):
            # "RESOLVED;" / "To adopt the Annual Governance Statement" / "To approve the
            # Statement of Accounts": verb-first decisions one a line, their stops left off
            self._new_item((), text, line, False)
            return True
        if text[:1].islower() or (
            blank == 0 and not ends_sentence(cur.parts[-1]) and not _new_paragraph(cur, text)
        ):
            cur.parts.append(text)
            return True
        if not cur.path and not self.stack and self._item_like(text):
            self._new_item((), text, line, False)
            return True
        return False

    def wraps_into(self, text: str, blank: int) -> bool:
        """Is `text` the wrapped rest of the current item's last line?"""
        cur = self.current
        return (
            not blank
            and cur is not None
            and bool(cur.parts)
            and text[:1].islower()
            and not cur.parts[-1].rstrip().endswith((".", ";", ":"))
        )

    def _item_like(self, text: str) -> bool:
        if _THAT_RE.match(text) or _DECIDED_START_RE.match(text) or _be_clause(text):
            return True
        if self.block.intro is not None:
            return bool(_VERB_START_RE.match(text)) or text.rstrip().endswith((";", "; and"))
        return False
