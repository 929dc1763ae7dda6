"""Candidate generators and the scoring stage.

The keyword reader (`parser` + `blocks`) takes what sits under a decision keyword. What it
leaves, these generators read as *candidates*: prose decisions ("It was agreed that ..."),
motions with their outcome, bare "That ... be ..." clauses and lists whose "Resolved" label was
lost, standalone "<owner> to <verb>" directives and action-log rows. Each candidate carries the
features it was scored on, in words, so the review screen can say why it was taken or left
("prose decision, subject is the Board; says what is to be ('be ...')"). A candidate scoring
below `THRESHOLD` is not taken but goes to the review list (never dropped); undertakings ("It
was agreed that X would ...") go there too, marked as such.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .agreed_rows import agreed_list_rows
from .columns import inferred_tables
from .directives import directives
from .lead_lines import following_leads
from .lists import MODAL_RE, bare_clauses, unlabelled_lists
from .logrows import log_rows
from .motions import motions
from .owner_rows import (
    owner_cells,
    owner_due_rows,
    owner_lists,
    trailing_cells,
    trailing_owners,
)
from .parish_actions import parish_actions
from .parish_leads import data_list_leads
from .patterns import VOTES
from .planning import planning_responses
from .scoring import (
    BODY,
    THRESHOLD,
    Candidate,
    context_features,
    prev_text,
    sentences,
)
from .segment import Segmented

__all__ = ["THRESHOLD", "Candidate", "generate"]

_BODY = BODY
_PROSE_RE = re.compile(
    # "the Board", "the Health and Wellbeing Board", "the Joint Committee": the body's own name
    # "It has been agreed that the equipment be sited ...": this meeting's, as "It was" (batch 21)
    rf"(?:^|(?<=[\s,(]))(?P<subj>it\s+(?:was|has\s+been)|the\s+(?:(?-i:[A-Z])[\w'\u2019\-]*\s+|and\s+|&\s+)"
    rf"{{0,5}}?(?:{_BODY}|members)|^members|^(?:council|cabinet|committee|board|panel)"
    # "After consideration meeting agreed to support application.": the meeting, its article lost
    # "After discussion Council resolved to offer ...", "Following debate Committee agreed to ..."
    r"|(?:(?<=consideration\s)|(?<=discussion\s)|(?<=debate\s))"
    r"(?:meeting|council|committee|board|panel))"
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
    r"\s+(?P<verb>agreed|resolved|decided)(?:\s+upon(?=\s+to\b))?"  # "agreed upon to make ..."
    # "It was resolved at this point to ...", "agreed, after discussion, that ...": a phrase of
    # this meeting's time or manner between the decision word and its clause ("agreed at the
    # last review that ..." reports an earlier decision and is not one)
    rf"(?:,?\s+(?:by\s+(?:the\s+)?(?:{_BODY})|unanimously|nem\.?\s*con\.?"
    r"|at\s+this\s+(?:point|stage|meeting)|after\s+(?:some\s+)?(?:discussion|debate)"
    rf"|following\s+(?:discussion|debate)|in\s+principle|{VOTES}"
    r"|by\s+all(?:\s+present)?|by\s+(?:all\s+)?those\s+present"
    # "agreed unanimously, on the recommendation of the Clerk, to ..."
    r"|on\s+the\s+(?:recommendation|advice)\s+of\s+[^,.;:]{3,60}"
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
    rf"(?P<subj>(?:(?<=\s)(?-i:The)|^the|(?<=,\s)the|(?<=that\s)the)\s+(?:{_BODY}))\s+"
    r"(?P<mid>(?:(?!\b(?:that|who|which|he|she|they|it|members?|councillors?|officers?)\b)[^.;:])"
    r"{3,200}?),?\s+and\s+(?:also\s+|then\s+|unanimously\s+)?(?P<verb>agreed|resolved|decided)"
    r"\s+(?P<conj>that|to|with)\b",
    re.I,
)
_CONDITION_BEFORE_RE = re.compile(r"\b(if|whether|unless|once|until|when)\s+$", re.I)
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


def prose_decisions(seg: Segmented, free: Sequence[int]) -> list[Candidate]:
    out = []
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


_MIDLINE_KEYWORD_RE = re.compile(
    r"(?<=\S)\s+(?P<kw>RESOLVED|AGREED)\b\s*(?:unanimously\s+|"
    rf"(?i:{VOTES})\s*,?\s*(?=(?:to|that)\b)|by\s+a\s+majority\b[^,.]*?(?=\s(?:to|that)\b)\s*)?"
    r"(?P<rest>\S.*)$"
)

# "Future expenditure would be on a mower & plants Resolved – to approve expenditure ...": the
# keyword as a capitalised label after the discussion, its dash or colon then its clause
_MIDLINE_LABEL_RE = re.compile(
    r"(?<=[a-z0-9,)])\s+(?P<kw>Resolved|Agreed)\s*[\u2013\u2014:\-]\s*(?P<rest>(?:to|that)\b.*)$"
)


_SHORT_OUTCOME_RE = re.compile(
    r"^(?:and\s+)?(?:noted|agreed|accepted|approved|accordingly|unanimously)(?:\s+accordingly)?"
    r"\s*[.;]?(?=\s|$)",
    re.I,
)
_MEMBER_SUBJECT_RE = re.compile(
    r"\b(?:chair(?:man|person)?|councillor|cllr|mr|mrs|ms|dr|mayor|leader|convener|provost)\s*$",
    re.I,
)


_PASSIVE_BEFORE_RE = re.compile(r"\b(?:was|were|been|being|is|are)\s*$", re.I)
_IT_WAS_BEFORE_RE = re.compile(r"\bit\s+(?:was|is|has\s+been)\s*$", re.I)


def midline_keywords(seg: Segmented, free: Sequence[int]) -> list[Candidate]:
    """An upper-case decision word inside a sentence: "Following discussion, the Council
    RESOLVED unanimously there was no objection ...", "It was RESOLVED by a majority of 4 in
    favour to 1 against to make no objection ..."."""
    out = []
    for i in free:
        ln = seg.lines[i]
        km = _MIDLINE_KEYWORD_RE.search(ln.text) or _MIDLINE_LABEL_RE.search(ln.text)
        if not km:
            continue
        text = km.group("rest").strip()
        if not text.strip(" :;-\u2013"):
            continue  # "The Portfolio Holder ... RESOLVED:": the lead-in of the list below
        short = _SHORT_OUTCOME_RE.match(text)
        if short:  # "... pick up times. RESOLVED and noted. The Council thanked ...": the
            text = f"{km.group('kw')} {short.group(0).strip()}"  # keyword is the outcome
        c = Candidate("resolution", "upper-case decision word in the sentence", text, i, ln.no)
        c.verb, c.base, c.sentence = km.group("kw").lower(), 0.6, ln.text
        before = ln.text[: km.start("kw")]
        if _MEMBER_SUBJECT_RE.search(before):
            c.feature("the subject is a member, not the meeting", -0.5)
        elif _PASSIVE_BEFORE_RE.search(before) and not _IT_WAS_BEFORE_RE.search(before):
            # "The minutes ... were AGREED and signed": an outcome reported, not a decision's text
            c.feature(f"a passive verb ('{before.split()[-1]} {km.group('kw')}')", -0.4)
        elif _IT_WAS_BEFORE_RE.search(before) and re.match(r"that\b", text, re.I):
            # "it was AGREED that he would pledge his oath ...": rule 3's "would", an undertaking
            mm = MODAL_RE.search(text)
            if mm and mm.group("m").lower() in ("would", "will"):
                c.kind = "undertaking"
                c.feature(f"'that ... {mm.group('m').lower()}': an undertaking reported", 0)
        context_features(seg, c, False)
        out.append(c)
    return out


