"""The sentence an action refers to when its label names only who is to act ("... . All agreed.
Action JL", "(Action: JS)"): the last decision of the meeting among the sentences before it, and
the sentence splitting that finds them (an initial's full stop ends no sentence)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .text import collapse

DECIDED_RE = re.compile(r"\b(?:agreed|resolved|decided)\b", re.I)


# the meeting's decision ("it was agreed Rachel Young would ..."), not a member's own ("Rachel
# agreed to feed back ...")
MEETING_DECIDED_RE = re.compile(
    r"\b(?:it\s+was|the\s+(?:board|committee|group|panel|council|meeting|partnership|members))"
    r"\s+(?:\w+\s+)?(?:agreed|resolved|decided)\b",
    re.I,
)


BARE_DECISION_RE = re.compile(
    r"^(?:(?:it\s+was\s+|all\s+|members\s+)?(?:unanimously\s+)?(?:agreed|resolved|approved|"
    r"decided)(?:\s+(?:unanimously|by\s+all))?)\s*[.!]?$",
    re.I,
)


# a sentence that is itself a task set by the meeting: "The clerk was asked to contact ...",
# "Landlord check ... to be conducted by the chairman ..."
_TASK_SENTENCE_RE = re.compile(
    r"\b(?:was|were)\s+(?:asked|requested|instructed)\s+to\b|\bto\s+be\s+[a-z]+(?:ed|en)\s+by\b",
    re.I,
)


# "... seconded and unanimously agreed. The certificate would be signed by the Chairman ...":
# a sentence after the decision saying what someone will do; an owner-only label under it acts
# on that sentence, not on the decision before it
_WILL_DO_RE = re.compile(
    r"\b(?:would|will|shall|should|(?:is|are)\s+to)\s+(?:now\s+|then\s+|also\s+)?(?:be\s+)?[a-z]{3,}",
    re.I,
)


def will_do_after_decision(sents: Sequence[str]) -> bool:
    """Does the last sentence say what someone will do, after a sentence holding a decision?"""
    return (
        len(sents) > 1
        and bool(_WILL_DO_RE.search(sents[-1]))
        and not DECIDED_RE.search(sents[-1])
        and any(DECIDED_RE.search(s) for s in sents[:-1])
    )


def decision_context(sents: Sequence[str]) -> str | None:
    """The sentence an owner-only action label refers to: the last decision of the meeting
    among the sentences before it, else the last decision, else the last sentence."""
    # "All agreed.", "Agreed": the keyword alone says no task; the label acts on the sentence
    # that does ("... JL will provide copies of the minutes ... . All Agreed. Action JL")
    sents = [s for s in sents if not BARE_DECISION_RE.match(s.strip())] or list(sents)
    if sents and _TASK_SENTENCE_RE.search(sents[-1]):
        return sents[-1]  # the sentence before the label sets the task itself
    if will_do_after_decision(sents):
        return sents[-1]
    for pattern in (MEETING_DECIDED_RE, DECIDED_RE):
        hits = [s for s in sents if pattern.search(s)]
        if hits:
            return hits[-1]
    return sents[-1] if sents else None


# "seconded by C. Cuckson", "Cllr. Smith", "Mrs. Hart": a name's full stop ends no sentence
_NAME_STOP_RE = re.compile(r"(?:^|\s)(?:[A-Z]|Cllrs?|Mrs?|Ms|Dr|St|Rev|Prof)\.$")


def _split_sentences(text: str) -> list[str]:
    out: list[str] = []
    start = 0
    for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z])", text):
        if _NAME_STOP_RE.search(text[start : m.start()]):
            continue
        out.append(text[start : m.start()])
        start = m.end()
    out.append(text[start:])
    return out


def last_sentence(text: str) -> str:
    parts = _split_sentences(collapse(text))
    return parts[-1] if parts else text


def sentences_of(text: str) -> list[str]:
    # "Councillor D. Jones be elected ...": an initial's full stop does not end the sentence
    return [p for p in _split_sentences(collapse(text)) if p]
