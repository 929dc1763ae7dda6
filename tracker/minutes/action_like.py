"""The review net for tasks: a piece of text that reads like a task somebody was given ("KD to
contact the school", "Cllr Carrington will attend a site visit", "JB was asked to write to the
school", "SD: Confirm attendance", a log row ending with its owner's initials "... AB/CD" or
"(AB)", "letter to be sent to the owner") that no rule took and nothing else listed goes to
`unsure`, with what it looks like and why it was not taken. Nothing is taken here: resolutions
and follow-ups are unchanged; only what an officer is shown to recover in review grows (issue 17
points 2 and 6). The text listed is the piece an officer would take as a follow-up, its owner
first, so that `A` in review reads owner and task (`taking.read_taken_line`).

Units are cut into sentences, and a sentence into the pieces of a flattened table row (cells
joined by " | ", " / ", tabs, runs of spaces, dashes or semicolons). Not on a page that records
no meeting (an agenda, a report), nor in an item's agenda text, a heading, what sits under a
"Proposal:" label, actions held over from earlier meetings, attendance lists or a decision
notice's reasons. A page lists at most max(6, lines / 10) unsure lines in all: when the net
would pass that, its strongest pieces go first (an owner label or "X to <verb>", then
"will/agreed to", then trailing initials, then a passive task).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .models import Uncertainty
from .owners import IMPERATIVES
from .persons import _somebody
from .placed import PagePlaces, Placed
from .scoring import sentences
from .segment import Segmented

__all__ = ["action_like"]

# the cells of a flattened row, and the clauses of a list of tasks
# (and a sentence's end glued to the next item's number: "... a progress report. 178/03 4 Plans")
_PIECE_RE = re.compile(
    r"\s+\|\s+|\s+/\s+|\t+|\s{3,}|\s+[\u2013\u2014-]\s+|;\s+|(?<=[.!?])\s+(?=\(?\d)"
)
# "17/11/16-01-Secretary": a row's reference glued to its owner
_GLUED_REF_RE = re.compile(r"^[\d/.]+(?:-\d+)*-(?=[A-Z])")
# who is to act, then how the task is given
_GIVEN = (
    r"(?P<how>(?:is|are)\s+to|to|will|would|shall|(?:has|have|had)\s+agreed\s+to|agreed\s+to|"
    r"undertook\s+to|offered\s+to|volunteered\s+to|(?:was|were|has\s+been|have\s+been)\s+asked\s+to)"
)
_TASK_RE = re.compile(rf"(?<=\S)\s+{_GIVEN}\s+(?P<verb>[a-z][a-z\-]+)\b")
# words after "to"/"will" that are no task's verb ("to the Clerk", "will be"...: "be" is kept for
# "X to be invited", read as passive below)
_NOT_VERBS = frozenset(
    re.split(
        r"\s+",
        "the a an his her their its this that these those all any each every no our your my me him "
        "them us date day be also not now then there here have has had been being which who what "
        "when where whether and or but as at by for from in into of on with",
    )
)
# an owner's words: a name, initials, a title, a role; "the" before a role
_OWNER_WORD_RE = re.compile(r"^(?:[A-Z][\w'\u2019.\-]*|[A-Z]{2,5}(?:/[A-Z]{2,5})*|and|&)$")
_TITLE_WORD_RE = re.compile(r"^(?:Cllrs?|Councillor|Mr|Mrs|Ms|Miss|Dr|PC)\.?$")
# nobody: a pronoun, the meeting itself, a thing, a day, the minute's opening words
_NOT_OWNERS = frozenset(
    re.split(
        r"\s+",
        "it this that there they he she we which who what members meeting minutes item items agenda "
        "report reports plan date next new the a an i",
    )
)
# "SD: Confirm attendance", "BL/LR: Write to St Martins": an owner's initials, a colon, the task
# opening with its verb in capitals
_INITIALS_LABEL_RE = re.compile(
    r"(?<![\w/])(?P<owner>[A-Z]{2,5}(?:\s*/\s*[A-Z]{2,5}){0,3})\s*:\s*"
    r"(?P<task>(?P<verb>[A-Z][a-z]+)(?:\s+\S+){0,7})"
)
# "Action: JB", "Action by: the Clerk", "Lead: Head of Finance", "Owner - KD": a task's owner label
_LABEL_RE = re.compile(
    r"\b(?P<label>Actions?(?:\s+by)?|Lead|Owner|Responsible)\s*[:\-\u2013]\s*(?P<owner>[A-Z][\w'./&\- ]{0,40})",
)
# "... write to the school AB/CD", "... (AB)": the owner's initials closing the row
_TRAILING_RE = re.compile(
    r"(?<=[a-z.,)])\s+\(?(?P<owner>[A-Z]{2,4}(?:\s*[/,&]\s*[A-Z]{2,4}){0,3})\)?\W{0,2}$"
)
_NOT_BEFORE_TRAILING = frozenset(
    re.split(
        r"\s+",
        "the of to by and with for a an in on at from via or as under",
    )
)
# "letter to be sent", "list of jobs to be drawn up": a task given in the passive
_PASSIVE_RE = re.compile(
    r"(?P<thing>\b[A-Za-z][\w'\u2019\-]*(?:\s+[\w'\u2019\-]+){0,5}?)\s+to\s+be\s+"
    r"(?P<pp>[a-z]+(?:ed|en|wn|nt|ut|ld|de|ne|et))\b"
)
_NOT_PASSIVE = frozenset(("held", "noted", "needed", "aware", "been", "seen", "open"))
# attendance lists, headings and furniture: what is no task
_ATTENDANCE_RE = re.compile(
    r"^\W*(?:present|apologies|in\s+attendance|also\s+present|attendees|absent|officers\s+"
    r"present|members\s+present)\b",
    re.I,
)
# a body or a thing: what "will" or "would" reports of it is its plan, not a task given
_BODY_HEADS = frozenset(
    re.split(
        r"\s+",
        "council councils committee committees authority board boards group groups partnership "
        "panel forum government service services trust plan report minutes meeting item project "
        "scheme",
    )
)
# "... needs to be refined", "appears to be fixed", "yet to be resolved": no task given
_NOT_BEFORE_PASSIVE = frozenset(
    re.split(
        r"\s+",
        "need needs needed yet still likely appears appear appeared seems seem seemed considered "
        "declared deemed is are was were has have had ought going due expected continue continues "
        "wish wishes wished want wants",
    )
)
_WORD_RE = re.compile(r"\S+")
# a cheap first look: a unit with none of these words or marks holds no piece the net lists
_MAYBE_RE = re.compile(
    r"\b(?i:to|will|would|shall)\b|:|\b(?:Action|Lead|Owner|Responsible)|[A-Z]{2}\W{0,2}(?:\s|$)"
)
_MAX_WORDS = 40


def _owner_before(piece: str, at: int) -> tuple[int, str] | None:
    """The owner written just before `at` (up to five words), as its start and text."""
    words = list(_WORD_RE.finditer(piece[:at]))[-6:]
    best: tuple[int, str] | None = None
    for k in range(len(words) - 1, -1, -1):
        w = words[k].group().strip("(),:")
        glued = _GLUED_REF_RE.match(w)
        if glued:
            w = w[glued.end() :]
        if not _OWNER_WORD_RE.match(w) and w.lower() != "the":
            break
        start = words[k].start() + (glued.end() if glued else 0)
        owner = piece[start:at].strip(" ,:(")
        bare = re.sub(r"^(?i:the)\s+", "", owner)
        if not bare or bare.split()[0].lower() in _NOT_OWNERS:
            continue
        if bare.split()[-1].lower() in ("and", "&"):
            continue
        if _TITLE_WORD_RE.match(bare.split()[-1]):
            continue
        if _somebody(bare) or (len(bare.split()) == 2 and _TITLE_WORD_RE.match(bare.split()[0])):
            best = (start, owner)
    return best


# a clause's opening before its subject: "... that JB would ...", "... and the Clerk will ..."
_CLAUSE_WORDS = frozenset(("that", "and", "then", "so", "but", "also"))


def _opens_clause(before: str, how: str) -> bool:
    """Does the owner open its clause (the piece's start, after punctuation or a number; for
    "will", "agreed to" ... also after "that" or "and"), rather than end another's ("works with
    the Education Team to identify ...", "ask BPG to monitor ...")?"""
    before = before.rstrip()
    if not before or re.search(r"[.:;,(\-\u2013\u2014\u2022\u00b7\d)]$", before):
        return True
    last = before.split()[-1]
    if re.fullmatch(r"[A-Z]{2,5}(?:/[A-Z]{2,5})*", last):
        return True  # "HMS HMS will email ...": an owner cell beside the owner named in the text
    return how != "to" and last.lower() in _CLAUSE_WORDS


