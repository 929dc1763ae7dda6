"""The governance chain: boards, their meetings, the trail of each status update through them
(noted or challenged at its own board, then reported up the chain), the roll-up of a board's
position, and escalations.

Modules: `boards` (the hierarchy), `meetings` (schedule, hold, review), `trail` (where an update
has been; what waits for a board), `position` (the roll-up), `escalations`, `overview` (one
board as the boards screen shows it).
"""
