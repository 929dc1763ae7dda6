"""Resolution blocks: the lines after a `Resolved:`/`AGREED`/... heading, read into numbered
items (with nesting, roman/letter ambiguity, bullets and wrapped continuation lines)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .models import Uncertainty
from .patterns import INLINE_MARKER_RE, Heading, Marker, parse_marker
from .prose_sentences import prose_sentences
from .text import Line, collapse, matchable

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
_BULLETED_RE = re.compile(r"^[\u00b7\u2022\u25aa\u25cf\uf0b7*]\s+")
_DASHED_RE = re.compile(r"^-\s+")


@dataclass
class RawItem:
    path: tuple[str, ...]  # () for an unnumbered item
    parts: list[str]
    line: int
    assigned: bool = False  # the number was given by position (bullets)

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


@dataclass
class _Level:
    style: str
    fmt: str
    last: object
    parent: tuple[str, ...]
    count: int = 0


def _is_next(style: str, last: object, value: object) -> bool:
    if style == "bullet":
        return True
    if style == "para":
        a, b = last, value
        if not isinstance(a, tuple) or not isinstance(b, tuple) or len(a) != len(b):
            return False
        return bool(a[:-1] == b[:-1] and b[-1] == a[-1] + 1 or (b[0] == a[0] + 1 and b[-1] == 1))
    return isinstance(last, int) and isinstance(value, int) and value == last + 1


def _is_first(style: str, value: object) -> bool:
    if style == "bullet":
        return True
    if style == "para":
        return isinstance(value, tuple) and value[-1] == 1
    return value == 1


def _ends_sentence(text: str) -> bool:
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


class _Parser:
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
                if lvl.style == style and lvl.fmt == fmt and _is_next(style, lvl.last, value):
                    return sibling(depth, style, value)
        # 2. the first item of a new list nested under the current item
        if self.current is not None and self.current.path:
            for style, value in cands:
                if _is_first(style, value) and not any(
                    lvl.style == style and lvl.fmt == fmt for lvl in stack
                ):
                    return push(style, value, self.current.path)
        if mk.fmt == "space":
            if not stack and any(s == "para" or _is_first(s, v) for s, v in cands):
                return push(cands[0][0], cands[0][1], ())
            return None
        # 3. the next value of an open list written differently ("1." then "2)")
        for depth in range(len(stack) - 1, -1, -1):
            for style, value in cands:
                if stack[depth].style == style and _is_next(style, stack[depth].last, value):
                    return sibling(depth, style, value)
        # 4. any value of an open list written the same way (gaps, repeats)
        for depth in range(len(stack) - 1, -1, -1):
            for style, value in cands:
                if stack[depth].style == style and stack[depth].fmt == fmt:
                    return sibling(depth, style, value)
        # 5. the first list of the block, unless a complete unnumbered resolution came first
        done = self.current is not None and _ends_sentence(self.current.text)
        # "The Board resolved:" / "In terms of Section 50 ..., to exclude the press ... ." /
        # "(i) to move the report ..." / "(ii) consider Items 10 and 11 ...": a bracketed list
        # from its first value whose items go on in lower case continues the decision
        first = next(((s, v) for s, v in cands if _is_first(s, v)), None)
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
        if text[:1].islower() or (
            blank == 0 and not _ends_sentence(cur.parts[-1]) and not _new_paragraph(cur, text)
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
        if _THAT_RE.match(text) or _DECIDED_START_RE.match(text):
            return True
        if self.block.intro is not None:
            return bool(_VERB_START_RE.match(text)) or text.rstrip().endswith((";", "; and"))
        return False


# "It was resolved to: A Note the change ... . B Note the appointment ...": capital letters with
# no bracket or stop, each starting a sentence (after the lead-in's colon or the item before)
_BARE_LETTER_RE = re.compile(r"(?:(?<=[.;:]\s)|^)(?P<letter>[A-H])\s(?=[A-Z][a-z]+\s)")


def _bare_letters(text: str) -> list[str]:
    """Split a lead-in's items lettered "A", "B", "C" ... in turn (two or more, from "A" right
    after the lead-in's colon) into pieces; anything else stays whole ("A Note was tabled.")."""
    chain: list[int] = []
    for h in _BARE_LETTER_RE.finditer(text):
        want = chr(ord("A") + len(chain))
        if h.group("letter") != want:
            continue
        if not chain and not re.search(r":\s$", text[: h.start()]):
            continue
        chain.append(h.start())
    if len(chain) < 2:
        return [text]
    cuts = [0, *chain, len(text)]
    pieces = [text[a:b].strip() for a, b in zip(cuts, cuts[1:], strict=False)]
    # each lettered piece written "A) ..." so that it is read as the lead-in's item "A"
    return [p if k == 0 else f"{p[0]}){p[1:]}" for k, p in enumerate(pieces) if p]


