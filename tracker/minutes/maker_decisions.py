"""A named decision maker's label over verb-first items, as CMIS pages print an executive
councillor's decision taken at a scrutiny meeting: "Decision of Executive Councillor for Housing"
/ "i." / "Approved the issue of tenders ..." / "ii." / "Noted the programme ...", then "Reason for
the Decision ...". Each item is the decision (rule 6's named decision maker, rule 5's verb-first
items under "Decision"); the notice's fields after it are not. `maker_decisions` turns each into
a scored `Candidate`; `candidates.generate` calls it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .scoring import Candidate
from .segment import Segmented

__all__ = ["dated_decisions", "maker_decisions"]

# "Decision of Executive Councillor for Housing", "Decision of the Cabinet Member for ...": the
# label, ending its unit or followed there by the first item's marker ("... for Housing i.")
_MAKER_LABEL_RE = re.compile(
    r"\bdecisions?\s+of\s+(?:the\s+)?(?:executive\s+(?:councillor|member)|cabinet\s+member"
    r"|portfolio\s+holder|leader(?:\s+of\s+the\s+council)?|lead\s+member)\b"
    r"(?:\s+for\s+[\w&,'\u2019\s\-]{2,80}?)?\s*(?P<marker>\(?[ivx]{1,4}[.)]|\(?\d{1,2}[.)])?\s*$",
    re.I,
)
# "To Note Decision Taken by ...", "Decisions of the Executive Councillor: none": not a label
_AGENDA_RE = re.compile(r"\bto\s+note\b|\bnone\b", re.I)
_MARKER_ONLY_RE = re.compile(r"^\(?(?P<n>[ivx]{1,4}|\d{1,2}|[a-h])[.)]$", re.I)
# the verb a decision maker's item opens with
_VERB_FIRST_RE = re.compile(
    r"^(?:approved|agreed|noted|endorsed|authori[sz]ed|delegated|resolved|adopted|accepted"
    r"|confirmed|instructed|requested|rejected|deferred|supported)\b",
    re.I,
)
# the notice's fields after the decision
_FIELDS_RE = re.compile(
    r"\s*(?:reasons?\s+for\s+the\s+decision|any\s+alternative\s+options|alternative\s+options"
    r"|scrutiny\s+considerations|conflicts?\s+of\s+interest|dispensations?\s+granted)\b.*$",
    re.I | re.S,
)


def maker_decisions(seg: Segmented, free: Sequence[int]) -> list[Candidate]:
    lines, free_set = seg.lines, set(free)
    out: list[Candidate] = []
    for i in free:
        lm = _MAKER_LABEL_RE.search(lines[i].text)
        if lm is None or _AGENDA_RE.search(lines[i].text[: lm.start()][-40:]):
            continue
        number = (lm.group("marker") or "").strip("().").lower()
        k = i + 1
        while k < len(lines) and k not in seg.headings:
            text = lines[k].text.strip()
            if not text:
                k += 1
                continue
            mm = _MARKER_ONLY_RE.match(text)
            if mm:
                number = mm.group("n").lower()
                k += 1
                continue
            if not _VERB_FIRST_RE.match(text) or k not in free_set:
                break
            start = k
            while not _FIELDS_RE.search(text) and not text.endswith((".", ";")):
                # a hard-wrapped item the segmenter cut ("... with Executive Councillor, Chair,"
                # / "Vice Chair and Spokes ...) to award ..."): it runs to its full stop
                nk = k + 1
                while nk < len(lines) and not lines[nk].text.strip():
                    nk += 1
                if nk >= len(lines) or nk in seg.headings or nk not in free_set:
                    break
                nxt = lines[nk].text.strip()
                if _MARKER_ONLY_RE.match(nxt) or _VERB_FIRST_RE.match(nxt):
                    break
                text, k = f"{text} {nxt}", nk
            item = _FIELDS_RE.sub("", text).strip()
            c = Candidate("resolution", "decision maker's item", item, start, lines[start].no)
            c.base, c.number, c.group = 0.4, number, i
            c.feature("a verb-first item under a named decision maker's 'Decision of ...'", 0.3)
            out.append(c)
            if item != text:
                break  # the notice's fields follow the last item
            number = ""
            k += 1
    return out


# "14/01/2021 - Covid-19 arrangements": the dated title of one decision on an "Issue - decisions"
# page, its clauses under it in the infinitive ("To continue with informal virtual meetings ...")
_DATED_TITLE_RE = re.compile(r"^\d{1,2}/\d{1,2}/\d{4}\s+-\s+\S")
# a decision notice's fields between the title and the decision
_NOTICE_FIELD_RE = re.compile(
    r"^(?:decision\s+maker|made\s+at\s+meeting|decision\s+published|effective\s+from"
    r"|decision\s+status|is\s+key\s+decision\??|is\s+subject\s+to\s+call[\s-]?in\??|wards?"
    r"\s+affected|lead\s+officer|contact)\s*:",
    re.I,
)
# the verbs of a decision in the infinitive; a report's purpose ("To present ...", "To consider
# ...", "To receive ...") is not among them
_DECISION_INFINITIVE_RE = re.compile(
    r"^to\s+(?:continue|approve|agree|note|adopt|endorse|delegate|authori[sz]e|defer|review"
    r"|ask|request|accept|support|confirm|reject|refuse|grant|appoint|establish|allocate|award"
    r"|extend|retain|undertake|recommend|instruct|give|suspend|hold|cancel|postpone|withdraw"
    r"|reinstate)\b",
    re.I,
)


def dated_decisions(seg: Segmented, free: Sequence[int]) -> list[Candidate]:
    """The infinitive clauses under a decision's dated title ("14/01/2021 - Covid-19
    arrangements" / "To continue with informal virtual meetings ..."), to the next title."""
    lines, free_set = seg.lines, set(free)
    out: list[Candidate] = []
    for i, ln in enumerate(lines):
        if not _DATED_TITLE_RE.match(ln.m):
            continue
        k = i + 1
        while k < len(lines) and not _DATED_TITLE_RE.match(lines[k].m):
            text = lines[k].text.strip()
            if not text or _NOTICE_FIELD_RE.match(text):
                k += 1
                continue
            if not _DECISION_INFINITIVE_RE.match(text) or k not in free_set:
                break
            c = Candidate("resolution", "clause under a dated decision title", text, k, lines[k].no)
            # the clauses of one decision are one list, numbered by position as unnumbered
            # "That ..." paragraphs are
            c.base, c.group = 0.4, i
            c.number = str(sum(o.group == i for o in out) + 1)
            c.feature("an infinitive clause under the dated title of a decision", 0.3)
            out.append(c)
            k += 1
    return out
