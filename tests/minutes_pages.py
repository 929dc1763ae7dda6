"""Small pages of minutes that more than one test reads: the reader's tests (tests/minutes) and the
import review's (tests/committees) each take them from here, not from one another's modules."""

from __future__ import annotations

# a parish page: the reader takes item 5's decision and action, lists line 8 as unsure, and
# reads nothing in line 9 (a decision no rule reads)
PARISH = """Minutes of the Parish Council

5. Allotments
RESOLVED that the rents rise by 5% from April.
ACTION: Clerk to write to the allotment holders.

6. Village hall
It was agreed that the Clerk would book the hall for the fete.
Following a show of hands the hall be booked for the fete.
"""

# the same page and an item 7 whose line 11, a task closed by its owner's initials, the reader
# reads nothing in either
PARISH_BENCHES = PARISH + "7. Benches\nObtain three quotes for the bench. KW\n"

# the reader reads item 5 whole; under item 6 it leaves line 11 (an undertaking reported) and
# line 15 (the same, of the Committee) and reads the directive of line 13
PARKS = """Minutes of the Parks Committee

5. Play areas

RESOLVED: That the play area report be noted.

ACTION: Parks Officer to report back on the play area repairs.

6. Allotments

It was agreed that the Clerk would write to the allotment holders about the hedges.

Members discussed the bins. The Clerk to contact the county council about the missing bins.

The Committee agreed that the allotment rents would rise by 5% from April.
"""

# three items, each headed its own way; the page's first line is the meeting's heading, no item's
PARISH_TITLED = """MINUTES OF THE PARISH COUNCIL MEETING held on 4 March 2024

5. Play areas

RESOLVED: That the play area report be noted.

6. Allotments

RESOLVED: That the allotment rents rise by 5% from April.

Minute 7
Footpaths and hedges

RESOLVED: That the hedge on Mill Lane be cut.
"""
