"""Follow-ups proposed by resolutions: "That the Assistant Director provides members with ...",
"asks the service to explore ...", "That a report be brought back ...". Conservative: noting,
approving, endorsing and welcoming are not follow-ups."""

from __future__ import annotations

import re

from .models import ExtractedFollowUp, ExtractedResolution, Uncertainty
from .owners import is_agent, tidy_owner, tidy_text
from .text import find_due, matchable

_BASE_VERB_WORDS = """provide report circulate bring arrange update share write investigate consider
explore review prepare produce develop present submit send contact organise organize liaise
seek ensure monitor meet establish undertake look follow consult engage publish add include
respond return come feed give set schedule invite confirm clarify identify obtain distribute
deliver implement lobby raise commission finalise finalize amend revise draft carry assess
evaluate examine discuss inform notify advise brief compile collate gather approach take make
keep chase progress refer escalate email research pilot map design coordinate co-ordinate
convene hold attend visit recruit launch extend expand allocate forward check
circulate test produce lead explain outline answer"""
_BASE_VERBS = _BASE_VERB_WORDS.split()


def _forms(base: str) -> list[str]:
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        third = base[:-1] + "ies"
    elif base.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = base + "es"
    else:
        third = base + "s"
    return [base, third]


_VERBS = sorted({f for b in _BASE_VERBS for f in _forms(b)}, key=len, reverse=True)
_VERB_RE = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, _VERBS)) + r")(?![\w-])")
_MODAL_END_RE = re.compile(r"\s(?:will|should|shall|must|would|to|be\s+required\s+to)\s*$")
_MAX_PER_RESOLUTION = 8
_NOUN_NEXT = {"be", "is", "are", "was", "were", "has", "have", "had", "of", "and", "or", "'s"}

_NOT_A_VERB = {
    "the", "a", "an", "future", "its", "their", "his", "her", "this", "these", "those", "next",
    "all", "each", "any", "every", "our", "your", "subsequent", "further", "forthcoming",
}  # fmt: skip
_THAT_RE = re.compile(r"^\s*that\s+", re.I)
_ASKED_RE = re.compile(
    r"^(?P<owner>.{1,150}?)\s+(?:be|is|are)\s+(?:(?:formally|also|now|further|hereby)\s+)?"
    r"(?:asked|requested|invited|instructed|authori[sz]ed|directed|tasked|mandated|encouraged|"
    r"urged|required|(?:given|granted)\s+delegated\s+authority|delegated\s+authority)\s+"
    r"(?:to|with)\s+(?P<text>\S.*)$",
    re.I,
)
_PASSIVE_RE = re.compile(
    r"^(?P<subj>.{1,150}?)\s+(?:be|is|are)\s+(?:(?:now|also|then|formally|further|duly)\s+)?"
    r"(?:provided|circulated|brought|submitted|presented|reported|shared|sent|produced|"
    r"prepared|arranged|scheduled|added|explored|investigated|undertaken|carried\s+out|written|"
    r"given|reviewed|updated|developed|drafted|commissioned|published|distributed|issued|"
    r"organised|organized|sought|obtained|established|set\s+up|referred|forwarded|escalated|"
    r"monitored|included|considered\s+(?:at|by)|explained|clarified|investigated|made\s+available"
    r")\b",
    re.I,
)
_RECEIVE_RE = re.compile(
    r"\b(?:receives?|be\s+provided\s+with|is\s+provided\s+with|are\s+provided\s+with)\s+"
    r"(?:a|an)\s+(?:further\s+|follow-up\s+|progress\s+|update\s+|written\s+|more\s+detailed\s+)?"
    r"(?:report|update|briefing|presentation|paper)\b",
    re.I,
)
_ASKS_TO_RE = re.compile(
    r"\b(?:asks?|asked|requests?|requested|instructs?|instructed|invites?|invited|"
    r"calls\s+(?:on|upon)|requires?|encourages?|urges?|directs?|tasks?|mandates?)\s+"
    r"(?P<owner>[^,;:]{1,120}?)\s+to\s+(?P<text>\S.*)$",
    re.I,
)
_ASKS_THAT_RE = re.compile(
    r"\b(?:asks?|requests?|recommends?|agrees?|resolves?|directs?|instructs?|proposes?)\s+"
    r"that\s+(?P<clause>\S.*)$",
    re.I,
)
# "delegates authority to the Director ..., in consultation with the Cabinet Member, to award ...",
# "authority be delegated to the Head of Legal Services to ...": a follow-up for the delegate.
_DELEGATES_RE = re.compile(
    r"\b(?:(?:delegates?|grants?|gives?)\s+(?:its\s+|the\s+)?(?:delegated\s+)?(?:authority|powers?)"
    r"|(?:delegated\s+)?(?:authority|powers?)\s+(?:be|is|are|was|were|has\s+been|have\s+been)\s+"
    r"(?:hereby\s+)?(?:delegated|given|granted))\s+to\s+(?P<owner>.{1,200}?)\s+to\s+"
    r"(?P<text>(?!consult)\S.*)$",
    re.I,
)
_CONSULT_RE = re.compile(r",?\s+(?:in|after|following)\s+consultation\s+with\s+", re.I)
_WILL_RE = re.compile(
    r"\s(?:will|shall|should|must)\s+(?!be\b|not\b|have\b|need\b|continue\b|remain\b)(?=[a-z])"
)
_CLAUSE_BOUNDARY_RE = re.compile(r",|;|:|\band\b|\bthat\b|\bwhich\b|\bwhere\b", re.I)
_WORK_HINT_RE = re.compile(
    r"\b(?:report(?:s|ed)?\s+back|come\s+back|further\s+report|circulat\w*|brought\s+back|"
    r"bring\s+back|follow[\s-]up|update\s+(?:to|at)\b|in\s+(?:\w+\s+)?months'?\s+time)",
    re.I,
)
_INTRO_ASKED_RE = re.compile(
    r"^(?:that\s+)?(?P<owner>.{1,150}?)\s+(?:be|is|are)\s+(?:asked|requested|instructed|"
    r"invited|authori[sz]ed|tasked)\s+to\s*[:\-]*\s*$",
    re.I,
)
_INTRO_AGENT_RE = re.compile(r"^(?:that\s+)?(?P<owner>.{1,150}?)\s*[:\-]+\s*$", re.I)
_MEETING_BODIES = {
    "committee",
    "sub-committee",
    "cabinet",
    "board",
    "panel",
    "commission",
    "council",
    "members",
    "meeting",
    "forum",
    "group",
    "partnership",
}


