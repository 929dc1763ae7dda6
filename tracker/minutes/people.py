"""The people a page names in its attendance lists ("Present: David Smith, Pat Jones ..."), so a
directive whose owner is a first name alone ("David to collect keys") can be told from a noun
("Signage to improve ...") by the page itself, with no list of names from outside it."""

from __future__ import annotations

import re
from collections.abc import Sequence

# "Present:", "In attendance -", "Also present", "Apologies received from:", "Attendees"
_LABEL_RE = re.compile(
    r"^\W{0,3}(?:\d{1,3}[.)]?\s*)?(?:(?:members\s+|councillors\s+|those\s+)?present|(?:also\s+)?in\s+attendance|"
    r"also\s+present|attendees|attendance|attending|apologies(?:\s+for\s+absence)?"
    r"(?:\s+(?:were\s+)?received\s+from)?)\b\s*[:;\-\u2013]?\s*",
    re.I,
)
# "... Members Present: Chuck Benson, ... Staff Present: Rick White, Candy McLaughlin ...": the
# label inside a page flattened onto one line
_LABEL_INSIDE_RE = re.compile(
    r"\b(?:members|staff|officers|councillors|also|those)\s+present\s*:\s*|\battending\s*:\s*"
    # "... MEETING 7:30PM 28TH NOVEMBER 2018 Present: Gwydion, Emlyn, Ann ...": the label after
    # the page's title on one line, capitalised and with its colon
    r"|(?-i:\b(?:Present|PRESENT))\s*:\s*",
    re.I,
)
# "PRESENT: Roy, Carol, Roger, Syd": first names alone, at least three of them in the list
_FIRST_ALONE_RE = re.compile(r"[A-Z][a-z]{1,14}\.?")
_TITLE_RE = re.compile(r"\b(?:Cllrs?|Councillors?|Mr|Mrs|Ms|Miss|Dr|Prof|Rev|Sir|Dame)\.?\s+")
# names are listed apart by commas, semicolons, "and" or "&", brackets or runs of spaces
_APART_RE = re.compile(r"\s*(?:[,;()\[\]]|\s(?:and|&)\s|\s{2,}|\t)\s*")
# "David Smith", "David J. Smith", "Pat Jones-Hill": a first name, then a surname
_FULL_NAME_RE = re.compile(
    r"(?P<first>[A-Z][a-z]{1,14})\s+(?:[A-Z]\.?\s+)?"
    r"(?P<surname>(?:Ma?c|O\u2019|O')?[A-Z][a-z'\u2019]+(?:-[A-Z][a-z]+)?)"
    r"(?:\s+[\u2013\-]\s+.*|\.)?"  # "David Smith - Chair": a role after the name
    # "Patricia Finlay Chair, Anne Forgie Treasurer": the role after the name with no dash
    r"(?:\s+(?:Vice[\s\-])?(?:Chair(?:man|person|woman)?|Treasurer|Secretary|Clerk|Convener))?$"
)
_NOT_FIRST = frozenset(
    re.split(
        r"\s+",
        "cllr cllrs councillor councillors mr mrs ms miss dr prof professor rev sir dame the "
        "parish town community county district city borough council clerk chair chairman vice "
        "mayor deputy member members officer police pc pcso apologies present also in "
        "attendance and with from for of public",
    )
)
# "Village Hall", "Sports Club": a body listed as present, not a person
_NOT_SURNAME = frozenset(
    re.split(
        r"\s+",
        "hall club council group society association committee trust church school team "
        "board forum partnership police office services service",
    )
)
# "Jill Street (Chairman), Keith Jones (Vice Chairman), Debra Pastel-Tullah (Treasurer), ...":
# the whole list printed on one long line under its heading; names apart by commas, none of
# them a sentence (no full stop before a capital, no verb of a clause)
_ONE_LINE_LIST_RE = re.compile(
    r"^(?!.*[a-z)]\.\s+[A-Z])(?!.*\b(?:was|were|is|are|who|which|raised|said)\b)"
    r"(?=(?:[^,]*,){3})[^.:]{0,600}$"
)
_ROWS_AFTER_LABEL = 12  # a label alone, then one name a line ("Present:" / "David Smith" / ...)


def first_names(lines: Sequence[str]) -> frozenset[str]:
    """First names of the people the page lists as present, attending or sending apologies."""
    names: set[str] = set()
    i = 0
    while i < len(lines):
        lm = _LABEL_RE.match(lines[i])
        if lm is None:
            for im in _LABEL_INSIDE_RE.finditer(lines[i]):
                _add(names, [lines[i][im.end() : im.end() + 400]])
            i += 1
            continue
        rest = lines[i][lm.end() :]
        texts = [rest]
        if len(rest.split()) < 2:  # the label stands alone: the names are the lines below it
            for nxt in lines[i + 1 : i + 1 + _ROWS_AFTER_LABEL]:
                if not nxt.strip():
                    if len(texts) > 1:
                        break
                    continue
                if (len(nxt) > 120 and not _ONE_LINE_LIST_RE.match(nxt)) or (
                    re.search(r"[.:]\s*$", nxt) and len(nxt.split()) > 6
                ):
                    break  # a sentence: the list has ended
                texts.append(nxt)
        _add(names, texts)
        i += 1
    return frozenset(names)


