"""Who is being asked: owner phrases, and splitting "<owner> to <what>" sentences."""

from __future__ import annotations

import re

from .text import collapse, matchable


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


ROLE_WORDS = _set(
    """director directors assistant head heads manager managers officer officers executive
    chief member members cllr councillor councillors leader chair chairman chairperson
    vice-chair vice-chairman clerk scrutiny democratic services service team teams board boards
    committee sub-committee council councils cabinet panel lead leads commissioner commissioners
    partnership partnerships partners partner group unit department directorate authority
    secretary coordinator co-ordinator coordinators co-ordinators adviser advisor advisers
    advisors practitioner practitioners principal governors trust nhs police icb portfolio
    holder mayor deputy staff colleagues administrator analyst forum commission network agency
    agencies provider providers schools hub hubs dsu worker workers volunteers"""
)
# Partner organisations a board names in one word ("Healthwatch to circulate ...", "Barnardo's to
# share ...", "Probation to report ..."), as "Police" is: bodies, not the things a capitalised
# word at the head of a sentence names ("Growth to continue ...")
PARTNER_BODIES = _set(
    """healthwatch barnardo's barnardos probation cafcass ofsted nspcc camhs nhs icb ccg
    samaritans"""
)
# Words that end a noun phrase which is a thing, not somebody.
NON_AGENT_HEADS = _set(
    """report reports strategy plan plans policy update updates document documents minutes
    recommendation recommendations feedback comments item items matter proposal proposals
    information data figures budget review progress framework model approach work programme
    arrangements performance presentation paper papers outcome outcomes offer action actions
    response consultation findings evidence statement terms reference"""
)
FORBIDDEN_OWNER_WORDS = _set(
    """be is are was were been being has have had that which who not to will would should
    shall must it this these there its if when where how why what can could may might a an"""
)
RESOLUTION_VERBS = _set(
    """welcomes notes agrees endorses approves highlights recognises recognizes supports thanks
    asks requests accepts receives resolves recommends commends acknowledges considers confirms
    instructs invites delegates authorises authorizes calls urges encourages reaffirms expresses
    wishes looks agree approve endorse note welcome support receive accept"""
)
_NAME_RE = re.compile(
    # "Cllr Mrs A Gregory Smith": a councillor's title before the person's
    # "Cyng. Jones" (a Welsh councillor), "CCllr Smith", "CC Smith" (a Scottish community
    # councillor), "Alderman Smith" (Northern Ireland)
    r"(?:(?:Cllr|Councillor|Cyng|Cynghorydd|CCllr|CClr|CC|Alderman|Ald|Mr|Mrs|Ms|Miss|Dr|Prof"
    r"|Professor|Sir|Dame)\.?\s+){1,2}"
    r"[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*){0,3}"
)
_PLAIN_NAME_RE = re.compile(r"[A-Z][a-z'\-]+(?:\s+[A-Z][a-z'\-]+){1,2}")
_ACRONYM_RE = re.compile(r"[A-Z]{2,6}s?")
_INITIALS_RE = re.compile(r"[A-Z]{1,3}(?:\s*(?:/|,|and|&)\s*[A-Z]{1,3})*")


def _words(owner: str) -> list[str]:
    return [w.strip(".,;:()'\u2019\"").lower() for w in owner.split()]


def _forbidden(owner: str) -> bool:
    """A word no owner holds ("the", "a", "it" ...); a capital initial after the first word
    ("Cllr Mrs A Gregory Smith") is not the article ("A quote to repair ..." starts with it)."""
    return any(
        w in FORBIDDEN_OWNER_WORDS
        for k, (w, raw) in enumerate(zip(_words(owner), owner.split(), strict=False))
        if k == 0 or not re.fullmatch(r"[A-Z]\.?", raw)
    )


def is_agent(owner: str) -> bool:
    """Does this noun phrase name somebody (a role, a body, a person) who can do work?"""
    o = matchable(collapse(owner)).strip(" ,;:")
    if not o or len(o) > 150:
        return False
    words = _words(o)
    if len(words) > 14 or _forbidden(o):
        return False
    lower_words = [w for w, raw in zip(words, o.split(), strict=False) if raw[:1].islower()]
    if words[0] in RESOLUTION_VERBS or any(w in RESOLUTION_VERBS for w in lower_words):
        return False
    if len(words) == 1 and words[0].replace("\u2019", "'") in PARTNER_BODIES:
        return True
    if words[-1] in NON_AGENT_HEADS or words[-1].endswith("'s"):
        return False
    # "The PC to supply ...", "the CCG to confirm ...": a body by its initials, after "the"
    if _NAME_RE.fullmatch(o) or _ACRONYM_RE.fullmatch(re.sub(r"^[Tt]he\s+", "", o)):
        return True
    if any(w in ROLE_WORDS or w.rstrip("s") in ROLE_WORDS for w in words):
        return True
    return bool(_PLAIN_NAME_RE.fullmatch(o)) and words[0] != "the"


def tidy_owner(owner: str, strip_article: bool) -> str:
    """Trim an owner phrase. With `strip_article` (owners read from resolutions) the owner is
    written as a name: a leading "the" is dropped and a lower-case first word is capitalised,
    so "the Assistant Director" -> "Assistant Director", "the Committee" -> "Committee",
    "the service" -> "Service", "officers" -> "Officers"."""
    o = collapse(owner).strip(" ,;:-\u2013\u2014")
    if strip_article:
        o = re.sub(r"^the\s+(?=\S)", "", o, flags=re.I)
        first = o.split(" ", 1)[0]
        if first.isalpha() and first.islower():
            o = o[:1].upper() + o[1:]
    return o


def tidy_text(text: str) -> str:
    t = collapse(text)
    t = re.sub(r"(?:\s*[;,]\s*(?:and|or)?)+$", "", t)
    return t.strip()


