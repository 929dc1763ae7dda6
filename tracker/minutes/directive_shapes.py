"""The shapes of a directive that does not open its sentence: a person's or role's directive run
on after words with no boundary before it ("... is out Cllr. McTernan to investigate."), a role's
after a clause reporting the meeting, and the passive ones ("X to be invited ...", "To be pursued
by Cllr Y", an action log's "The ... to be done"). Split from `directives` along that seam."""

from __future__ import annotations

import re

from .directive_places import _DIRECTIVE_RE, _NOT_BEFORE_OWNER

_PASSIVE_RE = re.compile(
    r"^(?P<subj>(?:[A-Z][\w'\u2019\-]*)(?:\s+[A-Z][\w'\u2019\-]*){0,3}|(?:A|The|An)\s+.{3,120}?)"
    r"\s+(?:to\s+be|should\s+be)\s+[a-z]+ed\b"
)


_LOG_PASSIVE_RE = re.compile(
    r"(?:^|(?<=\s))(?:A|An|The)\s+[a-z][^.]{3,160}?\s+(?:(?:to|should)\s+be\s+[a-z]+ed\b"
    # "The building of a new pavilion ... to not proceed until ...": what is not to happen
    r"|to\s+not\s+[a-z]+|not\s+to\s+[a-z]+)"
)


_NOT_VERBS = {
    "the", "a", "an", "his", "her", "their", "our", "its", "this", "that", "these", "those",
    "all", "each", "date", "be",
}  # fmt: skip


_RUN_ON_PERSON_RE = re.compile(
    # "... is out Cllr. McTernan to investigate.": a title with a surname alone, too
    r"(?<=[a-z0-9,.]\s)(?=(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?\s+(?:[A-Z]\.?\s+)?|[A-Z]\.?\s+)"
    r"(?:Ma?c)?[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?\s+to\s+[a-z])"
    r"|(?<=[a-z0-9]\s)(?=[A-Z]\.?\s+[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?\s+to\s+[a-z])"
)


_TITLES = {"cllr", "councillor", "mr", "mrs", "ms", "dr"}


# words after which a name is the object of the sentence, not who is to act
_OBJECT_BEFORE = _NOT_BEFORE_OWNER | {
    "to", "and", "or", "asked", "ask", "invited", "invite", "thanked", "thank", "told", "wrote",
    "write", "contact", "contacted", "email", "emailed", "allow", "allowed", "want", "wanted",
    "wants", "expect", "expected", "like", "for",
}  # fmt: skip


# "... was discussed and clerk to request a formal application.": a role's directive after a
# clause reporting what the meeting did, the role in lower case (not "was asked and ...")
_ROLE_AFTER_REPORT_RE = re.compile(
    r"\b(?:was|were)\s+(?!asked\b|invited\b|requested\b|told\b)[a-z]+ed\s+and\s+(?:the\s+)?"
    r"(?P<owner>clerk|chair(?:man|person)?|secretary|treasurer)\s+to\s+(?!be\b)(?P<verb>[a-z]+)\b"
)


def _listed_run_on(sent: str, names: frozenset[str]) -> int | None:
    """ "Suggested venue the Hare and Hounds Roger to arrange.": a first name the page lists as
    present, with its directive, after words of the sentence that are not the verb or
    preposition whose object it would be ("asked Roger to ...", "to Pam to ...")."""
    for nm in re.finditer(r"(?<=\s)(?P<name>[A-Z][a-z]{1,14})\s+to\s+[a-z]", sent):
        if nm.group("name") not in names:
            continue
        before = sent[: nm.start()].split()
        if not before or before[-1].lower().strip(",") in _OBJECT_BEFORE | _TITLES:
            continue
        if before[-1].endswith((".", ",", ";", ":")):
            continue  # after a boundary: the clause rules above read it
        cm = _DIRECTIVE_RE.match(sent[nm.start() :])
        if cm and cm.group("owner") == nm.group("name") and cm.group("verb") not in _NOT_VERBS:
            return nm.start()
    return None


# "... to be asked to trim.": the person is to be asked, invited, told (not "to be there")
_RUN_ON_PASSIVE_RE = re.compile(r"^\s*[a-z]+ed\b")


_TO_BE_DONE_BY_RE = re.compile(
    r"^To\s+be\s+[a-z]+(?:ed|en)\s+by\s+"
    r"(?P<agent>(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?\s+)?(?:[A-Z]\.?\s+)?[A-Z][\w'\u2019\-]+)"
    r"(?=[\s,.;]|$)"
)


_RUN_ON_ROLE_RE = re.compile(
    r"(?<=[a-z]\s)(?:(?:Parish|Town|Deputy|Assistant)\s+)?(?:Clerk|Chair(?:man|person)?|Secretary"
    r"|Treasurer)\s+to\s+(?!be\b)(?P<verb>[a-z]+)\b[^.;:]*[.!]?\s*$"
)
