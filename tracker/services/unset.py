"""UNSET: "leave this field as it is" in an edit, told apart from None ("clear it") by type."""

import enum
from typing import Final


class Unset(enum.Enum):
    UNSET = "unset"


UNSET: Final = Unset.UNSET