_LEAD_IN_A_RE = re.compile(r"^(?:(?:to|that)\s*)?:\s+A\s(?=[A-Z][a-z]+\s)")


def _lettered_lines(lines: Sequence[Line], idx: int, inline: str) -> Sequence[Line]:
    """ "It was resolved to: A Note ..." then "B Note ..." / "C Note ..." on the lines after it
    (a flattened page cut at its sentences): the items lettered without brackets, each line
    rewritten "B) ..." so that it is read as the lead-in's item (and "A" too, by
    `_bare_letters`)."""
    if not _LEAD_IN_A_RE.match(inline):
        return lines
    out = list(lines)
    want = "B"
    for k in range(idx + 1, len(lines)):
        t = lines[k].text
        if not t:
            continue
        if not re.match(rf"{want}\s[A-Z][a-z]+\s", t):
            break
        out[k] = Line(lines[k].no, lines[k].raw, f"{want}){t[1:]}", f"{want}){lines[k].m[1:]}")
        want = chr(ord(want) + 1)
    return out if want > "B" else lines


def split_inline_items(text: str) -> list[str]:
    """Split "1) That A. 2) That B." (or "That the Committee: (a) ...; (b) ...", or "that (a)
    ...; (b) ..." with two items or more) into pieces."""
    m = matchable(text)
    hits = list(INLINE_MARKER_RE.finditer(m))
    if not hits:
        return _bare_letters(text)
    chain: list[int] = []
    prev: tuple[str, object, str] | None = None
    for h in hits:
        mk = parse_marker(text[h.start() :], m[h.start() :])
        if mk is None:
            continue
        if prev is None:
            if h.start() != 0 and not re.search(r"(?:[:\-]|\bthat)\s*$", m[: h.start()], re.I):
                continue
            for style, value in mk.candidates:
                if _is_first(style, value):
                    prev = (style, value, mk.fmt)
                    chain.append(h.start())
                    break
            continue
        for style, value in mk.candidates:
            if style == prev[0] and mk.fmt == prev[2] and _is_next(style, prev[1], value):
                prev = (style, value, mk.fmt)
                chain.append(h.start())
                break
    if not chain or (
        len(chain) < 2 and (chain[0] == 0 or not re.search(r"[:\-]\s*$", m[: chain[0]]))
    ):
        return [text]  # one marker after "that" may be prose: "notes that (a) is ..."
    cuts = ([0] if chain[0] != 0 else []) + chain + [len(text)]
    return [p for p in (text[a:b].strip() for a, b in zip(cuts, cuts[1:], strict=False)) if p]


def _next_is_item(
    lines: Sequence[Line], i: int, stop: Callable[[Line], bool], no_para: bool = False
) -> bool:
    for ln in lines[i:]:
        if not ln.text:
            continue
        mk = parse_marker(ln.text, ln.m)
        if mk is None or stop(ln):
            return False
        return not (no_para and mk.candidates[0][0] == "para")
    return False


# a lead-in announcing a list ("the following amendment:", "as follows:") with the list's data
# glued after it on the same line, its bullets lost: the lead-in is the decision (the README's
# batch 7 reading), the data are not clauses of their own
_DATA_AFTER_LEAD_RE = re.compile(
    r"(?P<lead>\b(?:the\s+following(?:\s+[a-z]+){0,2}|as\s+follows)\s*:)\s+"
    r"(?!(?:\(?[a-z0-9]{1,3}[.)]\s|that\b|to\s+[a-z]+\b))\S"
)