# "Lesley Law – Practice Manager", "John Gorman": a person alone on a line, a role after a dash
_NAME_LINE_RE = re.compile(
    r"^([A-Z][a-z]+)\s+[A-Z][a-z'\u2019\-]+(?:\s+[\u2013\u2014\-,]\s+[A-Z][\w ]{2,40})?$"
)
_HEAD_LINES = 40


def unlabelled_names(lines: Sequence[str]) -> frozenset[str]:
    """First names of a list of people at the page's head with no "Present:" label over it, one
    a line ("Lesley Law – Practice Manager" / "John Gorman"): two such lines at least."""
    found = [m.group(1) for t in lines[:_HEAD_LINES] if (m := _NAME_LINE_RE.match(t.strip()))]
    return frozenset(found) if len(found) >= 2 else frozenset()


# "between Brian, Tyler and Samuel", "with Anna and Tom": first names listed together
_CO_LISTED_RE = re.compile(
    r"\b([A-Z][a-z]{2,14})((?:,\s+[A-Z][a-z]{2,14}){0,4}),?\s+(?:and|&)\s+([A-Z][a-z]{2,14})\b"
)


def co_listed(lines: Sequence[str], names: frozenset[str]) -> frozenset[str]:
    """First names listed with the first names of people the page already knows ("a meeting
    between Brian, Tyler and Samuel", Tyler and Samuel named in full): the others are people
    too. Half of the list at least must be known."""
    found: set[str] = set()
    for t in lines:
        if " and " not in t and "&" not in t:
            continue
        for m in _CO_LISTED_RE.finditer(t):
            words = [m.group(1), *re.findall(r"[A-Z][a-z]+", m.group(2)), m.group(3)]
            known = sum(w in names for w in words)
            if known and 2 * known >= len(words):
                found.update(words)
    return frozenset(found - names)


def _add(names: set[str], texts: Sequence[str]) -> None:
    for text in texts:
        parts = [
            re.sub(r"^(?:and|&)\s+", "", p.strip())  # "..., and Sarah"
            for p in _APART_RE.split(_TITLE_RE.sub("", text))
            if p.strip()
        ]
        for part in parts:
            m = _FULL_NAME_RE.match(part)
            if (
                m
                and m.group("first").lower() not in _NOT_FIRST
                and m.group("surname").lower() not in _NOT_SURNAME
            ):
                names.add(m.group("first"))
        alone = [p.rstrip(".") for p in parts if _FIRST_ALONE_RE.fullmatch(p)]
        if len(alone) >= 3 and len(alone) * 2 >= len(parts):
            names.update(a for a in alone if a.lower() not in _NOT_FIRST)


# "Robin Crofts reported ...", "Maggie Waller agreed to ...": a person the minutes name in full
# as the one who spoke or acted, so "Robin to speak to ..." later on the page is that person
_SPEAKER_RE = re.compile(
    r"(?<![\w'\u2019])(?P<first>[A-Z][a-z]{1,14})\s+(?:[A-Z]\.?\s+)?"
    r"(?P<surname>(?:Ma?c|O\u2019|O')?[A-Z][a-z'\u2019]+(?:-[A-Z][a-z]+)?)\s+"
    r"(?:reported|noted|advised|confirmed|explained|said|stated|asked|agreed|presented|"
    r"introduced|informed|updated|suggested|outlined|welcomed|thanked|highlighted|raised|"
    r"queried|proposed|gave|provided|clarified|commented|added|expressed|took|put|volunteered|"
    r"offered)\b"
)


def speakers(lines: Sequence[str]) -> frozenset[str]:
    """First names of the people the page names in full as speaking or acting."""
    names = set()
    for text in lines:
        for m in _SPEAKER_RE.finditer(text):
            if (
                m.group("first").lower() not in _NOT_FIRST
                and m.group("surname").lower() not in _NOT_SURNAME
            ):
                names.add(m.group("first"))
    return frozenset(names)


# "Jane Doe (Healthwatch)", "Tom Evans, Barnardo's", "Ann Lee – Probation": a person's
# organisation written after the name in the page's attendance list, one capitalised word
_ORGANISATION_RE = re.compile(
    r"\b[A-Z][a-z'\u2019\-]+\s+[A-Z][a-z'\u2019\-]+\s*(?:\(\s*|,\s*|[\u2013\u2014\-]\s+)"
    r"(?P<org>[A-Z][A-Za-z'\u2019]{2,20})(?=\s*[),;]|\s*$|\s*\n)"
)
# one-word roles and places a list may give after a name, which are not organisations
_NOT_ORGANISATION = frozenset(
    [
        "chair",
        "chairman",
        "chairperson",
        "vice",
        "clerk",
        "secretary",
        "treasurer",
        "mayor",
        "member",
        "members",
        "councillor",
        "cllr",
        "officer",
        "manager",
        "director",
        "minutes",
        "apologies",
        "present",
        "observer",
        "guest",
        "visitor",
        "deputy",
        "lead",
        "speaker",
        "public",
    ]
)


def organisations(lines: Sequence[str]) -> frozenset[str]:
    """Organisations the page names in one word after a person's name ("Jane Doe
    (Healthwatch)"): a directive they open ("Healthwatch to circulate ...") names who acts."""
    found: set[str] = set()
    for text in lines:
        for m in _ORGANISATION_RE.finditer(text):
            org = m.group("org")
            if org.lower() not in _NOT_ORGANISATION and not org.isupper():
                found.add(org)
    return frozenset(found)