def _owner_verb(clause: str, cm: str) -> tuple[str, str] | None:
    """ "<agent> provides ...", "<agent> be asked to ...", "<agent> should review ..." """
    am = _ASKED_RE.match(cm)
    if am and is_agent(am.group("owner")):
        return clause[: am.end("owner")], clause[am.start("text") :]
    for n, vm in enumerate(_VERB_RE.finditer(cm, 0, 300)):
        if n >= 6:
            break
        head = cm[: vm.start()]
        mm = _MODAL_END_RE.search(head)
        owner_end = mm.start() if mm else len(head.rstrip())
        owner = clause[:owner_end]
        after = cm[vm.end() :].split(None, 1)
        if after and after[0].lower().strip(",.;") in _NOUN_NEXT:
            continue
        if after and after[0].startswith("'s"):
            continue
        if _REQUEST_VERB_RE.match(owner):
            return None  # "ask the Commissioner to provide ...": the one asked is read below
        if is_agent(owner):
            return owner, clause[vm.start() :]
    return None


# a verb-first item that asks someone ("ask the Commissioner to provide ...", "request the
# Director to ..."): what comes before the next verb is that request, not its owner
_REQUEST_VERB_RE = re.compile(
    r"^\s*(?:to\s+)?(?:ask|asks|request|requests|invite|invites|instruct|instructs|require"
    r"|requires|direct|directs|urge|urges|encourage|encourages)\b",
    re.I,
)


_AND_THAT_RE = re.compile(r"(?:[,;]\s*(?:and\s+)?|\s+and\s+)that\s+", re.I)


def _clauses(clause: str, cm: str) -> list[tuple[str, str]]:
    """ "A be noted and that the Chair write ..." -> ["A be noted", "the Chair write ..."]"""
    out, start = [], 0
    for sep in _AND_THAT_RE.finditer(cm):
        out.append((clause[start : sep.start()], cm[start : sep.start()]))
        start = sep.end()
    out.append((clause[start:], cm[start:]))
    return [(a, b) for a, b in out if a.strip()]


def _passive(clause: str, cm: str) -> str | None:
    pm = _PASSIVE_RE.match(cm)
    if pm:
        return clause
    return None


