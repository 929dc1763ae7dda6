"""The importer's figures on the development pages of batches 18 to 32 may not drop.

Each of these batches was gathered by a branch that judged and split it before the importer ran
on it, scored its development pages untuned, then tuned on them (or, for an untuned final
round, read them only after its last change). Each batch has its own floors, as the branch left
them; the floors on the pages measured before (batches 1 to 17, the held-out quarters) are in
test_corpus_scores.py. Raise them when the importer gets better; never lower them to make a
change pass.
"""

from __future__ import annotations

import pytest

from tracker.minutes.evaluate import total

from .corpus_floors import assert_floors, batch, corpus_results


@pytest.fixture(scope="module")
def results():
    return corpus_results()


# Batch 21 (16 pages from 16 bodies, directives and owners written into the text; branch
# minutesdirect) was gathered in two steps, each judged and then split by the digest rule over
# its own pages before the reader ran on it (3 of 9 and 2 of 7 held out). Its 11 dev pages were
# scored untuned (scores_batch21_unseen.json): resolutions 0.8000 (20 judged), actions 0.5000
# (16 judged, 2 false), items 8 of 14; after the batch 21 rules: 0.8889, 0.9375 (1 false: a
# task judged to end before "– list of jobs to be drawn up"), 9 of 16. The held-out five were
# not scored on this branch, so they get no floor here. Raised by branch minutesleft2 (item forms
# "5/" and "1a)", "It has been agreed that ..."): 0.9189, 0.9375, 15 of 17. Raised by branch
# minutesparish3, which re-judged Minsterley's "Signed as true by Chair (GR) Proposed by GB sec all"
# by batch 8's reading (a motion carried; its first judgement had passed over it) and reads it:
# 0.9231 (21 judged, 18 found, none false), 0.9375, 16 of 18.
# resolutions 0.92 -> 0.90 (branch freshres): Ludford's "Clerks & Councils - noted." was
# re-judged a resolution by batch 24's reading (an item's line ending in its outcome); the reader
# reads the page as before and misses it (18 of 22 found, none false)
BATCH21_DEV_FLOORS = (0.90, 0.93, 0.88)
BATCH21_DEV_FALSE_ACTIONS_AT_MOST = {"en_britford_pc_2017.txt": 1}


def test_batch21_dev_figures_do_not_drop(results):
    pages = [r for r in results if r.split == "dev" and batch(r.name) == 21]
    assert len(pages) == 11
    assert_floors(pages, BATCH21_DEV_FLOORS)
    fp = {r.name: r.score.actions.fp for r in pages}
    assert {n: f for n, f in fp.items() if f > BATCH21_DEV_FALSE_ACTIONS_AT_MOST.get(n, 0)} == {}


# Batch 18 (20 pages, 5 held out; branch minutesmarker, chosen for action markers and action logs:
# "Action:" lines, "ACTIONS AGREED" lists, owner-only labels, action items of the last meeting,
# "Action: Complete" and other traps) was judged and split before the importer first ran on it,
# and its development pages were scored once untuned (reader fd7f394; scores_batch18_unseen.json).
# Its held-out pages were not scored by that branch. Raise this when the reader gets better.
# 15 pages untuned: 0.6471 (22 judged), 0.4242 (22 judged, 4 false), 8 of 11; after the branch's
# rules for action markers and "Actions agreed" lists: 0.6471, 0.9268 (19 of 22, none false), 8 of 11;
# after the body's lead-ins ("The Governing Body:", "... APPROVED the following:") and minute numbers
# "18/19-75" were read (branch minutesrows): 0.9302 (20 of 22, 1 false), 0.9268, 19 of 20
BATCH18_DEV_FLOOR = (0.93, 0.92, 0.95)


def test_batch18_dev_figures_do_not_drop_below_untuned(results):
    pages = [r for r in results if r.split == "dev" and batch(r.name) == 18]
    assert len(pages) == 15
    assert_floors(pages, BATCH18_DEV_FLOOR)


