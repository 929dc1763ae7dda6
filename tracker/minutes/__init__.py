"""Reading council minutes: resolutions, follow-ups and what could not be read.

Standard library only. See `tracker.minutes.parser` for the formats handled and the
decisions taken on ambiguous text.
"""

from .models import (
    ExtractedFollowUp,
    ExtractedResolution,
    Extraction,
    MinutesError,
    Uncertainty,
)
from .parser import parse_minutes
from .text import read_minutes_file

__all__ = [
    "ExtractedFollowUp",
    "ExtractedResolution",
    "Extraction",
    "MinutesError",
    "Uncertainty",
    "parse_minutes",
    "read_minutes_file",
]