# a decision complete in itself: "that these minutes be agreed as a true record", "that the Board
# note the report" (not a lead-in: "That the Committee:", "that:", "RESOLVED - that the Council")
_WHOLE_CLAUSE_RE = re.compile(
    r"^that\s+\S.*?(?:\bbe\s+[a-z]+(?:ed|en)\b|\b(?:the\s+)?(?:board|committee|council|panel|"
    r"group|cabinet|partnership)\s+(?:note|notes|approve|approves|agree|agrees|endorse|endorses|"
    r"accept|accepts)\b)",
    re.I,
)
# a numbered line that is no clause of a decision: a directive ("Julia Hassall to contact ...",
# "AB to circulate ...") or the agenda's next item ("To hear from ...", "To receive ...")
_FOREIGN_ITEM_RE = re.compile(
    r"^(?:(?:[A-Z][\w'\u2019.\-]*\s+){1,3}(?:is\s+)?to\s+(?!be\b)[a-z]+\b"
    r"|To\s+(?:hear|receive|consider|discuss|note|approve|confirm|elect|review)\b(?![^.]*\.\s*$))"
)


def _whole_clause(text: str) -> bool:
    t = text.strip()
    return (
        len(t.split()) >= 5
        and not t.endswith((":", ":-", "-", ",", "\u2013"))
        and bool(_WHOLE_CLAUSE_RE.match(t))
    )


def _next_item_rest(lines: Sequence[Line], i: int, stop: Callable[[Line], bool]) -> str | None:
    """The text of the next numbered line after i (before any other text), if one comes."""
    for ln in lines[i:]:
        if not ln.text:
            continue
        mk = parse_marker(ln.text, ln.m)
        if mk is None or stop(ln) or mk.fmt == "bullet":
            return None
        return mk.rest.strip()
    return None


def parse_block(
    lines: Sequence[Line],
    idx: int,
    heading: Heading,
    stop: Callable[[Line], bool],
    head: Line | None = None,
) -> Block:
    """Read the block whose heading is on lines[idx] (or is `head`, a part of that line).
    `stop(line)` says a line ends any block (a new heading, an ACTION line, a table header,
    "Supporting documents:" ...)."""
    head = head or lines[idx]
    block = Block(heading, head.no, head.text)
    if (
        heading.inline
        and (
            _BULLETED_RE.match(head.text)
            # "- RESOLVED: To appoint Cllr A ..." among "- " bullets: one bullet, whole
            or (_DASHED_RE.match(head.text) and not heading.inline.rstrip().endswith((":", ":-")))
        )
        and not _BULLETED_RE.match(heading.inline)
    ):
        # "· agreed to invite ..." as one bullet of a list: the decision is that bullet alone;
        # the bullets after it are its siblings, not its items
        block.items.append(RawItem((heading.number or "",), [heading.inline], head.no))
        block.end = idx + 1
        return block
    p = _Parser(block)
    lettered = _lettered_lines(lines, idx, heading.inline)
    lines, lettered_below = lettered, lettered is not lines
    if heading.inline and _whole_clause(heading.inline):
        nxt_item = _next_item_rest(lines, idx + 1, stop)
        if nxt_item is not None and _FOREIGN_ITEM_RE.match(nxt_item):
            # "It was resolved that the Board note the report" then "1. Julia Hassall to contact
            # ...", or "Resolved, that these minutes be agreed ..." then the agenda's "4. To hear
            # from ...": the numbered line is not an item of this decision
            p.segment(heading.inline, head.no, 0, False)
            block.end = idx + 1
            _finish(block)
            return block
    if heading.inline:
        pieces = split_inline_items(heading.inline)
        if lettered_below:  # "to: A Note ..." alone on its line: "B" and the rest below it
            a = heading.inline.index("A ", heading.inline.index(":"))
            pieces = [heading.inline[:a].strip(), f"A){heading.inline[a + 1 :]}"]
        if len(pieces) == 1:
            dm = _DATA_AFTER_LEAD_RE.search(pieces[0])
            if dm:  # "... subject to the following amendment: Cllrs B Thomas ... ,  The ...":
                pieces = [pieces[0][: dm.end("lead")]]  # a list of data glued to its lead-in
        for k, piece in enumerate(pieces):
            nxt = k + 1 < len(pieces) or _next_is_item(lines, idx + 1, stop, p.no_para)
            p.segment(piece, head.no, 0, nxt)
    i, blank = idx + 1, 0
    first = next((k for k in range(idx + 1, len(lines)) if lines[k].text), -1)
    while i < len(lines):
        ln = lines[i]
        if not ln.text:
            blank += 1
            i += 1
            continue
        if stop(ln) and not p.wraps_into(ln.text, blank):
            break
        if _next_summons_item(heading.inline, ln, i == first):
            break
        pieces = split_inline_items(ln.text)
        ok = True
        for k, piece in enumerate(pieces):
            nxt = k + 1 < len(pieces) or _next_is_item(lines, i + 1, stop, p.no_para)
            if not p.segment(piece, ln.no, blank if k == 0 else 0, nxt):
                ok = False
                break
        if not ok:
            break
        blank = 0
        i += 1
    block.end = i
    _finish(block)
    return block


