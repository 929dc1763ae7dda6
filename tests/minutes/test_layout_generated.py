"""Generated variants: for each layout kind of issue 17, every combination of the ways it varies
(a prose decision wrapped after every word; a lead-in over a list in every marker style; every
kind of owner of a directive; an action table in every separator and column order ...). See
layout_kit for how a variant is scored. Two whole synthetic pages that mix the kinds:
test_layout_generated_pages.py."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes

from .layout_kit import (
    ACTION_REF,
    DIRECTIVE,
    GLUED,
    LOG,
    LOST,
    MOTION,
    NOTICE,
    OWNER_COL,
    OWNER_LABEL,
    PROSE,
    TRAP,
    UNANIMOUS,
    V,
    Variant,
    score,
)

# ---- generated variants: every combination of the ways a kind varies --------------------------
# fmt: off


def _wrap(sentence: str, at: int) -> str:
    """The sentence hard-wrapped after its `at`-th word (0: not wrapped)."""
    w = sentence.split(" ")
    return sentence if not 0 < at < len(w) else " ".join(w[:at]) + "\n" + " ".join(w[at:])


def _prose_variants() -> list[Variant]:
    subjects = ["It was", "The Board", "The Health and Wellbeing Board", "The Committee",
                "Council", "The Sub-Committee", "The Police and Crime Panel", "The Partnership"]
    out = []
    for subject in subjects:
        for adverb in ("", "unanimously ", "therefore "):
            for verb in ("agreed", "resolved", "decided"):
                for clause in ("that the revised policy be adopted.", "to adopt the revised policy."):
                    sentence = f"{subject} {adverb}{verb} {clause}"
                    for at in range(len(sentence.split(" "))):  # wrapped after every word
                        text = f"5. Policy\n\nMembers discussed the draft. {_wrap(sentence, at)}\n"
                        out.append(V(PROSE, sentence, text, [clause]))
    return out


def _list_variants() -> list[Variant]:
    leads = ["That the Committee:", "It is recommended that Cabinet:", "The Board agreed:",
             "RESOLVED:", "RESOLVED that:", "The Committee resolved:-",
             "That the Health and Wellbeing Board:"]
    markers = ["({a})", "{a})", "{a}.", "({i})", "{n}.", "{n})", "({n})", "\u2022", "-"]
    items = ["notes the report", "approves the revised budget",
             "asks officers to report back in June"]
    out = []
    for lead in leads:
        for marker in markers:
            body = "\n".join(
                marker.format(a="abc"[k], i=("i", "ii", "iii")[k], n=k + 1)
                + f" {t}{';' if k < 2 else '.'}"
                for k, t in enumerate(items)
            )
            text = f"7. Budget\n\nThe Director introduced the report.\n\n{lead}\n{body}\n"
            out.append(V(LOST, f"{lead} {marker}", text, items))
    return out


def _directive_variants() -> list[Variant]:
    owners = ["JS", "The Clerk", "Cllr Harris", "Sarah Jones", "Head of Finance",
              "Democratic Services", "JS/AB", "The Chair", "Officers", "Mrs Jones"]
    tasks = ["circulate the slides to members.", "write to the county about the verge.",
             "contact the school about parking."]
    out = []
    for owner in owners:
        for task in tasks:
            line = f"{owner} to {task}"
            for text in (f"4. Item\n\nMembers discussed it.\n{line}\n",
                         f"4. Item\n\nMembers discussed it. {line}\n",
                         f"4. Item\n\n\u2022 {line}\n"):
                out.append(V(DIRECTIVE, line, text, act=[(owner, task)]))
    return out


def _table_variants() -> list[Variant]:
    rows = [("Circulate the revised plan to members", "JS", "March"),
            ("Book the room for the away day", "Clerk", "April"),
            ("Chase the audit report", "AB/CD", "May")]
    out = []
    for sep in (" / ", " | ", "\t", "     "):
        for order in ("task owner due", "owner task due", "number task owner"):
            for title in ("Actions", "Action log", "5. Actions arising"):
                lines = []
                for n, (task, owner, due) in enumerate(rows, 1):
                    cells = {"task": task, "owner": owner, "due": due, "number": str(n)}
                    lines.append(sep.join(cells[c] for c in order.split()))
                text = f"{title}\n" + "\n".join(lines) + "\n"
                out.append(V(LOG, f"{sep!r} {order} under {title}", text,
                             act=[(o, t) for t, o, _ in rows]))
    return out


def _owner_label_variants() -> list[Variant]:
    sentence = "The noticeboard at the green needs repairing."
    out = []
    for label in ("Action: {o}", "ACTION: {o}", "Action - {o}", "(Action: {o})", "Actions: {o}",
                  "ACTION \u2013 {o}", "Action by: {o}"):
        for owner in ("JS", "Clerk", "Head of Finance"):
            mark = label.format(o=owner)
            for text in (f"4. Noticeboard\n\n{sentence} {mark}\n",
                         f"4. Noticeboard\n\n{sentence}\n{mark}\n"):
                out.append(V(OWNER_LABEL, mark, text, act=[(owner, sentence)]))
    return out


def _motion_variants() -> list[Variant]:
    clause = "that the precept be set at \u00a35,000."
    out = []
    for motion in ("Proposed by Cllr A, seconded by Cllr B, {c} {o}",
                   "Proposed (AB) & Seconded (CD) {c} {o}",
                   "Cllr A proposed and Cllr B seconded {c} {o}",
                   "It was proposed by Cllr A and seconded by Cllr B {c} {o}"):
        for outcome in ("Carried.", "Unanimously agreed.", "All in favour.",
                        "Carried unanimously.", "Agreed by all."):
            text = "6. Precept\n\n" + motion.format(c=clause, o=outcome) + "\n"
            out.append(V(MOTION, text, text, [clause]))
    return out

def _action_reference_variants() -> list[Variant]:
    sentence = "The members asked for the quarterly figures to be shared before the next meeting"
    out = []
    for ref in ("Action 3.02", "Action 3", "Action 12", "ACTION 4.1", "Action No. 5"):
        for owner in ("AB", "AB/CD", "Clerk", "Head of Finance"):
            for glue in ("....", ". ", " - "):
                text = f"3. Finance\n\n{sentence}{glue}{ref}: {owner}\n"
                out.append(V(ACTION_REF, text, text, act=[(owner, sentence)]))
    return out


def _owner_column_variants() -> list[Variant]:
    tasks = ["Circulate the newsletter draft to all partners",
             "Arrange a workshop on the new framework", "Update the risk register"]
    out = []
    for owners in (("AB", "CD", "EF"), ("AB/CD", "EF", "GH/IJ"), ("JS", "JS", "KL")):
        for sep in (" ", " - ", " \u2013 ", ". "):
            for title in ("5. Communications", "Actions", "Matters arising"):
                lines = "\n".join(f"{t}{sep}{o}" for t, o in zip(tasks, owners, strict=True))
                text = f"{title}\n\n{lines}\n"
                out.append(V(OWNER_COL, text, text,
                             act=list(zip(owners, tasks, strict=True))))
    return out


def _passive_variants() -> list[Variant]:
    out = []
    for who in ("Jane Doe", "Stephen Lawrence-Orumwense", "Cllr Harris", "Councillor Patel",
                "Dr Amir Khan", "Mr Brown"):
        for done in ("invited to the next meeting", "asked to present the audit",
                     "contacted about the grant"):
            sentence = f"{who} to be {done}."
            for text in (f"9. Speakers\n\nMembers discussed the programme. {sentence}\n",
                         f"9. Speakers\n\n{sentence}\n"):
                out.append(V(DIRECTIVE, text, text, act=[("", sentence)]))
    return out


def _trap_variants() -> list[Variant]:
    agenda = ["The Chair to welcome members.", "The Vice-Chair to open the meeting.",
              "Chairman to report apologies.", "Chair to sign and date.",
              "Councillor Cuddy to move:", "The Clerk to read the minutes."]
    prose = ["It was agreed that the Chair would write to the county.",
             "It was agreed that officers will report back.",
             "JS will circulate the slides.", "Cllr Smith agreed to write to the MP.",
             "The Chair undertook to contact the police.",
             "Members noted that the survey closes in May.",
             "Cllr Morton said that he agreed that the plan was good.",
             "The minutes were approved as a correct record (JT/RB).",
             "Proposed by Cllr Lee, seconded by Cllr Roy.",
             "It was noted that approval be given by the county.",
             "The Board asked that consideration be given to new lighting."]
    return [V(TRAP, t, f"AGENDA\n1. {t}\n") for t in agenda] + [
        V(TRAP, t, f"5. Item\n\n{t}\n") for t in prose
    ]

def _notice_variants() -> list[Variant]:
    items = ["To approve the traffic calming scheme.",
             "To delegate the detailed design to the Director of Place."]
    out = []
    for label in ("Decision Made (Ref: 1234)", "Decision (Ref. 77)", "DECISION (Ref: 12/34)",
                  "Record of Decision (Ref 45)", "Decision taken"):
        for lead in ("The Cabinet Member for Highways made the following decision:",
                     "Having considered the report, the Leader decided:",
                     "The Portfolio Holder for Housing RESOLVED:",
                     "The Executive Director agreed:",
                     "The Cabinet Member for Highways has decided:"):
            for marker in ("({})", "{}.", "{})"):
                for labels in (("i", "ii"), ("1", "2"), ("a", "b")):
                    body = "\n".join(
                        f"{marker.format(k)} {t}" for k, t in zip(labels, items, strict=True)
                    )
                    text = f"{label}\n\n{lead}\n{body}\n"
                    out.append(V(NOTICE, text, text, items))
    return out


def _glued_variants() -> list[Variant]:
    out = []
    for keyword in ("RESOLVED:", "RESOLVED that:", "The Committee RESOLVED:"):
        for marker in ("({})", "{})", "{}."):
            for labels in (("1", "2"), ("a", "b"), ("i", "ii")):
                for first in ("that", "the", "That"):
                    want = [f"{first} report be noted", f"{first} plan be approved."]
                    text = (f"4. Plan\n\n{keyword}\n{marker.format(labels[0])}{want[0]};\n"
                            f"{marker.format(labels[1])}{want[1]}\n")
                    out.append(V(GLUED, text, text, want))
    return out


def _proposal_variants() -> list[Variant]:
    out = []
    for label in ("Proposal:", "Proposals:", "Comments:"):
        for markers in (("-", "-"), ("\u2022", "\u2022"), ("1.", "2."), ("(a)", "(b)")):
            text = (f"5. Parking\n\n{label}\n{markers[0]} That the car park be resurfaced.\n"
                    f"{markers[1]} That charges be introduced.\n")
            out.append(V(TRAP, text, text))
    return out


def _header_table_variants() -> list[Variant]:
    rows = [("Circulate the revised plan to members", "JS", "March"),
            ("Book the room for the away day", "Clerk", "April")]
    out = []
    for header in (("Action", "Owner", "Due"), ("Action Required", "Lead", "Timescale"),
                   ("What", "Who", "When"), ("Task", "Responsible", "Deadline"),
                   ("Action", "By whom", "By when"), ("Action", "Lead Officer", "Target Date"),
                   ("Agreed action", "Responsibility", "Date")):
        for sep in (" | ", "\t", "    ", " / "):
            for status in ((), ("Status",)):
                lines = [sep.join(header + status)] + [
                    sep.join(row + (("Open",) if status else ())) for row in rows
                ]
                text = "6. Actions\n\n" + "\n".join(lines) + "\n"
                out.append(V(LOG, text, text, act=[(o, t) for t, o, _ in rows]))
    return out


def _vote_variants() -> list[Variant]:
    clause = "that the application be refused."
    out = []
    for tally in ("by 6 votes to 2", "by a majority", "by a majority of 4 in favour to 1 against",
                  "by six votes to two with one abstention", "unanimously"):
        for lead in ("It was RESOLVED {t} {c}", "Following a vote, it was RESOLVED {t} {c}",
                     "It was agreed {t} {c}", "RESOLVED {t} {c}"):
            text = "8. Planning\n\n" + lead.format(t=tally, c=clause) + "\n"
            out.append(V(PROSE, text, text, [clause]))
    return out


def _keyword_variants() -> list[Variant]:
    out = []
    for keyword in ("RESOLVED:", "RESOLVED -", "RESOLVED \u2013", "Resolved:", "RESOLVED that",
                    "UNANIMOUSLY RESOLVED:", "RESOLVED UNANIMOUSLY:", "It was RESOLVED that",
                    "AGREED:", "Agreed \u2013", "DECISION:", "Decision:",
                    "RESOLVED (unanimously):", "The Committee RESOLVED:", "RESOVLED:"):
        for clause in ("That the report be noted.", "that the report be noted.",
                       "the report be noted."):
            for text in (f"6. Report\n\n{keyword} {clause}\n", f"6. Report\n\n{keyword}\n{clause}\n"):
                out.append(V(UNANIMOUS, text, text, [clause]))
    return out


# how items are numbered: (heading of item 4 and of item 5, the number judged for item 5)
ITEM_STYLES = [("{}.", "5"), ("{}", "5"), ("Item {}:", "5"), ("Minute 12{}", "125"),
               ("4{}/23", "45/23"), ("8.1{}", "8.15"), ("AGENDA ITEM {} -", "5"),
               ("Item {}.", "5"), ("Minute No. 4{}/23", "45/23"), ("{}/23", "5/23"),
               ("F0{}:04/24", "F05:04/24")]


def _item_pages() -> list[tuple[str, str]]:
    out = []
    for style, number in ITEM_STYLES:
        for title in ("Budget Monitoring", "BUDGET MONITORING"):
            for body in ("RESOLVED: That the report be noted.",
                         "It was agreed that the report be noted.",
                         "Resolved - that the report be noted."):
                for gap in ("\n\n", "\n"):
                    out.append((f"{style.format(4)} Apologies\n\nNone.\n\n{style.format(5)} {title}"
                                f"{gap}The Director introduced the report.\n{body}\n", number))
    return out
# fmt: on


def test_every_style_of_item_number_is_given_to_the_resolution_under_it():
    wrong = []
    for text, number in _item_pages():
        items = [r.item for r in parse_minutes(text).resolutions]
        if items != [number]:
            wrong.append((text, items))
    assert wrong == []


GENERATED = {
    "prose decisions, wrapped after every word": _prose_variants,
    "lead-ins over lists in every marker style": _list_variants,
    "directives of every owner, on their own line, after a sentence, bulleted": _directive_variants,
    "action tables with no header: every separator and column order": _table_variants,
    "owner-only labels, on the same line or the next": _owner_label_variants,
    "motions with every outcome wording": _motion_variants,
    "numbered action references glued to the sentence, every owner": _action_reference_variants,
    "owner columns flattened onto each item, every separator": _owner_column_variants,
    "'<person> to be ...': every way of naming the person": _passive_variants,
    "traps: agenda descriptions, undertakings, views, proposers": _trap_variants,
    "decision keywords in every form, the clause on the same line or the next": _keyword_variants,
    "decision notices: every label, lead-in and marker": _notice_variants,
    "list markers glued to their text, every marker": _glued_variants,
    "traps: clauses under a 'Proposal:' or 'Comments:' label, every marker": _proposal_variants,
    "action tables under a header, every wording and separator": _header_table_variants,
    "a vote's tally between the decision word and its clause": _vote_variants,
}


@pytest.mark.parametrize("kind", list(GENERATED))
def test_every_generated_variant_of_a_kind_is_read(kind):
    failed = [v.text for v in GENERATED[kind]() if score(v)[0]]
    assert failed == []
