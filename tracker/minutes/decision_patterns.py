"""What a decision of the meeting looks like in a sentence of minutes: the patterns the review
net for resolutions (`decision_net`) walks a page with and `decision_reading` weighs a sentence
by. Patterns only; nothing here reads a page."""

from __future__ import annotations

import re

from .scoring import BODY

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

# what the body or its members are said to have decided, and the outcome word opening a
# sentence with no subject: the phrasings read first, each listed whatever it scores
# who decides: the body by its name ("the Committee", "The Parish Council", "the Board"), its
# members ("Members", "Councillors"), the impersonal "It was", a community council's "We"
_SAID_SUBJECT = (
    r"(?:members|councillors|(?-i:We)|it\s+was|"
    rf"(?:the\s+)?(?:(?-i:[A-Z])[\w'\u2019\-]*\s+(?:(?:and|&)\s+)?){{0,4}}?(?:{BODY}))"
)
_SAID_RE = re.compile(
    rf"(?:^|(?<=[\s,(]))(?P<subj>{_SAID_SUBJECT})"
    r"(?:,?\s+(?:also|further|then|therefore|unanimously|formally|duly|subsequently),?)*"
    r"\s+(?P<verb>agreed|resolved|approved|decided|noted|endorsed|accepted|adopted|ratified)\b"
    r"(?P<after>\s+\w+)?",
    re.I,
)
# "Noted the minutes of the S106 working group.", "Approved." : the outcome word opening the
# sentence, with no subject
_SAID_OPENER_RE = re.compile(
    r"^\W{0,3}(?P<verb>noted|agreed|approved|endorsed|ratified|accepted)\b"
    # "APPROVED MINUTES OF THE MEETING ...", "Approved Plans": a title, not an outcome
    r"(?!\s+(?:minutes|plans?)\b)",
    re.I,
)