# "ii) To consider quotations for ... and resolve which to accept.": the summons' words of the
# next part of the item
_SUMMONS_ITEM_RE = re.compile(r"^To\s+(?:consider|receive|discuss)\b")


def _next_summons_item(inline: str, ln: Line, first: bool = False) -> bool:
    """After a decision whole on its heading's line ("RESOLVED to accept quote A."), a marked
    line in the summons' words ("ii) To consider ...") is the next part of the item, not an
    item of that decision (under a lead-in ending ":" it would be one). So is the first line
    after it when numbered past where a list starts ("It was Resolved: Cllr Jackson to chair
    the meeting" then "31. To note apologies ..."): a decision's own list starts at 1."""
    if not inline or inline.rstrip().endswith((":", ":-", "-", ",")):
        return False
    mk = parse_marker(ln.text, ln.m)
    if mk is None or mk.fmt == "bullet":
        return False
    if first and mk.label.isdigit() and int(mk.label) > 2 and _FOREIGN_ITEM_RE.match(mk.rest):
        return True
    return _SUMMONS_ITEM_RE.match(mk.rest) is not None


# "d) That the proposals ... be endorsed and that the Committee be requested to approve
# appointments on the following basis:-": a decision in its own words whose sub-items are its data
# "... that the precept for 2018/19 be agreed as:" / "be set as:" over "- Bridgend - £441" rows
_DATA_LEAD_ITEM_RE = re.compile(
    r"\bbe\s+(?:[a-z]+(?:ed|en)|set|put|made|held|paid|kept|met)\b.*"
    r"\b(?:on\s+the\s+following\s+basis|as(?:\s+follows)?|the\s+following(?:\s+[a-z]+){0,3})"
    r"\s*:-?$",
    re.I,
)


def _data_under_decisions(block: Block) -> None:
    for lead in list(block.items):
        if not lead.path or not _DATA_LEAD_ITEM_RE.search(lead.text):
            continue
        n = len(lead.path)
        for kid in [k for k in block.items if len(k.path) > n and k.path[:n] == lead.path]:
            block.items.remove(kid)
            block.unsure.append(
                Uncertainty(
                    kid.line,
                    kid.text,
                    "an item of the data the decision above lists ('on the following basis:'), "
                    "not a decision of its own",
                )
            )


# "RESOLVED that the following accounts be approved for payment:" over "£270 - DC Gardening":
# a lead-in that decides on a list of data (sums, dates, names) is itself the decision
_DATA_INTRO_RE = re.compile(
    r"\bthe\s+following\s+(?:[a-z]+\s+){1,3}?(?:be|are|were)\s+(?:[a-z]+\s+)?[a-z]+(?:ed|en)\b"
    r"[^:]{0,80}:-?$",
    re.I,
)
# "Council NOTED" alone on its line over the rows: the line is the lead-in
_KEYWORD_ALONE_RE = re.compile(r"^\W*(?:[A-Z][a-z]+\s+){0,3}(?:NOTED|APPROVED|RESOLVED|AGREED)\W*$")
_CLAUSE_ITEM_RE = re.compile(r"^(?:that\b|to\s+[a-z]+\b|[a-z]+ed\b)", re.I)


