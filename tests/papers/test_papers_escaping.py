"""Any text in the database arrives in a paper as text: never a table cell, heading, list, link,
HTML or template code. Checked on the papers themselves (hostile titles, commentary and
follow-ups through the services) and, for the escaping rules, through Python-Markdown."""

from __future__ import annotations

import datetime as dt
import random
import re
from html import unescape

import markdown
import pytest
from markdown_it import MarkdownIt
from papers_helpers import SFB, SFB_MEETING, on_day

from tracker.papers.escape import block, inline, quote
from tracker.services.context import Tracker
from tracker.services.papers.render import preview_paper

HOSTILE = "| pipes | and\n# heading <script>alert(1)</script> {{ 7*7 }} [link](http://x) *bold*"


def _hostile_term(term: Tracker) -> Tracker:
    """P1-03's title and commentary, and a follow-up response, made hostile."""
    from tracker.services.actions.detail import get_action
    from tracker.services.actions.edit import edit_action
    from tracker.services.actions.updates import record_update
    from tracker.services.committees.followup_updates import update_followup
    from tracker.services.committees.followups import FollowUpFilter, list_followups

    version = get_action(term, "P1-03").version
    edit_action(term, "P1-03", version, {"title": HOSTILE})
    record_update(term, "P1-03", note="- item\n\n> quote\n1. one\n<b>bold</b> & &lt; ###")
    followup = next(f for f in list_followups(term, FollowUpFilter(committee=SFB)) if f.is_open)
    update_followup(on_day(term, dt.date(2026, 2, 20)), followup.id, response=HOSTILE)
    return term


