"""Prose decisions: the meeting's decision told in a sentence of a paragraph.

"It was agreed that ...", "The Council, having considered the report, resolved to ...", "The
Board was provided with an update ... and agreed to ...", "Decision that ...", "There was
general agreement to ...", "The Cabinet Member resolved that ...". `prose_decisions` turns each
into a scored `Candidate` (an undertaking, "It was agreed that X would ...", marked as such);
the family of patterns it reads with lives here, and `candidates.generate` calls it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .lists import MODAL_RE
from .patterns import VOTES
from .scoring import BODY, Candidate, prev_text, sentences
from .segment import Segmented
from .text import holds_any

__all__ = ["prose_decisions"]

_BODY = BODY
_PROSE_RE = re.compile(
    # "the Board", "the Health and Wellbeing Board", "the Joint Committee": the body's own name
    # "It has been agreed that the equipment be sited ...": this meeting's, as "It was" (batch 21)
    # "The community council agreed that ...", "the full council agreed to ...": the meeting's own
    # council named in lower case ("the county council", a partner, is not)
    rf"(?:^|(?<=[\s,(]))(?P<subj>it\s+(?:was|has\s+been)|the\s+(?:(?-i:[A-Z])[\w'\u2019\-]*\s+|and\s+|&\s+"
    r"|(?-i:parish|town|community|full|whole)\s+)"
    rf"{{0,5}}?(?:{_BODY}|members)|^members"
    # "Council agreed to ...", "Group agreed to continue ...", "Full Council resolved that ...":
    # the body's noun opening the sentence without its article (issue 17, branch tunegen: any
    # body's noun, not five of them)
    rf"|^(?:(?-i:Full)\s+)?(?:{_BODY})"
    # "We agreed to wait and see ...": a community council's minutes in its own voice (only
    # opening the sentence); "the House agreed to deal with it ...": a council as the House
    r"|^(?-i:We)|the\s+(?-i:House)"
    # "At the request of the Mayor, councillors resolved to adjourn ...": the council's members
    # resolving (not "councillors agreed", which may be members' assent)
    r"|(?:the\s+)?councillors(?=\s+(?:unanimously\s+)?resolved\b)"
    # "The Authority agreed ...", "The Fire Authority", "The Combined Authority", "The National
    # Park Authority": an authority meeting as the body, its name capitalised ("the local
    # authority agreed ..." is a partner)
    r"|the\s+(?:(?!(?i:local)\b)(?-i:[A-Z])[\w'\u2019\-]*\s+|and\s+|&\s+){0,4}?(?-i:Authority)"
    # "After consideration meeting agreed to support application.": the meeting, its article lost
    # "After discussion Council resolved to offer ...", "Following debate Committee agreed to ..."
    r"|(?:(?<=consideration\s)|(?<=discussion\s)|(?<=debate\s))"
    r"(?:meeting|council|committee|board|panel)"
    # "After discussion was decided to leave.": "it" lost after the discussion
    r"|(?:(?<=consideration\s)|(?<=discussion\s)|(?<=debate\s)|(?<=consideration,\s)"
    r"|(?<=discussion,\s)|(?<=debate,\s))was)"
    # "The Board, having considered the report, agreed ...", "The Committee, by 5 votes to 2,
    # agreed ...": a phrase of how it decided between the body and its decision word
    r"(?:,\s*(?:having\s+|after\s+|following\s+|on\s+the\s+|by\s+)[^,.;:]{3,80},)?"
    r"(?:,?\s+(?:also|further|then|therefore|unanimously|subsequently|however|accordingly|"
    r"formally|duly),?)*"
    # "It was proposed and resolved that ...", "It was proposed by Cllr A and seconded by Cllr
    # B and resolved that ...": the motion's proposer and seconder before the decision word
    r"(?:\s+proposed(?:\s+by\s+[^,.;:]{3,60}?)?(?:,?\s+(?:and\s+)?seconded"
    r"(?:\s+by\s+[^,.;:]{3,60}?)?)?,?\s+and(?:\s+(?:unanimously|duly))?)?"
    # "It was discussed and agreed to ...", "The Council considered and resolved that ...": the
    # meeting's discussion reported in the same breath as its decision
    r"(?:\s+(?:discussed|considered|debated)(?:\s+at\s+length|\s+further)?,?\s+and)?"
    r"\s+(?P<verb>agreed|resolved|decided"
    # "it was unanimously voted upon that the vacancy be filled by ...": the vote's outcome
    r"|voted(?=\s+(?:upon\s+)?(?:that|to)\b))"
    r"(?:\s+upon(?=\s+(?:to|that)\b))?"  # "agreed upon to make ..."
    # "It was resolved at this point to ...", "agreed, after discussion, that ...": a phrase of
    # this meeting's time or manner between the decision word and its clause ("agreed at the
    # last review that ..." reports an earlier decision and is not one)
    rf"(?:,?\s+(?:by\s+(?:the\s+)?(?:{_BODY})|unanimously|nem\.?\s*con\.?"
    r"|at\s+this\s+(?:point|stage|meeting)|after\s+(?:some\s+)?(?:discussion|debate)"
    rf"|following\s+(?:discussion|debate)|in\s+principle|{VOTES}"
    r"|by\s+all(?:\s+present)?|by\s+(?:all\s+)?those\s+present"
    # "agreed unanimously, on the recommendation of the Clerk, to ..."
    r"|on\s+the\s+(?:recommendation|advice)\s+of\s+[^,.;:]{3,60}"
    # "It was agreed in terms of Section 50(A)(4) of the ... Act 1973 as amended that the public
    # be excluded ...": the statute it decided under
    r"|in\s+terms\s+of\s+[^.;:]{3,140}?(?=\s+that\b)"
    # "it was Resolved (minute 0312 - 2(ia) that ...": the minute's reference in brackets
    r"|\((?:minute|min\.?|ref\.?)\s[^)]{0,40}\)+),?){0,2}"
    # "agreed not to write to the MP"; "It was RESOLVED for the matter to go back to ...", "It was
    # agreed for the Clerk to write to the purchasers ...": "for" with the clause's own subject and
    # infinitive
    r"\s*,?\s+(?P<conj>that|(?:not\s+)?to|with|for(?=\s+[^.;:,]{2,60}?\s+to\s+[a-z]))\b",
    re.I,
)
# "The board was provided with an update ..., and agreed to consider this ...": the body is the
# subject of the sentence and of its second verb; nothing in between names another subject
_COORDINATED_RE = re.compile(
    # "Planning The Council considered ...": an item's title glued before the sentence
    rf"^(?:\d{{1,3}}(?:\.\d{{1,3}})*\.?\s+)?(?:(?:(?-i:[A-Z])[\w'\u2019\-]*\s+(?:(?:and|of|&)\s+)?){{0,4}}?"
    # "Following Mrs Lee's talk, the Council ...": a phrase of time or cause before the subject
    r"|[^,.;:]{3,80}?,\s+)"
    # "the Chair advised that the committee noted ... and agreed to ...": the chair announcing
    # what the meeting's body did there and then
    r"(?:(?:the\s+)?chair(?:man|person)?\s+(?:advised|confirmed|announced|stated)\s+that\s+)?"
    # "The Police and Crime Panel reviewed ...", "The Fire Authority considered ...": the body
    # by its full name
    rf"(?P<subj>(?:(?<=\s)(?-i:The)|^the|(?<=,\s)the|(?<=that\s)the)\s+"
    r"(?:(?!(?i:local)\b)(?-i:[A-Z])[\w'\u2019\-]*\s+(?:(?:and|&)\s+)?){0,4}?"
    rf"(?:{_BODY}|(?-i:Authority)))\s+"
    r"(?P<mid>(?:(?!\b(?:that|who|which|he|she|they|it|members?|councillors?|officers?)\b)[^.;:])"
    r"{3,200}?),?\s+and\s+(?:also\s+|then\s+|unanimously\s+)?(?P<verb>agreed|resolved|decided)"
    r"\s+(?P<conj>that|to|with)\b",
    re.I,
)
_CONDITION_BEFORE_RE = re.compile(r"\b(if|whether|unless|once|until|when)\s+$", re.I)
# "MR presented the information to Tony Beckwith and it was agreed that ...", "The Chair met with
# the Chief Constable and it was agreed ...": a member's meeting with someone outside the body,
# and what the two agreed there (rule 6), not the meeting's own decision ("presented the report
# to the Board and it was agreed ..." is the meeting's)
_OUTSIDE_PARTY_RE = re.compile(
    r"\b(?:presented|explained|showed|sent|gave|spoke|talked|met|meeting|discussed|raised"
    r"|took|had\s+a\s+(?:meeting|conversation|discussion))\b[^.;]{0,160}?\b(?:to|with)\s+"
    r"(?P<who>(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+)?[A-Z][a-z'\u2019\-]+"
    r"(?:\s+[A-Z][a-z'\u2019\-]+){1,2}|the\s+[A-Z][\w'\u2019\-]*(?:\s+(?:of\s+)?[A-Z][\w'\u2019\-]*){0,4})"
    r"(?:\s*\([^()]{1,40}\))?,?\s+and\s+$"
)
_MEETING_ITSELF_RE = re.compile(
    r"\b(?:board|committee|council|panel|group|members|meeting|partnership|forum|commission"
    r"|cabinet|executive|sub-committee)\b",
    re.I,
)
# "Decision that the communication should be managed by Members ...": the keyword and its
# clause as a sentence of a paragraph
_DECISION_THAT_RE = re.compile(
    r"^(?:decision|decided)(?:\s+(?:made|taken|was\s+made))?\s*[:\-\u2013]?\s*(?P<conj>that)\b",
    re.I,
)
# "There was unanimous agreement to support this application", "There was general agreement
# that the hedge should be cut": the meeting's agreement reported with its clause
_AGREEMENT_RE = re.compile(
    r"^there\s+was\s+(?:(?:unanimous|general|full|broad|clear|total)\s+)?agreement\s+"
    r"(?P<conj>that|(?:not\s+)?to)\b",
    re.I,
)
# "The decision was unanimously taken to change our bank ...": the meeting's decision reported
# with its "to" clause, as "It was decided to ..." ("taken by the county council to ..." is not)
_DECISION_TAKEN_RE = re.compile(
    r"^(?:the\s+)?decision\s+was\s+(?:(?:then|unanimously|duly|therefore)\s+)*(?:taken|made)"
    r"\s+(?:unanimously\s+)?(?P<conj>(?:not\s+)?to)\s+(?!be\b)[a-z]",
    re.I,
)
# "It was RESOLVED that the following minutes be confirmed:-  Establishment Committee 3rd
# November 2009  Full Council ...": a lead-in with its list's data glued after it, bullets
# lost; the lead-in is the decision (the README's batches 7 and 14)
_DATA_AFTER_LEAD_RE = re.compile(
    r"(?P<lead>\bthe\s+following(?:\s+[a-z]+){0,3}\s*:-?)\s+"
    r"(?!(?:\(?[a-z0-9]{1,3}[.)]\s|that\b|to\s+[a-z]+\b))\S"
)
# "At its meeting on 13 December 2021, the Scrutiny Committee considered ...": what that body
# decided later in the paragraph was decided at that earlier meeting, not this one
_EARLIER_MEETING_RE = re.compile(
    r"\bat\s+(?:its|their)\s+(?:last\s+|previous\s+)?meeting\s+(?:held\s+)?on\s+"
    r"[^,.;]{3,40},\s+(?P<body>the\s+[^,.;]{3,80}?)\s+(?:considered|received|discussed|"
    r"agreed|resolved|decided|noted)\b",
    re.I,
)
_ENDED_RE = re.compile(r"[.;:!?)\"'\u2019\u201d]\s*$")
_DECIDER_RE = re.compile(
    r"\b(?P<subj>the\s+(?:cabinet\s+member|portfolio\s+holder|executive\s+member|leader|"
    r"chief\s+executive|executive\s+director)"
    r"(?:(?!\b(?:that|it|he|she|they|had|reminded|advised|reported|informed|said)\b)[^.;]){0,80}?)"
    r"\s+(?P<verb>resolved|decided)\s+"
    r"(?P<conj>that|to)\b",
    re.I,
)


def _inside_quotes(text: str, at: int) -> bool:
    """Is position `at` inside a quotation opened before it ("... from \u201cAfter some
    discussion it was agreed that ...\u201d to ...")?"""
    before = text[:at]
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1


def _unquoted(pattern: re.Pattern[str], sent: str) -> re.Match[str] | None:
    """The first match of `pattern` in `sent` outside quotation marks: a decision quoted from
    earlier minutes (an amendment to them) is theirs, and this meeting's decision may follow it
    in the same sentence. With only quoted matches, the first (it is scored down as quoted)."""
    found = list(pattern.finditer(sent))
    return next((m for m in found if not _inside_quotes(sent, m.start())), None) or (
        found[0] if found else None
    )


# a word every reading below needs: its decision word ("agreed", "resolved", "decided",
# "voted", "Decision that", "agreement to")
_DECISION_WORDS = ("agree", "resolved", "decid", "decision", "voted")
_DECISION_WORD_RE = re.compile("|".join(_DECISION_WORDS), re.I)


def prose_decisions(seg: Segmented, free: Sequence[int]) -> list[Candidate]:
    out: list[Candidate] = []
    free = [i for i in free if holds_any(seg.lines[i].text, _DECISION_WORDS, _DECISION_WORD_RE)]
    if not free:
        return out
    last_unit = prev_text(seg.lines, len(seg.lines) - 1)
    earlier = [
        (k, m.group("body").lower())
        for k, u in enumerate(seg.lines)
        if u.text
        for m in _EARLIER_MEETING_RE.finditer(u.text)
    ]
    for i in free:
        ln = seg.lines[i]
        sents = sentences(ln.text)
        for n, (_start, sent) in enumerate(sents):
            # the page's last words, with no end to the sentence: the stored copy was cut here
            cut = i == last_unit and n == len(sents) - 1 and not _ENDED_RE.search(sent)
            km = (
                _DECISION_THAT_RE.match(sent.strip())
                or _DECISION_TAKEN_RE.match(sent.strip())
                or _AGREEMENT_RE.match(sent.strip())
            )
            if km:  # "... and discussed how this is conveyed. Decision that the ... should ..."
                clause = sent.strip()[km.start("conj") :]
                said = {
                    _DECISION_THAT_RE: "'Decision that ...' in a paragraph",
                    _DECISION_TAKEN_RE: "'The decision was taken to ...' in a paragraph",
                }.get(km.re, "'There was agreement to ...' in a paragraph")
                c = Candidate("resolution", said, clause, i, ln.no)
                c.base, c.sentence = 0.45, sent.strip()
                c.feature("the decision keyword opens the sentence", 0.25)
                mm = MODAL_RE.search(clause)
                if mm and mm.group("m").lower() in ("would", "will"):
                    c.kind = "undertaking"
                    c.feature("'that ... would/will': an undertaking reported", 0)
                out.append(c)
                continue
            pm = _unquoted(_PROSE_RE, sent) or _COORDINATED_RE.match(sent.strip())
            dm = None if pm else _DECIDER_RE.search(sent)
            if dm:
                clause = sent[dm.start("conj") :].strip()
                c = Candidate("resolution", "decision of a named decision maker", clause, i, ln.no)
                c.base, c.sentence = 0.45, sent.strip()
                c.feature(
                    f"{dm.group('subj')[:40]} {dm.group('verb')} (a formal decision word)", 0.25
                )
                out.append(c)
                continue
            if not pm:
                continue
            clause = pm.string[pm.start("conj") :].strip()
            lead = _DATA_AFTER_LEAD_RE.search(clause)
            if lead:
                clause = clause[: lead.end("lead")]
            subj = pm.group("subj").lower()
            c = Candidate("resolution", "prose decision", clause, i, ln.no, verb=pm.group("verb"))
            c.sentence = sent.strip()
            c.base = 0.45
            body = re.sub(r"\s+", " ", subj)
            if any(k <= i and b == body for k, b in earlier):
                c.feature(
                    f"{pm.group('subj')} at an earlier meeting ('At its meeting on ...')", -0.5
                )
            if _inside_quotes(pm.string, pm.start()):
                c.feature("inside quotation marks (words quoted, e.g. from earlier minutes)", -0.5)
            cm = _CONDITION_BEFORE_RE.search(pm.string[: pm.start("subj")])
            if cm:  # "If the Board decided to agree to the recommendations ... there was ..."
                c.feature(f"a condition ('{cm.group(1)} ...'), not a decision", -0.5)
            om = _OUTSIDE_PARTY_RE.search(pm.string[: pm.start("subj")])
            if om and not _MEETING_ITSELF_RE.search(om.group("who")):
                c.feature(f"agreed with {om.group('who')}, outside the meeting", -0.5)
            if subj.startswith("it"):
                c.feature("impersonal 'It was agreed'", 0.25)
            elif subj.startswith("the") and pm.re is _COORDINATED_RE:
                c.feature(f"subject of the sentence is {pm.group('subj')} ('... and agreed')", 0.2)
            elif subj.startswith("the") or not subj.startswith("members"):
                c.feature(f"subject is {pm.group('subj')}", 0.25)
            else:
                c.feature("subject is 'Members' (no body named)", -0.1)
            # cut before its verb: "that the first Council" says nothing; "to make
            # representations to the Home Office about ... in some parts of" does
            unsaid = len(clause.split()) <= 5 or (
                pm.group("conj").lower() == "that" and not MODAL_RE.search(clause)
            )
            # "it was RESOLVED unanimously to OBJECT": an outcome in capitals is short and whole
            shouted = re.fullmatch(r"(?:not\s+)?to(?:\s+[A-Z]{2,}){1,3}\s*", clause) is not None
            if (cut and unsaid) or (
                len(clause.split()) <= 3
                and not clause.rstrip().endswith((".", ";"))
                and not (shouted and not cut)
            ):
                # "It was agreed that SS an", "... agreed that the first Council" where the
                # stored page was cut: what was decided is not there
                c.feature("the clause is cut off before it says what was decided", -0.4)
            if pm.group("conj").lower() == "that":
                mm = MODAL_RE.search(clause)
                modal = mm.group("m").lower() if mm else ""
                if modal in ("would", "will"):
                    c.kind = "undertaking"
                    said = f"{pm.group('verb').lower()} that ... {modal}"
                    c.feature(f"'{said}': an undertaking reported, not a resolution", 0)
                elif modal:
                    c.feature(f"says what is to be ('{modal} ...')", 0.1)
            else:
                c.feature(f"'{pm.group('conj').lower()} ...' clause", 0.1)
            out.append(c)
    return out
