"""Where a body's decision written in prose ends: "The Council RESOLVED to sign the contract.
Clerk to action ...", "It was resolved that ... . Cllr. A was appointed ..." are the sentence of
the decision (rule 3), not the paragraph after it; "It was resolved that ... . It was resolved to
ask ..." holds two decisions. A name's full stop ("Cllr. Smith", "C. Cuckson") ends none."""

from __future__ import annotations

import re

_PROSE_HEAD_RE = re.compile(
    r"^(?:\(?\d{1,3}(?:\.\d{1,3})*\.?\)?\s+)?(?:it\s+was|the\s+(?:parish\s+|town\s+|community\s+)?(?:council|committee|board|panel|"
    r"meeting|(?:[a-z]+\s+){0,3}authority)|council)\s+(?:(?:therefore|then|also|further|unanimously|duly|formally)\s+){0,2}"
    r"(?:resolved|agreed)\s+(?:that|to)\b",
    re.I,
)
_SENTENCE_END_RE = re.compile(r"(?<=[a-z0-9)\u201d\u2019\"'])\.\s+(?=[A-Z])")
_NOT_AN_END = {"mr", "mrs", "ms", "dr", "cllr", "cllrs", "st", "no", "rev", "prof", "co", "ltd"}


def _first_sentence_end(text: str) -> int | None:
    for m in _SENTENCE_END_RE.finditer(text):
        word = re.search(r"(\w+)$", text[: m.start()])
        if word and (word.group(1).lower() in _NOT_AN_END or len(word.group(1)) == 1):
            continue  # "that Cllr. Smith be ...", "seconded by C. Cuckson"
        return m.start() + 1
    return None


def prose_sentences(heading_text: str, text: str) -> list[str] | None:
    """The decisions in `text` read under a prose heading ("It was resolved that ..."), each to
    the end of its sentence; None when the heading is not prose or nothing is cut."""
    if not _PROSE_HEAD_RE.match(heading_text):
        return None
    whole, parts = text, []
    while (end := _first_sentence_end(text)) is not None:
        parts.append(text[:end])
        rest = text[end:].strip()
        again = _PROSE_HEAD_RE.match(rest)
        if again is None:
            break
        # "It was resolved that ... . It was resolved to ask ...": the next decision, its own
        text = rest[again.end() - len(again.group(0).split()[-1]) :]
    else:
        parts.append(text)
    if len(parts) == 1 and parts[0] == whole:
        return None
    return parts


# a sentence that reports what someone said or did after the decision: "MM noted that she would
# forward ...", "Following the meeting Cllr Hale verbally informed ...", "In relation to 5(a)
# Members supported ...", "Cllr. Smith thanked Members ...", "It was noted that ..."
_REPORT_AFTER_RE = re.compile(
    r"(?:(?-i:[A-Z]{2,3})|(?:cllr|councillor|mr|mrs|ms|dr)\.?\s+(?-i:[A-Z])[\w'\-]+"
    r"|(?-i:[A-Z][a-z]+\s+[A-Z][a-z]+)|the\s+(?:chair(?:man|person)?|clerk|officer|director"
    r"|treasurer)|members|councillors)\s+(?:also\s+|then\s+|verbally\s+)?(?:noted|said|reported"
    r"|advised|explained|asked|stated|informed|thanked|supported|commented|mentioned|confirmed"
    r"|suggested|offered|undertook|welcomed)\b"
    r"|(?:following|after)\s+the\s+meeting\b|in\s+relation\s+to\b"
    r"|it\s+was\s+(?:noted|explained|reported|suggested|acknowledged|mentioned)\b",
    re.I,
)


def decision_sentence(text: str) -> str | None:
    """A decision under a keyword cut before the report that follows it in the same paragraph
    ("to co-opt X. MM noted that she would forward ..."), or None when nothing follows it."""
    end = _first_sentence_end(text)
    if end is None:
        return None
    rest = text[end:].lstrip()
    return text[:end] if _REPORT_AFTER_RE.match(rest) else None
