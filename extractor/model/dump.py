"""A plan as plain data (dicts and lists), in the order of the output contract."""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from functools import cache
from typing import Any

from extractor.model.plan import Plan


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The plan as plain data, keys in the order of the output contract."""
    data = plain_data(plan)
    order = (
        "schema_version", "edition", "thematic_groups", "people", "organisations", "contacts",
        "warnings",
    )  # fmt: skip
    return {key: data[key] for key in order}


def plain_data(value: Any) -> Any:
    """Dataclasses as dicts of their fields, recursively, as dataclasses.asdict gives them.

    asdict deep-copies every value on the way, which costs more than the conversion itself;
    the values in plan records are strings, numbers, booleans or None, so none needs a copy.
    """
    names = _field_names(type(value))
    if names is not None:
        return {name: plain_data(getattr(value, name)) for name in names}
    if isinstance(value, list):
        return [plain_data(item) for item in value]
    if isinstance(value, tuple):
        return tuple(plain_data(item) for item in value)
    if isinstance(value, dict):
        return {key: plain_data(item) for key, item in value.items()}
    return value


@cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    """The field names of a dataclass type, or None for any other type."""
    return tuple(field.name for field in fields(cls)) if is_dataclass(cls) else None


def without_sources(data: Any) -> Any:
    """Plan data without its source fields: what must agree across renditions of one deck."""
    if isinstance(data, dict):
        return {k: without_sources(v) for k, v in data.items() if k != "source"}
    if isinstance(data, list):
        return [without_sources(v) for v in data]
    return data