# Batch 18 dev pages with false actions, untuned: "ACTIONS AGREED :" read as the owner "AGREED :"
# of the line before it (both Tarvin pages), "Action: Angela /Mike on his return to ..." read with
# "on his return" in the owner, and a marker cut inside "It was agreed that the secretariat". Since
# the branch's rules, none gives any; no batch 18 dev page may.
def test_batch18_dev_pages_give_no_false_action(results):
    found = {
        r.name: r.score.actions.fp for r in results if r.split == "dev" and batch(r.name) == 18
    }
    assert len(found) == 15
    assert {n: fp for n, fp in found.items() if fp} == {}


# Batch 22 (26 pages from 25 bodies, 7 held out: Welsh, Scottish and Northern Irish bodies,
# police and crime panels, fire authorities, health bodies) was judged and split before the
# importer first ran on it, and its development pages were scored once untuned (main's reader
# fd7f394; scores_batch22_unseen.json, run on a folder holding the batch's 19 dev pages alone):
# resolutions 0.7273 (25 judged; 16 found right, 3 false), actions 0.5000 (2 judged, 1 false),
# items 12 of 16. The floors above keep guarding the pages they were measured on; batch 22's
# development pages get their own, at what they read after the batch 22 rules (branch
# minutesnations): resolutions 1.0000 (25 of 25, none false), actions 1.0000 (2 of 2), items 25 of
# 25. Its held-out pages were never scored by the branch that added them: their
# floor is for the lead to set when the held-out quarter is next scored.
BATCH22_DEV_FLOOR = (1.00, 1.00, 1.00)


def test_batch22_dev_figures_do_not_drop(results):
    pages = [r for r in results if r.split == "dev" and batch(r.name) == 22]
    assert len(pages) == 19
    assert_floors(pages, BATCH22_DEV_FLOOR)


# Batch 20 (26 pages of principal authorities' and boards' committee minutes and decision pages,
# 7 held out; branch minutesmodgov) was judged and split before the importer first ran on it, and
# its 19 dev pages were scored once untuned (reader fd7f394; scores_batch20_unseen.json, run on a
# folder holding those pages alone): resolutions 0.6923 (29 judged: 18 found, 5 false), items 16 of
# 18; no action judged on a dev page. After the branch's layout rules: 0.9825 (28 found, none
# false), items 27 of 28. The held-out seven were not scored by that branch (they are the lead's to
# score once); they have no floor here yet. Raised by branch minutestwice, whose reader gives a
# decision printed under "Decision:" and again under "Minutes:" both times, as the rules judge it
# (the Cambridgeshire and Peterborough page's second copy): 1.0000 (29 found, none false), items
# 28 of 29.
BATCH20_DEV_FLOORS = (1.00, 1.00, 0.96)  # resolutions F1, actions F1, item numbers right


def test_batch20_dev_figures_do_not_drop(results):
    pages = [r for r in results if r.split == "dev" and batch(r.name) == 20]
    assert len(pages) == 19
    assert_floors(pages, BATCH20_DEV_FLOORS)
    assert [r.name for r in pages if r.score.actions.fp or r.score.resolutions.fp] == []


# Batch 19 (23 pages from 21 parish, town and community councils, 6 held out, chosen for their
# motions and decisions; branch minutesmotion) was judged and split before the importer first ran
# on it, and its 17 development pages scored once untuned (reader at fd7f394, main as the branch
# began; scores_batch19_unseen.json): resolutions 0.8060 (37 judged: 27 found right, 3 false),
# actions 0.4000 (8 judged, 2 found), items 23 of 27. The held-out six were not scored on the
# branch (the brief forbids it); their floor is for whoever scores the held-out split next.
# After branch minutesparish2's parish actions ('the Clerk was asked to ...', '... – AS'), data
# lead-ins and item forms: resolutions 0.96 (36 of 37, 2 false), actions 1.00 (8 of 8), items 33
# of 36 (they were 0.95, 0.40 and 29 of 35 after the motion rules).
# After branch freshprec (lists of forecasts no longer decisions): resolutions 0.9863 (36 of 37,
# 0 false), actions 1.00, items 34 of 36. After branch itemfix (the page's first item printed
# with its title and minute on one line, "1. Chairs Remark. The chair asked ..."): items 35 of 36.
BATCH19_DEV_FLOORS = (0.98, 1.00, 0.97)


