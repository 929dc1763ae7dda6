"""A contested election: two or more nominations, a ballot or a show of hands, and the winner
declared. The winner's nomination is the motion carried."""

from __future__ import annotations

import re

_TITLE = r"(?:Cllr\.?|Councillor|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+"
# "Cllr Barraclough was declared Chairman", "Cllr Gibbs was duly elected": who won the vote
_WINNER_RE = re.compile(
    rf"{_TITLE}(?P<who>[A-Z][\w'\u2019-]+)\s+(?:was|is)\s+(?:declared|(?:duly\s+)?elected)\b"
)


def winning_nomination(sents: list[str]) -> str:
    """A contested election ("A nominated B which was seconded by C. D nominated E ... . Ballot
    Result: ... B was declared Chairman"): the winner's nomination is the motion carried."""
    noms = [k for k, x in enumerate(sents) if re.search(r"\bnominated\b", x, re.I)]
    if len(noms) < 2:
        return ""
    won = _WINNER_RE.search(" ".join(sents[noms[-1] + 1 :]))
    if won is None:
        return ""
    who = re.escape(won.group("who"))
    picked = [k for k in noms if re.search(rf"\bnominated\s+{_TITLE}{who}\b", sents[k])]
    return sents[picked[0]].strip() if len(picked) == 1 else ""
