"""Line classes outside the resolution blocks: the labels and next-item titles that end a block,
the "Minutes:" line, a decision or action word nothing read (for the unsure list), and the
sentence around a match."""

from __future__ import annotations

import re

from .text import holds_any

# Labels and closing lines of a minutes page: never an item title.
LABEL_RE = re.compile(
    r"^(?:supporting\s+documents?|background\s+papers|attachments?\b|appendices\b"
    r"|minutes\s*:?\s*$|reasons?\s+for\s+(?:the\s+)?(?:decisions?|recommendations?)"
    r"|alternative\s+options|(?:the\s+)?meeting\s+(?:ended|closed|finished|concluded|terminated"
    r"|was\s+closed|rose)|(?:the\s+)?(?:chair|chairman|chairperson)\s+(?:closed|thanked|declared)"
    r"|(?:chair|chairman|chairperson)\s*:?\s*$|signed\b|agenda\s+item\b|publication\s+date"
    r"|date\s+of\s+decision|decision\s+maker|wards?\s+affected|report\s+author|lead\s+officer"
    r"|contact\s+officer|voting\b|votes?\s*:|(?:for|against|abstentions?|abstained)\s*:"
    r"|subject\s+to\s+call[\s-]*in|effective\s+from|relevant\s+documents"
    r"|links?\s+to\s+(?:relevant\s+)?documents|documents?\s*:|present\s*:|in\s+attendance\b"
    r"|apologies(?:\s+for\s+absence)?\s*(?::|-)\s*\S|apologies\s+(?:were|was|had|have)\b"
    r"|decided\s+at\s+meeting|decision\s+status|is\s+key\s+decision|is\s+subject\s+to\s+call"
    r"|recommend\s+to\s+council|decision\s+published)",
    re.I,
)


# The standing items of an agenda ("Apologies for absence", "Declarations of Interest",
# "Minutes of the previous meeting" ...): they end the block above them (they are the next
# item), but on their own after "Agenda item" (or first on the page) they are the item's title.
NEXT_ITEM_RE = re.compile(
    r"^(?:minutes\s+of\s+the\b|date\s+of\s+(?:the\s+)?next\s+meeting|next\s+meeting\s*(?::|-|$)"
    r"|declarations?\s+of\s+interests?|interests\s+(?:and|&)\s+dispensations|item\s+\d+\b"
    r"|exclusion\s+of\s+(?:the\s+)?(?:press|public)|any\s+other\s+business|apologies\b"
    r"|call[\s-]+in\b|min(?:ute)?\.?\s+(?:no\.?\s*)?\d{1,3}(?:/\d{2,4})?\b)",
    re.I,
)


def ends_block(m: str) -> bool:
    """Does this (matchable) text start with a label or with the title of the next item?"""
    return bool(LABEL_RE.match(m) or NEXT_ITEM_RE.match(m))


MINUTES_LINE_RE = re.compile(r"^minutes\s*:?\s*$", re.I)


_STRAY_RES = (
    re.compile(r"\b(?:resolved|agreed|recommended|decided)\s+(?:that|to|unanimously)\b", re.I),
    re.compile(r"\b(?:RESOLVED|AGREED|RECOMMENDED|DECIDED|RESOLUTION|DECISION)\b"),
    re.compile(r"^(?:\W{0,3}\s*)(?:resolved|agreed|recommended|decided)\b", re.I),
    re.compile(r"\bACTIONS?\b"),
    re.compile(r"\baction(?:s|\s+point)?\s*(?::|\s-)\s*\S", re.I),
    re.compile(r"^\W{0,3}actions?\b", re.I),  # a line opening "Action ..." that nothing read
    re.compile(r"\baction\s+(?:no\.?\s*)?\d{1,3}(?:\.\d{1,3})?\s*:", re.I),  # "Action 3.02:"
    # "The minutes ... were agreed as a correct record": an outcome reported in the passive is
    # not read as a resolution (another verb, no keyword), so the reviewer is shown it
    re.compile(r"\b(?:was|were)\s+(?:\w+\s+){0,3}?(?:agreed|resolved|decided|carried)\b", re.I),
)


_ACTION_HEADING_RE = re.compile(
    r"^\W*(?:agreed\s+)?actions?\s+(?:log|plan|tracker|list|register|sheet|points?|arising|"
    r"from\s+(?:the\s+)?(?:last|previous))\b[^.]{0,60}$",
    re.I,
)


# a word one of them needs (each is written out in full above)
_STRAY_WORDS = ("resol", "agreed", "recommended", "decid", "decision", "action", "carried")
_STRAY_WORD_RE = re.compile("|".join(_STRAY_WORDS), re.I)


def stray_decision(m: str) -> re.Match[str] | None:
    """The first decision/action word in a line outside any recognised block, if any."""
    if not holds_any(m, _STRAY_WORDS, _STRAY_WORD_RE):
        return None
    if _ACTION_HEADING_RE.match(m):
        return None  # "ACTION LOG", "Actions arising": headings, not actions
    best = None
    for rx in _STRAY_RES:
        hit = rx.search(m)
        if hit and (best is None or hit.start() < best.start()):
            best = hit
    return best


# a full stop that ends an abbreviation ("e.g. dates", "Cllr. Hughes", "J. Smith"), not a sentence
_ABBREVIATION_END_RE = re.compile(
    r"(?:\b(?:e\.g|i\.e|viz|cf|approx|Mr|Mrs|Ms|Dr|Cllr|Cllrs|Rev|Prof)|(?<![\w.])[A-Z])$"
)


def sentence_around(text: str, start: int, end: int, limit: int = 300) -> str:
    """The sentence of `text` containing [start, end), shortened to `limit` characters."""
    left, pos = 0, start
    while True:
        stop = max(text.rfind(". ", 0, pos), text.rfind("? ", 0, pos), text.rfind("; ", 0, pos))
        if stop >= 0 and text[stop] == "." and _ABBREVIATION_END_RE.search(text[:stop]):
            pos = stop
            continue
        left = 0 if stop < 0 else stop + 2
        break
    right, pos = len(text), end
    while True:
        stops = [i for i in (text.find(". ", pos), text.find("; ", pos)) if i >= 0]
        if not stops:
            break
        stop = min(stops)
        if text[stop] == "." and _ABBREVIATION_END_RE.search(text[:stop]):
            pos = stop + 1
            continue
        right = stop + 1
        break
    s = text[left:right].strip()
    if len(s) > limit:
        s = s[: limit - 1].rstrip() + "\u2026"
    return s
