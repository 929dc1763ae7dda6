"""Two directives joined in one clause ("RB to send the input to FJ, then JG to sign it";
"Clerk to chase the contractor and Cllr Hale to follow up ..."; "AB to draft the letter; CD to
check it"): each is its own action. Not when the first directive's verb makes the second
person its object ("Clerk to ask Cllr Hale and Cllr Jones to attend")."""

from __future__ import annotations

import re

from .directive_places import _DIRECTIVE_RE
from .persons import _somebody

# ", then", ";", " and" or ", and then" before the second directive's owner
_JOIN_RE = re.compile(r"(?:,\s*(?:and\s+)?then|;|,?\s+and(?:\s+then)?)\s+(?=(?:the\s+)?[A-Z])")
_FIRST_VERB_RE = re.compile(r"\bto\s+(?P<verb>[a-z]+)\b")
# verbs whose object is a person given an infinitive: "ask X and Y to attend"
_ASKING = frozenset({
    "ask", "asks", "invite", "request", "remind", "encourage", "tell", "urge", "allow", "help",
    "get", "persuade", "advise", "instruct", "arrange", "enable", "want",
})  # fmt: skip
_NOT_VERBS = frozenset(
    {"be", "the", "a", "an", "his", "her", "their", "our", "its", "this", "that"}
)


def split_joined(sent: str) -> list[str]:
    """The sentence `sent` cut before each further directive it joins to its first."""
    first = _FIRST_VERB_RE.search(sent)
    if first is None or first.group("verb") in _ASKING:
        return [sent]
    for m in _JOIN_RE.finditer(sent, first.end()):
        rest = sent[m.end() :]
        dm = _DIRECTIVE_RE.match(rest)
        if dm is None or dm.group("verb") in _NOT_VERBS or not _somebody(dm.group("owner")):
            continue
        if _ASKING & set(sent[first.end() : m.start()].lower().split()):
            return [sent]  # "Clerk to write and ask the Chair and RB to attend"
        return [sent[: m.start()], *split_joined(rest)]
    return [sent]