def test_batch19_dev_figures_do_not_drop(results):
    pages = [r for r in results if r.split == "dev" and batch(r.name) == 19]
    assert len(pages) == 17
    assert_floors(pages, BATCH19_DEV_FLOORS)


# Batch 23 (8 pages, 2 held out; branch minutesrows, sought for bodies' lead-ins over their
# decisions: health and wellbeing boards, joint committees, a City of London committee) was judged
# and split before the importer first ran on it; its 6 development pages were scored once untuned
# (reader 50302d2; scores_batch23_unseen.json): resolutions 1.0 (5 judged), actions 1.0 (none
# judged, none false), items 5 of 5. Its held-out pages were not scored by that branch.
BATCH23_DEV_FLOOR = (1.0, 1.0, 1.0)


def test_batch23_dev_figures_do_not_drop_below_untuned(results):
    pages = [r for r in results if r.split == "dev" and batch(r.name) == 23]
    assert len(pages) == 6
    assert_floors(pages, BATCH23_DEV_FLOOR)


# Batch 24 (23 pages from 23 parish, town and community councils in England and Wales; branch
# minutesparish3) came in two steps, each judged and then split by the digest rule over its own
# pages before any reader ran on it: a sweep of 18 (5 held out) and an untuned final round of 5
# (2 held out). The sweep's 13 dev pages scored once untuned (main's reader 0729a09;
# scores_batch24_unseen.json): resolutions 0.7586 (17 judged: 11 found right, 1 false), actions
# 0.6667 (4 judged, 2 found), items 10 of 11. The final round's 3 dev pages were read only after
# the branch's last reader change: resolutions 4 of 8 found (none false) with main's reader and the
# branch's alike, actions 1 of 1, items 2 of 4 (main) and 3 of 4 (branch). All 16 dev pages with the
# branch's rules: 0.8444 (25 judged, 19 found, 1 false), 1.0000 (5 of 5), 17 of 19. The 7 held-out
# pages were not scored by the branch. Raised by branch minutesmixed, whose reader reads
# "19/8Resolved to ..." (a minute reference glued to the keyword), "Motioned DJ Seconded CJ",
# "Agree to acquire ...", "Agreed need to ..." and leaves "Recommendation: The Town Council would
# resend ..." for review: 1.0000 (25 of 25, none false), 1.0000, 23 of 25.
BATCH24_DEV_FLOORS = (1.00, 1.00, 0.92)


def test_batch24_dev_figures_do_not_drop(results):
    pages = [r for r in results if r.split == "dev" and batch(r.name) == 24]
    assert len(pages) == 16
    assert_floors(pages, BATCH24_DEV_FLOORS)
    assert [r.name for r in pages if r.score.actions.fp] == []


# Batch 25 (10 pages, 3 held out; branch minutesflat, sought for pages flattened onto long lines,
# hard-wrapped PDF text, flattened tables and action logs) was judged and split before the
# importer first ran on it; its 7 development pages were scored once untuned (reader 0729a09;
# scores_batch25_unseen.json): resolutions 0.3333 (6 judged: 2 found, 4 false), actions 0.9412
# (9 judged: 8 found, none false), items 2 of 2; after the branch's rules: 1.0, 1.0, 6 of 6.
# Then its untuned final round, 6 more pages (2 held out) read only after the branch's last change
# to the reader: its 4 dev pages gave resolutions 4 of 6 (none false), actions 0 of 1, items 4 of
# 4, the same on main's reader. The floor is all 11 dev pages as measured then.
# Its held-out pages were not scored by that branch.
BATCH25_DEV_FLOOR = (0.90, 0.94, 1.0)


def test_batch25_dev_figures_do_not_drop(results):
    pages = [r for r in results if r.split == "dev" and batch(r.name) == 25]
    assert len(pages) == 11
    assert_floors(pages, BATCH25_DEV_FLOOR)


