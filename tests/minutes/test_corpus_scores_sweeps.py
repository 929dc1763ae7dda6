"""The importer's figures on the development pages of batches 33 to 47 may not drop.

These batches are fresh samples (branches sweep33 to sweep47) of bodies new to the corpus, each
judged and split before any reader ran on it. Each has its own floors; the floors on the pages
measured before are in test_corpus_scores.py and test_corpus_scores_branch_batches.py. Raise them
when the importer gets better; never lower them to make a change pass.
"""

from __future__ import annotations

import pytest

from tracker.minutes.evaluate import total

from .corpus_floors import assert_floors, batch, corpus_results


@pytest.fixture(scope="module")
def results():
    return corpus_results()


# Batch 33 (branch sweep33): a fresh sample of 35 real pages from 35 bodies new to the corpus,
# judged and split by the digest rule (9 held out) before any reader ran on them, and scored
# once untuned with main's reader (548a7e8; the branch changes no reader) on its 26 dev pages
# (scores_batch33_unseen.json): resolutions 0.7805 (16 of 21, 4 false), actions 0.3333 (3 of 11,
# 4 false), items 13 of 16. Kept untuned as the check of whether a reader generalises: raise
# these when a reader reads it better without being tuned on it. The held-out pages were not
# scored by the branch: their floor is for the lead to set.
# After branch freshprec (precision and item numbers, tuned on the 103 dev pages of batches
# 33-36): resolutions 0.8649 (16 of 21, 0 false), items 16 of 16.
# Branch freshact (tuned on these dev pages from here on) read actions 0.5556 (5 right, 2 false).
# branch freshres (tuned on these pages): resolutions 0.8889 (20 of 21, 4 false), items 17 of 20
# The three branches merged (lead): resolutions 0.9756 (20 right, 0 false, 1 missed), actions 0.5556, items 20 of 20.
# Branch actgen (kinds recurring on the first reads of batches 33-44): actions 0.5882 (5, 1, 6).
BATCH33_DEV_FLOORS = (0.97, 0.58, 1.0)


def test_batch33_dev_figures_do_not_drop(results):
    pages = [r for r in results if r.split == "dev" and batch(r.name) == 33]
    assert len(pages) == 26
    assert_floors(pages, BATCH33_DEV_FLOORS)


# Batch 34 (branch sweep34): 29 fresh pages with actions from 26 bodies new to the corpus
# (neighbourhood plan steering groups, nature, biodiversity and catchment partnerships, access
# forums, LEADER, burial committees, Scottish, Welsh and Northern Irish partnerships), judged and
# split (8 held out) before any reader ran on them, added after the session's models were trained
# and not tuned on. Main's reader (548a7e8) read its 21 dev pages once, untuned
# (scores_batch34_unseen.json): resolutions 0.7407 (20 right, 6 false, 8 missed), actions 0.6667
# (27 right, 4 false, 23 missed: action summaries in "X will ..." rows, owner cells inside
# flattened tables), items 15 of 20. The held-out pages were not scored by the branch.
# After branch freshprec: resolutions 0.8333 (20 right, 0 false, 8 missed), items 18 of 20.
# Branch freshact read actions 0.9184 (45 right, 3 false, 5 missed).
# branch freshres (tuned on these pages): resolutions 0.8852 (27 of 28, 6 false), items 21 of 27
# The three branches merged (lead): resolutions 0.9818 (27, 0, 1), actions 0.9184, items 24 of 27.
# Branch actgen (kinds recurring on the first reads of batches 33-44): actions 0.9485 (46, 1, 4).
BATCH34_DEV_FLOORS = (0.98, 0.94, 0.88)


def test_batch34_dev_figures_do_not_drop(results):
    pages = [r for r in results if r.split == "dev" and batch(r.name) == 34]
    assert len(pages) == 21
    assert_floors(pages, BATCH34_DEV_FLOORS)


