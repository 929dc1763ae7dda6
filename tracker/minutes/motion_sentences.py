"""The sentences a motion runs over when it has no clause of its own inside a longer cell: from
the sentence that moves it to the one that gives its outcome (who moved and seconded it and the
words of outcomes are in `motion_words.py`)."""

from __future__ import annotations

import re

from .elections import winning_nomination
from .motion_words import (
    ABBREVIATIONS,
    ALL_IN_FAVOUR_RE,
    MOTION_WORDS_RE,
    MOVED_WORD_RE,
    NAMES_ONLY_RE,
    OUTCOME_RE,
    PUT_OUTCOME_RE,
)
from .scoring import sentences

# "... Seconded by Councillor B; ALL IN FAVOUR. Messrs A & Co were duly appointed ...": an
# outcome in capitals ends its sentence, which the sentence splitter (a lower-case letter before
# the stop) does not see
# ("... . CARRIED • Honorary Treasurer – ...": or before the next bullet of a list run together)
_CAPS_OUTCOME_STOP_RE = re.compile(
    r"\b(?:ALL\s+IN\s+FAVOUR|CARRIED|AGREED|APPROVED|UNANIMOUS(?:LY\s+(?:AGREED|CARRIED))?)"
    r"(?:\.(?=\s+[A-Z])|(?=\s+[\u2022\u00b7\u25aa]\s+[A-Z]))"
)


# a sentence saying what is to be done: what a names-only mover's sentence after it moved ("An
# Annual review to be conducted ...", "the hedge be cut", "we should ask ...")
_MOVED_TEXT_RE = re.compile(r"\b(?:to\s+be|should|shall)\s+[a-z]+", re.I)
_PROPOSAL_WORDS_RE = re.compile(r"\b(?:(?:to|should|shall)\s+)?be\s+[a-z]+(?:ed|en|t)\b")
# "No changes to the existing Vice-Presidents A and B.": what was moved, written with no verb
_VERB_RE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|had|have|will|would|could|can|should|shall|may|might"
    r"|must|did|does|do|\w{2,}ed)\b",
    re.I,
)


def _verbless(sentence: str) -> bool:
    return len(sentence.split()) >= 4 and _VERB_RE.search(sentence) is None


def motion_sentences(t: str) -> str:
    text = _motion_sentences(t)
    stop = _CAPS_OUTCOME_STOP_RE.search(text)
    return text[: stop.end()] if stop else text


def _motion_sentences(t: str) -> str:
    """A motion with no clause of its own inside a longer cell ("Following the election ...
    . Cllr A proposed B is co-opted ..., Cllr C seconded, unanimous approval. Cllr B signed
    ..."): from the sentence that moves it to the one that gives its outcome."""
    sents: list[str] = []
    for _s, x in sentences(t):
        word = re.search(r"(\w+)\.$", sents[-1]) if sents else None
        if word and word.group(1).lower() in ABBREVIATIONS:
            sents[-1] = f"{sents[-1]} {x}"  # "Cllr. Brine proposed ...": not a sentence's end
        else:
            sents.append(x)
    if len(sents) < 2:
        return t
    moved = next((k for k, x in enumerate(sents) if MOVED_WORD_RE.search(x)), None)
    if moved is None:
        return t
    first = moved
    while first > 0 and PUT_OUTCOME_RE.search(sents[first - 1]):
        first -= 1  # "The minutes ... were approved ... . Proposed: A, seconded: B.": both
    if (
        first == moved > 0
        and NAMES_ONLY_RE.match(sents[moved].strip())
        and (
            _MOVED_TEXT_RE.search(sents[moved - 1])
            or _PROPOSAL_WORDS_RE.search(sents[moved - 1])
            or _verbless(sents[moved - 1])
        )
    ):
        # "An Annual review to be conducted ... . Motioned DJ Seconded CJ. Agreed": the sentence
        # moved names only who moved it; what was moved is the sentence before
        first -= 1
    # the outcome written after who moved it ("... . Proposed A, seconded B. All members in
    # favour. Minutes signed ..."): to that sentence; with none after, to the mover's sentence
    # when the outcome came before it ("The minutes ... were approved. Proposed: A, seconded: B.")
    last = next(
        (
            k
            for k in range(moved, len(sents))
            if OUTCOME_RE.search(MOTION_WORDS_RE.sub(" ", sents[k]))
            or ALL_IN_FAVOUR_RE.search(sents[k])
        ),
        moved if first < moved else len(sents) - 1,
    )
    won = winning_nomination(sents[first:])
    return won if won else " ".join(x.strip() for x in sents[first : last + 1])