# Batch 29 (19 pages from 19 bodies of every kind in about the corpus's mix, 5 held out; branch
# minutesmixed) came in two steps, each judged and then split by the digest rule over its own pages
# before any reader ran on it: a sweep of 15 (4 held out) and an untuned final round of 4 (1 held
# out). The sweep's 11 dev pages scored once untuned (main's reader c93f84b;
# scores_batch29_unseen.json): resolutions 0.8125 (18 judged: 13 found right, 1 false), actions
# 0.6667 (2 judged, 1 found), items 11 of 13. The final round's 3 dev pages were read only after the
# branch's last reader change: 3 of 4 resolutions with main's reader and the branch's alike, none
# false. All 14 dev pages with the branch's rules: 0.8837 (22 judged, 19 found right, 2 false),
# 1.0000 (2 of 2), 19 of 19. The 5 held-out pages were not scored by the branch.
BATCH29_DEV_FLOORS = (0.88, 1.00, 1.00)


def test_batch29_dev_figures_do_not_drop(results):
    pages = [r for r in results if r.split == "dev" and batch(r.name) == 29]
    assert len(pages) == 14
    assert_floors(pages, BATCH29_DEV_FLOORS)
    assert [r.name for r in pages if r.score.actions.fp] == []


# Batch 26 (18 pages from 13 bodies, 5 held out; branch minutesactions, sought for actions of
# partnership bodies: youth offending management boards, schools forums, safeguarding adults and
# health and wellbeing boards) was judged and split before the importer first ran on it; its 13
# development pages were scored once untuned (main's reader 0729a09; scores_batch26_unseen.json,
# run on a folder holding those pages alone): resolutions 0.80 (5 judged, 4 right, 1 false),
# actions 0.64 (15 judged, 8 right, 2 false), items 4 of 4. Its round 1 (6 pages, 2 held out:
# three flattened "Summary of Actions" tables of a safeguarding board, three health and
# wellbeing boards) was judged and split likewise and its 4 dev pages scored untuned with the
# branch's reader of the time (resolutions 1 of 1; actions 0 of 4, 2 false), then tuned on; so
# was its round 2 (6 pages, 2 held out; 4 dev pages untuned: resolutions 0 of 1, actions 0 of 2,
# 2 false). After the branch's rules, the 21 dev pages: resolutions 0.8571 (6 of 7, 1 false: "it
# was agreed that it does not breach Data Protection ...", an agreement reached with someone
# outside the meeting; 1 missed: a clause cut in two by a flattened action column), actions
# 0.9500 (19 of 21, none false; the 2 missed are round 2's action column flattened into the
# prose, "SD: Confirm attendance"), items 6 of 6. Its round 3, the untuned final round (5
# pages, 2 held out), read after the last change: its 3 dev pages give 5 of 5 actions on main's
# reader and this one alike, and so do round 4's 3 (4 pages, 1 held out: 1 of 1 resolutions, 2 of
# 2 actions); with them the 27 dev pages read resolutions 7 of 8 (1 false), actions 26 of 28, none
# false. The held-out pages were not scored by that branch.
BATCH26_DEV_FLOOR = (0.85, 0.95, 1.0)


def test_batch26_dev_figures_do_not_drop(results):
    pages = [r for r in results if r.split == "dev" and batch(r.name) == 26]
    assert len(pages) == 27
    assert_floors(pages, BATCH26_DEV_FLOOR)


# Batch 26's dev pages gave four false actions untuned (a flattened "Action" column header over a
# cut cell, "C"; a request a speaker reported, "Jackie Wright was requested to send ..."; two
# flattened "Summary of Actions" headers read as an owner-less "Action: To be completed by: ...");
# none may.
def test_batch26_dev_pages_give_no_false_action(results):
    found = {
        r.name: r.score.actions.fp for r in results if r.split == "dev" and batch(r.name) == 26
    }
    assert len(found) == 27
    assert {n: fp for n, fp in found.items() if fp} == {}


