"""A package whose names load their modules when first used (PEP 562): importing the package
loads none of them, and a caller that needs one name loads only that name's module."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def names_on_first_use(
    package: str, where: Mapping[str, str], space: dict[str, Any]
) -> Callable[[str], Any]:
    """The package's `__getattr__`: a name in `where` is read from its module of `package` and
    kept in the package's namespace `space`, so the next use finds it there."""

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        space[name] = value
        return value

    return __getattr__