def _table_rows_intact(text: str) -> None:
    """Every table row has as many cells as its header (no pipe or newline broke one)."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("|---") or line.startswith("|--:"):
            width = len(re.split(r"(?<!\\)\|", lines[i - 1])) - 2
            for row in lines[i + 1 :]:
                if not row.startswith("|"):
                    break
                assert len(re.split(r"(?<!\\)\|", row)) - 2 == width, row


def test_hostile_text_is_literal_in_markdown(term: Tracker) -> None:
    t = _hostile_term(term)
    for template in ("highlight", "exception", "matters-arising"):
        text = preview_paper(t, template, SFB, SFB_MEETING).text
        _table_rows_intact(text)
        assert "<script>" not in text and "<b>" not in text
        assert "{{ 7\\*7 }}" in text  # the template never evaluates data
        assert "49" not in text
        assert "\n# heading" not in text and "\n- item" not in text and "\n> quote" not in text
        # every heading is one of the template's own
        for line in text.split("\n"):
            if line.startswith("#"):
                assert line.startswith(("# ", "## ", "### ")), line
        html = markdown.markdown(text, extensions=["tables"])
        assert "<script" not in html and "<a " not in html and "<b>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_hostile_text_is_escaped_in_html(term: Tracker) -> None:
    t = _hostile_term(term)
    page = preview_paper(t, "highlight", SFB, SFB_MEETING, fmt="html").text
    assert "<script>alert" not in page and "<b>bold</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "{{ 7*7 }}" in page and 'href="http://x"' not in page
    # our own labels are still HTML
    assert '<span class="rag rag-red">Red</span>' in page


@pytest.mark.parametrize(
    "text",
    [
        "| a | b |",
        "# Heading",
        "Title ##",
        "> quoted",
        "- item",
        "+ item",
        "1. item",
        "2) item",
        "===",
        "---",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[link](javascript:alert(1))",
        "![img](http://x/y.png)",
        "`code`",
        "*em* and **strong** and _em_",
        "&lt;already an entity&gt; &amp; &#60;",
        "back\\slash",
        "{{ 7*7 }} {% if x %}",
        "[x]: http://evil.example",
        "see [the plan](http://x) and [ref][1]",
        "ends with [a link]",
        "* item",
        "* * *",
        "a *b* c",
        "line ends with a backslash\\",
        "\\*not em\\*",
        "<!-- hidden -->",
    ],
)
def test_inline_text_renders_as_itself(text: str) -> None:
    """In a table cell, a paragraph and a numbered item (the template's "(" right after it),
    Python-Markdown and a CommonMark renderer (markdown-it) show exactly the text."""
    cell = markdown.markdown(f"| h |\n|---|\n| {inline(text)} |", extensions=["tables"])
    para = markdown.markdown("intro\n\n" + inline(text), extensions=["tables"])
    item = markdown.markdown(f"1. {inline(text)}(http://x)", extensions=["tables"])
    common = MarkdownIt("commonmark").render(f"intro\n\n{inline(text)}\n\n1. {inline(text)}")
    for html, items in ((cell, 0), (para, 0), (item, 1), (common, 1)):
        assert text in unescape(html), html
        assert "<script" not in html and "<img" not in html and "<a " not in html
        assert "<em>" not in html and "<strong>" not in html and "<code>" not in html
        assert "<h1>" not in html and "<blockquote>" not in html
        assert html.count("<li>") == items and "<ul>" not in html
        assert "<hr" not in html


@pytest.mark.parametrize(
    "text",
    [
        "the budget of £25,000 (2026/27) - subject to Cabinet & partners' sign-off",
        "officers report back on the [draft] at the next meeting",
        "fewer than 5 < 10 families, i.e. 3 * 2 sessions",
        "files in C:\\Temp\\plans",
        "-5% on last term, +2 schools",
        "data_sharing v2.1 #3",
        "O'Brien-Smith, A. (Chair)",
    ],
)
def test_ordinary_text_is_written_as_typed(text: str) -> None:
    """What a secretary types reads the same in the Markdown file: no backslash or entity
    where nothing would act, and it still renders as itself."""
    assert inline(text) == text
    assert text in unescape(markdown.markdown("intro\n\n" + inline(text)))


def test_inline_flattens_newlines_and_keeps_words_readable() -> None:
    assert inline("line one\n\n# two\n- three") == "line one # two - three"
    assert inline("snake_case and file_name.txt") == "snake_case and file_name.txt"
    assert inline("escalation #1") == "escalation #1"
    assert inline("P1-03: 97.8% of 1.5m") == "P1-03: 97.8% of 1.5m"


def test_block_keeps_paragraphs_and_quote_quotes() -> None:
    text = "First line\nsecond line\n\n# not a heading\n- not a list"
    html = markdown.markdown(block(text))
    assert html.count("<p>") == 2 and "<h1>" not in html and "<li>" not in html
    quoted = markdown.markdown(quote(text))
    assert quoted.startswith("<blockquote>") and "<h1>" not in quoted


def _by_the_rules(text: str, strip: bool) -> str:
    """`inline` without its shortcut for plain text: every rule applied."""
    from tracker.papers import escape

    text = escape._SPACES.sub(" ", text)
    return escape._line(text.strip()) if strip else escape._line(text)


def test_plain_text_passed_through_as_it_is_is_what_the_rules_give() -> None:
    """Text `inline` hands back untouched (a date "1 Mar 2026", "P1-03", most titles) is
    exactly what every escaping rule would have made of it; "1. item" is not plain."""
    rng = random.Random(19)
    plain, marks = "Ab9 0.,;:'()/%?!-", "`|*\\][_#<&>=+\n\t"
    samples = ["1 Mar 2026", "1. item", "12) item", "3)", "1.", "2026-03-01", "1.5m", "10", "",
               "1 ", " 1", "1  2", "7.x", "9)x", "1.)", "Phase 1: Design"]  # fmt: skip
    for _ in range(20_000):
        length = rng.randint(1, 10)
        samples.append("".join(rng.choice(plain if rng.random() < 0.9 else marks)
                               for _ in range(length)))  # fmt: skip
    for text in samples:
        for strip in (True, False):
            assert inline(text, strip=strip) == _by_the_rules(text, strip), (text, strip)