# "<owner> to <what>", "<owner> will <what>", "<owner> agreed to <what>"
_SPLIT_RE = re.compile(
    r"\s(?:to|will|would|should|shall|must|(?:has|have)\s+agreed\s+to|agreed\s+to|"
    r"(?:was|were)\s+(?:asked|directed|instructed)\s+to|(?:is|are)\s+to)\s+",
    re.I,
)
_TRAILING_OWNER_RE = re.compile(
    # "... (AH)", "... [AH]" (the owner in square brackets), "... [JH to action]", "... - Clerk"
    r"^(?P<text>.+?)\s*(?:[(\[]\s*(?P<o1>[A-Z][^()\[\]]{0,60}?)(?:\s+to\s+action)?\s*[)\]]"
    r"|\s-\s*(?P<o2>[A-Z][^-]{0,60}?))\s*\.?$"
)
# what a task starts with: "Circulate the slides ...", "Book the room ..." (a word, not a person)
IMPERATIVES = frozenset(
    {
        "add", "agree", "amend", "apply", "approach", "arrange", "ask", "book", "bring", "buy",
        "chase", "check", "circulate", "circulated", "clarify", "collate", "compile", "complete",
        "confirm", "consider", "contact", "develop", "discuss", "distribute", "draft", "draw",
        "email", "ensure", "escalate", "establish", "explore", "feed", "finalise", "finalize",
        "find", "fix", "follow", "forward", "get", "go", "identify", "include", "inform",
        "install", "investigate", "invite", "liaise", "look", "meet", "notify", "obtain", "order",
        "organise", "organize", "prepare", "present", "print", "produce", "provide", "publish",
        "purchase", "put", "raise", "refer", "remind", "remove", "renew", "repair", "replace",
        "reply", "report", "reprint", "request", "respond", "review", "schedule", "seek", "send",
        "set", "share", "source", "speak", "submit", "talk", "test", "update", "visit", "write",
        "write-up",
    }
)  # fmt: skip
# what a task in an action log opens on: the imperatives above, and more that logs use
TASK_VERBS = IMPERATIVES | _set(
    """access adopt advertise advise allocate appoint approve assess attend audit authorise brief
    cancel capture clean clear close collect commission communicate consult continue
    coordinate co-ordinate cost create cut decide define deliver design determine display do
    encourage engage enquire erect evaluate file fill fund gather give hand highlight hold
    host implement improve insert inspect instruct insure issue keep lay let log maintain make
    manage map monitor move mow negotiate note open paint pass pay phone pick plan plant post
    pursue rearrange receive recruit redraft reinstate repaint research resolve restore return
    revise ring run scope select sign sort start stop store supply support take tell tidy trim
    undertake upload"""
)
_IMPERATIVE_RE = re.compile(rf"(?:to\s+)?(?:{'|'.join(sorted(IMPERATIVES))})\b", re.I)


# a phrase of time or condition before " to ": it says when, and names nobody
_NOT_OWNER_FIRST = frozenset(
    ["after", "before", "following", "once", "when", "if", "until", "during", "prior", "on", "at",
     "in", "with", "from", "by"]
)  # fmt: skip


def _task_first(text: str) -> bool:
    """Does `text` ("Thank you letters to guest speakers") say what is to be done before who
    does it: no "<owner> to <verb>" in it ("The Treasurer to send ...", "Clerk to write ...")?"""
    head = _SPLIT_RE.search(text)
    if head is None:
        return True
    if head.group(0).strip().lower() != "to":
        return False  # "Tom will send ... - Clerk": a modal names its subject as the owner
    owner = text[: head.start()].strip(" ,:-")
    after = text[head.end() :].split()
    return not is_agent(owner) and (not after or after[0].lower() not in IMPERATIVES)


def split_owner(body: str) -> tuple[str, str] | None:
    """Split an action sentence into (owner, what-to-do); None when no owner can be read."""
    b = collapse(body).strip(" :-\u2013\u2014")
    if not b:
        return None
    bm = matchable(b)
    imperative = bool(_IMPERATIVE_RE.match(bm))
    if imperative:  # "Circulate the slides to Members - Clerk"
        tm = _TRAILING_OWNER_RE.match(bm)
        if tm:
            o = tm.group("o1") or tm.group("o2")
            if o and len(o.split()) <= 8 and not _IMPERATIVE_RE.match(o):
                start = tm.start("o1") if tm.group("o1") else tm.start("o2")
                owner = b[start : start + len(o)]
                text = re.sub(r"^to\s+", "", b[: tm.end("text")], flags=re.I)
                return owner.strip(), text.strip()
    tm = None if imperative else _TRAILING_OWNER_RE.match(bm)
    o = tm and (tm.group("o1") or tm.group("o2"))
    if tm and o and len(o.split()) <= 4 and is_agent(o) and _task_first(bm[: tm.end("text")]):
        # "Thank you letters to guest speakers – Sean Neeson": what is to be done, then who
        start = tm.start("o1") if tm.group("o1") else tm.start("o2")
        return b[start : start + len(o)].strip(), b[: tm.end("text")].strip()
    sm = _SPLIT_RE.search(bm)
    if not sm:
        return None
    owner = b[: sm.start()].strip(" ,:-\u2013\u2014")
    text = b[sm.end() :].strip()
    words = _words(matchable(owner))
    if not owner or not text or len(words) > 12:
        return None
    if _forbidden(owner) or re.match(r"be\b", text, re.I):
        return None
    if words and words[0] in _NOT_OWNER_FIRST:
        return None  # "After meeting with Morrisons to put out ...": when, not who
    if imperative and not is_agent(owner):
        return None  # "Circulate the slides to Members": no owner named
    return owner, text
