"""What the learnt action model reads: the spans of a page (each sentence of each unit), their
features, and the owner candidates in and around a span with theirs.

Every feature is a name a reader can check on the page ("a leading owner, then 'to' and a task
verb", "ends with initials", "in an action log", "row cells: 3"). No body's name and no string
of one page is a feature: words are kept only when they are a task verb from `owners.IMPERATIVES`
or a label word ("action", "owner", "lead", "responsible"), so what is learnt on one council's
minutes can be tried on another's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..owners import IMPERATIVES, is_agent, split_owner
from ..persons import _somebody
from ..scoring import sentences
from ..segment import Segmented

# a span longer than this is a paragraph, not one task: it gets a feature, not a read
LONG = 60


@dataclass(frozen=True)
class Span:
    """A piece of a unit: a sentence, or a cell or clause of one when the sentence is a table
    row or several tasks run together; with the pieces either side of it."""

    index: int  # the unit
    text: str
    first: bool  # the unit's first piece
    before: str  # the piece before (in this unit, else the unit before's last words)
    after: str  # the piece after (in this unit, else the next unit's first words)
    cells: int  # how many cells the piece's sentence has (1: not a row)


@dataclass(frozen=True)
class OwnerCandidate:
    """Who may own the task of a span, where it was read, and the task it leaves."""

    owner: str
    where: str  # "lead", "trail", "bracket", "label", "cell", "next", "none"
    task: str
    names: frozenset[str]


# where a sentence holds several pieces: a cell separator, an "Action:" label or an owner
# followed by " to <verb>" after a dash ("... nothing new - TB to liaise with ..."), a numbered
# paragraph run on ("... the hedge. 3.2 Clerk to ...")
_CELL_RE = re.compile(r"\s+/\s+|\s*\|\s*|\t")
_PIECE_RE = re.compile(
    r"\s+(?=(?i:actions?)\b\s*(?:\d[\d.]*\s*)?[:\-\u2013]?\s*[A-Z][\w.'\u2019]*"
    r"(?:\s+[A-Z&][\w.'\u2019]*){0,3}\s+(?:to|will)\s+[a-z])"
    r"|\s[\-\u2013\u2014]\s+(?=[A-Z][\w.'\u2019]*(?:\s+[A-Z&][\w.'\u2019]*){0,3}\s+(?:to|will)\s+[a-z])"
    r"|(?<=[a-z.)])\s+(?=\(?\d{1,3}(?:\.\d{1,3})+\)?\s+[A-Z])"
    # "... if broken up Water tank IJ to send letter ...": initials and their verb run on
    r"|(?<=[a-z0-9,])\s+(?=(?:[A-Z][\w']+\s+){0,3}?[A-Z]{2,4}(?:\s*[/&]\s*[A-Z]{2,4})?\s+"
    r"(?:to|will|is\s+to)\s+[a-z])"
)


def _pieces(sentence: str) -> list[tuple[str, int]]:
    cells = [c.strip() for c in _CELL_RE.split(sentence) if c.strip()]
    out = []
    for c in cells:
        out += [(p.strip(), len(cells)) for p in _PIECE_RE.split(c) if p.strip()]
    return out


_SHORTEST = 8  # characters: a shorter piece is not read


def spans(seg: Segmented, units: list[int]) -> list[Span]:
    """The pieces of the given units, in order."""
    out: list[Span] = []
    for i in units:
        text = seg.lines[i].text
        if len(text) < _SHORTEST:
            continue  # no piece of it is long enough to be read
        pieces = [pc for _, sent in sentences(text) for pc in _pieces(sent)]
        for k, (piece, cells) in enumerate(pieces):
            if len(piece) < _SHORTEST:
                continue
            before = pieces[k - 1][0] if k else (seg.lines[i - 1].text[-120:] if i else "")
            nxt = i + 1 < len(seg.lines)
            after = (
                pieces[k + 1][0]
                if k + 1 < len(pieces)
                else (seg.lines[i + 1].text[:120] if nxt else "")
            )
            out.append(Span(i, piece, k == 0, before, after, cells))
    return out


_IMPERATIVE = "|".join(sorted(IMPERATIVES))
_LEAD_TO_RE = re.compile(
    r"^(?P<owner>[^.;:]{1,60}?)\s+(?:to|will|(?:was|were|is|are)\s+(?:asked\s+)?to)\s+"
    r"(?P<verb>[a-z][\w-]*)\b"
)
_TO_VERB_RE = re.compile(rf"\bto\s+(?:{_IMPERATIVE})\b", re.I)
_TO_BE_RE = re.compile(r"\b(?:to|will|would)\s+be\s+\w+ed\b", re.I)
_INITIALS = r"[A-Z]{2,4}"
_TRAIL_RE = re.compile(
    rf"(?:^|[\s\-\u2013\u2014/:,(])(?P<owner>{_INITIALS}(?:\s*(?:/|,|&|and)\s*{_INITIALS})*)"
    r"\s*\)?\s*[.;]?\s*$"
)
_TRAIL_DASH_RE = re.compile(
    r"\s[\-\u2013\u2014]\s*(?P<owner>(?:the\s+)?[A-Z][\w.'\u2019]*(?:\s+[A-Z&][\w.'\u2019]*){0,4})"
    r"\s*\.?\s*$"
)
_BRACKET_RE = re.compile(
    rf"\((?:action\s*[:\-]?\s*)?(?P<owner>{_INITIALS}(?:\s*(?:/|,|&|and)\s*{_INITIALS})*"
    r"|(?:the\s+)?(?:Clerk|Chair|Chairman|Secretary|Treasurer)|(?:Cllr|Councillor)\.?\s+[A-Z]\w+)"
    r"\s*\)",
    re.I,
)
_LABEL_RE = re.compile(
    r"\b(?P<label>(?i:actions?|owner|lead|responsible|by\s+whom))\s*(?:\d[\d.]*\s*)?"
    r"[:\-\u2013]\s*(?P<owner>(?i:the\s+)?[A-Z][^.;]{0,80})",
)
_DATE_RE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
    r"|\b(?:asap|ongoing|next\s+meeting)\b",
    re.I,
)
_PROPOSED_RE = re.compile(r"\b(?:proposed|seconded|prop|sec)\b", re.I)
_DECIDED_RE = re.compile(r"\b(?:resolved|agreed|decided|approved)\b", re.I)
_SECTION_ACTION_RE = re.compile(r"\baction|\bmatters\s+arising\b|\bnext\s+steps\b", re.I)
_INITIALS_ONLY_RE = re.compile(rf"^{_INITIALS}(?:\s*(?:/|,|&|and)\s*{_INITIALS})*$")
_TITLED_RE = re.compile(r"^(?:Cllrs?|Councillors?|Mr|Mrs|Ms|Dr|Cyng|Prof)\b\.?\s", re.I)
_ROLE_RE = re.compile(
    r"\b(?:clerk|chair|chairman|chairperson|secretary|treasurer|officer|director|manager|head|"
    r"lead|team|members?|councillors?|all|secretariat|administrator|coordinator)\b",
    re.I,
)


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


def owner_shape(owner: str) -> list[str]:
    """What an owner phrase looks like, in words."""
    o = owner.strip()
    if not o:
        return ["shape: nobody"]
    shapes = []
    if _INITIALS_ONLY_RE.match(o):
        shapes.append("shape: initials")
    if _TITLED_RE.match(o):
        shapes.append("shape: titled person")
    if _ROLE_RE.search(o):
        shapes.append("shape: role word")
    if o.lower().startswith("the "):
        shapes.append("shape: 'the' first")
    if not shapes and re.fullmatch(r"[A-Z][a-z'\u2019-]+", o):
        shapes.append("shape: one capitalised word")
    if not shapes and re.fullmatch(r"[A-Z][a-z'\u2019-]+(?:\s+[A-Z][a-z'\u2019-]+){1,2}", o):
        shapes.append("shape: capitalised words")
    if not shapes:
        shapes.append("shape: other")
    if is_agent(o):
        shapes.append("is an agent (role, body or person)")
    if _somebody(o):
        shapes.append("reads as somebody")
    shapes.append(f"owner words {_bucket(len(o.split()), (1, 3, 6))}")
    return shapes


def _section_is_actions(seg: Segmented, i: int) -> bool:
    for k in range(i, max(-1, i - 40), -1):
        if k in seg.headings:
            return bool(_SECTION_ACTION_RE.search(seg.lines[k].text[:80]))
    return False


def span_features(seg: Segmented, sp: Span, firsts: frozenset[str]) -> frozenset[str]:
    """The features of one span, as names."""
    t = sp.text
    words = t.split()
    f = {f"words {_bucket(len(words), (3, 8, 20, LONG))}"}
    lead = _LEAD_TO_RE.match(t)
    if lead:
        owner, verb = lead.group("owner"), lead.group("verb").lower()
        f.add("leading phrase, then 'to' or 'will'")
        if verb in IMPERATIVES:
            f.add("leading phrase, then 'to' and a task verb")
            f.add(f"task verb: {verb}")
        if verb == "be":
            f.add("leading phrase, then 'to be'")
        f.update(f"leading {s}" for s in owner_shape(owner))
        if owner.split()[0] in firsts:
            f.add("leading first name from the attendance list")
        shape = owner_shape(owner)[0]
        word = lead.group(0).split()[-2].lower()
        f.add(f"leading {shape}, then '{word}'")
        if verb in IMPERATIVES:
            f.add(f"leading {shape}, then '{word}' and a task verb")
    split = split_owner(t)
    if split:
        f.add("reads as '<owner> to <task>'")
    if _TO_VERB_RE.search(t):
        f.add("'to' and a task verb inside")
    if _TO_BE_RE.search(t):
        f.add("passive: 'to be ...ed'")
    if _TRAIL_RE.search(t):
        f.add("ends with initials")
    if _TRAIL_DASH_RE.search(t):
        f.add("ends with a dash and a name")
    if _BRACKET_RE.search(t):
        f.add("initials or a role in brackets")
    lab = _LABEL_RE.search(t)
    if lab:
        f.add(f"label: {lab.group('label').lower().split()[0]}")
    first = re.sub(r"^[\W\d]+", "", t).split(" ", 1)[0].lower()
    if first in IMPERATIVES:
        f.add("starts with a task verb")
    if first == "action" or first == "actions":
        f.add("starts with 'action'")
    if sp.cells > 1:
        f.add(f"row cells: {_bucket(sp.cells, (2, 3, 5))}")
    verb_first = first in IMPERATIVES
    for side, text in (("before", sp.before), ("after", sp.after)):
        if _short_owner(text):
            f.add(f"the piece {side} is a short owner")
            if verb_first:
                f.add(f"starts with a task verb, a short owner {side}")
            if sp.cells > 1:
                f.add(f"a row's cell, a short owner {side}")
    if _DATE_RE.search(t):
        f.add("names a date")
    if _PROPOSED_RE.search(t):
        f.add("names a proposer or seconder")
    if _DECIDED_RE.search(t):
        f.add("a decision word")
    if re.search(r"\bwould\b", t, re.I):
        f.add("'would'")
    if t.endswith("?"):
        f.add("a question")
    if t[:1].islower():
        f.add("starts in lower case")
    if not sp.first:
        f.add("not the unit's first sentence")
    if sp.index in seg.headings:
        f.add("an item heading")
    if sp.index in seg.log:
        f.add("in an action log")
    if sp.index in seg.agenda:
        f.add("in the item's agenda text")
    if sp.index in seg.proposed:
        f.add("under a 'Proposal' label")
    if sp.index in seg.earlier:
        f.add("held over from an earlier meeting")
    if not seg.kind.decides or seg.agenda_page:
        f.add("the page records no meeting")
    if _section_is_actions(seg, sp.index):
        f.add("under an actions heading")
    if _LABEL_LINE_RE.match(sp.after[:60]):
        f.add("the next piece is an owner label")
    return frozenset(f)


def _cand(owner: str, where: str, task: str, extra: list[str]) -> OwnerCandidate:
    names = {f"read from: {where}"} | set(owner_shape(owner)) | set(extra)
    names |= {f"{where}: {s}" for s in owner_shape(owner)[:1]}
    return OwnerCandidate(
        owner.strip(" ,;:-\u2013\u2014"), where, task.strip(" ,;:-\u2013\u2014"), frozenset(names)
    )


_OWNER_VERB_RE = re.compile(
    r"\s(?:to|will|(?:is|are)\s+to|(?:was|were)\s+(?:asked|requested|tasked)\s+to|"
    r"(?:has|have)?\s*agreed\s+to)\s+(?!be\b)[a-z]",
)
# "Steve", "Debbie and Anna": first names, only when nothing else stands before the verb
_NAMED_RE = re.compile(r"[A-Z][a-z'\u2019-]+(?:\s+(?:and|&)\s+[A-Z][a-z'\u2019-]+)?")
_DASH_TO_RE = re.compile(
    rf"^\W*(?P<owner>{_INITIALS}(?:\s*(?:/|,|&|and)\s*{_INITIALS})*|[A-Z][\w.'\u2019]*"
    r"(?:\s+[A-Z][\w.'\u2019]*){0,2})\s*[\-\u2013\u2014:]\s*to\s+(?P<task>\S.*)$"
)
_CUT_RE = re.compile(r"[.;:(\u2013\u2014]|\s-\s|^\W*\d[\d.]*\)?\s|\baction\b", re.I)


def _phrases_before(t: str, end: int) -> list[tuple[str, list[str]]]:
    """The owner phrases that can end at `end`: the last one to six words, cut at a dash,
    a colon or an "Action" label; those that read as somebody."""
    head = t[:end]
    cut = 0
    for m in _CUT_RE.finditer(head):
        cut = m.end()
    words = head[cut:].split()
    out = []
    for n in range(1, min(6, len(words)) + 1):
        o = " ".join(words[-n:]).strip(" ,'\"\u201c\u201d")
        if not o or (o.split()[-1].islower() and not _ROLE_RE.search(o.split()[-1])):
            continue  # "Clerk asked": an owner ends with a name or a role, not a verb
        named = bool(_NAMED_RE.fullmatch(o)) and n == len(words)
        if not (_somebody(o) or _INITIALS_ONLY_RE.match(o) or _ROLE_RE.search(o) or named):
            continue
        extra = [f"phrase words {n}"]
        if named and not _somebody(o):
            extra.append("capitalised words standing alone")
        if n == len(words):
            extra.append("the phrase is all there is before")
        if cut == 0 and n == len(words):
            extra.append("the phrase starts the sentence")
        out.append((o, extra))
    return out


def owner_candidates(seg: Segmented, sp: Span, firsts: frozenset[str]) -> list[OwnerCandidate]:
    """Who may own the span's task: every reading, and "nobody"."""
    t = sp.text
    out: list[OwnerCandidate] = []
    proposed = ["names a proposer or seconder"] if _PROPOSED_RE.search(t) else []
    for k, m in enumerate(_OWNER_VERB_RE.finditer(t)):
        task = t[m.end() - 1 :]
        verb = task.split(" ", 1)[0].lower()
        extra = ["then a task verb"] if verb in IMPERATIVES else []
        extra += ["not the first 'to'"] if k else []
        extra += [f"verb phrase: {m.group(0).split()[0].lower()}"]
        for o, more in _phrases_before(t, m.start()):
            if o.split()[0] in firsts:
                more = [*more, "a first name from the attendance list"]
            out.append(_cand(o, "lead", task, extra + more + proposed))
    dash = _DASH_TO_RE.match(t)
    if dash:  # "SK – to clarify ...": notes written speaker by speaker
        task = dash.group("task")
        out.append(_cand(dash.group("owner"), "lead", task, ["owner, a dash, then 'to'"]))
    for tm in (_TRAIL_RE.search(t), _TRAIL_DASH_RE.search(t)):
        if tm:
            task = re.sub(r"^to\s+", "", t[: tm.start("owner")], flags=re.I)
            out.append(_cand(tm.group("owner"), "trail", task, proposed))
    for m in _BRACKET_RE.finditer(t):
        task = (t[: m.start()] + t[m.end() :]).strip()
        out.append(_cand(m.group("owner"), "bracket", task, proposed))
    for m in _LABEL_RE.finditer(t):
        lab = m.group("label").lower().split()[0]
        for o, task, more in _label_owners(t, m):
            out.append(_cand(o, "label", task, [f"label: {lab}"] + more))
    for text, where in ((sp.before, "before"), (sp.after, "after")):
        o = _short_owner(text)
        if o:
            cells = f"row cells: {_bucket(sp.cells, (1, 3))}"
            out.append(_cand(o, "cell", t, [f"cell: {where}", cells]))
        lm = _LABEL_LINE_RE.match(text[:60]) if len(text) < 60 else None
        if lm:
            o = lm.group("o1") or lm.group("o2")
            out.append(_cand(o, "next", t, [f"the piece {where} labels an owner"]))
    out.append(OwnerCandidate("", "none", t, frozenset({"read from: none"})))
    seen: set[tuple[str, str]] = set()
    unique = []
    for c in out:
        if (c.owner.lower(), c.task) not in seen:
            seen.add((c.owner.lower(), c.task))
            unique.append(c)
    return unique