# Batch 35 (branch sweep35): a fresh sample of 40 real decision pages from 40 bodies new to the
# corpus (principal councils' committees, cabinets and decision registers, police and crime
# panels, a fire authority, community, town and parish councils), judged and split by the digest
# rule (10 held out) before any reader ran on them, and scored once untuned with main's reader
# (e587143; the branch changes no reader) on its 30 dev pages (scores_batch35_unseen.json):
# resolutions 0.8211 (39 of 51, 5 false), actions 0.6667 (4 of 6, 2 false), items 36 of 39.
# Kept untuned as the check of whether a reader generalises: raise these when a reader reads it
# better without being tuned on it. The held-out pages were not scored by the branch: their floor
# is for the lead to set.
# After branch freshprec: resolutions 0.8817 (41 of 51, 1 false), items 40 of 41.
# Branch freshact read actions 0.7692 (5 right, 2 false, 1 missed).
# branch freshres (tuned on these pages): resolutions 0.9412 (48 of 51, 3 false); items 36 of 39
# -> 43 of 48 (0.92 -> 0.89): seven more right, but two of the nine decisions newly found sit
# under a number the item reader does not take (Glasgow's paragraph "2", Stocksfield's
# "20/6/52" glued to its title)
# The three branches merged (lead): resolutions 0.9600 (48, 1, 3), actions 0.7692, items 46 of 48.
# Branch actgen (kinds recurring on the first reads of batches 33-44): actions 0.8571 (6, 2, 0).
BATCH35_DEV_FLOORS = (0.96, 0.85, 0.95)


def test_batch35_dev_figures_do_not_drop(results):
    pages = [r for r in results if r.split == "dev" and batch(r.name) == 35]
    assert len(pages) == 30
    assert_floors(pages, BATCH35_DEV_FLOORS)


# Batch 36 (branch sweep36): a fresh mixed sample of 35 real pages from 35 bodies new to the
# corpus (parish and town councils in Herefordshire, Cumbria, Suffolk, Norfolk, the Isle of
# Wight, Staffordshire, Dorset and Kent, Welsh and Scottish community and town councils, a
# planning committee, a cabinet agenda, an NHS trust board, a school's governing board), judged
# and split by the digest rule (9 held out) before any reader ran on them, and scored once
# untuned with main's reader (1049806; the branch changes no reader) on its 26 dev pages
# (scores_batch36_unseen.json): resolutions 0.7838 (29 of 42, 3 false), actions 0.375 (3 of 4,
# 9 false: restated "Action – The Clerk" rows of an earlier meeting), items 23 of 29 (0.7931).
# Kept untuned as the check of whether a reader generalises: raise these when a reader reads it
# better without being tuned on it. The held-out pages were not scored by the branch: their
# floor is for the lead to set.
# After branch freshprec: resolutions 0.8493 (31 of 42, 0 false), items 31 of 31.
# Branch freshact read actions 0.6667 (3 right, 2 false, 1 missed).
# branch freshres (tuned on these pages): resolutions 0.9639 (40 of 42, 1 false), items 33 of 40
# The three branches merged (lead): resolutions 0.9756 (40, 0, 2), actions 0.6667, items 40 of 40.
BATCH36_DEV_FLOORS = (0.97, 0.66, 1.0)


def test_batch36_dev_figures_do_not_drop(results):
    pages = [r for r in results if r.split == "dev" and batch(r.name) == 36]
    assert len(pages) == 26
    assert_floors(pages, BATCH36_DEV_FLOORS)


# Batch 38 (branch sweep38): a fresh sample of 35 real pages from 35 parish, town and community
# councils new to the corpus (Cheshire, Lancashire, the East Riding, West Yorkshire, Derbyshire
# and West Sussex; Monmouthshire, the Vale of Glamorgan, Pembrokeshire and Conwy; Aberdeenshire,
# Ayrshire, Perth and Kinross and Dumfries and Galloway), judged and split by the digest rule
# (9 held out) before any reader ran on them, and scored once untuned with main's reader
# (a34c79e, whose minutes reader is e0549f4's; the branch changes no reader) on its 26 dev pages
# (scores_batch38_unseen.json): resolutions 0.6047 (13 of 24, 6 false), actions 0.8 (6 of 8, 1
# false), items 11 of 13 (0.8462). Kept untuned as the check of whether a reader generalises:
# raise these when a reader reads it better without being tuned on it. The held-out pages were
# not scored by the branch: their floor is for the lead to set.
# Tuned from the second wave on: branch fresh2act read its actions at 0.9333 (7 of 8, none false).
# Tuned on from the second wave (branch fresh2res): resolutions 0.6047 -> 0.898 (22 of 24, 3
# false), items 11 of 13 -> 19 of 22 (0.8636).
BATCH38_DEV_FLOORS = (0.89, 0.93, 0.86)


def test_batch38_dev_figures_do_not_drop(results):
    pages = [r for r in results if r.split == "dev" and batch(r.name) == 38]
    assert len(pages) == 26
    assert_floors(pages, BATCH38_DEV_FLOORS)


