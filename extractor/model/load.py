"""Reading plan.json back into plan dataclasses."""

from __future__ import annotations

import dataclasses
import enum
import functools
import json
import types
import typing
from pathlib import Path
from typing import Any

from extractor.model.plan import Plan


class PlanFileError(Exception):
    """A plan.json that cannot be read; the message names the file."""


def load_plan(path: Path) -> Plan:
    """Read a plan.json file (or an edition folder holding one) into a Plan."""
    file = path / "plan.json" if path.is_dir() else path
    data = _read_json(file)
    try:
        return plan_from_dict(data)
    except (KeyError, TypeError, ValueError) as err:
        raise PlanFileError(f"{file}: not a plan.json of this tool ({err})") from err


def _read_json(file: Path) -> Any:
    """The data of a JSON file; one that cannot be read or parsed raises PlanFileError."""
    try:
        return json.loads(file.read_text(encoding="utf-8"))
    except OSError as err:
        raise PlanFileError(f"{file}: cannot be read ({err.strerror or err})") from err
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise PlanFileError(f"{file}: not valid JSON ({err})") from err


def plan_from_dict(data: dict[str, Any]) -> Plan:
    """Build a Plan from the plain data plan.json holds."""
    return _build(Plan, data)


def _build(kind: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        return _build(options[0], value) if len(options) == 1 else value
    if origin is list:
        (item,) = typing.get_args(kind)
        return [_build(item, v) for v in value]
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return kind(value)
    if dataclasses.is_dataclass(kind):
        if not isinstance(value, dict):
            raise TypeError(f"{kind.__name__} expects an object, got {type(value).__name__}")
        hints = _field_hints(kind)
        return kind(**{k: _build(hints[k], v) for k, v in value.items() if k in hints})
    return value


@functools.cache
def _field_hints(kind: type) -> dict[str, Any]:
    """The type of each field of a dataclass (resolving hints is slow: once per class)."""
    hints = typing.get_type_hints(kind)
    return {f.name: hints[f.name] for f in dataclasses.fields(kind)}
