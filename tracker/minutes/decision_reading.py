"""What a sentence of minutes says that reads as a decision of the meeting, and how much it
weighs: the patterns and the weighing of the review net for resolutions (`decision_net`, which
walks the page, keeps the budget and lists what scores enough)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .scoring import _SENTENCE_RE, _TITLE_ABBREVIATION_RE, BODY

# the decision verbs in the forms an outcome takes (past, passive, present third person)
_VERBS = (
    r"agreed|agrees|resolved|resolves|approved|approves|decided|decides|accepted|accepts|"
    r"carried|declined|refused|supported|supports|objected|deferred|ratified|ratifies|"
    r"endorsed|endorses|adopted|adopts|(?:re-?)?elected|(?:re-?)?appointed|co-?opted|"
    r"confirmed|rejected|rescinded"
)
# rule 3's words: what the body "agreed", "resolved" or "decided" is its decision
_CORE = ("agreed", "agrees", "resolved", "resolves", "decided", "decides")
_VERB_RE = re.compile(rf"\b(?P<verb>{_VERBS})\b", re.I)
_NOTED_RE = re.compile(r"\b(?P<verb>noted|notes)\b", re.I)
# a clause after the verb that says what was decided ("agreed that ...", "decided to ...")
_CLAUSE_AFTER_RE = re.compile(r"\W{0,2}\s*(?:that|to|with|unanimously|,?\s*that)\b", re.I)
# the outcome of a vote or of a planning response, a motion seconded, a "Determination" of an
# appeal, the body's decision stated as a noun
_OUTCOME_RE = re.compile(
    r"\b(?P<verb>(?:all|unanimously|majority)\s+(?:were\s+)?in\s+favou?r|"
    r"(?:were\s+)?(?:all\s+)?in\s+agreement|unanimous(?:ly)?|nem\.?\s*con|"
    r"no\s+objections?|(?:motion|proposal|amendment)s?\s+(?:was\s+|were\s+)?"
    r"(?:carried|lost|defeated|fell)|"
    r"voted\s+(?:unanimously\s+)?(?:to|in\s+favou?r|against|for)|"
    r"determination\s+\d+\s*[-\u2013:]\s*\w+|"
    r"(?:the\s+\w+(?:'s|\u2019s)?\s+)?decision\s+(?:was|is)|"
    r"agreement\s+was\s+reached|(?:met|received|given)\s+(?:the\s+\w+(?:'s|\u2019s)?\s+)?approval|"
    # "No further action required by Council": the item closed, the body's own outcome
    r"no\s+further\s+action\s+(?:is\s+|was\s+)?(?:required|needed|necessary)"
    r"(?=\s+by\s+(?:the\s+)?(?:council|committee|board|meeting)\b))",
    re.I,
)
# a motion put: "proposed by A, seconded by B", "Richard Groverproposed, Gwynne Williamsseconded"
_SECONDED_RE = re.compile(r"(?P<verb>seconded|2nd(?:ed)?\s+by)\b", re.I)
_KEYWORD_OUTCOME_RE = re.compile(
    r"^(?:agreed|approved|resolved|noted|accepted|carried|deferred|ratified|endorsed|adopted|"
    r"no\s+objections?|received|confirmed)\b",
    re.I,
)
# the meeting deciding: the body by name or by its initials, "It was", "Members (of the ...)"
_SUBJECT = (
    r"(?:it\s+(?:was|is|has\s+been)|"
    r"members(?:\s+of\s+the(?:\s+(?-i:[A-Z])[\w'\u2019\-]*){1,4})?|councillors|all|everyone|"
    r"(?-i:We)|"
    rf"(?:the\s+)?(?:(?-i:[A-Z])[\w'\u2019\-]*\s+){{0,4}}(?:{BODY})|the\s+(?:(?-i:[A-Z])\w*\s+){{0,3}}(?-i:[A-Z]{{2,6}}))"
)
_BODY_SUBJECT_RE = re.compile(
    rf"(?:^|(?<=[\s,(\-\u2013]))(?P<who>{_SUBJECT})"
    r"(?:,?\s+(?:also|further|then|therefore|unanimously|formally|duly|subsequently|"
    r"(?:was|were|is|has|have|had)(?:\s+been)?),?)*\s+$",
    re.I,
)
# subjects the judging rules do not read as the body ("Members agreed", "It was noted")
_WEAK_SUBJECT_RE = re.compile(r"(?i)(?:it|members|councillors|all|everyone|we)\b")
# "agreed by all", "approved by the group", "agreed unanimously": the meeting as the agent
_AGENT_RE = re.compile(
    rf"\s+(?:by\s+(?:all|everyone|those\s+present|members|councillors|(?:the\s+)?(?:{BODY}))\b|"
    r"unanimously|nem\.?\s*con)",
    re.I,
)
# a past or passive form before the verb: "was approved", "were agreed", "is agreed", "been"
_PASSIVE_RE = re.compile(r"\b(?:was|were|is|are|been|be)\s+(?:\w+ly\s+)?$", re.I)
# the minutes of a meeting approved, confirmed, signed
_MINUTES_RE = re.compile(
    r"\bminutes\b[^;]{0,160}?\b(?P<verb>approved|agreed|confirmed|accepted|adopted|signed)\b", re.I
)
# a proposal, a wish or a future: not what was decided ("to approve", "will be asked to agree",
# "for approval", "would be supported", "if agreed")
_NOT_YET_RE = re.compile(
    r"\b(?:to|will|would|shall|should|could|may|might|must|can|cannot|if|unless|whether|"
    r"once|until|when|needs?|asked|for|hopes?|hoped)\s+(?:\w+\s+){0,2}$",
    re.I,
)
# the words of someone reporting, asking or explaining: what others decided, or a view
_REPORTED_RE = re.compile(
    r"\b(?:said|says|reported|reports|advised|explained|informed|stated|mentioned|commented|"
    r"felt|feels|suggested|suggests|asked|queried|enquired|inquired|questioned|thought|hoped|"
    r"believed|expressed|raised|told|updated|highlighted|understood|indicated|announced|"
    r"outlined|presented|recommended|requested|had|has|have|previously|recently|already)\b",
    re.I,
)
# the meeting's own outcome word opening the sentence ("Agreed.", "Approved by all.",
# "Noted the report.", "Deferred to the next meeting.", "No objection.", "Support.") or a
# decision notice's verb-first item in the present ("Approves the allocation ...")
_OPENER_RE = re.compile(
    rf"^\W{{0,3}}(?:\(?[0-9a-z]{{1,3}}[.):]\s*)?(?P<verb>{_VERBS}|noted|notes|no\s+objections?|"
    r"unanimous(?:ly)?|authori[sz]es|delegates|requests|instructs|welcomes)\b"
    r"(?!\s*:)(?!\s+(?:minutes|plans?|applications?|budget|accounts|of|from|by\s+[A-Z])\b)",
    re.I,
)
# weaker: an imperative or a bare participle opening the sentence ("Approve the expenditure",
# "Considered and commented on ...", "Support.", "Received.")
_WEAK_OPENER_RE = re.compile(
    r"^\W{0,3}(?:\(?[0-9a-z]{1,3}[.):]\s*)?(?:(?P<verb>approve|agree|note|endorse|authori[sz]e|"
    r"accept|adopt|ratify|considered|received|signed)\s+(?:the|that|a|an|and|this|these|its|all|"
    r"their|as|with|in)\b|(?P<bare>support|object|received|noted|agreed)\W{0,3}(?:$|[-\u2013(]))",
    re.I,
)
# an outcome word opening a list item glued to what comes before ("Working Groups a Noted the
# notes of ...")
_GLUED_OPENER_RE = re.compile(
    r"\s(?:[a-h]|i{1,3}|iv|v|\d{1,2})[.)]?\s+"
    r"(?P<verb>(?-i:Noted|Agreed|Approved|Resolved|Deferred|Accepted|Ratified|Endorsed))\s+\w"
)
# the outcome closing the sentence after a title or a dash ("Clerks & Councils - noted.",
# "MINUTES OF MEETING 9th March 2010: Agreed", "... - Agreed by all and signed by the Chairman")
_CLOSER_RE = re.compile(
    rf"(?:\s[-\u2013\u2014]|[:;,])\s*(?P<verb>{_VERBS}|noted|no\s+objections?)"
    r"(?:\s+(?!that\b|to\b)[\w&'\u2019,-]+){0,12}\W{0,3}$",
    re.I,
)
# "That the report be noted.", "that Cllr Burgess be the second representative", "that other
# companies should be contacted": a bare clause standing as an outcome (the subjunctive "be",
# "should", "shall", "could", a passive) and not a report ("would", "was")
_BARE_CLAUSE_RE = re.compile(
    r"^\W{0,3}(?:\(?[0-9a-z]{1,4}[.)]\s*)?that\s+(?!is\b|was\b|would\b|could\b|said\b|he\b|she\b)"
    r"(?:(?!\b(?:would|was|were|had|has|have|there)\b)[^.?!]){2,200}?"
    r"\b(?:be|should\s+be|shall|could\s+be|must|are\s+to|is\s+to)\b(?!\s+(?:good|helpful|"
    r"useful|nice|possible|noted\s+that)\b)",
    re.I,
)
# an outcome with its own clause ("... AGREED to recommend APPROVAL", "agreed that ...")
_OWN_CLAUSE_RE = re.compile(rf"\b(?:{_VERBS})\s+(?:that|to)\b", re.I)
# a decision keyword as a label over its text ("Resolved: payments approved", "Decision - To
# allocate ...")
_LABEL_RE = re.compile(
    r"^\W{0,3}(?:\d{1,3}(?:\.\d{1,2})*\.?\s+)?(?P<verb>resolved|agreed|decided|decision|approved)"
    r"\s*(?::-?|[-\u2013])\s*\S",
    re.I,
)
# "Decision Maker: ...", "Effective from: 10/01/2020", "Decision:": a decision notice's labels,
# the decision following them
_NOTICE_LABEL_RE = re.compile(r"^\W{0,3}(?:decisions?(?:\s+made)?|effective\s+from)\s*:", re.I)
# a clause whose decision word ended the unit before ("It was RESOLVED" / "to accept the
# apology."), lower case
_CLAUSE_START_RE = re.compile(r"^\W{0,3}(?:that|to)\s+\w", re.U)
_ENDS_DECIDING_RE = re.compile(
    rf"\b(?:{_VERBS}|it\s+was\s+(?:unanimously\s+)?(?:agreed|resolved|decided))\s*[:,-]?\s*$", re.I
)
# a lead-in that decides, the list below it being the decision ("It was agreed:", "That the
# Committee:", "RESOLVED that:", "The Board agreed to:")
_LEAD_IN_RE = re.compile(
    rf"(?:\b(?:{_VERBS})\b|^\W{{0,3}}that\s+the\s+[\w\s'\u2019-]{{2,60}}|recommended)"
    r"[^.]{0,60}:\s*-?$",
    re.I,
)
# a list item: a number, letter, roman numeral or bullet, or a "That"/"To" clause
_ITEM_RE = re.compile(
    r"^\W{0,2}(?:\(?\d{1,2}[.)]|\(?[a-z]{1,2}\)|\(?[ivx]{1,5}\)|[a-z][.]\s|[-\u2022*\u00b7]"
    r"|that\b|to\b)",
    re.I,
)
# not a decision: attendance, page furniture
_FURNITURE_RE = re.compile(
    r"^\W{0,3}(?:present|apologies|in\s+attendance|attendees?|also\s+present|absent|"
    r"page\s+\d|date\s+of\s+(?:the\s+)?next\s+meeting|chair(?:man|person)?\s*:)",
    re.I,
)
# an agenda's "To ..." line ("To approve the minutes", "5. To receive the report"); not a
# decision keyword in capitals ("To NOTE the recommendations")
_AGENDA_TO_RE = re.compile(r"^\W{0,3}(?:\d{1,3}[.)]?\s+)?(?:TO\s|To\s+(?![A-Z]{4,}\b)[a-zA-Z])")
# an agenda line's outcome after it ("23. To confirm the minutes - PROPOSED; SECONDED; RESOLVED
# that ...", "To approve the accounts: agreed")
_OUTCOME_AFTER_RE = re.compile(
    r"\s[-\u2013\u2014:;]\s*(?:.*\b(?-i:RESOLVED|AGREED|APPROVED|CARRIED)\b|"
    r"(?:agreed|approved|resolved|noted|carried)\b)",
    re.I,
)
# any word a decision is read by: a unit without one is passed over with this one test
_TRIGGER_RE = re.compile(
    rf"(?:\b(?:{_VERBS}|noted|notes|note|approve|agree|endorse|accept|adopt|ratify|support|"
    r"object|considered|received|signed|unanimous(?:ly)?|favou?r|agreement|objections?|"
    r"motion|voted|determination|decision|approval|authori[sz]es?|delegates|requests|"
    r"instructs|welcomes|that|minutes|further\s+action)\b|seconded|2nd)",
    re.I,
)
_QUESTION_RE = re.compile(r"\?\W{0,3}$")
# where a clause starts inside a long sentence: a dash, a semicolon, a colon
_CLAUSE_BREAK_RE = re.compile(r"\s[-\u2013\u2014]\s|[;:]\s")
_WORD_RE = re.compile(r"[a-z0-9]+")
_NEXT_ITEM_RE = re.compile(r"(?<=[a-z)][.])\s+(?=\d{1,2}\s+[A-Z][a-z])")
_LONG = 40  # words: a sentence this long is listed from the clause that decides
_BARE = 5  # words: a vote's outcome this short is listed with the sentence it answers


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text.lower())


def _sentences(text: str) -> list[str]:
    """The sentences of a unit (as `scoring.sentences` cuts them), in one pass: the title
    before a full stop is looked for in the few characters before it only."""
    out, start = [], 0
    for m in _SENTENCE_RE.finditer(text):
        if _TITLE_ABBREVIATION_RE.search(text, max(0, m.start() - 8), m.start()):
            continue
        out.append(text[start : m.start()])
        start = m.end()
    out.append(text[start:])
    # "... member of public. 2 Minutes of Previous Meeting: ...": the next item of a flattened
    # page, its number bare
    out = [p for piece in out for p in _NEXT_ITEM_RE.split(piece)]
    return [s.strip() for s in out if s.strip()]


@dataclass
class _Reading:
    score: float
    says: str
    left: str
    at: int  # where the decision starts in the sentence (its subject, or its word)
    vote: bool = False  # a vote's outcome, listed with the motion before it when short


def _against(before: str, r: _Reading, subject: int = 0) -> _Reading:
    """A proposal, a future or someone's report in the clause before the decision word (a
    future between its `subject` and the word)."""
    cut = [m.end() for m in _CLAUSE_BREAK_RE.finditer(before)]
    before = before[cut[-1] :] if cut else before
    if _NOT_YET_RE.search(before[-subject:] if subject else before):
        r.score -= 2.5
        r.left = "it may be a proposal or a future"
    elif _REPORTED_RE.search(before):
        r.score -= 1.5
        r.left = "it may be someone's report of what was decided elsewhere"
    return r


def _shouting(sent: str) -> bool:
    """A title in capitals ("ELECTED MAYOR, MEMBERS OF THE EXECUTIVE ..."): its words are no
    keyword."""
    letters = [c for c in sent if c.isalpha()]
    return len(letters) > 12 and sum(c.isupper() for c in letters) > 0.6 * len(letters)


def _verb_reading(sent: str, m: re.Match[str]) -> _Reading:
    before, verb = sent[: m.start()], m.group("verb")
    low = verb.lower()
    says = f"reads as a decision ('{low}')"
    r = _Reading(1.5, says, "no subject deciding it", m.start())
    subj = _BODY_SUBJECT_RE.search(before)
    clause = bool(_CLAUSE_AFTER_RE.match(sent, m.end()))
    if low in ("confirmed", "accepted", "supported") and _CLAUSE_AFTER_RE.match(sent, m.end()):
        return r  # "The PC confirmed that the EA have been contacted": a report
    if verb.isupper() and len(verb) > 3 and not _shouting(sent):
        r.score, r.left = 3.5, "a decision keyword inside the text, where no block starts"
    elif subj:
        who = " ".join(subj.group("who").split())
        r.at = subj.start()
        if _WEAK_SUBJECT_RE.match(who) and not who.lower().startswith("it"):
            r.score, r.left = 2.5, f"the subject is '{who}', not the body"
        elif low in _CORE and clause:
            r.score, r.left = 3.5, f"the subject is '{who}'; no rule read the clause after it"
        elif low in _CORE:
            r.score, r.left = 3.0, f"the subject is '{who}'; no 'that' or 'to' clause after it"
        else:
            r.score, r.left = 2.5, f"the subject is '{who}'; '{low}' is not a decision keyword"
    elif _AGENT_RE.match(sent, m.end()):
        r.score, r.left = 2.5, "decided by the meeting, with no decision keyword"
    elif _PASSIVE_RE.search(before) and low not in ("supported", "confirmed", "refused"):
        r.score, r.left = 2.0, "a reported passive, with no decision keyword"
    return _against(before, r, len(before) - subj.start() if subj else 0)


def _weigh(sent: str, after_deciding: bool) -> _Reading | None:
    """How much the sentence reads as a decision of the meeting, what it says, why no rule read
    it and where the decision starts; None when nothing in it reads as one. `after_deciding`:
    the unit before ended with a decision word, so a bare "to ..." or "that ..." is its clause."""
    found: list[_Reading] = []
    lm = _LABEL_RE.match(sent)
    if lm:
        verb = lm.group("verb").lower()
        left = "a decision keyword as a label, where no block was read"
        found.append(_Reading(3.5, f"labelled '{verb}'", left, 0))
    om = _OPENER_RE.match(sent)
    if om:
        verb = " ".join(om.group("verb").lower().split())
        found.append(
            _Reading(3.0, f"opens with '{verb}'", "no rule read it as the item's outcome", 0)
        )
    wm = _WEAK_OPENER_RE.match(sent)
    if wm:
        verb = (wm.group("verb") or wm.group("bare")).lower()
        found.append(
            _Reading(2.0, f"opens with '{verb}'", "no rule read it as the item's outcome", 0)
        )
    gm = _GLUED_OPENER_RE.search(sent)
    if gm:
        verb = gm.group("verb").lower()
        at = gm.start("verb")
        found.append(_Reading(3.0, f"a list item opening '{verb}'", "its marker is glued", at))
    cm = _CLOSER_RE.search(sent)
    if cm:
        verb = " ".join(cm.group("verb").lower().split())
        left = "an outcome after a title or a dash"
        found.append(_Reading(3.0, f"ends with the outcome '{verb}'", left, 0))
    for m in _OUTCOME_RE.finditer(sent):
        verb = " ".join(m.group("verb").lower().split())[:40]
        r = _Reading(3.0, f"reads as an outcome ('{verb}')", "no decision keyword", m.start())
        r.vote = True
        found.append(_against(sent[: m.start()], r))
    sm = _SECONDED_RE.search(sent)
    if sm:
        r = _Reading(2.0, "a motion seconded", "no outcome written or read", 0)
        found.append(_against(sent[: sm.start()], r))
    for m in _VERB_RE.finditer(sent):
        found.append(_verb_reading(sent, m))
    mm = _MINUTES_RE.search(sent)
    if mm:
        left = "a reported approval, with no decision keyword"
        r = _Reading(2.0, "reads as the minutes approved", left, 0)
        found.append(_against(sent[: mm.start("verb")], r))
    nm = _NOTED_RE.search(sent)
    if nm:
        subj = _BODY_SUBJECT_RE.search(sent[: nm.start()])
        if subj and not _WEAK_SUBJECT_RE.match(subj.group("who")):
            who = " ".join(subj.group("who").split())
            left = f"the subject is '{who}'; 'noted' is no decision keyword"
            r = _Reading(2.0, "reads as an outcome ('noted')", left, subj.start())
            found.append(_against(sent[: nm.start()], r))
    if _BARE_CLAUSE_RE.match(sent):
        left = "no decision keyword over it"
        found.append(_Reading(3.0, "a bare 'that ... be ...' clause", left, 0))
    if after_deciding and _CLAUSE_START_RE.match(sent):
        left = "its decision word ends the line before"
        found.append(_Reading(3.0, "a clause after a decision word", left, 0))
    if not found:
        return None
    return max(found, key=lambda r: r.score)


def _text(sents: list[str], k: int, r: _Reading) -> str:
    """What an officer takes: the sentence, from the clause that decides when it is long; a
    vote's bare outcome ("All were in agreement.") with the motion before it."""
    sent = sents[k]
    if len(_words(sent)) > _LONG and r.at > 0:
        cut = [m.end() for m in _CLAUSE_BREAK_RE.finditer(sent, 0, r.at)]
        start = cut[-1] if cut else r.at
        if len(_words(sent[start:])) >= _BARE:
            sent = sent[start:]
    if k > 0 and _bare_vote(sent):
        sent = f"{sents[k - 1]} {sent}"
    return sent


def _bare_vote(sent: str) -> bool:
    """A vote's outcome or a motion's proposer and seconder with nothing of its own ("All were in
    agreement.", "Unanimously approved.", "(A proposed, B seconded)"): what was moved is the
    sentence before. A keyword standing alone ("Agreed.", "Noted.") is its own outcome."""
    n = len(_words(sent))
    if n > 10 or _KEYWORD_OUTCOME_RE.match(sent.lstrip("\u2022*-\u00b7 ")):
        return False
    if _OWN_CLAUSE_RE.search(sent):  # "Unanimously AGREED to recommend APPROVAL"
        return False
    vote = _OUTCOME_RE.search(sent) or _SECONDED_RE.search(sent)
    return bool(vote) and (n <= _BARE or bool(_SECONDED_RE.search(sent)))