# Batch 37 (branch sweep37): 36 real pages from 36 bodies new to the corpus and other than parish
# and town councils (cabinets, committees and agendas of principal councils in England, Wales and
# Scotland, a fire authority committee, health and wellbeing boards, public services boards, AONB
# and catchment partnerships, a community justice authority, academy trusts, a school's governors),
# judged and split by the digest rule (9 held out) before any reader ran on them, and scored once
# untuned with main's reader (a34c79e, whose minutes reader is e0549f4's; the branch changes no
# reader) on its 27 dev pages (scores_batch37_unseen.json): resolutions 0.8182 (18 of 24, 2
# false), no judged action and 8 false ones (seven restated actions of an earlier meeting, one
# agenda title), items 15 of 18 (0.8333). Kept untuned: raise these when a reader reads it better
# without being tuned on it. The held-out pages were not scored by the branch.
BATCH37_DEV_FLOORS = (0.81, 0.0, 0.83)
# fresh2act: the seven restated actions now go to review ("Actions from the last meeting"), the
# agenda title stays (one false action left, North Lincolnshire's document link)
BATCH37_DEV_FALSE_ACTIONS_AT_MOST = 1


def test_batch37_dev_figures_do_not_drop(results):
    pages = [r for r in results if r.split == "dev" and batch(r.name) == 37]
    assert len(pages) == 27
    assert_floors(pages, BATCH37_DEV_FLOORS)
    assert total(pages).actions.fp <= BATCH37_DEV_FALSE_ACTIONS_AT_MOST


# Batch 39 (branch sweep39): 31 real pages from 31 bodies new to the corpus, chosen for the actions
# they record (action logs and "Action to be done next:" lists, "Action:" markers, owner columns
# flattened into the text, "<name> to <verb>" directives, restated action reviews): GP practices'
# patient groups, neighbourhood forums and plan groups, partnerships, youth councils, a local access
# forum, a canal partnership, a fire authority, parish and town councils; judged and split by the
# digest rule (8 held out) before any reader ran on them, and scored once untuned with main's reader
# (d5c07cf; the branch changes no reader) on its 23 dev pages (scores_batch39_unseen.json):
# resolutions 0.6341 (13 of 26, 2 false), actions 0.6102 (18 of 38, 3 false), items 13 of 13.
# Kept untuned as the check of how the action rules carry to pages nobody tuned on: raise these
# when a reader reads it better without being tuned on it. The held-out pages were not scored by
# the branch: their floor is for the lead to set.
# fresh2act (tuned on these dev pages): actions 0.8182 (27 of 38, 1 false)
# Branch actgen (kinds recurring on the first reads of batches 33-44): actions 0.8529 (29, 1, 9).
BATCH39_DEV_FLOORS = (0.63, 0.85, 1.0)


def test_batch39_dev_figures_do_not_drop(results):
    pages = [r for r in results if r.split == "dev" and batch(r.name) == 39]
    assert len(pages) == 23
    assert_floors(pages, BATCH39_DEV_FLOORS)


# Batch 40 (branch sweep40): a fresh mixed sample of 25 real pages from 25 bodies new to the corpus
# (parish and town councils in Norfolk, Essex, Lincolnshire, Cornwall and Worcestershire, Scottish
# community councils in Fife, Shetland and Orkney, Welsh community councils in Powys and Gwynedd,
# a district council's cabinet decision, a joint waste committee, a fire authority's audit
# committee, the Northern Ireland Assembly's Audit Committee, an ICB committee, an NHS trust's
# governors, an autism partnership board, a UK Government partnership group for Northern Ireland,
# a neighbourhood plan steering group), judged and split by the digest rule (7 held out) before any
# reader ran on them, and scored once untuned with main's reader (76161f4; the branch changes no
# reader) on its 18 dev pages (scores_batch40_unseen.json): resolutions 0.7018 (20 of 34, 3
# false), actions 0.4 (the one judged action read, 3 false), items 17 of 20 (0.85). Kept untuned
# as the check of whether the session's rules generalise: raise these when a reader reads it better
# without being tuned on it. The held-out pages were not scored by the branch: their floor is for
# the lead to set. The seventh session spent batches 40-42 for tuning (branch tune40, general
# rules written from their dev pages' misses, corpus README "The dev pages of batches 40-42 as
# general rules"): resolutions 0.9851 (33 of 34, none false), actions 0.4 (unchanged), items 29
# of 33 (0.8788).
# Branch actgen (kinds recurring on the first reads of batches 33-44): actions 0.6667 (1, 1, 0).
BATCH40_DEV_FLOORS = (0.98, 0.66, 0.87)


