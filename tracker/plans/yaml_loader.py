"""PyYAML's safe loader as plan files are read with it (libyaml's C version when PyYAML was
built with it): a key given twice is refused with its line, and a date-shaped value that is no
day on the calendar stays text. Imported only when PyYAML is needed (tracker.plans.reader)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import yaml

# libyaml's C version when PyYAML was built with it; the stubs declare it always there, and
# the pure-Python one has the same interface
if TYPE_CHECKING:
    _Fast = yaml.CSafeLoader
else:
    _Fast = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Loader(_Fast):
    """libyaml's safe loader that refuses a key given twice in one mapping: PyYAML keeps the
    last silently, so a pasted second `due:` would win without a word."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        if len(mapping) != len(node.value):  # cheap: only a mapping with a repeat looks further
            _refuse_repeated_key(node)
        return mapping


def _timestamp_or_text(loader: Loader, node: yaml.ScalarNode) -> Any:
    """A date-shaped value that is no day on the calendar (2025-02-30, 2025-13-01) stays
    text, so the field's own check refuses it with its line instead of PyYAML raising."""
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return str(node.value)


Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


def _refuse_repeated_key(node: yaml.MappingNode) -> None:
    first: dict[str, yaml.Node] = {}
    for key, _value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            continue
        if key.value in first:
            earlier = first[key.value].start_mark
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"the key {key.value!r} is given twice in one mapping (first at line "
                f"{earlier.line + 1}, column {earlier.column + 1}); keep one",
                key.start_mark,
            )
        first[key.value] = key
