"""Candidate resolutions from a council's responses to planning applications: a bare "No
objection" / "Objection - overdevelopment" / "Support" under an application (rule 5), the
response glued to the end of the application's description ("... hallway Floor No objections
all present agreed."), and "Councillors recommended that permission should be granted. all
present agreed." (a recommendation with its outcome)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .scoring import Candidate, prev_text
from .segment import Segmented

# "No objection", "No objections raised.", "Object - overdevelopment of the site", "Support.",
# "No objection, all present agreed."
_RESPONSE_RE = re.compile(
    r"^(?:no\s+objections?(?:\s+(?:raised|made))?|objects?|objection|objected|supports?|"
    r"supported|support\s+(?:the|this)\s+application)"
    r"(?:\s*[,.;:\-\u2013]?\s*(?:all\s+(?:present\s+|members\s+)?agreed|unanimous(?:ly\s+agreed)?|"
    r"agreed))?"
    # a short reason after a dash or colon: "Objection - overdevelopment of the site"
    r"(?:\s*[:\-\u2013]\s*[^.;]{3,160})?\.?$",
    re.I,
)
# "... lowering of kitchen and hallway Floor No objections all present agreed.": the response
# glued to the end of the description; only with its outcome written ("all present agreed")
_GLUED_RE = re.compile(
    r"\b(?P<text>no\s+objections?(?:\s+(?:raised|made))?[\s,.;]*all\s+(?:present\s+|members\s+)?"
    r"agreed)\.?$",
    re.I,
)
# "Councillors recommended that permission should be granted. all present agreed."
_RECOMMENDED_RE = re.compile(
    r"\b(?:councillors|members|the\s+(?:parish\s+|town\s+|community\s+)?council|council)\s+"
    r"(?:unanimously\s+)?recommended\s+(?P<text>that\b[^.;]{3,200}[.;]?)\s*"
    r"all\s+(?:present\s+|members\s+)?agreed\b",
    re.I,
)
# "The Parish Council decision was B", "The Council's response was: no objection": the
# council's own response named under the application (a letter of the page's key, or its words)
_COUNCIL_RESPONSE_RE = re.compile(
    r"^(?:the\s+)?(?:parish\s+|town\s+|community\s+)?council(?:'s|\u2019s)?\s+"
    r"(?:decision|response|recommendation|comments?)\s+(?:was|is|were)\s*:?\s*[^.;]{1,80}\.?$",
    re.I,
)
# "Comments: No objection", "Parish Council response: Support", "Observations - Object: loss of
# light": the response under its label, under the application
_LABELLED_RESPONSE_RE = re.compile(
    r"^(?:(?:the\s+)?(?:parish\s+|town\s+|community\s+)?council(?:'s|\u2019s)?\s+)?"
    r"(?:response|comments?|observations?|recommendation|decision)\s*[:\-\u2013]\s*"
    r"(?P<rest>(?:no\s+objections?|objects?|objection|supports?|supported)\b.*)$",
    re.I,
)
# "a. 19/01337/FUL - Erection of a garage at 131 Colne Way Point Clear Bay No objections, however,
# ...": a planning table flattened to one row, the response cell glued after the address (a
# capitalised word, no punctuation between)
_ROW_START_RE = re.compile(
    r"^(?:[a-z]{1,2}[.)]\s+|\d{1,2}[.)]\s+)?(?:\d{2,4}/\d{3,7}(?:/[A-Z]{2,6})?|[A-Z]{1,3}/\d{2,4}/\d{3,7})\b"
)
_GLUED_CELL_RE = re.compile(
    r"(?<=[A-Za-z0-9])\s+(?P<text>(?-i:No)\s+objections?\b[^.;]{0,160}[.;]?"
    r"|(?-i:Objections?|Object)\b\s*(?:[:\-\u2013]\s*[^.;]{3,160})?[.;]?)\s*$"
)
# "3. Planning Application 20/18688/FUL – Pwll Court Farm, Llangynidr. No objections (3 for and 2
# against).SD": the response as the sentence after the application's reference and site
_RESPONSE_SENTENCE_RE = re.compile(
    r"^(?:\d{1,3}[.)]\s+)?(?:planning\s+)?(?:application\s+)?(?:ref(?:erence)?\.?\s*:?\s*)?"
    r"(?:\d{2,4}/\d{3,7}(?:/[A-Z]{2,6})?|[A-Z]{1,3}/\d{2,4}/\d{3,7})\b[^.]{3,200}\.\s+"
    r"(?P<text>(?-i:No)\s+objections?\b[^.;]{0,120}[.;]|(?-i:Objections?|Object|Support(?:ed)?)\b"
    r"[^.;]{0,120}[.;])",
    re.I,
)
# what a planning application's line holds: its reference, or the words of a proposal
_APPLICATION_LINE_RE = re.compile(
    r"\b\d{2,4}/\d{3,7}(?:/[A-Z]{2,6})?\b|\b[A-Z]{1,3}/\d{2,4}/\d{3,7}\b|\bapplication\b|"
    r"\b(?:erection|extension|demolition|dwellings?|change\s+of\s+use|conversion|alterations?|"
    r"garage|conservatory|replacement|installation)\b",
    re.I,
)
_PLANNING_TITLE_RE = re.compile(r"\bplanning\b", re.I)
# "140485, to erect a depot on land east of A15: no objections. However ...": the application's
# reference opens the line and the response follows its colon, or a dash ("22/00724/FUL – no
# objection"), the dash glued to the description's last word ("... 3 Oak Road - render-support")
_AFTER_APPLICATION_RE = re.compile(
    r"^(?:\d{5,7}|\d{2,4}/\d{3,7}(?:/[A-Z]{2,6})?|[A-Z]{1,3}/\d{2,4}/\d{3,7})\b"
    r"(?:[^:]{3,200}:|[^:]{0,200}?(?:\s|(?<=[A-Za-z]))[\u2013\u2014\-])\s*"
    r"(?P<text>(?:no\s+objections?|objections?|objects?|supports?|supported)\b[^.;:]{0,80}[.;]?)",
    re.I,
)

# "11.1.1 6/29/21/101LB – Listed Building Consent for ... – no objection.": the application's
# reference opening the line (after its number), the response after the line's last dash
_REFERENCE_OPENING_RE = re.compile(
    r"^(?:\d{1,3}(?:\.\d{1,3})*\.?\s+(?:[\u2013\u2014\-]\s+)?)?"
    r"(?:[A-Z]{1,3}/?)?\d{1,4}(?:/\d{1,7}){1,3}(?:/?[A-Z]{1,4})?\s+[\u2013\u2014\-]\s"
)
_DASHED_END_RE = re.compile(
    r"\s[\u2013\u2014\-]\s*(?P<text>(?:no\s+objections?|objections?|objects?|supports?|supported)"
    r"\b[^.;:\u2013\u2014]{0,80}\.?)\s*$",
    re.I,
)

# "... ADDRESS a. 19/01337/FUL ... Point Clear Bay No objections, however, ... . b. 19/01388/FUL
# ... St Osyth No objections. c. ...": a planning table flattened onto one line, a lettered row
# for each application
_ROW_AT_RE = re.compile(
    r"(?:^|(?<=\s))[a-z][.)]\s+(?:\d{2,4}/\d{3,7}(?:/[A-Z]{2,6})?|[A-Z]{1,3}/\d{2,4}/\d{3,7})\b"
)
_ROW_RESPONSE_RE = re.compile(
    r"(?<=[A-Za-z0-9])\s+(?P<text>(?:No\s+objections?|Objections?|Object|Support(?:s|ed)?)\b.*)$"
)


def _flattened_rows(text: str) -> list[str]:
    """The responses ("No objections, however, ...", "Objection - ...") of the lettered rows of a planning table
    flattened onto one line, each to the end of its row; none unless every row gives one and
    there are two or more rows, or one row running on past its response's full stop."""
    starts = [m.start() for m in _ROW_AT_RE.finditer(text)]
    if not starts or (len(starts) == 1 and starts[0] > 0):
        return []
    out = []
    for a, b in zip(starts, [*starts[1:], len(text)], strict=True):
        m = _ROW_RESPONSE_RE.search(text[a:b].rstrip())
        if m is None or re.search(r"[,;:\-\u2013]\s*$", text[a : a + m.start()]):
            return []
        out.append(m.group("text"))
    return out