def test_batch40_dev_figures_do_not_drop(results):
    pages = [r for r in results if r.split == "dev" and batch(r.name) == 40]
    assert len(pages) == 18
    assert_floors(pages, BATCH40_DEV_FLOORS)


# Batch 41 (branch sweep41): 25 real pages from 25 bodies new to the corpus, chosen because they
# record actions (a trust board's action tracking list, "Action:" / "Actions:" / "Action point:"
# markers, owner-only labels, owner columns flattened into the text, "<name> to <verb>" and "is to"
# directives): NHS trust and Northern Ireland departmental boards, an integrated care partnership,
# a police audit committee, the Social Mobility Commission and the Civil Nuclear Police Authority,
# a Scottish Government stakeholder group and executive board, a county council's SACRE and topic
# group, a town board, parish, town and community councils in England, Wales and Scotland; judged
# and split by the digest rule (7 held out) before any reader ran on them, and scored once untuned
# with main's reader (e3e09e8; the branch changes no reader) on its 18 dev pages: resolutions
# 0.6154 (4 of 6, 3 false), actions 0.3810 (4 of 13, 4 false), items 3 of 4 (0.75). Kept untuned
# as the check of how the action rules carry to pages nobody tuned on: raise these when a reader
# reads it better without being tuned on it. The held-out pages were not scored by the branch:
# their floor is for the lead to set. Tuned on by branch tune40 (batches 40-42 spent): resolutions
# 0.9091 (5 of 6, none false), actions 0.88 (11 of 13, 1 false), items 5 of 5.
# Branch actgen (kinds recurring on the first reads of batches 33-44): actions 0.96 (12, 0, 1).
BATCH41_DEV_FLOORS = (0.90, 0.96, 1.00)


def test_batch41_dev_figures_do_not_drop(results):
    pages = [r for r in results if r.split == "dev" and batch(r.name) == 41]
    assert len(pages) == 18
    assert_floors(pages, BATCH41_DEV_FLOORS)


# Batch 42 (branch sweep42): a fresh mixed sample of 28 real pages from 28 bodies new to the corpus
# (parish and town councils in Shropshire, Wiltshire, Northumberland, Lancashire, North Yorkshire and
# Kent, community councils in Argyll and Ceredigion, a convention of Perth and Kinross's community
# councils, Sevenoaks's and Clackmannanshire's councils, New Forest's and the Isle of Wight's
# decisions, Brent's health and wellbeing board, the Avon and Somerset police and crime panel,
# Lancashire's and Northern Ireland's fire bodies, Mid and East Antrim's and the Western Isles'
# councils' agendas, two Welsh community health councils, NHS Fife's partnership forum, a National
# Assembly for Wales committee), gathered while the learnt labellers were built, judged and split by
# the digest rule (7 held out) before any reader ran on them, and scored once untuned with main's
# reader (e3e09e8; the branch changes no reader) on its 21 dev pages (scores_batch42_unseen.json):
# resolutions 0.7719 (22 of 30, 5 false), actions 0.7692 (5 of 7, 1 false), items 18 of 22
# (0.8182). Kept untuned as the check of the learnt labellers: raise these when a reader reads it
# better without being tuned on it. The held-out pages were not scored by the branch: their floor
# is for the lead to set. Tuned on by branch tune40 (batches 40-42 spent): resolutions 0.8966 (26
# of 30, 2 false), actions 0.9333 (7 of 7, 1 false), items 23 of 26 (0.8846).
BATCH42_DEV_FLOORS = (0.89, 0.93, 0.88)


def test_batch42_dev_figures_do_not_drop(results):
    pages = [r for r in results if r.split == "dev" and batch(r.name) == 42]
    assert len(pages) == 21
    assert_floors(pages, BATCH42_DEV_FLOORS)


