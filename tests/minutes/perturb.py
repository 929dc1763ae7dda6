"""Rewrites of a minutes page that published pages show and that do not change what the
minutes say (issue 17, branch minutesrobust): bullet characters and list numbering restyled,
keyword case changed, spacing and line ends changed, smart quotes and dashes made plain or
smart, and the artefacts of a web page saved as text. The scorer matches words, lower-cased,
so the judgements of the original page stand for every rewrite."""

from __future__ import annotations

import re
from collections.abc import Callable

# A bullet at the start of a line, whatever it is drawn with.
_BULLET_RE = re.compile(r"^([ \t]*)[\u2022\u00b7\u25aa\u25cf\u2023\u2043*\-o\u2013](?=[ \t])", re.M)


def _bullets(char: str) -> Callable[[str], str]:
    return lambda text: _BULLET_RE.sub(lambda m: m.group(1) + char, text)


def _numbering(text: str) -> str:
    """'1.' -> '1)', '(1)' -> '1.', '1)' -> '(1)', '(a)' -> 'a)', 'a)' -> '(a)' at line starts."""

    def one(m: re.Match[str]) -> str:
        lead, mark = m.group(1), m.group(2)
        if mark.startswith("("):
            core = mark[1:-1]
            return f"{lead}{core}." if core.isdigit() else f"{lead}{core})"
        core = mark[:-1]
        if mark.endswith(".") and core.isdigit():
            return f"{lead}{core})"
        return f"{lead}({core})"

    return re.sub(
        r"^([ \t]*)(\(\d{1,2}\)|\([a-h]\)|\d{1,2}[.)]|[a-h]\))(?=[ \t]|[A-Z])",
        one,
        text,
        flags=re.M,
    )


# The decision words as a page writes them when they mark a decision: capitalised or in capitals
# (a lower-case "agreed" in prose is a report, and capitals would make it a decision).
_KEYWORDS_RE = re.compile(r"\b(Resolved|RESOLVED|Agreed|AGREED)\b")
# A decision word opening its line, after any item number: lower case there is still a label.
_LINE_KEYWORD_RE = re.compile(r"^([ \t]*(?:[\d.()/a-z]{1,8}[ \t]+)?)(Resolved|RESOLVED)\b", re.M)


def _swap_case(text: str) -> str:
    """'Resolved' <-> 'RESOLVED', 'Agreed' <-> 'AGREED'."""
    return _KEYWORDS_RE.sub(
        lambda m: m.group(1).title() if m.group(1).isupper() else m.group(1).upper(), text
    )


def _case(how: Callable[[str], str]) -> Callable[[str], str]:
    return lambda text: _KEYWORDS_RE.sub(lambda m: how(m.group(1)), text)


def _lower_labels(text: str) -> str:
    return _LINE_KEYWORD_RE.sub(lambda m: m.group(1) + m.group(2).lower(), text)


_PLAIN = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                        "\u2013": "-", "\u2014": "-"})  # fmt: skip


def _smart(text: str) -> str:
    text = re.sub(r"(?<=\w)'(?=\w)", "\u2019", text)
    text = re.sub(r'"([^"\n]*)"', "\u201c\\1\u201d", text)
    return re.sub(r" - ", " \u2013 ", text)


def _nbsp(text: str) -> str:
    """Every space after a word's first letter is non-breaking, as in text copied from a browser."""
    return re.sub(r"(?<=\S) (?=\S)", "\u00a0", text)


def _tabs(text: str) -> str:
    """A tab after a list marker or a label opening a line ("1.\tThat", "RESOLVED:\tThat",
    "\u2022\tThe Clerk"), and the indent before it, as a word processor's list saved as text.
    (A tab after any first word would be a column: another layout, not this one.)"""
    return re.sub(
        r"^[ ]*((?:\(?[0-9a-z]{1,4}[.)]|[\u2022\u00b7\u25aa*\-o]|[A-Za-z]+:))[ ]+",
        lambda m: ("\t" if m.group(0).startswith(" ") else "") + m.group(1) + "\t",
        text,
        flags=re.M,
    )


def _crlf_trailing(text: str) -> str:
    return "\r\n".join(line + "  " if line.strip() else line for line in text.split("\n"))


def _doubled_blanks(text: str) -> str:
    """A blank line between every two lines, as paragraphs pasted from a word processor."""
    return re.sub(r"\n", "\n\n", text)


def _indented(text: str) -> str:
    return re.sub(r"^(?=\S)", "    ", text, flags=re.M)


_BANNER = (
    "Skip to main content\n"
    "Cookies on this website\n"
    "We use some essential cookies to make this website work. We'd like to set additional "
    "cookies to understand how you use the website.\n"
    "Accept additional cookies Reject additional cookies View cookies\n"
    "Home > Your council > Councillors, committees and meetings\n"
    "Print this page\n\n"
)


def _html_saved(text: str) -> str:
    """A web page saved as text: the site's banner above, entities left in the text."""
    text = text.replace("&", "&amp;").replace("\u00a0", "&nbsp;")
    text = re.sub(r"(?<=\w)'(?=\w)", "&#39;", text)
    text = re.sub(r"^([^ \n]+) ", "\\1&nbsp;", text, flags=re.M)
    return _BANNER + text


PERTURBATIONS: dict[str, Callable[[str], str]] = {
    "bullets as *": _bullets("*"),
    "bullets as o": _bullets("o"),
    "bullets as \u25aa": _bullets("\u25aa"),
    "numbering restyled": _numbering,
    "keywords in capitals": _case(str.upper),
    "keywords capitalised": _case(str.title),
    "keyword case swapped": _swap_case,
    "keyword labels lower case": _lower_labels,
    "non-breaking spaces": _nbsp,
    "tabs after markers and labels": _tabs,
    "CRLF, trailing spaces": _crlf_trailing,
    "blank line between lines": _doubled_blanks,
    "indented 4": _indented,
    "smart quotes made plain": lambda t: t.translate(_PLAIN),
    "plain quotes made smart": _smart,
    "saved web page": _html_saved,
}


def _then(*steps: Callable[[str], str]) -> Callable[[str], str]:
    def run(text: str) -> str:
        for step in steps:
            text = step(text)
        return text

    return run


# The rewrites combined, five re-readings of the dev split (each costs a pass over it).
COMBINED: dict[str, Callable[[str], str]] = {
    "spacing": _then(_doubled_blanks, _indented, _nbsp, _crlf_trailing),
    "saved web page, smart quotes": _then(_smart, _html_saved),
    "bullets and tabs": _then(_bullets("o"), _tabs),
    "keyword case swapped": _swap_case,
    "numbering restyled, labels lower case": _then(_numbering, _lower_labels),
}