def _under_application(seg: Segmented, i: int) -> bool:
    """The unit sits under a planning application: one of the four units above it in its item
    names one, or its item's title is "Planning"."""
    lines, k, seen = seg.lines, i - 1, 0
    while k >= 0 and seen < 4:
        k_at = prev_text(lines, k)
        if k_at is None:
            return False
        if seg.items[k_at] != seg.items[i]:
            return False
        if _APPLICATION_LINE_RE.search(lines[k_at].text):
            return True
        if k_at in seg.headings:
            return bool(_PLANNING_TITLE_RE.search(lines[k_at].text))
        k, seen = k_at - 1, seen + 1
    return False


def _response(
    text: str, i: int, no: int, why: str, base: float = 0.35, weight: float = 0.3
) -> Candidate:
    """The planning response `text` read at unit `i` (line `no`), and why it reads as one."""
    c = Candidate("resolution", "planning response", text, i, no)
    c.base = base
    c.feature(why, weight)
    return c


def planning_responses(seg: Segmented, free: Sequence[int]) -> list[Candidate]:
    out: list[Candidate] = []
    for i in free:
        ln = seg.lines[i]
        text = ln.text.strip()
        rm = _RECOMMENDED_RE.search(text)
        if rm is not None:
            why = "the members' recommendation, all present agreeing"
            out.append(_response(rm.group("text"), i, ln.no, why, base=0.7, weight=0))
            continue
        am = _AFTER_APPLICATION_RE.match(text)
        if am is not None:
            why = "the response after the application's reference and colon"
            out.append(_response(am.group("text"), i, ln.no, why))
            continue
        de = _DASHED_END_RE.search(text) if _REFERENCE_OPENING_RE.match(text) else None
        if de is not None:
            why = "the response after the last dash of the application's line"
            out.append(_response(de.group("text"), i, ln.no, why))
            continue
        sm = _RESPONSE_SENTENCE_RE.match(text)
        if sm is not None:
            why = "the response after the application's reference and site"
            out.append(_response(sm.group("text"), i, ln.no, why))
            continue
        gc = _GLUED_CELL_RE.search(text) if _ROW_START_RE.match(text) else None
        if gc is not None and not re.search(r"[,;:\-\u2013]\s*$", text[: gc.start()]):
            why = "the response cell glued after the application's address"
            out.append(_response(gc.group("text"), i, ln.no, why))
            continue
        rows = _flattened_rows(text)
        if rows:
            for response in rows:
                why = "the response cell of a planning table's row flattened onto a line"
                out.append(_response(response, i, ln.no, why))
            continue
        if len(text.split()) > 30:
            continue
        lr = _LABELLED_RESPONSE_RE.match(text)
        labelled = lr is not None and _RESPONSE_RE.match(lr.group("rest")) is not None
        bare = bool(_RESPONSE_RE.match(text) or _COUNCIL_RESPONSE_RE.match(text) or labelled)
        gm = None if bare else _GLUED_RE.search(text)
        # the response's words first, then whether an application is above it (the dearer test)
        if not (bare or (gm is not None and gm.start() > 0)) or not _under_application(seg, i):
            continue
        if bare:
            why = "a bare response under a planning application"
            out.append(_response(text, i, ln.no, why))
            continue
        if gm is not None and gm.start() > 0:
            why = "a response with its outcome ending the application's line"
            out.append(_response(gm.group("text"), i, ln.no, why))
    return out