# Batch 43 (branch sweep43): a fresh mixed sample of 30 real pages from 30 bodies new to the corpus
# (parish and town councils in Dorset, Herefordshire, Lincolnshire, Cornwall and Norfolk, Anglesey
# and Monmouthshire, community councils in Fife, Shetland, West Lothian and Powys, Dumfries and
# Galloway's Stewartry area committee, the Moray Council, Uttlesford's scrutiny committee, Arun's
# published decisions, the Devon and Somerset fire authority, the Northumbria and Staffordshire
# panels, the Northern Ireland Ambulance Service's and the Western trust's boards, the Northern
# Ireland Assembly and Business Trust), gathered while the lead changed the reader in the eighth
# session, judged twice and split by the digest rule (8 held out) before any reader ran on them, and
# scored once untuned with main's reader (e4e887c; main's c0256c4 has the same tracker/, and the
# branch changes no reader) on its 22 dev pages (scores_batch43_unseen.json): resolutions 0.7606
# (27 of 43, 1 false), actions 0.5455 (3 of 6, 2 false), items 23 of 27 (0.8519). Kept untuned as
# the check of this session's reader: raise these when a reader reads it better without being tuned
# on it. The held-out pages were not scored by the branch: their floor is for the lead to set.
# Branch actgen (kinds recurring on the first reads of batches 33-44, these dev pages among
# them): actions 0.7273 (4, 1, 2).
BATCH43_DEV_FLOORS = (0.76, 0.72, 0.85)


def test_batch43_dev_figures_do_not_drop(results):
    pages = [r for r in results if r.split == "dev" and batch(r.name) == 43]
    assert len(pages) == 22
    assert_floors(pages, BATCH43_DEV_FLOORS)


# Batch 44 (branch sweep44): a fresh mixed sample of 30 real pages from 30 bodies new to the corpus
# (parish and town councils in Lincolnshire, Suffolk, Shropshire, Cumbria, Wiltshire and Devon,
# community and town councils in Angus, Stirling, Wrexham, Ceredigion and Pembrokeshire, West Devon
# council, a Derbyshire County Council committee, the North Yorkshire police, fire and crime panel,
# the East Sussex and Royal Berkshire fire authorities, a hospital trust board, the Commission for
# Integrated Transport, Nestrans, the Scottish Borders community councils' network, a Dorset
# enterprise partnership, a schools partnership and a patient group, Northern Ireland's Department
# of Education board, NILGA's executive and the Arts Council of Northern Ireland), gathered as the
# lead's untuned check of this session's reader changes, judged twice and split by the digest rule
# (8 held out) before any reader ran on them, and scored once untuned with main's reader (7f82f54e;
# the branch changes no reader) on its 22 dev pages (scores_batch44_unseen.json): resolutions
# 0.8254 (26 of 35, 2 false), actions 0.5556 (5 of 11, 2 false), items 15 of 26 (0.5769). Kept
# untuned as the check of this session's reader: raise these when a reader reads it better
# without being tuned on it. The held-out pages were not scored by the branch: their floor is for
# the lead to set.
# Tuned on by branch tune44 (issue 17, eleventh session): resolutions 1.0 (35 of 35, none false),
# items 32 of 35 (0.9143); branch actgen (kinds recurring on the first reads of batches 33-44,
# these dev pages among them): actions 0.8421 (8, 0, 3).
BATCH44_DEV_FLOORS = (0.99, 0.84, 0.91)


def test_batch44_dev_figures_do_not_drop(results):
    pages = [r for r in results if r.split == "dev" and batch(r.name) == 44]
    assert len(pages) == 22
    assert_floors(pages, BATCH44_DEV_FLOORS)


# Batch 45 (branch sweep45): a fresh mixed sample of 24 real pages from 24 bodies new to the corpus
# (parish and town councils in Norfolk, Herefordshire, Rutland, Cambridgeshire, Northumberland,
# Somerset and Cornwall, Rutland County Council's parish council forum, three Sussex CCGs'
# primary care committees in common, community councils in Moray and Orkney, the Association of
# Shetland Community Councils and the Joint Community Councils of Moray, community councils in
# Monmouthshire, the North Wales Economic Ambition Board and the Growing Mid Wales board, and
# Ballymoney Borough Council), gathered as the lead's untuned check of this session's reader
# changes, judged twice and split by the digest rule (6 held out) before any reader ran on them,
# and scored once untuned with main's reader (e1b8e893; the branch changes no reader) on its 18
# dev pages (scores_batch45_unseen.json): resolutions 0.8372 (18 of 23, 2 false), actions 1.0 (2
# of 2, 0 false), items 10 of 18 (0.5556). Kept untuned as the check of this session's reader:
# raise these when a reader reads it better without being tuned on it. The held-out pages were
# not scored by the branch: their floor is for the lead to set. Branch tune45 then tuned on the
# dev pages (its kinds as general rules): resolutions 1.0 (23 of 23, 0 false), actions 1.0,
# items 23 of 23.
BATCH45_DEV_FLOORS = (1.0, 1.0, 1.0)


