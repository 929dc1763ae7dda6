"""More places where a page flattened onto one line is cut into units before its sentences are
read (issue 17, branch flat18): where the published page started a new line that the sentence
splitter does not see, because no full stop or no capital stands before it.

* a coded minute's number after a sentence ("... the tracker. 09/17 Carbon Emissions ...",
  "... £120. 18/19-76: Bonfires ...", "... Spragg. 304-2.To receive ...", "... [1.1] Urdd ..."),
  or a body's letters and numbers anywhere ("... a true record CP22/2/05 Funding updates ...");
* a bullet ("•", "·", "▪") before a capital, and a dash before a word in capitals ("... the
  emergency The Governing Body: - APPROVED ... - DELEGATED ...");
* ModernGov's "... view the full minutes text for item 3." and a decision's "REASON –" label;
* the title of an item before its ModernGov link ("... That the information be noted
  Enforcement Action pdf icon PDF 205 KB Report of ..."), found by walking back over the words
  in capitals before the link.
"""

from __future__ import annotations

import re

_SPLIT_RE = re.compile(
    # after a sentence's end, a minute numbered with its year or its parts (the sentence may end
    # in a body's letters: "... forward a copy to CC. 04/2011 Casual Vacancy")
    r"(?<=[A-Za-z0-9)][.!?])\s+(?=(?:[A-Z]{1,4})?\d{1,4}[a-z]?/\d{1,4}(?:-\d{1,3})?:?\s+[A-Z]"
    r"|\d{1,4}-\d{1,2}\.\s*[A-Z]|\[\d{1,2}(?:\.\d{1,2})?\]\s+[A-Z]"
    # "... tenant. 2.ELECTION OF VICE CHAIRMAN": a number glued to its title in capitals
    r"|\d{1,3}\.[A-Z]{2}"
    # "... office. hpc 002/14 ELECTION OF ...": the body's letters in lower case, then a title
    # in capitals; "... record. 276/PC/19 – Reports": the number, the body's letters, the year
    r"|[a-z]{2,4}\s\d{1,3}/\d{2}\s+[A-Z]{2,}\b|\d{1,4}/[A-Z]{1,5}/\d{2}\s+[\u2013\-:]?\s*[A-Z])"
    # a body's letters before the minute's number, anywhere
    r"|\s+(?=[A-Z]{1,4}\d{1,4}/\d{1,4}(?:/\d{1,4})?\s+[A-Z])"
    r"|\s+(?=[\u2022\u00b7\u25aa]\s+[A-Z])"
    # "3. Minutes of the meeting held on 16 October 2012 Agreed: The minutes ...": the label
    # after the item's title, as it was printed on a line of its own
    r"|(?<=[A-Za-z0-9])\s+(?=(?:Agreed|AGREED)\s*:\s+[A-Z])"
    # "... 13th December 2018. 19/8Resolved to approve ...": the keyword glued to a minute's
    # number
    r"|(?<=\d/\d)(?=(?:Resolved|RESOLVED)\s+(?:to|that)\b)|(?<=\d/\d\d)(?=(?:Resolved|RESOLVED)"
    r"\s+(?:to|that)\b)"
    # a verb in capitals before its object ("- APPROVED the variation"); not "RESOLVED - THAT
    # ...", the keyword's own dash, nor a title in capitals ("- SECTION 106 EDUCATION ...")
    # ... nor a keyword's label in capitals ("- RESOLVED - T H A T ...", "– ACTION JM: ...")
    r"|\s+(?=[-\u2013]\s+(?:(?!THAT\b)[A-Z]{4,}\s+[a-z]"
    r"|(?:RESOLVED|AGREED|ACTIONS?|DECISIONS?|RECOMMENDED)\b))"
    r"|\s+(?=\.{3}\s*view\s+the\s+full\s+(?:minutes|agenda|decision)\s+text\b)"
    r"|\s+(?=(?:REASONS?|Reasons?(?:\s+for\s+(?:the\s+)?[Dd]ecisions?)?)\s*[:\u2013\-]\s)"
)

_LINK_RE = re.compile(r"\s(?:pdf icon\s+)?PDF\s+\d+\s*[KM]B\b")

# the small words a title in capitals may hold
_TITLE_SMALL = frozenset(
    ["of", "and", "the", "for", "to", "in", "on", "at", "&", "-", "–", "a", "by", "with", "from"]
)

_TITLE_WORDS = 12


def _link_title_cuts(text: str) -> list[int]:
    """Where the title before each ModernGov link starts, when the text before it goes on
    without a full stop ("... be noted Enforcement Action pdf icon PDF 205 KB")."""
    cuts: list[int] = []
    for m in _LINK_RE.finditer(text):
        words = list(re.finditer(r"\S+", text[max(0, m.start() - 400) : m.start()]))
        base = max(0, m.start() - 400)
        start = None
        for w in reversed(words[-_TITLE_WORDS:]):
            tok = w.group(0)
            head = tok.lstrip("(\u2018'\"")[:1]
            if head.isupper() or head.isdigit():
                if tok.endswith((".", ":", ";", "!", "?")) and not re.fullmatch(r"\d{1,3}\.", tok):
                    break  # the sentence before the title ends here
                start = base + w.start()
            elif tok.lower() in _TITLE_SMALL and start is not None:
                continue
            else:
                break
        if start is not None and start > 0 and text[start - 1] == " ":
            before = text[:start].rstrip()
            if before and not before.endswith((".", ":", "!", "?")):
                cuts.append(start)
    return cuts


def flat_pieces(text: str) -> list[str]:
    """`text` cut at every place above (whole if none)."""
    cuts = sorted({m.end() for m in _SPLIT_RE.finditer(text)} | set(_link_title_cuts(text)))
    cuts = [c for c in cuts if 0 < c < len(text)]
    if not cuts:
        return [text]
    out, start = [], 0
    for c in cuts:
        if text[start:c].strip():
            out.append(text[start:c].strip())
        start = c
    if text[start:].strip():
        out.append(text[start:].strip())
    return out