def followups_for(
    res: ExtractedResolution, intro: str | None
) -> tuple[list[ExtractedFollowUp], list[Uncertainty]]:
    if res.kind == "noted" or not res.text:
        return [], []
    text = res.text
    m = matchable(text)
    found: list[tuple[str, str, bool]] = []  # (owner, text, owner_missing)

    # An introduction naming who is asked: "That the Director be asked to: (a) ... (b) ..."
    if intro:
        im = _INTRO_ASKED_RE.match(matchable(intro))
        if im and is_agent(im.group("owner")):
            owner = intro[im.start("owner") : im.end("owner")]
            body = re.sub(r"^(?:that\s+|to\s+)", "", text, flags=re.I)
            return [_fu(res, owner, body)], []
        im = _INTRO_AGENT_RE.match(matchable(intro))
        if (
            im
            and is_agent(im.group("owner"))
            and not _is_meeting_body(im.group("owner"))
            and (_VERB_RE.match(m) or _VERB_RE.match(m[:1].lower() + m[1:]))
        ):
            owner = intro[im.start("owner") : im.end("owner")]
            return [_fu(res, owner, text)], []

    lead = _THAT_RE.match(m)
    clause, cm = (text[lead.end() :], m[lead.end() :]) if lead else (text, m)
    asks_that = _ASKS_THAT_RE.search(cm)
    for sub, subm in _clauses(clause, cm):
        if asks_that is not None:
            inner = _ASKS_THAT_RE.search(subm)
            if inner is not None:
                sub, subm = sub[inner.start("clause") :], subm[inner.start("clause") :]
        ov = _owner_verb(sub, subm)
        if ov:
            found.append((ov[0], ov[1], False))
        elif _passive(sub, subm) or _RECEIVE_RE.search(subm):
            found.append(("", sub, True))
    for am in _ASKS_TO_RE.finditer(cm):
        owner = clause[am.start("owner") : am.end("owner")]
        first = am.group("text").split()[0].lower()
        if first in _NOT_A_VERB:
            continue  # "to invite the Members to future meetings": they come, nobody acts
        if is_agent(owner):
            found.append((owner, clause[am.start("text") :], False))
    for dm in _DELEGATES_RE.finditer(cm):
        owner = clause[dm.start("owner") : dm.end("owner")]
        consult = _CONSULT_RE.search(matchable(owner))
        with_whom = ""
        if consult is not None:
            with_whom = owner[consult.end() :].strip(" ,")
            owner = owner[: consult.start()]
        if is_agent(owner):
            body = tidy_text(clause[dm.start("text") :])
            if with_whom:
                stop = "." if body.endswith(".") else ""
                body = f"{body.rstrip('.')} (in consultation with {with_whom}){stop}"
            found.append((owner, body, False))
    for wm in _WILL_RE.finditer(cm):
        lo = max(0, wm.start() - 160)
        head = cm[lo : wm.start()]
        cuts = [b.end() for b in _CLAUSE_BOUNDARY_RE.finditer(head)]
        start = lo + cuts[-1] if cuts else lo
        if start == lo and lo > 0:
            continue
        owner = clause[start : wm.start()]
        if is_agent(owner):
            found.append((owner, clause[wm.end() :], False))

    fus: list[ExtractedFollowUp] = []
    uns: list[Uncertainty] = []
    seen: set[tuple[str, str]] = set()
    for owner, body, missing in found[:_MAX_PER_RESOLUTION]:
        fu = _fu(res, owner, body)
        key = (fu.owner, fu.text)
        if key in seen or not fu.text:
            continue
        seen.add(key)
        fus.append(fu)
        if missing:
            uns.append(
                Uncertainty(
                    res.line,
                    res.text,
                    f"resolution {res.number or '(unnumbered)'} asks "
                    "for work but names nobody to do it; follow-up recorded without owner",
                )
            )
    if not fus and _WORK_HINT_RE.search(m):
        uns.append(
            Uncertainty(
                res.line,
                res.text,
                f"resolution {res.number or '(unnumbered)'} seems to "
                "ask for further work, but no owner or task could be read",
            )
        )
    return fus, uns


def _fu(res: ExtractedResolution, owner: str, body: str) -> ExtractedFollowUp:
    t = tidy_text(body)
    return ExtractedFollowUp(
        tidy_owner(owner, strip_article=True), t, res.number, res.line, "resolution", find_due(t)
    )


def _is_meeting_body(owner: str) -> bool:
    words = owner.lower().split()
    return bool(words) and words[-1] in _MEETING_BODIES
