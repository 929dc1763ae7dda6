"""Resolution blocks: the lines after a `Resolved:`/`AGREED`/... heading, read into numbered
items. This module holds where a block starts and ends (a whole decision on its heading's line,
the agenda's next item, a stop line) and the finishing of its items (numbers by position, empty
items, a lead-in with no items); the list itself is read by `item_lists`, items on one line are
split by `inline_items`, and lists of data are told from decisions by `block_data`."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .block_data import data_under_decisions, data_under_intro, lead_ins_over_items
from .block_model import Block, RawItem
from .inline_items import lettered_lines, split_inline_items
from .item_lists import ItemParser
from .markers import parse_marker
from .models import Uncertainty
from .patterns import Heading
from .prose_sentences import decision_sentence, prose_sentences
from .text import Line

_BULLETED_RE = re.compile(r"^[\u00b7\u2022\u25aa\u25cf\uf0b7*]\s+")
_DASHED_RE = re.compile(r"^-\s+")


def _next_is_item(
    lines: Sequence[Line], i: int, stop: Callable[[Line], bool], no_para: bool = False
) -> bool:
    for k in range(i, len(lines)):  # not lines[i:]: a copy of the page's rest each call
        ln = lines[k]
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
    # "... the following minutes be confirmed:- Full Council 4th December ...": ":-" too
    r"(?P<lead>\b(?:the\s+following(?:\s+[a-z]+){0,3}|as\s+follows)\s*:-?)\s+"
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


# "Agreed as a true record" then "- The bench has been repaired." or "MATTERS ARISING": a decision
# whole on its line, then bullets reporting what was done, or the next heading in capitals
_OPEN_END_RE = re.compile(r"(?:[:,\-\u2013]|:-|\b(?:that|to|and|or|of|the|following))\s*$", re.I)
_CAPS_TITLE_RE = re.compile(r"^(?=.*[A-Z]{2})[A-Z0-9][A-Z0-9 &'\u2019,/()\-]{3,80}$")
_REPORT_BULLET_RE = re.compile(
    r"^(?:[-\u00b7\u2022\u25aa\u25cf\uf0b7*]\s+)(?!(?:that|to|not\s+to)\b)(?-i:[A-Z])"
    r"(?![^.;]*\bbe\s+[a-z]+(?:ed|en)\b)[^.;]*\b(?:has|have|had|was|were|is|are|reported|stated)\b",
    re.I,
)


# "RESOLVED – Members ... would be attending ..." then "The Chairman advised that ...": a new
# sentence reporting what someone said ends the decision, though its line had no full stop
_REPORTED_START_RE = re.compile(
    r"^(?:The\s+)?(?:[A-Z][\w'\u2019.\-]*\s+){1,4}(?:also\s+)?(?:advised|reported|said|stated|"
    r"explained|informed|asked|thanked|confirmed|suggested|commented|highlighted|mentioned|queried|"
    r"updated|outlined|expressed|welcomed|raised|requested|added|replied|responded)\b"
)


def _reported_after(lines: Sequence[Line], i: int) -> bool:
    """Does lines[i] open a sentence reporting what someone said, after a line that ends no
    clause open ("... with Mr T Law" / "The Chairman advised ...")?"""
    k = i - 1
    while k >= 0 and not lines[k].text:
        k -= 1
    if k < 0 or _OPEN_END_RE.search(lines[k].text):
        return False
    return bool(_REPORTED_START_RE.match(lines[i].text))


def _decision_then_reports(inline: str, lines: Sequence[Line], i: int) -> bool:
    """A decision complete on its keyword's line ("Agreed as a true record"), followed by a
    bullet reporting what was done or a heading in capitals: what follows is not its list."""
    t = inline.strip()
    if len(t.split()) < 3 or _OPEN_END_RE.search(t):
        return False
    for k in range(i, len(lines)):  # not lines[i:]: a copy of the page's rest each call
        ln = lines[k]
        if ln.text:
            return bool(_CAPS_TITLE_RE.match(ln.text) or _REPORT_BULLET_RE.match(ln.text))
    return False


def _next_item_rest(lines: Sequence[Line], i: int, stop: Callable[[Line], bool]) -> str | None:
    """The text of the next numbered line after i (before any other text), if one comes."""
    for k in range(i, len(lines)):  # not lines[i:]: a copy of the page's rest each call
        ln = lines[k]
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
    p = ItemParser(block)
    lettered = lettered_lines(lines, idx, heading.inline)
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
    if (
        heading.inline
        and len(split_inline_items(heading.inline)) == 1
        and _decision_then_reports(heading.inline, lines, idx + 1)
    ):
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
        if block.items and _furniture_before_item(lines, i, stop, block.items[-1].path):
            i += 1  # "Page 12" / "Cabinet - 14 March 2019" between two items of the list
            continue
        if stop(ln) and not p.wraps_into(ln.text, blank):
            break
        if _next_summons_item(heading.inline, ln, i == first):
            break
        if block.items and _reported_after(lines, i):
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


# a printed page's furniture: its number ("Page 12", "- 12 -", "Page 12 of 20", "12") and its
# running header, the meeting's body and date ("Cabinet - 14 March 2019", "Cabinet 14/03/2019")
_FURNITURE_RE = re.compile(
    r"^(?:page\s+\d{1,3}(?:\s+of\s+\d{1,3})?|-\s*\d{1,3}\s*-|\d{1,3})$"
    r"|^(?:[A-Z][\w&',]*\s+){1,6}?(?:-\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:january|february|march|"
    r"april|may|june|july|august|september|october|november|december)\s+\d{4}"
    r"|\d{1,2}/\d{1,2}/\d{2,4})$",
    re.I,
)


def _furniture_before_item(
    lines: Sequence[Line], i: int, stop: Callable[[Line], bool], last: tuple[str, ...]
) -> bool:
    """Is unit i page furniture, with only furniture between it and the list's next item (the
    one numbered after `last`, the list's last item so far)?"""
    k = i
    while k < len(lines) and (not lines[k].text or _FURNITURE_RE.match(lines[k].m)):
        k += 1
    if k == i or k >= len(lines) or not _FURNITURE_RE.match(lines[i].m):
        return False
    mk = parse_marker(lines[k].text, lines[k].m)
    if mk is None or mk.fmt == "bullet" or stop(lines[k]) or not last:
        return False
    top, label = last[0], mk.label
    if top.isdigit() and label.isdigit():
        return int(label) == int(top) + 1
    return len(top) == len(label) == 1 and top.isalpha() and ord(label) == ord(top) + 1


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


def _prose_to_sentence(block: Block) -> None:
    """A body's decision in prose ends at its sentence ("The Council RESOLVED to sign the
    contract. Clerk to action ..."); a next decision of the same form is its own item."""
    if len(block.items) != 1 or block.items[0].path:
        return
    item = block.items[0]
    parts = prose_sentences(block.heading_text, item.text)
    if parts is None:
        cut = decision_sentence(item.text)
        if cut is not None:
            # "RESOLVED to co-opt X. MM noted that she would forward ...": the decision ends at
            # its sentence; what follows reports what was said or done after it
            block.unsure.append(
                Uncertainty(
                    item.line,
                    item.text[len(cut) :].strip(),
                    "follows the decision in its paragraph: a report of what was said or done, "
                    "not part of the decision",
                )
            )
            item.parts = [cut]
        return
    item.parts = [parts[0]]
    block.items += [RawItem((), [p], item.line) for p in parts[1:]]


def _finish(block: Block) -> None:
    """Number unnumbered items and record what had to be guessed."""
    _prose_to_sentence(block)
    data_under_decisions(block)
    lead_ins_over_items(block)
    data_under_intro(block)
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