def test_batch45_dev_figures_do_not_drop(results):
    pages = [r for r in results if r.split == "dev" and batch(r.name) == 45]
    assert len(pages) == 18
    assert_floors(pages, BATCH45_DEV_FLOORS)


# Batch 46 (branch sweep46): a fresh mixed sample of 28 real pages from 28 bodies new to the corpus
# (parish councils in Buckinghamshire, Hampshire, East Sussex, Essex, York, North Yorkshire and
# Cheshire, the Dorset association of parish and town councils, a Metropolitan Police Authority
# sub-committee, a West Northamptonshire youth forum, community councils in Dumfries and Galloway,
# Argyll and Bute, Clackmannanshire and Stirling, the Scottish Commission on Social Security, a
# health and social care partnership board's agenda, community councils in Anglesey,
# Carmarthenshire and Gwynedd, the Wye Valley AONB joint advisory committee, Coleraine Borough
# Council, a Housing Executive tenants' group and the Heritage Fund's Northern Ireland committee),
# gathered as the lead's untuned check of this session's reader changes, judged twice and split by
# the digest rule (7 held out) before any reader ran on them, and scored once untuned with main's
# reader (9b4e5981; the branch changes no reader) on its 21 dev pages
# (scores_batch46_unseen.json): resolutions 0.7755 (19 of 25, 5 false), actions 0.3077 (2 of 9,
# 2 false), items 10 of 19 (0.5263). Its dev pages were then tuned on (branch tune46, rules by
# kind with variants in test_layout_variants_tune46.py): the floors are what that branch reads on
# the 21 dev pages, resolutions 0.9796 (24 of 25, none false), actions 0.6667 (5 of 9, 1 false),
# items 19 of 24 (0.7917). The held-out pages were not scored by either branch: their floor is
# for the lead to set. Branch judgecheck judged Follifoot's minutes "proposed ..., seconded ... .
# The Chairman then duly signed the minutes." a motion with its outcome (rule 4), missed by the
# reader: resolutions 0.9796 (24 of 25) -> 0.96 (24 of 26, none false).
BATCH46_DEV_FLOORS = (0.96, 0.66, 0.79)


def test_batch46_dev_figures_do_not_drop(results):
    pages = [r for r in results if r.split == "dev" and batch(r.name) == 46]
    assert len(pages) == 21
    assert_floors(pages, BATCH46_DEV_FLOORS)


# Batch 47 (branch sweep47): a fresh mixed sample of 20 real pages from 20 bodies new to the corpus
# (parish and town councils in Norfolk, Shropshire, Devon, Kent and County Durham, community
# councils in Moray, Perth and Kinross and East Ayrshire, South Ayrshire Council, a community
# council and two town councils in Powys and Carmarthenshire, the Coychurch crematorium joint
# committee's decision details, and Newry and Mourne District Council before the reorganisation),
# gathered as the lead's untuned check of this session's reader changes, judged twice and split by
# the digest rule (5 held out) before any reader ran on them, and scored once untuned with main's
# reader (d5ff8e4e; the branch changes no reader) on its 15 dev pages
# (scores_batch47_unseen.json): resolutions 0.7843 (20 of 28, 3 false), actions 0.5 (2 of 4,
# 2 false), items 17 of 20 (0.85). Kept untuned as the check of this session's reader: raise
# these when a reader reads it better without being tuned on it. The held-out pages were not
# scored by the branch: their floor is for the lead to set. Branch tune47 then tuned on the dev
# pages (a movers' line under its RESOLVED, an ACTION marker reporting a decision, a directive in
# capitals on its own line, "Approved: A Seconded: B" on the minutes' title's line, "X nominated.
# Proposed A Seconded B" ... "X duly elected"; its rule for the movers' initials "GP/KP" after the
# minutes approved was taken out: a board's guard judges "The minutes were approved (AB/CD)." no
# decision): resolutions 22 of 28, 2 false, actions 0.75 (3 of 4, 1 false).
BATCH47_DEV_FLOORS = (0.84, 0.75, 0.86)


def test_batch47_dev_figures_do_not_drop(results):
    pages = [r for r in results if r.split == "dev" and batch(r.name) == 47]
    assert len(pages) == 15
    assert_floors(pages, BATCH47_DEV_FLOORS)