_OUTCOME_SENTENCE_RE = re.compile(r"^(?:agreed|resolved)(?:\s+accordingly)?\.?$", re.I)
# "Cllr B Nolan was elected as Chair Resolved": the decision word last, capitalised as a label,
# with no full stop before it; "... and the Group agreed." (lower case) is the sentence's own
# verb, and "... has now been Resolved" reports how a matter ended
_TRAILING_WORD_RE = re.compile(
    # "Draft accounts ... as distributed: APPROVED.": the word in capitals after a colon or dash
    r"^(?P<before>.*\b(?P<prev>[\w']+))(?:\s*[:\u2013\-])?\s+"
    r"(?P<kw>Resolved|RESOLVED|Agreed|AGREED|APPROVED)\s*\.?$"
)
_AUXILIARY = {"was", "were", "been", "be", "being", "is", "are", "not", "now", "has", "have",
              "had", "and", "or", "if", "as", "who", "which", "that", "they", "we", "it"}  # fmt: skip


def outcome_sentences(seg: Segmented, free: Sequence[int]) -> list[Candidate]:
    """ "... he be allowed to claim 5p per sheet ... . Agreed.": a decision word alone as a
    sentence after another ("... price the stile. Agreed. ACTION CD.") is the outcome of the
    point before it; "X was elected as Chair Resolved", the word ending the line with no full
    stop before it, is the outcome of its own sentence."""
    out = []
    for i in free:
        ln = seg.lines[i]
        sents = sentences(ln.text)
        alone = [
            s for n, (_at, s) in enumerate(sents) if n and _OUTCOME_SENTENCE_RE.match(s.strip())
        ]
        if alone:
            text, why = alone[0].strip(), "a decision word ending the paragraph"
            if not _OUTCOME_SENTENCE_RE.match(sents[-1][1].strip()):
                why = "a decision word alone after the point it ends"
        else:
            tm = _TRAILING_WORD_RE.match(sents[-1][1].strip()) if sents else None
            if (
                not tm
                or tm.group("prev").lower() in _AUXILIARY
                or len(tm.group("before").split()) < 3
                or _OUTCOME_SENTENCE_RE.match(ln.text.strip())
            ):
                continue
            text, why = (
                sents[-1][1].strip(),
                "a decision word ending the line, with nothing after it",
            )
            if i in seg.headings:
                text = _NUMBER_PREFIX_RE.sub("", text, count=1)  # "20.07 i Draft accounts ..."
        c = Candidate("resolution", why, text, i, ln.no)
        c.verb, c.base, c.sentence = (
            text.split()[-1 if not alone else 0].rstrip(".").lower(),
            0.6,
            ln.text,
        )
        context_features(seg, c, False)
        out.append(c)
    return out