def _cut(text: str) -> str:
    words = text.split()
    if len(words) <= _MAX_WORDS:
        return text.strip()
    return " ".join(words[:_MAX_WORDS])


def _tasks(piece: str) -> list[tuple[int, str, str]]:
    """The tasks a piece reads as: (strength, text to list, reason)."""
    out: list[tuple[int, str, str]] = []
    for m in _TASK_RE.finditer(piece):
        verb = m.group("verb")
        if verb in _NOT_VERBS and verb != "be":
            continue
        found = _owner_before(piece, m.start())
        if found is None:
            continue
        start, owner = found
        how = " ".join(m.group("how").split())
        if not _opens_clause(piece[:start], how):
            continue  # "works with the Education Team to identify", "ask BPG to monitor"
        head = re.sub(r"\W+$", "", owner.split()[-1]).lower()
        if how in ("will", "would", "shall") and (verb == "be" or head in _BODY_HEADS):
            continue  # "SA will be out", "Council will write ...": a state, or a body's plan
        if head in _BODY_HEADS - {"council", "committee", "board", "group", "partnership"}:
            continue  # "Victims' Plan to be circulated": a thing, read as a passive below
        strength = 0 if how == "to" else 1
        shape = f"'{owner} {how} {verb} ...'"
        if verb == "be":
            shape = f"'{owner} {how} be ...' (a task in the passive)"
            strength = 2
        out.append((strength, _cut(piece[start:]), f"reads as a task given to {owner}: {shape}"))
        break
    m2 = _INITIALS_LABEL_RE.search(piece)
    if m2 and m2.group("verb").lower() in IMPERATIVES:
        text = f"{m2.group('owner')}: {m2.group('task')}"
        owner = m2.group("owner")
        out.append(
            (0, text, f"reads as a task given to {owner}: an owner's initials, then the task")
        )
    if out:
        return out
    m3 = _LABEL_RE.search(piece)
    if m3 and m3.start() > 0:
        owner = m3.group("owner").strip(" .")
        if owner and _somebody(owner.split(".")[0].strip()):
            return [
                (0, _cut(piece), f"reads as a task: an '{m3.group('label')}' label naming {owner}")
            ]
    m4 = _TRAILING_RE.search(piece)
    words = re.findall(r"[A-Za-z\-]+", piece.lower())
    tasked = bool(words) and (words[0] in IMPERATIVES or any(w in IMPERATIVES for w in words[1:4]))
    if m4 and len(piece[: m4.start()].split()) >= 3 and tasked:
        before_raw = piece[: m4.start()].split()[-1]
        before = before_raw.lower().strip(".,")
        if before not in _NOT_BEFORE_TRAILING and before_raw[:1].islower():
            owner = m4.group("owner")
            return [
                (
                    2,
                    _cut(piece),
                    f"reads as a task: the row ends with its owner's initials ({owner})",
                )
            ]
    m5 = _PASSIVE_RE.match(re.sub(r"^[\W\d]+", "", piece))
    if m5 and m5.group("pp") not in _NOT_PASSIVE:
        thing = m5.group("thing").lower().split()
        if thing[0] not in ("it", "this", "that", "there", "what", "which") and not (
            set(thing) & _NOT_BEFORE_PASSIVE
        ):
            return [(3, _cut(piece), f"reads as a task in the passive ('to be {m5.group('pp')}')")]
    return out


