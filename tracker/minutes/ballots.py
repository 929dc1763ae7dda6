"""Nominations written as sentences, their outcome in a sentence of its own (rule 4; issue 17,
branch tune44): "X was nominated by A, seconded by B." or "X put her name forward ..., seconded
by B." or "A nominated X, seconded by B.", then, after any rival nominations, the first sentence
that declares someone elected or appointed ("On a vote being taken, X was elected ...", "...
no objections so X was elected."). When that sentence names X, X's nomination is the decision:
with the outcome sentence when it follows at once, alone when a rival's nomination stands between
them. A rival not named by the outcome stays a proposal with no outcome (review)."""

from __future__ import annotations

import re

_NAME = (
    r"(?!(?:It|This|That|There|These|They|He|She|We|The)\b)"
    r"(?:(?:Cllr\.?|Councillor|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+)?"
    r"[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,3}"
)
_TO_STOP = r"(?:[^.\n]|(?<=\b(?:Mr|Ms|Dr))\.|(?<=\bMrs)\.|(?<=\bCllr)\.|(?<=\b[A-Z])\.)*?\."
_SECONDED = r"\bseconded\s+by\s+"
# the three ways a nomination is written, each naming the nominee (`who`) and a seconder
_NOMINATION_RES = (
    # "Tony Farrant was nominated by Sue Sedgwick, seconded by Rowena Drowley."
    re.compile(
        rf"(?P<who>{_NAME})\s+(?:was|were)\s+(?:duly\s+|also\s+)?(?:nominated|proposed)\b"
        rf"(?:(?!{_SECONDED})[^.\n])*?{_SECONDED}{_TO_STOP}"
    ),
    # "Elaine MacNicol put her name forward for the position, seconded by Jim Sherrit."
    re.compile(
        rf"(?P<who>{_NAME})\s+(?:put|puts|offered)\s+(?:his|her|their)\s+names?\s+forward\b"
        rf"(?:(?!{_SECONDED})[^.\n])*?{_SECONDED}{_TO_STOP}"
    ),
    # "Jo Hale declared herself willing to stand again as Chair, ..., this was seconded by Al
    # Dunn.": a self-nomination, seconded
    re.compile(
        rf"(?P<who>{_NAME})\s+(?:declared|said|confirmed|indicated|stated)\s+"
        r"(?:him|her|them)sel(?:f|ves)\s+(?:to\s+be\s+)?(?:willing|prepared|happy|available)\s+"
        r"to\s+(?:stand|serve|continue)\b"
        rf"(?:(?!{_SECONDED})[^.\n])*?{_SECONDED}{_TO_STOP}"
    ),
    # "Cllr Dale nominated Cllr Frost, seconded by Cllr Hale."
    re.compile(
        rf"{_NAME}\s+(?:nominated|proposed)\s+(?P<who>{_NAME})\b"
        rf"(?:(?!{_SECONDED})[^.\n])*?{_SECONDED}{_TO_STOP}"
    ),
)
# an outcome inside the nomination's own sentence is the motion reader's ("... seconded by B and
# elected unanimously.")
_OWN_OUTCOME_RE = re.compile(
    # ("declared herself willing to stand" is the nomination, not its outcome)
    r"\b(?:elected|appointed|co-opted|carried|agreed|approved|unanimous(?:ly)?"
    r"|declared(?!\s+(?:him|her|them)sel))\b",
    re.I,
)
# "On a vote being taken, Tony Farrant was elected as Chair by 4 votes to 3", "... so Elaine
# MacNicol was elected."
_DECLARED_RE = re.compile(
    r"(?P<name>[A-Z][\w'\u2019-]+)\s+(?:was|were)\s+(?:(?:duly|unanimously|therefore|thus|accordingly)\s+)?"
    r"(?:declared|elected|appointed|co-opted|re-elected|returned)\b"
)
_SENTENCE_END_RE = re.compile(r"[.!?](?=\s|$)|\n|$")


def elected_nominations(units: list[str]) -> list[str]:
    """The nominations in the first of `units` (a unit, then the units after it in its item)
    that the first outcome after them elects, each with that outcome's sentence when it follows
    at once."""
    text, own = "\n".join(units), len(units[0]) if units else 0
    out: list[str] = []
    for rx in _NOMINATION_RES:
        for m in rx.finditer(text):
            if m.start() >= own or _OWN_OUTCOME_RE.search(m.group(0)):
                continue
            d = _DECLARED_RE.search(text, m.end())
            if d is None or d.group("name") != m.group("who").split()[-1]:
                continue  # nobody declared, or a rival was
            between = text[m.end() : d.start()].lstrip()
            if any(r.search(between) for r in _NOMINATION_RES) or re.search(r"[.!?]\s|\n", between):
                out.append(m.group(0).strip())  # a rival's nomination (or more) in between
                continue
            end = _SENTENCE_END_RE.search(text, d.end())
            stop = end.end() if end is not None else len(text)
            out.append(f"{m.group(0).strip()} {text[m.end() : stop].strip()}")
    return out


def rival_declared(text: str) -> bool:
    """Does `text` (one unit) nominate someone and then declare someone else elected ("A was
    nominated by B, seconded by C. D was elected as Vice-Chair.")?"""
    for rx in _NOMINATION_RES:
        m = rx.search(text)
        if m is not None and not _OWN_OUTCOME_RE.search(m.group(0)):
            d = _DECLARED_RE.search(text, m.end())
            return d is not None and d.group("name") != m.group("who").split()[-1]
    return False