# Batch 28 (branch minutesnations2: 17 Welsh, Scottish and Northern Irish pages, 5 held out, then two
# untuned rounds of 6 and 4 more, 2 and 1 held out) was judged and split before the importer ran on
# it. Its first 12 dev pages were scored once untuned (main's reader 0729a09;
# scores_batch28_unseen.json, a folder holding those pages alone): resolutions 0.9655 (15 judged:
# 14 found, none false), actions 0.5000 (9 judged: 3 found, none false), items 12 of 14. After the
# branch's rules, with the first untuned round's 4 dev pages (read alike by main and the branch):
# 16 pages, resolutions 1.0000 (17 of 17), actions 1.0000 (9 of 9), items 17 of 17. The second
# untuned round's 3 dev pages were read alike by main and the branch too, and are held at what
# they measured: resolutions 0.8000 (8 judged: 6 found, 1 false), actions 1.0000 (1 of 1), items 2
# of 6. The held-out pages were never scored by the branch: their floor is for the lead to set.
BATCH28_DEV_FLOOR = (1.00, 1.00, 1.00)
BATCH28_ROUND2_DEV = {
    "ni_magherafelt_dc_2003.txt",
    "ni_magherafelt_dc_2011.txt",
    "wa_llanidloes_tc_2012.txt",
}
# Branch minutesleft4 (a minute number glued to its title, "363/01APOLOGIES", and "Both Coed –It
# was unanimously agreed ...") reads Llanidloes' items and one more decision: 0.8750 (7 of 8
# found, 1 false), 1.0000, 7 of 7.
BATCH28_ROUND2_DEV_FLOOR = (0.87, 1.00, 1.00)


def test_batch28_dev_figures_do_not_drop(results):
    pages = [r for r in results if r.split == "dev" and batch(r.name) == 28]
    assert len(pages) == 19
    tuned = [r for r in pages if r.name not in BATCH28_ROUND2_DEV]
    assert_floors(tuned, BATCH28_DEV_FLOOR)
    assert [r.name for r in tuned if r.score.actions.fp or r.score.resolutions.fp] == []
    assert_floors([r for r in pages if r.name in BATCH28_ROUND2_DEV], BATCH28_ROUND2_DEV_FLOOR)


# Batch 27 (branch minutesprose2): principal authorities' and public bodies' pages, 26 dev pages.
# The first sweep's 14 dev pages scored 0.8889 / 1.00 (none judged) / 20 of 20 untuned
# (scores_batch27_unseen.json) and 1.00 / 1.00 / 22 of 22 after the branch's rules. Untuned round
# 1's 3 dev pages read the same on main's reader and the branch's then (3 of 5 found, 7 false:
# Kent's shadow panel's numbered paragraphs taken as decisions); numbered paragraphs of
# discussion, a kind of the branch's brief, were then given a rule (5 of the 7 false finds went).
# Rounds 2 and 3 (3 dev pages each) were read after reader changes and not tuned on; each reads
# the same on main's reader and the branch's (round 2: 1 of 3 found, 3 false; round 3: 6 of 6, 1
# false, and one false action, an agenda's "Iwan Evans, Monitoring Officer to present the report."
# with no action judged, so the batch's actions F1 is 0): 0.8649 / 0.00 / 32 of 32. A decision
# that runs on into a report of what followed in its paragraph was then cut at its sentence (a
# kind seen on batch 19's Asterby dev page and on round 2's North York Moors page, which is
# therefore no longer untuned): 0.9189 / 0.00 / 34 of 34. Untuned round 4 (3 dev pages, read
# after the last change) reads the same on both readers, 6 of 6 found and 1 false; the batch,
# 26 dev pages, stands at 0.9195 / 0.00 / 40 of 40
# Raised by branch minutesleft5 (precision traps, each written first as synthetic variants):
# Stevenage's "Decision:" over "None", Thurrock's "The Mayor referred Members to ..." heading a
# "Decisions:" field, Bedfordshire's nomination beside the RESOLVED that records it and North
# Wales' presenter line no longer taken: 0.9524 (40 of 42, 2 false) / 1.00 (no action judged,
# none false) / 40 of 40
BATCH27_DEV_FLOORS = (0.95, 1.00, 1.00)
BATCH27_DEV_FALSE_ACTIONS_AT_MOST = 0
BATCH27_FIRST_SWEEP_DEV_FLOORS = (1.00, 1.00, 1.00)
BATCH27_UNTUNED_ROUNDS = {
    "en_durham_pcp_2012_regulations.txt",
    "en_kent_shadow_pcp_2012.txt",
    "en_lancashire_pcp_2012.txt",
    "en_bedfordshire_fra_2018.txt",
    "en_north_york_moors_npa_planning_2015.txt",
    "wa_pembrokeshire_coast_npa_dmc_2011.txt",
    "en_stevenage_jcc_2018.txt",
    "en_worcestershire_council_nov_2016.txt",
    "wa_north_wales_cjc_calendar_2025.txt",
    "en_gloucester_council_os_annual_report_2016.txt",
    "en_oldham_os_pvfm_2019.txt",
    "en_thurrock_council_os_annual_report_2019.txt",
}