_DECISION_AFTER_TITLE_RE = re.compile(
    r"[.:;]\s+(?:it\s+was\s+(?:\w+\s+){0,2}?(?:resolved|agreed|decided)"
    r"|the\s+(?:\w+\s+){1,2}?(?:resolved|agreed|decided))\s+(?:that|to|not|unanimously)\b",
    re.I,
)


_CAPS_OUTCOME_HEAD_RE = re.compile(r"\S\s*[:\u2013\-]\s+(?:APPROVED|AGREED|RESOLVED)\s*\.?$")
# "19.173(20.07) i ": the item's number (and the agenda's) and the point's own marker
_NUMBER_PREFIX_RE = re.compile(
    r"^\d{1,4}(?:\.\d{1,4})*\s*(?:\(\d{1,4}(?:\.\d{1,4})*\))?\.?\s*(?:(?:[ivx]{1,4}|[a-z])[.)]?\s+)?"
)


def generate(seg: Segmented, free: Sequence[int]) -> list[Candidate]:
    """Every candidate in the units not already read by the keyword reader."""
    sheet, spanned = log_rows(seg)  # a numbered action sheet is read row by row
    agreed, rows = agreed_list_rows(seg, free)  # the rows of an "Actions agreed" list
    sheet, spanned = sheet + agreed, spanned | rows
    weak = [i for i in free if seg.lines[i].text and i not in spanned]  # owner columns too
    table, columned = inferred_tables(seg, [i for i in weak if i not in seg.agenda])
    sheet += table  # a table whose header was lost: its columns read from its rows
    weak = [i for i in weak if i not in columned]
    free = [i for i in weak if i not in seg.headings]
    # "The Governing Body APPROVED the following:" over one decision a line: read here only
    led, covered = following_leads(seg, free)
    free = [i for i in free if i not in covered]
    weak = [i for i in weak if i not in covered]
    head = " ".join(ln.text for ln in seg.lines[:40] if ln.text)[:4000]
    is_report = bool(re.search(r"\breport of the\b", head, re.I)) and not re.search(
        r"\bminutes\s*:", head, re.I
    )
    # "Item 5: Better Care Fund The Board agreed that ...": a heading glued to its item's text
    # (a page flattened onto one line) is read as prose too
    # "Min. No. 23/45: Apologies. It was resolved to accept ...": a short title, then its
    # decision as the next sentence of the same unit
    glued = sorted(
        set(free)
        | {
            i
            for i in weak
            if i in seg.headings
            and (
                len(seg.lines[i].text.split()) > 12
                or _DECISION_AFTER_TITLE_RE.search(seg.lines[i].text)
            )
        }
    )
    cands = prose_decisions(seg, glued)
    for c in cands:
        context_features(seg, c, is_report)
    prose = {c.index for c in cands if c.kind == "resolution"}
    # "It was agreed that ... . Proposed A, seconded B, all in favour.": the prose decision
    # carries the text; the motion around it adds nothing
    # a motion glued to its item's title ("3. Minutes of ... - The minutes were agreed ...,
    # being proposed by A and seconded by B.") is read like a prose decision glued to it
    cands += [
        c for c in motions(seg, glued) if c.index not in prose or c.text.lower().startswith("that")
    ]
    taken_lines = {c.index for c in cands if c.kind == "resolution"}
    cands += [c for c in midline_keywords(seg, glued) if c.index not in taken_lines]
    taken_lines = {c.index for c in cands if c.kind == "resolution"}
    # "20.07 i Draft accounts ... as distributed: APPROVED.": a numbered line that is an item's
    # heading and its outcome at once
    outcome_heads = {
        i
        for i in seg.headings
        if _CAPS_OUTCOME_HEAD_RE.search(seg.lines[i].text) and i not in taken_lines
    }
    cands += [
        c
        for c in outcome_sentences(seg, sorted(set(free) | outcome_heads))
        if c.index not in taken_lines
    ]
    taken_lines = {c.index for c in cands if c.kind == "resolution"}
    cands += [c for c in bare_clauses(seg, free) if c.index not in taken_lines]
    taken_lines = {c.index for c in cands if c.kind == "resolution"}
    # "3. Planning Application 20/18688/FUL – Pwll Court Farm. No objections ...": an item's
    # heading may hold its response
    cands += [c for c in planning_responses(seg, glued) if c.index not in taken_lines]
    taken_lines = {c.index for c in cands if c.kind == "resolution"}
    cands += [c for c in unlabelled_lists(seg, free) if c.index not in taken_lines]
    cands += data_list_leads(seg, [i for i in free if i not in taken_lines])  # "Roles agreed:"
    # a numbered paragraph ("4.2 Item 4.2.3 - EW to contact ...") opens an item and holds text
    paragraphs = [
        i
        for i in weak
        if i in seg.headings
        and re.match(r"\d{1,3}\.\d{1,3}\s", seg.lines[i].text)
        and len(seg.lines[i].text.split()) > 6
    ]
    # "1. Constitution A constitution should be adopted ... - IH to obtain a draft": an item's
    # heading holding its minute, whose last clause is a directive
    titled = {
        i
        for i in weak
        if i in seg.headings and i not in paragraphs and len(seg.lines[i].text.split()) > 12
    }
    cands += directives(seg, sorted(set(free) | set(paragraphs) | titled), titled)
    listed = {c.index for c in cands}
    cands += [c for c in owner_lists(seg, free) if c.index not in listed]
    listed = {c.index for c in cands if c.kind == "action"}
    cands += [c for c in owner_due_rows(seg, free) if c.index not in listed]
    taken_lines = {c.index for c in cands}
    cands += [c for c in trailing_owners(seg, weak) if c.index not in taken_lines]
    cells = owner_cells(seg, weak)  # the owner cell names who acts on a passive row
    taken_lines = {c.index for c in cands if c.kind == "action"}
    cells += [c for c in trailing_cells(seg, weak) if c.index not in taken_lines]
    celled = {c.index for c in cells}
    cands = [c for c in cands if not (c.kind == "action" and c.index in celled and not c.owner)]
    cands += cells
    cands += parish_actions(seg, weak, cands)  # "the Clerk was asked to ...", "... – AS"
    cands += sheet
    cands += led
    for c in cands:  # every candidate is scored on where it sits, whichever generator made it
        context_features(seg, c, False)
    cands.sort(key=lambda c: (c.index, c.kind))
    return cands