def action_like(
    seg: Segmented,
    read: set[int],
    listed: Sequence[tuple[int, str]],
    unsure_now: int,
) -> list[Uncertainty]:
    """Pieces of the units the keyword reader did not `read` that read as a task and overlap
    nothing in `listed` (the lines and texts already taken or left unsure); at most as many as
    the page's budget leaves after the `unsure_now` lines already listed."""
    if not seg.kind.decides or seg.agenda_page or not seg.lines:
        return []
    page_lines = max(ln.no for ln in seg.lines)
    room = int(max(6, page_lines / 10)) - unsure_now
    if room <= 0:
        return []
    places = PagePlaces(seg, listed)
    # one line, one entry: what overlaps a piece listed from the same line is merged with it,
    # and the same words listed again elsewhere on the page are listed once
    seen: dict[int, Placed] = {}
    said: set[frozenset[str]] = set()
    found: list[tuple[int, int, Uncertainty]] = []
    for i, ln in enumerate(seg.lines):
        if not ln.text or i in read or i in seg.agenda or i in seg.proposed:
            continue
        if i in seg.earlier or i in seg.headings or _ATTENDANCE_RE.match(ln.text):
            continue
        if not _MAYBE_RE.search(ln.text):
            continue  # no "to", "will", "would", "shall" or colon: nothing here reads as a task
        near = places.at(i)
        for _start, sent in sentences(ln.text):
            for piece in _PIECE_RE.split(sent):
                piece = piece.strip()
                if len(piece.split()) < 3:
                    continue
                for strength, text, why in _tasks(piece):
                    same_line = seen.setdefault(ln.no, places.new())
                    words = frozenset(re.findall(r"[a-z0-9]+", text.lower()))
                    if near.holds(text) or same_line.holds(text) or words in said:
                        continue
                    same_line.add(text)
                    said.add(words)
                    reason = f"unsure: {why}; not taken: no rule read it as an action"
                    found.append((strength, len(found), Uncertainty(ln.no, text, reason)))
    found.sort(key=lambda f: (f[0], f[1]))
    return [u for _s, _k, u in found[:room]]