def test_batch27_dev_figures_do_not_drop(results):
    pages = [r for r in results if r.split == "dev" and batch(r.name) == 27]
    assert len(pages) == 26
    assert_floors(pages, BATCH27_DEV_FLOORS)
    assert total(pages).actions.fp <= BATCH27_DEV_FALSE_ACTIONS_AT_MOST
    first = [r for r in pages if r.name not in BATCH27_UNTUNED_ROUNDS]
    assert_floors(first, BATCH27_FIRST_SWEEP_DEV_FLOORS)


# Batch 30 (branch minutesleft3) is that branch's untuned final round: 5 fresh pages (Kexby and
# Matfen parish councils, Lytchett Matravers's finance committee, a City of London committee's
# report of action taken, a voluntary-sector summary of Solihull's safeguarding board), judged
# first, 2 held out by the SHA-256 rule and never scored by the branch. Its 3 dev pages read the
# same on main's reader and the branch's, untuned: resolutions 3 of 3, items 3 of 3, actions 0
# of 1 with 1 false (Kexby's "Action RG/GP" on its own line takes the motion two sentences up
# instead of the sentence right before it, "The Certificate of Exemption would be signed ...").
BATCH30_DEV_FLOOR = (1.0, 0.0, 1.0)


def test_batch30_dev_figures_do_not_drop(results):
    pages = [r for r in results if r.split == "dev" and batch(r.name) == 30]
    assert len(pages) == 3
    assert_floors(pages, BATCH30_DEV_FLOOR)


# Batch 31 (branch minutesleft4): an untuned final round only, 6 pages (Reed and Temple Cloud
# parish councils, BCP's Health and Wellbeing Board, Hammersmith & Fulham's cabinet, Halton's
# Executive Board, a Bristol area committee), judged and split (2 held out) before either reader
# ran on them (taken while the rules were being written, run only after the last change to the
# reader, no rule written from them). Main's reader (7bf0d54 ... 11ca82b) and the branch's read
# its 4 dev pages alike (scores_batch31_unseen.json): resolutions 1.0000 (6 of 6, none false),
# actions 1.0000 (1 of 1), items 6 of 6. The held-out pages were not scored by the branch: their
# floor is for the lead to set.
BATCH31_DEV_FLOORS = (1.00, 1.00, 1.00)


def test_batch31_dev_figures_do_not_drop(results):
    pages = [r for r in results if r.split == "dev" and batch(r.name) == 31]
    assert len(pages) == 4
    assert_floors(pages, BATCH31_DEV_FLOORS)
    assert [r.name for r in pages if r.score.actions.fp or r.score.resolutions.fp] == []


# Batch 32 (branch minutesleft5): the branch's untuned final round, 5 crematorium joint
# committee pages (England and Wales) judged and split by the digest rule before any reader ran
# on them (2 held out). Its 3 dev pages read the same on main's reader (cc9d24d) and the
# branch's (scores_batch32_unseen.json, run on a folder holding those pages alone): resolutions
# 0.9474 (9 of 9, 1 false: Broxtowe's "RESOLVED the work prog", cut by the stored copy and saying
# nothing decided), no action judged and none false, items 9 of 9. Not tuned on.
BATCH32_DEV_FLOORS = (0.94, 1.00, 1.00)


def test_batch32_dev_figures_do_not_drop(results):
    pages = [r for r in results if r.split == "dev" and batch(r.name) == 32]
    assert len(pages) == 3
    assert_floors(pages, BATCH32_DEV_FLOORS)