_DATED_RE = re.compile(r"^\W*(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,3}(?:\.\d{1,3})*)\s+")


def _short_owner(text: str) -> str:
    """A cell that only names who acts ("JR", "28.6.12 CS & JR", "Clerk"), else ""."""
    o = _DATED_RE.sub("", text.strip()).strip(" .;,")
    if not o or len(o.split()) > 5:
        return ""
    return o if _somebody(o) or _INITIALS_ONLY_RE.match(o) else ""


def _label_owners(t: str, m: re.Match[str]) -> list[tuple[str, str, list[str]]]:
    """ "Action: CW to chase ...": the owner before its verb and the task after it; "... the
    hedge. Action: Clerk": the whole label, the task before it."""
    phrase = m.group("owner")
    v = _OWNER_VERB_RE.search(phrase)
    if v:
        task = phrase[v.end() - 1 :]
        return [(o, task, more) for o, more in _phrases_before(phrase, v.start())]
    task = t[: m.start()]
    return [(phrase, task, ["the label's whole text"])]


_OWNER_WORDS = rf"(?:the\s+)?(?:[A-Z][\w.'\u2019]*|{_INITIALS})(?:\s*(?:/|,|&|and)?\s*[A-Z][\w.'\u2019]*){{0,4}}"
# "Action SH", "Action: CB, NT, JH", "MT Action.": a unit that only names who acts
_LABEL_LINE_RE = re.compile(
    rf"^\W*(?:(?i:actions?|owner|lead|responsible)\s*[:\-\u2013]?\s*(?P<o1>{_OWNER_WORDS})\W*$"
    rf"|(?P<o2>{_OWNER_WORDS})\s+(?i:action)\W*$)"
)