# "Council NOTED the following payments:" / "- Greens Ltd £240" / "- Clerk's salary £400": rows
# of sums with no verb are the list's data whatever the lead-in says (batch 17's accounts)
_SUM_ROW_RE = re.compile(r"[\u00a3$\u20ac]\s?\d")
_ROW_VERB_RE = re.compile(
    r"\b(?:be|is|are|was|were|will|would|should|shall|has|have|had|agreed|approved|resolved"
    r"|noted)\b",
    re.I,
)


def _sum_rows(items: list[RawItem]) -> bool:
    return len(items) >= 2 and all(
        _SUM_ROW_RE.search(it.text)
        and not _ROW_VERB_RE.search(it.text)
        and not it.text[:1].islower()  # "approve a grant of £200 ...": verb-first, a clause
        and len(it.text.split()) <= 14
        for it in items
    )


def _data_under_intro(block: Block) -> None:
    if not block.items:
        return
    # a grant list under "AGREED:" ("(a) £200 to the fete committee") is decisions; rows of sums
    # that the meeting noted, or that a lead-in calls "the following ...", are data
    sums = _sum_rows(block.items) and bool(
        block.heading.keyword == "noted"
        or re.search(r"\bthe\s+following\b", block.intro or block.heading_text, re.I)
    )
    if not sums and (not block.intro or not _DATA_INTRO_RE.search(block.intro)):
        return
    if any(_CLAUSE_ITEM_RE.match(it.text) for it in block.items):
        return  # "the following recommendations be approved: (a) That ...": clauses
    if not block.intro and not (sums and _KEYWORD_ALONE_RE.search(block.heading_text)):
        return
    for it in block.items:
        block.unsure.append(
            Uncertainty(
                it.line,
                it.text,
                "an item of the data the decision above lists ('the following ... be ...:', rows of "
                "sums), "
                "not a decision of its own",
            )
        )
    number = (block.heading.number or "",)
    block.items = [RawItem(number, [block.intro or block.heading_text.strip()], block.line)]
    block.intro = None


def _prose_to_sentence(block: Block) -> None:
    """A body's decision in prose ends at its sentence ("The Council RESOLVED to sign the
    contract. Clerk to action ..."); a next decision of the same form is its own item."""
    if len(block.items) != 1 or block.items[0].path:
        return
    item = block.items[0]
    parts = prose_sentences(block.heading_text, item.text)
    if parts is None:
        return
    item.parts = [parts[0]]
    block.items += [RawItem((), [p], item.line) for p in parts[1:]]


def _finish(block: Block) -> None:
    """Number unnumbered items and record what had to be guessed."""
    _prose_to_sentence(block)
    _data_under_decisions(block)
    _data_under_intro(block)
    unnumbered = [it for it in block.items if not it.path]
    if len(unnumbered) == 1:
        unnumbered[0].path = (block.heading.number,) if block.heading.number else ("",)
    elif unnumbered:
        for n, it in enumerate(unnumbered, start=1):
            it.path = (str(n),)
            it.assigned = True
    if any(it.assigned for it in block.items):
        block.unsure.append(
            Uncertainty(
                block.line,
                block.heading_text,
                "the resolutions under this heading are not numbered (bullets or plain "
                "paragraphs); numbers were assigned by position",
            )
        )
    empty = [it for it in block.items if not it.text]
    for it in empty:
        block.unsure.append(
            Uncertainty(it.line, ".".join(it.path), "numbered item with no text after it")
        )
        block.items.remove(it)
    if not block.items:
        if block.intro:
            block.items.append(RawItem((block.heading.number or "",), [block.intro], block.line))
            block.unsure.append(
                Uncertainty(
                    block.line,
                    block.intro,
                    "the heading introduces a list of resolutions but no items follow; "
                    "the introduction was kept as the resolution",
                )
            )
            block.intro = None
        else:
            block.unsure.append(
                Uncertainty(
                    block.line,
                    block.heading_text,
                    "a resolution heading with no resolution text after it",
                )
            )
